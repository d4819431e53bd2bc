"""`sdiag template --format pdf` prints the workshop as boards: one landscape page per section of the
template in use (A3, or A4 with --paper a4), titled as the method titles it, the prompts as labelled
columns from left to right, the footer naming the section and the page; tagged, and sound to qpdf.
The typed-up CSV and the Word capture form list the sections and prompts in the boards' order, so the
person typing up reads across the wall in order. Checked with poppler (pdfinfo, pdftotext, pdftoppm),
qpdf and python-docx."""
import csv
import json
import os
import re
import subprocess

import docx

from sdiag_test import SOURCE, expect, run, tempdir

ENV = {"SOURCE_DATE_EPOCH": "1767225600"}
A3, A4 = (1190.55, 841.89), (841.89, 595.28)
with open(os.path.join(SOURCE, "templates", "workshop", "d2i-service-diagnostic.json")) as f:
    D2I = json.loads("\n".join(l for l in f if not l.lstrip().startswith("//")))


def words(s):
    return " ".join(s.split())


def poppler(*args):
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def page_sizes(pdf):
    info = poppler("pdfinfo", "-f", "1", "-l", "999", pdf)
    return [(float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info)]


def page_text(pdf, n):
    return words(poppler("pdftotext", "-f", str(n), "-l", str(n), pdf, "-"))


def print_boards(*extra, template=None):
    out = os.path.join(tempdir(), "boards.pdf")
    args = ["template", "--format", "pdf", "-o", out, *extra] + (["--template", template] if template else [])
    code, stdout, err = run(*args, env=ENV)
    expect(code == 0 and stdout == "", f"template --format pdf exits 0 and prints nothing: {code} {err}")
    return out


def check_boards(pdf, sections, size):
    sizes = page_sizes(pdf)
    expect(len(sizes) == len(sections), f"one board per section: {len(sizes)} pages, {len(sections)} sections")
    for w, h in sizes:
        expect(abs(w - size[0]) < 1 and abs(h - size[1]) < 1, f"every page is {size} landscape: {sizes}")
    for n, s in enumerate(sections, 1):
        text = page_text(pdf, n)
        expect(text.count(words(s["title"])) >= 2, f"page {n} is titled '{s['title']}' and its footer names it: {text}")
        expect(f"Page {n} of {len(sections)}" in text, f"page {n}'s footer numbers it: {text}")
        expect(f"board {n} of {len(sections)}" in text.lower(), f"page {n} says which board it is: {text}")
        for p in s.get("prompts", []):
            expect(words(p["title"]) in text, f"page {n} has the column '{p['title']}': {text}")
    info = poppler("pdfinfo", pdf)
    expect(re.search(r"Tagged: +yes", info), "the PDF is tagged")
    check = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
    expect(check.returncode == 0, f"qpdf --check passes: {check.stdout} {check.stderr}")


def column_edges(pdf, page, size):
    """The columns as a picture shows them: runs of dark border pixels across the middle of the board."""
    base = os.path.join(tempdir(), "page")
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-f", str(page), "-l", str(page), pdf, base], check=True)
    with open(next(os.path.join(os.path.dirname(base), f) for f in os.listdir(os.path.dirname(base))), "rb") as f:
        data = f.read()
    magic, w, h, maxval, pixels = re.match(rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", data, re.S).groups()
    w, h = int(w), int(h)
    row = pixels[(h * 6 // 10) * w:(h * 6 // 10 + 1) * w]  # a line across the board, below the labels
    dark = [x for x in range(w) if row[x] < 245]  # the grey border, anti-aliased; the board is 251
    runs = [x for i, x in enumerate(dark) if i == 0 or x - dark[i - 1] > 2]
    return len(runs), sum(row) / w


# The default template on A3: every section title, phase and prompt, as text and as a picture.
pdf = print_boards()
check_boards(pdf, D2I["sections"], A3)
first = page_text(pdf, 1)
expect("Before the session (1)" in first, f"the first board is labelled as the method labels it: {first}")
expect("Morning (1)" in page_text(pdf, 4) and "Afternoon (3)" in page_text(pdf, 9), "phases as the method writes them")
edges, mean = column_edges(pdf, 4, A3)
expect(edges == 6, f"'How we see the key issues today' shows three columns (six edges across the board): {edges}")
expect(mean > 200, f"the board is mostly paper, for notes: mean grey {mean}")
bbox = poppler("pdftotext", "-f", "4", "-l", "4", "-bbox", pdf, "-")
xs = {}
for x, word in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', bbox):
    xs.setdefault(word, float(x))
lefts = [xs["best"], xs["pain"], xs["problems"]]
expect(lefts == sorted(lefts), f"the prompts run left to right in the template's order: {lefts}")

# A4 with --paper a4, and a council's own template: nine prompts wrap into two rows of columns.
council = {"id": "our-day", "title": "Our diagnostic day", "sections": [
    {"id": "hopes", "title": "What we hope for", "phase": "before", "prompts": []},
    {"id": "walls", "title": "Everything on the wall", "phase": "morning 1",
     "prompts": [{"id": f"p{i}", "title": f"Prompt number {i} with rather long words"} for i in range(1, 10)]},
    {"id": "close", "title": "Où allons-nous ensuite", "phase": "wrap-up", "prompts": [{"id": "who", "title": "Who does what"}]}]}
path = os.path.join(tempdir(), "our-day.json")
with open(path, "w") as f:
    json.dump(council, f, ensure_ascii=False)
pdf = print_boards("--paper", "a4", template=path)
check_boards(pdf, council["sections"], A4)
expect("Wrap-up" in page_text(pdf, 3), "a phase with no number is shown as written")
expect(print_boards("--paper", "A3", template=path), "the paper's name is read in either case")

# The CSV and the Word form follow the boards: sections in page order, prompts left to right.
board_order = []
for s in D2I["sections"]:
    board_order += [(s["title"], p["title"]) for p in s["prompts"]] or [(s["title"], "")]
folder = tempdir()
run("template", "-o", os.path.join(folder, "notes.csv"), check=0)
with open(os.path.join(folder, "notes.csv"), newline="", encoding="utf-8") as f:
    rows = [(r["section"], r["prompt"]) for r in csv.DictReader(f)]
expect(rows == board_order, f"the CSV's rows follow the boards: {rows}")
run("template", "-o", os.path.join(folder, "form.docx"), check=0)
form = docx.Document(os.path.join(folder, "form.docx"))
headings = [(p.style.name, p.text) for p in form.paragraphs if p.style.name in ("Heading 1", "Heading 2")]
form_order, section = [], None
for style, t in headings:
    if style == "Heading 1":
        section = t
        form_order.append((t, ""))
    elif t != "Contributors":
        if form_order and form_order[-1] == (section, ""):
            form_order.pop()
        form_order.append((section, t))
expect(form_order == board_order, f"the Word form's boxes follow the boards: {form_order}")

# Mistakes get a clear message and exit 2; a file already there is kept.
code, _, err = run("template", "--format", "pdf", "--paper", "a5", "-o", os.path.join(folder, "x.pdf"))
expect(code == 2 and "a5" in err, f"an unknown paper is refused: {code} {err}")
code, _, err = run("template", "--format", "pdf", "-o", os.path.join(folder, "notes.csv"))
expect(code == 2 and "exists" in err, f"an existing file is not replaced unasked: {err}")
empty = os.path.join(tempdir(), "empty.json")
with open(empty, "w") as f:
    json.dump({"id": "empty", "title": "Nothing", "sections": []}, f)
code, _, err = run("template", "--format", "pdf", "--template", empty, "-o", os.path.join(folder, "e.pdf"))
expect(code != 0 and not os.path.exists(os.path.join(folder, "e.pdf")), f"a template with no sections prints nothing: {code} {err}")
print("ok")
