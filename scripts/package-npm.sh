#!/usr/bin/env bash
# Writes jwtlint's npm packages as `npm pack` tarballs into OUT_DIR.
#
#   scripts/package-npm.sh OUT_DIR                       # this machine: build, then pack both
#   scripts/package-npm.sh OUT_DIR --target TRIPLE --binary PATH --no-launcher
#
# With no options it builds the release binary for this machine (`cargo build --release
# --locked`; a no-op when target/release is fresh) and writes two tarballs: the launcher
# `jwtlint` and this platform's package (e.g. `@jwtlint/cli-linux-x64`).
#
#   --target TRIPLE   the Rust target whose platform package to write (default: this machine's)
#   --binary PATH     pack this binary instead of building one (the release workflow builds
#                     each target on its own runner, then packs them all on one)
#   --no-launcher     leave out the launcher package
#   --no-platform     leave out the platform package (the launcher alone)
#
# The version of every package is the `version` in Cargo.toml. The tarball paths are printed
# on standard output, one a line. Needs Node.js and npm (and cargo unless --binary is given).
set -euo pipefail

help_text() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
usage() { help_text >&2; exit 2; }

out="" target="" binary="" launcher=1 platform=1
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target="${2:?--target needs a value}"; shift 2 ;;
    --binary) binary="${2:?--binary needs a value}"; shift 2 ;;
    --no-launcher) launcher=0; shift ;;
    --no-platform) platform=0; shift ;;
    -h|--help) help_text; exit 0 ;;
    -*) echo "package-npm.sh: unknown option $1" >&2; usage ;;
    *) [ -z "$out" ] || { echo "package-npm.sh: one OUT_DIR only" >&2; usage; }; out="$1"; shift ;;
  esac
done
[ -n "$out" ] || usage
[ "$launcher$platform" != "00" ] || { echo "package-npm.sh: --no-launcher and --no-platform leave nothing to do" >&2; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

# The one place the version lives: `version` in Cargo.toml's [package] table.
version="$(awk '/^\[/{p=($0=="[package]")} p && /^version *=/{gsub(/.*= *"|".*/,""); print; exit}' "$root/Cargo.toml")"
[ -n "$version" ] || { echo "package-npm.sh: no version in $root/Cargo.toml" >&2; exit 2; }

host=""
if command -v rustc >/dev/null 2>&1; then
  host="$(rustc -vV | sed -n 's/^host: //p')"
fi

args=(--out "$out" --version "$version")
[ "$launcher" = 1 ] && args+=(--launcher)

if [ "$platform" = 1 ]; then
  if [ -z "$target" ]; then
    [ -n "$host" ] || { echo "package-npm.sh: rustc not found; give --target" >&2; exit 2; }
    target="$host"
  fi
  if [ -z "$binary" ]; then
    ext=""
    case "$target" in *windows*) ext=".exe" ;; esac
    if [ "$target" = "$host" ]; then
      (cd "$root" && cargo build --release --locked --quiet >&2)
      binary="$root/target/release/jwtlint$ext"
    else
      (cd "$root" && cargo build --release --locked --quiet --target "$target" >&2)
      binary="$root/target/$target/release/jwtlint$ext"
    fi
  fi
  [ -f "$binary" ] || { echo "package-npm.sh: $binary: no such file" >&2; exit 2; }
  # A binary that runs here must say the version the packages carry.
  if [ "$target" = "$host" ]; then
    said="$("$binary" --version)"
    if [ "$said" != "jwtlint $version" ]; then
      echo "package-npm.sh: $binary --version says \"$said\", but Cargo.toml says $version" >&2
      exit 1
    fi
  fi
  args+=(--target "$target" --binary "$binary")
fi

node "$root/npm/pack.js" "${args[@]}"
