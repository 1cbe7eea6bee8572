#!/usr/bin/env node
'use strict';

// Writes the npm packages of jwtlint as `npm pack` tarballs. Called by scripts/package-npm.sh,
// which finds the version (Cargo.toml) and the binary; run that script rather than this file.
//
//   node npm/pack.js --out DIR --version X.Y.Z [--launcher] [--target TRIPLE --binary PATH]
//
// --launcher                   the `jwtlint` package (the launcher; every platform package
//                              as an exact-version optional dependency)
// --target T --binary PATH     the platform package for Rust target T, holding PATH

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { PLATFORMS, binaryName } = require('./jwtlint/lib/platforms');

const ROOT = path.resolve(__dirname, '..');
const LAUNCHER_DIR = path.join(__dirname, 'jwtlint');

const COMMON = {
  license: 'MIT',
  homepage: 'https://github.com/jwtlint/jwtlint#readme',
  repository: { type: 'git', url: 'git+https://github.com/jwtlint/jwtlint.git' },
  bugs: { url: 'https://github.com/jwtlint/jwtlint/issues' },
};

function usage(msg) {
  process.stderr.write(`npm/pack.js: ${msg}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { launcher: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--out') opts.out = value();
    else if (a === '--version') opts.version = value();
    else if (a === '--launcher') opts.launcher = true;
    else if (a === '--target') opts.target = value();
    else if (a === '--binary') opts.binary = value();
    else usage(`unknown argument ${a}`);
  }
  if (!opts.out || !opts.version) usage('--out and --version are required');
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(opts.version)) usage(`${opts.version} is not a version`);
  if (!!opts.target !== !!opts.binary) usage('--target and --binary go together');
  if (!opts.launcher && !opts.target) usage('nothing to do: give --launcher and/or --target with --binary');
  return opts;
}

function writeJson(file, value) {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

// Runs `npm pack` in dir and returns the tarball's path in out.
function pack(dir, out) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const json = execFileSync(npm, ['pack', '--json', '--pack-destination', out], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    shell: process.platform === 'win32',
  });
  const [info] = JSON.parse(json);
  return path.join(out, info.filename);
}

function stage(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `jwtlint-npm-${name}-`));
}

function launcher(version, out) {
  const dir = stage('launcher');
  try {
    for (const sub of ['bin', 'lib']) {
      fs.mkdirSync(path.join(dir, sub));
      for (const f of fs.readdirSync(path.join(LAUNCHER_DIR, sub))) {
        fs.copyFileSync(path.join(LAUNCHER_DIR, sub, f), path.join(dir, sub, f));
      }
    }
    fs.chmodSync(path.join(dir, 'bin', 'jwtlint.js'), 0o755);
    fs.copyFileSync(path.join(LAUNCHER_DIR, 'README.md'), path.join(dir, 'README.md'));
    fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(dir, 'LICENSE'));
    const optionalDependencies = {};
    for (const p of PLATFORMS) optionalDependencies[p.pkg] = version;
    writeJson(path.join(dir, 'package.json'), {
      name: 'jwtlint',
      version,
      description: 'A JWT security linter for JavaScript and TypeScript projects',
      keywords: ['jwt', 'jsonwebtoken', 'jose', 'security', 'linter', 'sast', 'sarif'],
      ...COMMON,
      bin: { jwtlint: 'bin/jwtlint.js' },
      files: ['bin/', 'lib/'],
      engines: { node: '>=14' },
      optionalDependencies,
    });
    return pack(dir, out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function platform(version, target, binary, out) {
  const p = PLATFORMS.find((x) => x.target === target);
  if (!p) {
    usage(`no npm package for target ${target}; known targets: ${PLATFORMS.map((x) => x.target).join(', ')}`);
  }
  if (!fs.existsSync(binary)) usage(`${binary}: no such file`);
  const dir = stage(p.pkg.replace('@jwtlint/', ''));
  try {
    const bin = binaryName(p.os);
    fs.copyFileSync(binary, path.join(dir, bin));
    fs.chmodSync(path.join(dir, bin), 0o755);
    fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(dir, 'LICENSE'));
    const where = [p.os, p.cpu, p.libc].filter(Boolean).join(' ');
    fs.writeFileSync(
      path.join(dir, 'README.md'),
      `# ${p.pkg}\n\nThe [jwtlint](https://www.npmjs.com/package/jwtlint) binary for ${where} (${p.target}).\n` +
        'Install `jwtlint` rather than this package: it picks the right binary for the machine.\n'
    );
    writeJson(path.join(dir, 'package.json'), {
      name: p.pkg,
      version,
      description: `The jwtlint binary for ${where}`,
      ...COMMON,
      os: [p.os],
      cpu: [p.cpu],
      ...(p.libc ? { libc: [p.libc] } : {}),
      files: [bin],
      preferUnplugged: true,
    });
    return pack(dir, out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const out = path.resolve(opts.out);
  fs.mkdirSync(out, { recursive: true });
  if (opts.target) console.log(platform(opts.version, opts.target, path.resolve(opts.binary), out));
  if (opts.launcher) console.log(launcher(opts.version, out));
}

main();
