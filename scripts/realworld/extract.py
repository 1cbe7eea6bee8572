#!/usr/bin/env python3
"""Extract the tree of COMMIT from a (possibly partial) bare git dir into OUT.

Used when `git archive` fails because a snapshot lacks some large blobs:
every blob that is present is written, missing ones are listed on stderr.
Usage: extract.py GIT_DIR COMMIT OUT
"""
import os, subprocess, sys

git_dir, commit, out = sys.argv[1:4]
tree = subprocess.run(["git", f"--git-dir={git_dir}", "ls-tree", "-r", "-z", commit],
                      check=True, capture_output=True).stdout.split(b"\0")
entries = []
for e in tree:
    if not e:
        continue
    meta, path = e.split(b"\t", 1)
    mode, typ, sha = meta.split()
    if typ == b"blob":
        entries.append((mode, sha.decode(), path.decode("utf-8", "surrogateescape")))
p = subprocess.Popen(["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
missing = 0
for mode, sha, path in entries:
    p.stdin.write(sha.encode() + b"\n"); p.stdin.flush()
    header = p.stdout.readline().split()
    if len(header) < 3 or header[1] == b"missing":
        missing += 1
        continue
    data = p.stdout.read(int(header[2])); p.stdout.read(1)
    dest = os.path.join(out, path)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    if mode == b"120000":
        try: os.symlink(data, dest)
        except OSError: pass
    else:
        with open(dest, "wb") as f: f.write(data)
p.stdin.close(); p.wait()
print(f"extracted {len(entries) - missing} files, {missing} missing from the snapshot", file=sys.stderr)
