#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ (see fuzz/README.md).
#
#   scripts/fuzz.sh [TARGET|all] [SECONDS]
#
# TARGET is pipeline, project, config or suppressions (default: all, one after the other);
# SECONDS is the time per target (default: 60). Empty corpora (fuzz/corpus/TARGET) are
# seeded from test-fixtures/, examples/ and fuzz/seeds/ first. Each target runs with a
# 10 s timeout per input and a 2 GiB memory limit; a summary line per target gives the
# executions and coverage. Exits 1 when any crash, timeout or out-of-memory artifact
# was written during the run (they are in fuzz/artifacts/TARGET/), 2 on a usage error.
#
# Environment:
#   FUZZ_KEEP_GOING=1   do not stop at the first crash: collect every artifact (fork mode)
#   FUZZ_ARGS="..."     more libFuzzer flags, e.g. FUZZ_ARGS="-max_len=4096"
#
# Requirements: a nightly toolchain (`rustup toolchain install nightly`) and cargo-fuzz
# (`cargo install cargo-fuzz`).
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(pipeline project config suppressions)
target=${1:-all}
seconds=${2:-60}

usage() {
  echo "usage: scripts/fuzz.sh [pipeline|project|config|suppressions|all] [SECONDS]" >&2
  exit 2
}
[[ $# -le 2 ]] || usage
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "SECONDS must be a positive whole number, got \`$seconds\`" >&2; usage; }
if [[ $target == all ]]; then
  selected=("${TARGETS[@]}")
elif [[ " ${TARGETS[*]} " == *" $target "* ]]; then
  selected=("$target")
else
  echo "unknown target \`$target\`" >&2
  usage
fi
cargo +nightly --version >/dev/null 2>&1 || { echo "a nightly toolchain is needed: rustup toolchain install nightly" >&2; exit 2; }
cargo +nightly fuzz --version >/dev/null 2>&1 || { echo "cargo-fuzz is needed: cargo install cargo-fuzz" >&2; exit 2; }

# Seeds a target's corpus from the repository's own JS/TS code, when it is empty.
seed() {
  local t=$1 dir=fuzz/corpus/$1
  mkdir -p "$dir"
  if [[ -n $(ls -A "$dir") ]]; then
    return
  fi
  python3 - "$t" "$dir" <<'PY'
import hashlib, os, sys
target, out = sys.argv[1], sys.argv[2]
SOURCES = (".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts")
# The pipeline target's selector byte: index in fuzz/src/lib.rs EXTENSIONS.
SELECTOR = {".js": 0, ".cjs": 0, ".jsx": 1, ".ts": 2, ".mts": 2, ".tsx": 3, ".mjs": 4, ".cts": 5}
roots = ["test-fixtures", "examples", os.path.join("fuzz", "seeds", target)]

def files(root):
    for d, dirs, names in os.walk(root):
        dirs.sort()
        for n in sorted(names):
            yield os.path.join(d, n)

def save(data):
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)

count = 0
for root in roots:
    if not os.path.isdir(root):
        continue
    own = root.startswith("fuzz")
    for p in files(root):
        data = open(p, "rb").read()
        ext = os.path.splitext(p)[1]
        if own:
            save(data)
        elif target == "pipeline" and ext in SOURCES:
            save(bytes([SELECTOR[ext]]) + data)
            save(bytes([SELECTOR[ext] | 0x80]) + data)
        elif target == "suppressions" and ext in SOURCES:
            save(data)
        elif target == "config" and ext == ".toml":
            save(data)
        else:
            continue
        count += 1
    if target == "project" and not root.startswith("fuzz"):
        # Every folder with more than one file becomes one input: its files (at any
        # depth, at most 6) behind `//@@ NAME` headers.
        for d, dirs, names in os.walk(root):
            dirs.sort()
            inner = [p for p in files(d)
                     if p.endswith(SOURCES + (".json", ".toml"))]
            if len(inner) < 2 or len(inner) > 6:
                continue
            data = b"".join(b"//@@ " + os.path.relpath(p, d).replace(os.sep, "/").encode()
                            + b"\n" + open(p, "rb").read() for p in inner)
            save(data)
            count += 1
print(f"seeded fuzz/corpus/{target} with {count} inputs")
PY
}

dict_for() {
  case $1 in
    config) echo fuzz/dict/toml.dict ;;
    *) echo fuzz/dict/js.dict ;;
  esac
}

failed=0
summaries=()
for t in "${selected[@]}"; do
  seed "$t"
  mkdir -p "fuzz/artifacts/$t" fuzz/logs
  stamp=$(mktemp)
  log=fuzz/logs/$t.log
  extra=()
  if [[ ${FUZZ_KEEP_GOING:-0} == 1 ]]; then
    extra=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  fi
  echo "== $t: fuzzing for ${seconds}s (log: $log)"
  # Leak detection is off: LeakSanitizer reports the thread-local state (tree-sitter
  # parsers, oxc_resolver's scratch paths) of worker threads that are still exiting when a
  # run returns (std::thread::scope joins a thread before its thread-local destructors
  # have run), which is not a leak of the program. FUZZ_ARGS=-detect_leaks=1 turns it on.
  # shellcheck disable=SC2086
  cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -detect_leaks=0 \
    -dict="$(dict_for "$t")" -print_final_stats=1 "${extra[@]}" ${FUZZ_ARGS:-} \
    >"$log" 2>&1 || true
  # The last status line: `#N ... cov: C ft: F corp: K/...` (fork mode: `#N: cov: ...`).
  status=$(grep -E '^#[0-9]+:?[[:space:]]' "$log" | tail -n 1 || true)
  runs=$(grep -oE '^stat::number_of_executed_units: [0-9]+' "$log" | tail -n 1 | awk '{print $2}' || true)
  [[ -n $runs ]] || runs=$(sed -nE 's/^#([0-9]+):?[[:space:]].*/\1/p' <<<"$status")
  cov=$(grep -oE 'cov: [0-9]+' <<<"$status" | awk '{print $2}' || true)
  ft=$(grep -oE 'ft: [0-9]+' <<<"$status" | awk '{print $2}' || true)
  corp=$(grep -oE 'corp: [0-9]+' <<<"$status" | awk '{print $2}' || true)
  found=$(find "fuzz/artifacts/$t" -type f -newer "$stamp" \
    \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | sort)
  rm -f "$stamp"
  n=$(grep -c . <<<"$found" || true)
  line="$t: ${runs:-?} executions, cov: ${cov:-?}, ft: ${ft:-?}, corpus: ${corp:-?}, new artifacts: $n"
  summaries+=("$line")
  echo "$line"
  if [[ $n -gt 0 ]]; then
    failed=1
    sed 's/^/  /' <<<"$found"
  elif ! grep -qE '^Done [0-9]+ runs|^INFO: fuzzed for [0-9]+ seconds|^#[0-9]+: .*(DONE|time:)' "$log"; then
    echo "  the fuzzer did not finish normally; the end of $log:" >&2
    tail -n 20 "$log" | sed 's/^/  /' >&2
    failed=1
  fi
done

echo "== summary"
printf '%s\n' "${summaries[@]}"
if [[ $failed -ne 0 ]]; then
  echo "failures: see fuzz/artifacts/ and fuzz/README.md (turning an artifact into a regression test)" >&2
  exit 1
fi
