#!/usr/bin/env python3
"""The peer for extraction speed: the reference catalogue of reference-formats.md §1 written the way a
user would write it by hand in plain Python: one compiled `re` pattern per kind, run over the whole
text, emitting the same JSON Lines shape as `kamergraph extract`:

  {"path", "kind", "ids", "text", "start", "end", "line", "column", "status"}

(`start`/`end` are UTF-8 byte offsets, `line`/`column` count from 1, `column` in bytes). The patterns
run on bytes so that offsets are byte offsets without a conversion pass.

  python_baseline.py FILE ... > mentions.jsonl
"""
from __future__ import annotations

import bisect
import json
import re
import sys
import unicodedata

S = rb"(?:\s|\xc2\xa0)"          # whitespace including NBSP
DASH = rb"(?:-|\xe2\x80\x93|/)"   # hyphen, en dash, slash
VJ = rb"(?:(?:vergaderjaar|zitting)" + S + rb"+)?((?:18|19|20)\d{2}|\d{2})" + S + rb"*" + DASH + S + rb"*(\d{4}|\d{2})"
KAMER = rb"(II|I|TK|EK|2|1|11|Tweede Kamer|Eerste Kamer)"
DOSSIER = (rb"\d{2}[ .]?\d{3}(?:[ .-](?:[IVXLC]+[A-Z]?|[A-Z]{1,2}|\d{2})\b)?(?:" + S + rb"*\(R" + S
           + rb"?\d{3,4}\))?")
ONDER = rb"(?:\d{1,5}[a-z]?|[A-Z]{1,2})\b"

KAMERSTUK = re.compile(
    rb"Kamerstuk(?:ken)?(?:" + S + rb"+" + KAMER + rb")?,?(?:" + S + rb"+" + VJ + rb")?,?" + S + rb"+"
    rb"(" + DOSSIER + rb"(?:" + S + rb"+en" + S + rb"+" + DOSSIER + rb")*),?" + S + rb"*(?:nrs?\.|nummers?)?" + S
    + rb"*(" + ONDER + rb"(?:" + S + rb"*(?:,|en|-|\xe2\x80\x93)" + S + rb"*" + ONDER + rb")*)")
DOSSIER_PARTS = re.compile(rb"(\d{2})[ .]?(\d{3})(?:[ .-]([IVXLC]+[A-Z]?|[A-Z]{1,2}|\d{2})\b)?")
ONDER_SPLIT = re.compile(rb"(\d{1,5}[a-z]?|[A-Z]{1,2})\b|(-|\xe2\x80\x93)")

AANHANGSEL = re.compile(
    rb"Aanhangsel" + S + rb"+(?:van" + S + rb"+de" + S + rb"+)?Handelingen(?:" + S + rb"+(II|I|TK|EK))?,?" + S
    + rb"*(?:vergaderjaar" + S + rb"+)?((?:19|20)\d{2})" + S + rb"*" + DASH + S + rb"*(\d{4}|\d{2}),?" + S
    + rb"*nrs?\." + S + rb"*(\d+(?:" + S + rb"*(?:,|en)" + S + rb"*\d+)*)")
HANDELINGEN = re.compile(
    rb"(?<!de )Handelingen" + S + rb"+" + KAMER + rb"," + rb"?" + S + rb"*" + VJ + rb",?" + S + rb"*nr\." + S
    + rb"*(\d+),?" + S + rb"*item" + S + rb"+(\d+)")
GAZETTE = re.compile(rb"\b(Stb|Staatsblad|Stcrt|Staatscourant|Trb|Tractatenblad)\.?" + S + rb"+((?:18|19|20)\d{2}),"
                     + S + rb"*(\d+)")
ECLI = re.compile(rb"\bECLI:([A-Z]{2}):([A-Z0-9.]{1,7}):(\d{4}):([A-Z0-9.]{1,25})")
BWB = re.compile(rb"\b(BWB[RV]\d{7})\b")
LAWS = {b"AVG": "CELEX:32016R0679", b"Algemene verordening gegevensbescherming": "CELEX:32016R0679",
        b"Woo": "BWBR0045754", b"Wet open overheid": "BWBR0045754", b"Wob": "BWBR0005252",
        b"Wet openbaarheid van bestuur": "BWBR0005252", b"Awb": "BWBR0005537",
        b"Algemene wet bestuursrecht": "BWBR0005537", b"Aanbestedingswet 2012": "BWBR0032203",
        b"Wet politiegegevens": "BWBR0022463"}
LAW = re.compile(rb"\b(" + b"|".join(sorted(map(re.escape, LAWS), key=len, reverse=True)) + rb")\b")
KOOP = re.compile(rb"\b((?:kst|ah-tk|ah-ek|kv-tk|h-tk|h-ek|blg|stb|stcrt|trb|gmb|nds)-[A-Za-z0-9-]*[A-Za-z0-9])")
ZAAK = re.compile(rb"\b((?:19|20)\d{2}Z\d{5})\b")
TKDOC = re.compile(rb"\b((?:19|20)\d{2}D\d{5})\b")
KENMERK = re.compile(rb"(Onze referentie|Ons kenmerk|Uw kenmerk|[Kk]enmerk|ons kenmerk)" + S + rb"*:?" + S
                     + rb"+([A-Z0-9][A-Za-z0-9&.-]*(?:/ ?[A-Za-z0-9&.-]+)*)")
KENMERK_SELF = re.compile(rb"\b(MINDEF20\d{9}|IENW/[A-Z]+-20\d{2}/\d+)\b")
MINISTRY_NAMES = {
    b"Algemene Zaken": "AZ", b"Buitenlandse Zaken": "BZ", b"Binnenlandse Zaken en Koninkrijksrelaties": "BZK",
    b"Binnenlandse Zaken": "BZK", b"Defensie": "DEF", b"Economische Zaken en Klimaat": "EZK",
    b"Economische Zaken": "EZ", "Financiën".encode(): "FIN", b"Infrastructuur en Waterstaat": "IENW",
    b"Justitie en Veiligheid": "JENV", b"Veiligheid en Justitie": "JENV", b"Klimaat en Groene Groei": "KGG",
    b"Landbouw, Visserij, Voedselzekerheid en Natuur": "LVVN", b"Onderwijs, Cultuur en Wetenschap": "OCW",
    b"Sociale Zaken en Werkgelegenheid": "SZW", b"Volksgezondheid, Welzijn en Sport": "VWS",
    b"Volkshuisvesting en Ruimtelijke Ordening": "VRO"}
_MIN_ALT = b"|".join(sorted(map(re.escape, MINISTRY_NAMES), key=len, reverse=True))
MINISTRY = re.compile(rb"(?:\b(?:Ministerie|[Mm]inister|[Ss]taatssecretaris)" + S + rb"+(?:van|voor)" + S + rb"+("
                      + _MIN_ALT + rb")\b|\((" + _MIN_ALT + rb")\))")
PARTIES = {b"FVD": "FVD", b"FvD": "FVD", b"Forum voor Democratie": "FVD", b"GroenLinks-PvdA": "GL-PVDA",
           b"GL-PvdA": "GL-PVDA", b"GroenLinks": "GL", b"PvdA": "PVDA", b"PVV": "PVV", b"VVD": "VVD",
           b"NSC": "NSC", b"Nieuw Sociaal Contract": "NSC", b"D66": "D66", b"BBB": "BBB", b"CDA": "CDA",
           b"SP": "SP", b"DENK": "DENK", b"PvdD": "PVDD", b"Partij voor de Dieren": "PVDD", b"ChristenUnie": "CU",
           b"CU": "CU", b"SGP": "SGP", b"Volt": "VOLT", b"JA21": "JA21", b"50PLUS": "50PLUS", b"BIJ1": "BIJ1"}
_PARTY_ALT = b"|".join(sorted(map(re.escape, PARTIES), key=len, reverse=True))
NAME = rb"(?:(?:Van der|Van den|Van de|Van|De|El|Ter|Ten)" + S + rb")?[A-Z][\w\xc3\xa0-\xc3\xbf\xc4\x80-\xc5\xbf-]+"
NAME2 = NAME + rb"(?:" + S + rb"[A-Z][\w-]+)?"
MEMBER = re.compile(rb"(" + NAME2 + rb")" + S + rb"\((" + _PARTY_ALT + rb")\)")
MEMBERS_ALLEN = re.compile(rb"de leden ((?:" + NAME2 + rb", )*" + NAME2 + rb" en " + NAME2 + rb") \(allen ("
                           + _PARTY_ALT + rb")\)")
OFFICIAL = re.compile(rb"Antwoord van (?:Minister|Staatssecretaris|Minister-president)" + S + rb"(" + NAME + rb")")
SIGNATURE = re.compile(rb"\n(?:DE (?:MINISTER|STAATSSECRETARIS)[A-Z ,\xc3\x80-\xc3\x9f-]*|De (?:Minister|Staatssecretaris)"
                       rb" van [\w ,\xc3\x80-\xc3\xbf]+,)\n"
                       rb"((?:[A-Z][a-z]+ )?(?:(?:[Vv]an der|[Vv]an|[Dd]e) )?[A-Z][\w-]+)")
MONTHS = [b"januari", b"februari", b"maart", b"april", b"mei", b"juni", b"juli", b"augustus", b"september",
          b"oktober", b"november", b"december"]
DATE = re.compile(rb"\b(\d{1,2}) (" + b"|".join(MONTHS) + rb") ((?:19|20)\d{2})\b")
ORGS = re.compile(rb"\b(NCTV|RIEC|LIEC|iCOV|NAVO|AIVD|MIVD|OM|politie)\b")
PROGRAMME = re.compile(rb"(?:\xe2\x80\x9c|\xc2\xab)([A-Z][\w ]{2,40})(?:\xe2\x80\x9d|\xc2\xbb)")


def year_pair(a: bytes, b: bytes) -> tuple[int, int] | None:
    y1 = int(a)
    if len(a) == 2:
        y1 += 1900 if y1 >= 50 else 2000
    if len(b) == 2:
        y2 = (y1 // 100) * 100 + int(b)
        if y2 < y1:
            y2 += 100
    else:
        y2 = int(b)
    return (y1, y2) if y2 == y1 + 1 else None


def slug(text: str) -> str:
    out, pending = [], False
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        c = ch.lower()
        if ("a" <= c <= "z") or ("0" <= c <= "9"):
            if pending and out:
                out.append("-")
            pending = False
            out.append(c)
        else:
            pending = True
    return "".join(out)


def kenmerk_id(raw: str) -> str:
    return "kenmerk:" + "".join("_" if not (c.isascii() and (c.isalnum() or c in ".-_:")) else c
                                for c in raw if not c.isspace())


def extract(data: bytes):
    """Yields (start, end, kind, ids, fields) for every reference in data."""
    for m in KAMERSTUK.finditer(data):
        dossiers = []
        for d in DOSSIER_PARTS.finditer(m.group(4)):
            toev = d.group(3)
            dossiers.append(d.group(1).decode() + d.group(2).decode() + ("-" + toev.decode().upper() if toev else ""))
        nrs, prev, rng = [], None, False
        for t in ONDER_SPLIT.finditer(m.group(5)):
            if t.group(2):
                rng = True
                continue
            v = t.group(1).decode()
            if rng and prev is not None and prev.isdigit() and v.isdigit():
                nrs.extend(str(k) for k in range(int(prev) + 1, int(v) + 1))
            else:
                nrs.append(v)
            prev, rng = v, False
        if not dossiers or not nrs:
            continue
        ids = [f"kst-{d}-{n}" for d in dossiers for n in nrs]
        yield m.start(), m.end(), "kamerstuk", ids, {}
    for m in AANHANGSEL.finditer(data):
        yp = year_pair(m.group(2), m.group(3))
        if not yp:
            continue
        kamer = "ek" if m.group(1) in (b"I", b"EK") else "tk"
        nrs = re.findall(rb"\d+", m.group(4))
        yield m.start(), m.end(), "aanhangsel", [f"ah-{kamer}-{yp[0]}{yp[1]}-{int(n)}" for n in nrs], {}
    for m in HANDELINGEN.finditer(data):
        yp = year_pair(m.group(2), m.group(3))
        if not yp:
            continue
        kamer = "ek" if m.group(1) in (b"I", b"1", b"EK", b"Eerste Kamer") else "tk"
        yield m.start(), m.end(), "handelingen", [f"h-{kamer}-{yp[0]}{yp[1]}-{int(m.group(4))}-{int(m.group(5))}"], {}
    for m in GAZETTE.finditer(data):
        w = m.group(1)
        kind, pre = (("staatsblad", "stb") if w.startswith(b"St") and w in (b"Stb", b"Staatsblad") else
                     ("staatscourant", "stcrt") if w in (b"Stcrt", b"Staatscourant") else ("tractatenblad", "trb"))
        yield m.start(), m.end(), kind, [f"{pre}-{int(m.group(2))}-{int(m.group(3))}"], {}
    for m in ECLI.finditer(data):
        end = m.end()
        text = m.group(0)
        while text.endswith(b"."):
            text, end = text[:-1], end - 1
        yield m.start(), end, "ecli", [text.decode().upper()], {}
    for m in BWB.finditer(data):
        yield m.start(), m.end(), "bwb", [m.group(1).decode()], {}
    for m in LAW.finditer(data):
        yield m.start(), m.end(), "bwb", [LAWS[m.group(1)]], {}
    for m in KOOP.finditer(data):
        kid = m.group(1).decode()
        head = re.match(r"([A-Za-z-]+?)-(\d.*)", kid)
        if head:
            kid = head.group(1).lower() + "-" + head.group(2)
        yield m.start(), m.end(), "koop", [kid], {}
    for m in ZAAK.finditer(data):
        yield m.start(), m.end(), "zaak", [m.group(1).decode()], {}
    for m in TKDOC.finditer(data):
        yield m.start(), m.end(), "tkdocument", [m.group(1).decode()], {}
    seen_kenmerk = set()
    for m in KENMERK.finditer(data):
        value = m.group(2).rstrip(b".")
        if ZAAK.fullmatch(value) or TKDOC.fullmatch(value):
            continue  # the zaak / document pattern reports these
        if not any(48 <= c <= 57 for c in value):
            continue
        s = m.start(2)
        seen_kenmerk.add(s)
        yield s, s + len(value), "kenmerk", [kenmerk_id(value.decode())], {"label": m.group(1).decode()}
    for m in KENMERK_SELF.finditer(data):
        if m.start() not in seen_kenmerk:
            yield m.start(), m.end(), "kenmerk", [kenmerk_id(m.group(1).decode())], {}
    for m in MINISTRY.finditer(data):
        name = m.group(1) or m.group(2)
        yield m.start(), m.end(), "ministerie", ["ministerie:" + MINISTRY_NAMES[name]], {}
    for m in MEMBER.finditer(data):
        yield m.start(1), m.end(1), "persoon", ["persoon:" + slug(m.group(1).decode())], {}
        yield m.start(2), m.end(2), "fractie", ["fractie:" + PARTIES[m.group(2)]], {}
    for m in MEMBERS_ALLEN.finditer(data):
        names = re.split(rb", | en ", m.group(1))
        pos = m.start(1)
        for nm in names:
            s = data.index(nm, pos)
            pos = s + len(nm)
            yield s, pos, "persoon", ["persoon:" + slug(nm.decode())], {}
        yield m.start(2), m.end(2), "fractie", ["fractie:" + PARTIES[m.group(2)]], {}
    for m in OFFICIAL.finditer(data):
        yield m.start(1), m.end(1), "persoon", ["persoon:" + slug(m.group(1).decode())], {}
    for m in SIGNATURE.finditer(data):
        full = m.group(1).decode()
        surname = full.split(" ", 1)[1] if " " in full and full[0:1].isupper() and full.split(" ", 1)[0] not in (
            "Van", "De") else full
        s = m.start(1) + (len(m.group(1)) - len(surname.encode()))
        yield s, m.end(1), "persoon", ["persoon:" + slug(surname)], {}
    for m in DATE.finditer(data):
        iso = f"{int(m.group(3)):04d}-{MONTHS.index(m.group(2)) + 1:02d}-{int(m.group(1)):02d}"
        yield m.start(), m.end(), "date", [], {"iso": iso}
    for m in ORGS.finditer(data):
        yield m.start(), m.end(), "organisatie", ["organisatie:" + m.group(1).decode()], {}
    for m in PROGRAMME.finditer(data):
        yield m.start(1), m.end(1), "programma", ["programma:" + slug(m.group(1).decode())], {}


def main(paths: list[str]) -> int:
    out = sys.stdout
    status = 0
    for path in paths:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as e:
            print(f"python_baseline: {path}: {e.strerror}", file=sys.stderr)
            status = 2
            continue
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        newlines = [m.start() for m in re.finditer(b"\n", data)]
        found = sorted(extract(data), key=lambda r: (r[0], r[1], r[2]))
        lines = []
        for start, end, kind, ids, fields in found:
            line = bisect.bisect_left(newlines, start)
            col = start - (newlines[line - 1] + 1 if line else 0) + 1
            rec = {"path": path, "kind": kind, "ids": ids, "text": data[start:end].decode("utf-8", "replace"),
                   "start": start, "end": end, "line": line + 1, "column": col, "status": "external"}
            if fields:
                rec["fields"] = fields
            lines.append(json.dumps(rec, ensure_ascii=False))
        out.write("\n".join(lines))
        if lines:
            out.write("\n")
    return status


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python_baseline.py FILE ...")
    sys.exit(main(sys.argv[1:]))
