#!/usr/bin/env python3
"""Writes the small PDF fixtures of the PDF reader tests (Tests/KamerGraphTests/Documents/PDFReaderTests.swift).

  python3 Tests/Fixtures/pdf/make-pdfs.py      # rewrites the .pdf files beside this script

Plain Python, no libraries: each PDF is written object by object with a correct xref table, the
text with the standard Helvetica font (WinAnsiEncoding, a /Differences entry for the ligatures and
the soft hyphen). The output is deterministic; the generated files are committed.

  koop-answer.pdf   3 pages laid out like a KOOP Aanhangsel: page-1 publication footer in small type
                    (ah-tk-20242025-1314 / ISSN / 's-Gravenhage), a running footer with the page number
                    on every page, a running header with a zaak number on pages 2-3, hyphenated words
                    (Staats-courant, Noord-Holland, aanloop- en, zee-egel), a ligature and a soft
                    hyphen, a raised footnote mark with its note at the page foot, page labels
                    (i, 1, 2) and an Info dictionary (Title, Author, Subject, Keywords, CreationDate).
  letter.pdf        1 page ministry letter without Info title: letterhead fields, no running lines.
  scan.pdf          2 pages with only a drawn rectangle: no text layer.
  encrypted.pdf     the letter encrypted with a user password (RC4, revision 2).
  bomb.pdf          one page whose content stream inflates to 8 MB of spaces.
  many-pages.pdf    40 pages of one line each.
  damaged-xref.pdf  the letter with its xref table and startxref offset overwritten.
  truncated.pdf     koop-answer.pdf cut after 60 % of its bytes.
  not-a-pdf.pdf     "%PDF-1.7" followed by words.
"""
import hashlib, os, zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def esc(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def enc(s):
    """A Python string as WinAnsi bytes for a PDF string, with the Differences codes below."""
    out = bytearray()
    for ch in s:
        if ch == "\ufb01": out.append(0x81)      # /fi
        elif ch == "\ufb02": out.append(0x8d)    # /fl
        elif ch == "\u00ad": out.append(0x8f)    # /sfthyphen
        elif ch == "\u2013": out.append(0x96)    # endash
        elif ch == "\u2019": out.append(0x92)    # quoteright
        else: out += ch.encode("cp1252")
    return bytes(out)


def text_op(x, y, size, s, rise=0):
    body = enc(s).replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    r = b" %d Ts" % rise if rise else b" 0 Ts"
    return b"BT /F1 %d Tf%s %d %d Td (" % (size, r, x, y) + body + b") Tj ET\n"


class PDF:
    def __init__(self):
        self.objects = []  # bytes bodies, object number = index + 1

    def add(self, body):
        self.objects.append(body)
        return len(self.objects)

    def set(self, num, body):
        self.objects[num - 1] = body

    def stream(self, data, compress=False, extra=b""):
        if compress:
            data = zlib.compress(data, 9)
            extra += b"/Filter/FlateDecode"
        return self.add(b"<</Length %d%s>>stream\n" % (len(data), extra) + data + b"\nendstream")

    def write(self, root, info=None, encrypt=None, file_id=None):
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(self.objects):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self.objects) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        trailer = b"/Size %d/Root %d 0 R" % (len(self.objects) + 1, root)
        if info: trailer += b"/Info %d 0 R" % info
        if encrypt: trailer += b"/Encrypt %d 0 R" % encrypt
        if file_id: trailer += b"/ID[<%s><%s>]" % (file_id.hex().encode(), file_id.hex().encode())
        out += b"trailer\n<<" + trailer + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


FONT = (b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding<</Type/Encoding/BaseEncoding/WinAnsiEncoding"
        b"/Differences[129/fi 141/fl 143/sfthyphen]>>>>")


def document(pages, info=None, labels=None, compress=False):
    """pages: list of content stream bytes. Returns (pdf, root, info)."""
    pdf = PDF()
    font = pdf.add(FONT)
    pages_num = pdf.add(b"")
    kids = []
    for content in pages:
        c = pdf.stream(content, compress=compress)
        kids.append(pdf.add(b"<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Contents %d 0 R"
                            b"/Resources<</Font<</F1 %d 0 R>>>>>>" % (pages_num, c, font)))
    pdf.set(pages_num, b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    catalog = b"<</Type/Catalog/Pages %d 0 R" % pages_num
    if labels: catalog += b"/PageLabels" + labels
    root = pdf.add(catalog + b">>")
    info_num = None
    if info:
        fields = b"".join(b"/%s(%s)" % (k.encode(), esc(v).encode("latin-1")) for k, v in info)
        info_num = pdf.add(b"<<" + fields + b">>")
    return pdf, root, info_num


def koop_answer():
    # 595 x 842 points; body at x 221 in 9 pt, furniture in 6 and 9 pt.
    def footer(n):
        return text_op(221, 70, 9, "Tweede Kamer, vergaderjaar 2024\u20132025, Aanhangsel") + text_op(535, 70, 9, str(n))
    p1 = b"".join([
        text_op(55, 760, 18, "Tweede Kamer der Staten-Generaal"),
        text_op(221, 700, 11, "1314"),
        text_op(221, 670, 9, "Vragen van het lid Jansen (VVD) aan de Minister van Financi\u00ebn over de"),
        text_op(221, 658, 9, "Staats-"),
        text_op(221, 646, 9, "courant (ingezonden 2 september 2024)."),
        text_op(221, 622, 9, "Vraag 1"),
        text_op(221, 610, 9, "Wat is de stand van zaken in Noord-"),
        text_op(221, 598, 9, "Holland en de aanloop-"),
        text_op(221, 586, 9, "en volloopverliezen van de zee-"),
        text_op(221, 574, 9, "egel?"),
        text_op(221, 550, 9, "Antwoord 1"),
        b"BT /F1 9 Tf 221 538 Td (" + enc("De \ufb02exibele of\ufb01ci\u00eble cijfers staan in de brief van 12 juni 2024")
        + b") Tj /F1 6 Tf 4 Ts (1) Tj /F1 9 Tf 0 Ts (" + enc(" en worden jaar\u00adlijks") + b") Tj ET\n",
        text_op(221, 526, 9, "gepubliceerd in de Staatscourant."),
        text_op(221, 140, 6, "1"),
        text_op(227, 140, 6, "Kamerstuk 32 813, nr. 1061"),
        text_op(55, 86, 5, "ah-tk-20242025-1314"),
        text_op(55, 80, 5, "ISSN 0921 - 7398"),
        text_op(55, 74, 5, "\u2019s-Gravenhage 2025"),
        footer(1),
    ])
    def header():
        return text_op(221, 790, 9, "2024Z18294")
    p2 = b"".join([
        header(),
        text_op(221, 740, 9, "Vraag 2"),
        text_op(221, 728, 9, "Kent u het bericht over de Wet op de zorgtoeslag?"),
        text_op(221, 704, 9, "Antwoord 2"),
        text_op(221, 692, 9, "Ja. Zie ook Kamerstuk 36 600 X, nr. 12."),
        footer(2),
    ])
    p3 = b"".join([
        header(),
        text_op(221, 740, 9, "Vraag 3"),
        text_op(221, 728, 9, "Wanneer komt de beleidsreactie?"),
        text_op(221, 704, 9, "Antwoord 3"),
        text_op(221, 692, 9, "Voor de zomer van 2025."),
        footer(3),
    ])
    info = [("Title", "Antwoord op vragen van het lid Jansen"), ("Author", "Ministerie van Financi\u00ebn"),
            ("Subject", "Kamervragen over de Staatscourant"), ("Keywords", "2024Z18294; Staatscourant"),
            ("CreationDate", "D:20250110093000+01'00'")]
    pdf, root, info_num = document([p1, p2, p3], info=info, labels=b"<</Nums[0<</S/r>>1<</S/D>>]>>")
    return pdf.write(root, info_num)


def letter_pages():
    return [b"".join([
        text_op(60, 780, 9, "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"),
        # Label and value in two columns, as ministry letters set them.
        text_op(60, 740, 9, "Datum"), text_op(160, 740, 9, "3 maart 2025"),
        text_op(60, 728, 9, "Betreft"), text_op(160, 728, 9, "Voortgang van de Wet open overheid"),
        text_op(60, 716, 9, "Onze referentie"), text_op(160, 716, 9, "2025-0000123456"),
        text_op(60, 680, 9, "Geachte voorzitter,"),
        text_op(60, 656, 9, "Met deze brief informeer ik u over de Wet open overheid, zoals toegezegd"),
        text_op(60, 644, 9, "in Kamerstuk 35 300, nr. 5."),
    ])]


def letter():
    pdf, root, _ = document(letter_pages())
    return pdf.write(root)


def scan():
    draw = b"0.5 g 50 50 495 742 re f\n"
    pdf, root, _ = document([draw, draw])
    return pdf.write(root)


def rc4(key, data):
    s = list(range(256)); j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256; s[i], s[j] = s[j], s[i]
    out = bytearray(); i = j = 0
    for b in data:
        i = (i + 1) % 256; j = (j + s[i]) % 256; s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted():
    """The letter under the standard security handler, revision 2 (RC4 40-bit), user password "geheim"."""
    pad = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
    user, owner = b"geheim", b"eigenaar"
    file_id = hashlib.md5(b"kamergraph encrypted fixture").digest()
    o = rc4(hashlib.md5((owner + pad)[:32]).digest()[:5], (user + pad)[:32])
    p = -44
    key = hashlib.md5((user + pad)[:32] + o + (p & 0xFFFFFFFF).to_bytes(4, "little") + file_id).digest()[:5]
    u = rc4(key, pad)
    pdf = PDF()
    font = pdf.add(FONT)
    pages_num = pdf.add(b"")
    content = letter_pages()[0]
    num = len(pdf.objects) + 1
    obj_key = hashlib.md5(key + num.to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()[:10]
    data = rc4(obj_key, content)
    c = pdf.add(b"<</Length %d>>stream\n" % len(data) + data + b"\nendstream")
    page = pdf.add(b"<</Type/Page/Parent %d 0 R/MediaBox[0 0 595 842]/Contents %d 0 R/Resources<</Font<</F1 %d 0 R>>>>>>"
                   % (pages_num, c, font))
    pdf.set(pages_num, b"<</Type/Pages/Kids[%d 0 R]/Count 1>>" % page)
    root = pdf.add(b"<</Type/Catalog/Pages %d 0 R>>" % pages_num)
    enc_num = pdf.add(b"<</Filter/Standard/V 1/R 2/O<%s>/U<%s>/P %d>>" % (o.hex().encode(), u.hex().encode(), p))
    return pdf.write(root, encrypt=enc_num, file_id=file_id)


def bomb():
    content = text_op(60, 780, 9, "Een kleine pagina.") + b" " * (8 << 20)
    pdf, root, _ = document([content], compress=True)
    return pdf.write(root)


def many_pages():
    pdf, root, _ = document([text_op(60, 780, 9, "Pagina met tekst %d." % n) for n in range(1, 41)])
    return pdf.write(root)


def damaged_xref():
    data = bytearray(letter())
    x = data.rindex(b"xref\n0 ")
    data[x:x + 40] = b"%" * 40
    s = data.rindex(b"startxref\n") + len(b"startxref\n")
    data[s:s + 3] = b"999"
    return bytes(data)


def main():
    files = {
        "koop-answer.pdf": koop_answer(), "letter.pdf": letter(), "scan.pdf": scan(), "encrypted.pdf": encrypted(),
        "bomb.pdf": bomb(), "many-pages.pdf": many_pages(), "damaged-xref.pdf": damaged_xref(),
        "not-a-pdf.pdf": b"%PDF-1.7\nDit is geen PDF maar gewone tekst zonder objecten.\n",
    }
    files["truncated.pdf"] = files["koop-answer.pdf"][: len(files["koop-answer.pdf"]) * 6 // 10]
    for name, data in files.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
