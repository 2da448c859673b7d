#!/usr/bin/env python3
"""Regenerates the seed corpora in Tests/Fuzz/seeds/ from the repository's fixtures.

extract: one file per row of Tests/Fixtures/citations/{cases,skipped}.tsv (the text column,
unescaped), every 500th line of the ECLI lists, and the plain-text letters of corpus/palantir/.
Reader targets: read (every format), read-xml (KOOP XML, metadata.xml, Tweede Kamer XML),
read-zip (.docx, .odt), read-html, read-text get the matching files of corpus/palantir/ and
Tests/Fixtures/koop/ plus small generated files (an .odt, .docx with footnotes, HTML pages, text in
UTF-16 and Windows-1252, a zip with ../ names) that cover what the corpus does not.
Run from anywhere: python3 Tests/Fuzz/make-seeds.py
"""
import io, os, shutil, sys, zipfile

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


def zip_bytes(entries):
    """A deterministic zip (fixed dates) of (name, text) pairs."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in entries:
            info = zipfile.ZipInfo(name, date_time=(2025, 10, 31, 12, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, text)
    return buf.getvalue()


ODT = zip_bytes([
    ("mimetype", "application/vnd.oasis.opendocument.text"),
    ("content.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
     'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
     'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
     'xmlns:xlink="http://www.w3.org/1999/xlink"><office:body><office:text>'
     '<text:p>Zie Kamerstukken II 2024/25, 36 600 X, nr. 12<text:note text:id="ftn1" text:note-class="footnote">'
     '<text:note-citation>1</text:note-citation><text:note-body><text:p>Aanhangsel Handelingen II 2024/25, nr. 2790'
     '</text:p></text:note-body></text:note>.</text:p><text:p><text:a xlink:href="https://zoek.officielebekendmakingen.nl/'
     'kst-36600-X-12.html">kst-36600-X-12</text:a></text:p></office:text></office:body></office:document-content>'),
    ("meta.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-meta '
     'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
     '<office:meta><dc:title>Antwoord</dc:title><dc:date>2025-10-31T12:00:00</dc:date></office:meta>'
     '</office:document-meta>'),
])

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DOCX_NOTES = zip_bytes([
    ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
     'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    ("word/document.xml", '<?xml version="1.0"?><w:document %s><w:body><w:p><w:r><w:t>Onze referentie BS2025012345'
     '</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Zie Stb. 2024, 12</w:t></w:r><w:r><w:footnoteReference '
     'w:id="1"/></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p></w:body></w:document>' % W),
    ("word/footnotes.xml", '<?xml version="1.0"?><w:footnotes %s><w:footnote w:id="1"><w:p><w:r><w:t>'
     'ECLI:NL:HR:2013:BZ1983</w:t></w:r></w:p></w:footnote></w:footnotes>' % W),
    ("word/endnotes.xml", '<?xml version="1.0"?><w:endnotes %s><w:endnote w:id="1"><w:p><w:r><w:t>'
     'Kamerstukken II 2024/25, 36 600 X, nr. 12</w:t></w:r></w:p></w:endnote></w:endnotes>' % W),
    ("docProps/core.xml", '<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
     'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Brief</dc:title>'
     '</cp:coreProperties>'),
])

UNSAFE_ZIP = zip_bytes([("../word/document.xml", "<w:document/>"), ("word/document.xml", "<w:document/>")])

HTML = ('<!DOCTYPE html><html><head><title>Kamerstuk 36600 X, nr. 12</title><meta name="DC.identifier" '
        'content="kst-36600-X-12"></head><body><h1>Brief</h1><p>Zie <a href="https://zoek.officielebekendmakingen.nl/'
        'kst-36600-X-12.html">Kamerstukken II 2024/25, 36 600 X, nr. 12</a> en <a href="/ah-tk-20252026-313.html">'
        'het antwoord</a>.</p><pre>ECLI:NL:HR:2013:BZ1983</pre><script>var x = "<p>";</script></body></html>')
HTML_BROKEN = '<html><body><p>Stcrt. 2024, 33625<a href="kst-1-2">open <b>tags <i>never closed<table><tr><td>1'

TEXT = ("Onze referentie\tBS2025012345\nDatum\t31 oktober 2025\nBetreft\tAntwoord Kamervragen 2025Z14549\n\n"
        "Zie Kamerstukken II 2024/25, 36 600 X, nr. 12.[footnoteRef:1]\n\n[1: Aanhangsel Handelingen II 2024/25, "
        "nr. 2790]\n")


def reader_seeds():
    palantir = "corpus/palantir/"
    xml = [palantir + "ah-tk-20252026-313.xml", palantir + "ah-tk-20252026-313.metadata.xml",
           palantir + "tk-syncfeed-2025Z15452.xml"]
    xml += ["Tests/Fixtures/koop/" + f for f in sorted(os.listdir(os.path.join(ROOT, "Tests/Fixtures/koop")))]
    xml += ["Tests/Fixtures/documents/ECLI.NL.HR.1995.AA3097.xml"]
    docx = palantir + "defensie-antwoord-2025Z14549.docx"
    txt = palantir + "defensie-antwoord-2025Z14549.txt"
    made = {"odt-footnote-link.odt": ODT, "docx-footnote-endnote.docx": DOCX_NOTES,
            "zip-dotdot-name.docx": UNSAFE_ZIP}
    made["docx-without-document.docx"] = zip_bytes([("[Content_Types].xml", "<Types/>"), ("word/styles.xml", "<x/>")])
    made["odt-without-mimetype.odt"] = zip_bytes([("content.xml", '<office:document-content xmlns:office="urn:oasis:'
                                                   'names:tc:opendocument:xmlns:office:1.0"><office:body/>'
                                                   '</office:document-content>')])
    html = {"page.html": HTML, "broken.html": HTML_BROKEN,
            "entities.html": "<html><body><p>Kamerstukken&nbsp;II 2024/25, 36&#160;600&nbsp;X, nr.&#x20;12 &amp; "
                             "&unknown; &#0; &#xD800;</p></body></html>",
            "cp1252-meta.html": b'<html><head><meta charset="windows-1252"></head><body><p>\x93Stb.\x94 2024, 12 '
                                b'caf\xe9</p></body></html>',
            "xhtml.html": '<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head>'
                          '<title>t</title></head><body><div><a href="https://wetten.overheid.nl/BWBR0005416">'
                          'Gemeentewet</a></div></body></html>'}
    text = {"letterhead.txt": TEXT.encode("utf-8"), "utf16le-bom.txt": b"\xff\xfe" + TEXT.encode("utf-16-le"),
            "utf16be-bom.txt": b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf16le-nobom.txt": TEXT.encode("utf-16-le"),
            "cp1252.txt": ("Caf\u00e9 \u201cnota\u201d " + TEXT).encode("cp1252"),
            "invalid-utf8-middle.txt": TEXT.encode("utf-8")[:40] + b"\xc3\x28\xff" + TEXT.encode("utf-8")[40:],
            "nul-bytes.txt": TEXT.encode("utf-8").replace(b" ", b"\x00", 3)}
    xml_made = {"doctype-entity.xml": '<?xml version="1.0"?><!DOCTYPE officiele-publicatie [<!ENTITY a "aaaa">'
                '<!ENTITY b "&a;&a;&a;&a;">]><officiele-publicatie><kamerstuk><al>&b;</al></kamerstuk>'
                '</officiele-publicatie>',
                # Stored double-encoded with a line break before the declaration (real Handelingen).
                "double-encoded.xml": ("\ufeff\n<?xml version=\"1.0\" encoding=\"utf-8\"?><officiele-publicatie>"
                                       "<handelingen><al>Financi\u00ebn \u2013 Koolmees</al></handelingen>"
                                       "</officiele-publicatie>").encode("utf-8").decode("latin-1"),
                "wrong-encoding.xml": '<?xml version="1.0" encoding="ISO-8859-1"?><metadata_gegevens><metadata '
                'name="DC.identifier" content="kst-36600-X-12"/></metadata_gegevens>'}
    for f in xml:
        copy("read-xml", f)
        copy("read", f)
    for name, data in xml_made.items():
        write("read-xml", name, data)
        write("read", name, data)
    copy("read-zip", docx)
    copy("read", docx)
    for name, data in made.items():
        write("read-zip", name, data)
        write("read", name, data)
    copy("read", "Tests/Fixtures/documents/brief-word97.doc")
    copy("read-html", "Tests/Fixtures/documents/tweedekamer-motie.html")
    copy("read", "Tests/Fixtures/documents/tweedekamer-motie.html")
    for name, data in html.items():
        write("read-html", name, data)
        write("read", name, data)
    copy("read-text", txt)
    copy("read", txt)
    for name, data in text.items():
        write("read-text", name, data)
        write("read", name, data)
    for n, f in enumerate(sorted(os.listdir(os.path.join(SEEDS, "extract")))[:40:4]):
        copy("read-text", "Tests/Fuzz/seeds/extract/" + f)
    # read-pdf: the generated PDFs of Tests/Fixtures/pdf (good, encrypted, bomb, truncated, ...) and one real one.
    for f in sorted(os.listdir(os.path.join(ROOT, "Tests", "Fixtures", "pdf"))):
        if f.endswith(".pdf"):
            copy("read-pdf", "Tests/Fixtures/pdf/" + f)
    copy("read-pdf", "Tests/Fixtures/pdf/real/d7a5dc6c-3636-4acd-8630-96c14e97dcce.pdf")
    # and the fixed read-pdf findings (a content stream of millions of errors, issue 19), so the fuzzer
    # mutates from them too.
    for f in sorted(os.listdir(os.path.join(ROOT, "Tests", "Fuzz", "crashes", "read-pdf"))):
        if f.endswith(".pdf"):
            copy("read-pdf", "Tests/Fuzz/crashes/read-pdf/" + f)
    for f in ("koop-answer.pdf", "letter.pdf"):
        copy("read", "Tests/Fixtures/pdf/" + f)


XML_WORDS = ['<?xml version="1.0" encoding="utf-8"?>', '<!DOCTYPE', '<!ENTITY', 'SYSTEM "file:///etc/passwd"',
             '<![CDATA[', ']]>', '<!--', '-->', '&amp;', '&#x', '&#', 'xmlns="', 'xmlns:', '="', '/>', '</',
             'officiele-publicatie', 'kamervragen', 'kamervraagnummer', 'kamervraagomschrijving', 'vraag',
             'antwoord', 'kamervraagopmerking', 'kamerstuk', 'dossiernummer', 'ondernummer', 'handelingen',
             'staatsblad', 'staatscourant', 'noot', 'noot.nr', 'noot.al', 'extref', 'doc=', 'al', 'datum',
             'isodatum=', 'metadata_gegevens', 'owms-metadata', 'owmskern', 'owmsmantel', 'metadata', 'meta',
             'name=', 'content=', 'DC.identifier', 'OVERHEIDop.vraagnummer', 'OVERHEIDop.aanhangselnummer',
             'OVERHEIDop.dossiernummer', 'OVERHEIDop.ondernummer', 'OVERHEIDop.indiener', 'feed', 'entry',
             'content', 'category term="Zaak"', 'http://www.w3.org/2005/Atom', 'http://www.tweedekamer.nl/xsd/tkData/v1-0',
             'Zaak', 'Document', 'DocumentVersie', 'externeidentifier', 'ZaakActor', 'DocumentActor', 'Persoon',
             'Fractie', 'Kamerstukdossier', 'verwijderd="true"', 'ref=', 'id=', 'nummer', 'soort']
HTML_WORDS = ['<!DOCTYPE html>', '<html>', '<head>', '<meta charset="', 'windows-1252', '<meta name="DC.identifier" content="',
              '<title>', '<body>', '<p>', '</p>', '<a href="', '</a>', '<pre>', '<script>', '<style>', '<br>', '<table>',
              '<td>', '&nbsp;', '&#160;', '&amp;', 'https://zoek.officielebekendmakingen.nl/', '.html']
ZIP_WORDS = ['PK\x03\x04', 'PK\x01\x02', 'PK\x05\x06', 'PK\x06\x06', 'PK\x06\x07', '\x01\x00', 'mimetype',
             'application/vnd.oasis.opendocument.text', 'content.xml', 'meta.xml', '[Content_Types].xml',
             'word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'docProps/core.xml', '../',
             '<w:t>', '<w:footnoteReference w:id="1"/>', '<text:note>', '\xff\xff\xff\xff']
PDF_WORDS = ['%PDF-1.4', '%%EOF', 'obj', 'endobj', 'stream\n', '\nendstream', 'xref', 'trailer', 'startxref', '<<', '>>',
             '/Type/Catalog', '/Pages', '/Type/Page', '/Kids[', '/Count', '/Contents', '/Resources', '/Font', '/Length',
             '/Filter/FlateDecode', '/Encrypt', '/PageLabels', '/Nums[', '/S/r', '/Info', '/Title(', '/ObjStm', '/XRef',
             'BT', 'ET', 'Tf', 'Td', 'Tj', 'TJ', 'Ts', "'", '0 R', '/F1 9 Tf', '(Kamerstuk 36 600 X, nr. 12) Tj',
             '(ah-tk-20242025-1314) Tj', '/JavaScript', '/EmbeddedFiles', '\xad', '\x81']
TEXT_WORDS = ['\xff\xfe', '\xfe\xff', '\xef\xbb\xbf', '\x00', '[footnoteRef:1]', '[1: ', 'Onze referentie\t', 'Datum\t',
              'Betreft\t', 'Uw kenmerk\t', '\x93', '\x94', '\xe9', '\xc3\xa9', '\r\n']


def write_dict(name, words):
    out = ["# libFuzzer dictionary for %s, written by make-seeds.py" % name]
    for w in words:
        b = w.encode("latin-1") if all(ord(c) < 256 for c in w) else w.encode("utf-8")
        out.append('"%s"' % "".join(chr(c) if 32 <= c < 127 and chr(c) not in '"\\' else "\\x%02X" % c for c in b))
    with open(os.path.join(ROOT, "Tests", "Fuzz", name + ".dict"), "w") as f:
        f.write("\n".join(out) + "\n")


def reader_dicts():
    write_dict("read-xml", XML_WORDS)
    write_dict("read-html", HTML_WORDS)
    write_dict("read-zip", ZIP_WORDS)
    write_dict("read-text", TEXT_WORDS)
    write_dict("read-pdf", PDF_WORDS)
    write_dict("read", XML_WORDS + HTML_WORDS + ZIP_WORDS + TEXT_WORDS)


def main():
    for target in ("extract", "read", "read-html", "read-pdf", "read-text", "read-xml", "read-zip"):
        if os.path.isdir(os.path.join(SEEDS, target)):
            shutil.rmtree(os.path.join(SEEDS, target))
    extract_seeds()
    reader_seeds()
    reader_dicts()
    for target in sorted(os.listdir(SEEDS)):
        print(target, len(os.listdir(os.path.join(SEEDS, target))), "seeds")


if __name__ == "__main__":
    sys.exit(main())
