#!/usr/bin/env python3
"""The language server and the command line agree: for each DIR, the diagnostics `jwtlint lsp`
publishes after its first analysis (rule, line, column per file) are the unsuppressed findings
of `jwtlint DIR -f json`. Prints one line per folder and the first differences.

    scripts/lsp_consistency.py BIN DIR...      (e.g. the repositories of scripts/realworld.sh)
"""
import json, os, subprocess, sys, threading, queue, time, pathlib
from urllib.parse import unquote
binary = os.path.abspath(sys.argv[1])
def frame(m):
    b = json.dumps(m).encode(); return b"Content-Length: %d\r\n\r\n" % len(b) + b
def reader(s, q):
    while True:
        n = None
        while True:
            l = s.readline()
            if not l: return
            l = l.strip()
            if not l: break
            if l.lower().startswith(b"content-length:"): n = int(l.split(b":")[1])
        q.put(json.loads(s.read(n)))
failed = False
for root in sys.argv[2:]:
    root = os.path.realpath(root)
    cli = json.loads(subprocess.run([binary, ".", "-f", "json"], cwd=root, capture_output=True).stdout)
    want = {}
    for f in cli["findings"]:
        if f.get("suppressed"): continue
        p = os.path.normpath(os.path.join(root, f["path"]))
        want.setdefault(p, []).append((f["rule"], f["line"], f["column"]))
    proc = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd="/")
    q = queue.Queue(); threading.Thread(target=reader, args=(proc.stdout, q), daemon=True).start()
    def send(m): proc.stdin.write(frame(m)); proc.stdin.flush()
    send({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":None,"rootUri":pathlib.Path(root).as_uri(),"capabilities":{}}})
    send({"jsonrpc":"2.0","method":"initialized","params":{}})
    got = {}
    deadline = time.time() + 60
    last = time.time()
    while time.time() < deadline:
        try: m = q.get(timeout=3)
        except queue.Empty: break
        if m.get("method") == "textDocument/publishDiagnostics":
            p = unquote(m["params"]["uri"].replace("file://", ""))
            got[p] = [(d.get("code"), d["range"]["start"]["line"]+1, d["range"]["start"]["character"]+1) for d in m["params"]["diagnostics"] if d.get("code")]
    send({"jsonrpc":"2.0","id":2,"method":"shutdown"}); send({"jsonrpc":"2.0","method":"exit"})
    proc.wait(timeout=10)
    got = {k: v for k, v in got.items() if v}
    diff = []
    for p in sorted(set(want) | set(got)):
        a, b = sorted(want.get(p, [])), sorted(got.get(p, []))
        if a != b: diff.append((p, a, b))
    print(f"{os.path.basename(root)}: cli {sum(map(len, want.values()))} lsp {sum(map(len, got.values()))} diffs {len(diff)} exit {proc.returncode}")
    for p, a, b in diff[:5]:
        print("   ", p, "cli-only", sorted(set(a)-set(b))[:4], "lsp-only", sorted(set(b)-set(a))[:4])
    if diff:
        failed = True
sys.exit(1 if failed else 0)
