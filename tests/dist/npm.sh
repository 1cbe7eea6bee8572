#!/usr/bin/env bash
# The npm packages, end to end: packs them with scripts/package-npm.sh (reusing
# target/release when it is fresh), installs the tarballs into a scratch project without
# the network, and runs `npx jwtlint` there on bad and clean code; then checks argument and
# exit status pass-through, JWTLINT_BINARY, a binary killed by a signal, and the message
# when the platform package is missing.
#
#   bash tests/dist/npm.sh        (needs Node.js, npm and cargo; prints PASS or FAIL)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Nothing from the network: the tarballs are installed from disk, and npx must find the
# installed bin (a lookup on the registry would be a failure).
export npm_config_offline=true npm_config_cache="$tmp/npm-cache" npm_config_update_notifier=false

failures=0
fail() { echo "  FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "  ok: $*"; }

# Runs a command in the scratch project, keeping its exit status, stdout and stderr.
run() {
  set +e
  (cd "$tmp/app" && "$@") >"$tmp/out" 2>"$tmp/err"
  status=$?
  set -e
}
expect_status() {
  if [ "$status" = "$1" ]; then ok "$2 (exit $1)"; else
    fail "$2: exit $status, expected $1"; sed 's/^/    | /' "$tmp/out" "$tmp/err"
  fi
}
expect_in() { # FILE TEXT WHAT
  if grep -qF -- "$2" "$tmp/$1"; then ok "$3"; else
    fail "$3: \"$2\" not in $1"; sed 's/^/    | /' "$tmp/$1"
  fi
}

echo "npm: packing"
"$root/scripts/package-npm.sh" "$tmp/pkgs" >"$tmp/tarballs"
launcher="$(grep '/jwtlint-[0-9][^/]*\.tgz$' "$tmp/tarballs")"
platform="$(grep '/jwtlint-cli-' "$tmp/tarballs")"
version="$(basename "$launcher" .tgz)"; version="${version#jwtlint-}"
pkg="$(tar xzf "$platform" -O package/package.json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).name))')"
echo "npm: installing jwtlint $version and $pkg into a scratch project"

mkdir -p "$tmp/app/src"
echo '{ "name": "scratch-app", "version": "1.0.0", "private": true }' >"$tmp/app/package.json"
(cd "$tmp/app" && npm install --no-audit --no-fund --loglevel=error "$launcher" "$platform") >"$tmp/install.log" 2>&1 ||
  { sed 's/^/    | /' "$tmp/install.log"; echo "FAIL: tests/dist/npm.sh: npm install failed"; exit 1; }

# A project with two findings.
cat >"$tmp/app/src/auth.js" <<'EOF'
const jwt = require('jsonwebtoken');

function check(token) {
  return jwt.verify(token, process.env.KEY);
}

function issue(sub) {
  return jwt.sign({ sub }, 'hardcoded-secret-value', { expiresIn: '15m' });
}

module.exports = { check, issue };
EOF
run npx jwtlint
expect_status 1 "npx jwtlint on a bad project fails"
expect_in out missing-algorithms "it reports missing-algorithms"
expect_in out hardcoded-secret "it reports hardcoded-secret"
expect_in out src/auth.js "it names the file"

run npx jwtlint --format json --rule missing-algorithms src
expect_status 1 "arguments reach the binary"
if node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));
  const ids=[...new Set(r.findings.map(f=>f.rule))]; process.exit(ids.join()==="missing-algorithms"?0:1)' "$tmp/out"; then
  ok "--format json --rule missing-algorithms gives JSON with that rule only"
else
  fail "--format json --rule missing-algorithms: unexpected output"; sed 's/^/    | /' "$tmp/out"
fi

run npx jwtlint --no-such-option
expect_status 2 "a usage error keeps jwtlint's exit status"

run npx jwtlint --version
expect_status 0 "--version"
expect_in out "jwtlint $version" "--version prints the version the packages carry"

# The clean version of the same project.
cat >"$tmp/app/src/auth.js" <<'EOF'
const jwt = require('jsonwebtoken');

function check(token) {
  return jwt.verify(token, process.env.KEY, { algorithms: ['RS256'] });
}

module.exports = { check };
EOF
run npx jwtlint
expect_status 0 "npx jwtlint on a clean project passes"

# JWTLINT_BINARY: every argument arrives as it was given (no shell in between).
cat >"$tmp/echo-args" <<'EOF'
#!/bin/sh
for a in "$@"; do printf '[%s]\n' "$a"; done
exit 7
EOF
chmod +x "$tmp/echo-args"
run env JWTLINT_BINARY="$tmp/echo-args" npx jwtlint 'a b' '' '$HOME' '*.js' "it's" '--x=1;echo no'
expect_status 7 "JWTLINT_BINARY is run, and its exit status passes through"
printf '[%s]\n' 'a b' '' '$HOME' '*.js' "it's" '--x=1;echo no' >"$tmp/want"
if cmp -s "$tmp/want" "$tmp/out"; then ok "arguments pass through unchanged"; else
  fail "arguments were changed on the way"; diff "$tmp/want" "$tmp/out" | sed 's/^/    | /'
fi

run env JWTLINT_BINARY="$tmp/no-such-binary" npx jwtlint
expect_status 2 "a JWTLINT_BINARY that does not exist is an error"
expect_in err "JWTLINT_BINARY" "the error names JWTLINT_BINARY"

printf '#!/bin/sh\nkill -TERM $$\n' >"$tmp/killed"
chmod +x "$tmp/killed"
run env JWTLINT_BINARY="$tmp/killed" npx jwtlint
expect_status 2 "a binary killed by a signal gives exit 2"
expect_in err "SIGTERM" "and says which signal"

# Without the platform package.
rm -rf "$tmp/app/node_modules/$pkg"
run npx jwtlint
expect_status 2 "a missing platform package is an error"
expect_in err "$pkg" "the error names the package to add"
expect_in err "npm install --save-optional $pkg@$version" "and the command that adds it"
expect_in err "--omit=optional" "and the --omit=optional cause"
expect_in err "lockfile" "and the lockfile cause"

# The launcher's choice on every platform, and its libc detection (glibc's and musl's ldd,
# no ldd with Node's report, which names the glibc it runs on, if any).
if node - "$tmp/app/node_modules/jwtlint/bin/jwtlint.js" <<'EOF' >"$tmp/out" 2>&1; then
const l = require(process.argv[2]);
const problems = [];
const expect = (what, got, want) => { if (got !== want) problems.push(`${what}: ${got}, expected ${want}`); };
const first = (platform, arch, libc) => (l.candidates(platform, arch, () => libc).list[0] || {}).pkg;
expect('linux x64 glibc', first('linux', 'x64', 'glibc'), '@jwtlint/cli-linux-x64');
expect('linux x64 musl', first('linux', 'x64', 'musl'), '@jwtlint/cli-linux-x64-musl');
expect('linux arm64 glibc', first('linux', 'arm64', 'glibc'), '@jwtlint/cli-linux-arm64');
expect('linux arm64 musl', first('linux', 'arm64', 'musl'), '@jwtlint/cli-linux-arm64-musl');
expect('linux x64 musl, then', l.candidates('linux', 'x64', () => 'musl').list[1].pkg, '@jwtlint/cli-linux-x64');
expect('darwin x64', first('darwin', 'x64'), '@jwtlint/cli-darwin-x64');
expect('darwin arm64', first('darwin', 'arm64'), '@jwtlint/cli-darwin-arm64');
expect('win32 x64', first('win32', 'x64'), '@jwtlint/cli-win32-x64');
expect('win32 arm64', first('win32', 'arm64'), '@jwtlint/cli-win32-arm64');
expect('freebsd x64', l.candidates('freebsd', 'x64').list.length, 0);
const noLdd = () => { throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' }); };
const report = (glibc) => ({ getReport: () => ({ header: glibc ? { glibcVersionRuntime: glibc } : {} }) });
expect('glibc ldd', l.linuxLibc(() => '#! /bin/bash\n# This file is part of the GNU C Library.\n', report()), 'glibc');
expect('musl ldd', l.linuxLibc(() => '#!/bin/sh\nexec /lib/ld-musl-x86_64.so.1 --list "$@"\n', report('2.36')), 'musl');
expect('no ldd, glibc runtime', l.linuxLibc(noLdd, report('2.36')), 'glibc');
expect('no ldd, no glibc runtime', l.linuxLibc(noLdd, report()), 'musl');
if (problems.length) { console.log(problems.join('\n')); process.exit(1); }
EOF
  ok "the launcher picks the right package on each platform, musl included"
else
  fail "launcher platform choice"; sed 's/^/    | /' "$tmp/out"
fi

# Every platform package, as the release workflow writes them (--target/--binary; this
# machine's binary stands in for the others): name, os/cpu/libc, the binary's file name and
# mode, and the launcher's exact-version optional dependency on each.
for target in $(node -e 'for (const p of require(process.argv[1]).PLATFORMS) console.log(p.target)' "$root/npm/jwtlint/lib/platforms.js"); do
  "$root/scripts/package-npm.sh" "$tmp/all" --target "$target" --binary "$root/target/release/jwtlint" --no-launcher >>"$tmp/all.list"
done
if node - "$root/npm/jwtlint/lib/platforms.js" "$launcher" "$version" "$tmp/all.list" <<'EOF' >"$tmp/out" 2>&1; then
const fs = require('fs');
const { execFileSync } = require('child_process');
const [platformsJs, launcherTgz, version, list] = process.argv.slice(2);
const { PLATFORMS } = require(platformsJs);
const tar = (tgz, ...args) => execFileSync('tar', ['-xzf', tgz, '-O', ...args], { encoding: 'utf8' });
const modes = (tgz) => execFileSync('tar', ['-tvzf', tgz], { encoding: 'utf8' });
const launcher = JSON.parse(tar(launcherTgz, 'package/package.json'));
const problems = [];
const tgzs = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
if (tgzs.length !== PLATFORMS.length) problems.push(`${tgzs.length} tarballs for ${PLATFORMS.length} platforms`);
for (const [i, p] of PLATFORMS.entries()) {
  const pkg = JSON.parse(tar(tgzs[i], 'package/package.json'));
  const bin = p.os === 'win32' ? 'jwtlint.exe' : 'jwtlint';
  const want = { name: p.pkg, version, os: [p.os], cpu: [p.cpu], libc: p.libc ? [p.libc] : undefined, files: [bin] };
  for (const [k, v] of Object.entries(want)) {
    if (JSON.stringify(pkg[k]) !== JSON.stringify(v)) problems.push(`${p.pkg}: ${k} is ${JSON.stringify(pkg[k])}, expected ${JSON.stringify(v)}`);
  }
  if (!new RegExp(`^-rwxr-xr-x .* package/${bin.replace('.', '\\.')}$`, 'm').test(modes(tgzs[i]))) {
    problems.push(`${p.pkg}: no executable package/${bin}`);
  }
  if (launcher.optionalDependencies[p.pkg] !== version) problems.push(`launcher: optionalDependencies["${p.pkg}"] is not ${version}`);
}
if (Object.keys(launcher.optionalDependencies).length !== PLATFORMS.length) problems.push('launcher: extra optionalDependencies');
if (launcher.bin.jwtlint !== 'bin/jwtlint.js' || launcher.dependencies) problems.push('launcher: bin or dependencies wrong');
if (problems.length) { console.log(problems.join('\n')); process.exit(1); }
EOF
  ok "the 8 platform packages and the launcher's optional dependencies agree"
else
  fail "platform packages"; sed 's/^/    | /' "$tmp/out"
fi

if [ "$failures" -eq 0 ]; then
  echo "PASS: tests/dist/npm.sh (npm packages install and run)"
else
  echo "FAIL: tests/dist/npm.sh ($failures failed checks)"
  exit 1
fi
