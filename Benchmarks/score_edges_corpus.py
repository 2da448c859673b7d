#!/usr/bin/env python3
"""Score KamerGraph's edges on a corpus of generate_edges_corpus.py (issue 18): P/R/F1 per relation.

  score_edges_corpus.py DIR [--generate N] [--seed S] [--min-f1 0.97] [--json OUT] [--quiet]
  KAMERGRAPH=.build/debug/kamergraph Benchmarks/score_edges_corpus.py /tmp/edges --generate 500

DIR holds docs/, truth.tsv and edges.tsv (the layout of ../shared/realdocs); --generate N first writes
a corpus of about N documents there. The binary comes from $KAMERGRAPH (default
.build/debug/kamergraph). It runs `kamergraph build DIR/docs --out TMP --format json --no-index
--no-picture`, takes for each file the edges whose evidence names it, and compares them with the
file's rows of edges.tsv. Exit status 1 when a relation or the total is under --min-f1, or when two
documents were merged into one node; 2 when the build wrote no graph.

The normalisations and conventions are those of ../shared/realdocs/score.py (norm_id, same_person,
SELF, `a|b`, taken from it), so the two scores mean the same, with three differences that the
generated truth allows because it is complete:
  * every edge of a document is in edges.tsv, so a `mentions` edge the truth does not list is a false
    positive, also when the target has another relation (issue 18: the answerer's ministry is
    `sent-by`, not also `mentions`);
  * organisations are scored (issue 18 asks for them by full name and abbreviation); programmes,
    dates and URLs are not;
  * a node holding the files of two documents (different own ids in truth.tsv) is a merge error.
As in score.py: asked-by/addressed-to count on the questions or on the answer (the tool puts them on
the questions node, which the answer `answers`); a law is either cited or mentioned (`mentions|cites`).
"""
import argparse, collections, json, os, re, subprocess, sys, tempfile, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
KG = os.environ.get("KAMERGRAPH", ".build/debug/kamergraph")
UNSCORED_TARGET_PREFIX = ("programma:", "date:", "url:", "http")


# The id normalisation, person matching and table helpers of the real-document scorer (a copy of
# ../shared/realdocs/score.py kept in Tests/Fixtures/realdocs), imported so the two never drift apart.
sys.path.insert(0, os.path.join(HERE, "..", "Tests", "Fixtures", "realdocs"))
from score import norm_id, same_person, load_tsv, prf, fmt  # noqa: E402


def doc_file(path):
    """The document a file belongs to: a KOOP metadata record is its XML's."""
    b = os.path.basename(path)
    return b[: -len(".metadata.xml")] + ".xml" if b.endswith(".metadata.xml") else b


def build(docs):
    out = tempfile.mkdtemp(prefix="kgedges-")
    proc = subprocess.run([KG, "build", docs, "--out", out, "--name", "edges", "--no-index", "--no-picture",
                           "--format", "json"], capture_output=True, text=True)
    path = os.path.join(out, "edges.json")
    if not os.path.exists(path):
        return None, proc.stdout + proc.stderr
    with open(path, encoding="utf-8") as fh:
        return json.load(fh), proc.stdout + proc.stderr


def score(half, graph):
    truth = load_tsv(os.path.join(half, "truth.tsv"))
    edges_truth = load_tsv(os.path.join(half, "edges.tsv"))
    files = sorted({r["file"] for r in truth})
    self_truth = collections.defaultdict(set)
    for r in truth:
        if r["kind"] == "self": self_truth[r["file"]].add(norm_id(r["id"]))
    self_nodes = collections.defaultdict(set)
    files_of_node = collections.defaultdict(set)
    for n in graph["nodes"]:
        for p in n.get("paths", []) or []:
            f = doc_file(p)
            files_of_node[n["id"]].add(f)
            self_nodes[f].add(norm_id(n["id"]))
            for al in n.get("aliases", []) or []:
                self_nodes[f].add(norm_id(al))
    merged = sorted((nid, sorted(fs)) for nid, fs in files_of_node.items() if len(fs) > 1)
    self_found = sum(1 for f in files if self_truth[f] & self_nodes[f])
    answered = collections.defaultdict(set)
    for e in graph["edges"]:
        if e["relation"] == "answers": answered[norm_id(e["source"])].add(norm_id(e["target"]))
    tool_edges = collections.defaultdict(set)
    for e in graph["edges"]:
        for ev in e.get("evidence", []) or []:
            tool_edges[doc_file(ev.get("path", ""))].add((e["source"], e["relation"], e["target"]))
    tby = collections.defaultdict(list)
    for r in edges_truth: tby[r["file"]].append(r)
    per_rel = collections.defaultdict(lambda: [0, 0, 0])
    per_note = collections.defaultdict(lambda: [0, 0])  # the trap a truth row carries -> found, missed
    details = {}
    for f in files:
        selfset = set(self_nodes[f]) | self_truth[f]
        for s in list(selfset): selfset |= answered.get(s, set())

        def nsrc(s):
            return "SELF" if norm_id(s) in selfset else norm_id(s)
        truth_e = [dict(src=nsrc(r["source"]), rels=r["relation"].split("|"), tgt=norm_id(r["target"]), raw=r)
                   for r in tby.get(f, [])]
        tool_e = set()
        for (s, rel, t) in tool_edges.get(f, set()):
            if t.startswith(UNSCORED_TARGET_PREFIX): continue
            ns = nsrc(s)
            if ns != "SELF" and rel != "member-of": continue  # a cited document's own edges: not this file's
            tool_e.add((ns, rel, norm_id(t)))
        used, misses, fps = set(), [], []
        for te in truth_e:
            m = next((x for x in tool_e if x[0] == te["src"] and x[1] in te["rels"] and
                      (x[2] == te["tgt"] or same_person(te["tgt"], x[2]))), None)
            key = te["rels"][0]
            for note in filter(None, te["raw"].get("note", "").split("; ")):
                per_note[note][0 if m else 1] += 1
            if m:
                used.add(m); per_rel[key][0] += 1
            else:
                per_rel[key][2] += 1; misses.append((te["raw"]["source"], te["raw"]["relation"], te["raw"]["target"]))
        for x in sorted(tool_e - used):
            per_rel[x[1]][1] += 1
            fps.append(x)
        details[f] = dict(misses=misses, false_positives=fps)
    return per_rel, details, merged, self_found, len(files), per_note


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("half", help="the corpus folder (docs/, truth.tsv, edges.tsv)")
    ap.add_argument("--generate", type=int, metavar="N", help="first generate about N documents into the folder")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--min-f1", type=float, default=0.97)
    ap.add_argument("--json", help="write the figures and every miss and false positive as JSON")
    ap.add_argument("--quiet", action="store_true", help="only the table and the verdict")
    a = ap.parse_args()
    if a.generate:
        subprocess.run([sys.executable, os.path.join(HERE, "generate_edges_corpus.py"), "--docs", str(a.generate),
                        "--out", a.half, "--seed", str(a.seed)], check=True)
    graph, log = build(os.path.join(a.half, "docs"))
    if graph is None:
        print(f"score_edges_corpus: kamergraph wrote no graph:\n{log}", file=sys.stderr)
        sys.exit(2)
    per_rel, details, merged, self_found, nfiles, per_note = score(a.half, graph)
    lines = [f"KamerGraph: {KG}\nCorpus: {os.path.abspath(a.half)}  documents: {nfiles}  "
             f"own id found: {self_found}/{nfiles}  merged nodes: {len(merged)}",
             f"\n{'relation':16s} {'TP':>5s} {'FP':>5s} {'FN':>5s}  {'P':>5s} {'R':>5s} {'F1':>5s}"]
    T = [0, 0, 0]
    failed = []
    for k in sorted(per_rel):
        tp, fp, fn = per_rel[k]
        T = [T[0] + tp, T[1] + fp, T[2] + fn]
        p, r, f1 = prf(tp, fp, fn)
        if f1 is None or f1 < a.min_f1: failed.append(k)
        lines.append(f"{k:16s} {tp:5d} {fp:5d} {fn:5d}  {fmt(p):>5s} {fmt(r):>5s} {fmt(f1):>5s}")
    p, r, f1 = prf(*T)
    if f1 is None or f1 < a.min_f1: failed.append("total")
    lines.append(f"{'total':16s} {T[0]:5d} {T[1]:5d} {T[2]:5d}  {fmt(p):>5s} {fmt(r):>5s} {fmt(f1):>5s}")
    if per_note:
        lines.append(f"\n{'trap (edges.tsv note)':64s} {'found':>6s} {'missed':>6s}")
        for note in sorted(per_note):
            lines.append(f"{note[:64]:64s} {per_note[note][0]:6d} {per_note[note][1]:6d}")
    if not a.quiet:
        for f in sorted(details):
            d = details[f]
            if not d["misses"] and not d["false_positives"]: continue
            lines.append(f"\n== {f}")
            lines += [f"   miss {s} -{r}-> {t}" for s, r, t in d["misses"]]
            lines += [f"   FP   {s} -{r}-> {t}" for s, r, t in d["false_positives"]]
        for nid, fs in merged:
            lines.append(f"\nmerged: {nid} holds {', '.join(fs)}")
    if self_found < nfiles: failed.append("own ids")
    if merged: failed.append("merged documents")
    verdict = ("OK: every relation and the total at F1 >= %.2f" % a.min_f1) if not failed else \
        ("FAIL (F1 < %.2f or identity): %s" % (a.min_f1, ", ".join(failed)))
    lines.append("\n" + verdict)
    print("\n".join(lines))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(dict(per_relation=per_rel, per_trap=per_note, total=T, self_found=self_found, documents=nfiles, merged=merged,
                           files=details), fh, ensure_ascii=False, indent=1)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
