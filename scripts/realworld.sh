#!/usr/bin/env bash
# Real-code check: run jwtlint on public repositories at pinned commits and compare its
# findings with hand-made labels; prints precision and recall per rule.
# Usage: scripts/realworld.sh [--bin PATH] [--dir DIR] [--only NAME] [--verbose] [--mirror DIR]
# See scripts/realworld/README.md.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
exec python3 "$here/realworld/realworld.py" "$@"
