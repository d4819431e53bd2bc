"""--set docx.reference=ref.docx takes the house style from a DOCX nobody here wrote.

The reference is pandoc's default reference.docx with Heading 1 made dark
red, a US Letter page and a header with a logo added (edited with zipfile, as a council would
edit theirs in Word). python-docx then checks that the report uses the red
Heading 1, the reference's page size and its header and logo, and that the
styles the reference lacks were added.
"""
import os
import re
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

import docx
from docx.shared import Twips

SDIAG = os.environ["SDIAG"]
SOURCE = os.environ["SDIAG_TEST_SOURCE_DIR"]
SAMPLE = os.path.join(SOURCE, "samples", "castlebrook", "diagnostic.json")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def tiny_png():
    """A 4x2 blue PNG: the council's 'logo'."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\x20\x40\xc0" * 4 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


HEADER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
          '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="381000" cy="190500"/><wp:docPr id="100" name="Logo" descr="Council logo"/>'
          '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
          '<pic:nvPicPr><pic:cNvPr id="100" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr>'
          '<pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
          '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="381000" cy="190500"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr>'
          '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
          '<w:r><w:t xml:space="preserve"> Castlebrook house style</w:t></w:r></w:p></w:hdr>')
HEADER_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
               '<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
               'Target="media/logo.png"/></Relationships>')
SECTION = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHouseHeader" />'
           '<w:pgSz w:w="12240" w:h="15840" /><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" '
           'w:header="720" w:footer="720" w:gutter="0" /></w:sectPr>')


def make_reference(path):
    pandoc_ref = path + ".orig"
    subprocess.run(["pandoc", "-o", pandoc_ref, "--print-default-data-file", "reference.docx"], check=True)
    with zipfile.ZipFile(pandoc_ref) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/styles.xml":
                text = data.decode("utf-8")
                start = text.index('w:styleId="Heading1"')
                end = text.index("</w:style>", start)
                heading, count = re.subn(r'<w:color [^>]*/>', '<w:color w:val="8B0000" />', text[start:end])
                assert count == 1, "pandoc's Heading 1 has no colour to change"
                data = (text[:start] + heading + text[end:]).encode("utf-8")
            elif item.filename == "word/document.xml":
                text = data.decode("utf-8")
                # pandoc's reference has an empty sectPr: give it a US Letter
                # page with wide margins and the header, as set up in Word.
                text = re.sub(r"<w:sectPr\s*/>|<w:sectPr[\s>].*?</w:sectPr>", SECTION, text, flags=re.S)
                if 'xmlns:r=' not in text[:text.index("<w:body")]:
                    text = text.replace("<w:document ", '<w:document xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ', 1)
                data = text.encode("utf-8")
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.decode("utf-8").replace(
                    "</Relationships>",
                    '<Relationship Id="rIdHouseHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/header" Target="header1.xml"/></Relationships>').encode("utf-8")
            elif item.filename == "[Content_Types].xml":
                data = data.decode("utf-8").replace(
                    "</Types>",
                    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.wordprocessingml.header+xml"/></Types>')
                if 'Extension="png"' not in data:
                    data = data.replace("</Types>", '<Default Extension="png" ContentType="image/png"/></Types>')
                data = data.encode("utf-8")
            dst.writestr(item, data)
        dst.writestr("word/header1.xml", HEADER)
        dst.writestr("word/_rels/header1.xml.rels", HEADER_RELS)
        dst.writestr("word/media/logo.png", tiny_png())


with tempfile.TemporaryDirectory() as tmp:
    ref = os.path.join(tmp, "ref.docx")
    make_reference(ref)
    ref_width = docx.Document(ref).sections[0].page_width
    check(ref_width == Twips(12240), f"the test's reference page is {ref_width}")

    out = os.path.join(tmp, "out")
    subprocess.run([SDIAG, "run", SAMPLE, "-o", out, "--set", f"docx.reference={ref}"], check=True,
                   capture_output=True, text=True)
    report = docx.Document(os.path.join(out, "report.docx"))

    # By iteration: python-docx's styles["Heading 1"] looks for the lower-case
    # name Word writes, and pandoc's reference capitalises it.
    styles = {s.name: s for s in report.styles}
    heading1 = styles.get("Heading 1")
    check(heading1 is not None and str(heading1.font.color.rgb) == "8B0000",
          f"Heading 1 colour is {heading1 and heading1.font.color.rgb}, not the reference's")
    h1 = [p for p in report.paragraphs if p.style.name == "Heading 1"]
    check(len(h1) >= 5, f"only {len(h1)} Heading 1 paragraphs")
    check("Body Text" in styles, "the reference's own styles were lost")
    for name in ("List Bullet", "Note", "Report Table", "Table Text"):
        check(name in styles, f"style {name!r}, which the reference lacks, was not added")

    section = report.sections[0]
    check(section.page_width == ref_width, f"page width {section.page_width}, reference has {ref_width}")
    check(section.page_width != Twips(11906), "page size is still A4, not the reference's")
    header = section.header
    check("Castlebrook house style" in "".join(p.text for p in header.paragraphs), "the reference's header is missing")
    images = [r for r in header.part.rels.values() if r.reltype.endswith("/image")]
    check(len(images) == 1 and images[0].target_part.blob == tiny_png(), "the header's logo was not carried over")

    bad = os.path.join(tmp, "not-a-docx.docx")
    with open(bad, "w") as f:
        f.write("plain text")
    result = subprocess.run([SDIAG, "run", SAMPLE, "-o", os.path.join(tmp, "bad"), "--set", f"docx.reference={bad}"],
                            capture_output=True, text=True)
    check(result.returncode != 0, "a reference that is not a DOCX did not fail the run")
    check("is not a DOCX file" in result.stderr, f"unclear error for a bad reference: {result.stderr.strip()}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok: reference styles, page size, header and logo used")
