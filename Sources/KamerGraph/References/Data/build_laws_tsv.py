#!/usr/bin/env python3
"""Builds laws.tsv (run once by hand; the generated Swift comes from gen_laws.py).

Input: a checkout of the public repository statengeneraal/laws-markdown (a Markdown copy of
wetten.overheid.nl's Basis Wetten Bestand, snapshot of 2017-05-10), path given as argv[1].
For every wet, rijkswet, AMvB, KB and ministeriele regeling in it:
  * id: the BWB id of the folder (`.../BWBR0020368/README.md`);
  * name: the citeertitel its own text gives ("Deze wet wordt aangehaald als: X"), else the
    folder path (wetten.overheid.nl's citeertitel in lower case; the casing most often seen in
    the snapshot's texts), else a short title without date;
  * score: in how many other regulations of the snapshot the name occurs (the criterion for
    "most cited": a law that other law names often is one that parliamentary texts name often).
Kept: names of the kinds of law (wet, besluit, regeling, ...) with a score of at least
MIN_SCORE, best first, at most CAP; plus the rows of extra.tsv (names checked elsewhere: newer
laws, EU acts, abbreviations), which win over the snapshot.
"""
import collections, json, os, re, subprocess, sys

MIN_SCORE = 3
CAP = 1500
KINDS = ["wet", "rijkswet", "AMvB", "KB", "rijksKB", "ministeriele-regeling"]
LAWWORD = re.compile(r"(wet|besluit|regeling|reglement|beschikking|verordening|statuut|instructie|voorschrift|wetboek|code\b)", re.I)
# Not names of one law: a kind word alone, "Regeling van de Minister van ...", "Minister van ...".
GENERIC = re.compile(r"^(wet|besluit|regeling|reglement|beschikking|verordening|instructie|code)$|^(regeling|besluit|beschikking) van\b|^minister", re.I)
TOK = re.compile(r"[0-9A-Za-zÀ-ÿ’'\-/]+|,")
DATED = re.compile(r"^(wet|rijkswet|besluit|regeling|beschikking|koninklijk besluit|verdrag)\s+(van|d\.d\.)\s+\d", re.I)
CITE = re.compile(r"(?:wordt|kan worden|worden|kunnen worden)\s+aangehaald\s+(?:als|onder de titel)\s*:?\s*[\"“']?([^\n\"”;]{3,200}?)[\"”']?\s*\.?\s*(?:\n|$)", re.I)


def toks(s):
    return tuple(t.lower() for t in TOK.findall(s))


def clean(c):
    for q in "‘«»“”*":
        c = c.replace(q, "")
    c = c.replace("’", "'")
    c = re.sub(r"\s+", " ", c).strip().strip(":").strip()
    c = re.split(r"\. [A-Z]| en (?:wordt|treedt|zal)\b|, met vermelding\b| met vermelding\b", c)[0]
    c = re.sub(r"^(de|het)\s+", "", c).strip().rstrip(".,").strip()
    if c.startswith("(") and c.endswith(")"):
        c = c[1:-1]
    return c


def main(repo):
    commit = subprocess.check_output(["git", "-C", repo, "rev-parse", "HEAD"], text=True).strip()
    listing = subprocess.check_output(["git", "-C", repo, "ls-tree", "-r", "-z", "HEAD"])
    files = []
    for rec in listing.split(b"\0"):
        if not rec:
            continue
        meta, path = rec.split(b"\t", 1)
        path = path.decode()
        m = re.search(r"/(BWB[RV]\d{7})/README\.md$", path)
        if m and not path.startswith("verdrag"):
            files.append((meta.split()[2].decode(), path, m.group(1)))
    cat = subprocess.Popen(["git", "-C", repo, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def read(sha):
        cat.stdin.write((sha + "\n").encode())
        cat.stdin.flush()
        size = int(cat.stdout.readline().split()[2])
        text = cat.stdout.read(size).decode("utf-8", "replace")
        cat.stdout.read(1)
        return text

    cands = {}
    texts_sha = []
    for sha, path, bwb in files:
        texts_sha.append((sha, bwb))
        kind = path.split("/")[0]
        if kind not in KINDS:
            continue
        text = read(sha)
        title = next((l.lstrip("#").strip() for l in text.splitlines() if l.startswith("##")), "")
        title = re.sub(r"\s+", " ", title)
        parts = path.split("/")[1:-2]
        slug = " ".join(parts)
        if not slug or slug.endswith(" etc") or DATED.match(slug):
            slug = None
        raw = CITE.findall(text)
        cites = [clean(c) for c in raw]
        cites = [c for c in cites if 2 < len(c) <= 110 and c[0].isupper() and len(c.split()) <= 14]
        year_missing = any("met vermelding van het jaartal" in c for c in raw)
        name, how = None, None
        if cites and not year_missing:
            name, how = collections.Counter(cites).most_common(1)[0][0], "citeertitel in its text"
        elif slug:
            name, how = slug, "citeertitel of its folder"
        elif cites:
            name, how = cites[-1], "citeertitel in its text"
        else:
            m = re.search(r"\(([^()]{3,100})\)\s*$", title)
            if m and m.group(1)[0].isupper() and not re.match(r"^(Stb|Stcrt|Trb|PbEG|PbEU|Staatsblad)", m.group(1)):
                name, how = m.group(1), "title"
            elif title and not DATED.match(title) and title[0].isupper():
                name, how = title.split(",")[0].rstrip("."), "title"
        if not name or not LAWWORD.search(name) or len(name.split()) > 14 or GENERIC.match(name):
            continue
        cands[bwb] = dict(kind=kind, name=name, how=how, path=path, slug=slug)

    # Score: in how many regulations (other than itself) each name occurs; the casing seen most.
    names = collections.defaultdict(set)
    for b, e in cands.items():
        names[toks(e["name"])].add(b)
    first = collections.defaultdict(set)
    for t in names:
        if t:
            first[t[0]].add(len(t))
    score = collections.Counter()
    casing = collections.defaultdict(collections.Counter)
    for sha, own in texts_sha:
        text = read(sha)
        ms = list(TOK.finditer(text))
        low = [m.group(0).lower() for m in ms]
        seen = set()
        for i, w in enumerate(low):
            for L in sorted(first.get(w, ()), reverse=True):
                t = tuple(low[i:i + L])
                if len(t) == L and t in names:
                    seen |= names[t] - {own}
                    casing[t][text[ms[i].start():ms[i + L - 1].end()]] += 1
                    break
        for b in seen:
            score[b] += 1
    rows = []
    for b, e in cands.items():
        name = e["name"]
        if e["how"] != "citeertitel in its text":
            seen = [(n, s) for s, n in casing[toks(name)].items() if s[:1].isupper()]
            if not seen:
                continue
            name = max(seen)[1]
        if score[b] >= MIN_SCORE:
            rows.append((score[b], b, name, e))
    # A name given to two regulations: keep the most cited one.
    rows.sort(key=lambda r: (-r[0], r[1]))
    taken, out = set(), []
    for s, b, name, e in rows:
        key = toks(name)
        if key in taken:
            continue
        taken.add(key)
        out.append((b, name, e["kind"], s, f"statengeneraal/laws-markdown@{commit[:10]}:{e['path']} ({e['how']}; named in {s} regulations)"))
        if len(out) >= CAP:
            break
    return out


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
        return [dict(zip(head, l.rstrip("\n").split("\t"))) for l in f if l.strip()]


def merge(snapshot, here):
    """laws.tsv: extra.tsv first (it wins), then the snapshot rows; abbreviations.tsv attached by name."""
    laws, by_name, by_id = [], {}, {}
    for r in read_tsv(os.path.join(here, "extra.tsv")):
        row = dict(id=r["id"], name=r["name"], abbreviations=[a for a in r["abbreviations"].split("|") if a],
                   type=r["type"], score="", source=r["source"])
        laws.append(row)
        by_name[toks(row["name"])] = row
        by_id[row["id"]] = row
    for b, name, kind, s, src in snapshot:
        if toks(name) in by_name:
            continue
        if b in by_id:  # the same law under another name (its citeertitel in 2017): an alias
            by_id[b].setdefault("aliases", []).append(name)
            continue
        row = dict(id=b, name=name, abbreviations=[], type=kind, score=str(s), source=src)
        laws.append(row)
        by_name[toks(name)] = row
        by_id[b] = row
    missing = []
    for r in read_tsv(os.path.join(here, "abbreviations.tsv")):
        row = by_name.get(toks(r["name"]))
        if row is None:
            missing.append(r["abbreviation"])
            continue
        row["abbreviations"].append(r["abbreviation"])
        row["source"] += f"; {r['abbreviation']}: {r['source']}"
    for row in laws:
        for a in row.get("aliases", []):
            row["source"] += f"; also named {a} (snapshot)"
    return laws, missing


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.argv[1] == "--snapshot":  # a saved snapshot.tsv instead of the 5-minute scan
        snapshot = [(r["id"], r["name"], r["type"], int(r["score"]), r["source"]) for r in read_tsv(sys.argv[2])]
    else:
        snapshot = main(sys.argv[1])
        with open(os.path.join("/tmp", "snapshot.tsv"), "w", encoding="utf-8") as f:
            f.write("id\tname\ttype\tscore\tsource\n")
            for b, name, kind, s, src in snapshot:
                f.write(f"{b}\t{name}\t{kind}\t{s}\t{src}\n")
    laws, missing = merge(snapshot, here)
    with open(os.path.join(here, "laws.tsv"), "w", encoding="utf-8") as f:
        f.write("id\tname\tabbreviations\ttype\tscore\tsource\n")
        for r in laws:
            f.write("\t".join([r["id"], r["name"], "|".join(r["abbreviations"]), r["type"], r["score"], r["source"]]) + "\n")
    print(len(laws), "laws;", "abbreviations without a law:", " ".join(missing) or "none")
