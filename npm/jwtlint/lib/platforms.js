'use strict';

// The prebuilt binaries: one npm package per platform, each an exact-version optional
// dependency of `jwtlint`. npm installs only the one whose `os`, `cpu` and `libc` match.
// This table is the single list: the launcher picks from it, and npm/pack.js writes the
// packages (and the launcher's optionalDependencies) from it.
const PLATFORMS = [
  { pkg: '@jwtlint/cli-linux-x64', os: 'linux', cpu: 'x64', libc: 'glibc', target: 'x86_64-unknown-linux-gnu' },
  { pkg: '@jwtlint/cli-linux-arm64', os: 'linux', cpu: 'arm64', libc: 'glibc', target: 'aarch64-unknown-linux-gnu' },
  { pkg: '@jwtlint/cli-linux-x64-musl', os: 'linux', cpu: 'x64', libc: 'musl', target: 'x86_64-unknown-linux-musl' },
  { pkg: '@jwtlint/cli-linux-arm64-musl', os: 'linux', cpu: 'arm64', libc: 'musl', target: 'aarch64-unknown-linux-musl' },
  { pkg: '@jwtlint/cli-darwin-x64', os: 'darwin', cpu: 'x64', target: 'x86_64-apple-darwin' },
  { pkg: '@jwtlint/cli-darwin-arm64', os: 'darwin', cpu: 'arm64', target: 'aarch64-apple-darwin' },
  { pkg: '@jwtlint/cli-win32-x64', os: 'win32', cpu: 'x64', target: 'x86_64-pc-windows-msvc' },
  { pkg: '@jwtlint/cli-win32-arm64', os: 'win32', cpu: 'arm64', target: 'aarch64-pc-windows-msvc' },
];

// The binary's file name inside a platform package.
function binaryName(os) {
  return os === 'win32' ? 'jwtlint.exe' : 'jwtlint';
}

module.exports = { PLATFORMS, binaryName };
