#!/usr/bin/env python3
"""Peer programs timed by bench.py, each run in its own process so its peak memory is its own.

  peers.py nllegalcit TEXTFILE LIMIT_BYTES MAX_SECONDS > mentions.jsonl
      Runs nllegalcit's Kamerstukken parser (PyPI `nllegalcit`) paragraph by paragraph over the first
      LIMIT_BYTES of TEXTFILE (stopping after MAX_SECONDS), printing JSON Lines mentions (kind
      kamerstuk, ids kst-...) with byte offsets, and on stderr one JSON line {"bytes", "seconds", "cpu_seconds"}.

  peers.py networkx GRAPH.json OUT.graphml
      Loads a node-link JSON graph with networkx and times `networkx.write_graphml`; prints one JSON
      line {"nodes", "edges", "load_seconds", "write_seconds", "rss_after_load_kb", "rss_peak_kb"}.
"""
from __future__ import annotations

import json
import resource
import sys
import time


def kst_ids(c) -> list[str]:
    dossier = str(getattr(c, "dossiernummer", "") or "").replace(" ", "").replace(".", "")
    ond = str(getattr(c, "ondernummer", "") or "").strip()
    if not dossier or not ond:
        return []
    if "-" in dossier:
        num, toev = dossier.split("-", 1)
        dossier = f"{num}-{toev.upper()}"
    return [f"kst-{dossier}-{ond}"]


def run_nllegalcit(path: str, limit: int, max_seconds: float) -> None:
    import nllegalcit  # noqa: PLC0415 (installed by run.sh in the benchmark venv only)

    with open(path, "rb") as fh:
        data = fh.read(limit)
    cut = data.rfind(b"\n")
    data = data[: cut + 1] if cut > 0 else data
    out = sys.stdout
    pos = 0
    done = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    for raw in data.split(b"\n"):
        line_start = pos
        pos += len(raw) + 1
        if time.perf_counter() - t0 > max_seconds:
            break
        done = pos
        if not raw.strip():
            continue
        text = raw.decode("utf-8")
        try:
            cits = nllegalcit.parse_kamerstukcitation(text)
        except Exception:  # the parser raises on text it cannot handle; a user would skip the paragraph
            continue
        search_from = 0
        for c in cits:
            m = getattr(c, "matched_text", "") or ""
            k = text.find(m, search_from) if m else -1
            if k < 0:
                k = text.find(m) if m else 0
            else:
                search_from = k + 1
            start = line_start + len(text[:k].encode("utf-8"))
            end = start + len(m.encode("utf-8"))
            out.write(json.dumps({"kind": "kamerstuk", "ids": kst_ids(c), "text": m, "start": start, "end": end})
                      + "\n")
    seconds = time.perf_counter() - t0
    print(json.dumps({"bytes": min(done, len(data)), "seconds": seconds, "cpu_seconds": time.process_time() - c0}),
          file=sys.stderr)


def run_networkx(path: str, out_path: str) -> None:
    import networkx as nx  # noqa: PLC0415

    t0 = time.perf_counter()
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    links = "links" if "links" in data else "edges"
    try:
        g = nx.node_link_graph(data, edges=links)
    except TypeError:  # networkx < 3.4
        g = nx.node_link_graph(data)
    del data
    t1 = time.perf_counter()
    rss_load = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    nx.write_graphml(g, out_path)
    t2 = time.perf_counter()
    print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "load_seconds": t1 - t0,
                      "write_seconds": t2 - t1, "rss_after_load_kb": rss_load,
                      "rss_peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == "__main__":
    if len(sys.argv) >= 5 and sys.argv[1] == "nllegalcit":
        run_nllegalcit(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "networkx":
        run_networkx(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
