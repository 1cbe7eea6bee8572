#!/usr/bin/env node
'use strict';

// Runs the jwtlint binary from the platform package that npm installed beside this one
// (an optional dependency chosen by `os`, `cpu` and `libc`), or the one named by
// JWTLINT_BINARY. Arguments, standard streams and the exit status pass through unchanged.

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { PLATFORMS, binaryName } = require('../lib/platforms');

const EXIT_ERROR = 2; // jwtlint's exit status for usage, configuration and I/O errors

function fail(lines) {
  process.stderr.write('jwtlint: error: ' + lines.join('\n') + '\n');
  process.exit(EXIT_ERROR);
}

// The C library of this Linux system: 'musl' or 'glibc'.
function linuxLibc(readFile = fs.readFileSync, report = process.report) {
  // glibc's ldd is a shell script that names glibc; musl's ldd is (a link to) the musl loader.
  try {
    const ldd = readFile('/usr/bin/ldd', 'latin1');
    if (ldd.includes('musl')) return 'musl';
    if (ldd.includes('GNU C Library') || ldd.includes('GLIBC') || ldd.includes('glibc')) return 'glibc';
  } catch (_) {
    // no ldd (minimal images): ask Node, which knows the glibc it runs on, if any
  }
  try {
    if (report && typeof report.getReport === 'function') {
      report.excludeNetwork = true;
      const header = report.getReport().header;
      return header && header.glibcVersionRuntime ? 'glibc' : 'musl';
    }
  } catch (_) {
    // fall through
  }
  return 'glibc';
}

// The platform packages that could hold a binary for this machine, best first. On Linux
// the other libc's package comes second: npm may have judged the libc differently.
function candidates(platform = process.platform, arch = process.arch, libcOf = linuxLibc) {
  const here = PLATFORMS.filter((p) => p.os === platform && p.cpu === arch);
  if (platform !== 'linux') return { libc: undefined, list: here };
  const libc = libcOf();
  const list = here.filter((p) => p.libc === libc).concat(here.filter((p) => p.libc !== libc));
  return { libc, list };
}

function ownVersion() {
  try {
    return require('../package.json').version;
  } catch (_) {
    return undefined;
  }
}

function findBinary() {
  const fromEnv = process.env.JWTLINT_BINARY;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) {
      fail([`JWTLINT_BINARY is set to ${fromEnv}, but there is no file there.`]);
    }
    return fromEnv;
  }
  const { libc, list } = candidates();
  const where = [process.platform, process.arch, libc].filter(Boolean).join(' ');
  if (list.length === 0) {
    fail([
      `there is no prebuilt jwtlint binary for this platform (${where}).`,
      'Build it from source (needs Rust and a C compiler):',
      '  cargo install --git https://github.com/jwtlint/jwtlint --locked',
      'then set JWTLINT_BINARY to the path of the jwtlint it installed.',
    ]);
  }
  for (const p of list) {
    let dir;
    try {
      dir = path.dirname(require.resolve(`${p.pkg}/package.json`));
    } catch (_) {
      continue;
    }
    const bin = path.join(dir, binaryName(p.os));
    if (fs.existsSync(bin)) return bin;
  }
  const wanted = list[0].pkg;
  const version = ownVersion();
  const spec = version ? `${wanted}@${version}` : wanted;
  fail([
    `the jwtlint binary for this platform (${where}) is missing: the package ${wanted} is not installed.`,
    'npm installs it with jwtlint, as an optional dependency; it is usually missing because',
    '  - optional dependencies were left out (npm install --omit=optional or --no-optional, or',
    '    omit=optional in .npmrc): install them, or',
    '  - the lockfile was made on another OS or CPU, and npm installed only what it recorded:',
    '    delete node_modules and package-lock.json, then run npm install again.',
    `To add the package yourself:  npm install --save-optional ${spec}`,
    'To use a jwtlint binary of your own, set JWTLINT_BINARY to its path.',
  ]);
  return undefined; // not reached
}

function main() {
  const bin = findBinary();
  const result = spawnSync(bin, process.argv.slice(2), {
    stdio: 'inherit',
    shell: false,
    windowsHide: true,
  });
  if (result.error) {
    const why = result.error.code === 'EACCES' ? 'it is not executable' : result.error.message;
    fail([`cannot run ${bin}: ${why}`]);
  }
  if (result.signal) {
    process.stderr.write(`jwtlint: error: jwtlint was stopped by ${result.signal}\n`);
    process.exit(EXIT_ERROR);
  }
  process.exit(result.status === null ? EXIT_ERROR : result.status);
}

if (require.main === module) {
  main();
} else {
  module.exports = { candidates, linuxLibc }; // for tests/dist/npm.sh
}
