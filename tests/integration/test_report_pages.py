"""The report's pages as a reader sees them: emoji in notes are drawn (no empty
boxes) in the text and on the system map, the contents never leave a page
holding a line or two, and the system map has a page of its own with labels
readable in print (8 pt or more)."""
import copy
import json
import os
import re
import statistics
import subprocess

from sdiag_test import SOURCE, expect, run, sample, tempdir

ENV = {"SOURCE_DATE_EPOCH": "1767225600"}
# Emoji facilitators and participants put on stickies: faces, hands, symbols, objects.
EMOJI = "⚠ ✔ ✅ ❌ ➡ ⬆ 📊 📈 🅿 💡 🔥 💪 👀 🙂 😬 😩 👍 🧊 💭 🦔 🔧 ✨".split()

with open(sample("castlebrook", "diagnostic.json")) as f:
    BASE = json.load(f)


def write_report(d, extra_env=None, extra_args=()):
    src = os.path.join(tempdir(), "diagnostic.json")
    with open(src, "w") as f:
        json.dump(d, f, ensure_ascii=False)
    out = tempdir()
    code, _, err = run("run", src, "-o", out, *extra_args, env={**ENV, **(extra_env or {})})
    expect(code == 0, f"run exits 0: {err}")
    return os.path.join(out, "report.pdf")


def pdf_pages(path):
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def undrawn(path, marker):
    """The emoji that do not come back out of the PDF's text on the line starting with `marker`.
    pango draws a character no font has as a box of its hex code, which is not text: such a
    character does not come back, nor does one set in a font with no glyph for it."""
    line = next((l for l in "\n".join(pdf_pages(path)).splitlines() if l.startswith(marker)), "")
    return [e for e in EMOJI if e not in line]


# 1. Emoji in a note and in a resource on the system map.
d = copy.deepcopy(BASE)
d["notes"][0]["text"] = "Emoji: " + " ".join(EMOJI)
d["system_map"]["nodes"][0]["label"] = "Map: " + " ".join(EMOJI)
pdf = write_report(d)
fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
expect("Symbola" in fonts, f"the emoji font is embedded:\n{fonts}")
expect(undrawn(pdf, "Emoji:") == [], f"every emoji of the note is drawn: missing {undrawn(pdf, 'Emoji:')}")
# The map's resource label is wrapped over lines: read the emoji from the whole map page.
map_page = next(p for p in pdf_pages(pdf) if "Map:" in p)
expect(all(e in map_page for e in EMOJI), "every emoji of the map's label is drawn (the painter the DOCX's map uses)")

# The check can fail: with fonts that lack the emoji, they are boxes and the check says so.
only_dejavu = os.path.join(tempdir(), "dejavu.conf")
with open(only_dejavu, "w") as f:
    f.write('<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>'
            '<dir>/usr/share/fonts/truetype/liberation2</dir>'
            '<cachedir>/var/cache/fontconfig</cachedir></fontconfig>\n')
boxes = undrawn(write_report(d, {"FONTCONFIG_FILE": only_dejavu}), "Emoji:")
expect(len(boxes) >= 10, f"without the emoji font the check finds the boxes: {boxes}")

# 2. Contents just over a page: kept on one page, or with a fair share carried over.
def is_entry(line):
    return re.search(r"\S\s+\d+$", line.strip()) and not line.strip().startswith("Page ")


def contents_pages(pdf):
    """Entries (lines ending in a page number) on each page of the contents (page 2 on)."""
    pages = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "4", pdf, "-"], capture_output=True,
                           text=True).stdout.split("\f")
    counts = []
    for p in pages:
        lines = [l for l in p.splitlines() if l.strip()][1:]  # less the running header
        if not lines or not (lines[0].strip() == "Contents" or (counts and is_entry(lines[0]))):
            break
        counts.append(sum(1 for l in lines if is_entry(l)))
    return counts


topics = ["Recording", "Dashboards", "Licences", "Training", "Data sharing", "Supplier", "Returns", "Capacity",
          "Leadership", "Warehouse", "Definitions", "Forms", "Audits", "Archive", "Mobile", "Transport", "Budget",
          "Recruitment", "Privacy", "Feedback", "Estates", "Portal", "Archiving", "Helpdesk"]
seen = []
for k in (12, 18, 24):
    d = copy.deepcopy(BASE)
    for i, t in enumerate(topics[:k]):
        d["notes"].append({"id": f"x{i}", "section": "key_issues", "prompt": "pain_points",
                           "text": f"{t} is a problem for the team every month", "author": "", "colour": "pink",
                           "tags": [t], "position": None, "source": {"file": "x", "plugin": "test", "ref": str(i)}})
    # Every tag its own theme: the cluster's fold to a facilitator's number of themes is off.
    counts = contents_pages(write_report(d, extra_args=("--set", "cluster.themes=-1")))
    seen.append(counts)
    expect(counts and counts[0] > 30, f"{k} extra themes: the contents are found: {counts}")
    expect(len(counts) == 1 or counts[-1] >= 8, f"{k} extra themes: no contents page holds only a line or two: {counts}")
# Without the fix, 12 extra themes left 1 entry on a page of its own; 24 run over a page whatever is done.
expect(len(seen[0]) == 1 and len(seen[-1]) == 2, f"contents on one page, then over two: {seen}")

# 3. The system map: a page of its own, labels 8 pt or more at print size.
out = tempdir()
run("run", os.path.join(SOURCE, "tests", "boards", "harrowfield", "board.json"), "-o", out, env=ENV, check=0)
bbox = subprocess.run(["pdftotext", "-bbox", os.path.join(out, "report.pdf"), "-"], capture_output=True,
                      text=True).stdout
map_pages = [p for p in bbox.split("<page ")[1:] if ">mapped<" in p]  # the caption: "The data system as mapped"
expect(len(map_pages) == 1, "the map is on one page")
words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', map_pages[0])
key_top = next(float(a) for a, b, w in words if w == "Key")
heading_bottom = next(float(b) for a, b, w in words if w == "mapping")
# The bounding box of a line of Liberation Sans is 1.15 em high (ascent and descent).
sizes = [(float(b) - float(a)) / 1.15 for a, b, w in words if heading_bottom < float(a) < key_top]
expect(len(sizes) > 20, f"the map's labels are found: {len(sizes)}")
expect(min(sizes) >= 8, f"the map's labels print at 8 pt or more: smallest {min(sizes):.1f}, "
                        f"median {statistics.median(sizes):.1f}")
texts = [w for _, _, w in words]
expect("Resources" not in texts[texts.index("mapping"):], "nothing but the map and its caption follows on its page")
print("test_report_pages: all checks passed")
