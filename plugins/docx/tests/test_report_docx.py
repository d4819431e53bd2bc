"""The Castlebrook report.docx, checked by readers we did not write.

python-docx finds every heading (with its Heading 1/2/3 style), every table
(with a repeating header row), the core properties and the figures' alt
text; LibreOffice converts it to PDF and pdftotext finds every heading and
action in it; a second run gives the same bytes.

Expected headings, tables and figures come from report.md, written by the
markdown plugin from the same Document, so this does not trust the docx
writer's own idea of what it wrote.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import docx
from docx.oxml.ns import qn

SDIAG = os.environ["SDIAG"]
SOURCE = os.environ["SDIAG_TEST_SOURCE_DIR"]
SAMPLE = os.path.join(SOURCE, "samples", "castlebrook", "diagnostic.json")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(out_dir):
    subprocess.run([SDIAG, "run", SAMPLE, "-o", out_dir], check=True, capture_output=True, text=True)
    return os.path.join(out_dir, "report.docx")


def unescape_md(s):
    return re.sub(r"\\(.)", r"\1", s).strip()


def squash(s):
    return re.sub(r"\s+", " ", s.replace("\u00ad", "")).strip()


def contains_words_in_order(text, phrase):
    """Tolerates table cells broken across lines: the phrase's words in order."""
    if squash(phrase) in text:
        return True
    words, pos = phrase.split(), 0
    for w in words:
        pos = text.find(w, pos)
        if pos < 0:
            return False
        pos += len(w)
    return True


with tempfile.TemporaryDirectory() as tmp:
    first = run(os.path.join(tmp, "a"))
    second = run(os.path.join(tmp, "b"))
    with open(first, "rb") as a, open(second, "rb") as b:
        check(a.read() == b.read(), "two runs gave different report.docx files")

    with open(os.path.join(tmp, "a", "diagnostic.json"), encoding="utf-8") as f:
        diagnostic = json.load(f)
    with open(os.path.join(tmp, "a", "report.md"), encoding="utf-8") as f:
        markdown = f.read().splitlines()

    title = diagnostic["meta"]["title"]
    expected_headings = []
    for line in markdown:
        m = re.match(r"^(#{1,6}) (.*)$", line)
        if m:
            expected_headings.append((min(len(m.group(1)), 3), unescape_md(m.group(2))))
    # The markdown writer renders the Title paragraph as "# title".
    if expected_headings and expected_headings[0][1] == title:
        expected_headings.pop(0)
    check(len(expected_headings) >= 10, f"too few headings in report.md: {len(expected_headings)}")

    document = docx.Document(first)
    found = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    for level, text in expected_headings:
        check((f"Heading {level}", text) in found, f"heading '{text}' not found with style Heading {level}")
    check(len(found) == len(expected_headings), f"{len(found)} headings in the DOCX, {len(expected_headings)} expected")

    expected_tables = sum(1 for line in markdown if line.startswith("| --- |"))
    check(len(document.tables) == expected_tables, f"{len(document.tables)} tables, {expected_tables} expected")
    for i, table in enumerate(document.tables):
        tr_pr = table.rows[0]._tr.trPr
        check(tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None, f"table {i + 1} has no header row")
        check(len(table.rows) >= 2, f"table {i + 1} has no body rows")

    props = document.core_properties
    check(props.title == title, f"core title is {props.title!r}")
    check(props.language == "en-GB", f"core language is {props.language!r}")
    check(props.author == diagnostic["meta"].get("facilitator", ""), f"core author is {props.author!r}")
    check(props.created is not None and props.created.year == 2026, f"created date {props.created}")

    alts = [unescape_md(line[len("> **Figure:** "):]) for line in markdown if line.startswith("> **Figure:** ")]
    shapes = list(document.inline_shapes)
    check(len(shapes) == len(alts), f"{len(shapes)} figures in the DOCX, {len(alts)} expected")
    descrs = [s._inline.docPr.get("descr") for s in shapes]
    for alt in alts:
        check(alt in descrs, f"no figure has the alt text {alt[:60]!r}")

    # LibreOffice, with a private profile so parallel runs do not collide.
    pdf_dir = os.path.join(tmp, "pdf")
    lo = subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo", "--headless", "--convert-to", "pdf",
                         "--outdir", pdf_dir, first], capture_output=True, text=True, timeout=300)
    pdf = os.path.join(pdf_dir, "report.pdf")
    check(lo.returncode == 0 and os.path.exists(pdf), f"LibreOffice failed: {lo.stdout} {lo.stderr}")
    if os.path.exists(pdf):
        text = squash(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout)
        for _, heading in expected_headings:
            check(squash(heading) in text, f"heading '{heading}' not in the PDF text")
        actions = [a["text"] for a in diagnostic.get("actions", [])]
        if not actions:
            actions = [n["text"] for n in diagnostic["notes"] if n["section"] == "actions"]
        check(len(actions) > 0, "the sample has no actions to look for")
        for action in actions:
            check(contains_words_in_order(text, action), f"action '{action}' not in the PDF text")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"ok: {len(expected_headings)} headings, {expected_tables} tables, {len(alts)} figures, {len(actions)} actions")
