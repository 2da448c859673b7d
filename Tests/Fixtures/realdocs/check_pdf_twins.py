#!/usr/bin/env python3
"""Checks every real PDF against its pdftotext twin (issue 19): the PDF reader must find at least
what the plain text finds, and the PDF's own ids.

Usage: KAMERGRAPH=.build/debug/kamergraph check_pdf_twins.py [REALDOCS] [--json SCORE.json]

For each docs/NAME.pdf with a docs/NAME.txt beside it (the pdftotext conversion):
- ids: `kamergraph extract` on both; every id the .txt gives (dates left aside: a date split over two
  lines reads differently) must come from the .pdf too;
- truth (with --json, the output of score.py on the same folder): every row of truth.tsv the .txt
  finds the .pdf finds too (the PDF's misses are a subset of the text's), and no own id (kind
  `self`) of the .pdf is missed.
Prints one line per PDF and exits 1 when any check fails.
"""
import json, os, subprocess, sys


def ids(kg, path):
    out = subprocess.run([kg, "extract", path], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"check_pdf_twins: kamergraph extract {path} failed ({out.returncode}): {out.stderr.strip()}")
    found = set()
    for line in out.stdout.splitlines():
        m = json.loads(line)
        if m.get("kind") != "date":
            found.update(m.get("ids") or [])
    return found


def main():
    args = sys.argv[1:]
    score = None
    if "--json" in args:
        k = args.index("--json")
        score = json.load(open(args[k + 1], encoding="utf-8"))
        del args[k : k + 2]
    root = args[0] if args else os.path.join(os.path.dirname(__file__))
    kg = os.environ.get("KAMERGRAPH", ".build/debug/kamergraph")
    docs = os.path.join(root, "docs")
    failed = 0
    pdfs = sorted(f for f in os.listdir(docs) if f.endswith(".pdf"))
    for pdf in pdfs:
        twin = pdf[:-4] + ".txt"
        if not os.path.exists(os.path.join(docs, twin)):
            print(f"--   {pdf}: no .txt twin")
            continue
        from_pdf = ids(kg, os.path.join(docs, pdf))
        from_txt = ids(kg, os.path.join(docs, twin))
        problems = []
        missing = sorted(from_txt - from_pdf)
        if missing:
            problems.append(f"ids the text finds and the PDF does not: {missing}")
        if score is not None:
            files = score["files"]
            p, t = files.get(pdf), files.get(twin)
            if p is None or p.get("skipped"):
                problems.append("not scored (skipped)")
            else:
                miss = lambda f: {(m["kind"], m["id"]) for m in f["misses"]}
                worse = sorted(miss(p) - (miss(t) if t else set()))
                if worse:
                    problems.append(f"truth rows the text finds and the PDF misses: {worse}")
                own = sorted(m["id"] for m in p["misses"] if m["kind"] == "self")
                if own:
                    problems.append(f"own ids missed: {own}")
        extra = len(from_pdf - from_txt)
        status = "FAIL" if problems else "ok  "
        print(f"{status} {pdf}: {len(from_pdf)} ids ({len(from_txt)} from the text, {extra} more from the PDF)"
              + ("; " + "; ".join(problems) if problems else ""))
        failed += bool(problems)
    print(f"{len(pdfs) - failed} of {len(pdfs)} PDFs find at least what their text twin finds" if pdfs else "no PDFs")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
