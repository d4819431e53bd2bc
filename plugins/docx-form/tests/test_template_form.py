"""sdiag template: the blank capture form opened as Word and LibreOffice
would open it, filled in, and read back into the right sections and
prompts; the JSON and CSV templates; and the command's refusals."""
import copy
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile

import docx
from docx.oxml.ns import qn
from docx.shared import Twips

SDIAG = os.environ["SDIAG"]
SOURCE = os.environ["SDIAG_TEST_SOURCE_DIR"]
TEMPLATE = json.loads("\n".join(l for l in open(os.path.join(SOURCE, "templates", "workshop",
                                                             "d2i-service-diagnostic.json"))
                                if not l.lstrip().startswith("//")))
PLACEHOLDER = "Type your notes here, one per paragraph."
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def sdiag(*args):
    return subprocess.run([SDIAG, *args], capture_output=True, text=True, timeout=120)


def expected_controls(template):
    """tag -> (section, prompt, title): one per prompt, or one per section without prompts."""
    out = {}
    for s in template["sections"]:
        if not s["prompts"]:
            out[s["id"]] = (s["id"], "", s["title"])
        for p in s["prompts"]:
            out[s["id"] + "/" + p["id"]] = (s["id"], p["id"], p["title"])
    return out


def controls(document):
    """(tag, alias, element) of every block-level content control, in order."""
    found = []
    for sdt in document.element.body.iter(qn("w:sdt")):
        pr = sdt.find(qn("w:sdtPr"))
        tag = pr.find(qn("w:tag"))
        alias = pr.find(qn("w:alias"))
        found.append((tag.get(qn("w:val")) if tag is not None else None,
                      alias.get(qn("w:val")) if alias is not None else None, sdt))
    return found


def run_json_only(tmp, files, out):
    pipe = os.path.join(tmp, "json-only.json")
    with open(pipe, "w") as f:
        json.dump({"name": "json-only", "summary": "diagnostic.json only", "template": "d2i-service-diagnostic",
                   "inputs": "auto", "analyses": [], "outputs": ["json"]}, f)
    p = sdiag("run", *files, "--pipeline", pipe, "-o", out)
    check(p.returncode == 0, f"sdiag run {files} exits 0 (got {p.returncode}): {p.stderr}")
    path = os.path.join(out, "diagnostic.json")
    return json.load(open(path)) if os.path.exists(path) else {"notes": [], "people": [], "meta": {}}


def fill(blank, filled):
    """Types two notes into every control and one contributor into the table."""
    d = docx.Document(blank)
    for tag, _, sdt in controls(d):
        sdt.find(qn("w:sdtPr")).remove(sdt.find(qn("w:sdtPr")).find(qn("w:showingPlcHdr")))
        content = sdt.find(qn("w:sdtContent"))
        first = content.find(qn("w:p"))
        for r in first.iter(qn("w:r")):
            rpr = r.find(qn("w:rPr"))
            if rpr is not None:
                r.remove(rpr)  # no longer placeholder-styled
        first.find(".//" + qn("w:t")).text = f"First note for {tag}"
        second = copy.deepcopy(first)
        second.find(".//" + qn("w:t")).text = f"Second note for {tag}"
        first.addnext(second)
    table = d.tables[0]
    for cell, value in zip(table.rows[1].cells, ["Helen Ashworth", "DCS", "Children's services", "yes"]):
        cell.text = value
    d.save(filled)


def check_notes(dj, wanted, where):
    by_text = {n["text"]: n for n in dj["notes"]}
    for tag, (section, prompt, _) in wanted.items():
        for which in ("First", "Second"):
            n = by_text.get(f"{which} note for {tag}")
            check(n is not None and n["section"] == section and n["prompt"] == prompt,
                  f"{where}: '{which} note for {tag}' in {section}/{prompt}, got {n and (n['section'], n['prompt'])}")
    check(len(dj["notes"]) == 2 * len(wanted), f"{where}: {2 * len(wanted)} notes, got {len(dj['notes'])}: "
          + "; ".join(n["text"] for n in dj["notes"] if not n["text"].endswith(tuple(wanted))))
    people = {p["name"]: p for p in dj["people"]}
    check(people.get("Helen Ashworth", {}).get("role") == "DCS", f"{where}: the contributors table gives a person")
    check(len(dj["people"]) == 1, f"{where}: empty table rows give no people ({len(dj['people'])})")
    check(dj["meta"].get("title", "") != "Data service diagnostic: capture form",
          f"{where}: the form's own title is not the workshop's")


def soffice(tmp, fmt, src, outdir):
    profile = "file://" + os.path.join(tmp, "lo-profile")
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", fmt,
                    "--outdir", outdir, src], capture_output=True, timeout=240)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + fmt)
    return out if os.path.exists(out) else None


with tempfile.TemporaryDirectory() as tmp:
    wanted = expected_controls(TEMPLATE)
    blank = os.path.join(tmp, "form.docx")
    p = sdiag("template", "--format", "docx", "-o", blank)
    check(p.returncode == 0 and os.path.exists(blank), f"template --format docx exits 0: {p.stderr}")
    again = os.path.join(tmp, "again", "form.docx")
    check(sdiag("template", "--format", "docx", "-o", again).returncode == 0, "second run exits 0")
    check(open(blank, "rb").read() == open(again, "rb").read(), "two runs are byte-identical")

    # ---- as Word would see it (python-docx)
    d = docx.Document(blank)
    paras = [(p.style.name, p.text) for p in d.paragraphs]
    check(("Title", "Data service diagnostic: capture form") in paras, "a Title paragraph")
    for s in TEMPLATE["sections"]:
        check(("Heading 1", s["title"]) in paras, f"Heading 1 for section {s['id']}")
        for pr in s["prompts"]:
            check(("Heading 2", pr["title"]) in paras, f"Heading 2 for prompt {s['id']}/{pr['id']}")
    for name in ("Heading 1", "Heading 2"):
        ppr = d.styles[name].element.find(qn("w:pPr"))
        check(ppr is not None and ppr.find(qn("w:outlineLvl")) is not None, f"{name} has an outline level")
    found = controls(d)
    tags = [t for t, _, _ in found]
    check(sorted(tags) == sorted(wanted), f"one control per prompt or prompt-less section: {tags}")
    for tag, alias, sdt in found:
        if tag not in wanted:
            continue
        check(alias == wanted[tag][2], f"control {tag} has alias '{wanted[tag][2]}' (got '{alias}')")
        check(sdt.find(qn("w:sdtPr")).find(qn("w:showingPlcHdr")) is not None, f"control {tag} shows a placeholder")
        text = "".join(t.text or "" for t in sdt.iter(qn("w:t")))
        check(text == PLACEHOLDER, f"control {tag} holds the placeholder text (got '{text}')")
    check(len(d.tables) == 1 and [c.text for c in d.tables[0].rows[0].cells] == ["Name", "Role", "Team", "Present"],
          "a contributors table with Name, Role, Team, Present")
    check(len(d.tables[0].rows) > 3, "the contributors table has empty rows to fill")
    check(d.tables[0].rows[0]._tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None, "table header row")
    sec = d.sections[0]
    check(abs(sec.page_width - Twips(11906)) < Twips(5) and abs(sec.page_height - Twips(16838)) < Twips(5), "A4 page")
    check(d.core_properties.language == "en-GB", "document language en-GB")
    check(d.core_properties.title == "Data service diagnostic: capture form", "core title")
    check(d.core_properties.created.year == 2026, f"created from SOURCE_DATE_EPOCH ({d.core_properties.created})")
    check('w:val="en-GB"' in d.styles.element.xml, "styles default to en-GB")

    # ---- the blank form read back holds nothing
    dj = run_json_only(tmp, [blank], os.path.join(tmp, "out-blank"))
    check(dj["notes"] == [] and dj["people"] == [], f"a blank form gives no notes: {[n['text'] for n in dj['notes']]}")

    # ---- filled in, read back
    filled = os.path.join(tmp, "filled", "filled.docx")
    os.makedirs(os.path.dirname(filled))
    fill(blank, filled)
    check_notes(run_json_only(tmp, [filled], os.path.join(tmp, "out-filled")), wanted, "filled form")

    # ---- LibreOffice: the blank form converts to PDF with every heading; a filled one survives a round trip
    pdf = soffice(tmp, "pdf", blank, os.path.join(tmp, "pdf"))
    check(pdf is not None, "LibreOffice converts the blank form to PDF")
    if pdf:
        text = " ".join(subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout.split())
        for s in TEMPLATE["sections"]:
            check(" ".join(s["title"].split()) in text, f"PDF shows section heading '{s['title']}'")
            for pr in s["prompts"]:
                check(pr["title"] in text, f"PDF shows prompt heading '{pr['title']}'")
    lo_filled = soffice(tmp, "docx", filled, os.path.join(tmp, "lo"))
    check(lo_filled is not None, "LibreOffice saves the filled form as DOCX")
    if lo_filled:
        check_notes(run_json_only(tmp, [lo_filled], os.path.join(tmp, "out-lo")), wanted, "after LibreOffice")

    # ---- JSON: the template itself
    tj = os.path.join(tmp, "template.json")
    p = sdiag("template", "--format", "json", "-o", tj)
    check(p.returncode == 0, f"template --format json exits 0: {p.stderr}")
    if p.returncode == 0:
        t = json.load(open(tj))
        check([s["id"] for s in t["sections"]] == [s["id"] for s in TEMPLATE["sections"]], "JSON keeps the sections")
        check([[q["id"] for q in s["prompts"]] for s in t["sections"]] ==
              [[q["id"] for q in s["prompts"]] for s in TEMPLATE["sections"]], "JSON keeps the prompts")

    # ---- CSV: one example row per prompt, read back by the csv input into the right places
    tc = os.path.join(tmp, "notes.csv")
    p = sdiag("template", "-o", tc)  # format from the extension
    check(p.returncode == 0, f"template -o notes.csv exits 0: {p.stderr}")
    if p.returncode == 0:
        rows = list(csv.DictReader(open(tc, newline="")))
        check(list(rows[0].keys()) == ["section", "prompt", "text", "author"], "CSV header")
        check(len(rows) == len(wanted), f"one CSV row per prompt or prompt-less section ({len(rows)})")
        dj = run_json_only(tmp, [tc], os.path.join(tmp, "out-csv"))
        places = sorted((n["section"], n["prompt"]) for n in dj["notes"])
        check(places == sorted((s, q) for s, q, _ in wanted.values()), f"CSV rows land in their prompts: {places}")

    # ---- another template given by path: its sections, and contributors at the end when it has no involvement
    own = os.path.join(tmp, "own.json")
    json.dump({"id": "castlebrook", "title": "Castlebrook diagnostic",
               "sections": [{"id": "wins", "title": "Quick wins", "phase": "morning 1",
                             "prompts": [{"id": "easy", "title": "Easy fixes"}]},
                            {"id": "risks", "title": "Risks", "phase": "afternoon 1", "prompts": []}]}, open(own, "w"))
    own_form = os.path.join(tmp, "own.docx")
    p = sdiag("template", "--format", "docx", "--template", own, "-o", own_form)
    check(p.returncode == 0, f"--template PATH exits 0: {p.stderr}")
    if p.returncode == 0:
        d = docx.Document(own_form)
        check(sorted(t for t, _, _ in controls(d)) == ["risks", "wins/easy"], "controls follow the given template")
        heads = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
        check(heads[-1] == ("Heading 1", "Contributors") and len(d.tables) == 1, f"contributors at the end: {heads}")

    # ---- refusals
    p = sdiag("template", "--format", "odt", "-o", os.path.join(tmp, "form.odt"))
    check(p.returncode == 2 and "pdf, docx, json, csv" in p.stderr, f"odt refused, listing formats: {p.stderr}")
    p = sdiag("template", "--format", "docx", "-o", filled)
    check(p.returncode == 2 and "--force" in p.stderr, f"an existing file is not replaced unasked: {p.stderr}")
    check(docx.Document(filled).paragraphs is not None and os.path.getsize(filled) > 0, "the filled form is untouched")
    p = sdiag("template", "--format", "docx", "--force", "-o", filled)
    check(p.returncode == 0 and open(filled, "rb").read() == open(blank, "rb").read(), "--force replaces it")
    p = sdiag("template", "--format", "docx", "--template", "no-such-template", "-o", os.path.join(tmp, "x.docx"))
    check(p.returncode == 2 and "no-such-template" in p.stderr, f"unknown template is a usage error: {p.stderr}")
    p = sdiag("template", "--format", "docx")
    check(p.returncode == 2, "no -o is a usage error")

print("failures:", len(failures))
sys.exit(1 if failures else 0)
