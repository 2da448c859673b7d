#!/usr/bin/env python3
"""The KamerGraph benchmark: generates corpora, times every stage of `kamergraph` beside its peers in the
same run on the same data, and prints ONE table (also written to Benchmarks/results/latest.md).

Run it through run.sh, which builds the release binary and installs the peers first. Every stage that
cannot run yet (a subcommand not merged, a peer that did not install) prints a row "not available: <why>"
instead of failing, so the table fills in as the other branches land.

Throughput is computed from CPU time (user + system) of the measured process, best of several runs: on
a shared 2-core machine wall-clock time mostly measures the neighbours. Wall-clock time is shown too.
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import math
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GEN = HERE / "generate_corpus.py"
BASELINE = HERE / "python_baseline.py"
PEERS = HERE / "peers.py"
EXPORT_PEER = HERE / "export_peer.py"
CHECK = HERE / "check_recall.py"
sys.path.insert(0, str(HERE))
import check_recall  # noqa: E402

TIME = "/usr/bin/time"
FORMATS = ["graphml", "dot", "gexf", "json", "csv"]


# --------------------------------------------------------------------------------------------------
# Running and measuring


class Result:
    def __init__(self, rc: int, wall: float, cpu: float | None, rss_kb: int | None, stderr: str):
        self.rc, self.wall, self.cpu, self.rss_kb, self.stderr = rc, wall, cpu, rss_kb, stderr

    @property
    def ok(self) -> bool:
        return self.rc == 0

    def why(self) -> str:
        lines = [ln for ln in self.stderr.splitlines() if ln.strip() and not ln.startswith("\t")]
        tail = lines[-1] if lines else ""
        return f"exit {self.rc}: {tail[:140]}" if tail else f"exit {self.rc}"


def run(cmd: list[str], stdout=None, cwd=None, timeout: float = 3600, one_core: bool = False) -> Result:
    """Runs cmd under /usr/bin/time -v (when present) and returns exit code, wall and CPU time, max RSS."""
    full = list(cmd)
    if one_core and shutil.which("taskset"):
        full = ["taskset", "-c", "0"] + full
    timed = os.path.exists(TIME)
    if timed:
        full = [TIME, "-v"] + full
    out = stdout if stdout is not None else subprocess.DEVNULL
    # CPU time from the kernel's accounting of the children we wait for (microseconds); GNU time
    # prints it in hundredths of a second, a 4% step on a quarter-second run.
    children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    try:
        # A session of its own, so a timeout ends the measured program too, not only /usr/bin/time.
        proc = subprocess.Popen(full, stdout=out, stderr=subprocess.PIPE, cwd=cwd, start_new_session=True)
    except OSError as e:
        return Result(127, 0.0, None, None, str(e))
    try:
        _, err_bytes = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.communicate()
        return Result(124, time.perf_counter() - t0, None, None, f"timed out after {timeout:.0f} s")
    wall = time.perf_counter() - t0
    p = subprocess.CompletedProcess(full, proc.returncode, None, err_bytes)
    err = p.stderr.decode("utf-8", "replace")
    cpu = rss = None
    if timed:
        u = re.search(r"User time \(seconds\): ([\d.]+)", err)
        s = re.search(r"System time \(seconds\): ([\d.]+)", err)
        r = re.search(r"Maximum resident set size \(kbytes\): (\d+)", err)
        cpu = float(u.group(1)) + float(s.group(1)) if u and s else None
        children1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        precise = (children1.ru_utime - children0.ru_utime) + (children1.ru_stime - children0.ru_stime)
        # The measured program and the two small wrappers (time, taskset) around it; the wrappers
        # add about a millisecond. Kept only when it agrees with GNU time's rounded figure.
        if cpu is not None and abs(precise - cpu) < 0.05:
            cpu = precise
        rss = int(r.group(1)) if r else None
        err = err.split("\tCommand being timed:")[0]
        m = re.search(r"Command exited with non-zero status (\d+)", err)
        err = re.sub(r"Command exited with non-zero status \d+\n?", "", err)
        rc = int(m.group(1)) if m else p.returncode
    else:
        rc = p.returncode
        children1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (children1.ru_utime - children0.ru_utime) + (children1.ru_stime - children0.ru_stime)
    return Result(rc, wall, cpu, rss, err)


def best(cmd, stdout_path: Path | None, repeat: int, slow: float = 120, **kw) -> Result:
    """The run with the least CPU time (or wall time) of `repeat` runs; stops at the first failure and
    after a run slower than `slow` seconds (one such run is measurement enough)."""
    results = []
    for _ in range(repeat):
        if results and results[-1].wall > slow:
            break
        if stdout_path is not None:
            with open(stdout_path, "wb") as fh:
                r = run(cmd, stdout=fh, **kw)
        else:
            r = run(cmd, **kw)
        results.append(r)
        if not r.ok:
            return r
    return min(results, key=lambda r: r.cpu if r.cpu is not None else r.wall)


def secs(r: Result) -> float:
    """CPU seconds of a run; wall seconds when CPU time is missing or below the 10 ms resolution of `time`."""
    if r.cpu is not None and r.cpu >= 0.05:
        return r.cpu
    return max(r.wall, 1e-3)


def fmt_rate(x: float) -> str:
    return f"{x:.0f}" if x >= 10 else f"{x:.1f}" if x >= 1 else f"{x:.2f}"


def mb(n: int) -> float:
    return n / 1_000_000


def fmt_s(x: float) -> str:
    return f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s" if x < 100 else f"{x:.0f} s"


def fmt_mb(kb: int | None) -> str:
    return "n/a" if kb is None else f"{kb / 1024:.0f} MB"


def files_size(paths) -> int:
    return sum(os.path.getsize(p) for p in paths)


def count_tags(path: Path, tags: list[bytes]) -> list[int]:
    """How often each of `tags` occurs in the file, read in 8 MB chunks (a tag across two chunks counts once)."""
    counts = [0] * len(tags)
    keep = max(len(t) for t in tags) - 1
    tail = b""
    with open(path, "rb") as fh:
        while chunk := fh.read(8 << 20):
            data = tail + chunk
            for k, t in enumerate(tags):
                # occurrences that end inside the new chunk only: the tail alone was counted before
                counts[k] += data.count(t) - tail.count(t)
            tail = data[-keep:]
    return counts


# --------------------------------------------------------------------------------------------------
# The table


class Table:
    def __init__(self):
        self.rows: list[tuple] = []
        self.notes: list[str] = []
        self.on_add = None  # called after every row, so a stopped run still leaves its rows on disk

    def add(self, measure, corpus, value, peer="", ratio="", target="", met=""):
        self.rows.append((measure, corpus, value, peer, ratio, target, met))
        if self.on_add:
            self.on_add()
        print(f"  {measure} [{corpus}]: {value}" + (f" | peer {peer}" if peer else "") + (f" | {ratio}" if ratio else "")
              + (f" | target {target}: {met}" if target else ""), flush=True)

    def na(self, measure, corpus, why, target=""):
        self.add(measure, corpus, f"not available: {why}", target=target, met="–" if target else "")

    def markdown(self) -> str:
        head = ["Measure", "Corpus", "KamerGraph", "Peer (same run, same data)", "Ratio", "Target", "Met"]
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for r in self.rows:
            out.append("| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |")
        return "\n".join(out)


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


# --------------------------------------------------------------------------------------------------
# Inputs (cached: the generator is deterministic, so a stamp of its hash, the seed and the size suffices)


def gen_hash() -> str:
    return hashlib.sha256(GEN.read_bytes()).hexdigest()[:16]


def cached(target: Path, key: str, make) -> tuple[bool, float]:
    stamp = Path(str(target) + ".stamp")
    if target.exists() and stamp.exists() and stamp.read_text() == key:
        return True, 0.0
    if target.is_dir():
        shutil.rmtree(target)
    t0 = time.perf_counter()
    make()
    stamp.write_text(key)
    return False, time.perf_counter() - t0


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    swift = "unknown"
    try:
        swift = subprocess.run(["swift", "--version"], capture_output=True, text=True, timeout=60).stdout.splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        pass
    commit = ""
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "nproc": os.cpu_count(), "cpu": cpu, "mem": mem, "os": platform.platform(), "swift": swift,
            "python": platform.python_version(), "commit": commit}


# --------------------------------------------------------------------------------------------------
# Stages


class Bench:
    def __init__(self, a):
        self.a = a
        self.work = Path(a.work)
        self.work.mkdir(parents=True, exist_ok=True)
        self.t = Table()
        self.kg = a.kamergraph
        self.kg_extract_out = None
        self.kg_why = a.kamergraph_missing or ("kamergraph binary not found" if not (self.kg and os.path.exists(self.kg))
                                                else "")
        self.peer_py = a.peer_python or sys.executable
        self._graphml_runs: dict[str, dict] = {}
        self.kg_bench = a.kamergraph_bench or (str(Path(self.kg).parent / "kamergraph-bench") if self.kg else "")
        self.kg_bench_why = a.kamergraph_bench_missing or (
            "" if self.kg_bench and os.path.exists(self.kg_bench) else self.kg_why or "kamergraph-bench binary not found")
        self.sizes_data: dict[int, dict] = {}
        self._caps: dict[str, str] = {}
        self._help: dict[str, str] = {}
        self.manifest_of: dict[int, Path] = {}

    # Which subcommands exist (the other branches may not be merged yet).
    def cap(self, sub: str) -> str:
        """'' when `kamergraph sub` exists, else why not."""
        if self.kg_why:
            return self.kg_why
        if sub not in self._caps:
            p = subprocess.run([self.kg, sub, "--help"], capture_output=True, text=True, timeout=60)
            self._help[sub] = p.stdout
            last = (p.stderr.strip().splitlines() or [""])[-1][:120]
            self._caps[sub] = "" if p.returncode == 0 else f"`kamergraph {sub}` is not in this build ({last})"
        return self._caps[sub]

    def has_option(self, sub: str, option: str) -> bool:
        return not self.cap(sub) and option in self._help.get(sub, "")

    def peer_has(self, module: str) -> str:
        r = subprocess.run([self.peer_py, "-c", f"import {module}"], capture_output=True, text=True)
        return "" if r.returncode == 0 else f"python module {module} not installed ({self.peer_py})"

    # ------------------------------------------------------------------------------------------
    def extraction(self):
        print("== extraction (one core)", flush=True)
        a = self.a
        big = self.work / f"big-{a.text_mb:g}mb.txt"
        hit, gen_s = cached(big, f"{gen_hash()} {a.seed} {a.text_mb}",
                            lambda: subprocess.run([sys.executable, str(GEN), "text", "--mb", str(a.text_mb), "--out",
                                                    str(big), "--seed", str(a.seed)], check=True))
        manifest = Path(str(big) + ".manifest.jsonl")
        size = big.stat().st_size
        label = f"{mb(size):.0f} MB text"
        if not hit:
            self.t.notes.append(f"Generating the {mb(size):.0f} MB text took {gen_s:.1f} s.")
        base_out = self.work / "baseline.jsonl"
        rb = best([sys.executable, str(BASELINE), str(big)], base_out, a.repeat_py, one_core=True)
        py_mbps = None
        if rb.ok:
            py_mbps = mb(size) / secs(rb)
            rec = check_recall.score(str(manifest), str(base_out))
            self.t.notes.append(
                f"Python `re` baseline on the {label}: {py_mbps:.1f} MB/s CPU ({mb(size) / rb.wall:.1f} MB/s wall), "
                f"peak {fmt_mb(rb.rss_kb)}; recall of the generator's document references "
                f"{rec['document_recall']:.1%}, all references {rec['all_recall']:.1%}, decoys hit "
                f"{rec['decoy_hits']}/{rec['decoys']} (the baseline was written against the same catalogue).")
        why = self.cap("extract")
        if why:
            self.t.add("Extraction MB/s (1 core)", label, f"not available: {why}",
                       f"Python re {py_mbps:.1f} MB/s" if py_mbps else f"Python re failed: {rb.why()}", "",
                       "≥ 200 MB/s, ≥ 20× Python", "–")
            self.kg_extract_out = None
            return big, manifest, py_mbps
        # Memory independent of the input size: first the same extraction on a 10 MB prefix of the text.
        small = self.work / "big-prefix-10mb.txt"
        with open(big, "rb") as src:
            chunk = src.read(10_000_000)
        small.write_bytes(chunk[: chunk.rfind(b"\n") + 1])
        small_out = self.work / "kamergraph-extract-prefix.jsonl"
        # Best of the same number of runs as the full text (the first run also reads the new file from disk).
        rs = best([self.kg, "extract", str(small)], small_out, a.repeat, one_core=True, timeout=a.extract_timeout)
        plabel = f"{mb(small.stat().st_size):.0f} MB prefix"
        if rs.ok:
            self.t.add("Extraction MB/s (1 core)", plabel, f"{fmt_rate(mb(small.stat().st_size) / secs(rs))} MB/s "
                       f"({fmt_rate(mb(small.stat().st_size) / rs.wall)} wall), peak {fmt_mb(rs.rss_kb)}")
        kg_out = self.work / "kamergraph-extract.jsonl"
        rk = best([self.kg, "extract", str(big)], kg_out, a.repeat, one_core=True, timeout=a.extract_timeout)
        if not rk.ok and rs.ok:
            # Score what the prefix run found, so recall and the nllegalcit comparison still have figures.
            limited = self.work / "prefix-manifest.jsonl"
            n_small = small.stat().st_size
            with open(manifest, encoding="utf-8") as src, open(limited, "w", encoding="utf-8") as dst:
                for line in src:
                    e = json.loads(line)
                    if e.get("end", e.get("doc_end", 0)) <= n_small:
                        dst.write(line)
            rec = check_recall.score(str(limited), str(small_out))
            self.t.add("Extraction recall (generator manifest)", plabel,
                       f"documents {rec['document_recall']:.1%}, all {rec['all_recall']:.1%}, decoys hit "
                       f"{rec['decoy_hits']}/{rec['decoys']}", "", "", "decoys hit 0", verdict(rec["decoy_hits"] == 0))
            self.kg_extract_out = small_out
        if rk.rc == 124:
            bound = mb(size) / a.extract_timeout
            self.t.add("Extraction MB/s (1 core)", label, f"< {fmt_rate(bound)} MB/s (timed out after "
                       f"{a.extract_timeout:.0f} s)", f"Python re {py_mbps:.1f} MB/s" if py_mbps else "",
                       f"< {fmt_rate(bound / py_mbps)}×" if py_mbps else "", "≥ 200 MB/s, ≥ 20× Python", verdict(False))
            return big, manifest, py_mbps
        if not rk.ok:
            self.t.add("Extraction MB/s (1 core)", label, f"not available: extract failed ({rk.why()})",
                       f"Python re {py_mbps:.1f} MB/s" if py_mbps else "", "", "≥ 200 MB/s, ≥ 20× Python", "–")
            return big, manifest, py_mbps
        self.kg_extract_out = kg_out
        kg_mbps = mb(size) / secs(rk)
        ratio = kg_mbps / py_mbps if py_mbps else None
        self.t.add("Extraction MB/s (1 core)", label,
                   f"{fmt_rate(kg_mbps)} MB/s ({fmt_rate(mb(size) / rk.wall)} wall)",
                   f"Python re {py_mbps:.1f} MB/s" if py_mbps else f"Python re failed: {rb.why()}",
                   f"{fmt_rate(ratio)}×" if ratio else "", "≥ 200 MB/s, ≥ 20× Python",
                   verdict(kg_mbps >= 200 and (ratio or 0) >= 20))
        self.t.add("Extraction peak memory", label, fmt_mb(rk.rss_kb),
                   f"Python re {fmt_mb(rb.rss_kb)}" if rb.ok else "")
        rec = check_recall.score(str(manifest), str(kg_out))
        self.t.add("Extraction recall (generator manifest)", label,
                   f"documents {rec['document_recall']:.1%}, all {rec['all_recall']:.1%}, decoys hit "
                   f"{rec['decoy_hits']}/{rec['decoys']}", "", "", "decoys hit 0", verdict(rec["decoy_hits"] == 0))
        weak = [f"{k} {v['recall']:.0%}" for k, v in rec["per_kind"].items() if v["recall"] < 0.95]
        if weak:
            self.t.notes.append("KamerGraph recall below 95% on the generated text for: " + ", ".join(weak) + ".")
        if rs.ok:
            self.single_file_memory(small, big, rs, rk)
        return big, manifest, py_mbps

    def single_file_memory(self, small: Path, big: Path, rs: Result, rk: Result):
        """Peak memory of `extract` on one file of 10 MB, 50 MB and 200 MB (the text four times), with the
        default mention budget (mentions are kept up to 256 MB, so memory grows until then) and with a
        budget of 8 MB (past it, the file is read in place and extracted twice, in pieces: memory should not
        grow with the size of the file)."""
        huge = self.work / "big-200mb.txt"
        if not (huge.exists() and huge.stat().st_size == 4 * big.stat().st_size
                and huge.stat().st_mtime >= big.stat().st_mtime):
            with open(huge, "wb") as dst:
                for _ in range(4):
                    with open(big, "rb") as src:
                        shutil.copyfileobj(src, dst, 1 << 20)
        sizes = f"{mb(small.stat().st_size):.0f} MB → {mb(big.stat().st_size):.0f} MB → {mb(huge.stat().st_size):.0f} MB"
        r_huge = run([self.kg, "extract", str(huge)], one_core=True, timeout=self.a.extract_timeout)
        if r_huge.ok:
            self.t.add("Extraction peak memory, one file (default budget)", sizes,
                       f"{fmt_mb(rs.rss_kb)} → {fmt_mb(rk.rss_kb)} → {fmt_mb(r_huge.rss_kb)}", "", "",
                       "grows with the mentions up to the budget (256 MB), then not", "–")
        else:
            self.t.na("Extraction peak memory, one file (default budget)", sizes, r_huge.why())
        if not self.has_option("extract", "--memory-budget"):
            return
        budget = ["--memory-budget", "8"]
        rows = [run([self.kg, "extract", *budget, str(f)], one_core=True, timeout=self.a.extract_timeout)
                for f in (small, big, huge)]
        if not all(r.ok for r in rows):
            self.t.na("Extraction peak memory, one file (--memory-budget 8)", sizes,
                      next(r for r in rows if not r.ok).why())
            return
        self.t.add("Extraction peak memory, one file (--memory-budget 8)", sizes,
                   " → ".join(fmt_mb(r.rss_kb) for r in rows),
                   f"{fmt_rate(mb(huge.stat().st_size) / secs(rows[2]))} MB/s on 200 MB (read twice)", "",
                   "independent of input size", verdict((rows[2].rss_kb or 0) <= 1.5 * (rows[0].rss_kb or 1)))

    # ------------------------------------------------------------------------------------------
    def extraction_files(self, big: Path, manifest: Path):
        """The same text as one file per generated document (about 5 KB each), the usual shape of a
        corpus: MB/s, and peak memory for the first 10 MB of files against all of them, with the
        default mention budget and with a small one (files past it are read twice)."""
        print("== extraction, one file per document (one core)", flush=True)
        why = self.cap("extract")
        if not why and not self.has_option("extract", "--files-from"):
            why = "`kamergraph extract` has no --files-from in this build"
        if why:
            self.t.na("Extraction MB/s, one file per document (1 core)", "files", why)
            return
        key = f"{gen_hash()} {self.a.seed} {self.a.text_mb} files"
        folder = self.work / f"big-{self.a.text_mb:g}mb-files"
        stamp = Path(str(folder) + ".stamp")
        if not (stamp.exists() and stamp.read_text() == key):
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir(parents=True)
            data = big.read_bytes()
            with open(manifest, encoding="utf-8") as fh:
                for line in fh:
                    e = json.loads(line)
                    if "doc_start" in e:
                        (folder / f"doc-{e['doc']:06d}.txt").write_bytes(data[e["doc_start"]:e["doc_end"]])
            stamp.write_text(key)
        files = sorted(str(p) for p in folder.glob("*.txt"))
        total = sum(os.path.getsize(f) for f in files)
        prefix, acc = [], 0
        for f in files:
            if acc >= 10_000_000:
                break
            prefix.append(f)
            acc += os.path.getsize(f)
        small_label = f"first {len(prefix):,} files, {mb(acc):.0f} MB"
        small_list = self.work / "big-files-prefix.lst"
        small_list.write_text("".join(f + "\n" for f in prefix), encoding="utf-8")
        label = f"{len(files):,} files, {mb(total):.0f} MB"
        target = "≥ 200 MB/s, ≥ 20× Python"
        budget = 8  # MB: both runs go past it, so the bound shows (files past it are read twice)
        rows = []
        for name, extra in [("default budget", []), (f"--memory-budget {budget}", ["--memory-budget", str(budget)])]:
            if extra and not self.has_option("extract", "--memory-budget"):
                continue
            out = self.work / "kamergraph-extract-files.jsonl"
            r_small = run([self.kg, "extract", *extra, "--files-from", str(small_list)], stdout=subprocess.DEVNULL,
                          one_core=True, timeout=self.a.extract_timeout)
            r_all = best([self.kg, "extract", *extra, str(folder)], out, self.a.repeat, one_core=True,
                         timeout=self.a.extract_timeout)
            if not (r_small.ok and r_all.ok):
                self.t.na(f"Extraction, one file per document ({name})", label,
                          (r_small if not r_small.ok else r_all).why())
                continue
            rows.append((name, r_small, r_all))
            self.t.add(f"Extraction MB/s, one file per document (1 core, {name})", label,
                       f"{fmt_rate(mb(total) / secs(r_all))} MB/s ({fmt_rate(mb(total) / r_all.wall)} wall)", "", "",
                       target if not extra else "", verdict(mb(total) / secs(r_all) >= 200) if not extra else "")
            self.t.add(f"Extraction peak memory, one file per document ({name})", f"{small_label} → {label}",
                       f"{fmt_mb(r_small.rss_kb)} → {fmt_mb(r_all.rss_kb)}", "", "", "independent of input size",
                       verdict((r_all.rss_kb or 0) <= 1.5 * (r_small.rss_kb or 1) + 20_000))
        if rows:
            self.files_extract_out = self.work / "kamergraph-extract-files.jsonl"

    # ------------------------------------------------------------------------------------------
    def nllegalcit(self, big: Path, manifest: Path, py_mbps):
        print("== nllegalcit", flush=True)
        a = self.a
        why = self.peer_has("nllegalcit")
        if why:
            self.t.na("Kamerstukken: nllegalcit", "text sample", why)
            return
        out = self.work / "nllegalcit.jsonl"
        with open(out, "wb") as fh:
            p = subprocess.run(["taskset", "-c", "0", self.peer_py, str(PEERS), "nllegalcit", str(big),
                                str(a.nllegalcit_bytes), str(a.nllegalcit_seconds)], stdout=fh, stderr=subprocess.PIPE)
        if p.returncode != 0:
            self.t.na("Kamerstukken: nllegalcit", "text sample", f"exit {p.returncode}: "
                      + p.stderr.decode(errors="replace").strip().splitlines()[-1][:140])
            return
        stat = json.loads(p.stderr.decode().strip().splitlines()[-1])
        n_bytes, n_cpu = stat["bytes"], stat["cpu_seconds"]
        nl_mbps = mb(n_bytes) / n_cpu if n_cpu else 0.0
        sample = f"first {n_bytes / 1000:.0f} KB"

        def kst_recall(path):
            limited = self.work / "limited-manifest.jsonl"
            with open(manifest, encoding="utf-8") as src, open(limited, "w", encoding="utf-8") as dst:
                for line in src:
                    e = json.loads(line)
                    if e.get("kind") == "kamerstuk" and e["end"] <= n_bytes:
                        dst.write(line)
            r = check_recall.score(str(limited), str(path))
            return r["per_kind"].get("kamerstuk", {"found": 0, "expected": 0, "recall": 0.0, "ids_found": 0,
                                                   "ids_expected": 0})

        nk = kst_recall(out)
        bk = kst_recall(self.work / "baseline.jsonl") if (self.work / "baseline.jsonl").exists() else None
        peer_txt = (f"nllegalcit {nl_mbps * 1000:.1f} KB/s, citations complete {nk['found']}/{nk['expected']}, "
                    f"ids {nk['ids_found']}/{nk['ids_expected']}")
        if bk:
            peer_txt += f"; Python re complete {bk['found']}/{bk['expected']}"
        if getattr(self, "kg_extract_out", None):
            kk = kst_recall(self.kg_extract_out)
            kg_mbps = next((r for r in reversed(self.t.rows) if r[0] == "Extraction MB/s (1 core)"
                            and re.match(r"[\d.]+ MB/s", r[2])), None)
            self.t.add("Kamerstukken citations vs nllegalcit", sample,
                       f"citations complete {kk['found']}/{kk['expected']}, ids {kk['ids_found']}/{kk['ids_expected']}",
                       peer_txt,
                       self._ratio_from_row(kg_mbps, nl_mbps))
        else:
            self.t.add("Kamerstukken citations vs nllegalcit", sample,
                       f"not available: {self.cap('extract') or 'no extraction output (the run failed or timed out)'}",
                       peer_txt, f"Python re {py_mbps / nl_mbps:.0f}× nllegalcit" if py_mbps and nl_mbps else "")

    @staticmethod
    def _ratio_from_row(row, nl_mbps) -> str:
        if not row or not nl_mbps:
            return ""
        m = re.match(r"([\d.]+) MB/s", row[2]) if "not available" not in row[2] else None
        return f"{float(m.group(1)) / nl_mbps:.0f}× faster" if m else ""

    # ------------------------------------------------------------------------------------------
    def corpus(self, n: int) -> tuple[Path, Path, list[dict]]:
        a = self.a
        d = self.work / f"corpus-{n}"
        man = Path(str(d) + ".manifest.jsonl")
        hit, gen_s = cached(d, f"{gen_hash()} {a.seed} {n}",
                            lambda: subprocess.run([sys.executable, str(GEN), "corpus", "--docs", str(n), "--out",
                                                    str(d), "--manifest", str(man), "--seed", str(a.seed)],
                                                   check=True))
        entries = [json.loads(line) for line in open(man, encoding="utf-8")]
        self.manifest_of[n] = man
        total = sum(e["bytes"] for e in entries)
        self.sizes_data.setdefault(n, {})["bytes"] = total
        if not hit:
            self.t.add("Corpus generation (Python, 2 processes)", self.label(n), f"{fmt_s(gen_s)}, {mb(total):.0f} MB")
        return d, man, entries

    def label(self, n: int) -> str:
        b = self.sizes_data.get(n, {}).get("bytes")
        k = f"{n // 1000}k docs" if n >= 1000 else f"{n} docs"
        return f"{k}, {mb(b):.0f} MB" if b else k

    # ------------------------------------------------------------------------------------------
    def reading(self, d: Path, entries: list[dict], n: int):
        print("== reading each format (one core)", flush=True)
        groups: dict[str, list[str]] = {}
        for e in entries:
            groups.setdefault(e["format"], []).append(str(d / e["file"]))
            if "metadata_file" in e:
                groups.setdefault("koop-metadata", []).append(str(d / e["metadata_file"]))
        why = self.cap("extract")
        xmllint = shutil.which("xmllint")
        for fmt in ["koop-xml", "koop-metadata", "txt", "docx", "odt", "tk-syncfeed"]:
            files = groups.get(fmt, [])
            if not files:
                continue
            size = files_size(files)
            label = f"{len(files)} {fmt} files, {mb(size):.1f} MB"
            peer, ratio = "", ""
            xl = None
            if xmllint and fmt in ("koop-xml", "koop-metadata", "tk-syncfeed"):
                xl = self.batched([xmllint, "--stream", "--noout"], files)
                peer = (f"xmllint --stream {fmt_rate(mb(size) / secs(xl))} MB/s" if xl.ok
                        else f"xmllint failed: {xl.why()}")
            target = "≥ 100 MB/s" if fmt == "koop-xml" else ""
            if why:
                self.t.add("Read + extract MB/s (1 core)", label, f"not available: {why}", peer, "", target,
                           "–" if target else "")
                continue
            mentions = self.work / f"extract-{fmt}.jsonl"
            if self.has_option("extract", "--files-from"):
                # One process over a list file (command lines of thousands of paths cost the
                # argument parser more than the reading).
                lst = self.work / f"files-{fmt}.lst"
                lst.write_text("".join(f + "\n" for f in files), encoding="utf-8")
                with open(mentions, "wb") as fh:
                    r = run([self.kg, "extract", "--files-from", str(lst)], one_core=True, stdout=fh,
                            timeout=self.a.extract_timeout)
            else:
                r = self.batched([self.kg, "extract"], files, stdout=mentions)
            if not r.ok:
                self.t.add("Read + extract MB/s (1 core)", label, f"not available: {r.why()}", peer, "", target,
                           "–" if target else "")
                continue
            v = mb(size) / secs(r)
            if xl is not None and xl.ok:
                ratio = f"{v / (mb(size) / secs(xl)):.2f}× xmllint"
            recall = ""
            if fmt not in ("koop-metadata", "tk-syncfeed"):  # these carry facts for the resolver, not mentions
                rc = check_recall.score_corpus(str(self.manifest_of[n]), str(mentions), str(d), {fmt}).get(fmt)
                if rc and rc["expected"]:
                    recall = f", id recall {rc['recall']:.1%} ({rc['found']}/{rc['expected']})"
            self.t.add("Read + extract MB/s (1 core)", label, f"{fmt_rate(v)} MB/s{recall}", peer, ratio, target,
                       verdict(v >= 100) if target else "")

    def pdf_reading(self):
        """PDF read + extract on real PDFs repeated (hard links) to about --pdf-mb, on one core, beside
        pdftotext (poppler-utils) run once per file on the same files; peak memory for an eighth
        of the files and for all of them."""
        print("== PDF read + extract (one core) beside pdftotext", flush=True)
        src = sorted(Path(self.a.pdf_dir).glob("*.pdf"))
        measure = "PDF read + extract MB/s, pages/s (1 core)"
        target = "≥ pdftotext"
        if not src:
            self.t.na(measure, self.a.pdf_dir, "no .pdf files there", target)
            return
        pdfinfo = shutil.which("pdfinfo")
        pages_of = {}
        for f in src:
            out = subprocess.run([pdfinfo, str(f)], capture_output=True, text=True).stdout if pdfinfo else ""
            m = re.search(r"^Pages:\s+(\d+)", out, re.M)
            pages_of[f] = int(m.group(1)) if m else 0
        one = sum(f.stat().st_size for f in src)
        copies = max(1, int(self.a.pdf_mb * 1e6 / one))
        d = self.work / "pdf"
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
        files = []
        for k in range(copies):
            for f in src:
                target_path = d / f"{k:05d}-{f.name}"
                os.link(f, target_path)
                files.append(str(target_path))
        size = one * copies
        pages = sum(pages_of.values()) * copies
        label = (f"{len(files)} PDFs ({len(src)} real PDFs ×{copies}), {mb(size):.0f} MB, {pages} pages")
        lst = self.work / "files-pdf.lst"
        lst.write_text("".join(f + "\n" for f in files), encoding="utf-8")
        peer, ratio, met = "", "", "–"
        pdftotext = shutil.which("pdftotext")
        pt = None
        if pdftotext:
            # One pdftotext per file, as a pipeline runs it; xargs waits for each, so its CPU time
            # includes theirs.
            pt = run(["xargs", "-a", str(lst), "-d", "\n", "-I{}", pdftotext, "-q", "{}", "/dev/null"], one_core=True,
                     timeout=self.a.extract_timeout)
            peer = (f"pdftotext {fmt_rate(mb(size) / secs(pt))} MB/s, {pages / secs(pt):.0f} pages/s, peak {fmt_mb(pt.rss_kb)}"
                    if pt.ok else f"pdftotext failed: {pt.why()}")
        else:
            peer = "pdftotext not installed (apt-get install poppler-utils)"
        why = self.cap("extract")
        if why or not self.has_option("extract", "--files-from"):
            self.t.add(measure, label, f"not available: {why or 'extract has no --files-from'}", peer, "", target, "–")
            return
        part = self.work / "files-pdf-eighth.lst"
        part.write_text("".join(f + "\n" for f in files[: max(1, len(files) // 8)]), encoding="utf-8")
        r8 = run([self.kg, "extract", "--files-from", str(part)], one_core=True, timeout=self.a.extract_timeout)
        r = run([self.kg, "extract", "--files-from", str(lst)], one_core=True, timeout=self.a.extract_timeout)
        if not r.ok:
            self.t.add(measure, label, f"not available: {r.why()}", peer, "", target, "–")
            return
        v = mb(size) / secs(r)
        if pt is not None and pt.ok:
            ratio = f"{v / (mb(size) / secs(pt)):.2f}× pdftotext"
            met = verdict(secs(r) <= secs(pt))
        self.t.add(measure, label, f"{fmt_rate(v)} MB/s, {pages / secs(r):.0f} pages/s", peer, ratio, target, met)
        self.t.add("PDF read + extract peak memory", f"{len(files) // 8} → {len(files)} PDFs",
                   f"{fmt_mb(r8.rss_kb)} → {fmt_mb(r.rss_kb)}", "", "", "independent of the number of files",
                   verdict(r8.rss_kb is not None and r.rss_kb is not None and r.rss_kb <= 1.25 * r8.rss_kb + 8 * 1024))

    def batched(self, cmd: list[str], files: list[str], batch: int = 2000, stdout: Path | None = None) -> Result:
        """Runs cmd over the files in batches of `batch` arguments on one core; sums the times."""
        wall = cpu = 0.0
        rss = 0
        if stdout is not None:
            stdout.write_bytes(b"")
        for k in range(0, len(files), batch):
            if stdout is not None:
                with open(stdout, "ab") as fh:
                    r = run(cmd + files[k:k + batch], one_core=True, stdout=fh)
            else:
                r = run(cmd + files[k:k + batch], one_core=True)
            if not r.ok:
                return r
            wall += r.wall
            cpu += secs(r)
            rss = max(rss, r.rss_kb or 0)
        return Result(0, wall, cpu, rss, "")

    # ------------------------------------------------------------------------------------------
    def build(self, n: int, d: Path, entries: list[dict]):
        print(f"== build, export, queries: {n} documents", flush=True)
        a = self.a
        data = self.sizes_data[n]
        label = self.label(n)
        total = data["bytes"]
        big = n == max(a.sizes)
        why = self.cap("build")
        # Issue 21: ≥ 30 MB/s of input on 2 cores at 10k and 100k; 100k documents < 30 s, < 1 GB.
        target_build = ("≥ 30 MB/s, < 30 s, < 1 GB" if n >= 100_000 else "≥ 30 MB/s") if n >= 10_000 else ""
        if why:
            self.t.add("Full build (2 cores)", label, f"not available: {why}", "", "", target_build,
                       "–" if target_build else "")
            return
        out = self.work / f"out-{n}"
        idx = self.work / f"index-{n}.sqlite"
        for p in [idx, Path(str(idx) + "-wal"), Path(str(idx) + "-shm")]:
            if p.exists():
                p.unlink()
        if out.exists():
            shutil.rmtree(out)
        cmd = [self.kg, "build", str(d), "--out", str(out), "--index", str(idx)]
        if self.has_option("build", "--no-picture"):
            cmd.append("--no-picture")  # Graphviz layout of a 100k-document graph is not what is measured
        r = run(cmd, timeout=a.build_timeout)
        if not r.ok and r.rc != 2:
            self.t.add("Full build (2 cores)", label, f"not available: build failed ({r.why()})", "", "", target_build,
                       "–" if target_build else "")
            return
        data["build_wall"], data["build_rss"] = r.wall, r.rss_kb
        met = ""
        if target_build:
            fast = mb(total) / max(r.wall, 1e-9) >= 30
            met = verdict(fast and (n < 100_000 or (r.wall < 30 and (r.rss_kb or 0) < 1024 * 1024)))
        self.t.add("Full build (2 cores)", label,
                   f"{fmt_s(r.wall)} wall, {mb(total) / r.wall:.1f} MB/s, peak {fmt_mb(r.rss_kb)}"
                   + (" (exit 2: some inputs failed)" if r.rc == 2 else ""), "", "", target_build, met)
        if idx.exists():
            data["index_bytes"] = idx.stat().st_size
            ratio = idx.stat().st_size / max(1, total)
            self.t.add("Index size", label, f"{mb(idx.stat().st_size):.1f} MB ({ratio:.2f}× corpus)", "", "",
                       "≤ 1.5× corpus", verdict(ratio <= 1.5))
        outputs = sorted(p for p in out.rglob("*") if p.is_file()) if out.exists() else []
        if outputs:
            self.t.add("Build outputs", label, ", ".join(f"{p.name} {mb(p.stat().st_size):.1f} MB" for p in outputs))
        summary = self.work / f"rebuild-{n}.txt"
        with open(summary, "wb") as fh:
            r2 = run(cmd, timeout=a.build_timeout, stdout=fh)
        if r2.ok or r2.rc == 2:
            speed = r.wall / r2.wall if r2.wall else 0
            data["rebuild_wall"] = r2.wall
            # A build with failed inputs is never taken as unchanged: say which path was measured.
            early = "nothing changed since the last build" in summary.read_text(encoding="utf-8", errors="replace")
            how = "" if early else " (did not stop early: a full incremental rebuild)"
            # The target is for 100k documents; on small corpora process start-up dominates.
            target = "≥ 50× faster than full" if n >= 10_000 else ""
            self.t.add("No-change rebuild", label, f"{fmt_s(r2.wall)} wall, peak {fmt_mb(r2.rss_kb)}{how}",
                       f"full build {fmt_s(r.wall)}", f"{speed:.0f}× faster", target,
                       verdict(speed >= 50) if target else "")
        else:
            self.t.na("No-change rebuild", label, r2.why(), "≥ 50× faster than full" if n >= 10_000 else "")
        self.partial_rebuild(n, d, cmd, r, label)
        self.picture_build(n, d, label, r)
        self.exports(n, idx, label, big)
        if n <= a.export_peer_max_docs:
            self.export_vs_networkx(n, idx, label)
        self.queries(n, idx, entries, label)

    def partial_rebuild(self, n: int, d: Path, cmd: list[str], full: Result, label: str):
        """Rebuild after changing 1 % of the files: every 100th .txt or document .xml file (in path
        order) gets a newline appended, the build runs again, and the files are put back."""
        files = sorted(p for p in d.rglob("*") if p.is_file() and (p.suffix == ".txt" or (
            p.suffix == ".xml" and not p.name.endswith(".metadata.xml"))))
        changed = files[::100]
        if not changed:
            return
        originals = {p: p.read_bytes() for p in changed}
        try:
            for p in changed:
                with open(p, "ab") as fh:
                    fh.write(b"\n")
            r = run(cmd, timeout=self.a.build_timeout)
        finally:
            for p, data in originals.items():
                p.write_bytes(data)
        target = "≥ 20× faster than full"
        if r.ok or r.rc == 2:
            speed = full.wall / r.wall if r.wall else 0
            self.t.add("Rebuild after changing 1 % of the files", label,
                       f"{len(changed)} files changed: {fmt_s(r.wall)} wall, peak {fmt_mb(r.rss_kb)}",
                       f"full build {fmt_s(full.wall)}", f"{speed:.1f}× faster", target, verdict(speed >= 20))
        else:
            self.t.na("Rebuild after changing 1 % of the files", label, r.why(), target)
        # A newline changes the files but not the graph (the build then leaves the graph files as
        # they are); the same number of .txt files with a new reference each changes the graph too.
        texts = sorted(p for p in d.rglob("*.txt") if p.is_file())
        if not texts:
            return
        step = max(1, len(texts) // len(changed))
        edited = texts[::step][:len(changed)]
        originals = {p: p.read_bytes() for p in edited}
        try:
            for k, p in enumerate(edited):
                with open(p, "ab") as fh:
                    fh.write(f"\nZie ook Kamerstukken II 2024/25, 36600 X, nr. {k + 1}.\n".encode())
            r = run(cmd, timeout=self.a.build_timeout)
        finally:
            for p, data in originals.items():
                p.write_bytes(data)
            # Back to the corpus of the full build for the rows that follow.
            run(cmd, timeout=self.a.build_timeout)
        measure = "Rebuild after changing 1 % of the files (a new reference in each: the graph changes)"
        if r.ok or r.rc == 2:
            speed = full.wall / r.wall if r.wall else 0
            self.t.add(measure, label, f"{len(edited)} .txt files changed: {fmt_s(r.wall)} wall, peak {fmt_mb(r.rss_kb)}",
                       f"full build {fmt_s(full.wall)}", f"{speed:.1f}× faster", target, verdict(speed >= 20))
        else:
            self.t.na(measure, label, r.why(), target)

    def picture_build(self, n: int, d: Path, label: str, full: Result):
        """The full build again with the picture (Graphviz `dot` on PATH): the picture must not hold
        it up (above the node limit only the most connected part is drawn, under a time limit)."""
        if not shutil.which("dot"):
            self.t.na("Full build with the picture (2 cores)", label, "Graphviz `dot` is not installed")
            return
        out = self.work / f"out-picture-{n}"
        idx = self.work / f"index-picture-{n}.sqlite"
        for p in [idx, Path(str(idx) + "-wal"), Path(str(idx) + "-shm")]:
            if p.exists():
                p.unlink()
        if out.exists():
            shutil.rmtree(out)
        summary = self.work / f"picture-{n}.txt"
        with open(summary, "wb") as fh:
            r = run([self.kg, "build", str(d), "--out", str(out), "--index", str(idx), "--format", "dot"],
                    timeout=self.a.build_timeout, stdout=fh)
        if not (r.ok or r.rc == 2):
            self.t.na("Full build with the picture (2 cores)", label, r.why())
            return
        text = summary.read_text(encoding="utf-8", errors="replace")
        notes = [line.strip() for line in text.splitlines() if "picture" in line and ("most connected" in line or "no picture" in line)]
        svg = next(out.glob("*.svg"), None)
        drawn = f"SVG {mb(svg.stat().st_size):.1f} MB" if svg else "no SVG"
        self.t.add("Full build with the picture (2 cores)", label,
                   f"{fmt_s(r.wall)} wall, peak {fmt_mb(r.rss_kb)}, {drawn}" + (f" ({notes[0]})" if notes else ""),
                   f"without the picture {fmt_s(full.wall)}", f"{r.wall / max(full.wall, 1e-9):.2f}×",
                   "never blocks: finishes", verdict(r.ok or r.rc == 2))

    def exports(self, n, idx: Path, label: str, big: bool):
        why = self.cap("export")
        if why:
            self.t.na("Export time per format", label, why)
            return
        parts = []
        data = self.sizes_data[n]
        for f in FORMATS:
            dest = self.work / f"export-{n}.{f}"
            r = run([self.kg, "export", "--format", f, "--output", str(dest), "--index", str(idx)],
                    timeout=self.a.build_timeout)
            if r.ok:
                size = sum(p.stat().st_size for p in self.work.glob(f"export-{n}.*{f}*") if p.is_file())
                parts.append(f"{f} {fmt_s(r.wall)} ({mb(size):.0f} MB, peak {fmt_mb(r.rss_kb)})")
                data[f"export_{f}"] = r.wall
                data[f"export_{f}_rss"] = r.rss_kb
            else:
                parts.append(f"{f} not available ({r.why()})")
        self.t.add("Export time per format", label, "; ".join(parts))

    def export_vs_networkx(self, n: int, idx: Path, label: str):
        """Issue 21: `kamergraph export --format F` from the index, as a whole process, beside networkx doing
        the same in the same run (`export_peer.py`: read the graph from KamerGraph's node-link JSON of this
        index, write F). CPU time (user + system) of each process is what is compared: wall time on a shared
        machine is mostly waiting for a core. KamerGraph best of --repeat runs, each peer one run."""
        print(f"== export from the index vs networkx: {n} documents", flush=True)
        measure = "Export from the index vs networkx (whole process, CPU)"
        why = self.cap("export") or self.peer_has("networkx")
        if why:
            self.t.na(measure, label, why, "≥ 10× networkx, ≥ 5× networkx+lxml")
            return
        src = self.work / f"export-peer-{n}.input.json"
        r = run([self.kg, "export", "--format", "json", "--output", str(src), "--index", str(idx)],
                timeout=self.a.build_timeout)
        if not r.ok:
            self.t.na(measure, label, f"the JSON the peer reads could not be written ({r.why()})")
            return
        lxml = self.peer_has("lxml")
        pydot = self.peer_has("pydot")
        peers = {
            "graphml": [("networkx (ElementTree writer)", "xml", "", 10), ("networkx + lxml", "lxml", lxml, 5)],
            "gexf": [("networkx", "", "", 10)],
            "json": [("networkx (node_link_data + json.dump)", "", "", 10)],
            "dot": [("networkx + pydot (nx_pydot.write_dot)", "pydot", pydot, 10)],
            "csv": [("networkx + Python csv module (networkx has no CSV writer)", "", "", 10)],
        }
        for f in FORMATS:
            dest = self.work / f"export-peer-{n}-ours.{f}"
            ours = best([self.kg, "export", "--format", f, "--output", str(dest), "--index", str(idx)], None,
                        self.a.repeat, timeout=self.a.build_timeout)
            row = f"{label}, {f}"
            if not ours.ok:
                self.t.na(measure, row, f"kamergraph export failed ({ours.why()})")
                continue
            value = f"{fmt_s(secs(ours))} CPU ({fmt_s(ours.wall)} wall), peak {fmt_mb(ours.rss_kb)}"
            for peer_name, writer, peer_why, factor in peers[f]:
                target = f"≥ {factor}× {peer_name.split(' (')[0]}"
                if peer_why:
                    self.t.add(measure, row, value, f"{peer_name}: not available ({peer_why})", "", target, "–")
                    continue
                out = self.work / f"export-peer-{n}-networkx.{f}"
                theirs = run([self.peer_py, str(EXPORT_PEER), str(src), f, str(out)] + ([writer] if writer else []),
                             timeout=self.a.export_peer_timeout)
                if theirs.rc == 124:
                    # Stopped: the ratio is at least the time it was given.
                    ratio = self.a.export_peer_timeout / secs(ours)
                    self.t.add(measure, row, value, f"{peer_name}: stopped after {fmt_s(theirs.wall)} wall",
                               f"> {math.floor(ratio * 10) / 10:.1f}× less CPU", target, verdict(ratio >= factor))
                    continue
                if not theirs.ok:
                    self.t.add(measure, row, value, f"{peer_name}: failed ({theirs.why()})", "", target, "–")
                    continue
                ratio = secs(theirs) / secs(ours)
                shown = math.floor(ratio * 10) / 10  # rounded down, so 9.98 shows as 9.9
                self.t.add(measure, row, value,
                           f"{peer_name} {fmt_s(secs(theirs))} CPU ({fmt_s(theirs.wall)} wall), peak {fmt_mb(theirs.rss_kb)}",
                           f"{shown:.1f}× less CPU", target, verdict(ratio >= factor))
                for p in self.work.glob(f"export-peer-{n}-networkx.*"):
                    p.unlink()
            for p in self.work.glob(f"export-peer-{n}-ours.*"):
                p.unlink()

    def queries(self, n, idx: Path, entries: list[dict], label: str):
        data = self.sizes_data[n]
        docs = [e for e in entries if e["own_ids"] and e["kind"] in ("ah", "kst", "letter-txt", "kv")]
        step = max(1, len(docs) // self.a.queries)
        picks = docs[::step][: self.a.queries]
        for sub, target in [("related", "median < 20 ms"), ("path", "median < 20 ms")]:
            why = self.cap(sub)
            if why:
                self.t.na(f"`{sub}` latency", label, why, target)
                continue
            times, cpus, fails = [], [], []
            for k, e in enumerate(picks):
                if sub == "related":
                    cmd = [self.kg, "related", e["own_ids"][0], "--depth", "2", "--index", str(idx)]
                else:
                    other = picks[(k + 1) % len(picks)]
                    # an answer and the question it answers are linked; other pairs test the search
                    dst = e.get("answers") or other["own_ids"][0]
                    cmd = [self.kg, "path", e["own_ids"][0], dst, "--index", str(idx)]
                r = run(cmd, timeout=120)
                (times if r.ok else fails).append(r.wall if r.ok else r.why())
                if r.ok and r.cpu is not None:
                    cpus.append(r.cpu)
            if not times:
                self.t.na(f"`{sub}` latency", label, f"all {len(picks)} queries failed ({fails[0]})", target)
                continue
            med = statistics.median(times)
            data[f"{sub}_median"] = med
            extra = f", {len(fails)} failed" if fails else ""
            cpu = f"; CPU median {statistics.median(cpus) * 1000:.0f} ms" if cpus else ""
            self.t.add(f"`{sub}` latency (process, median of {len(times)})", label,
                       f"{med * 1000:.0f} ms wall (p90 {sorted(times)[int(0.9 * (len(times) - 1))] * 1000:.0f} ms"
                       f"{cpu}{extra})", "", "", target, verdict(med < 0.02))

    # ------------------------------------------------------------------------------------------
    def graphml_vs_networkx(self):
        """The GraphML writer alone vs `networkx.write_graphml` alone, on the same generated graph.

        Both sides build the graph of `--graph-edges` edges in process from the same arithmetic rule
        (`SyntheticGraph` in Swift, `peers.generated_graph` in Python: same node ids, labels, attributes,
        edges, relations and weights), untimed; then each times only its writer writing the file, on one core,
        and reports its CPU and wall time and its peak RSS (getrusage) before and after writing. The files are
        then checked to hold the same number of nodes and edges. networkx is timed with both of its writers:
        the ElementTree one (`pip install networkx` alone) and the lxml one (used when lxml is installed)."""
        print("== GraphML writer vs networkx.write_graphml (generated graph)", flush=True)
        a = self.a
        m = a.graph_edges
        measure, target = "GraphML write time (writer only)", "≥ 10× networkx"
        if m < 1_000_000:
            self.t.notes.append(f"The GraphML comparison graph has {m:,} edges (--graph-edges; the target is "
                                f"stated for 1,000,000).")
        ours = self._generated_graphml([self.kg_bench, "graphml", str(m)], "kamergraph", self.kg_bench_why,
                                       repeat=a.repeat)
        why_nx = self.peer_has("networkx")
        why_lxml = why_nx or self.peer_has("lxml")
        # Issue 21: ≥ 10× networkx, ≥ 5× networkx with its faster lxml writer.
        peers = [("networkx (ElementTree writer)", "xml", why_nx, 10),
                 ("networkx + lxml (lxml writer)", "lxml", why_lxml, 5)]

        def described(r: dict) -> str:
            return (f"{fmt_s(r['write_cpu_seconds'])} CPU ({fmt_s(r['write_seconds'])} wall), "
                    f"{mb(r['bytes']):.0f} MB, peak {fmt_mb(r['rss_peak_kb'])} "
                    f"(graph built: {fmt_mb(r['rss_after_build_kb'])})")

        for peer_name, writer, why, times in peers:
            target = f"≥ {times}× {'networkx + lxml' if writer == 'lxml' else 'networkx'}"
            theirs = self._generated_graphml([self.peer_py, str(PEERS), "networkx-generated", str(m)],
                                             f"networkx-{writer}", why, repeat=1, extra=[writer])
            label = f"generated graph, {m:,} edges"
            peer = f"{peer_name} {described(theirs)}" if "error" not in theirs else f"{peer_name}: {theirs['error']}"
            if "error" in ours:
                self.t.add(measure, label, f"not available: {ours['error']}", peer, "", target, "–")
                continue
            if "error" in theirs:
                self.t.add(measure, label, described(ours), peer, "", target, "–")
                continue
            nodes = (ours["nodes"], theirs["nodes"], ours["file_nodes"], theirs["file_nodes"])
            edges = (ours["edges"], theirs["edges"], ours["file_edges"], theirs["file_edges"])
            same = len(set(nodes)) == 1 and len(set(edges)) == 1 and edges[0] == m
            label = f"generated graph: {nodes[0]:,} nodes, {edges[0]:,} edges"
            if not same:
                self.t.notes.append(f"KamerGraph's and {peer_name}'s GraphML files do not hold the same graph: "
                                    f"nodes (ours, theirs, in our file, in theirs) {nodes}, edges {edges}.")
            ratio = theirs["write_cpu_seconds"] / max(ours["write_cpu_seconds"], 1e-3)
            shown = math.floor(ratio * 10) / 10  # rounded down, so 9.98 shows as 9.9, not as a 10.0 that misses
            self.t.add(measure, label, described(ours), peer,
                       f"{shown:.1f}× faster" + ("" if same else " (graphs differ)"), target,
                       verdict(ratio >= times and same))

    def _generated_graphml(self, cmd: list[str], name: str, why: str, repeat: int, extra=()) -> dict:
        """Runs a generated-graph GraphML writer (`cmd` + OUT + `extra`) `repeat` times on one core; its JSON line of
        the run with the least write CPU time, plus the `<node `/`<edge ` counts of its file, or {"error": why}.
        KamerGraph's result is cached, so both networkx rows compare with the same runs."""
        if why:
            return {"error": why}
        if name in self._graphml_runs:
            return self._graphml_runs[name]
        dest = self.work / f"generated-{name}.graphml"
        runs = []
        for _ in range(repeat):
            out = self.work / f"generated-{name}.json"
            # Each run starts alike: no earlier file to truncate inside the timed process, and no
            # dirty pages of earlier stages (the 100k build's outputs) to write back during it.
            if dest.exists():
                dest.unlink()
            os.sync()
            with open(out, "wb") as fh:
                r = run(cmd + [str(dest)] + list(extra), stdout=fh, one_core=True, timeout=self.a.build_timeout)
            if not r.ok:
                return {"error": f"{name} failed ({r.why()})"}
            try:
                runs.append(json.loads(out.read_text(encoding="utf-8").strip().splitlines()[-1]))
            except (ValueError, IndexError):
                return {"error": f"{name} printed no JSON line"}
        result = min(runs, key=lambda x: x["write_cpu_seconds"])
        result["file_nodes"], result["file_edges"] = count_tags(dest, [b"<node ", b"<edge "])
        dest.unlink()
        self._graphml_runs[name] = result
        return result

    # ------------------------------------------------------------------------------------------
    def growth(self):
        sizes = sorted(n for n in self.a.sizes if n in self.sizes_data)
        if len(sizes) < 2:
            return
        for key, name, shape in [("build_wall", "Full build time", "linear"),
                                 ("export_graphml", "GraphML export time", "linear"),
                                 ("index_bytes", "Index size", "linear"),
                                 ("related_median", "`related` median", "flat"),
                                 ("path_median", "`path` median", "flat")]:
            pts = [(n, self.sizes_data[n].get(key)) for n in sizes]
            pts = [(n, v) for n, v in pts if v]
            if len(pts) < 2:
                continue
            steps = []
            for (n0, v0), (n1, v1) in zip(pts, pts[1:]):
                steps.append(f"×{n1 / n0:g} docs → ×{v1 / v0:.2f}")
            self.t.add(f"Growth: {name}", " → ".join(self.label(n).split(",")[0] for n, _ in pts), "; ".join(steps),
                       "", "", f"{shape} in corpus size", "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--kamergraph", help="path of the release kamergraph binary")
    ap.add_argument("--kamergraph-missing", default="", help="why the binary is missing (from run.sh)")
    ap.add_argument("--kamergraph-bench", help="path of the release kamergraph-bench binary (default: beside "
                    "--kamergraph)")
    ap.add_argument("--kamergraph-bench-missing", default="", help="why kamergraph-bench is missing (from run.sh)")
    ap.add_argument("--peer-python", help="python with nllegalcit and networkx (the benchmark venv)")
    ap.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes in documents, comma-separated")
    ap.add_argument("--quick", action="store_true", help="sizes 1000 and 10000 only")
    ap.add_argument("--text-mb", type=float, default=50)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--work", default=str(HERE / ".work"))
    ap.add_argument("--repeat", type=int, default=3, help="runs of each kamergraph extraction (best counts)")
    ap.add_argument("--repeat-py", type=int, default=2, help="runs of the Python baseline (best counts)")
    ap.add_argument("--queries", type=int, default=21)
    ap.add_argument("--nllegalcit-bytes", type=int, default=64_000)
    ap.add_argument("--nllegalcit-seconds", type=float, default=60)
    ap.add_argument("--graph-edges", type=int, default=1_000_000,
                    help="edges of the generated graph both GraphML writers write (also with --quick)")
    ap.add_argument("--build-timeout", type=float, default=1800)
    ap.add_argument("--extract-timeout", type=float, default=900, help="seconds for one extraction run")
    ap.add_argument("--results", default=str(HERE / "results" / "latest.md"))
    ap.add_argument("--pdf-dir", default=str(HERE.parent / "Tests" / "Fixtures" / "pdf" / "real"),
                    help="real PDFs for the PDF row (e.g. ../shared/realdocs/docs)")
    ap.add_argument("--pdf-mb", type=float, default=200, help="MB of PDFs the PDF row reads (the PDFs repeated)")
    ap.add_argument("--only-pdf", action="store_true", help="only the PDF row")
    ap.add_argument("--only-export-queries", action="store_true",
                    help="for each --sizes corpus only: the build (skipped with --reuse-index when the index is there), "
                         "export per format, export vs networkx, `related`/`path` latency")
    ap.add_argument("--reuse-index", action="store_true",
                    help="with --only-export-queries: use Benchmarks/.work/index-N.sqlite when it exists")
    ap.add_argument("--export-peer-max-docs", type=int, default=10_000,
                    help="export vs networkx on corpora up to this size (networkx takes 10-20 s a format at 10k)")
    ap.add_argument("--export-peer-timeout", type=float, default=900, help="seconds for one networkx export")
    a = ap.parse_args()
    a.sizes = [1000, 10000] if a.quick else sorted(int(x) for x in a.sizes.split(",") if x.strip())
    for n in a.sizes:
        if not 10 <= n <= 200_000:
            sys.exit(f"bench.py: corpus size {n} is outside 10..200,000")
    m = machine()
    print(f"KamerGraph benchmark, {m['date']}: {m['nproc']} cores, {m['cpu']}, {m['mem']}", flush=True)
    b = Bench(a)
    t0 = time.perf_counter()
    b.t.on_add = lambda: write_results(a, m, b, time.perf_counter() - t0, partial=True)

    def finish():
        """The last table, written to the results file and printed."""
        b.t.on_add = None
        text = write_results(a, m, b, time.perf_counter() - t0, partial=False)
        print()
        print(text)
        print(f"(written to {a.results})")

    write_results(a, m, b, time.perf_counter() - t0, partial=True)
    if a.only_pdf:
        b.pdf_reading()
        finish()
        return
    if a.only_export_queries:
        for n in a.sizes:
            d, _, entries = b.corpus(n)
            idx = b.work / f"index-{n}.sqlite"
            if a.reuse_index and idx.exists():
                label = b.label(n)
                b.exports(n, idx, label, n == max(a.sizes))
                if n <= a.export_peer_max_docs:
                    b.export_vs_networkx(n, idx, label)
                b.queries(n, idx, entries, label)
            else:
                b.build(n, d, entries)
            write_results(a, m, b, time.perf_counter() - t0, partial=True)
        finish()
        return
    big, manifest, py_mbps = b.extraction()
    write_results(a, m, b, time.perf_counter() - t0, partial=True)
    b.extraction_files(big, manifest)
    write_results(a, m, b, time.perf_counter() - t0, partial=True)
    b.nllegalcit(big, manifest, py_mbps)
    mid = [n for n in a.sizes if n <= 10_000] or a.sizes[:1]
    for n in a.sizes:
        d, _, entries = b.corpus(n)
        if n == mid[-1]:
            b.reading(d, entries, n)
            write_results(a, m, b, time.perf_counter() - t0, partial=True)
        b.build(n, d, entries)
        write_results(a, m, b, time.perf_counter() - t0, partial=True)
    b.pdf_reading()
    write_results(a, m, b, time.perf_counter() - t0, partial=True)
    b.graphml_vs_networkx()
    b.growth()
    finish()


def write_results(a, m: dict, b: Bench, total: float, partial: bool) -> str:
    md = [f"# KamerGraph benchmark: latest results", "",
          ("- **Partial: the run is still going or was stopped; rows below are what finished.**" if partial else ""),
          f"- Date: {m['date']} · commit `{m['commit']}` · total benchmark time {total / 60:.1f} min",
          f"- Machine: {m['nproc']} cores ({m['cpu']}), {m['mem']} memory, {m['os']}",
          f"- Toolchain: {m['swift']}; Python {m['python']}",
          f"- Command: `Benchmarks/run.sh{' --quick' if a.quick else ''}` (sizes {', '.join(map(str, a.sizes))}; "
          f"seed {a.seed}; text {a.text_mb:g} MB)", "",
          "Throughput is from CPU time (user + system, best of several runs) of the measured process, pinned to "
          "one core with `taskset -c 0` where the row says 1 core, as the kernel accounts it in microseconds "
          "(`getrusage` of the finished children, which adds the about 1 ms of the `time` and `taskset` "
          "wrappers); wall-clock figures in brackets. Build, export "
          "and query times are wall-clock of the whole `kamergraph` process. Peak memory is `/usr/bin/time -v` "
          "maximum RSS.", "", b.t.markdown(), ""]
    if b.t.notes:
        md += ["Notes:", ""] + [f"- {x}" for x in b.t.notes] + [""]
    text = "\n".join(md)
    Path(a.results).parent.mkdir(parents=True, exist_ok=True)
    Path(a.results).write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    main()
