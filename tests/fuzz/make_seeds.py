#!/usr/bin/env python3
"""Rebuilds the seed corpora in corpus/ from the samples: small files only
(libFuzzer mutates small inputs far faster), one folder per fuzz target.
Crash regressions (corpus/*/crash-*) are kept; everything else is rewritten.
The action plan seed is written by sdiag itself: run with SDIAG=path/to/sdiag
to remake it (without SDIAG the committed one is kept)."""
import glob
import json
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SAMPLES = os.path.join(ROOT, "samples")


def stored(zip_bytes):
    """The same zip with every entry stored, not deflated: the zip targets'
    mutator changes entries in place, and libFuzzer's size limit is the
    largest seed, so the seeds are the packages as the mutator writes them."""
    import io
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for info in src.infolist():
            z.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), src.read(info))
    return buf.getvalue()


def out(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(d, name), mode) as f:
        f.write(data)


def copy(target, *sample_path):
    src = os.path.join(SAMPLES, *sample_path)
    if os.path.exists(src):
        with open(src, "rb") as f:
            out(target, os.path.basename(src), f.read())


def small_board():
    """The Castlebrook board cut to its frames, two items of each kind per
    frame and the connectors between what is kept (about 10 KB, not 140)."""
    with open(os.path.join(SAMPLES, "miro", "castlebrook-board.json")) as f:
        board = json.load(f)
    kept, per_parent = [], {}
    for item in board["items"]:
        parent = (item.get("parent") or {}).get("id", "")
        key = (parent, item["type"])
        if item["type"] == "frame" or per_parent.get(key, 0) < 2:
            per_parent[key] = per_parent.get(key, 0) + 1
            kept.append(item)
    ids = {i["id"] for i in kept}
    board["items"] = kept
    board["connectors"] = [c for c in board["connectors"]
                           if c["startItem"]["id"] in ids and c["endItem"]["id"] in ids]
    board["itemsByTag"] = {k: [i for i in v if i in ids] for k, v in board.get("itemsByTag", {}).items()}
    return board


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def small_docx_form(**replaced):
    """A typed-up DOCX form by hand: headings, a bullet, a content control
    and a contributors table, with the parts in `replaced` (by name, "/" and
    "." as "_") swapped. Entries are stored, not deflated, so the fuzzer's
    byte changes reach the XML (a deflated entry just fails)."""
    import io
    import zipfile

    def para(text, style=None):
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"

    def cell(text):
        return f"<w:tc>{para(text)}</w:tc>"

    body = (para("Castlebrook workshop notes", "Title") + para("Where the big pain points are", "Heading1") +
            para("Reports take three days to refresh", "ListBullet") +
            '<w:sdt><w:sdtPr><w:alias w:val="Immediate actions (plan)"/><w:tag w:val="actions"/></w:sdtPr>'
            f'<w:sdtContent>{para("Grace to publish a dashboard by March")}</w:sdtContent></w:sdt>' +
            para("Contributors", "Heading1") +
            "<w:tbl>" + "".join("<w:tr>" + "".join(cell(c) for c in row) + "</w:tr>"
                                for row in (("Name", "Role", "Present"), ("Helen Ashworth", "DCS", "yes"))) +
            "</w:tbl>")
    styles = "".join(f'<w:style w:type="paragraph" w:styleId="{s}"><w:name w:val="{n}"/></w:style>'
                     for s, n in (("Title", "Title"), ("Heading1", "heading 1"), ("ListBullet", "List Bullet")))
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               'content-types"><Override PartName="/word/document.xml" ContentType="application/'
                               'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                       'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>',
        "word/styles.xml": f'<?xml version="1.0"?><w:styles {W}>{styles}</w:styles>',
    }
    for name in parts:
        parts[name] = replaced.get(name.replace("/", "_").replace(".", "_"), parts[name])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data)
    return buf.getvalue()


def hostile_docx_forms():
    """Small forms whose XML the readers must refuse (tests/integration/
    test_hostile_xml.py has the full-size ones): an XHTML main part, a
    DOCTYPE of internal entities in UTF-16, styles nested past the limit."""
    xhtml = ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Where the big pain points'
             ' are</h1><p>Reports take three days to refresh</p></body></html>')
    laughs = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w:document [<!ENTITY a "haha">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
              f'<w:document {W}><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>')
    deep = f'<?xml version="1.0"?><w:styles {W}>' + "<w:style>" * 300 + "</w:style>" * 300 + "</w:styles>"
    return {"hostile-xhtml-main-part.docx": small_docx_form(word_document_xml=xhtml),
            "hostile-doctype-utf16.docx": small_docx_form(word_document_xml=laughs.encode("utf-16")),
            "hostile-deep-styles.docx": small_docx_form(word_styles_xml=deep)}


def every_block_document():
    """A Document JSON with one block of each kind, every field set (as the SDK writes it)."""
    run = lambda text, **kw: dict(text=text, **kw)
    para = lambda *runs, **kw: dict(runs=list(runs), **kw)
    return {"meta": {"title": "Report", "subtitle": "Sub", "author": "Jo", "subject": "Diagnostic",
                     "organisation": "Northmoor", "date": "2026-02-10", "language": "en-GB", "keywords": ["data", "CSC"]},
            "blocks": [
                {"type": "contents", "title": "Inside"},
                {"type": "heading", "level": 2, "text": "Syst\u00e8me", "id": "system"},
                dict(type="paragraph", style="quote", **para(run("Read "), run("this", bold=True, italic=True, link="#system"))),
                {"type": "list", "numbered": True, "items": [{"level": 0, "content": para(run("one"))},
                                                             {"level": 1, "content": para(run("two"))}]},
                {"type": "table", "caption": "Numbers", "widths": [2, 1], "header": [para(run("A")), para(run("B"))],
                 "rows": [[para(run("1")), para(run("2"))]]},
                {"type": "figure", "id": "map", "alt": "A map", "caption": "The map", "png": "iVBORw0KGgo=",
                 "drawing": {"width": 400, "height": 300, "ops": [
                     {"kind": "bezier", "points": [[0, 0], [1, 2], [3, 4], [5, 6]], "stroke": "#000000",
                      "line_width": 1.5, "dashed": True, "arrow_end": True, "font_size": 9},
                     {"kind": "text", "points": [[10, 20]], "text": "Node", "line_width": 1, "font_size": 11,
                      "bold": True}]}},
                {"type": "page_break", "landscape": True}]}


def script_responses():
    """What a script plugin's program answers, one per kind of call; the first byte picks the call
    (script_response_fuzzer.cpp: 0 sniff, 1 diagnostic, 2 document, 3 files)."""
    diagnostic = {"meta": {"title": "Review"},
                  "notes": [{"id": "n1", "section": "ideas", "text": "Data champions", "tags": ["Quick win"]}],
                  "actions": [{"id": "a1", "text": "Publish the glossary", "owner": "Jo", "due": "2026-03-01"}]}
    findings = [{"severity": "info", "message": "read 1 note", "location": "row 2"}]
    return {"sniff.json": b"\x00" + json.dumps({"sniff": 80}).encode(),
            "diagnostic.json": b"\x01" + json.dumps({"diagnostic": diagnostic, "findings": findings}).encode(),
            "document.json": b"\x02" + json.dumps({"document": every_block_document()}).encode(),
            "files.json": b"\x03" + json.dumps({"files": ["report.txt", "../escape.txt"],
                                                 "findings": [{"message": "wrote it"}]}).encode(),
            "not-json.txt": b"\x01Traceback (most recent call last):\n  File \"x.py\""}


def action_plan(sdiag):
    """The plan sdiag writes for a small diagnostic with three actions."""
    d = {"schema": "sdiag/1", "meta": {"title": "Seed"},
         "actions": [{"id": "A1", "text": "Publish a data quality dashboard", "owner": "Head of performance",
                      "due": "2026-03-31", "status": "In progress"},
                     {"id": "A2", "text": "Agree one definition of a re-referral", "owner": "DCS",
                      "due_text": "by the summer", "status": "Not started"},
                     {"id": "A3", "text": "Retire the weekly spreadsheet", "status": "Done"}]}
    with tempfile.TemporaryDirectory() as tmp:
        src, pipeline = os.path.join(tmp, "d.json"), os.path.join(tmp, "p.json")
        with open(src, "w") as f:
            json.dump(d, f)
        with open(pipeline, "w") as f:
            json.dump({"name": "plan", "summary": "plan", "inputs": "auto", "analyses": [], "outputs": ["xlsx"]}, f)
        subprocess.run([sdiag, "run", src, "--pipeline", pipeline, "-o", tmp], check=True,
                       env=dict(os.environ, SOURCE_DATE_EPOCH="1767225600"))
        with open(os.path.join(tmp, "action-plan.xlsx"), "rb") as f:
            return f.read()


def plan_with_formulas(plan):
    """The plan with Status set by formulas as other programs write them: one
    with no saved result, and a shared formula filled down two rows."""
    import io
    import re
    import zipfile
    cells = {"E2": '<c r="E2"><f>IF(1,"Done","")</f></c>',
             "E3": '<c r="E3" t="str"><f t="shared" ref="E3:E4" si="0">"Blocked"</f><v>Blocked</v></c>',
             "E4": '<c r="E4" t="str"><f t="shared" si="0"/><v>Blocked</v></c>'}
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plan)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                for ref, cell in cells.items():
                    text = re.sub(r'<c r="%s"[^>]*?(/>|>.*?</c>)' % ref, cell, text, count=1)
                data = text.encode()
            z.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), data)
    return buf.getvalue()


def main():
    sdiag = os.environ.get("SDIAG")
    for d in glob.glob(os.path.join(HERE, "corpus", "*", "*")):
        if os.path.basename(d).startswith("crash-") or (d.endswith("action-plan.xlsx") and not sdiag):
            continue
        os.remove(d)
    copy("diagnostic-json", "castlebrook", "diagnostic.json")
    out("diagnostic-json", "minimal.json", '{"schema": "sdiag/1", "notes": [{"id": "n1", "text": "x"}]}')
    board = small_board()
    out("miro", "board-dump.json", json.dumps(board, separators=(",", ":")))
    out("miro", "rest-page.json", json.dumps({"data": board["items"][:8], "total": 8, "size": 8,
                                              "limit": 10, "cursor": ""}, separators=(",", ":")))
    out("miro", "web-sdk-array.json", json.dumps(board["items"][:8], separators=(",", ":")))
    copy("csv", "csv", "castlebrook-notes.csv")
    copy("csv", "csv", "miro-stickies-export.csv")
    out("csv", "stray-quotes.csv", 'section,text,author\r\nIdeas,"Data champions,Jo\r\nIdeas,A glossary,Sam\r\n'
                                   'Actions,Book the "big" room,Kim\r\nActions,Last,"Lee\r\n')
    copy("markdown", "forms", "castlebrook-writeup.md")
    copy("form-responses-csv", "forms", "castlebrook-google-forms.csv")
    copy("form-responses-csv", "forms", "castlebrook-excel-1252.csv")
    with open(os.path.join(SAMPLES, "forms", "castlebrook-ms-forms.xlsx"), "rb") as f:
        out("form-responses-xlsx", "castlebrook-ms-forms.xlsx", stored(f.read()))
    for docx in glob.glob(os.path.join(SAMPLES, "forms", "*.docx")):
        copy("docx-form", "forms", os.path.basename(docx))
    out("docx-form", "typed-up-form.docx", small_docx_form())
    for name, data in hostile_docx_forms().items():
        out("docx-form", name, data)
    out("document-json", "every-block.json", json.dumps(every_block_document(), indent=1))
    out("document-json", "empty.json", '{"blocks": []}')
    for name, data in script_responses().items():
        out("script-response", name, data)
    if sdiag:
        out("plan-xlsx", "action-plan.xlsx", stored(action_plan(sdiag)))
    with open(os.path.join(HERE, "corpus", "plan-xlsx", "action-plan.xlsx"), "rb") as f:
        out("plan-xlsx", "plan-formulas.xlsx", plan_with_formulas(f.read()))


if __name__ == "__main__":
    main()
