"""Hostile XML through every reader that parses XML, run by the real sdiag:
elements nested 50,000 deep, a DOCTYPE whose internal entities would expand
to 4 MiB (in UTF-16, where a search of the bytes for "<!DOCTYPE" finds
nothing), and well-formed XHTML where WordprocessingML belongs. Each is
refused by the parser or the root element check with a message naming the
file, the part and what is wrong; nothing crashes, nothing is half-written.
A bad reference DOCX fails the DOCX output alone: every other output is
written. The files are made here, not kept in the tree."""
import json
import os
import signal

import whiteboard_export as wb
from hostile_parts import stored, utf16
from sdiag_test import SOURCE, expect, run, sample, tempdir

tmp = tempdir()
checked = []
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
LEVELS = 50000
FORM = os.path.join(SOURCE, "tests", "fuzz", "corpus", "docx-form", "typed-up-form.docx")
RESPONSES = sample("forms", "castlebrook-ms-forms.xlsx")
DIAGNOSTIC = sample("castlebrook", "diagnostic.json")
XHTML = ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Notes</title></head>'
         '<body><h1>What the DCS sees now</h1><p>We cannot see how long children wait</p></body></html>')


def pipeline(name, outputs, layout=None):
    path = os.path.join(tmp, name + ".json")
    p = {"name": name, "summary": name, "inputs": "auto", "analyses": [], "outputs": outputs}
    if layout:
        p["layout"] = layout
    with open(path, "w") as f:
        json.dump(p, f)
    return path


READ = pipeline("read", ["json"])
REPORT = pipeline("report", ["json", "markdown", "docx"], layout="d2i-report")


def deep(root, element, inner=""):
    """`root` holding `element` nested LEVELS deep."""
    name = root.split()[0]
    return (f'<?xml version="1.0"?><{root}>' + f"<{element}>" * LEVELS + inner + f"</{element}>" * LEVELS +
            f"</{name}>")


def laughs(root, body):
    """`root` whose text &e; expands to 4 MiB from a DOCTYPE of nested internal entities."""
    name = root.split()[0]
    entities = '<!ENTITY a "' + "ha" * 32 + '">' + "".join(
        f'<!ENTITY {n} "{("&" + p + ";") * 16}">' for p, n in zip("abcd", "bcde"))
    return f'<?xml version="1.0"?><!DOCTYPE {name} [{entities}]><{root}>{body.replace("TEXT", "&e;")}</{name}>'


def no_crash(name, rc, err):
    expect(rc == 1, f"{name}: exit 1, got {rc} ({'signal ' + signal.Signals(-rc).name if rc < 0 else ''})\n{err}")
    for bad in ("hahahaha", "terminate called", "Sanitizer", "runtime error", "Traceback"):
        expect(bad not in err, f"{name}: no crash report and no expansion ('{bad}'):\n{err}")


def refused(name, make, words, command="run"):
    """An input: refused with exit 1, one line naming the file and saying `words`; nothing written."""
    path = os.path.join(tmp, name)
    make(path)
    out = os.path.join(tmp, "out-" + name)
    rc, _, err = run(command, path, "-o", out, *(["--pipeline", READ] if command == "run" else []))
    no_crash(name, rc, err)
    lines = [line for line in err.splitlines() if name in line and words in line]
    expect(lines, f"{name}: a line names the file and says '{words}':\n{err}")
    written = os.listdir(out) if os.path.isdir(out) else []
    expect(not written, f"{name}: nothing written: {written}")
    checked.append(name)
    print(f"{name}: {lines[0].strip()}")


# The report of the sample, whose DOCX is a good reference to spoil part by part.
own = os.path.join(tmp, "own")
run("run", DIAGNOSTIC, "--pipeline", REPORT, "-o", own, check=0)
OWN = os.path.join(own, "report.docx")


def reference_refused(name, part, data, words):
    """A bad reference fails the DOCX output alone (one worker, as `-j 1`
    once left a half-written folder): a finding naming the file, the part
    and what is wrong, and what to do; every other output is written."""
    reference = os.path.join(tmp, name)
    stored(OWN, part, data)(reference)
    out = os.path.join(tmp, "out-" + name)
    rc, _, err = run("run", DIAGNOSTIC, "--pipeline", REPORT, "--set", f"docx.reference={reference}", "-j", "1",
                     "-o", out)
    no_crash(name, rc, err)
    finding = [line for line in err.splitlines() if name in line and words in line]
    expect(finding and finding[0].endswith("[docx]"), f"{name}: a finding of the docx output saying '{words}':\n{err}")
    expect("Give docx.reference a DOCX saved by Word or LibreOffice" in finding[0], f"{name}: says what to do:\n{err}")
    written = sorted(os.listdir(out))
    expect(written == ["diagnostic.json", "report.md"],
           f"{name}: every other output written, no report.docx and nothing half-written: {written}")
    checked.append(name)
    print(f"{name}: {finding[0].strip()}")


# 2. Nesting: 256 elements, counted by the parser in UTF-8 and UTF-16 alike.
NESTED = "is nested more than 256 elements deep (the limit)"
for encoding, encode in (("utf8", lambda xml: xml), ("utf16", utf16)):
    refused(f"deep-form-styles-{encoding}.docx",
            stored(FORM, "word/styles.xml", encode(deep(f"w:styles {W}", "w:style"))),
            "the XML of word/styles.xml " + NESTED)
    reference_refused(f"deep-reference-styles-{encoding}.docx", "word/styles.xml",
                      encode(deep(f"w:styles {W}", "w:style")), "the XML of word/styles.xml " + NESTED)
# Parts copied from the reference into the report go through the same parse.
reference_refused("deep-reference-header.docx", "word/header1.xml", utf16(deep(f"w:hdr {W}", "w:sdt")),
                  "the XML of word/header1.xml " + NESTED)
reference_refused("deep-reference-numbering.docx", "word/numbering.xml",
                  utf16(deep(f"w:numbering {W}", "w:abstractNum")), "the XML of word/numbering.xml " + NESTED)

# 3. A DOCTYPE is refused by the parser, so UTF-16 hides nothing and no entity is expanded.
DOCTYPE = "declares a DOCTYPE"
refused("laughs-form-utf16.docx",
        stored(FORM, "word/document.xml",
                 utf16(laughs(f"w:document {W}", "<w:body><w:p><w:r><w:t>TEXT</w:t></w:r></w:p></w:body>"))),
        "word/document.xml " + DOCTYPE)
refused("laughs-form-styles-utf16.docx",
        stored(FORM, "word/styles.xml",
                 utf16(laughs(f"w:styles {W}", '<w:style w:styleId="A"><w:name w:val="TEXT"/></w:style>'))),
        "word/styles.xml " + DOCTYPE)
# form-responses knows a Microsoft Forms export by its column names in the shared strings.
forms_columns = [("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {S}><si><t>Start time</t></si>'
                  '<si><t>Completion time</t></si></sst>')]
sheet_laughs = utf16(laughs(f"worksheet {S}", '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>TEXT</t></is></c>'
                            '</row></sheetData>'))
refused("laughs-responses-utf16.xlsx", stored(RESPONSES, "xl/worksheets/sheet1.xml", sheet_laughs, forms_columns),
        "xl/worksheets/sheet1.xml " + DOCTYPE)
refused("laughs-plan-utf16.xlsx", stored(RESPONSES, "xl/worksheets/sheet1.xml", sheet_laughs), DOCTYPE,
        command="track")
reference_refused("laughs-reference-styles-utf16.docx", "word/styles.xml",
                  utf16(laughs(f"w:styles {W}", '<w:style w:styleId="A"><w:name w:val="TEXT"/></w:style>')),
                  "word/styles.xml " + DOCTYPE)
reference_refused("laughs-reference-footer-utf16.docx", "word/footer1.xml",
                  utf16(laughs(f"w:ftr {W}", "<w:p><w:r><w:t>TEXT</w:t></w:r></w:p>")), "word/footer1.xml " + DOCTYPE)

# 16. Well-formed XHTML where WordprocessingML belongs: refused, naming the part and its root.
NOT_WORD = "is not WordprocessingML: its root element is <html> in the namespace http://www.w3.org/1999/xhtml"
refused("xhtml-form.docx", stored(FORM, "word/document.xml", XHTML), "word/document.xml " + NOT_WORD)
refused("xhtml-form-utf16.docx", stored(FORM, "word/document.xml", utf16(XHTML)), "word/document.xml " + NOT_WORD)
# A form's styles part in another vocabulary costs its style names only: warned, the text read.
xhtml_styles = os.path.join(tmp, "xhtml-form-styles.docx")
stored(FORM, "word/styles.xml", XHTML)(xhtml_styles)
out = os.path.join(tmp, "out-xhtml-form-styles")
rc, _, err = run("run", xhtml_styles, "--pipeline", READ, "-o", out)
expect(rc == 0 and "word/styles.xml " + NOT_WORD in err and "its styles were not read" in err,
       f"a form whose styles part is XHTML is read with a warning naming the part and its root:\n{err}")
with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
    expect(json.load(f)["notes"], "the form's notes are read")
checked.append("xhtml-form-styles.docx")
reference_refused("xhtml-reference.docx", "word/document.xml", XHTML, "word/document.xml " + NOT_WORD)
reference_refused("xhtml-reference-styles.docx", "word/styles.xml", XHTML, "word/styles.xml " + NOT_WORD)
reference_refused("xhtml-reference-header.docx", "word/header1.xml", XHTML, "word/header1.xml " + NOT_WORD)

# The Microsoft Whiteboard page is HTML, read by libxml2's HTML parser, whose
# own depth limit (256, the same as ours) stops the tree: what lies deeper is
# counted in a warning, the rest of the board is read. It never expands the
# entities of an internal DTD subset (HTML has none), and reads no DTD.
page = wb.page("Hostile board", [wb.note("n1", 0, 0, "A note on the surface &e;"),
                                 "<div>" * LEVELS + wb.note("n2", 0, 400, "A note buried deep") + "</div>" * LEVELS])
doctype = laughs("html", "")[len('<?xml version="1.0"?>'):].split("<html>")[0]
page = page.replace("<!DOCTYPE html>", doctype).replace("&amp;e;", "&e;")
board = os.path.join(tmp, "hostile-board.html")
with open(board, "w") as f:
    f.write(page)
out = os.path.join(tmp, "out-board")
rc, _, err = run("run", board, "--pipeline", READ, "-o", out)
expect(rc == 0 and "1 object(s) of the page could not be read" in err and "nested too deep" in err,
       f"a board nested 50,000 deep is read as far as the parser's limit, the rest reported:\n{err}")
with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
    notes = [n["text"] for n in json.load(f)["notes"]]
expect(notes == ["A note on the surface &e;"], f"the entity is not expanded, the buried note not read: {notes}")
checked.append("hostile-board.html")

print(f"ok: {len(checked)} hostile XML files met with a clear message")
