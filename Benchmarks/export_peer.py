#!/usr/bin/env python3
"""networkx doing what `kamergraph export` does, as one process: read the graph, write one format.

  export_peer.py GRAPH.json FORMAT OUT [xml|lxml]

GRAPH.json is KamerGraph's node-link JSON export of the same graph (`kamergraph export --format
json`); networkx reads it with `node_link_graph` (a MultiDiGraph keyed by relation), then writes
FORMAT to OUT: `graphml` (networkx.write_graphml; `xml` forces its ElementTree writer, `lxml` its
lxml writer, the default is what networkx picks: lxml when installed), `gexf` (write_gexf) or
`json` (node_link_data + json.dump), `dot` (networkx.nx_pydot.write_dot, needs pydot; `agraph`
as the fourth argument takes networkx.nx_agraph.write_dot, needs pygraphviz) or `csv` (the Python
csv module writing OUT.nodes.csv and OUT.edges.csv from the networkx graph: networkx has no CSV
writer of its own). GraphML, GEXF, DOT and CSV cannot hold lists, so list attributes (aliases,
paths, evidence) are joined into strings first, as KamerGraph's writers do; that is part of the
timed work, and so is quoting the node ids for pydot (networkx refuses ids with ":" unquoted).
Time the whole process (bench.py and Benchmarks/results/export-*.md do).
"""
from __future__ import annotations

import csv
import json
import sys

import networkx as nx


def flatten(data: dict) -> None:
    for key, value in list(data.items()):
        if isinstance(value, list):
            data[key] = " ".join(v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in value)
        elif value is None:
            del data[key]


def main() -> None:
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    src, fmt, out = sys.argv[1], sys.argv[2], sys.argv[3]
    writer = sys.argv[4] if len(sys.argv) > 4 else ""
    with open(src, encoding="utf-8") as f:
        g = nx.node_link_graph(json.load(f), edges="edges")
    if fmt == "json":
        with open(out, "w", encoding="utf-8") as f:
            json.dump(nx.node_link_data(g, edges="edges"), f, ensure_ascii=False)
        return
    for _, data in g.nodes(data=True):
        flatten(data)
    for _, _, data in g.edges(data=True):
        flatten(data)
    if fmt == "graphml":
        write = {"xml": nx.write_graphml_xml, "lxml": nx.write_graphml_lxml}.get(writer, nx.write_graphml)
        write(g, out)
    elif fmt == "gexf":
        nx.write_gexf(g, out)
    elif fmt == "dot":
        if writer == "agraph":
            nx.nx_agraph.write_dot(g, out)
        else:
            # pydot reads "a:b" as a node and a port: networkx refuses such ids unless quoted.
            def q(v):
                return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'
            quoted = nx.relabel_nodes(g, {n: q(n) for n in g.nodes}, copy=True)
            for _, data in quoted.nodes(data=True):
                for key, value in data.items():
                    data[key] = q(value)
            for _, _, data in quoted.edges(data=True):
                for key, value in data.items():
                    data[key] = q(value)
            nx.nx_pydot.write_dot(quoted, out)
    elif fmt == "csv":
        stem = out[:-4] if out.endswith(".csv") else out
        keys = sorted({k for _, d in g.nodes(data=True) for k in d})
        with open(stem + ".nodes.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["Id"] + keys)
            for n, d in g.nodes(data=True):
                w.writerow([n] + [d.get(k, "") for k in keys])
        ekeys = sorted({k for _, _, d in g.edges(data=True) for k in d})
        with open(stem + ".edges.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["Source", "Target"] + ekeys)
            for u, v, d in g.edges(data=True):
                w.writerow([u, v] + [d.get(k, "") for k in ekeys])
    else:
        sys.exit(f"unknown format {fmt}")


if __name__ == "__main__":
    main()
