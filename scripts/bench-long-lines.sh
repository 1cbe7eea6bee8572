#!/usr/bin/env bash
# Cost of line length: the same bytes as one long line (a minified bundle) and with a
# newline after every statement, side by side in one hyperfine run. The two should take
# about the same time; a per-node scan from the start of a line would make the first
# quadratic.
#
#   scripts/bench-long-lines.sh [BYTES]      (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/jwtlint"
bytes="${1:-1000000}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" "$bytes" <<'PY'
import sys
d, n = sys.argv[1], int(sys.argv[2])
parts = ["const jwt=require('jsonwebtoken');"]
i = 0
while sum(map(len, parts)) < n:
    i += 1
    parts.append(f"function f{i}(a,b){{var c=a+b*{i};if(c>{i}){{return jwt.sign({{id:c,name:'n€{i}'}},process.env.S{i%7},{{expiresIn:'1h'}})}}return c}}")
    if i % 5 == 0:
        parts.append(f"jwt.verify(t{i},k{i});localStorage.setItem('token',x{i});")
open(f"{d}/one-line.js", "w").write("".join(parts))
open(f"{d}/many-lines.js", "w").write("\n".join(parts))
PY
ls -l "$dir"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 5 -i \
    -n one-line "$bin -f json $dir/one-line.js" \
    -n many-lines "$bin -f json $dir/many-lines.js"
else
  for f in one-line many-lines; do
    /usr/bin/time -f "$f: %e s, %M KiB peak" "$bin" -f json "$dir/$f.js" >/dev/null || true
  done
fi
