"""Each documented limit (README "Limits") gives its clear error: exit 1, the
file named, the limit said, no crash, no traceback, nothing half-written."""
import io
import json
import os
import signal
import zipfile

from hostile_parts import stored, utf16
from sdiag_test import SOURCE, expect, run, sample, tempdir

tmp = tempdir()
checked = []
# Only the reading matters here: a pipeline of its own, whatever the presets hold.
PIPELINE = os.path.join(tmp, "read.json")
with open(PIPELINE, "w") as f:
    json.dump({"name": "read", "summary": "read only", "inputs": "auto", "analyses": [], "outputs": ["json"]}, f)


def refused(name, make, words, command="run"):
    """Writes the file `name` with make(path), runs sdiag on it and expects
    the documented refusal."""
    path = os.path.join(tmp, name)
    make(path)
    out = os.path.join(tmp, "out-" + name)
    rc, _, err = run(command, path, "-o", out, *(["--pipeline", PIPELINE] if command == "run" else []))
    expect(rc == 1, f"{name}: exit 1, got {rc} ({'signal ' + signal.Signals(-rc).name if rc < 0 else ''})\n{err}")
    expect(name in err, f"{name}: the error names the file:\n{err}")
    expect(words in err, f"{name}: the error says '{words}':\n{err}")
    for bad in ("TOP-SECRET", "terminate called", "Sanitizer", "runtime error", "Traceback"):
        expect(bad not in err, f"{name}: no crash report ('{bad}'):\n{err}")
    partial = [f for f in (os.listdir(out) if os.path.isdir(out) else []) if ".sdiag-tmp-" in f]
    expect(not partial, f"{name}: no temporary file left: {partial}")
    checked.append(name)
    print(f"{name}: {[line for line in err.splitlines() if name in line][0].strip()}")


def write(text, mode="w"):
    def make(path):
        with open(path, mode) as f:
            f.write(text)
    return make


def diagnostic(**fields):
    d = {"schema": "sdiag/1"}
    d.update(fields)
    return json.dumps(d)


# Input size: the host refuses a file over 256 MiB before reading it (a
# sparse file, so the test writes nothing to disk).
def sparse(path):
    with open(path, "wb") as f:
        f.truncate((256 << 20) + 1)
refused("huge.json", sparse, "the limit is 256 MiB")

# JSON nesting: 64 levels in diagnostic.json (unknown fields are kept and
# written back, so depth would otherwise reach the writer) and in a board.
deep = "[" * 65 + "]" * 65
refused("deep-diagnostic.json", write('{"schema": "sdiag/1", "meta": {"extra": ' + deep + "}}"),
        "nested more than 64 levels")
refused("deep-board.json", write('{"board": {"id": "b"}, "items": [{"type": "sticky_note", "data": ' + "[" * 70 +
                                 "]" * 70 + "}]}"), "nested more than 64 levels")
# Depth counted outside strings only: brackets inside a string are text.
ok = os.path.join(tmp, "brackets-in-text.json")
write(diagnostic(notes=[{"id": "n1", "section": "ideas", "text": "[" * 200}]))(ok)
rc, _, err = run("run", ok, "-o", os.path.join(tmp, "out-ok"), "--pipeline", PIPELINE)
expect(rc == 0, f"brackets inside a string are not nesting: {err}")

# Note length: 64 KiB of text per note, from any input.
long_text = "word " * ((70 << 10) // 5)
refused("long-note.json", write(diagnostic(notes=[{"id": "n7", "section": "ideas", "text": long_text}])),
        "note n7 is 71680 bytes long")
refused("long-note.csv", write("Section,Note\nideas," + "x" * ((64 << 10) + 1) + "\n"), "the limit is 64 KiB")


# Zip packages (one reader, sdiag::ooxml, for every DOCX and XLSX): entries, unpacked size.
def zipped(entries):
    def make(path):
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in entries:
                z.writestr(name, data)
    return make


WORKBOOK = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheets/></workbook>')
many = [("xl/workbook.xml", WORKBOOK)] + [(f"xl/media/i{i}.bin", "") for i in range(4001)]
refused("many-entries.xlsx", zipped(many), "more than 4000 entries", command="track")
bomb = [("xl/workbook.xml", WORKBOOK.replace("<sheets/>", "<sheets/>" + " " * ((32 << 20) + 1)))]
refused("bomb.xlsx", zipped(bomb), "zip bomb", command="track")

# XML nesting: 256 elements, counted by the parser, so a part in UTF-16 is
# held to it as one in UTF-8 is. Stored, not deflated, so the size and ratio
# limits let the part through to the XML reader (300,000 levels overflowed
# the docx-form reader's stack before this limit); hostile_parts.stored.
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
levels = 100000
deep_body = "<w:sdt><w:sdtContent>" * levels + "</w:sdtContent></w:sdt>" * levels
deep_document = f'<?xml version="1.0"?><w:document {W}><w:body>{deep_body}</w:body></w:document>'
form_seed = os.path.join(SOURCE, "tests", "fuzz", "corpus", "docx-form", "typed-up-form.docx")
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
deep_sheet = f'<?xml version="1.0"?><worksheet {S}><sheetData>' + "<row>" * levels + "</row>" * levels + \
    "</sheetData></worksheet>"
responses = sample("forms", "castlebrook-ms-forms.xlsx")
# form-responses knows a Microsoft Forms export by its column names; with the
# sheet replaced, shared strings keep them, so that reader is the one refusing.
forms_columns = [("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {S}><si><t>Start time</t></si>'
                  '<si><t>Completion time</t></si></sst>')]
for encoding, encode in (("utf8", lambda xml: xml), ("utf16", utf16)):
    refused(f"deep-form-{encoding}.docx", stored(form_seed, "word/document.xml", encode(deep_document)),
            "the XML of word/document.xml is nested more than 256 elements")
    refused(f"deep-responses-{encoding}.xlsx",
            stored(responses, "xl/worksheets/sheet1.xml", encode(deep_sheet), forms_columns),
            "the XML of xl/worksheets/sheet1.xml is nested more than 256 elements deep (the limit); not read "
            "[form-responses]")
    refused(f"deep-plan-{encoding}.xlsx", stored(responses, "xl/worksheets/sheet1.xml", encode(deep_sheet)),
            "the XML of xl/worksheets/sheet1.xml is nested more than 256 elements", command="track")

# XML external entities are never resolved: the DOCTYPE refuses the part.
secret = os.path.join(tmp, "secret.txt")
write("TOP-SECRET-CONTENT")(secret)
xxe = [("xl/workbook.xml", f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/>&x;</workbook>')]
refused("external-entity.xlsx", zipped(xxe), "DOCTYPE", command="track")
xxe_body = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
            f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
refused("external-entity.docx", stored(form_seed, "word/document.xml", xxe_body), "DOCTYPE")
# The DOCTYPE is refused by the parser, not found by a search of the bytes: UTF-16 hides nothing.
refused("external-entity-utf16.docx", stored(form_seed, "word/document.xml", utf16(xxe_body)), "DOCTYPE")
refused("external-entity-utf16.xlsx", zipped([(n, utf16(x)) for n, x in xxe]), "DOCTYPE", command="track")


# A reference DOCX for the report's styles goes through the same reader: a
# bad one fails the DOCX output alone, with a finding that names the file
# and the limit; every other output is written, and no report.docx at all.
own = os.path.join(tmp, "own")
run("run", sample("castlebrook", "diagnostic.json"), "-o", own, check=0)


def reference_refused(name, styles_xml, words):
    reference = os.path.join(tmp, name)
    stored(os.path.join(own, "report.docx"), "word/styles.xml", styles_xml)(reference)
    out = os.path.join(tmp, "out-" + name)
    rc, _, err = run("run", sample("castlebrook", "diagnostic.json"), "--set", f"docx.reference={reference}", "-o", out)
    expect(rc == 1, f"{name}: exit 1, got {rc} ({'signal ' + signal.Signals(-rc).name if rc < 0 else ''})\n{err}")
    finding = [line for line in err.splitlines() if name in line and words in line]
    expect(finding and "docx" in finding[0], f"{name}: a finding of the docx output naming the file and '{words}':\n{err}")
    for bad in ("TOP-SECRET", "terminate called", "Sanitizer", "runtime error", "Traceback"):
        expect(bad not in err, f"{name}: no crash report ('{bad}'):\n{err}")
    written = sorted(os.listdir(out))
    expect(written == ["action-plan.xlsx", "diagnostic.json", "report.md", "report.pdf"],
           f"{name}: every other output written, no report.docx and nothing half-written: {written}")
    checked.append(name)
    print(f"{name}: {finding[0].strip()}")


deep_styles = f'<?xml version="1.0"?><w:styles {W}>' + "<w:style>" * levels + "</w:style>" * levels + "</w:styles>"
reference_refused("deep-reference-utf8.docx", deep_styles, "the XML of word/styles.xml is nested more than 256 elements")
reference_refused("deep-reference-utf16.docx", utf16(deep_styles),
                  "the XML of word/styles.xml is nested more than 256 elements")
reference_refused("external-entity-reference-utf16.docx",
                  utf16(f'<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY x SYSTEM "file://{secret}">]>'
                        f'<w:styles {W}><w:style><w:name w:val="&x;"/></w:style></w:styles>'),
                  "word/styles.xml declares a DOCTYPE")

print(f"ok: {len(checked)} limits refused clearly")
