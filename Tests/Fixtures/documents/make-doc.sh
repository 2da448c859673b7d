#!/usr/bin/env bash
# Regenerates the Word 97-2003 fixtures with LibreOffice (apt-get install libreoffice-writer-nogui):
#   brief-word97.doc           from brief-word97.source.html (a letter: letterhead table, a link field)
#   defensie-antwoord-word97.doc from corpus/palantir/defensie-antwoord-2025Z14549.docx (footnotes)
# The committed files were made with LibreOffice 7.4 (Debian 12); the tests read them, nothing runs this.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
cp brief-word97.source.html "$tmp/brief-word97.html"
cp ../../../corpus/palantir/defensie-antwoord-2025Z14549.docx "$tmp/defensie-antwoord-word97.docx"
(cd "$tmp" && soffice --headless --convert-to doc:"MS Word 97" brief-word97.html defensie-antwoord-word97.docx >/dev/null)
cp "$tmp/brief-word97.doc" "$tmp/defensie-antwoord-word97.doc" .
rm -rf "$tmp"
