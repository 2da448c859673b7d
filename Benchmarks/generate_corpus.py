#!/usr/bin/env python3
"""Deterministic generator of a realistic Dutch parliamentary corpus for KamerGraph benchmarks.

Three modes (all seeded; the same seed and size give byte-identical output):

  generate_corpus.py corpus --docs N --out DIR [--seed S] [--jobs J]
      N documents (10 to 200,000) in DIR: written questions (kv-tk-*.xml), Aanhangsel answers
      (ah-tk-*.xml) and Kamerstukken (kst-*.xml) as KOOP `officiele-publicatie` XML, each with a
      `.metadata.xml` (metadata_gegevens style); ministry answer letters as .txt (letterhead,
      "Onze referentie", docx-export footnote markers), .docx and .odt; Tweede Kamer SyncFeed pages.
      The manifest (DIR.manifest.jsonl, or --manifest) lists per document its own ids and the ids it
      is expected to cite, the actors it names, the dates, and the decoys it contains.

  generate_corpus.py text --mb 50 --out FILE [--seed S]
      One big plain-text file (at least MB megabytes) of the same documents rendered as text, with
      FILE.manifest.jsonl giving every expected reference with its exact UTF-8 byte span, and every
      decoy span (postcodes, Postbus, phone numbers, amounts, bare years, page numbers).

  generate_corpus.py graph --edges 1000000 --out FILE.json [--seed S]
      A random citation-shaped graph in networkx node-link JSON (fallback peer input when no
      KamerGraph graph of that size is available).

Every document i is a pure function of (seed, i, N): the kind and identity of a document follow from
its index alone, so a document can cite any other one without a global table, and generation runs
in parallel with a deterministic result.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import unicodedata
import zipfile
from multiprocessing import Pool

# --------------------------------------------------------------------------------------------------
# Tables (real names and formats from reference-formats.md; persons are public office holders)

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]

# abbr, name, street, postbus, postcode, site
MINISTRIES = [
    ("DEF", "Defensie", "Plein 4", "20701", "2500 ES", "defensie"),
    ("JENV", "Justitie en Veiligheid", "Turfmarkt 147", "20301", "2500 EH", "rijksoverheid"),
    ("FIN", "Financiën", "Korte Voorhout 7", "20201", "2500 EE", "rijksoverheid"),
    ("BZK", "Binnenlandse Zaken en Koninkrijksrelaties", "Turfmarkt 147", "20011", "2500 EA", "rijksoverheid"),
    ("IENW", "Infrastructuur en Waterstaat", "Rijnstraat 8", "20901", "2500 EX", "rijksoverheid"),
    ("VWS", "Volksgezondheid, Welzijn en Sport", "Parnassusplein 5", "20350", "2500 EJ", "rijksoverheid"),
    ("OCW", "Onderwijs, Cultuur en Wetenschap", "Rijnstraat 50", "16375", "2500 BJ", "rijksoverheid"),
    ("SZW", "Sociale Zaken en Werkgelegenheid", "Parnassusplein 5", "90801", "2509 LV", "rijksoverheid"),
    ("EZ", "Economische Zaken", "Bezuidenhoutseweg 73", "20401", "2500 EK", "rijksoverheid"),
    ("BZ", "Buitenlandse Zaken", "Rijnstraat 8", "20061", "2500 EB", "rijksoverheid"),
    ("KGG", "Klimaat en Groene Groei", "Bezuidenhoutseweg 73", "20401", "2500 EK", "rijksoverheid"),
    ("AZ", "Algemene Zaken", "Binnenhof 19", "20001", "2500 EA", "rijksoverheid"),
]
MIN_BY_ABBR = {m[0]: m for m in MINISTRIES}

# first name, surname (as written after "Minister"), role, ministry abbr
OFFICIALS = [
    ("Gijs", "Tuinman", "staatssecretaris", "DEF"), ("Ruben", "Brekelmans", "minister", "DEF"),
    ("Foort", "Van Oosten", "minister", "JENV"), ("David", "Van Weel", "minister", "JENV"),
    ("Eelco", "Heinen", "minister", "FIN"), ("Judith", "Uitermark", "minister", "BZK"),
    ("Barry", "Madlener", "minister", "IENW"), ("Fleur", "Agema", "minister", "VWS"),
    ("Eppo", "Bruins", "minister", "OCW"), ("Yvonne", "Van Hijum", "minister", "SZW"),
    ("Dirk", "Beljaarts", "minister", "EZ"), ("Caspar", "Veldkamp", "minister", "BZ"),
    ("Sophie", "Hermans", "minister", "KGG"), ("Dick", "Schoof", "minister-president", "AZ"),
    ("Vincent", "Karremans", "staatssecretaris", "VWS"), ("Nora", "Achahbar", "staatssecretaris", "FIN"),
]
OFFICIALS_BY_MIN = {}
for _o in OFFICIALS:
    OFFICIALS_BY_MIN.setdefault(_o[3], []).append(_o)

# surname as written, party as written, party id
MEMBERS = [
    ("Van Houwelingen", "FvD", "FVD"), ("Van Houwelingen", "FVD", "FVD"), ("Omtzigt", "NSC", "NSC"),
    ("Gesthuizen", "SP", "SP"), ("Six Dijkstra", "Nieuw Sociaal Contract", "NSC"),
    ("Mutluer", "GroenLinks-PvdA", "GL-PVDA"), ("Kathmann", "GL-PvdA", "GL-PVDA"), ("Kops", "PVV", "PVV"),
    ("Bikker", "ChristenUnie", "CU"), ("Van der Plas", "BBB", "BBB"), ("Dassen", "Volt", "VOLT"),
    ("Eerdmans", "JA21", "JA21"), ("Stoffer", "SGP", "SGP"), ("Ouwehand", "PvdD", "PVDD"),
    ("Van Baarle", "DENK", "DENK"), ("Michon-Derkzen", "VVD", "VVD"), ("Paternotte", "D66", "D66"),
    ("Dijk", "SP", "SP"), ("Rajkowski", "VVD", "VVD"), ("El Abassi", "DENK", "DENK"),
    ("Boswijk", "CDA", "CDA"), ("Van Nispen", "SP", "SP"), ("Sneller", "D66", "D66"),
    ("Bontenbal", "CDA", "CDA"), ("Van der Werf", "D66", "D66"), ("Ellian", "VVD", "VVD"),
    ("Kostić", "PvdD", "PVDD"), ("Teunissen", "PvdD", "PVDD"), ("Ceder", "ChristenUnie", "CU"),
]

ORGANISATIONS = [("NCTV", "organisatie:NCTV"), ("RIEC", "organisatie:RIEC"), ("LIEC", "organisatie:LIEC"),
                 ("iCOV", "organisatie:iCOV"), ("NAVO", "organisatie:NAVO"), ("AIVD", "organisatie:AIVD"),
                 ("MIVD", "organisatie:MIVD"), ("politie", "organisatie:politie"), ("OM", "organisatie:OM")]

TOPICS = ["het gebruik van software van Palantir", "de inzet van drones bij de grensbewaking",
          "de wachttijden in de jeugdzorg", "de stikstofdepositie rond Natura 2000-gebieden",
          "cyberaanvallen op gemeenten", "de afhandeling van Woo-verzoeken", "de munitievoorraad",
          "het lerarentekort in het primair onderwijs", "de toeslagenaffaire", "de netcongestie",
          "de huisvesting van statushouders", "het gebruik van gezichtsherkenning door de politie",
          "de aanbesteding van clouddiensten", "de bereikbaarheid van spoedeisende hulp",
          "de verkoop van staatsdeelnemingen", "de brandveiligheid van kazernes"]
PROGRAMMES = ["Raffinaderij", "Regio Deals", "Samen tegen mensenhandel", "Digitale Overheid"]

# law name -> id (ids.md: law names map to their BWB or CELEX id)
LAWS = [("AVG", "CELEX:32016R0679"), ("Algemene verordening gegevensbescherming", "CELEX:32016R0679"),
        ("Woo", "BWBR0045754"), ("Wet open overheid", "BWBR0045754"), ("Wob", "BWBR0005252"),
        ("Awb", "BWBR0005537"), ("Algemene wet bestuursrecht", "BWBR0005537"),
        ("Aanbestedingswet 2012", "BWBR0032203"), ("Wet politiegegevens", "BWBR0022463"),
        # the law lexicon (References/Data/laws.tsv), general title forms (name ids) and EU acts by number
        ("Wet op het financieel toezicht (Wft)", "BWBR0020368"), ("Wft", "BWBR0020368"), ("Zvw", "BWBR0018450"),
        ("Wet langdurige zorg", "BWBR0035917"), ("Wet IB 2001", "BWBR0011353"), ("Vuurwerkbesluit", "BWBR0013360"),
        ("Muntwet 2002", "BWBR0013064"), ("Algemene wet inzake rijksbelastingen", "BWBR0002320"),
        ("Werkloosheidswet (WW)", "BWBR0004045"), ("Besluit prudentiële regels Wft", "BWBR0020420"),
        ("Besluit emissie-eisen stookinstallaties", "law:besluit-emissie-eisen-stookinstallaties"),
        ("Wet natuurbescherming", "law:wet-natuurbescherming"),
        ("Regeling aanwijzing consumentenvuurwerk (RAC)", "law:regeling-aanwijzing-consumentenvuurwerk"),
        ("Verordening (EU) 2016/679", "CELEX:32016R0679"), ("Richtlijn 2014/24/EU", "CELEX:32014L0024")]

# Words that look like law names and are not (the extractor must not report them).
LAW_DECOYS = ["de wet die dat regelt", "Besluitenlijst", "Wetgevingsoverleg", "Regeling van werkzaamheden",
              "een regeling voor de vergoeding", "een Besluit nemen", "Wet is wet"]

ECLI_COURTS = ["HR", "RVS", "RBDHA", "CRVB", "GHAMS", "PHR", "CBB", "RBAMS", "GHDHA"]
ROMAN = ["IV", "VII", "VIII", "X", "XII", "XVI", "IXB"]

FILLER = [
    "De regering hecht groot belang aan een zorgvuldige afweging van alle betrokken belangen.",
    "Ik ben het met de vraagstellers eens dat dit onderwerp blijvende aandacht verdient.",
    "Daarbij wordt nauw samengewerkt met de betrokken uitvoeringsorganisaties en medeoverheden.",
    "Over de voortgang wordt uw Kamer periodiek geïnformeerd in de gebruikelijke voortgangsrapportages.",
    "Het kabinet ziet op dit moment geen aanleiding om het bestaande beleid op dit punt te wijzigen.",
    "De uitvoering ligt bij de verantwoordelijke diensten, die hierover zelfstandig besluiten nemen.",
    "Ik kan niet vooruitlopen op de uitkomsten van het lopende onderzoek.",
    "Om redenen van vertrouwelijkheid kan ik hierover in het openbaar geen nadere mededelingen doen.",
    "Wel kan ik bevestigen dat de betrokken partijen hierover regelmatig overleg voeren.",
    "De gevolgen voor burgers en bedrijven worden nauwgezet gevolgd en waar nodig bijgestuurd.",
    "Deze werkwijze sluit aan bij de afspraken die eerder met de sector zijn gemaakt.",
    "Het is niet mogelijk om binnen de gestelde termijn een volledig beeld te geven.",
    "Ik zal de Kamer informeren zodra daarover meer duidelijkheid bestaat.",
    "De verantwoordelijkheid hiervoor ligt primair bij de organisaties zelf.",
    "Dit vraagt om een zorgvuldige en stapsgewijze aanpak waarin ook de privacy wordt gewaarborgd.",
    "De toezichthouder heeft hierin een eigen, onafhankelijke rol.",
    "Het beeld dat in de berichtgeving wordt geschetst, herken ik niet.",
    "De beschikbare middelen worden ingezet waar zij het meeste effect hebben.",
    "Er zijn mij geen signalen bekend die op het tegendeel wijzen.",
    "Samen met de betrokken ministeries wordt bezien of aanvullende maatregelen nodig zijn.",
    "Een evaluatie van de regeling is voorzien, waarvan de resultaten met uw Kamer worden gedeeld.",
    "In de tussentijd blijven de huidige afspraken onverkort van kracht.",
    "De gegevens worden niet langer bewaard dan noodzakelijk is voor het doel waarvoor zij zijn verzameld.",
    "Hierbij is rekening gehouden met de adviezen van de betrokken adviescolleges.",
    "Ik verwijs u daarnaast graag naar de eerdere beantwoording van vergelijkbare vragen.",
    "Het gaat hier om een complex vraagstuk waarvoor geen eenvoudige oplossingen bestaan.",
    "De signalen uit de praktijk worden serieus genomen en betrokken bij de verdere uitwerking.",
    "Waar mogelijk wordt aangesloten bij bestaande structuren en samenwerkingsverbanden.",
    "De kosten hiervan worden gedekt binnen de bestaande begroting.",
    "Ik acht het van belang dat de uitvoerbaarheid vooraf goed wordt getoetst.",
]
QUESTIONS = [
    "Bent u bekend met het bericht over {t}?",
    "Kunt u aangeven welke organisatieonderdelen betrokken zijn bij {t}?",
    "Welke afspraken zijn er gemaakt over {t}, en wie is daarvoor verantwoordelijk?",
    "Deelt u de mening dat {t} meer aandacht verdient? Zo nee, waarom niet?",
    "Kunt u een overzicht geven van de kosten die gemoeid zijn met {t}?",
    "Welke stappen gaat u zetten om de problemen rond {t} op te lossen?",
    "Kunt u deze vragen afzonderlijk en binnen drie weken beantwoorden?",
]

# --------------------------------------------------------------------------------------------------
# Ids


def slug(text: str) -> str:
    """The slug of ids.md: lower-case ASCII letters and digits, every other run one hyphen."""
    folded = unicodedata.normalize("NFKD", text)
    out, pending = [], False
    for ch in folded:
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
    out = []
    for ch in raw:
        if ch.isspace():
            continue
        out.append(ch if (ch.isascii() and (ch.isalnum() or ch in ".-_:")) else "_")
    return "kenmerk:" + "".join(out)


def person_id(surname: str) -> str:
    return "persoon:" + slug(surname)


def dutch_date(y: int, m: int, d: int) -> tuple[str, str]:
    return f"{d} {MONTHS[m - 1]} {y}", f"{y:04d}-{m:02d}-{d:02d}"


# Document identities: a pure function of the index (see module docstring).
BLOCK = 20
KST_BASE = 31000
KST_SPAN = 4000


def doc_kind(i: int) -> str:
    s, b = i % BLOCK, i // BLOCK
    if s < 5:
        return "kv"
    if s < 10:
        return "ah"
    if s < 13:
        return "letter-txt"
    if s == 13:
        return "letter-docx"
    if s == 14:
        return "letter-odt"
    if s == 19 and b % 25 == 0:
        return "syncfeed"
    return "kst"


def block_year(b: int) -> int:
    return 2016 + b % 10


def zaak_of(i: int) -> str:
    """The zaak number of kv document i (slots 0-4)."""
    b, s = i // BLOCK, i % BLOCK
    return f"{block_year(b)}Z{10000 + (b // 10) * 5 + s:05d}"


def tkdoc_of(i: int) -> str:
    """The Tweede Kamer document number of a kv or ah document."""
    b, s = i // BLOCK, i % BLOCK
    return f"{block_year(b)}D{20000 + (b // 10) * 10 + (s % 10):05d}"


def ah_of(i: int) -> tuple[str, int, int]:
    """(id, vergaderjaar start, number) of ah document i (slots 5-9)."""
    b, s = i // BLOCK, i % BLOCK
    y = block_year(b)
    nr = (b // 10) * 5 + (s - 5) + 1
    return f"ah-tk-{y}{y + 1}-{nr}", y, nr


def kst_of(i: int) -> tuple[str, int, str, str]:
    """(id, dossier, toevoeging, ondernummer) of kst document i (slots 15-19)."""
    b, s = i // BLOCK, i % BLOCK
    dossier = KST_BASE + b % KST_SPAN
    toev = ROMAN[(dossier // 9) % len(ROMAN)] if dossier % 9 == 0 else ""
    ond = str((b // KST_SPAN) * 5 + (s - 15) + 1)
    return (f"kst-{dossier}-{toev}-{ond}" if toev else f"kst-{dossier}-{ond}"), dossier, toev, ond


def letter_ministry(i: int) -> str:
    """A letter answers the questions of document i - 10 for the ministry they were addressed to."""
    return question_context(i - 10)[3]


def kenmerk_of(i: int) -> str:
    """The ministry kenmerk (as written) of letter document i, in its ministry's format."""
    m = letter_ministry(i)
    y = block_year(i // BLOCK) + 1
    n = i * 37 + 1234567
    if m == "DEF":
        return f"MINDEF{y}{n % 10**7:07d}"
    if m == "JENV":
        return f"{(n % 9000000) + 1000000}"
    if m in ("BZK", "FIN", "SZW"):
        return f"{y}-0000{n % 10**6:06d}"
    if m == "VWS":
        return f"{(n % 9000000) + 1000000}-{(n * 3) % 900000 + 1000000}-{'Z' if n % 2 else 'LZ'}"
    if m == "IENW":
        return f"IENW/BSK-{y}/{n % 10**6:06d}"
    if m in ("EZ", "KGG"):
        return f"WJZ/ {n % 10**8:08d}"
    if m == "OCW":
        return f"{n % 90000000 + 10000000}"
    return f"{m}{y}{n % 10**5:05d}"


def own_ids(i: int) -> list[str]:
    k = doc_kind(i)
    if k == "kv":
        return [f"kv-tk-{zaak_of(i)}", zaak_of(i)]
    if k == "ah":
        return [ah_of(i)[0], tkdoc_of(i)]
    if k.startswith("letter"):
        return [kenmerk_id(kenmerk_of(i))]
    if k == "kst":
        return [kst_of(i)[0]]
    return []


# --------------------------------------------------------------------------------------------------
# Content model: a document is paragraphs of pieces.
#   ("t", text)                    plain text
#   ("r", text, kind, [ids])       a reference the extractor must find (ids may be [] for dates)
#   ("d", text)                    a decoy the extractor must not report
#   ("n", [pieces])                a footnote at this mark
#   ("x", docid, [pieces])         KOOP extref around the pieces (txt/docx/odt: just the pieces)


class Doc:
    def __init__(self, i: int, kind: str):
        self.i = i
        self.kind = kind
        self.paras: list[list] = []
        self.meta: dict = {}

    def para(self, *pieces):
        self.paras.append(list(pieces))


def pick_target(rng: random.Random, n: int, want: str) -> int | None:
    """An index < n of a document of kind `want`, or None when the corpus has none."""
    slots = {"kv": range(0, 5), "ah": range(5, 10), "letter": range(10, 15), "kst": range(15, 19)}[want]
    for _ in range(4):
        b = rng.randrange(max(1, (n + BLOCK - 1) // BLOCK))
        j = b * BLOCK + rng.choice(slots)
        if j < n:
            return j
    return None


def vj_text(rng: random.Random, y: int, style: int | None = None) -> str:
    f = rng.randrange(6) if style is None else style
    if f == 0:
        return f"{y}/{(y + 1) % 100:02d}"
    if f == 1:
        return f"{y}-{y + 1}"
    if f == 2:
        return f"{y}–{y + 1}"
    if f == 3:
        return f"{y}/{y + 1}"
    if f == 4 and y < 2010:
        return f"{y % 100:02d}/{(y + 1) % 100:02d}"
    return f"{y}/{(y + 1) % 100:02d}"


def dossier_text(rng: random.Random, d: int) -> str:
    r = rng.random()
    if r < 0.6:
        return f"{d // 1000} {d % 1000:03d}"
    if r < 0.95:
        return str(d)
    return f"{d // 1000}.{d % 1000:03d}"


def kst_id(d: int, toev: str, ond: str) -> str:
    return f"kst-{d}-{toev.upper()}-{ond}" if toev else f"kst-{d}-{ond}"


def ref_kamerstuk(rng: random.Random, n: int):
    """A Kamerstuk citation in one of the notations of reference-formats.md §1.3."""
    j = pick_target(rng, n, "kst") if rng.random() < 0.55 else None
    if j is not None:
        _, d, toev, ond = kst_of(j)
        y = block_year(j // BLOCK)
    else:
        y = rng.randrange(1998, 2026)
        d = rng.choice([rng.randrange(21000, 30999), rng.randrange(35000, 36999), 21501])
        toev = ""
        if d == 21501:
            toev = f"{rng.choice([2, 7, 8, 20, 30, 32]):02d}"
        elif rng.random() < 0.15:
            toev = rng.choice(ROMAN)
        ond = str(rng.randrange(1, 400))
    ds = dossier_text(rng, d)
    tv = ""
    if toev:
        tv = ("-" + toev) if (toev.isdigit() or rng.random() < 0.4) else (" " + toev)
    kamer = rng.choice(["II", "II", "II", "II", "TK", "Tweede Kamer", "2"])
    form = rng.randrange(100)
    vj = vj_text(rng, y)
    if form < 40:
        text = f"Kamerstukken {kamer} {vj}, {ds}{tv}, nr. {ond}"
        ids = [kst_id(d, toev, ond)]
        if rng.random() < 0.2:
            text += rng.choice([", p. 5", ", blz. 19–20", ", pag. 12", ", p. 3-4"])
    elif form < 55:
        text = f"Kamerstuk {ds}{tv}, nr. {ond}"
        ids = [kst_id(d, toev, ond)]
    elif form < 67:
        o2 = str(int(ond) + rng.randrange(1, 30)) if ond.isdigit() else ond
        text = f"Kamerstukken {kamer} {vj}, {ds}{tv}, nrs. {ond} en {o2}"
        ids = [kst_id(d, toev, ond), kst_id(d, toev, o2)]
    elif form < 75 and ond.isdigit():
        a = int(ond)
        text = f"Kamerstukken {kamer} {vj}, {ds}{tv}, nrs. {a}{rng.choice(['–', '-'])}{a + 2}"
        ids = [kst_id(d, toev, str(a + k)) for k in range(3)]
    elif form < 83:
        d2 = rng.randrange(30000, 36999)
        text = f"Kamerstukken {ds}{tv} en {dossier_text(rng, d2)}, nr. {ond}"
        ids = [kst_id(d, toev, ond), kst_id(d2, "", ond)]
    elif form < 88 and not toev:
        r = rng.randrange(1500, 2100)
        rt = rng.choice([f"(R{r})", f"(R {r})"])
        text = f"Kamerstukken {kamer} {vj}, {ds} {rt}, nr. {ond}"
        ids = [kst_id(d, "", ond)]
    elif form < 92 and not toev:
        letter = rng.choice(["A", "B", "C", "E", "G"])
        text = f"Kamerstukken I {vj}, {ds}, nr. {letter}"
        ids = [kst_id(d, "", letter)]
    elif form < 94 and ond.isdigit():
        # The tweedekamer.nl notation: "33043-76", "21501-07-1502", "34775-XVI-129".
        text = f"{d}-{toev}-{ond}" if toev else f"{d}-{ond}"
        ids = [kst_id(d, toev, ond)]
    elif form < 96 and ond.isdigit():
        # A motion numbered in the debate (Handelingen).
        text = f"Zij krijgt nr. {ond} ({d}{'-' + toev if toev else ''})."
        ids = [kst_id(d, toev, ond)]
    elif form < 97 and not toev and ond.isdigit():
        # An Eerste Kamer letter.
        letter = "ABCEG"[int(ond) % 5]
        text = f"Eerste Kamer, {ds}, {letter}"
        ids = [kst_id(d, "", letter)]
    else:
        text = f"Kamerstukken II {vj}, {ds}{tv}, nr. {ond}"
        ids = [kst_id(d, toev, ond)]
    return text, "kamerstuk", ids


def ref_aanhangsel(rng: random.Random, n: int):
    j = pick_target(rng, n, "ah") if rng.random() < 0.55 else None
    if j is not None:
        _, y, nr = ah_of(j)
    else:
        y, nr = rng.randrange(2005, 2026), rng.randrange(1, 3400)
    yy = f"{(y + 1) % 100:02d}"
    form = rng.randrange(6)
    if form == 0:
        text = f"Aanhangsel Handelingen, vergaderjaar {y}{rng.choice(['–', '-'])}{y + 1}, nr. {nr}"
        ids = [f"ah-tk-{y}{y + 1}-{nr}"]
    elif form == 1:
        text = f"Aanhangsel Handelingen II {y}/{yy}, nr. {nr}"
        ids = [f"ah-tk-{y}{y + 1}-{nr}"]
    elif form == 2:
        text = f"Aanhangsel Handelingen TK, {y}/{yy}, nr. {nr}, blz 33"
        ids = [f"ah-tk-{y}{y + 1}-{nr}"]
    elif form == 3:
        n2 = nr + rng.randrange(1, 60)
        text = f"Aanhangsel Handelingen, vergaderjaar {y}–{y + 1}, nrs. {nr} en {n2}"
        ids = [f"ah-tk-{y}{y + 1}-{nr}", f"ah-tk-{y}{y + 1}-{n2}"]
    elif form == 4:
        text = f"Aanhangsel van de Handelingen II {y}/{yy}, nr. {nr}"
        ids = [f"ah-tk-{y}{y + 1}-{nr}"]
    else:
        text = f"Aanhangsel Handelingen II, vergaderjaar {y}-{y + 1}, nr. {nr}"
        ids = [f"ah-tk-{y}{y + 1}-{nr}"]
    return text, "aanhangsel", ids


def ref_handelingen(rng: random.Random, n: int):
    y = rng.randrange(2005, 2026)
    m, item = rng.randrange(1, 110), rng.randrange(1, 40)
    if rng.random() < 0.15:
        text = f"Handelingen I {vj_text(rng, y, 1)}, nr. {m}, item {item}"
        return text, "handelingen", [f"h-ek-{y}{y + 1}-{m}-{item}"]
    text = f"Handelingen II {vj_text(rng, y, rng.choice([0, 1]))}, nr. {m}, item {item}"
    if rng.random() < 0.3:
        text += f", blz. {rng.randrange(1, 80)}"
    return text, "handelingen", [f"h-tk-{y}{y + 1}-{m}-{item}"]


def ref_gazette(rng: random.Random, n: int):
    y = rng.randrange(1995, 2026)
    nr = rng.randrange(1, 60000)
    kind = rng.randrange(10)
    if kind < 4:
        text = f"{rng.choice(['Stb.', 'Stb.', 'Staatsblad'])} {y}, {nr % 700 + 1}"
        if nr % 5 == 0:
            # The year from the law's date: "Wet van 30 maart 1988, Stb. 113".
            month = MONTHS[nr % 12]
            text = f"Wet van {nr % 28 + 1} {month} {y}, Stb. {nr % 700 + 1}"
        return text, "staatsblad", [f"stb-{y}-{nr % 700 + 1}"]
    if kind < 8:
        text = f"{rng.choice(['Stcrt.', 'Stcrt.', 'Staatscourant'])} {y}, {nr}"
        return text, "staatscourant", [f"stcrt-{y}-{nr}"]
    text = f"{rng.choice(['Trb.', 'Tractatenblad'])} {y}, {nr % 300 + 1}"
    return text, "tractatenblad", [f"trb-{y}-{nr % 300 + 1}"]


def ref_ecli(rng: random.Random, n: int):
    y = rng.randrange(2000, 2026)
    if rng.random() < 0.1:
        e = f"ECLI:EU:C:{y}:{rng.randrange(1, 999)}"
    else:
        court = rng.choice(ECLI_COURTS)
        num = (f"{rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ')}{rng.choice('ABCDEFGHIJKLMNOPQRSTUVWXYZ')}"
               f"{rng.randrange(1000, 9999)}") if y < 2013 else str(rng.randrange(1, 9999))
        e = f"ECLI:NL:{court}:{y}:{num}"
    return e, "ecli", [e]


def ref_bwb(rng: random.Random, n: int):
    b = f"BWBR{rng.randrange(1, 50000):07d}"
    f = rng.randrange(3)
    if f == 0:
        return b, "bwb", [b]
    if f == 1:
        return f"https://wetten.overheid.nl/{b}/2024-01-01", "bwb", [b]
    return f"jci1.3:c:{b}&artikel={rng.randrange(1, 40)}", "bwb", [b]


def ref_law(rng: random.Random, n: int):
    name, lid = rng.choice(LAWS)
    return name, "bwb", [lid]


def ref_koop_url(rng: random.Random, n: int):
    r = rng.random()
    if r < 0.4:
        j = pick_target(rng, n, "kst")
        kid = kst_of(j)[0] if j is not None else f"kst-{rng.randrange(30000, 36999)}-{rng.randrange(1, 300)}"
    elif r < 0.7:
        j = pick_target(rng, n, "ah")
        kid = ah_of(j)[0] if j is not None else f"ah-tk-20192020-{rng.randrange(1, 3000)}"
    else:
        kid = f"blg-{rng.randrange(100000, 1300000)}"
    host = rng.choice(["https://zoek.officielebekendmakingen.nl/", "zoek.officielebekendmakingen.nl/"])
    return f"{host}{kid}{rng.choice(['.html', '', '.html'])}", "koop", [kid]


def ref_zaak(rng: random.Random, n: int):
    j = pick_target(rng, n, "kv") if rng.random() < 0.7 else None
    z = zaak_of(j) if j is not None else f"{rng.randrange(2008, 2026)}Z{rng.randrange(10000, 99999):05d}"
    return z, "zaak", [z]


def ref_tkdoc(rng: random.Random, n: int):
    j = pick_target(rng, n, "ah") if rng.random() < 0.5 else None
    d = tkdoc_of(j) if j is not None else f"{rng.randrange(2008, 2026)}D{rng.randrange(10000, 99999):05d}"
    return d, "tkdocument", [d]


def ref_kenmerk(rng: random.Random, n: int):
    j = pick_target(rng, n, "letter") if rng.random() < 0.6 else None
    if j is not None:
        k = kenmerk_of(j)
    else:
        k = rng.choice([f"BS{rng.randrange(2018, 2025)}{rng.randrange(0, 10**6):06d}",
                        f"{rng.randrange(2018, 2026)}-0000{rng.randrange(0, 10**6):06d}",
                        f"{rng.randrange(10**6, 10**7)}-{rng.randrange(10**6, 10**7)}-WJZ",
                        f"IENW/BSK-{rng.randrange(2018, 2026)}/{rng.randrange(10**5, 10**6)}",
                        f"COVZ{rng.randrange(10**6, 10**7)}"])
    return k, "kenmerk", [kenmerk_id(k)]


DOC_REFS = [(ref_kamerstuk, 30), (ref_aanhangsel, 15), (ref_handelingen, 6), (ref_gazette, 11), (ref_ecli, 6),
            (ref_bwb, 3), (ref_law, 6), (ref_koop_url, 3), (ref_zaak, 6), (ref_tkdoc, 3), (ref_kenmerk, 4)]
_REF_FUNCS = [f for f, _ in DOC_REFS]
_REF_WEIGHTS = []
_acc = 0
for _, _w in DOC_REFS:
    _acc += _w
    _REF_WEIGHTS.append(_acc)


def doc_ref_pieces(rng: random.Random, n: int) -> list:
    """A reference in running text as a sentence start, with the words a writer would put around it."""
    f = rng.choices(_REF_FUNCS, cum_weights=_REF_WEIGHTS)[0]
    text, kind, ids = f(rng, n)
    r = ("r", text, kind, ids)
    if kind == "zaak":
        lead = rng.choice(["Zie de vragen met kenmerk ", "Zie ook Kamervragen ", "Dit volgt uit de schriftelijke "
                           "vragen (", "Het betreft zaak "])
        tail = ")" if lead.endswith("(") else ""
        return [("t", lead), r, ("t", tail)]
    if kind == "tkdocument":
        return [("t", "Zie de brief (kenmerk "), r, ("t", ")")]
    if kind == "kenmerk":
        return [("t", "Zie de brief " + rng.choice(["met kenmerk ", "met ons kenmerk ", "kenmerk "])), r]
    if kind == "bwb" and text in dict(LAWS):
        return [("t", rng.choice(["Dit volgt uit de ", "Zie artikel 5 van de ", "Dit valt onder de "])), r]
    if kind == "ecli":
        return [("t", rng.choice(["Zie de uitspraak ", "Zie ", "Vergelijk "])), r]
    if kind == "bwb":
        return [("t", rng.choice(["Zie ", "De regeling is te vinden onder "])), r]
    return [("t", rng.choice(["Zie ", "Zie ook ", "Ik verwijs naar ", "Dit blijkt uit ", "Zoals vermeld in "])), r]


def decoy_pieces(rng: random.Random) -> list:
    r = rng.randrange(9)
    if r == 8:
        return [("t", "Daarnaast noemde zij "), ("d", rng.choice(LAW_DECOYS)), ("t", " als voorbeeld.")]
    if r == 0:
        return [("t", "Het gaat om een bedrag van "), ("d", f"€ {rng.randrange(1, 99)}.{rng.randrange(0, 999):03d}"),
                ("t", " per jaar.")]
    if r == 1:
        return [("t", "Dit speelt sinds "), ("d", str(rng.randrange(1990, 2026))), ("t", ".")]
    if r == 2:
        return [("t", "Zie ook "), ("d", f"pagina {rng.randrange(2, 40)}"), ("t", " van het rapport.")]
    if r == 3:
        return [("t", "Inlichtingen via telefoonnummer "), ("d", f"070 {rng.randrange(300, 399)} {rng.randrange(10, 99)} "
                                                                   f"{rng.randrange(10, 99)}"), ("t", ".")]
    if r == 4:
        return [("t", "Het betreft circa "), ("d", f"{rng.randrange(1, 99)} {rng.randrange(100, 999)}"),
                ("t", " inwoners van de regio.")]
    if r == 5:
        return [("t", "Reacties kunnen worden gestuurd naar "), ("d", f"Postbus {rng.randrange(10000, 99999)}"),
                ("t", ", "), ("d", f"{rng.randrange(1000, 9999)} {rng.choice(['AB', 'ES', 'EH', 'LV', 'KX'])}"),
                ("t", " Den Haag.")]
    if r == 6:
        return [("t", "Dit staat op "), ("d", f"blz. {rng.randrange(2, 300)}"), ("t", " van de nota.")]
    return [("t", "In totaal gaat het om "), ("d", f"{rng.randrange(2, 999)}.{rng.randrange(0, 999):03d}"),
            ("t", " meldingen.")]


def filler(rng: random.Random, k: int) -> str:
    return " ".join(rng.choice(FILLER) for _ in range(k))


def body_paragraph(rng: random.Random, n: int, notes: bool) -> list:
    """One paragraph of running text with about one document reference per 1-2 KB."""
    pieces: list = [("t", filler(rng, rng.randrange(4, 8)) + " ")]
    r = rng.random()
    if r < 0.58:
        refs = doc_ref_pieces(rng, n)
        if notes and rng.random() < 0.35:
            pieces.append(("t", rng.choice(["Ik verwijs naar de eerdere beantwoording",
                                            "Dit is eerder aan uw Kamer gemeld"])))
            # A bare kenmerk needs its label, a law title not in the lexicon its article ("de Wet ...").
            keep = refs[1][2] == "kenmerk" or any(i.startswith("law:") for i in refs[1][3])
            note = refs if keep else refs[1:2]
            pieces.append(("n", note + [("t", ".")]))
            pieces.append(("t", ". "))
        else:
            pieces.extend(refs)
            pieces.append(("t", ". "))
    elif r < 0.68:
        pieces.extend(decoy_pieces(rng))
        pieces.append(("t", " "))
    elif r < 0.76:
        o, oid = rng.choice(ORGANISATIONS)
        pieces.extend([("t", "Daarbij is ook de "), ("r", o, "organisatie", [oid]), ("t", " betrokken. ")])
    elif r < 0.80:
        p = rng.choice(PROGRAMMES)
        pieces.extend([("t", "Dit gebeurt binnen het programma “"), ("r", p, "programma", ["programma:" + slug(p)]),
                       ("t", "”. ")])
    pieces.append(("t", filler(rng, rng.randrange(3, 8))))
    return pieces


def rand_date(rng: random.Random, y: int) -> tuple[int, int, int]:
    return y, rng.randrange(1, 13), rng.randrange(1, 29)


def date_piece(rng: random.Random, y: int, m: int, d: int):
    text, iso = dutch_date(y, m, d)
    return ("r", text, "date", [], iso)


def member_pieces(rng: random.Random, k: int) -> tuple[list, list]:
    """'het lid X (P)' or 'de leden A (P), B (P) en C (P)' or '(allen P)'; returns (pieces, members)."""
    ms = rng.sample(MEMBERS, k)
    if k == 1:
        s, p, pid = ms[0]
        return [("t", "het lid "), ("r", s, "persoon", [person_id(s)]), ("t", " ("),
                ("r", p, "fractie", ["fractie:" + pid]), ("t", ")")], ms
    if rng.random() < 0.25:
        p, pid = ms[0][1], ms[0][2]
        pieces = [("t", "de leden ")]
        for idx, (s, _, _) in enumerate(ms):
            if idx:
                pieces.append(("t", " en " if idx == k - 1 else ", "))
            pieces.append(("r", s, "persoon", [person_id(s)]))
        pieces += [("t", " (allen "), ("r", p, "fractie", ["fractie:" + pid]), ("t", ")")]
        return pieces, [(s, p, pid) for s, _, _ in ms]
    pieces = [("t", "de leden ")]
    for idx, (s, p, pid) in enumerate(ms):
        if idx:
            pieces.append(("t", " en " if idx == k - 1 else ", "))
        pieces += [("r", s, "persoon", [person_id(s)]), ("t", " ("), ("r", p, "fractie", ["fractie:" + pid]),
                   ("t", ")")]
    return pieces, ms


# --------------------------------------------------------------------------------------------------
# Documents


def make_doc(seed: int, i: int, n: int) -> Doc:
    rng = random.Random(seed * 1_000_003 + i)
    kind = doc_kind(i)
    doc = Doc(i, kind)
    if kind == "kv":
        build_questions(doc, rng, n, answer=False)
    elif kind == "ah":
        build_questions(doc, rng, n, answer=True)
    elif kind.startswith("letter"):
        build_letter(doc, rng, n)
    elif kind == "kst":
        build_kamerstuk(doc, rng, n)
    return doc


def question_context(i: int, rng: random.Random | None = None):
    """The shared facts of a kv and its answers: members, ministry, topic, dates."""
    q = i - (i % BLOCK) + (i % 5)  # the kv document of this question set
    qrng = random.Random(q * 7919 + 17)
    k = 1 if qrng.random() < 0.7 else qrng.randrange(2, 4)
    mabbr = MINISTRIES[qrng.randrange(len(MINISTRIES))][0]
    topic = qrng.choice(TOPICS)
    y = block_year(q // BLOCK)
    sent = (y, qrng.randrange(9, 13), qrng.randrange(1, 29))
    recv = (y + 1, qrng.randrange(1, 7), qrng.randrange(1, 29))
    nq = qrng.randrange(3, 8)
    return q, qrng, k, mabbr, topic, sent, recv, nq


def build_questions(doc: Doc, rng: random.Random, n: int, answer: bool) -> None:
    i = doc.i
    q, qrng, k, mabbr, topic, sent, recv, nq = question_context(i, rng)
    mpieces, members = member_pieces(qrng, k)
    mname = MIN_BY_ABBR[mabbr][1]
    official = qrng.choice(OFFICIALS_BY_MIN[mabbr])
    doc.meta.update(zaak=zaak_of(q), topic=topic, ministry=mabbr, members=members, official=official,
                    sent=sent, recv=recv, vj=block_year(i // BLOCK))
    head = ([("t", "Vragen van ")] + mpieces +
            [("t", " aan de "), ("r", f"Minister van {mname}", "ministerie", ["ministerie:" + mabbr]),
             ("t", f" over {topic} (ingezonden "), date_piece(rng, *sent), ("t", ").")])
    doc.meta["head_vraag"] = head
    if answer:
        o_first, o_sur, role, _ = official
        ans = [("t", f"Antwoord van {role.capitalize()} "), ("r", o_sur, "persoon", [person_id(o_sur)]),
               ("t", " ("), ("r", mname, "ministerie", ["ministerie:" + mabbr]), ("t", ") (ontvangen "),
               date_piece(rng, *recv), ("t", ").")]
        if rng.random() < 0.4:
            t, kd, ids = ref_aanhangsel(rng, n)
            ans += [("t", " Zie ook "), ("r", t, kd, ids), ("t", ".")]
        doc.meta["head_antwoord"] = ans
    qas = []
    for qi in range(1, nq + 1):
        qtext = QUESTIONS[(qi - 1) % len(QUESTIONS)].format(t=topic)
        qpieces: list = [("t", qtext)]
        if qrng.random() < 0.4:
            refs = doc_ref_pieces(qrng, n)
            qpieces = [("t", qtext + " "), *refs, ("t", ".")]
        apieces = body_paragraph(rng, n, notes=True) if answer else None
        qas.append((qpieces, apieces))
    doc.meta["qas"] = qas


def build_letter(doc: Doc, rng: random.Random, n: int) -> None:
    i = doc.i
    q = i - 10
    _, qrng, k, qm, topic, sent, recv, nq = question_context(q)
    mpieces, members = member_pieces(qrng, k)
    mabbr = qm
    _, mname, street, postbus, postcode, site = MIN_BY_ABBR[mabbr]
    official = rng.choice(OFFICIALS_BY_MIN[mabbr])
    o_first, o_sur, role, _ = official
    zaak = zaak_of(q)
    ken = kenmerk_of(i)
    dy, dm, dd = recv
    P = doc.para
    P(("t", " \tde Voorzitter van de Tweede Kamer"))
    P(("t", " \tDatum\t"), date_piece(rng, dy, dm, dd))
    P(("t", f" \tBetreft\tBeantwoording vragen over {topic}"))
    P(("t", ""))
    P(("r", f"Ministerie van {mname}", "ministerie", ["ministerie:" + mabbr]))
    P(("d", street))
    P(("d", f"Postbus {postbus}"))
    P(("d", postcode), ("t", " Den Haag"))
    P(("t", f"www.{site}.nl"))
    P(("t", "T "), ("d", f"070 {rng.randrange(300, 399)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}"))
    P(("t", ""))
    P(("t", "Onze referentie"))
    P(("r", ken, "kenmerk", [kenmerk_id(ken)]))
    if rng.random() < 0.6:
        P(("t", "Uw kenmerk"))
        P(("r", zaak, "zaak", [zaak]))
    P(("t", "Bij beantwoording, datum, onze referentie en onderwerp vermelden."))
    P(("t", ""))
    P(("t", "Geachte voorzitter, "))
    intro = [("t", "Hierbij bied ik")]
    if role == "staatssecretaris":
        intro += [("t", ", mede namens de "), ("r", f"Minister van {mname}", "ministerie", ["ministerie:" + mabbr]),
                  ("t", ",")]
    intro += [("t", " de antwoorden aan op de schriftelijke vragen gesteld door ")] + mpieces
    intro += [("t", f" over ‘{topic}’. Deze vragen werden ingezonden op "), date_piece(rng, *sent),
              ("t", " met kenmerk "), ("r", zaak, "zaak", [zaak]), ("t", ".")]
    P(*intro)
    P(("t", "Hoogachtend,"))
    P(("t", f"DE {role.upper()} VAN {mname.upper()}"))
    P(("r", f"{o_first} {o_sur}", "persoon", [person_id(o_sur)]))
    P(("t", ""))
    P(("t", "Kamervragen "), ("r", zaak, "zaak", [zaak]))
    P(("t", "(ingezonden "), date_piece(rng, *sent), ("t", ")"))
    P(*([("t", "Vragen van ")] + mpieces + [("t", " aan de "),
        ("r", f"minister van {MIN_BY_ABBR[qm][1]}", "ministerie", ["ministerie:" + qm]), ("t", f" over {topic}.")]))
    for qi in range(1, nq + 1):
        P(("t", f"{qi}. " + QUESTIONS[(qi - 1) % len(QUESTIONS)].format(t=topic)))
        for _ in range(rng.randrange(1, 3)):
            P(*body_paragraph(rng, n, notes=True))
    doc.meta.update(zaak=zaak, kenmerk=ken, ministry=mabbr, official=official, topic=topic, date=recv)


def build_kamerstuk(doc: Doc, rng: random.Random, n: int) -> None:
    i = doc.i
    kid, dossier, toev, ond = kst_of(i)
    y = block_year(i // BLOCK)
    mabbr = MINISTRIES[(dossier * 5) % len(MINISTRIES)][0]
    mname = MIN_BY_ABBR[mabbr][1]
    official = OFFICIALS_BY_MIN[mabbr][0]
    date = (y, rng.randrange(1, 13), rng.randrange(1, 29))
    title = rng.choice(["Brief van de minister", "Verslag van een schriftelijk overleg", "Motie",
                        "Nota naar aanleiding van het verslag", "Memorie van toelichting"])
    doc.meta.update(id=kid, dossier=dossier, toev=toev, ond=ond, title=title, ministry=mabbr, date=date,
                    dossier_title=f"Vaststelling van de begrotingsstaten ({dossier})", official=official, vj=y)
    P = doc.para
    P(("t", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal"))
    P(("t", "Den Haag, "), date_piece(rng, *date))
    for _ in range(rng.randrange(3, 9)):
        P(*body_paragraph(rng, n, notes=True))
    P(("t", "De "), ("r", f"Minister van {mname}", "ministerie", ["ministerie:" + mabbr]), ("t", ","))
    P(("r", official[1], "persoon", [person_id(official[1])]))


# --------------------------------------------------------------------------------------------------
# Rendering


def xesc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


class Collect:
    """Collects expected references (and, for plain text, their byte spans) while rendering."""

    def __init__(self, track: bool):
        self.track = track
        self.refs: list = []
        self.decoys: list = []
        self.dates: list = []

    def ref(self, piece, start=None, end=None):
        _, text, kind, ids = piece[:4]
        if kind == "date":
            self.dates.append(piece[4])
        entry = {"kind": kind, "ids": ids, "text": text}
        if kind == "date":
            entry["iso"] = piece[4]
        if start is not None:
            entry["start"], entry["end"] = start, end
        self.refs.append(entry)

    def decoy(self, text, start=None, end=None):
        entry = {"text": text}
        if start is not None:
            entry["start"], entry["end"] = start, end
        self.decoys.append(entry)


class TextOut:
    """Plain text with the docx-export footnote markers; tracks UTF-8 byte offsets."""

    def __init__(self, col: Collect, base: int = 0):
        self.parts: list[str] = []
        self.pos = base
        self.col = col
        self.fn = 0

    def w(self, s: str):
        self.parts.append(s)
        self.pos += len(s.encode("utf-8")) if not s.isascii() else len(s)

    def pieces(self, pieces, notes: list):
        for p in pieces:
            t = p[0]
            if t == "t":
                self.w(p[1])
            elif t == "r":
                s = self.pos
                self.w(p[1])
                self.col.ref(p, s, self.pos)
            elif t == "d":
                s = self.pos
                self.w(p[1])
                self.col.decoy(p[1], s, self.pos)
            elif t == "n":
                self.fn += 1
                self.w(f"[footnoteRef:{self.fn}]")
                notes.append((self.fn, p[1]))
            elif t == "x":
                self.pieces(p[2], notes)

    def para(self, pieces):
        notes: list = []
        self.pieces(pieces, notes)
        for num, np in notes:
            self.w(f" [{num}:  ")
            self.pieces(np, [])
            self.w("] ")
        self.w("\n")

    def text(self) -> str:
        return "".join(self.parts)


def plain_paragraphs(doc: Doc) -> list[list]:
    """The paragraphs of any document as they read in plain text."""
    if doc.kind in ("kv", "ah"):
        m = doc.meta
        paras = [[("t", f"Vergaderjaar {m['vj']}–{m['vj'] + 1}")], m["head_vraag"]]
        if doc.kind == "ah":
            paras.append(m["head_antwoord"])
        for qi, (qp, ap) in enumerate(m["qas"], 1):
            paras.append([("t", f"Vraag {qi}")])
            paras.append(qp)
            if ap is not None:
                paras.append([("t", f"Antwoord {qi}")])
                paras.append(ap)
        return paras
    return doc.paras


def render_text(doc: Doc, col: Collect, base: int = 0) -> str:
    out = TextOut(col, base)
    for p in plain_paragraphs(doc):
        out.para(p)
        if doc.kind.startswith("letter") and not p:
            pass
    return out.text()


def koop_inline(pieces, col: Collect, state: dict) -> str:
    out = []
    for p in pieces:
        t = p[0]
        if t == "t":
            out.append(xesc(p[1]))
        elif t == "r":
            col.ref(p)
            if p[2] in ("kamerstuk", "aanhangsel") and len(p[3]) == 1 and state["rng"].random() < 0.25:
                out.append(f'<extref doc="{p[3][0]}" soort="document">{xesc(p[1])}</extref>')
            elif p[2] == "date":
                out.append(f'<datum isodatum="{p[4]}">{xesc(p[1])}</datum>')
            else:
                out.append(xesc(p[1]))
        elif t == "d":
            col.decoy(p[1])
            out.append(xesc(p[1]))
        elif t == "n":
            state["fn"] += 1
            k = state["fn"]
            out.append(f'<noot id="n{k}" type="voet"><noot.nr>{k}</noot.nr><noot.al>'
                       f'{koop_inline(p[1], col, state)}</noot.al></noot>')
    return "".join(out)


KOOP_HEAD = ('\ufeff<?xml version="1.0" encoding="utf-8"?>\r\n<officiele-publicatie xmlns:xsi="http://www.w3.org/2001/'
             'XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://technische-documentatie.oep.overheid.nl/'
             'schema/op-xsd-2012-2">\r\n  <metadata>\r\n    <meta name="OVERHEIDop.externMetadataRecord" scheme="" '
             'content="https://zoek.officielebekendmakingen.nl/{id}/metadata.xml" />\r\n  </metadata>\r\n')


def render_koop_questions(doc: Doc, col: Collect, rng: random.Random) -> tuple[str, str, str]:
    m = doc.meta
    st = {"fn": 0, "rng": rng}
    if doc.kind == "ah":
        kid, vy, nr = ah_of(doc.i)
    else:
        kid, vy, nr = f"kv-tk-{m['zaak']}", m["vj"], None
    L = [KOOP_HEAD.replace("{id}", kid), "  <kamervragen>\r\n    <kamervraagkop>\r\n",
         f'      <tekstregel inhoud="vergaderjaar">Vergaderjaar {vy}–{vy + 1}</tekstregel>\r\n',
         "    </kamervraagkop>\r\n"]
    if nr is not None:
        L.append(f"    <kamervraagnummer>{nr}</kamervraagnummer>\r\n")
    L.append(f'    <kamervraagomschrijving type="vraag">{koop_inline(m["head_vraag"], col, st)}'
             f"</kamervraagomschrijving>\r\n")
    if doc.kind == "ah":
        L.append(f'    <kamervraagomschrijving type="antwoord">{koop_inline(m["head_antwoord"], col, st)}'
                 f"</kamervraagomschrijving>\r\n")
    for qi, (qp, ap) in enumerate(m["qas"], 1):
        L.append(f"    <vraag>\r\n      <nr>Vraag {qi}</nr>\r\n      <al>{koop_inline(qp, col, st)}</al>\r\n"
                 f"    </vraag>\r\n")
        if ap is not None:
            L.append(f"    <antwoord>\r\n      <nr>Antwoord {qi}</nr>\r\n      <al>{koop_inline(ap, col, st)}"
                     f"</al>\r\n    </antwoord>\r\n")
    L.append("  </kamervragen>\r\n</officiele-publicatie>")
    sy, sm, sd = m["sent"]
    ry, rm, rd = m["recv"]
    members = m["members"]
    md = [("DC.identifier", "", kid), ("DC.type", "OVERHEID.Informatietype", "officiële publicatie"),
          ("DC.type", "OVERHEIDop.Parlementair", "Aanhangsel van de Handelingen" if doc.kind == "ah"
           else "Kamervragen zonder antwoord"),
          ("DC.title", "", f"Vragen van {members[0][0]} over {m['topic']}"),
          ("DC.creator", "OVERHEID.StatenGeneraal", "Tweede Kamer der Staten-Generaal"),
          ("OVERHEIDop.vergaderjaar", "", f"{vy}-{vy + 1}"), ("OVERHEIDop.vraagnummer", "", m["zaak"])]
    if nr is not None:
        md.append(("OVERHEIDop.aanhangselNummer", "", str(nr)))
    for s, _, _ in members:
        md.append(("OVERHEIDop.indiener", "", s))
    md.append(("OVERHEIDop.ontvanger", "", m["official"][1]))
    md.append(("OVERHEIDop.datumIndiening", "DCTERMS.W3CDTF", f"{sy:04d}-{sm:02d}-{sd:02d}"))
    if doc.kind == "ah":
        md.append(("OVERHEIDop.datumOntvangst", "DCTERMS.W3CDTF", f"{ry:04d}-{rm:02d}-{rd:02d}"))
    return "".join(L), metadata_xml(md), kid


def render_koop_kamerstuk(doc: Doc, col: Collect, rng: random.Random) -> tuple[str, str, str]:
    m = doc.meta
    st = {"fn": 0, "rng": rng}
    kid = m["id"]
    dnr = f"{m['dossier'] // 1000} {m['dossier'] % 1000:03d}" + (f" {m['toev']}" if m["toev"] else "")
    y, mo, d = m["date"]
    L = [KOOP_HEAD.replace("{id}", kid), "  <kamerstuk>\r\n    <kamerstukkop>\r\n",
         f'      <tekstregel inhoud="vergaderjaar">Tweede Kamer der Staten-Generaal</tekstregel>\r\n',
         "    </kamerstukkop>\r\n    <dossier>\r\n      <dossiernummer>\r\n",
         f"        <dossiernr>{dnr}</dossiernr>\r\n      </dossiernummer>\r\n",
         f"      <titel>{xesc(m['dossier_title'])}</titel>\r\n    </dossier>\r\n    <stuk>\r\n",
         f'      <stuknr>\r\n        <ondernummer kamer="2">Nr. {m["ond"]}</ondernummer>\r\n      </stuknr>\r\n',
         f"      <titel>{xesc(m['title'])}</titel>\r\n",
         "      <algemeen>\r\n        <vrije-tekst>\r\n          <tekst>\r\n"]
    for p in doc.paras:
        L.append(f"            <al>{koop_inline(p, col, st)}</al>\r\n")
    L.append("          </tekst>\r\n        </vrije-tekst>\r\n      </algemeen>\r\n    </stuk>\r\n  </kamerstuk>\r\n"
             "</officiele-publicatie>")
    md = [("DC.identifier", "", kid), ("DC.type", "OVERHEID.Informatietype", "officiële publicatie"),
          ("DC.type", "OVERHEIDop.Parlementair", "Kamerstuk"), ("DC.title", "", m["title"]),
          ("DC.creator", "OVERHEID.StatenGeneraal", "Tweede Kamer der Staten-Generaal"),
          ("OVERHEIDop.vergaderjaar", "", f"{m['vj']}-{m['vj'] + 1}"),
          ("OVERHEIDop.dossiernummer", "", str(m["dossier"]) + (f"-{m['toev']}" if m["toev"] else "")),
          ("OVERHEIDop.ondernummer", "", m["ond"]), ("OVERHEIDop.indiener", "", m["official"][1]),
          ("OVERHEIDop.datumBrief", "DCTERMS.W3CDTF", f"{y:04d}-{mo:02d}-{d:02d}")]
    return "".join(L), metadata_xml(md), kid


def metadata_xml(rows) -> str:
    out = ["<metadata_gegevens>\r\n"]
    for name, scheme, content in rows:
        out.append(f'  <metadata name="{name}" scheme="{scheme}" content="{xesc(content)}" />\r\n')
    out.append("</metadata_gegevens>")
    return "".join(out)


ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def zip_bytes(entries: list[tuple[str, str, bool]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, stored in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            z.writestr(info, data.encode("utf-8"))
    return buf.getvalue()


W_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')


def docx_runs(pieces, col: Collect, notes: list, rng: random.Random) -> str:
    out = []

    def run(s: str):
        if not s:
            return
        parts = s.split("\t")
        for k, part in enumerate(parts):
            if k:
                out.append("<w:r><w:tab/></w:r>")
            if part:
                out.append(f'<w:r><w:t xml:space="preserve">{xesc(part)}</w:t></w:r>')

    for p in pieces:
        t = p[0]
        if t == "t":
            run(p[1])
        elif t == "r":
            col.ref(p)
            s = p[1]
            if len(s) > 8 and rng.random() < 0.3:  # Word splits runs inside words
                cut = rng.randrange(2, len(s) - 2)
                run(s[:cut])
                run(s[cut:])
            else:
                run(s)
        elif t == "d":
            col.decoy(p[1])
            run(p[1])
        elif t == "n":
            fid = len(notes) + 1
            notes.append((fid, p[1]))
            out.append(f'<w:r><w:rPr><w:rStyle w:val="Voetnootmarkering"/></w:rPr>'
                       f'<w:footnoteReference w:id="{fid}"/></w:r>')
    return "".join(out)


def render_docx(doc: Doc, col: Collect, rng: random.Random) -> bytes:
    notes: list = []
    body = []
    for p in doc.paras:
        body.append(f"<w:p>{docx_runs(p, col, notes, rng)}</w:p>" if p else "<w:p/>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W_NS}><w:body>'
                + "".join(body) + "</w:body></w:document>")
    fn = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {W_NS}>'
          '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
          '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
          '</w:footnote>']
    for fid, np in notes:
        fn.append(f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:pStyle w:val="Voetnoottekst"/></w:pPr><w:r><w:rPr>'
                  f'<w:rStyle w:val="Voetnootmarkering"/></w:rPr><w:footnoteRef/></w:r>'
                  f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{docx_runs(np, col, [], rng)}</w:p></w:footnote>')
    fn.append("</w:footnotes>")
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
          'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
          'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"'
          '/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/'
          'vnd.openxmlformats-package.core-properties+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
            '.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2"'
            ' Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
            'Target="docProps/core.xml"/></Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
             'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
             'openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>')
    y, mo, d = doc.meta["date"]
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.'
            'openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>Beantwoording vragen over {xesc(doc.meta["topic"])}</dc:title>'
            f'<dc:creator>Ministerie van {xesc(MIN_BY_ABBR[doc.meta["ministry"]][1])}</dc:creator>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{y:04d}-{mo:02d}-{d:02d}T09:00:00Z</dcterms:created>'
            '</cp:coreProperties>')
    return zip_bytes([("[Content_Types].xml", ct, False), ("_rels/.rels", rels, False),
                      ("word/document.xml", document, False), ("word/_rels/document.xml.rels", drels, False),
                      ("word/footnotes.xml", "".join(fn), False), ("docProps/core.xml", core, False)])


def odt_inline(pieces, col: Collect, state: dict) -> str:
    out = []
    for p in pieces:
        t = p[0]
        if t == "t":
            out.append(xesc(p[1]).replace("\t", "<text:tab/>"))
        elif t == "r":
            col.ref(p)
            out.append(xesc(p[1]))
        elif t == "d":
            col.decoy(p[1])
            out.append(xesc(p[1]))
        elif t == "n":
            state["fn"] += 1
            k = state["fn"]
            out.append(f'<text:note text:id="ftn{k}" text:note-class="footnote"><text:note-citation>{k}'
                       f'</text:note-citation><text:note-body><text:p text:style-name="Footnote">'
                       f'{odt_inline(p[1], col, state)}</text:p></text:note-body></text:note>')
    return "".join(out)


def render_odt(doc: Doc, col: Collect) -> bytes:
    st = {"fn": 0}
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"')
    paras = "".join(f"<text:p>{odt_inline(p, col, st)}</text:p>" if p else "<text:p/>" for p in doc.paras)
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ns} office:version="1.3">'
               f"<office:body><office:text>{paras}</office:text></office:body></office:document-content>")
    y, mo, d = doc.meta["date"]
    meta = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {ns} office:version="1.3"><office:meta>'
            f'<dc:title>Beantwoording vragen over {xesc(doc.meta["topic"])}</dc:title>'
            f'<meta:creation-date>{y:04d}-{mo:02d}-{d:02d}T09:00:00</meta:creation-date>'
            f"</office:meta></office:document-meta>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-'
                'path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" '
                'manifest:media-type="text/xml"/></manifest:manifest>')
    return zip_bytes([("mimetype", "application/vnd.oasis.opendocument.text", True),
                      ("META-INF/manifest.xml", manifest, False), ("content.xml", content, False),
                      ("meta.xml", meta, False)])


def uuid_of(seed: int, *parts) -> str:
    h = random.Random(f"{seed}:" + ":".join(map(str, parts))).getrandbits(128)
    s = f"{h:032x}"
    return f"{s[:8]}-{s[8:12]}-4{s[13:16]}-a{s[17:20]}-{s[20:32]}"


def render_syncfeed(seed: int, i: int, n: int, col: Collect) -> str:
    """A SyncFeed page with the Zaak, ZaakActor, Document and DocumentVersie of the block's questions."""
    b = i // BLOCK
    ns = ('xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')
    base = "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0"
    tok = 25610000 + b * 100
    y = block_year(b)
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n',
           "  <title>Gegevensmagazijn SyncFeed</title>\n", f"  <id>{base}/Feed?skiptoken={tok}</id>\n",
           f"  <updated>{y + 1}-01-15T10:00:00.000Z</updated>\n",
           "  <author>\n    <name>Tweede Kamer der Staten-Generaal</name>\n  </author>\n",
           f'  <link rel="self" href="{base}/Feed?skiptoken={tok}" />\n',
           f'  <link rel="next" href="{base}/Feed?skiptoken={tok + 40}" />\n']
    k = 0

    def entry(cat: str, gid: str, body: str):
        nonlocal k
        k += 1
        out.append(f"  <entry>\n    <title>{gid}</title>\n    <id>{base}/Entiteiten/{gid}</id>\n"
                   f"    <updated>{y + 1}-01-15T10:00:{k:02d}.000Z</updated>\n    <category term=\"{cat}\" />\n"
                   f'    <link rel="next" href="{base}/Feed?skiptoken={tok + k}" />\n'
                   f'    <content type="application/xml">\n{body}    </content>\n  </entry>\n')

    for s in range(5):
        q, a = b * BLOCK + s, b * BLOCK + 5 + s
        if a >= n:
            break
        zaak, (ahid, ay, anr), dnum = zaak_of(q), ah_of(a), tkdoc_of(a)
        for idx, (kd, ids) in enumerate([("zaak", [zaak]), ("tkdocument", [dnum]), ("aanhangsel", [ahid])]):
            col.refs.append({"kind": kd, "ids": ids, "text": ids[0]})
        zg, ag, dg, vg = (uuid_of(seed, i, s, t) for t in ("z", "a", "d", "v"))
        stamp = f'tk:bijgewerkt="{y + 1}-01-15T11:00:{s:02d}.0000000" tk:verwijderd="false"'
        _, qrng, kk, mabbr, topic, sent, recv, _ = question_context(q)
        member = member_pieces(qrng, kk)[1][0]
        entry("Zaak", zg, f'      <zaak {ns} id="{zg}" {stamp}>\n        <nummer>{zaak}</nummer>\n'
                          f"        <soort>Schriftelijke vragen</soort>\n        <onderwerp>Vragen over "
                          f"{xesc(topic)}</onderwerp>\n        <gestartOp>{sent[0]:04d}-{sent[1]:02d}-{sent[2]:02d}"
                          f"T00:00:00</gestartOp>\n        <vergaderjaar>{y}-{y + 1}</vergaderjaar>\n      </zaak>\n")
        entry("ZaakActor", ag, f'      <zaakActor {ns} id="{ag}" {stamp}>\n        <zaak ref="{zg}" />\n'
                               f"        <actorNaam>{xesc(member[0])}</actorNaam>\n        <actorFractie>{member[2]}"
                               f"</actorFractie>\n        <functie>Tweede Kamerlid</functie>\n"
                               f"        <relatie>Indiener</relatie>\n      </zaakActor>\n")
        entry("Document", dg, f'      <document {ns} id="{dg}" {stamp}>\n        <huidigeDocumentVersie ref="{vg}" />\n'
                              f'        <zaak ref="{zg}" />\n        <soort>Antwoord schriftelijke vragen</soort>\n'
                              f"        <documentNummer>{dnum}</documentNummer>\n        <datum>{recv[0]:04d}-"
                              f"{recv[1]:02d}-{recv[2]:02d}T00:00:00</datum>\n        <vergaderjaar>{ay}-{ay + 1}"
                              f"</vergaderjaar>\n        <aanhangselnummer>{ay % 100:02d}{(ay + 1) % 100:02d}"
                              f"{anr:05d}</aanhangselnummer>\n      </document>\n")
        entry("DocumentVersie", vg, f'      <documentVersie {ns} id="{vg}" {stamp}>\n        <document ref="{dg}" />\n'
                                    f"        <externeidentifier>{ahid}</externeidentifier>\n"
                                    f"      </documentVersie>\n")
    out.append("</feed>\n")
    return "".join(out)


# --------------------------------------------------------------------------------------------------
# Corpus mode


def subdir(i: int) -> str:
    return f"{i // 1000:03d}"


def write_doc(args) -> list[str]:
    """Writes documents [lo, hi) and returns their manifest lines (in order)."""
    seed, lo, hi, n, out = args
    lines = []
    made = set()
    for i in range(lo, hi):
        kind = doc_kind(i)
        d = os.path.join(out, subdir(i))
        if d not in made:
            os.makedirs(d, exist_ok=True)
            made.add(d)
        col = Collect(track=kind == "letter-txt")
        rng = random.Random(seed * 7_000_003 + i)
        files = []
        if kind == "syncfeed":
            name = f"tk-syncfeed-{i // BLOCK:06d}.xml"
            data = render_syncfeed(seed, i, n, col).encode("utf-8")
            files.append((name, data))
            fmt = "tk-syncfeed"
        else:
            doc = make_doc(seed, i, n)
            if kind in ("kv", "ah"):
                xml, meta, kid = render_koop_questions(doc, col, rng)
                files += [(f"{kid}.xml", xml.encode("utf-8")), (f"{kid}.metadata.xml", meta.encode("utf-8"))]
                fmt = "koop-xml"
            elif kind == "kst":
                xml, meta, kid = render_koop_kamerstuk(doc, col, rng)
                files += [(f"{kid}.xml", xml.encode("utf-8")), (f"{kid}.metadata.xml", meta.encode("utf-8"))]
                fmt = "koop-xml"
            else:
                stem = f"{slug(MIN_BY_ABBR[doc.meta['ministry']][1])}-antwoord-{doc.meta['zaak']}"
                if kind == "letter-txt":
                    files.append((stem + ".txt", render_text(doc, col).encode("utf-8")))
                    fmt = "txt"
                elif kind == "letter-docx":
                    files.append((stem + ".docx", render_docx(doc, col, rng)))
                    fmt = "docx"
                else:
                    files.append((stem + ".odt", render_odt(doc, col)))
                    fmt = "odt"
        size = 0
        for name, data in files:
            with open(os.path.join(d, name), "wb") as fh:
                fh.write(data)
            size += len(data)
        ids = own_ids(i)
        cited = sorted({x for r in col.refs for x in r["ids"]} - set(ids))
        entry = {"index": i, "file": f"{subdir(i)}/{files[0][0]}", "format": fmt, "kind": kind, "bytes": size,
                 "own_ids": ids, "expected_ids": cited,
                 "refs": [{k: v for k, v in r.items() if k in ("kind", "ids", "text", "start", "end", "iso")}
                          for r in col.refs],
                 "decoys": col.decoys}
        if len(files) > 1:
            entry["metadata_file"] = f"{subdir(i)}/{files[1][0]}"
        if kind in ("ah", "letter-txt", "letter-docx", "letter-odt"):
            q = i - 5 if kind == "ah" else i - 10
            entry["answers"] = zaak_of(q)
        lines.append(json.dumps(entry, ensure_ascii=False, sort_keys=True))
    return lines


def cmd_corpus(a) -> None:
    n, out = a.docs, a.out
    if not 10 <= n <= 200_000:
        sys.exit("generate_corpus.py: --docs must be between 10 and 200,000")
    os.makedirs(out, exist_ok=True)
    chunk = 500
    tasks = [(a.seed, lo, min(n, lo + chunk), n, out) for lo in range(0, n, chunk)]
    manifest = a.manifest or out.rstrip("/") + ".manifest.jsonl"
    with open(manifest, "w", encoding="utf-8") as mf:
        if a.jobs > 1 and len(tasks) > 1:
            with Pool(a.jobs) as pool:
                for lines in pool.imap(write_doc, tasks):
                    mf.write("\n".join(lines) + "\n")
        else:
            for t in tasks:
                mf.write("\n".join(write_doc(t)) + "\n")


# --------------------------------------------------------------------------------------------------
# Text mode


def cmd_text(a) -> None:
    target = int(a.mb * 1_000_000)
    manifest = a.manifest or a.out + ".manifest.jsonl"
    virtual_n = 200_000
    pos = 0
    i = 0
    with open(a.out, "wb") as fh, open(manifest, "w", encoding="utf-8") as mf:
        while pos < target:
            kind = doc_kind(i % virtual_n)
            if kind == "syncfeed":
                i += 1
                continue
            doc = make_doc(a.seed, i % virtual_n, virtual_n)
            col = Collect(track=True)
            text = render_text(doc, col, base=pos) + "\n"
            data = text.encode("utf-8")
            fh.write(data)
            for r in col.refs:
                r["doc"] = i
                mf.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
            for dcy in col.decoys:
                dcy["doc"] = i
                dcy["decoy"] = True
                mf.write(json.dumps(dcy, ensure_ascii=False, sort_keys=True) + "\n")
            mf.write(json.dumps({"doc": i, "doc_start": pos, "doc_end": pos + len(data)}) + "\n")
            pos += len(data)
            i += 1


# --------------------------------------------------------------------------------------------------
# Graph mode


def cmd_graph(a) -> None:
    rng = random.Random(a.seed)
    m = a.edges
    nodes = max(10, m // 8)
    rels = ["cites", "answers", "mentions", "asked-by", "see-also"]
    node_list = [{"id": f"n{k}", "label": f"Document {k} “citaat” & <ref>", "kind": "kamerstuk",
                  "year": 2016 + k % 10} for k in range(nodes)]
    links, seen = [], set()
    while len(links) < m:
        s, t = rng.randrange(nodes), int(rng.paretovariate(1.2)) % nodes
        r = rng.choice(rels)
        if s == t or (s, t, r) in seen:
            continue
        seen.add((s, t, r))
        links.append({"source": f"n{s}", "target": f"n{t}", "key": r, "relation": r, "weight": 1 + rng.randrange(3)})
    g = {"directed": True, "multigraph": True, "graph": {}, "nodes": node_list, "links": links}
    with open(a.out, "w", encoding="utf-8") as fh:
        json.dump(g, fh, ensure_ascii=False)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="mode", required=True)
    c = sub.add_parser("corpus", help="a corpus of N documents")
    c.add_argument("--docs", type=int, required=True)
    c.add_argument("--out", required=True)
    c.add_argument("--manifest")
    c.add_argument("--seed", type=int, default=2025)
    c.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    t = sub.add_parser("text", help="one big plain-text file")
    t.add_argument("--mb", type=float, default=50)
    t.add_argument("--out", required=True)
    t.add_argument("--manifest")
    t.add_argument("--seed", type=int, default=2025)
    g = sub.add_parser("graph", help="a random node-link graph")
    g.add_argument("--edges", type=int, default=1_000_000)
    g.add_argument("--out", required=True)
    g.add_argument("--seed", type=int, default=2025)
    a = ap.parse_args(argv)
    {"corpus": cmd_corpus, "text": cmd_text, "graph": cmd_graph}[a.mode](a)


if __name__ == "__main__":
    main()
