"""Hostile or wrong files given to sdiag track: clear errors, a non-zero
exit, and nothing written."""
import io
import os
import shutil
import sys
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
import openpyxl  # noqa: E402
from plan_helpers import check, finish, sdiag, workdir  # noqa: E402

tmp = workdir()

CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                 'content-types"/>')
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
            'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="Actions" sheetId="1" r:id="rId1"/></sheets></workbook>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
SHEET = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
         'main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>'
         'Action</t></is></c></row>{rows}</sheetData></worksheet>')


def workbook(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def base_parts(sheet=SHEET.format(rows="")):
    return {"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": WORKBOOK,
            "xl/_rels/workbook.xml.rels": RELS, "xl/worksheets/sheet1.xml": sheet}


def expect_error(name, words):
    path = os.path.join(tmp, name)
    out = os.path.join(tmp, "out-" + name)
    rc, _, err = sdiag("track", path, "-o", out)
    check(rc == 1, f"{name}: exit 1 (got {rc}): {err}")
    check(words in err, f"{name}: error says '{words}': {err.strip()}")
    check(err.count("\n") <= 3 and "terminate" not in err, f"{name}: a short, clean error: {err}")
    check(not os.path.exists(out) or not os.listdir(out), f"{name}: nothing written")
    print(name, "->", err.strip())


with open(os.path.join(tmp, "text.xlsx"), "w") as f:
    f.write("ID,Action\n1,Do it\n")
expect_error("text.xlsx", "not a zip file")

with open(os.path.join(tmp, "truncated.xlsx"), "wb") as f:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in base_parts().items():
            z.writestr(k, v)
    f.write(buf.getvalue()[:60])
expect_error("truncated.xlsx", "is damaged")

parts = base_parts()
parts["../evil.xml"] = "<x/>"
workbook(os.path.join(tmp, "slip.xlsx"), parts)
expect_error("slip.xlsx", "names an entry outside itself")

# A zip bomb: a sheet that unpacks to 80 MiB of spaces from about 80 KiB.
bomb = SHEET.format(rows="").replace("<sheetData>", "<sheetData>" + " " * (80 << 20))
workbook(os.path.join(tmp, "bomb.xlsx"), base_parts(bomb))
check(os.path.getsize(os.path.join(tmp, "bomb.xlsx")) < 1 << 20, "the bomb is small")
expect_error("bomb.xlsx", "zip bomb")

laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
          '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
parts = base_parts(SHEET.format(rows='<row r="2"><c r="A2" t="inlineStr"><is><t>&lol3;</t></is></c></row>')
                   .replace('<?xml version="1.0" encoding="UTF-8"?>', laughs))
workbook(os.path.join(tmp, "entities.xlsx"), parts)
expect_error("entities.xlsx", "DOCTYPE")

external = base_parts()
external["xl/workbook.xml"] = WORKBOOK.replace('<?xml version="1.0" encoding="UTF-8"?>',
                                               '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>')
workbook(os.path.join(tmp, "external.xlsx"), external)
expect_error("external.xlsx", "DOCTYPE")

wb = openpyxl.Workbook()
wb.active.title = "Budget"
wb.active["A1"] = "Line"
wb.save(os.path.join(tmp, "other.xlsx"))
expect_error("other.xlsx", "is it an sdiag action plan")

# The refreshed plan may not replace the user's file unless asked.
good = os.path.join(tmp, "good")
os.makedirs(good)
workbook(os.path.join(good, "action-plan.xlsx"), base_parts(SHEET.format(
    rows='<row r="2"><c r="A2" t="inlineStr"><is><t>a1</t></is></c><c r="B2" t="inlineStr"><is><t>Do it</t></is></c></row>')))
before = open(os.path.join(good, "action-plan.xlsx"), "rb").read()
rc, _, err = sdiag("track", os.path.join(good, "action-plan.xlsx"), "-o", good)
check(rc == 2 and "--in-place" in err, f"refuses to write over the plan: {rc} {err}")
check(open(os.path.join(good, "action-plan.xlsx"), "rb").read() == before, "the plan is untouched")

# Formulas as other programs write them: none of them stops the plan being read, each one not kept is named.
def c(ref, body, t=""):
    return f'<c r="{ref}"{f" t={chr(34)}{t}{chr(34)}" if t else ""}>{body}</c>'


def text(ref, words):
    return c(ref, f"<is><t>{words}</t></is>", "inlineStr")


header = text("A1", "ID") + text("B1", "Action") + text("C1", "Status") + text("D1", "Calc") + text("E1", "Latest update")
rows = [
    text("A2", "a1") + text("B2", "No saved result") + c("C2", '<f>IF(1,"Done","")</f>'),
    text("A3", "a2") + text("B3", "Filled down") + c("C3", '<f t="shared" si="0"/><v>Done</v>', "str"),
    text("A4", "a3") + text("B4", "Too long") + c("D4", "<f>" + "1+" * 5000 + "1</f><v>5001</v>"),
    c("A5", '<f>"a"&amp;"9"</f>') + text("B5", "An ID by formula, never worked out"),
    text("A6", "a4") + text("B6", "Array") + c("C6", '<f t="array" ref="C6">"Blocked"</f><v>Blocked</v>', "str"),
    text("A7", "a5") + text("B7", "A formula where sdiag writes") + c("E7", '<f>"Fine"</f>'),
]
sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
         'main"><sheetData>' + f'<row r="1">{header}</row>' +
         "".join(f'<row r="{i}">{r}</row>' for i, r in enumerate(rows, start=2)) + "</sheetData></worksheet>")
workbook(os.path.join(tmp, "formulas.xlsx"), base_parts(sheet))
out = os.path.join(tmp, "out-formulas")
rc, _, err = sdiag("track", os.path.join(tmp, "formulas.xlsx"), "-o", out)
check(rc == 0, f"formulas.xlsx: read (exit {rc}): {err}")
for cell in ("C2", "C3", "D4", "A5", "E7"):
    check(f"({cell})" in err, f"formulas.xlsx: the warning names {cell}: {err}")
check("terminate" not in err and "Sanitizer" not in err, f"formulas.xlsx: a clean run: {err}")
if rc == 0:
    refreshed = openpyxl.load_workbook(os.path.join(out, "action-plan.xlsx"))["Actions"]
    status = {r[0].value: r[4].value for r in refreshed.iter_rows(min_row=2) if r[0].value}
    check(status.get("a1") == '=IF(1,"Done","")', f"formulas.xlsx: the formula without a result is kept: {status}")
    check(status.get("a2") == "Done", f"formulas.xlsx: a filled-down cell keeps its value: {status}")
    check(status.get("a4") == '="Blocked"', f"formulas.xlsx: an array formula is kept: {status}")

shutil.rmtree(tmp)
finish()
