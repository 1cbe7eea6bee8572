#!/usr/bin/env bash
# The pre-commit hook, end to end: `pre-commit try-repo` of this checkout against a scratch
# git repository; a staged bad file makes the hook fail and show the finding, a clean one
# passes.
#
#   bash tests/dist/pre-commit.sh     (needs pre-commit, git and cargo; prints PASS or FAIL)
#
# The hook is `language: rust`, so pre-commit runs `cargo install --path .` on its own
# clone. So that this does not compile every dependency again, the test points
# CARGO_TARGET_DIR at a copy of this checkout's target/release (run `cargo build --release
# --locked` first, as .ci/run does): cargo then finds the dependencies fresh and rebuilds
# only jwtlint itself. A copy, not target/ itself, so the checkout's build stays fresh.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

command -v pre-commit >/dev/null || { echo "FAIL: tests/dist/pre-commit.sh: pre-commit is not installed (pip install pre-commit)"; exit 1; }

failures=0
fail() { echo "  FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "  ok: $*"; }

export PRE_COMMIT_HOME="$tmp/pre-commit-home" PRE_COMMIT_COLOR=never
export CARGO_TARGET_DIR="$tmp/target"
if [ -d "$root/target/release/deps" ]; then
  mkdir -p "$CARGO_TARGET_DIR"
  cp -a "$root/target/release" "$CARGO_TARGET_DIR/release"
else
  echo "pre-commit: no target/release here; cargo will build everything (several minutes)"
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

if [ "$failures" -eq 0 ]; then
  echo "PASS: tests/dist/pre-commit.sh (pre-commit try-repo)"
else
  echo "FAIL: tests/dist/pre-commit.sh ($failures failed checks)"
  exit 1
fi
