#!/usr/bin/env python3
"""Scores JSON Lines mentions (from `kamergraph extract` or python_baseline.py) on the big generated
text against its manifest (generate_corpus.py text ... writes FILE.manifest.jsonl).

An expected reference counts as found when mentions overlapping its byte span together carry all of
its expected ids (compared after normalisation: case-insensitive, `kv-tk-{zaak}` and `kenmerk:{zaak}`
count as the zaak, `kenmerk:{D-number}` as the document number). Dates count as found when a `date`
mention covers the span. A decoy is hit when any mention overlaps its span.

  check_recall.py MANIFEST MENTIONS.jsonl [--json]
"""
from __future__ import annotations

import bisect
import json
import re
import sys
from collections import Counter

DOC_KINDS = {"kamerstuk", "aanhangsel", "handelingen", "staatsblad", "staatscourant", "tractatenblad", "ecli",
             "bwb", "koop", "zaak", "tkdocument", "kenmerk"}
ZD = re.compile(r"^(?:kv-tk-|kenmerk:)?((?:19|20)\d{2}[zd]\d{5})$")


def norm(i: str) -> str:
    i = i.lower()
    m = ZD.match(i)
    return m.group(1) if m else i


def score(manifest_path: str, mentions_path: str) -> dict:
    expected, decoys = [], []
    with open(manifest_path, encoding="utf-8") as fh:
        for line in fh:
            e = json.loads(line)
            if "doc_start" in e:
                continue
            (decoys if e.get("decoy") else expected).append(e)
    starts, ends, kinds, idsets = [], [], [], []
    rows = []
    with open(mentions_path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line.startswith("{"):
                continue
            m = json.loads(line)
            rows.append((m["start"], m["end"], m.get("kind", ""), {norm(x) for x in m.get("ids", [])}))
    rows.sort(key=lambda r: r[0])
    starts = [r[0] for r in rows]
    max_len = max((r[1] - r[0] for r in rows), default=0)

    def overlapping(s: int, e: int):
        lo = bisect.bisect_left(starts, s - max_len)
        hi = bisect.bisect_left(starts, e)
        for k in range(lo, hi):
            if rows[k][1] > s:
                yield rows[k]

    found, total = Counter(), Counter()
    for e in expected:
        kind = e["kind"]
        total[kind] += 1
        hits = list(overlapping(e["start"], e["end"]))
        if kind == "date":
            ok = any(h[2] == "date" for h in hits)
        else:
            got = set().union(*(h[3] for h in hits)) if hits else set()
            ok = {norm(x) for x in e["ids"]} <= got
        if ok:
            found[kind] += 1
    decoy_hits = sum(1 for d in decoys if any(True for _ in overlapping(d["start"], d["end"])))
    doc_total = sum(v for k, v in total.items() if k in DOC_KINDS)
    doc_found = sum(v for k, v in found.items() if k in DOC_KINDS)
    all_total, all_found = sum(total.values()), sum(found.values())
    return {
        "mentions": len(rows),
        "document_refs": doc_total, "document_found": doc_found,
        "document_recall": doc_found / doc_total if doc_total else 0.0,
        "all_refs": all_total, "all_found": all_found, "all_recall": all_found / all_total if all_total else 0.0,
        "decoys": len(decoys), "decoy_hits": decoy_hits,
        "per_kind": {k: {"expected": total[k], "found": found[k], "recall": found[k] / total[k]} for k in sorted(total)},
    }


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit("usage: check_recall.py MANIFEST MENTIONS.jsonl [--json]")
    r = score(sys.argv[1], sys.argv[2])
    if "--json" in sys.argv:
        print(json.dumps(r, indent=1))
        return
    print(f"document references: {r['document_found']}/{r['document_refs']} = {r['document_recall']:.1%}")
    print(f"all references (incl. actors, dates): {r['all_found']}/{r['all_refs']} = {r['all_recall']:.1%}")
    print(f"decoys hit: {r['decoy_hits']}/{r['decoys']}")
    for k, v in r["per_kind"].items():
        print(f"  {k:14} {v['found']:7}/{v['expected']:<7} {v['recall']:.1%}")


if __name__ == "__main__":
    main()
