"""Each documented limit (README "Limits") gives its clear error: exit 1, the
file named, the limit said, no crash, no traceback, nothing half-written."""
import io
import json
import os
import signal
import zipfile

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


# Zip packages (the plan reader of sdiag track): entries, unpacked size.
def zipped(entries):
    def make(path):
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in entries:
                z.writestr(name, data)
    return make


WORKBOOK = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheets/></workbook>')
many = [("xl/workbook.xml", WORKBOOK)] + [(f"xl/media/i{i}.bin", "") for i in range(10001)]
refused("many-entries.xlsx", zipped(many), "more than 10000 entries", command="track")
bomb = [("xl/workbook.xml", WORKBOOK.replace("<sheets/>", "<sheets/>" + " " * ((64 << 20) + 1)))]
refused("bomb.xlsx", zipped(bomb), "zip bomb", command="track")

# XML nesting: 256 elements. Stored, not deflated, so the size and ratio
# limits let the part through to the XML reader (300,000 levels overflowed
# the docx-form reader's stack before this limit).
def stored(path_in_sample, part, deep_xml):
    def make(path):
        with zipfile.ZipFile(path_in_sample) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
            for name in src.namelist():
                z.writestr(name, deep_xml if name == part else src.read(name))
    return make


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
levels = 300000
deep_body = "<w:sdt><w:sdtContent>" * levels + "</w:sdtContent></w:sdt>" * levels
form_seed = os.path.join(SOURCE, "tests", "fuzz", "corpus", "docx-form", "typed-up-form.docx")
refused("deep-form.docx", stored(form_seed, "word/document.xml",
                                 f'<?xml version="1.0"?><w:document {W}><w:body>{deep_body}</w:body></w:document>'),
        "nested more than 256 elements")
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
deep_sheet = f'<?xml version="1.0"?><worksheet {S}><sheetData>' + "<row>" * levels + "</row>" * levels + \
    "</sheetData></worksheet>"
refused("deep-responses.xlsx", stored(sample("forms", "castlebrook-ms-forms.xlsx"), "xl/worksheets/sheet1.xml",
                                      deep_sheet), "nested more than 256 elements")
refused("deep-plan.xlsx", stored(sample("forms", "castlebrook-ms-forms.xlsx"), "xl/worksheets/sheet1.xml",
                                 deep_sheet), "nested more than 256 elements", command="track")

# XML external entities are never resolved: the DOCTYPE refuses the part.
secret = os.path.join(tmp, "secret.txt")
write("TOP-SECRET-CONTENT")(secret)
xxe = [("xl/workbook.xml", f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/>&x;</workbook>')]
refused("external-entity.xlsx", zipped(xxe), "DOCTYPE", command="track")
xxe_body = (f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'
            f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
refused("external-entity.docx", stored(form_seed, "word/document.xml", xxe_body), "DOCTYPE")

print(f"ok: {len(checked)} limits refused clearly")
