"""docx-form end to end: a typed-up DOCX, a filled capture form saved by
LibreOffice, and hostile files, read by the real sdiag binary."""
import json
import os
import subprocess
import sys
import tempfile
import zipfile

import docx
from docx.oxml import parse_xml

SDIAG = os.environ["SDIAG"]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(files, out):
    # The full-report preset when its writers are built; else the same inputs into json + markdown.
    have_all = all(subprocess.run([SDIAG, "plugins", p, "--exists"]).returncode == 0 for p in ("docx", "pdf", "xlsx"))
    args = [SDIAG, "run", *files, "-o", out]
    if not have_all:
        pipe = os.path.join(out + "-pipeline.json")
        with open(pipe, "w") as f:
            json.dump({"name": "forms", "summary": "check", "template": "d2i-service-diagnostic", "inputs": "auto",
                       "analyses": [], "layout": "d2i-report", "outputs": ["json", "markdown"]}, f)
        args += ["--pipeline", pipe]
    p = subprocess.run(args, capture_output=True, text=True)
    return p


def typed_up(path):
    d = docx.Document()
    d.add_heading("Castlebrook workshop notes", 0)
    d.add_heading("Where the big pain points are", 1)
    d.add_paragraph("Reports take three days to refresh", style="List Bullet")
    d.add_paragraph("Nobody owns ethnicity data quality; ask data.team@castlebrook.example.gov.uk", style="List Bullet")
    d.add_heading("Data system mapping", 1)
    d.add_heading("Resources", 2)
    d.add_paragraph("Liquidlogic LCS")
    d.add_heading("Contributors", 1)
    t = d.add_table(rows=3, cols=4)
    for i, v in enumerate(["Name", "Role", "Team", "Present"]):
        t.cell(0, i).text = v
    for i, v in enumerate(["Helen Ashworth", "DCS", "Children's services", "yes"]):
        t.cell(1, i).text = v
    for i, v in enumerate(["Martin Doyle", "MIS lead", "ICT", "no"]):
        t.cell(2, i).text = v
    d.add_heading("Refreshments", 1)
    d.add_paragraph("Lemon drizzle")
    d.save(path)


def control(tag, alias, paragraphs):
    ps = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>" for p in paragraphs)
    return parse_xml(f"<w:sdt {W}><w:sdtPr><w:alias w:val=\"{alias}\"/><w:tag w:val=\"{tag}\"/></w:sdtPr>"
                     f"<w:sdtContent>{ps}</w:sdtContent></w:sdt>")


def filled_form(path):
    d = docx.Document()
    d.add_heading("Capture form", 1)
    body = d.element.body
    for el in (control("dcs_view", "What the DCS sees now", ["Performance arrives a month late"]),
               control("key_issues/pain_points", "Where the big pain points are",
                       ["Manual returns take a week", "Spreadsheets fill the gaps"]),
               control("actions", "Immediate actions (plan)", ["Grace to publish a data quality dashboard"]),
               control("mystery", "Not in the template", ["Kept anyway"])):
        body.insert(len(body) - 1, el)
    d.save(path)


with tempfile.TemporaryDirectory() as tmp:
    plain = os.path.join(tmp, "typed-up.docx")
    typed_up(plain)
    raw_form = os.path.join(tmp, "raw", "filled-form.docx")
    os.makedirs(os.path.dirname(raw_form))
    filled_form(raw_form)
    # Round-trip through LibreOffice, as a council officer's edit would.
    lo_out = os.path.join(tmp, "lo")
    profile = "file://" + os.path.join(tmp, "lo-profile")
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                    "--outdir", lo_out, raw_form], capture_output=True, timeout=180)
    form = os.path.join(lo_out, "filled-form.docx")
    check(os.path.exists(form), "LibreOffice saved the filled form")

    out = os.path.join(tmp, "out")
    p = run([plain, form], out)
    print(p.stderr)
    check(p.returncode == 0, f"sdiag run exits 0 (got {p.returncode})")
    dj = json.load(open(os.path.join(out, "diagnostic.json")))
    notes = {n["text"]: n for n in dj["notes"]}
    n = notes.get("Reports take three days to refresh")
    check(n and n["section"] == "key_issues" and n["prompt"] == "pain_points", "typed-up bullet under its heading")
    n = notes.get("Liquidlogic LCS")
    check(n and n["prompt"] == "resources", "paragraph under a Heading 2 prompt")
    check(notes.get("Lemon drizzle", {}).get("section") == "unsorted", "unknown heading -> unsorted")
    check(not any("@" in t for t in notes), "no e-mail address in notes")
    people = {p["name"]: p for p in dj["people"]}
    check(people.get("Martin Doyle", {}).get("present") is False, "contributors table -> people")
    check(dj["meta"]["title"] == "Castlebrook workshop notes", "Title style -> meta.title")
    if os.path.exists(form):
        n = notes.get("Manual returns take a week")
        check(n and n["prompt"] == "pain_points", "content control (after LibreOffice) -> its prompt")
        check(notes.get("Performance arrives a month late", {}).get("section") == "dcs_view", "dcs_view control")
        check(notes.get("Grace to publish a data quality dashboard", {}).get("section") == "actions", "actions control")
        check(notes.get("Kept anyway", {}).get("section") == "unsorted", "unknown tag kept as unsorted")
    report = open(os.path.join(out, "report.md")).read()
    check("Reports take three days to refresh" in report, "typed-up note reaches the report")
    check("Manual returns take a week" in report, "form note reaches the report")

    # Hostile files: each gets a clear error and sdiag exits 1.
    def hostile(name, entries=None, raw=None):
        path = os.path.join(tmp, name)
        if raw is not None:
            open(path, "wb").write(raw)
        else:
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
                for n, data in entries:
                    z.writestr(n, data)
        p = run([path], os.path.join(tmp, "out-" + name))
        return p.returncode, p.stderr

    rc, err = hostile("not-a-zip.docx", raw=b"Just some text, not Word at all\n")
    check(rc == 1 and "not a DOCX file" in err, "not a zip: " + err)
    rc, err = hostile("bomb.docx", [("word/document.xml", b"\0" * (80 << 20))])
    check(rc == 1 and "zip bomb" in err, "zip bomb: " + err)
    rc, err = hostile("slip.docx", [("word/document.xml", "<w:document/>"), ("../../evil.xml", "<x/>")])
    check(rc == 1 and "outside itself" in err, "zip-slip: " + err)
    laughs = ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              f'<w:document {W}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
    rc, err = hostile("laughs.docx", [("word/document.xml", laughs)])
    check(rc == 1 and "DOCTYPE" in err, "entity bomb: " + err)
    xxe = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
    rc, err = hostile("xxe.docx", [("word/document.xml", xxe)])
    check(rc == 1 and "DOCTYPE" in err and "root:" not in err, "external entity: " + err)
    rc, err = hostile("no-body.docx", [("word/other.xml", "<x/>")])
    check(rc == 1 and "not a Word document" in err, "zip without document.xml: " + err)

print("failures:", len(failures))
sys.exit(1 if failures else 0)
