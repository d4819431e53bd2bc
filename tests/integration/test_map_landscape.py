"""A wide system map gets a landscape page of its own, in the PDF and the DOCX: one system feeding
teams in four business areas, each re-keying into a return, is wide whichever way graphviz lays it
out, and upright its labels would print at about 6 pt. Turned, they print at 8 pt or more, the
running header and "Page X of Y" follow the turned page, and every other page stays upright. The
bundled sample's map prints larger upright, so it stays upright."""
import copy
import json
import os
import re
import subprocess

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from sdiag_test import expect, run, sample, tempdir

ENV = {"SOURCE_DATE_EPOCH": "1767225600"}
PORTRAIT, LANDSCAPE = (595.276, 841.89), (841.89, 595.276)

with open(sample("castlebrook", "diagnostic.json")) as f:
    BASE = json.load(f)


def wide_map():
    areas = ["Internal CSC teams", "Corporate teams", "External suppliers", "Schools"]
    functions = ["Front line services and management", "MIS maintenance and development",
                 "Reporting maintenance and development", "Data analysis", "Corporate performance and policy"]
    nodes = [{"id": "hub", "label": "Case management system", "function": functions[1],
              "business_area": "External suppliers"}]
    edges = []
    for i, area in enumerate(areas):
        nodes.append({"id": f"a{i}", "label": f"Team {i} spreadsheet tracker", "function": functions[i],
                      "business_area": area})
        nodes.append({"id": f"b{i}", "label": f"Monthly return {i}", "function": functions[(i + 2) % 5],
                      "business_area": area})
        edges.append({"from": "hub", "to": f"a{i}", "label": "nightly extract", "pain_point": i % 3 == 0})
        edges.append({"from": f"a{i}", "to": f"b{i}", "label": "re-keyed by hand", "pain_point": False})
    return {"nodes": nodes, "edges": edges}


def write_reports(d):
    src = os.path.join(tempdir(), "diagnostic.json")
    with open(src, "w") as f:
        json.dump(d, f, ensure_ascii=False)
    out = tempdir()
    code, _, err = run("run", src, "-o", out, env=ENV)
    expect(code == 0, f"run exits 0: {err}")
    return os.path.join(out, "report.pdf"), os.path.join(out, "report.docx")


def page_sizes(pdf):
    """Each page's size in points, as pdfinfo reads it (width, height)."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", pdf], capture_output=True, text=True,
                          check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info)]


def map_page(pdf):
    """The number of the page holding the map (its caption: "The data system as mapped") and its words."""
    bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = bbox.split("<page ")[1:]
    found = [i for i, p in enumerate(pages) if ">mapped<" in p]
    expect(len(found) == 1, f"the map is on one page: {found}")
    words = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', pages[found[0]])
    return found[0] + 1, [(float(a), float(b), float(c), float(e), w) for a, b, c, e, w in words]


def docx_sections(path):
    """python-docx's sections, and the index of the section holding the map's picture."""
    document = docx.Document(path)
    section, holding_map = 0, None
    for block in document.element.body.iterchildren(qn("w:p")):
        for pic in block.iter(qn("wp:docPr")):
            if "as mapped" in (pic.get("title") or ""):
                holding_map = section
        ppr = block.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
            section += 1
    return list(document.sections), holding_map


def near(size, want):
    return abs(size[0] - want[0]) < 0.5 and abs(size[1] - want[1]) < 0.5


# 1. The wide map: its page turned, in the PDF.
d = copy.deepcopy(BASE)
d["system_map"] = wide_map()
pdf, docx_path = write_reports(d)
sizes = page_sizes(pdf)
number, words = map_page(pdf)
expect(near(sizes[number - 1], LANDSCAPE), f"the map's page {number} is landscape: {sizes[number - 1]}")
others = [i + 1 for i, s in enumerate(sizes) if i + 1 != number and not near(s, PORTRAIT)]
expect(not others, f"every other page is portrait: {others} are not")

# The labels print at 8 pt or more. A word's box is the font's ascent and descent high: the footer's
# "Page", set at 9 pt in the same font, says how high that is.
em = next(bottom - top for _, top, _, bottom, w in words if w == "Page") / 9
key_top = next(top for _, top, _, _, w in words if w == "Key")
heading_bottom = next(bottom for _, _, _, bottom, w in words if w == "mapping")
labels = [(bottom - top) / em for _, top, _, bottom, w in words if heading_bottom < top < key_top]
expect(len(labels) > 20, f"the map's labels are found: {len(labels)}")
expect(min(labels) >= 8, f"the map's labels print at 8 pt or more: smallest {min(labels):.1f}")
# The map is as wide as the turned page's text allows (842 - 2 x 72), past an upright page's (451).
map_words = [(x0, x1) for x0, top, x1, _, _ in words if heading_bottom < top < key_top]
width = max(x1 for _, x1 in map_words) - min(x0 for x0, _ in map_words)
expect(width > 600, f"the map spreads over the turned page: {width:.0f} pt")
# The running header, its rule and "Page X of Y" follow the turned page: the number ends at its right margin.
total = len(sizes)
footer = [(x1, bottom) for _, _, x1, bottom, w in words if w == str(total)]
expect(footer and abs(footer[-1][0] - (841.89 - 72)) < 2 and footer[-1][1] > 550,
       f"'Page {number} of {total}' sits at the turned page's foot, right margin: {footer}")

# 2. The DOCX: a landscape section holding the map's picture, portrait sections before and after.
sections, holding_map = docx_sections(docx_path)
orientations = [s.orientation for s in sections]
expect(orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT],
       f"portrait, landscape, portrait sections: {orientations}")
expect(holding_map == 1, f"the landscape section holds the map's picture: section {holding_map}")
turned = sections[1]
expect(turned.page_width > turned.page_height and abs(turned.page_width.pt - 841.9) < 1,
       f"the landscape section's page is A4 turned: {turned.page_width.pt} x {turned.page_height.pt}")
expect(not turned.different_first_page_header_footer and not sections[2].different_first_page_header_footer,
       "the sections after the cover's have their header and footer on their first page")
expect("Page" in "".join(p.text for p in turned.footer.paragraphs), "the landscape section has the page footer")

# 3. The bundled sample's map prints larger upright: every page and the one DOCX section stay portrait.
pdf, docx_path = write_reports(copy.deepcopy(BASE))
expect(all(near(s, PORTRAIT) for s in page_sizes(pdf)), "the sample's pages are all portrait")
sections, _ = docx_sections(docx_path)
expect([s.orientation for s in sections] == [WD_ORIENT.PORTRAIT], "the sample's DOCX is one portrait section")
print("test_map_landscape: all checks passed")
