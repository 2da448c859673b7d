#!/usr/bin/env python3
"""A seeded corpus of related Dutch parliamentary documents with the edges a reader draws (issue 18).

  generate_edges_corpus.py --docs 500 --out DIR [--seed S]

DIR gets the layout of ../shared/realdocs, so the same scoring works on it
(Benchmarks/score_edges_corpus.py):

  DIR/docs/        the documents, one folder, every file name unique
  DIR/truth.tsv    file, kind, id, verbatim, note: the `self` rows (each document's own ids)
  DIR/edges.tsv    file, source, relation, target, note: every edge of the document; `a|b` accepts either

Documents come in cases of four that belong together: the written questions (KOOP XML with its
.metadata.xml, or a plain-text Kamervragen whose heading is the zaak), their answer (an Aanhangsel as
KOOP XML with metadata, or the ministry's letter as .txt, .docx or .odt), a Kamerstuk (KOOP XML whose
metadata names the indiener) and a Kamerbrief (.txt/.docx/.odt) that is no answer. Each case draws
the traps of issue 18:

  (1) "ons kenmerk N" inside a sentence cites another letter (often one in the corpus); only the
      letterhead label line gives the letter's own kenmerk; no two documents may be merged
  (2) a plain-text Kamervragen headed "2023Z03811" or "Kamervragen 2023Z03811" is kv-tk-2023Z03811,
      and its answer answers it
  (3) the signer on a line after blank lines under "De Minister van …" / "DE STAATSSECRETARIS VAN …"
  (4) "Antwoord van Minister Y (X)" and "BRIEF VAN DE MINISTER VAN X": X is sent-by, and not a mention
  (5) "Zie ook A; B, C." (sentence, footnote): see-also for every item
  (6) the zaak answered is `answers`, never also `cites`; "de vragen met kenmerk Z" in a footnote cites
  (7) every Kamerstuk is part-of-dossier of its dossier
  (8) a Kamerstuk's indiener is its signer; only the Kamervragen/Aanhangsel indiener asks
  (9) organisations by full name and by abbreviation, one id
  (10) "(beiden P)", "hebben de leden A en B vragen gesteld", "de Minister-President" is AZ

The document text is built from the tables and renderers of generate_corpus.py (same folder), so
both generators write the same formats. The same seed and size give byte-identical output.
"""
from __future__ import annotations

import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate_corpus as G  # noqa: E402

# --------------------------------------------------------------------------------------------------
# Tables

def initials(first: str) -> str:
    """The initials of a signature line, consistent with the first name ("Gijs" -> "G.")."""
    return first[0] + "."


def written_surname(sur: str) -> str:
    """A surname after a first name or initials: "Van Oosten" -> "van Oosten"."""
    return "van " + sur[4:] if sur.startswith("Van ") else sur


# Member initials as KOOP metadata writes an indiener ("P. van Houwelingen").
def member_indiener(surname: str) -> str:
    return f"{'ABCDEFGHJKLMNPRSTVW'[sum(map(ord, surname)) % 19]}. {written_surname(surname)}"


# What a topic names: an organisation or a law in its words (a reader draws the mention).
TOPIC_ENTITIES = {"het gebruik van software van Palantir": [("mentions", "organisatie:palantir")],
                  "het gebruik van gezichtsherkenning door de politie": [("mentions", "organisatie:politie")],
                  "de afhandeling van Woo-verzoeken": [("mentions|cites", "BWBR0045754")]}

# (as written, id): full names and abbreviations of public bodies (their own sites).
ORGS = [("Koninklijke Marechaussee", "organisatie:KMar"), ("KMar", "organisatie:KMar"),
        ("Algemene Inlichtingen- en Veiligheidsdienst", "organisatie:AIVD"), ("AIVD", "organisatie:AIVD"),
        ("Nationaal Coördinator Terrorismebestrijding en Veiligheid", "organisatie:NCTV"),
        ("NCTV", "organisatie:NCTV"), ("Openbaar Ministerie", "organisatie:OM"),
        ("Uitvoeringsinstituut Werknemersverzekeringen", "organisatie:UWV"), ("UWV", "organisatie:UWV"),
        ("Nederlandse Zorgautoriteit", "organisatie:NZa"), ("NZa", "organisatie:NZa"),
        ("Autoriteit Persoonsgegevens", "organisatie:autoriteit-persoonsgegevens"),
        ("Belastingdienst", "organisatie:belastingdienst"), ("Rijkswaterstaat", "organisatie:rijkswaterstaat"),
        ("Centraal Bureau voor de Statistiek", "organisatie:CBS"), ("CBS", "organisatie:CBS"),
        ("Immigratie- en Naturalisatiedienst", "organisatie:IND"), ("IND", "organisatie:IND"),
        ("Raad van State", "organisatie:raad-van-state"), ("Algemene Rekenkamer", "organisatie:algemene-rekenkamer"),
        ("Inspectie Justitie en Veiligheid", "organisatie:inspectie-justitie-en-veiligheid"),
        ("Rijksinstituut voor Volksgezondheid en Milieu", "organisatie:RIVM"), ("RIVM", "organisatie:RIVM")]

# Laws with a checked id (generate_corpus.LAWS without the name-only ones).
LAWS = [(name, lid) for name, lid in G.LAWS if not lid.startswith("law:")]

# Ministers with a title of their own (the Ministry table of the README): a minister "voor" a
# portfolio under a ministry, a minister "van" a name that is not the ministry's.
PORTFOLIO = {"Klever": "voor Buitenlandse Handel en Ontwikkelingshulp", "Faber": "van Asiel en Migratie"}
OFFICIALS_BY_MIN = {k: list(v) for k, v in G.OFFICIALS_BY_MIN.items()}
OFFICIALS_BY_MIN["BZ"].append(("Reinette", "Klever", "minister", "BZ"))
OFFICIALS_BY_MIN["JENV"].append(("Marjolein", "Faber", "minister", "JENV"))


def office(official, abbr: str) -> str:
    """The words after the function: "van Defensie", "voor Buitenlandse Handel en Ontwikkelingshulp"."""
    return PORTFOLIO.get(official[1], "van " + ministry_name(abbr))


def office_name(official, abbr: str) -> str:
    """The name in parentheses after an answerer: "Defensie", "Buitenlandse Handel en Ontwikkelingshulp"."""
    return office(official, abbr).split(" ", 1)[1]


CITE_LEADS = ["Ik verwijs naar ", "Dit blijkt uit ", "Zoals vermeld in ", "Daarover is eerder gerapporteerd in "]
REF_FUNCS = [G.ref_kamerstuk, G.ref_kamerstuk, G.ref_aanhangsel, G.ref_handelingen, G.ref_gazette, G.ref_ecli,
             G.ref_koop_url]


def ministry_name(abbr: str) -> str:
    return G.MIN_BY_ABBR[abbr][1]


def vergaderjaar(y: int, m: int) -> int:
    """The vergaderjaar a date falls in (dates are never drawn in September)."""
    return y if m >= 10 else y - 1


class EDoc:
    """One generated document: its paragraphs (generate_corpus pieces), own ids and edge truth."""

    def __init__(self, case: int, role: str):
        self.case = case
        self.role = role
        self.i = case
        self.kind = "letter"
        self.paras: list[list] = []
        self.meta: dict = {}
        self.self_ids: list[tuple[str, str]] = []  # (id, verbatim)
        self.edges: list[tuple[str, str, str, str]] = []  # (source, relation, target, note)
        self.file = ""
        self.fmt = ""

    def para(self, *pieces):
        self.paras.append(list(pieces))

    def e(self, relation: str, target: str, note: str = "", source: str = "SELF"):
        """Adds an edge once; a second trap on the same edge adds its note ("; ")."""
        for k, (s, r, t, n) in enumerate(self.edges):
            if (s, r, t) == (source, relation, target):
                if note and note not in n.split("; "):
                    self.edges[k] = (s, r, t, f"{n}; {note}" if n else note)
                return
        self.edges.append((source, relation, target, note))


class Case:
    """The facts the four documents of a case share."""

    def __init__(self, seed: int, c: int, n_cases: int):
        self.c = c
        rng = random.Random(seed * 1_000_003 + c)
        self.rng = rng
        self.year = 2024 + c % 2
        months = [1, 2, 3, 4, 5, 6, 10, 11]
        self.sent = (self.year, rng.choice(months), rng.randrange(1, 25))
        sy, sm, sd = self.sent
        self.recv = (sy, sm + 1, rng.randrange(1, 28)) if sm not in (6, 11) else (sy + (sm == 11), 1 if sm == 11 else 7, 5)
        if self.recv[1] == 7:
            self.recv = (sy, 6, 28)
        self.zaak = f"{self.year}Z{20000 + c:05d}"
        vj = vergaderjaar(*self.recv[:2])
        self.ah = (f"ah-tk-{vj}{vj + 1}-{500 + c}", vj, 500 + c)
        # The questions go to one ministry, or to the Minister-President (trap 10).
        self.to_pm = c % 17 == 5
        self.ministry = "AZ" if self.to_pm else G.MINISTRIES[rng.randrange(len(G.MINISTRIES) - 1)][0]
        self.official = rng.choice(OFFICIALS_BY_MIN[self.ministry])
        # A second ministry the answer is given on behalf of (a state secretary's answers, sometimes).
        others = [m[0] for m in G.MINISTRIES if m[0] not in (self.ministry, "AZ")]
        self.cosigner = rng.choice(others) if rng.random() < 0.3 else None
        self.topic = rng.choice(G.TOPICS)
        rest = [m for m in others if m != self.cosigner]
        self.second_addressee = rng.choice(rest) if not self.to_pm and rng.random() < 0.15 else None
        self.mede_break = rng.random() < 0.4  # "mede\nnamens" over a line break
        k = 1 if rng.random() < 0.55 else rng.randrange(2, 4)
        self.members = rng.sample([m for m in G.MEMBERS if m[0] != "Van Houwelingen" or m[1] == "FVD"], k)
        self.same_party = k > 1 and rng.random() < 0.4  # "(beiden P)" / "(allen P)"
        if self.same_party:
            p = self.members[0]
            self.members = [(s, p[1], p[2]) for s, _, _ in self.members]
        self.nq = rng.randrange(3, 7)
        # Kamerstuk of the case
        self.kst_ministry = G.MINISTRIES[(c * 5) % (len(G.MINISTRIES) - 1)][0]
        self.kst_official = OFFICIALS_BY_MIN[self.kst_ministry][c % len(OFFICIALS_BY_MIN[self.kst_ministry])]
        self.dossier = 36900 + c % 60
        self.kst = (f"kst-{self.dossier}-{100 + c}", self.dossier, str(100 + c))
        # Kamerbrief of the case
        self.brief_ministry = G.MINISTRIES[(c * 7 + 3) % (len(G.MINISTRIES) - 1)][0]
        self.brief_official = OFFICIALS_BY_MIN[self.brief_ministry][(c // 3) % len(OFFICIALS_BY_MIN[self.brief_ministry])]
        self.n_cases = n_cases


def kenmerk_for(m: str, y: int, n: int) -> str:
    """A ministry kenmerk in the ministry's own format (reference-formats.md), unique per n."""
    if m == "DEF":
        return f"MINDEF{y}{n:07d}"
    if m == "JENV":
        return f"{6000000 + n}"
    if m in ("BZK", "FIN", "SZW"):
        return f"{y}-0000{700000 + n:06d}"
    if m == "VWS":
        return f"{3900000 + n}-{1060000 + n}-Z"
    if m == "IENW":
        return f"IENW/BSK-{y}/{300000 + n:06d}"
    if m in ("EZ", "KGG"):
        return f"WJZ/ {95000000 + n:08d}"
    if m == "OCW":
        return f"{50000000 + n}"
    return f"{m}{y}{40000 + n:05d}"


def answer_kenmerk(case: Case) -> str:
    return kenmerk_for(case.ministry, case.recv[0], 2 * case.c)


def brief_kenmerk(case: Case) -> str:
    return kenmerk_for(case.brief_ministry, case.year, 2 * case.c + 1)


# --------------------------------------------------------------------------------------------------
# Pieces with their edges


def pid(surname: str) -> str:
    return G.person_id(surname)


def members_pieces(case: Case, doc: EDoc) -> list:
    """'het lid X (P)', 'de leden A (P) en B (Q)', 'de leden A en B (beiden P)'; asked-by + member-of."""
    ms = case.members
    form = ("het lid X (P)" if len(ms) == 1 else
            f"({'beiden' if len(ms) == 2 else 'allen'} P)" if case.same_party else "de leden A (P) en B (Q)")
    for s, _, party in ms:
        doc.e("asked-by", pid(s), "asker: " + form)
        doc.e("member-of", "fractie:" + party, "party of " + form, source=pid(s))
    if len(ms) == 1:
        s, p, _ = ms[0]
        return [("t", f"het lid {s} ({p})")]
    names = [s for s, _, _ in ms]
    if case.same_party:
        word = "beiden" if len(ms) == 2 else "allen"
        return [("t", "de leden " + ", ".join(names[:-1]) + f" en {names[-1]} ({word} {ms[0][1]})")]
    parts = [f"{s} ({p})" for s, p, _ in ms]
    return [("t", "de leden " + ", ".join(parts[:-1]) + f" en {parts[-1]}")]


def addressee_pieces(case: Case, doc: EDoc) -> list:
    doc.e("addressed-to", "ministerie:" + case.ministry,
          "Minister-President is AZ" if case.to_pm else "de Ministers van X en van Y" if case.second_addressee
          else "aan de Minister van X")
    if case.to_pm:
        return [("t", "de Minister-President")]
    if case.second_addressee:
        # "aan de Ministers van X en van Y": each ministry an addressee.
        doc.e("addressed-to", "ministerie:" + case.second_addressee, "de Ministers van X en van Y")
        return [("t", f"de Ministers van {ministry_name(case.ministry)} en van {ministry_name(case.second_addressee)}")]
    role = case.official[2]
    return [("t", f"de {role.capitalize()} {office(case.official, case.ministry)}")]


def ref_external(rng: random.Random, corpus_ids: set) -> tuple[str, list[str]]:
    for _ in range(20):
        text, kind, ids = rng.choice(REF_FUNCS)(rng, 0)
        if not (set(ids) & corpus_ids) and not text.startswith("Zij krijgt"):
            return text, ids
    return "Kamerstuk 21 501-20, nr. 1003", ["kst-21501-20-1003"]


def ref_in_corpus(case: Case, rng: random.Random) -> tuple[str, list[str]] | None:
    """A citation of a document of an earlier case: its Aanhangsel or its Kamerstuk."""
    if case.c == 0:
        return None
    other = Case(case_seed[0], rng.randrange(case.c), case.n_cases)
    if rng.random() < 0.5:
        aid, vj, nr = other.ah
        return f"Aanhangsel Handelingen II {vj}/{(vj + 1) % 100:02d}, nr. {nr}", [aid]
    kid, d, ond = other.kst
    return f"Kamerstukken II {other.year}/{(other.year + 1) % 100:02d}, {d // 1000} {d % 1000:03d}, nr. {ond}", [kid]


case_seed = [2025]


def cite_sentence(case: Case, doc: EDoc, rng: random.Random, corpus_ids: set) -> list:
    got = ref_in_corpus(case, rng) if rng.random() < 0.3 else None
    text, ids = got or ref_external(rng, corpus_ids)
    for i in ids:
        doc.e("cites", i)
    if rng.random() < 0.25:
        # "zie ook" inside a sentence is a plain citation (trap 5).
        for i in ids:
            doc.e("cites", i, "zie ook inside a sentence cites")
        return [("t", "Voor de achtergrond zie ook "), ("r", text, "ref", ids), ("t", ". ")]
    return [("t", rng.choice(CITE_LEADS)), ("r", text, "ref", ids), ("t", ". ")]


def see_also_pieces(case: Case, doc: EDoc, rng: random.Random, corpus_ids: set, where: str = "sentence") -> list:
    """'Zie ook A; B; C.' (trap 5): see-also for every item, any kind."""
    k = rng.randrange(2, 4)
    items = []
    for _ in range(k):
        got = ref_in_corpus(case, rng) if rng.random() < 0.3 else None
        text, ids = got or ref_external(rng, corpus_ids)
        if any(i in {t for _, _, t, _ in doc.edges} for i in ids):
            continue
        items.append((text, ids))
    if not items:
        return []
    paren = rng.random() < 0.3
    out: list = [("t", "Dit is bekend (zie ook " if paren else "Zie ook ")]
    for idx, (text, ids) in enumerate(items):
        for i in ids:
            doc.e("see-also", i, "(zie ook list) in parentheses" if paren else f"Zie ook list, in a {where}")
        if idx:
            out.append(("t", "; "))
        out.append(("r", text, "ref", ids))
    out.append(("t", ")." if paren else "."))
    return out


def org_pieces(doc: EDoc, rng: random.Random) -> list:
    name, oid = rng.choice(ORGS)
    full = [n for n, i in ORGS if i == oid]
    if rng.random() < 0.3 and len(full) > 1:
        # The full name with its abbreviation: one organisation.
        doc.e("mentions", oid, "organisation: full name (abbreviation)")
        return [("t", f"Daarbij is ook de {full[0]} ({full[1]}) betrokken. ")]
    doc.e("mentions", oid, "organisation by " + ("full name" if name == full[0] and len(full) > 1 else
                                                  "abbreviation" if len(full) > 1 else "its only name"))
    return [("t", f"Daarbij is ook de {name} betrokken. ")]


def law_pieces(doc: EDoc, rng: random.Random) -> list:
    name, lid = rng.choice(LAWS)
    doc.e("mentions|cites", lid, "a law cited or mentioned")
    return [("t", rng.choice(["Dit volgt uit de ", "Zie artikel 5 van de ", "Dit valt onder de "]) + name + ". ")]


def body(case: Case, doc: EDoc, rng: random.Random, corpus_ids: set, answering: bool, letter: bool) -> list:
    """One paragraph of running text with one or two of the traps."""
    pieces: list = [("t", G.filler(rng, rng.randrange(2, 5)) + " ")]
    r = rng.random()
    if r < 0.35:
        pieces += cite_sentence(case, doc, rng, corpus_ids)
    elif r < 0.5:
        pieces += see_also_pieces(case, doc, rng, corpus_ids) + [("t", " ")]
    elif r < 0.6:
        # A footnote that opens with "Zie ook" (trap 5, in a footnote).
        pieces += [("t", "Dit is eerder aan uw Kamer gemeld"), ("n", see_also_pieces(case, doc, rng, corpus_ids, "footnote")),
                   ("t", ". ")]
    elif r < 0.7 and answering:
        # "de vragen met kenmerk Z" in a footnote of an answer: a citation (trap 6).
        other = Case(case_seed[0], (case.c + 1 + rng.randrange(case.n_cases - 1)) % case.n_cases, case.n_cases) \
            if case.n_cases > 1 else None
        z = other.zaak if other else "2023Z03811"
        doc.e("cites", "kv-tk-" + z, "de vragen met kenmerk Z in a footnote")
        pieces += [("t", "Ik verwijs naar de eerdere beantwoording"),
                   ("n", [("t", "Zie de antwoorden op de vragen met kenmerk "), ("r", z, "zaak", [z]), ("t", ".")]),
                   ("t", ". ")]
    elif r < 0.8 and letter:
        # An inline "ons kenmerk N" cites another letter (trap 1).
        other = Case(case_seed[0], rng.randrange(case.n_cases), case.n_cases)
        k = brief_kenmerk(other) if other.c != case.c else kenmerk_for("JENV", 2023, 900000 + case.c)
        doc.e("cites", G.kenmerk_id(k), "ons kenmerk in a sentence")
        pieces += [("t", f"In mijn brief van {G.dutch_date(other.year, 3, 12)[0]} (ons kenmerk "), ("r", k, "kenmerk", []),
                   ("t", ") heb ik uw Kamer hierover geïnformeerd. ")]
    elif r < 0.9:
        pieces += org_pieces(doc, rng)
    else:
        pieces += law_pieces(doc, rng)
    if rng.random() < 0.25:
        pieces += org_pieces(doc, rng)
    if rng.random() < 0.2:
        pieces += actor_pieces(case, doc, rng)
    pieces.append(("t", G.filler(rng, rng.randrange(1, 3))))
    return pieces


def actor_pieces(case: Case, doc: EDoc, rng: random.Random) -> list:
    """Another ministry, minister or member named in running text: a mention, no other role."""
    busy = {case.ministry, case.cosigner, case.second_addressee, case.kst_ministry, case.brief_ministry, "AZ"}
    free = [m[0] for m in G.MINISTRIES if m[0] not in busy]
    r = rng.random()
    if r < 0.15 and "JENV" not in busy and "IENW" not in busy:
        # An old ministry name in a document of 2024-2025 means its successor; "toenmalige" the old one.
        if rng.random() < 0.5:
            doc.e("mentions", "ministerie:JENV", "old name, today's ministry")
            return [("t", "Hierin bekijk ik samen met de Minister van Veiligheid en Justitie wat nodig is. ")]
        doc.e("mentions", "ministerie:IENM", "toenmalige: the ministry of that time")
        return [("t", "Dat deed de toenmalige Minister van Infrastructuur en Milieu ook. ")]
    if r < 0.4 and free:
        w = rng.choice(free)
        doc.e("mentions", "ministerie:" + w, "another ministry in running text")
        return [("t", f"In overleg met de minister van {ministry_name(w)} is besloten de uitvoering te versnellen. ")]
    if r < 0.7 and free:
        first, sur, role, _ = rng.choice(OFFICIALS_BY_MIN[rng.choice(free)])
        doc.e("mentions", pid(sur), "a minister in running text")
        return [("t", f"Zoals {role} {sur} eerder meldde, is dit niet nieuw. ")]
    asked = {s for s, _, _ in case.members}
    s, p, party = rng.choice([m for m in G.MEMBERS if m[0] not in asked])
    doc.e("mentions", pid(s), "a member in running text")
    doc.e("member-of", "fractie:" + party, source=pid(s))
    return [("t", f"Tijdens het commissiedebat heeft het lid {s} ({p}) hiernaar gevraagd. ")]


def signature(doc: EDoc, role: str, abbr: str, official, rng: random.Random, caps: bool | None = None) -> None:
    """'De Minister van X,' or 'DE STAATSSECRETARIS VAN X', blank lines, then the name (trap 3)."""
    first, sur, _, _ = official
    if abbr == "AZ":
        line = "De Minister-President,"
    elif role == "minister-president":
        line = "De Minister-President,"
    else:
        line = f"De {role.capitalize()} {office(official, abbr)},"
        if caps if caps is not None else rng.random() < 0.4:
            line = line.rstrip(",").upper()
    doc.para(("t", line))
    blank = rng.randrange(1, 4)
    for _ in range(blank):
        doc.para()
    written = written_surname(sur)
    name = f"{first} {written}" if rng.random() < 0.5 else f"{initials(first)} {written}"
    doc.para(("t", name))
    shape = "in capitals" if line.isupper() else "with comma"
    doc.e("signed-by", pid(sur), f"signer after blank lines, function line {shape}")
    doc.e("sent-by", "ministerie:" + abbr, f"ministry of the signature, function line {shape}")


# --------------------------------------------------------------------------------------------------
# The four documents of a case


def question_head(case: Case, doc: EDoc) -> list:
    sd = G.dutch_date(*case.sent)[0]
    return ([("t", "Vragen van ")] + members_pieces(case, doc) + [("t", " aan ")] + addressee_pieces(case, doc)
            + [("t", f" over {case.topic} (ingezonden {sd}).")])


def questions_list(case: Case, doc: EDoc, rng: random.Random, corpus_ids: set) -> list[list]:
    out = []
    for qi in range(case.nq):
        q = G.QUESTIONS[qi % len(G.QUESTIONS)].format(t=case.topic)
        if rng.random() < 0.3:
            text, ids = ref_external(rng, corpus_ids)
            for i in ids:
                doc.e("cites", i)
            q = q.rstrip("?") + f", mede gelet op {text}?"
        out.append([("t", q)])
    return out


def make_questions(case: Case, corpus_ids: set) -> EDoc:
    doc = EDoc(case.c, "questions")
    rng = random.Random(f"{case_seed[0]}:{case.c}:1")
    doc.self_ids.append(("kv-tk-" + case.zaak, case.zaak))
    head = question_head(case, doc)
    qs = questions_list(case, doc, rng, corpus_ids)
    if case.c % 3 == 1:
        # A plain-text Kamervragen headed by its zaak (trap 2); the file name names no id.
        doc.fmt = "txt"
        doc.file = f"vragen-{case.c:04d}.txt"
        first = case.zaak if case.c % 2 else f"Kamervragen {case.zaak}"
        doc.para(("t", first))
        doc.para(("t", f"(ingezonden {G.dutch_date(*case.sent)[0]})"))
        doc.para()
        doc.para(*head)
        for qi, q in enumerate(qs, 1):
            doc.para(("t", f"{qi}"))
            doc.para(*q)
    else:
        doc.fmt = "koop-xml"
        doc.file = f"kv-tk-{case.zaak}.xml"
        doc.meta.update(head_vraag=head, qas=[(q, None) for q in qs])
    return doc


def make_answer(case: Case, corpus_ids: set) -> EDoc:
    doc = EDoc(case.c, "answer")
    rng = random.Random(f"{case_seed[0]}:{case.c}:2")
    doc.e("answers", "kv-tk-" + case.zaak, "the zaak answered")
    first, sur, role, _ = case.official
    mname = ministry_name(case.ministry)
    if case.c % 5 in (0, 3):
        # An Aanhangsel answer as KOOP XML with metadata.
        aid, vj, nr = case.ah
        doc.self_ids.append((aid, "@metadata"))
        doc.fmt = "koop-xml"
        doc.file = f"{aid}.xml"
        head = question_head(case, doc)
        who = "Minister-President" if role == "minister-president" else role.capitalize()
        shown = office_name(case.official, case.ministry)
        ans = [("t", f"Antwoord van {who} {sur} ({shown})")]
        doc.e("signed-by", pid(sur))
        doc.e("sent-by", "ministerie:" + case.ministry, "the ministry in parentheses (trap 4)")
        if case.cosigner:
            ans.append(("t", f", mede namens de Minister van {ministry_name(case.cosigner)}"))
            doc.e("co-signed-by", "ministerie:" + case.cosigner, "mede namens")
        ans.append(("t", f" (ontvangen {G.dutch_date(*case.recv)[0]})."))
        qas = []
        for q in questions_list(case, doc, rng, corpus_ids):
            qas.append((q, body(case, doc, rng, corpus_ids, answering=True, letter=False)))
        doc.meta.update(head_vraag=head, head_antwoord=ans, qas=qas)
        return doc
    # The ministry's answer letter.
    fmt = ["txt", "docx", "odt"][case.c % 3]
    ken = answer_kenmerk(case)
    doc.self_ids.append((G.kenmerk_id(ken), ken))
    doc.fmt = fmt
    doc.file = f"{G.slug(mname)}-antwoord-{case.c:04d}.{fmt}"
    _, _, street, postbus, postcode, site = G.MIN_BY_ABBR[case.ministry]
    P = doc.para
    P(("t", " \tde Voorzitter van de Tweede Kamer der Staten-Generaal"))
    P(("t", " \tDatum\t" + G.dutch_date(*case.recv)[0]))
    P(("t", f" \tBetreft\tBeantwoording vragen over {case.topic}"))
    P()
    P(("t", f"Ministerie van {mname}"))
    P(("t", street))
    P(("t", f"Postbus {postbus}"))
    P(("t", f"{postcode} Den Haag"))
    P(("t", f"www.{site}.nl"))
    P()
    if rng.random() < 0.3:
        P(("t", f" \tOnze referentie\t{ken}"))  # label and value in one table row
    else:
        P(("t", "Onze referentie"))
        P(("t", ken))
    if rng.random() < 0.6:
        P(("t", "Uw kenmerk"))
        P(("t", case.zaak))
    P(("t", "Bij beantwoording, datum, onze referentie en onderwerp vermelden."))
    P()
    P(("t", "Geachte voorzitter,"))
    P()
    sd = G.dutch_date(*case.sent)[0]
    names = members_pieces(case, doc)
    to = addressee_pieces(case, doc)
    if rng.random() < 0.35:
        # "hebben de leden A en B vragen gesteld" (trap 10: the askers whatever the word order)
        verb = "heeft" if len(case.members) == 1 else "hebben"
        for s, _, _ in case.members:
            doc.e("asked-by", pid(s), f"{verb} ... vragen gesteld")
        P(*([("t", f"Op {sd} {verb} ")] + names + [("t", " schriftelijke vragen gesteld aan ")] + to
            + [("t", f" over {case.topic} (kenmerk {case.zaak}). Hierbij ontvangt u de antwoorden.")]))
    else:
        intro = [("t", "Hierbij bied ik")]
        if case.cosigner:
            intro.append(("t", f", mede{chr(10) if case.mede_break else ' '}namens de Minister van "
                               f"{ministry_name(case.cosigner)},"))
            doc.e("co-signed-by", "ministerie:" + case.cosigner, "mede namens")
        intro += [("t", " de antwoorden aan op de schriftelijke vragen gesteld door ")] + names
        intro += [("t", f" over ‘{case.topic}’. Deze vragen werden ingezonden op {sd} met kenmerk {case.zaak}.")]
        P(*intro)
    P()
    P(("t", "Hoogachtend,"))
    P()
    signature(doc, role, case.ministry, case.official, rng)
    P()
    P(("t", f"Kamervragen {case.zaak}"))
    P(("t", f"(ingezonden {sd})"))
    P(*question_head(case, doc))
    for qi, q in enumerate(questions_list(case, doc, rng, corpus_ids), 1):
        P(*([("t", f"{qi}. ")] + q))
        P(("t", f"Antwoord {qi}"))
        P(*body(case, doc, rng, corpus_ids, answering=True, letter=True))
    doc.meta.update(date=case.recv, topic=case.topic, ministry=case.ministry)
    return doc


def make_kamerstuk(case: Case, corpus_ids: set) -> EDoc:
    doc = EDoc(case.c, "kamerstuk")
    rng = random.Random(f"{case_seed[0]}:{case.c}:3")
    kid, dossier, ond = case.kst
    doc.self_ids.append((kid, "@metadata"))
    doc.fmt = "koop-xml"
    doc.file = f"{kid}.xml"
    doc.e("part-of-dossier", f"dossier-{dossier}", "every Kamerstuk (trap 7)")
    first, sur, role, _ = case.kst_official
    abbr = case.kst_ministry
    who = "MINISTER-PRESIDENT" if abbr == "AZ" else f"{role.upper()} {office(case.kst_official, abbr).upper()}"
    doc.meta.update(title=f"BRIEF VAN DE {who}", dossier=dossier, ond=ond, official=case.kst_official,
                    date=(case.year, case.sent[1], 15), ministry=abbr)
    doc.e("sent-by", "ministerie:" + abbr, "BRIEF VAN DE MINISTER VAN X (trap 4)")
    doc.e("signed-by", pid(sur), "the indiener of a Kamerstuk signs it (trap 8)")
    P = doc.para
    P(("t", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"))
    P(("t", "Den Haag, " + G.dutch_date(case.year, case.sent[1], 15)[0]))
    for _ in range(rng.randrange(2, 5)):
        P(*body(case, doc, rng, corpus_ids, answering=False, letter=False))
    signature(doc, role, abbr, case.kst_official, rng, caps=False)
    return doc


def make_brief(case: Case, corpus_ids: set) -> EDoc:
    doc = EDoc(case.c, "kamerbrief")
    rng = random.Random(f"{case_seed[0]}:{case.c}:4")
    abbr = case.brief_ministry
    mname = ministry_name(abbr)
    first, sur, role, _ = case.brief_official
    ken = brief_kenmerk(case)
    doc.self_ids.append((G.kenmerk_id(ken), ken))
    fmt = ["docx", "odt", "txt"][case.c % 3]
    doc.fmt = fmt
    doc.file = f"{G.slug(mname)}-kamerbrief-{case.c:04d}.{fmt}"
    _, _, street, postbus, postcode, site = G.MIN_BY_ABBR[abbr]
    P = doc.para
    P(("t", f"Ministerie van {mname}"))
    P(("t", f"{street}, Postbus {postbus}, {postcode} Den Haag"))
    P()
    P(("t", " \tde Voorzitter van de Tweede Kamer der Staten-Generaal"))
    P(("t", " \tDatum\t" + G.dutch_date(case.year, case.sent[1], 20)[0]))
    P(("t", f" \tBetreft\tVoortgang {case.topic}"))
    P()
    P(("t", rng.choice(["Ons kenmerk", "Onze referentie", "Kenmerk"])))
    P(("t", ken))
    P()
    P(("t", "Geachte voorzitter,"))
    P()
    P(("t", f"Met deze brief informeer ik uw Kamer over de voortgang rond {case.topic}. "))
    for _ in range(rng.randrange(2, 5)):
        P(*body(case, doc, rng, corpus_ids, answering=False, letter=True))
    P(("t", "Hoogachtend,"))
    P()
    signature(doc, role, abbr, case.brief_official, rng)
    doc.meta.update(date=(case.year, case.sent[1], 20), topic=f"Voortgang {case.topic}", ministry=abbr)
    return doc


# --------------------------------------------------------------------------------------------------
# Rendering (generate_corpus renderers)


def render_koop_questions(case: Case, doc: EDoc) -> tuple[bytes, bytes]:
    col = G.Collect(track=False)
    st = {"fn": 0, "rng": random.Random(f"{case_seed[0]}:{case.c}:render")}
    m = doc.meta
    answer = "head_antwoord" in m
    kid = case.ah[0] if answer else "kv-tk-" + case.zaak
    vy = case.ah[1] if answer else vergaderjaar(*case.sent[:2])
    L = [G.KOOP_HEAD.replace("{id}", kid), "  <kamervragen>\r\n    <kamervraagkop>\r\n",
         f'      <tekstregel inhoud="vergaderjaar">Vergaderjaar {vy}–{vy + 1}</tekstregel>\r\n',
         "    </kamervraagkop>\r\n"]
    if answer:
        L.append(f"    <kamervraagnummer>{case.ah[2]}</kamervraagnummer>\r\n")
    L.append(f'    <kamervraagomschrijving type="vraag">{G.koop_inline(m["head_vraag"], col, st)}'
             "</kamervraagomschrijving>\r\n")
    if answer:
        L.append(f'    <kamervraagomschrijving type="antwoord">{G.koop_inline(m["head_antwoord"], col, st)}'
                 "</kamervraagomschrijving>\r\n")
    for qi, (qp, ap) in enumerate(m["qas"], 1):
        L.append(f"    <vraag>\r\n      <nr>Vraag {qi}</nr>\r\n      <al>{G.koop_inline(qp, col, st)}</al>\r\n"
                 "    </vraag>\r\n")
        if ap is not None:
            L.append(f"    <antwoord>\r\n      <nr>Antwoord {qi}</nr>\r\n      <al>{G.koop_inline(ap, col, st)}"
                     "</al>\r\n    </antwoord>\r\n")
    L.append("  </kamervragen>\r\n</officiele-publicatie>")
    sy, sm, sd = case.sent
    ry, rm, rd = case.recv
    md = [("DC.identifier", "", kid), ("DC.type", "OVERHEID.Informatietype", "officiële publicatie"),
          ("DC.type", "OVERHEIDop.Parlementair", "Aanhangsel van de Handelingen" if answer
           else "Kamervragen zonder antwoord"),
          ("DC.title", "", f"Vragen van {case.members[0][0]} over {case.topic}"),
          ("DC.creator", "OVERHEID.StatenGeneraal", "Tweede Kamer der Staten-Generaal"),
          ("OVERHEIDop.vergaderjaar", "", f"{vy}-{vy + 1}"), ("OVERHEIDop.vraagnummer", "", case.zaak)]
    if answer:
        md.append(("OVERHEIDop.aanhangselNummer", "", str(case.ah[2])))
    for s, _, _ in case.members:
        md.append(("OVERHEIDop.indiener", "", member_indiener(s)))  # the askers (trap 8)
    md.append(("OVERHEIDop.datumIndiening", "DCTERMS.W3CDTF", f"{sy:04d}-{sm:02d}-{sd:02d}"))
    if answer:
        md.append(("OVERHEIDop.datumOntvangst", "DCTERMS.W3CDTF", f"{ry:04d}-{rm:02d}-{rd:02d}"))
    return "".join(L).encode("utf-8"), G.metadata_xml(md).encode("utf-8")


def render_koop_kamerstuk(case: Case, doc: EDoc) -> tuple[bytes, bytes]:
    col = G.Collect(track=False)
    st = {"fn": 0, "rng": random.Random(f"{case_seed[0]}:{case.c}:render")}
    m = doc.meta
    kid, dossier, ond = case.kst
    y, mo, d = m["date"]
    L = [G.KOOP_HEAD.replace("{id}", kid), "  <kamerstuk>\r\n    <kamerstukkop>\r\n",
         '      <tekstregel inhoud="kamer">Tweede Kamer der Staten-Generaal</tekstregel>\r\n',
         "    </kamerstukkop>\r\n    <dossier>\r\n      <dossiernummer>\r\n",
         f"        <dossiernr>{dossier // 1000} {dossier % 1000:03d}</dossiernr>\r\n      </dossiernummer>\r\n",
         f"      <titel>{G.xesc(case.topic[0].upper() + case.topic[1:])}</titel>\r\n    </dossier>\r\n    <stuk>\r\n",
         f'      <stuknr>\r\n        <ondernummer kamer="2">Nr. {ond}</ondernummer>\r\n      </stuknr>\r\n',
         f"      <titel>{G.xesc(m['title'])}</titel>\r\n",
         "      <algemeen>\r\n        <vrije-tekst>\r\n          <tekst>\r\n"]
    for p in doc.paras:
        L.append(f"            <al>{G.koop_inline(p, col, st)}</al>\r\n" if p else "            <al/>\r\n")
    L.append("          </tekst>\r\n        </vrije-tekst>\r\n      </algemeen>\r\n    </stuk>\r\n  </kamerstuk>\r\n"
             "</officiele-publicatie>")
    md = [("DC.identifier", "", kid), ("DC.type", "OVERHEID.Informatietype", "officiële publicatie"),
          ("DC.type", "OVERHEIDop.Parlementair", "Kamerstuk"), ("DC.title", "", m["title"].capitalize()),
          ("DC.creator", "OVERHEID.StatenGeneraal", "Tweede Kamer der Staten-Generaal"),
          ("OVERHEIDop.vergaderjaar", "", f"{vergaderjaar(y, mo)}-{vergaderjaar(y, mo) + 1}"),
          ("OVERHEIDop.dossiernummer", "", str(dossier)), ("OVERHEIDop.ondernummer", "", ond),
          ("OVERHEIDop.indiener", "", f"{initials(m['official'][0])} {written_surname(m['official'][1])}"),
          # the signer (trap 8)
          ("OVERHEIDop.datumBrief", "DCTERMS.W3CDTF", f"{y:04d}-{mo:02d}-{d:02d}")]
    return "".join(L).encode("utf-8"), G.metadata_xml(md).encode("utf-8")


def render(case: Case, doc: EDoc) -> list[tuple[str, bytes]]:
    if doc.fmt == "koop-xml":
        xml, meta = render_koop_kamerstuk(case, doc) if doc.role == "kamerstuk" else render_koop_questions(case, doc)
        return [(doc.file, xml), (doc.file[:-4] + ".metadata.xml", meta)]
    col = G.Collect(track=False)
    if doc.fmt == "txt":
        return [(doc.file, G.render_text(doc, col).encode("utf-8"))]
    if doc.fmt == "docx":
        return [(doc.file, G.render_docx(doc, col, random.Random(f"{case_seed[0]}:{case.c}:render")))]
    return [(doc.file, G.render_odt(doc, col))]


# --------------------------------------------------------------------------------------------------


RANK = {"cites": 0, "see-also": 1, "answers": 2}


def strongest(edges):
    """One relation per pair of documents: answers > see-also > cites (README rules table)."""
    best = {}
    for src, rel, tgt, _ in edges:
        if rel in RANK and RANK[rel] > RANK.get(best.get((src, tgt), "cites"), -1) or (src, tgt) not in best:
            if rel in RANK:
                best[(src, tgt)] = rel if (src, tgt) not in best or RANK[rel] > RANK[best[(src, tgt)]] else best[(src, tgt)]
    return [e for e in edges if e[1] not in RANK or best[(e[0], e[2])] == e[1]]


def generate(n_docs: int, out: str, seed: int) -> None:
    case_seed[0] = seed
    n_cases = max(1, n_docs // 4)
    docs_dir = os.path.join(out, "docs")
    os.makedirs(docs_dir, exist_ok=True)
    for name in os.listdir(docs_dir):
        os.remove(os.path.join(docs_dir, name))
    cases = [Case(seed, c, n_cases) for c in range(n_cases)]
    corpus_ids = set()
    for case in cases:
        corpus_ids |= {case.zaak, "kv-tk-" + case.zaak, case.ah[0], case.kst[0], f"dossier-{case.dossier}"}
    truth_rows = ["file\tkind\tid\tverbatim\tnote"]
    edge_rows = ["file\tsource\trelation\ttarget\tnote"]
    for case in cases:
        for make in (make_questions, make_answer, make_kamerstuk, make_brief):
            doc = make(case, corpus_ids)
            for rel, target in TOPIC_ENTITIES.get(case.topic, []):
                doc.e(rel, target, "named in the topic")
            for name, data in render(case, doc):
                with open(os.path.join(docs_dir, name), "wb") as fh:
                    fh.write(data)
            for sid, verbatim in doc.self_ids:
                truth_rows.append(f"{doc.file}\tself\t{sid}\t{verbatim}\t{doc.role}")
            own = doc.self_ids[0][0]
            for src, rel, tgt, note in strongest(doc.edges):
                edge_rows.append(f"{doc.file}\t{own if src == 'SELF' else src}\t{rel}\t{tgt}\t{note}")
    with open(os.path.join(out, "truth.tsv"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(truth_rows) + "\n")
    with open(os.path.join(out, "edges.tsv"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(edge_rows) + "\n")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=500, help="about this many documents (4 per case, at least 4)")
    ap.add_argument("--out", required=True, help="the folder to write docs/, truth.tsv and edges.tsv into")
    ap.add_argument("--seed", type=int, default=2025)
    a = ap.parse_args(argv)
    if not 4 <= a.docs <= 20_000:
        sys.exit("generate_edges_corpus.py: --docs must be between 4 and 20,000")
    generate(a.docs, a.out, a.seed)


if __name__ == "__main__":
    main()
