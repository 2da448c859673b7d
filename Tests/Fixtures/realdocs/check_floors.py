#!/usr/bin/env python3
"""Fails when the scores on the real documents fall below the floors the project has reached.

Usage: check_floors.py SCORE.json   (the --json output of score.py in this folder)

The floors sit a little under the figures of 2026-12-07, session 8 (mentions P 0.99 / R 1.00, own ids
51 of 51, edges P 0.99 / R 1.00; before that session mentions R 0.97, edges P 0.98 / R 0.96), so that a change which loses real references, laws, actors, own ids or
edges turns CI red. Raise them when the figures rise; never lower them to make a change pass.
"""
import json, sys

FLOORS = {
    # category: (min precision, min recall)
    "self": (0.97, 0.97),
    "references": (0.98, 0.98),
    "laws": (0.92, 0.97),
    "actors": (0.98, 0.98),
    "total": (0.98, 0.98),
    "edges": (0.98, 0.98),
}


def pr(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r


def main():
    d = json.load(open(sys.argv[1], encoding="utf-8"))
    cats = d["per_category"]
    rows = dict(cats)
    rows["total"] = [sum(v[k] for v in cats.values()) for k in range(3)]
    rows["edges"] = [sum(v[k] for v in d["edges"]["per_relation"].values()) for k in range(3)]
    failed = False
    for name, (pmin, rmin) in FLOORS.items():
        p, r = pr(*rows[name])
        ok = p >= pmin and r >= rmin
        failed |= not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name:<11} P {p:.3f} (floor {pmin:.2f})  R {r:.3f} (floor {rmin:.2f})  TP/FP/FN {rows[name]}")
    skipped = d.get("skipped") or []
    if skipped:
        print("FAIL files skipped or failed by the tool:", sorted(skipped))
        failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
