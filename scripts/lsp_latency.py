#!/usr/bin/env python3
"""Latency of `jwtlint lsp`: time from a `didChange` to the diagnostics of that change.

    scripts/lsp_latency.py BIN DIR [FILE] [--edits N]

Starts `BIN lsp` on DIR as an editor would, waits for the first analysis, opens FILE (by
default the first file under DIR that calls `jwt.verify(token, SECRET)`, as in the generated
corpus), then sends N edits that alternately add and remove an algorithm allowlist (in any
other FILE: a verification without one), so every edit changes the file's diagnostics, and times
each until `publishDiagnostics` for that version arrives. The reference, measured in the same
run, is a full command-line run over DIR (`BIN DIR -f json`). Called by `scripts/bench.sh --lsp`.
"""
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import queue
import pathlib


def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def reader(stream, out):
    while True:
        length = None
        while True:
            line = stream.readline()
            if not line:
                return
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        out.put((time.perf_counter(), json.loads(stream.read(length))))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    edits = 40
    if "--edits" in sys.argv:
        edits = int(sys.argv[sys.argv.index("--edits") + 1])
        args = [a for a in args if a != str(edits)]
    binary, root = os.path.abspath(args[0]), os.path.abspath(args[1])
    target = args[2] if len(args) > 2 else None
    if target is None:
        for dirpath, _, files in sorted(os.walk(root)):
            for f in sorted(files):
                p = os.path.join(dirpath, f)
                if f.endswith(".js") and "jwt.verify(token, SECRET)" in open(p, errors="ignore").read():
                    target = p
                    break
            if target:
                break
    target = os.path.abspath(target)
    text = open(target).read()
    needle = "jwt.verify(token, SECRET)"
    variant = text.replace(needle, "jwt.verify(token, SECRET, { algorithms: ['HS256'] })")
    if variant == text:
        # Any other file: the edit adds (and the next removes) a verification without an
        # allowlist, so every edit changes the file's diagnostics.
        variant = text + ("\nexport const jwtlintBench = (t) =>\n"
                          "  require('jsonwebtoken').verify(t, process.env.JWTLINT_BENCH);\n")

    # The reference: a whole command-line run over the same folder.
    runs = []
    for _ in range(3):
        s = time.perf_counter()
        subprocess.run([binary, root, "-f", "json"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        runs.append(time.perf_counter() - s)
    full = statistics.median(runs)

    proc = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, cwd=root)
    q = queue.Queue()
    threading.Thread(target=reader, args=(proc.stdout, q), daemon=True).start()

    def send(msg):
        proc.stdin.write(frame(msg))
        proc.stdin.flush()

    uri = pathlib.Path(target).as_uri()
    started = time.perf_counter()
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "processId": None, "rootUri": pathlib.Path(root).as_uri(), "capabilities": {}}})
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "javascript", "version": 0, "text": text}}})

    def wait_version(v):
        while True:
            t, m = q.get(timeout=120)
            p = m.get("params") or {}
            if m.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri \
                    and (v is None or p.get("version") == v):
                return t

    # The first analysis of the whole project (the file's diagnostics are published once;
    # the check of the opened buffer that follows finds the same and publishes nothing).
    first = wait_version(None) - started
    time.sleep(2)
    latencies = []
    for v in range(1, edits + 1):
        s = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": v},
            "contentChanges": [{"text": variant if v % 2 else text}]}})
        latencies.append(wait_version(v) - s)
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
    send({"jsonrpc": "2.0", "method": "exit", "params": None})
    proc.wait(timeout=30)

    files = sum(1 for _, _, fs in os.walk(root) for f in fs
                if f.rsplit(".", 1)[-1] in {"js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts"})
    lat = sorted(latencies)
    med, worst = statistics.median(lat), lat[-1]
    p90 = lat[int(0.9 * (len(lat) - 1))]
    print(f"{root}  ({files} JS/TS files)")
    print(f"  full command-line run (reference): {full*1000:.0f} ms")
    print(f"  lsp: first analysis {first*1000:.0f} ms; didChange -> diagnostics over {edits} edits: "
          f"median {med*1000:.1f} ms, p90 {p90*1000:.1f} ms, worst {worst*1000:.1f} ms")
    print(f"  median / full run: {med/full:.3f}")
    print(f"  exit status {proc.returncode}")


if __name__ == "__main__":
    main()
