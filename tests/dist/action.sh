#!/usr/bin/env bash
# The GitHub Action's scripts, run here as the runner would run them: the install step
# against a fake release (curl replaced by a copy from a local folder; the archive holds
# target/release/jwtlint), checksum and version checks included; then the run step, with a
# stand-in jwtlint that records its arguments (paths, extra arguments, fail-on), and with the
# real binary on a bad project (annotations on stdout, SARIF in a file, exit 1).
#
#   bash tests/dist/action.sh     (needs python3 with PyYAML, which pre-commit brings; run
#                                  `cargo build --release --locked` first; prints PASS or FAIL)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bin="$root/target/release/jwtlint"
[ -x "$bin" ] || { echo "FAIL: tests/dist/action.sh: $bin not built (cargo build --release --locked)"; exit 1; }
version="$("$bin" --version)"; version="${version#jwtlint }"

failures=0
fail() { echo "  FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "  ok: $*"; }

# The steps' scripts, as files.
python3 - "$root/action.yml" "$tmp" <<'PY'
import sys, yaml
action = yaml.safe_load(open(sys.argv[1]))
for step in action["runs"]["steps"]:
    if "run" in step:
        open(f"{sys.argv[2]}/{step['id']}.sh", "w").write(step["run"])
PY

# A fake release of $version for Linux x64, and a curl that serves it.
release="$tmp/release"
mkdir -p "$release/jwtlint-x86_64-unknown-linux-musl" "$tmp/fakebin"
cp "$bin" "$release/jwtlint-x86_64-unknown-linux-musl/jwtlint"
(cd "$release" && tar -czf jwtlint-x86_64-unknown-linux-musl.tar.gz jwtlint-x86_64-unknown-linux-musl &&
  sha256sum jwtlint-x86_64-unknown-linux-musl.tar.gz >jwtlint-x86_64-unknown-linux-musl.tar.gz.sha256 &&
  rm -r jwtlint-x86_64-unknown-linux-musl)
cat >"$tmp/fakebin/curl" <<EOF
#!/usr/bin/env bash
# -fsSI URL: headers of /releases/latest; -fsSL --retry N -o FILE URL: a release file.
url="\${@: -1}"
case "\$url" in
  */releases/latest) printf 'HTTP/2 302\r\nlocation: https://github.com/jwtlint/jwtlint/releases/tag/v$version\r\n\r\n'; exit 0 ;;
esac
while [ \$# -gt 1 ]; do [ "\$1" = -o ] && out="\$2"; shift; done
case "\$url" in
  https://github.com/jwtlint/jwtlint/releases/download/v$version/*) ;;
  *) echo "curl: (22) The requested URL returned error: 404" >&2; exit 22 ;;
esac
cp "$release/\${url##*/}" "\$out" 2>/dev/null || { echo "curl: (22) 404" >&2; exit 22; }
EOF
chmod +x "$tmp/fakebin/curl"

# Runs a step script as the runner does (shell: bash) with its variables; keeps status, output, GITHUB_PATH/OUTPUT.
step() { # SCRIPT [VAR=VALUE...]
  local script="$1"; shift
  rm -rf "$tmp/runner"; mkdir -p "$tmp/runner/temp"
  : >"$tmp/runner/path"; : >"$tmp/runner/output"
  set +e
  (cd "$tmp/work" && env PATH="$tmp/fakebin:$PATH" RUNNER_TEMP="$tmp/runner/temp" \
    GITHUB_PATH="$tmp/runner/path" GITHUB_OUTPUT="$tmp/runner/output" "$@" \
    bash --noprofile --norc -eo pipefail "$tmp/$script.sh") >"$tmp/out" 2>&1
  status=$?
  set -e
}
show() { sed 's/^/    | /' "$tmp/out"; }
mkdir -p "$tmp/work"

# Install.
step install INPUT_VERSION="$version" ACTION_REF=main RUNNER_OS_NAME=Linux RUNNER_ARCH_NAME=X64
installed="$(cat "$tmp/runner/path")"
if [ "$status" = 0 ] && [ -x "$installed/jwtlint" ] && [ "$("$installed/jwtlint" --version)" = "jwtlint $version" ]; then
  ok "install: the version asked for is downloaded, checked and put on PATH"
  mkdir -p "$tmp/installed" && cp "$installed/jwtlint" "$tmp/installed/" # runner/ is wiped by each step
else
  fail "install with version $version: exit $status, PATH entry '$installed'"; show
fi
step install INPUT_VERSION="" ACTION_REF="v$version" RUNNER_OS_NAME=Linux RUNNER_ARCH_NAME=X64
[ "$status" = 0 ] && grep -q "Installed jwtlint $version" "$tmp/out" && ok "install: the action's tag gives the version" ||
  { fail "install from the action's tag: exit $status"; show; }
step install INPUT_VERSION="" ACTION_REF=main RUNNER_OS_NAME=Linux RUNNER_ARCH_NAME=X64
[ "$status" = 0 ] && grep -q "Installed jwtlint $version" "$tmp/out" && ok "install: from a branch, the latest release" ||
  { fail "install of the latest release: exit $status"; show; }
step install INPUT_VERSION="latest" ACTION_REF="v$version" RUNNER_OS_NAME=Linux RUNNER_ARCH_NAME=X64
[ "$status" = 0 ] && grep -q "Installed jwtlint $version" "$tmp/out" && ok "install: version latest" ||
  { fail "install of version latest: exit $status"; show; }
step install INPUT_VERSION="1.0; rm -rf /" ACTION_REF=main RUNNER_OS_NAME=Linux RUNNER_ARCH_NAME=X64
[ "$status" != 0 ] && grep -q "version must be a jwtlint release" "$tmp/out" && ok "install: a malformed version is a clear error" ||
  { fail "install of a malformed version: exit $status"; show; }
step install INPUT_VERSION="9.9.9" ACTION_REF=main RUNNER_OS_NAME=Linux RUNNER_ARCH_NAME=X64
[ "$status" != 0 ] && ok "install: a version that was never released fails" || { fail "install of 9.9.9 passed"; show; }
step install INPUT_VERSION="$version" ACTION_REF=main RUNNER_OS_NAME=Linux RUNNER_ARCH_NAME=ppc64
[ "$status" != 0 ] && grep -q "no jwtlint binary for Linux ppc64" "$tmp/out" && ok "install: an unknown runner is a clear error" ||
  { fail "install on ppc64: exit $status"; show; }
cp "$release/jwtlint-x86_64-unknown-linux-musl.tar.gz.sha256" "$tmp/good.sha256"
# A checksum that differs from the real one in its first digit (whatever that digit is: the
# release's bytes, and so its checksum, change with every build).
sum_file="$release/jwtlint-x86_64-unknown-linux-musl.tar.gz.sha256"
if [ "$(head -c1 "$sum_file")" = 0 ]; then wrong=1; else wrong=0; fi
sed -i "s/^./$wrong/" "$sum_file"
step install INPUT_VERSION="$version" ACTION_REF=main RUNNER_OS_NAME=Linux RUNNER_ARCH_NAME=X64
[ "$status" != 0 ] && grep -q "checksum mismatch" "$tmp/out" && ok "install: a wrong checksum fails" ||
  { fail "install with a wrong checksum: exit $status"; show; }
cp "$tmp/good.sha256" "$release/jwtlint-x86_64-unknown-linux-musl.tar.gz.sha256"

# Run, with a stand-in that records its arguments and exits with $FAKE_STATUS.
cat >"$tmp/fakebin/jwtlint" <<'EOF'
#!/usr/bin/env bash
for a in "$@"; do printf '[%s]\n' "$a"; done >"$ARGS_FILE"
exit "${FAKE_STATUS:-0}"
EOF
chmod +x "$tmp/fakebin/jwtlint"
run_fake() { # FAIL_ON STATUS
  step run ARGS_FILE="$tmp/args" FAKE_STATUS="$2" INPUT_FAIL_ON="$1" \
    INPUT_PATHS=$'src\n  apps/my api  \n\n' INPUT_ARGS=$'--include-tests\n --baseline  b.json'
}
run_fake warning 1
printf '[%s]\n' -f "sarif:$tmp/runner/temp/jwtlint.sarif" -f github --max-warnings 0 \
  --include-tests --baseline b.json src 'apps/my api' >"$tmp/want"
if cmp -s "$tmp/want" "$tmp/args"; then ok "run: paths, extra arguments and fail-on: warning reach jwtlint"; else
  fail "run: unexpected arguments"; diff "$tmp/want" "$tmp/args" | sed 's/^/    | /'
fi
[ "$status" = 1 ] && grep -qx "exit-code=1" "$tmp/runner/output" && ok "run: findings fail the step (exit 1)" ||
  { fail "run with findings: exit $status"; show; }
run_fake never 1
[ "$status" = 0 ] && grep -qx "exit-code=1" "$tmp/runner/output" && ok "run: fail-on: never passes with findings" ||
  { fail "fail-on never: exit $status"; show; }
run_fake never 2
[ "$status" = 2 ] && ok "run: fail-on: never still fails on a jwtlint error (exit 2)" || { fail "fail-on never, exit 2: got $status"; show; }
run_fake error 0
if [ "$status" = 0 ] && ! grep -q -- "--max-warnings" "$tmp/args"; then ok "run: fail-on: error leaves warnings alone"; else
  fail "fail-on error: exit $status"; cat "$tmp/args"; fi
run_fake sometimes 0
[ "$status" = 2 ] && grep -q "fail-on must be error, warning or never" "$tmp/out" && ok "run: a bad fail-on is a clear error" ||
  { fail "fail-on sometimes: exit $status"; show; }
step run ARGS_FILE="$tmp/args" INPUT_FAIL_ON=error INPUT_PATHS="" INPUT_ARGS=""
printf '[%s]\n' -f "sarif:$tmp/runner/temp/jwtlint.sarif" -f github >"$tmp/want"
cmp -s "$tmp/want" "$tmp/args" && ok "run: empty inputs add nothing" || { fail "empty inputs"; cat "$tmp/args"; }

# Run, with the real binary on a bad project.
rm "$tmp/fakebin/jwtlint"
mkdir -p "$tmp/work/src"
printf "const jwt = require('jsonwebtoken');\nexports.check = (t) => jwt.verify(t, process.env.KEY);\n" >"$tmp/work/src/auth.js"
mkdir -p "$tmp/probe"
set +e
"$bin" -f "sarif:$tmp/probe/x.sarif" -f github "$tmp/probe" >/dev/null 2>&1
probe=$?
set -e
if [ "$probe" = 2 ]; then
  echo "  SKIP: run with the real binary: this build of jwtlint does not take -f FORMAT:FILE twice (the formats work brings it)"
else
  step run PATH="$tmp/installed:$PATH" INPUT_FAIL_ON=error INPUT_PATHS="." INPUT_ARGS=""
  if [ "$status" = 1 ] && grep -q "^::error file=src/auth.js" "$tmp/out" &&
    grep -qx "sarif-file=$tmp/runner/temp/jwtlint.sarif" "$tmp/runner/output" &&
    grep -q '"ruleId": *"missing-algorithms"' "$tmp/runner/temp/jwtlint.sarif"; then
    ok "run: the real jwtlint writes annotations and SARIF in one run, and fails the step"
  else
    fail "run with the real binary: exit $status"; show
  fi
fi

if [ "$failures" -eq 0 ]; then
  echo "PASS: tests/dist/action.sh (the action installs, checks and runs jwtlint)"
else
  echo "FAIL: tests/dist/action.sh ($failures failed checks)"
  exit 1
fi
