#!/usr/bin/env python3
"""Soak test of one shared index: N builds and M queries at once, for a few minutes.

    Benchmarks/soak.py [--builds 3] [--queries 4] [--seconds 180] [--binary .build/debug/kamergraph]

Builders loop over two corpora (corpus/palantir, and the same corpus without its XML files), each
writing into the same index file; query workers loop over `stats`, `show`, `related`, `search`,
`path` and `export` on it. At the end: `PRAGMA integrity_check` on the index, every build's graph
of one corpus byte-identical to the others of that corpus and to a `--no-index` build, and the
index holding exactly one of the two corpora. Prints the figures (counts, exit codes, query
latency, build waits) and exits 1 when a check fails. Nothing leaves the temporary folder.
"""
import argparse, os, shutil, sqlite3, subprocess, sys, tempfile, threading, time, collections, hashlib, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--builds", type=int, default=3)
    ap.add_argument("--queries", type=int, default=4)
    ap.add_argument("--seconds", type=float, default=180)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/kamergraph"))
    a = ap.parse_args()
    exe = os.path.abspath(a.binary)
    work = tempfile.mkdtemp(prefix="kamergraph-soak-")
    try:
        return soak(exe, work, a)
    finally:
        shutil.rmtree(work, ignore_errors=True)

def soak(exe, work, a):
    corpora = {"full": os.path.join(work, "full"), "text": os.path.join(work, "text")}
    src = os.path.join(ROOT, "corpus/palantir")
    shutil.copytree(src, corpora["full"])
    os.makedirs(corpora["text"])
    for name in sorted(os.listdir(src)):
        if not name.endswith(".xml"):
            shutil.copy(os.path.join(src, name), corpora["text"])
    index = os.path.join(work, "shared.sqlite")
    # The reference graphs, without the index.
    reference = {}
    for name, path in corpora.items():
        out = os.path.join(work, "ref-" + name)
        subprocess.run([exe, "build", name, "--no-index", "--out", out, "--name", "g", "--format", "json", "--no-picture"],
                       check=True, stdout=subprocess.DEVNULL, cwd=work)
        reference[name] = digest(os.path.join(out, "g.json"))

    # A 2,000-word search (64 different words, the most a search takes), on the built index.
    subprocess.run([exe, "build", "full", "--index", index, "--out", os.path.join(work, "first"), "--format", "json",
                    "--no-picture"], check=True, stdout=subprocess.DEVNULL, cwd=work)
    with open(os.path.join(src, "defensie-antwoord-2025Z14549.txt"), encoding="utf-8") as f:
        seen = []
        for w in f.read().split():
            w = "".join(c for c in w if c.isalnum())
            if w and w.lower() not in seen: seen.append(w.lower())
    words = (seen[:64] * 40)[:2000]
    t = time.monotonic()
    r = subprocess.run([exe, "search"] + words + ["--index", index], capture_output=True, text=True, cwd=work)
    search_seconds = time.monotonic() - t
    search_ok = r.returncode in (0, 1) and search_seconds < 5
    stop = time.monotonic() + a.seconds
    lock = threading.Lock()
    builds = collections.Counter(); queries = collections.Counter()
    latencies = []; build_times = []; waits = [0]; mismatches = []

    def builder(n):
        i = 0
        while time.monotonic() < stop:
            name = ("full", "text")[(n + i) % 2]
            out = os.path.join(work, f"out-{n}-{i}")
            t = time.monotonic()
            r = subprocess.run([exe, "build", name, "--index", index, "--out", out, "--name", "g", "--format", "json",
                                "--no-picture"], capture_output=True, text=True, cwd=work)
            with lock:
                builds[r.returncode] += 1
                build_times.append(time.monotonic() - t)
                if "waiting for another build" in r.stderr: waits[0] += 1
                if r.returncode == 0 and digest(os.path.join(out, "g.json")) != reference[name]:
                    mismatches.append(f"build {n}/{i} of {name}")
                if r.returncode != 0: mismatches.append(f"build {n}/{i} exit {r.returncode}: {r.stderr.strip()[:200]}")
            shutil.rmtree(out, ignore_errors=True)
            i += 1

    commands = [["stats"], ["show", "2025Z14549"], ["related", "MINDEF20250032172"], ["search", "palantir"],
                ["path", "MINDEF20250032172", "fractie:FVD"], ["export", "--format", "json"]]
    def querier(n):
        i = n
        while time.monotonic() < stop:
            cmd = commands[i % len(commands)]
            t = time.monotonic()
            r = subprocess.run([exe] + cmd + ["--index", index], capture_output=True, text=True, cwd=work)
            with lock:
                latencies.append(time.monotonic() - t)
                # 0 found; 1 nothing found (an id of the other corpus); 3 only before the first build.
                queries[r.returncode] += 1
                if r.returncode not in (0, 1) and "being built" not in r.stderr and "There is no index" not in r.stderr:
                    mismatches.append(f"query {' '.join(cmd)} exit {r.returncode}: {r.stderr.strip()[:200]}")
            i += 1

    threads = [threading.Thread(target=builder, args=(n,)) for n in range(a.builds)]
    threads += [threading.Thread(target=querier, args=(n,)) for n in range(a.queries)]
    started = time.monotonic()
    for t in threads: t.start()
    for t in threads: t.join()
    elapsed = time.monotonic() - started

    db = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    # Schema v5 indexes the file texts through kamergraph_text (compressed texts: 0xB8, the length,
    # a zlib stream); SQLite 3.44+ checks FTS5 tables in integrity_check and reads them through it.
    db.create_function("kamergraph_text", 1, lambda v: zlib.decompress(v[5:]).decode()
                       if isinstance(v, bytes) and v[:1] == b"\xb8" else v, deterministic=True)
    integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    paths = sorted(r[0] for r in db.execute("SELECT path FROM files"))
    db.close()
    expected = {name: sorted(os.path.relpath(os.path.join(path, f), work) for f in os.listdir(path)) for name, path in corpora.items()}
    one_corpus = any(set(p for p in paths) <= set(files) and paths for files in expected.values())
    latencies.sort()
    def pct(p): return latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else 0
    print(f"soak: {a.builds} builders, {a.queries} query workers, {elapsed:.0f} s on one index")
    print(f"  builds: {sum(builds.values())} ({dict(builds)} by exit code), {waits[0]} waited for another build, "
          f"median {sorted(build_times)[len(build_times)//2] if build_times else 0:.2f} s")
    print(f"  queries: {sum(queries.values())} ({dict(queries)} by exit code), latency median {pct(0.5)*1000:.0f} ms, "
          f"p95 {pct(0.95)*1000:.0f} ms, max {pct(1.0)*1000:.0f} ms")
    print(f"  integrity_check: {integrity}; index holds {len(paths)} files of one corpus: {one_corpus}")
    print(f"  graphs identical to the --no-index build: {not any(m.startswith('build') and 'exit' not in m for m in mismatches)}")
    print(f"  2,000-word search: exit {r.returncode}, {search_seconds:.2f} s (budget 5 s)")
    for m in mismatches[:20]: print("  problem:", m)
    ok = integrity == "ok" and one_corpus and not mismatches and search_ok
    print("soak:", "ok" if ok else "FAILED")
    return 0 if ok else 1

def digest(path):
    with open(path, "rb") as f: return hashlib.sha256(f.read()).hexdigest()

if __name__ == "__main__":
    sys.exit(main())
