#!/usr/bin/env bash
# The GitHub files validate against the schemas GitHub's own tools use (check-jsonschema's
# vendored SchemaStore schemas, no network), and the pre-commit manifest against pre-commit.
#
#   bash tests/dist/schemas.sh      (needs check-jsonschema and pre-commit; prints PASS or FAIL)
set -uo pipefail
cd "$(dirname "$0")/../.."

for tool in check-jsonschema pre-commit; do
  command -v "$tool" >/dev/null || { echo "FAIL: tests/dist/schemas.sh: $tool is not installed (pip install $tool)"; exit 1; }
done

failures=0
check() { # WHAT COMMAND...
  local what="$1"; shift
  if out="$("$@" 2>&1)"; then echo "  ok: $what"; else
    echo "  FAIL: $what"; echo "$out" | sed 's/^/    | /'; failures=$((failures + 1))
  fi
}

check "action.yml is a valid action" check-jsonschema --builtin-schema vendor.github-actions action.yml
for wf in .github/workflows/*.yml; do
  check "$wf is a valid workflow" check-jsonschema --builtin-schema vendor.github-workflows "$wf"
done
check ".pre-commit-hooks.yaml is a valid hook manifest" pre-commit validate-manifest .pre-commit-hooks.yaml

if [ "$failures" -eq 0 ]; then
  echo "PASS: tests/dist/schemas.sh (action, workflows and hook manifest validate)"
else
  echo "FAIL: tests/dist/schemas.sh ($failures files do not validate)"
  exit 1
fi
