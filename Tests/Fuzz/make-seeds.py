#!/usr/bin/env python3
"""Regenerates the seed corpora in Tests/Fuzz/seeds/ from the repository's fixtures.

extract: one file per row of Tests/Fixtures/citations/{cases,skipped}.tsv (the text column,
unescaped), every 500th line of the ECLI lists, and the plain-text letters of corpus/palantir/.
Reader targets (when present) get the corpus and Tests/Fixtures/koop files.
Run from anywhere: python3 Tests/Fuzz/make-seeds.py
"""
import os, shutil, sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEEDS = os.path.join(ROOT, "Tests", "Fuzz", "seeds")


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(n, "\\" + n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def write(target, name, data):
    folder = os.path.join(SEEDS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def copy(target, relative, name=None):
    with open(os.path.join(ROOT, relative), "rb") as f:
        write(target, name or os.path.basename(relative), f.read())


def extract_seeds():
    for tsv in ("cases", "skipped"):
        with open(os.path.join(ROOT, "Tests/Fixtures/citations", tsv + ".tsv"), encoding="utf-8") as f:
            rows = f.read().split("\n")[1:]
        for n, row in enumerate(r for r in rows if r.strip()):
            cols = row.split("\t")
            if len(cols) >= 2 and cols[1]:
                write("extract", "%s-%03d.txt" % (tsv, n), unescape(cols[1]))
    for kind in ("good", "bad"):
        with open(os.path.join(ROOT, "Tests/Fixtures/citations", "ecli_%s.txt" % kind), encoding="utf-8") as f:
            lines = f.read().split("\n")
        for n in range(0, len(lines), 500):
            if lines[n]:
                write("extract", "ecli-%s-%05d.txt" % (kind, n), lines[n])
    copy("extract", "corpus/palantir/defensie-antwoord-2025Z14549.txt")


def main():
    if os.path.isdir(os.path.join(SEEDS, "extract")):
        shutil.rmtree(os.path.join(SEEDS, "extract"))
    extract_seeds()
    for target in sorted(os.listdir(SEEDS)):
        print(target, len(os.listdir(os.path.join(SEEDS, target))), "seeds")


if __name__ == "__main__":
    sys.exit(main())
