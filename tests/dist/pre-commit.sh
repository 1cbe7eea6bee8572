#!/usr/bin/env bash
# The pre-commit hook, end to end: `pre-commit try-repo` of this checkout against a scratch
# git repository; a staged bad file makes the hook fail and show the finding, a clean one
# passes. Then the same with the npm-based local hook that README.md documents, installed
# from the tarballs of scripts/package-npm.sh (no network).
#
#   bash tests/dist/pre-commit.sh     (needs pre-commit, git, cargo, Node.js and npm; prints PASS or FAIL)
#
# The hook is `language: rust`, so pre-commit runs `cargo install --path .` on its own
# clone of this checkout, which would compile jwtlint again (minutes in release mode). The
# test avoids that: it makes sure target/release is fresh for this checkout (`cargo build
# --release --locked`, a no-op after .ci/run's release build), copies it, marks jwtlint's
# own artifacts in the copy newer than the clone's files, and points CARGO_TARGET_DIR at
# the copy, so cargo finds every unit fresh and only copies the binary (a few seconds).
# The clone holds the same files (try-repo takes HEAD plus uncommitted changes to tracked
# files), so the installed binary is the one built from them. With
# JWTLINT_PRECOMMIT_REBUILD=1 cargo rebuilds jwtlint itself (the dependencies stay reused).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

command -v pre-commit >/dev/null || { echo "FAIL: tests/dist/pre-commit.sh: pre-commit is not installed (pip install pre-commit)"; exit 1; }

failures=0
fail() { echo "  FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "  ok: $*"; }

export PRE_COMMIT_HOME="$tmp/pre-commit-home" PRE_COMMIT_COLOR=never
(cd "$root" && cargo build --release --locked --quiet)
export CARGO_TARGET_DIR="$tmp/target"
mkdir -p "$CARGO_TARGET_DIR"
cp -a "$root/target/release" "$CARGO_TARGET_DIR/release"
if [ "${JWTLINT_PRECOMMIT_REBUILD:-0}" != 1 ]; then
  later=$(($(date +%s) + 3600))
  for d in "$CARGO_TARGET_DIR"/release/.fingerprint/jwtlint-*; do touch -d "@$later" "$d"/*; done
  touch -d "@$later" "$CARGO_TARGET_DIR"/release/deps/*jwtlint* "$CARGO_TARGET_DIR"/release/jwtlint \
    "$CARGO_TARGET_DIR"/release/libjwtlint.rlib
fi

repo="$tmp/repo"
mkdir -p "$repo/src"
git -C "$repo" init -q
git -C "$repo" config user.email test@example.com
git -C "$repo" config user.name test
git -C "$repo" config commit.gpgsign false
echo '{ "name": "scratch-app", "version": "1.0.0", "private": true }' >"$repo/package.json"
cat >"$repo/src/auth.js" <<'EOF'
const jwt = require('jsonwebtoken');

exports.check = (token) => jwt.verify(token, process.env.KEY);
EOF
cat >"$repo/README.md" <<'EOF'
Not JavaScript: the hook must not be given this file.
EOF
git -C "$repo" add -A

try_repo() {
  set +e
  (cd "$repo" && pre-commit try-repo "$root" jwtlint --verbose) >"$tmp/out" 2>&1
  status=$?
  set -e
}

start=$(date +%s)
try_repo
echo "pre-commit: first run (builds the hook) took $(($(date +%s) - start)) s"
if [ "$status" -ne 0 ] && grep -q "missing-algorithms" "$tmp/out" && grep -q "src/auth.js" "$tmp/out"; then
  ok "a staged bad file fails the hook, which shows the finding"
else
  fail "bad file: exit $status, expected a failure that shows missing-algorithms in src/auth.js"
  sed 's/^/    | /' "$tmp/out"
fi
if grep -q "README.md" "$tmp/out"; then
  fail "the hook was given README.md"; sed 's/^/    | /' "$tmp/out"
fi

cat >"$repo/src/auth.js" <<'EOF'
const jwt = require('jsonwebtoken');

exports.check = (token) => jwt.verify(token, process.env.KEY, { algorithms: ['RS256'] });
EOF
git -C "$repo" add -A
try_repo
if [ "$status" -eq 0 ] && grep -q "jwtlint.*Passed" "$tmp/out"; then
  ok "a staged clean file passes"
else
  fail "clean file: exit $status, expected the hook to pass"; sed 's/^/    | /' "$tmp/out"
fi

# The npm variant the README documents (a local hook, `language: node`), taken from the
# README with this checkout's tarballs in place of `jwtlint@<version>` from the registry.
echo "pre-commit: the npm-based local hook from README.md"
"$root/scripts/package-npm.sh" "$tmp/pkgs" >"$tmp/tarballs"
python3 - "$root/README.md" "$tmp/tarballs" "$repo/.pre-commit-config.yaml" <<'PY'
import re, sys
readme = open(sys.argv[1]).read()
blocks = [b for b in re.findall(r"```yaml\n(.*?)```", readme, re.S) if "repo: local" in b and "language: node" in b]
if len(blocks) != 1:
    sys.exit("README.md: expected one yaml block with the npm-based local hook, found %d" % len(blocks))
tarballs = [l.strip() for l in open(sys.argv[2]) if l.strip()]
config, n = re.subn(r"additional_dependencies: \[[^\]]*\]",
                    "additional_dependencies: [%s]" % ", ".join('"%s"' % t for t in tarballs), blocks[0])
if n != 1:
    sys.exit("README.md: the local hook has no additional_dependencies line")
open(sys.argv[3], "w").write(config)
PY
cat >"$repo/src/auth.js" <<'JS'
const jwt = require('jsonwebtoken');

exports.issue = (sub) => jwt.sign({ sub }, 'hardcoded-secret-value', { expiresIn: '15m' });
JS
git -C "$repo" add -A
run_hooks() {
  set +e
  (cd "$repo" && npm_config_offline=true npm_config_cache="$tmp/npm-cache" pre-commit run --verbose) >"$tmp/out" 2>&1
  status=$?
  set -e
}
run_hooks
if [ "$status" -ne 0 ] && grep -q "hardcoded-secret" "$tmp/out" && grep -q "src/auth.js" "$tmp/out"; then
  ok "npm hook: a staged bad file fails the hook, which shows the finding"
else
  fail "npm hook, bad file: exit $status, expected a failure that shows hardcoded-secret in src/auth.js"
  sed 's/^/    | /' "$tmp/out"
fi
echo 'exports.add = (a, b) => a + b;' >"$repo/src/auth.js"
git -C "$repo" add -A
run_hooks
if [ "$status" -eq 0 ] && grep -q "jwtlint.*Passed" "$tmp/out"; then
  ok "npm hook: a staged clean file passes"
else
  fail "npm hook, clean file: exit $status, expected the hook to pass"; sed 's/^/    | /' "$tmp/out"
fi

if [ "$failures" -eq 0 ]; then
  echo "PASS: tests/dist/pre-commit.sh (pre-commit try-repo, and the npm-based hook)"
else
  echo "FAIL: tests/dist/pre-commit.sh ($failures failed checks)"
  exit 1
fi
