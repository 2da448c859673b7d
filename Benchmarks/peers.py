#!/usr/bin/env python3
"""Peer programs timed by bench.py, each run in its own process so its peak memory is its own.

  peers.py nllegalcit TEXTFILE LIMIT_BYTES MAX_SECONDS > mentions.jsonl
      Runs nllegalcit's Kamerstukken parser (PyPI `nllegalcit`) paragraph by paragraph over the first
      LIMIT_BYTES of TEXTFILE (stopping after MAX_SECONDS), printing JSON Lines mentions (kind
      kamerstuk, ids kst-...) with byte offsets, and on stderr one JSON line {"bytes", "seconds", "cpu_seconds"}.

  peers.py networkx-generated EDGES OUT.graphml [xml|lxml]
      Builds the generated graph of EDGES edges (`generated_graph`, the same graph as KamerGraph's
      `SyntheticGraph.make(edges:)`) as a networkx MultiDiGraph with every attribute KamerGraph's GraphML
      carries, then times `networkx.write_graphml` alone; prints one JSON line {"writer", "nodes", "edges",
      "build_seconds", "write_seconds", "write_cpu_seconds", "bytes", "rss_after_build_kb", "rss_peak_kb"}.
      networkx.write_graphml is networkx's lxml writer when lxml is installed and its ElementTree writer
      otherwise (as after `pip install networkx`); `xml` or `lxml` picks one (lxml fails when not installed).
"""
from __future__ import annotations

import json
import math
import os
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


# --------------------------------------------------------------------------------------------------
# The generated graph: Sources/KamerGraphHarness/SyntheticGraph.swift, rule for rule.

GEN_KINDS = ["kamerstuk", "kamerstuk", "kamerstuk", "aanhangsel", "aanhangsel", "kamervragen", "handelingen", "persoon",
             "ministerie", "organisatie"]
GEN_RELATIONS = ["cites", "mentions", "answers", "see-also", "part-of-dossier", "asked-by", "sent-by", "signed-by"]
GEN_SOURCES = ["text", "metadata", "xml-link"]
# NodeStyle.color(kind:)
GEN_COLORS = {"kamerstuk": (31, 119, 180), "aanhangsel": (255, 127, 14), "kamervragen": (255, 187, 120),
              "handelingen": (44, 160, 44), "persoon": (227, 119, 194), "ministerie": (23, 190, 207),
              "organisatie": (219, 219, 141)}


def gen_node_count(edges: int) -> int:
    return max(16, (max(0, edges) + 7) // 8)


def gen_node(k: int) -> dict:
    """Node k: id, kind, label, status and the optional attributes, as SyntheticGraph.node(_:)."""
    kind = GEN_KINDS[k % 10]
    if kind == "kamerstuk":
        nid, label = f"kst-{36000 + k % 900}-{k}", f"Brief regering over “defensie-inkoop” & <Palantir>, nr. {k}"
    elif kind == "aanhangsel":
        nid = f"ah-tk-20242025-{k}"
        label = f"Antwoord op vragen van het lid Jansen-{k} over de aanbesteding (Ministerie van Defensie)"
    elif kind == "kamervragen":
        nid, label = f"kv-tk-2025Z{k}", f"Vragen over het contract met ‘Palantir’ {k}"
    elif kind == "handelingen":
        nid, label = f"h-tk-20242025-{k % 100 + 1}-{k}", f"Handelingen II 2024/25, nr. {k % 100 + 1}, item {k}"
    elif kind == "persoon":
        nid, label = f"persoon:jansen-{k}", f"J. Jansen-{k}"
    elif kind == "ministerie":
        nid, label = f"ministerie:M{k}", f"Ministerie nr. {k}"
    else:
        nid, label = f"organisatie:stichting-{k}", f"Stichting Één & Ander {k}"
    node = {"id": nid, "label": label, "kind": kind}
    if k % 10 >= 7:
        node["status"] = "entity"
    elif (k // 10) % 2 != 0:
        node.update(status="external", vergaderjaar="2024-2025", url=f"https://zoek.officielebekendmakingen.nl/{nid}.html")
    else:
        node.update(status="resolved", date=f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}", year=2024,
                    vergaderjaar="2024-2025", ministry="ministerie:DEF",
                    url=f"https://zoek.officielebekendmakingen.nl/{nid}.html", paths=f"corpus/{nid}.xml")
        if kind == "aanhangsel":
            node["aliases"] = f"kenmerk:BS2025-{k}"
    return node


def gen_edge(i: int, n: int, ids: list[str]) -> tuple[int, int, dict]:
    """Edge i of a graph of n nodes: source and target indices and the GraphML edge attributes."""
    s, j = divmod(i, 8)
    step = (n - 1) // 8
    h = (s * 2654435761) % (n - 1)
    u = 0 if j == 7 else j  # the last edge runs parallel to the first, under another relation
    t = (s + 1 + (h + u * step) % (n - 1)) % n
    relation = GEN_RELATIONS[(j + s) % 8]
    weight = 1 + i % 3
    # The first evidence after sorting is e = 0 (smallest start); origin is the least source name.
    evidence = f"corpus/{ids[s]}.xml:{10 + 7 * j}: Kamerstukken II 2024/25, 36600, nr. {t}"
    origin = min(GEN_SOURCES[(i + e) % 3] for e in range(weight))
    return s, t, {"label": relation, "weight": float(weight), "relation": relation, "evidence": evidence,
                  "origin": origin}


def generated_graph(edges: int):
    """The generated graph as a networkx MultiDiGraph (edge keys e0, e1, ... in KamerGraph's edge order), with
    the attributes KamerGraph writes: label, kind, status, date, year, vergaderjaar, ministry, url, aliases,
    paths, r, g, b, size on nodes; label, weight, relation, evidence, origin on edges."""
    import networkx as nx  # noqa: PLC0415

    n = gen_node_count(edges)
    nodes = [gen_node(k) for k in range(n)]
    ids = [x["id"] for x in nodes]
    raw = [gen_edge(i, n, ids) for i in range(max(0, edges))]
    degree = [0] * n
    for s, t, _ in raw:
        degree[s] += 1
        degree[t] += 1
    # KamerGraph writes nodes sorted by id and edges sorted by (source id, target id, relation).
    order = sorted(range(n), key=lambda k: ids[k])
    g = nx.MultiDiGraph()
    for k in order:
        attrs = dict(nodes[k])
        del attrs["id"]
        r, gr, b = GEN_COLORS[attrs["kind"]]
        size = 10 + 5 * math.sqrt(degree[k])
        attrs.update(r=r, g=gr, b=b, size=math.floor(size * 10 + 0.5) / 10)
        g.add_node(ids[k], **attrs)
    raw.sort(key=lambda e: (ids[e[0]], ids[e[1]], e[2]["relation"]))
    for index, (s, t, attrs) in enumerate(raw):
        g.add_edge(ids[s], ids[t], key=f"e{index}", **attrs)
    return g


def run_networkx_generated(edges: int, out_path: str, writer: str = "") -> None:
    import networkx as nx  # noqa: PLC0415

    try:
        import lxml.etree  # noqa: F401, PLC0415 (networkx.write_graphml uses lxml when it imports)
        has_lxml = True
    except ImportError:
        has_lxml = False
    writer = writer or ("lxml" if has_lxml else "xml")
    if writer == "lxml" and not has_lxml:
        sys.exit("lxml is not installed, so networkx has no lxml GraphML writer here")
    write = nx.write_graphml_lxml if writer == "lxml" else nx.write_graphml_xml
    t0 = time.perf_counter()
    g = generated_graph(edges)
    t1 = time.perf_counter()
    rss_build = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    c1 = time.process_time()
    write(g, out_path)
    t2 = time.perf_counter()
    c2 = time.process_time()
    print(json.dumps({"writer": writer, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "build_seconds": t1 - t0,
                      "write_seconds": t2 - t1, "write_cpu_seconds": c2 - c1, "bytes": os.path.getsize(out_path),
                      "rss_after_build_kb": rss_build,
                      "rss_peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == "__main__":
    if len(sys.argv) >= 5 and sys.argv[1] == "nllegalcit":
        run_nllegalcit(sys.argv[2], int(sys.argv[3]), float(sys.argv[4]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "networkx-generated":
        run_networkx_generated(int(sys.argv[2]), sys.argv[3], sys.argv[4] if len(sys.argv) >= 5 else "")
    else:
        sys.exit(__doc__)
