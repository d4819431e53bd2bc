#!/usr/bin/python3
"""Writes castlebrook-reference.docx: the styles (fonts, council colours) and
the header logo that the docx output copies into Castlebrook's reports
(--set docx.reference=castlebrook-reference.docx). Needs python3-docx.

Run it again after changing the colours below; commit the result."""
import io
import os
import struct
import zlib
from datetime import datetime

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor, Mm

TEAL = RGBColor(0x00, 0x59, 0x4F)      # Castlebrook brand teal: headings, logo
SLATE = RGBColor(0x26, 0x32, 0x38)     # body text
GOLD = RGBColor(0xC8, 0x9B, 0x2C)      # accent: title rule, subtitle
FONT = "Arial"                          # the council's house font (Liberation Sans metrics)


def png(width, height, pixel):
    """A PNG from pixel(x, y) -> (r, g, b), without an imaging library."""
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def castle(x, y):
    """The council crest: a white castle with three towers on teal, a gold base line."""
    teal, white, gold = (0x00, 0x59, 0x4F), (0xFF, 0xFF, 0xFF), (0xC8, 0x9B, 0x2C)
    if y >= 52:
        return gold
    wall = 18 <= x < 102 and 28 <= y < 50
    towers = any(a <= x < a + 16 and 12 <= y < 50 for a in (14, 52, 90))
    crenels = any(a <= x < a + 4 and 6 <= y < 12 for t in (14, 52, 90) for a in (t, t + 6, t + 12))
    gate = 54 <= x < 66 and 36 <= y < 50
    return white if (wall or towers or crenels) and not gate else teal


def style(doc, name, size, colour, bold=False):
    s = doc.styles[name]
    s.font.name = FONT
    s.font.size = Pt(size)
    s.font.color.rgb = colour
    s.font.bold = bold
    return s


def main():
    doc = Document()
    style(doc, "Normal", 11, SLATE)
    style(doc, "Title", 26, TEAL, bold=True)
    style(doc, "Subtitle", 14, GOLD)
    style(doc, "Heading 1", 16, TEAL, bold=True)
    style(doc, "Heading 2", 13, TEAL, bold=True)
    style(doc, "Heading 3", 11, SLATE, bold=True)
    style(doc, "Caption", 9, SLATE).font.italic = True

    section = doc.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)  # A4
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(22))
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.add_run().add_picture(io.BytesIO(png(120, 56, castle)), height=Mm(12))
    footer = section.footer.paragraphs[0]
    footer.text = "Castlebrook Borough Council · Children's Services · OFFICIAL"
    footer.runs[0].font.size = Pt(8)

    doc.core_properties.author = "Castlebrook Borough Council"
    doc.core_properties.title = "Castlebrook report style"
    doc.core_properties.language = "en-GB"
    doc.core_properties.created = doc.core_properties.modified = datetime(2026, 1, 1)
    doc.add_paragraph("Castlebrook report style", style="Title")
    doc.add_paragraph("Reference document: styles, colours and logo for sdiag's docx output.")

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "castlebrook-reference.docx")
    doc.save(out)
    print(out)


if __name__ == "__main__":
    main()
