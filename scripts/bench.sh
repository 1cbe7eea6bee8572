#!/usr/bin/env bash
# Benchmarks jwtlint against a reference measured in the same run.
#
#   scripts/bench.sh [--base BIN] [--args "ARGS"] [DIR...]
#   scripts/bench.sh --lsp [--edits N]
#
# For each DIR (plus a generated corpus) it times `jwtlint DIR` (JSON output, all cores)
# and, as the reference, `rg -l jwt DIR` (ripgrep listing the files that mention jwt: the
# floor for "read every file once"). It prints files/s, MB/s, the ratio jwtlint/rg,
# jwtlint's peak memory, and the time with the prefilter off (--no-prefilter).
# --base BIN: a previous build (e.g. the last commit's `target/release/jwtlint`, copied
# aside) timed in the same run, with both ratios new/base.  --args: extra arguments for
# every jwtlint run (e.g. "--no-ignore" to lint every JS/TS file). hyperfine is used when
# installed (warm cache, several runs); otherwise each command runs 5 times and the median
# is taken. BENCH_RUNS sets the runs per command (default 10), BENCH_FILES the corpus size.
# --lsp: the language server's latency instead: on the generated corpus, the time from a
# `didChange` to the diagnostics of that change (median, p90, worst over N edits, default 40),
# against a full command-line run of the same corpus (scripts/lsp_latency.py).
# Requirements: a Rust toolchain, ripgrep (`apt-get install ripgrep`), optionally
# hyperfine and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
base="" extra="" lsp="" edits=40
while [ $# -gt 0 ]; do
  case "$1" in
    --lsp) lsp=1; shift ;;
    --edits) edits=$2; shift 2 ;;
    --base) base=$(realpath "$2"); shift 2 ;;
    --args) extra=$2; shift 2 ;;
    *) break ;;
  esac
done
cargo build --release --quiet
bin="$PWD/target/release/jwtlint"
command -v rg >/dev/null || { echo "ripgrep (rg) is needed as the reference" >&2; exit 2; }

# A generated corpus: an app shaped like a real Express/React code base, mostly code
# that has nothing to do with JWTs, some that does.
gen_corpus() {
  python3 - "$1" "${2:-4000}" <<'PY'
import os, shutil, sys
root, n = sys.argv[1], int(sys.argv[2])
shutil.rmtree(root, ignore_errors=True)
AUTH = """const jwt = require('jsonwebtoken');
const SECRET = process.env.JWT_SECRET || 'secret-{i}';
exports.issue{i} = (user) => jwt.sign({{ id: user.id }}, SECRET);
exports.check{i} = (token) => jwt.verify(token, SECRET);
"""
SESSION = """import {{ SignJWT, jwtVerify }} from 'jose';
const key = new TextEncoder().encode(process.env.SESSION_SECRET);
export async function create{i}(sub: string): Promise<string> {{
  return new SignJWT({{ sub }}).setProtectedHeader({{ alg: 'HS256' }}).setExpirationTime('15m').sign(key);
}}
export const read{i} = (t: string) => jwtVerify(t, key, {{ algorithms: ['HS256'] }});
"""
WIDGET = """export function Widget{i}_{j}({{ items, onSelect }}: {{ items: string[]; onSelect: (s: string) => void }}) {{
  const [query, setQuery] = useState('');
  useEffect(() => {{ document.title = `${{query}} (${{items.length}})`; }}, [query, items]);
  const visible = items.filter((x) => x.toLowerCase().includes(query.toLowerCase())).slice(0, 50);
  return (
    <ul className="list">
      {{visible.map((x) => <li key={{x}} onClick={{() => onSelect(x)}}>{{x}} {{format(new Date(), 'yyyy-MM-dd')}}</li>)}}
    </ul>
  );
}}
"""
for i in range(1, n + 1):
    d = os.path.join(root, "src", f"module{i % 40}")
    os.makedirs(d, exist_ok=True)
    if i % 10 == 0:
        name, text = f"auth{i}.js", AUTH.format(i=i)
    elif i % 10 == 1:
        name, text = f"session{i}.ts", SESSION.format(i=i)
    else:
        head = "import React, { useState, useEffect } from 'react';\nimport { format } from 'date-fns';\n"
        name, text = f"widget{i}.tsx", head + "".join(WIDGET.format(i=i, j=j) for j in range(12))
    with open(os.path.join(d, name), "w") as f:
        f.write(text)
PY
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

time_cmd() { # prints seconds (median of 5)
  for _ in 1 2 3 4 5; do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
    echo "$e - $s" | bc -l
  done | median
}

bench_dir() {
  local dir=$1 files bytes
  # shellcheck disable=SC2086
  read -r files bytes < <("$bin" "$dir" -f json $extra 2>/dev/null | python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; print(s["files_scanned"], s["bytes_scanned"])')
  local cmds=("$bin $dir -f json $extra" "rg -l jwt $dir" "$bin $dir -f json --no-prefilter $extra")
  [ -n "$base" ] && cmds+=("$base $dir -f json $extra" "$base $dir -f json --no-prefilter $extra")
  local times=()
  if command -v hyperfine >/dev/null; then
    local json; json=$(mktemp)
    hyperfine -N --warmup 1 --runs "${BENCH_RUNS:-10}" --export-json "$json" -i "${cmds[@]}" >/dev/null 2>&1
    read -r -a times < <(python3 -c 'import json,sys; print(*[r["median"] for r in json.load(open(sys.argv[1]))["results"]])' "$json")
    rm -f "$json"
  else
    local c
    for c in "${cmds[@]}"; do
      # shellcheck disable=SC2086
      times+=("$(time_cmd $c)")
    done
  fi
  rss_of() {
    if [ -x /usr/bin/time ]; then
      local out; out=$(mktemp)
      # shellcheck disable=SC2086
      /usr/bin/time -o "$out" -f '%M' "$1" "$dir" -f json $extra >/dev/null 2>&1 || true
      echo "$(( $(tail -1 "$out") / 1024 )) MiB"
      rm -f "$out"
    else
      echo "n/a"
    fi
  }
  local rss base_rss="n/a"
  rss=$(rss_of "$bin")
  [ -n "$base" ] && base_rss=$(rss_of "$base")
  python3 - "$dir" "$files" "$bytes" "$rss" "$base_rss" "${times[@]}" <<'PY'
import sys
d, files, size, rss, base_rss = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
t = [float(x) for x in sys.argv[6:]]
tl, tr, tf = t[0], t[1], t[2]
print(f"{d}\n  files linted: {files}  ({size/1e6:.1f} MB of JS/TS)")
print(f"  jwtlint: {tl*1000:.0f} ms  = {files/tl:,.0f} files/s, {size/1e6/tl:.1f} MB/s, peak RSS {rss}")
print(f"  rg -l jwt: {tr*1000:.0f} ms")
print(f"  ratio jwtlint / rg: {tl/tr:.2f}x")
print(f"  without the prefilter (every file parsed): {tf*1000:.0f} ms = {tf/tr:.2f}x rg")
if len(t) == 5:
    bl, bf = t[3], t[4]
    print(f"  base: {bl*1000:.0f} ms ({bl/tr:.2f}x rg), without the prefilter {bf*1000:.0f} ms, peak RSS {base_rss}")
    print(f"  new / base: {tl/bl:.3f} with the prefilter, {tf/bf:.3f} without")
PY
}

corpus=${TMPDIR:-/tmp}/jwtlint-bench-corpus
gen_corpus "$corpus" "${BENCH_FILES:-4000}"
if [ -n "$lsp" ]; then
  echo "cores: $(nproc)"
  python3 scripts/lsp_latency.py "$bin" "$corpus" --edits "$edits"
  exit
fi
echo "cores: $(nproc)${extra:+  (jwtlint $extra)}${base:+  base: $base}"
bench_dir "$corpus"
for d in "$@"; do bench_dir "$d"; done
