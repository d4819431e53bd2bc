"""Text from the room is only ever text: formulas in notes and actions stay
strings in the XLSX plan (openpyxl sees no formula), HTML and script in notes
never become active content in the DOCX or PDF, and the Miro token in the
environment is never written to a log or an output."""
import glob
import json
import os
import re
import subprocess
import zipfile

import openpyxl

from sdiag_test import expect, run, sample, tempdir

FORMULAS = ['=HYPERLINK("http://evil.example/x","click")', "+1", "-1", "@SUM(A1)", "=1+1", "\t=2+2",
            "=cmd|' /C calc'!A0"]
HTML = ('<script>alert("owned")</script><a href="javascript:alert(1)">link</a>'
        '<img src="x" onerror="alert(2)"><iframe src="http://evil.example/"></iframe>')
TOKEN = "miro-token-NEVER-WRITE-7f3a9c"

tmp = tempdir()
# Every output plugin, whatever the presets hold today.
PIPELINE = os.path.join(tmp, "all-outputs.json")
with open(PIPELINE, "w") as f:
    json.dump({"name": "all-outputs", "summary": "every writer", "template": "d2i-service-diagnostic",
               "inputs": "auto", "analyses": [], "layout": "d2i-report",
               "outputs": ["json", "markdown", "docx", "pdf", "xlsx"]}, f)
with open(sample("castlebrook", "diagnostic.json")) as f:
    d = json.load(f)
for i, text in enumerate(FORMULAS):
    d["notes"].append({"id": f"f{i}", "section": "key_issues", "prompt": "pain_points", "text": text})
    d["actions"].append({"id": f"A{i}", "text": text, "owner": FORMULAS[(i + 1) % len(FORMULAS)],
                         "status": "Not started", "due_text": FORMULAS[(i + 2) % len(FORMULAS)]})
for sec in ("key_issues", "actions", "dcs_view"):
    d["notes"].append({"id": f"h-{sec}", "section": sec, "text": HTML})
d["actions"].append({"id": "AH", "text": HTML, "owner": "Head of service", "status": "Not started"})
src = os.path.join(tmp, "hostile.json")
with open(src, "w") as f:
    json.dump(d, f)

out = os.path.join(tmp, "out")
rc, stdout, stderr = run("-vv", "run", src, "-o", out, "--pipeline", PIPELINE, env={"MIRO_TOKEN": TOKEN}, check=0)

# XLSX: every cell holding one of the payloads is a string, not a formula.
wb = openpyxl.load_workbook(os.path.join(out, "action-plan.xlsx"))
seen = set()
for ws in wb.worksheets:
    for row in ws.iter_rows():
        for cell in row:
            if not isinstance(cell.value, str):
                continue
            for p in FORMULAS:
                if cell.value == p or cell.value.strip() == p.strip():
                    seen.add(p)
                    expect(cell.data_type == "s", f"{ws.title}!{cell.coordinate} {cell.value!r} is a string, "
                                                  f"not type {cell.data_type}")
            expect(not (cell.data_type == "f" and re.search(r"HYPERLINK|SUM\(A1\)|cmd\|", cell.value)),
                   f"{ws.title}!{cell.coordinate}: a payload became a formula: {cell.value!r}")
expect(seen == {p for p in FORMULAS}, f"every payload reached the plan as text: missing {set(FORMULAS) - seen}")
print(f"xlsx: {len(seen)} formula payloads are strings")

# DOCX: the HTML is escaped text inside w:t; no script, external link,
# HTML chunk or field carries it.
with zipfile.ZipFile(os.path.join(out, "report.docx")) as z:
    names = z.namelist()
    body = z.read("word/document.xml").decode()
    rels = "".join(z.read(n).decode() for n in names if n.endswith(".rels"))
expect("&lt;script&gt;" in body, "the script tag is in the report, escaped as text")
expect("<script" not in body and "<iframe" not in body, "no raw HTML element in document.xml")
expect("javascript:" not in rels and "evil.example" not in rels, "no relationship points where the note said")
expect(not [n for n in names if n.endswith((".html", ".htm", ".mht", ".bin", ".js"))] and "altChunk" not in body,
       f"no HTML or active part in the package: {names}")
expect(not re.search(r"<w:instrText[^>]*>[^<]*(HYPERLINK|evil)", body), "no field built from a note")
print("docx: HTML and script are plain text")

# PDF: the text is there as text; no JavaScript, launch or link action from it.
pdf = os.path.join(out, "report.pdf")
text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
expect("<script>alert" in text.replace("\n", ""), "the script tag shows as text in the PDF")
qdf = os.path.join(tmp, "report-qdf.pdf")
subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, qdf], check=False)
with open(qdf, "rb") as f:
    raw = f.read()
for active in (b"/JavaScript", b"/JS ", b"/Launch", b"javascript:", b"evil.example"):
    expect(active not in raw, f"no {active.decode()} in the PDF")
print("pdf: HTML and script are plain text, no actions")

# The token given in the environment appears nowhere.
for path in glob.glob(os.path.join(out, "*")):
    with open(path, "rb") as f:
        data = f.read()
    expect(TOKEN.encode() not in data, f"MIRO_TOKEN is not in {os.path.basename(path)}")
    if path.endswith((".docx", ".xlsx")):
        with zipfile.ZipFile(path) as z:
            for n in z.namelist():
                expect(TOKEN.encode() not in z.read(n), f"MIRO_TOKEN is not in {os.path.basename(path)}:{n}")
expect(TOKEN not in stdout + stderr, "MIRO_TOKEN is not in the log (-vv)")
print("ok: formulas, HTML and the token are inert")
