#!/usr/bin/env python3
"""Real-code check for jwtlint (driven by scripts/realworld.sh; see README.md here)."""
import argparse, collections, json, os, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
COMMIT_MARK = ".realworld-commit"


def read_tsv(path, ncols):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < ncols:
                sys.exit(f"{path}:{n}: expected {ncols} tab-separated columns, got {len(cols)}")
            rows.append(cols)
    return rows


def git(*args, cwd=None):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def commit_of(repo_dir):
    """The commit a prepared repository is at: the marker written on extraction, or git HEAD."""
    mark = os.path.join(repo_dir, COMMIT_MARK)
    if os.path.isfile(mark):
        return open(mark).read().strip()
    r = git("rev-parse", "HEAD", cwd=repo_dir)
    return r.stdout.strip() if r.returncode == 0 else None


def extract_from_mirror(mirror, slug, commit, dest):
    """Extract COMMIT from a bare git dir MIRROR/owner+name[/repo] (read-only) into DEST."""
    base = os.path.join(mirror, slug.replace("/", "+"))
    for g in (os.path.join(base, "repo", ".git"), os.path.join(base, "repo"), base):
        if os.path.isdir(g) and git(f"--git-dir={g}", "cat-file", "-e", commit + "^{commit}").returncode == 0:
            break
    else:
        return False
    os.makedirs(dest, exist_ok=True)
    r = subprocess.run(["python3", os.path.join(HERE, "extract.py"), g, commit, dest])
    if r.returncode != 0:
        return False
    git("init", "-q", cwd=dest)  # so .gitignore is honoured as in a clone
    with open(os.path.join(dest, COMMIT_MARK), "w") as f:
        f.write(commit + "\n")
    return True


def clone(slug, commit, dest):
    tmp = dest + ".part"
    shutil.rmtree(tmp, ignore_errors=True)
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0")
    ok = subprocess.run(["git", "clone", "-q", "--filter=blob:none", "--no-checkout",
                         f"https://github.com/{slug}.git", tmp], env=env,
                        capture_output=True, timeout=900).returncode == 0
    ok = ok and git("checkout", "-q", commit, cwd=tmp).returncode == 0
    if ok:
        os.rename(tmp, dest)
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return ok


def prepare(args, name, slug, commit):
    dest = os.path.join(args.dir, name)
    if os.path.isdir(dest):
        at = commit_of(dest)
        if at and at != commit:
            print(f"stale: {name} is at {at[:12]}, the manifest pins {commit[:12]}: "
                  f"remove {dest} and fetch it again; skipped", file=sys.stderr)
            return None
        return dest
    if args.mirror and extract_from_mirror(args.mirror, slug, commit, dest):
        return dest
    try:
        if clone(slug, commit, dest):
            return dest
    except (subprocess.TimeoutExpired, OSError):
        pass
    print(f"missing: {name} (fetch github:{slug} at {commit} into {dest})", file=sys.stderr)
    return None


def run_jwtlint(binary, repo_dir, name):
    r = subprocess.run([binary, "--format", "json", "."], cwd=repo_dir, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        print(f"error: {name}: jwtlint exited {r.returncode}: {r.stderr.strip()[:2000]}", file=sys.stderr)
    try:
        report = json.loads(r.stdout)
    except json.JSONDecodeError:
        print(f"error: {name}: no JSON report; its findings are left out", file=sys.stderr)
        return None
    return report.get("findings", [])


def ratio(a, b):
    return f"{a / b:.2f}" if b else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bin", default=os.environ.get("JWTLINT", os.path.join(ROOT, "target", "release", "jwtlint")))
    ap.add_argument("--dir", default="/tmp/realworld")
    ap.add_argument("--only", action="append", help="only this manifest entry (repeatable)")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every FP, FN and unlabelled finding")
    ap.add_argument("--mirror", help="folder of bare git dirs (owner+name) to extract missing repositories from")
    args = ap.parse_args()
    args.bin = os.path.abspath(args.bin)
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"no jwtlint binary at {args.bin} (build it, or pass --bin PATH)")

    manifest = read_tsv(os.path.join(HERE, "manifest.tsv"), 5)
    labels = read_tsv(os.path.join(HERE, "labels.tsv"), 6)
    known = {m[0] for m in manifest}
    if args.only:
        unknown = set(args.only) - known
        if unknown:
            sys.exit(f"not in the manifest: {', '.join(sorted(unknown))}")
    by_name = collections.defaultdict(dict)
    for name, path, line, rule, verdict, why in (l[:6] for l in labels):
        if name not in known:
            print(f"warning: label for {name}, which is not in the manifest", file=sys.stderr)
        if verdict not in ("report", "silent"):
            sys.exit(f"labels.tsv: verdict must be report or silent: {name} {path}:{line} {rule} {verdict}")
        key = (path, int(line), rule)
        if key in by_name[name]:
            print(f"warning: duplicate label {name} {path}:{line} {rule}", file=sys.stderr)
        by_name[name][key] = (verdict, why)

    stats = collections.defaultdict(collections.Counter)  # rule -> TP FP FN UNL TN
    details = []
    checked = 0
    for name, slug, commit, kind, note in (m[:5] for m in manifest):
        if args.only and name not in args.only:
            continue
        repo_dir = prepare(args, name, slug, commit)
        if repo_dir is None:
            continue
        findings = run_jwtlint(args.bin, repo_dir, name)
        if findings is None:
            continue
        checked += 1
        lab = by_name.get(name, {})
        for key in lab:
            if not os.path.isfile(os.path.join(repo_dir, key[0])):
                print(f"warning: label for a file that does not exist: {name} {key[0]}", file=sys.stderr)
        seen = {}
        for f in findings:
            if f.get("suppressed"):
                continue
            seen.setdefault((f["path"], f["line"], f["rule"]), f)
        for key, f in sorted(seen.items()):
            verdict = lab.get(key, (None,))[0]
            if verdict == "report":
                stats[key[2]]["TP"] += 1
            elif verdict == "silent":
                stats[key[2]]["FP"] += 1
                details.append(("FP", name, key, f["message"]))
            else:
                stats[key[2]]["UNL"] += 1
                details.append(("unlabelled", name, key, f["message"]))
        for key, (verdict, why) in sorted(lab.items()):
            if key in seen:
                continue
            if verdict == "report":
                stats[key[2]]["FN"] += 1
                details.append(("FN", name, key, why))
            else:
                stats[key[2]]["TN"] += 1

    print(f"jwtlint real-code check: {checked} repositories, binary {args.bin}")
    head = f"{'rule':<26}{'TP':>5}{'FP':>5}{'FN':>5}{'unlab':>7}{'silent-ok':>11}{'precision':>11}{'recall':>8}"
    print(head)
    print("-" * len(head))
    tot = collections.Counter()
    for rule in sorted(stats):
        s = stats[rule]
        tot.update(s)
        print(f"{rule:<26}{s['TP']:>5}{s['FP']:>5}{s['FN']:>5}{s['UNL']:>7}{s['TN']:>11}"
              f"{ratio(s['TP'], s['TP'] + s['FP']):>11}{ratio(s['TP'], s['TP'] + s['FN']):>8}")
    print("-" * len(head))
    print(f"{'total':<26}{tot['TP']:>5}{tot['FP']:>5}{tot['FN']:>5}{tot['UNL']:>7}{tot['TN']:>11}"
          f"{ratio(tot['TP'], tot['TP'] + tot['FP']):>11}{ratio(tot['TP'], tot['TP'] + tot['FN']):>8}")
    if args.verbose and details:
        print()
        order = {"FP": 0, "FN": 1, "unlabelled": 2}
        for kind, name, (path, line, rule), msg in sorted(details, key=lambda d: (order[d[0]], d[1], d[2])):
            print(f"{kind:<10} {name} {path}:{line} {rule} {msg}")


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:
        pass
