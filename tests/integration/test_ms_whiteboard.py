"""A Microsoft Whiteboard board read end to end: the export's ZIP (and the .html taken out of it) through
`sdiag run`, every sticky note kept in diagnostic.json with its section and prompt by position, what
cannot be placed reported; broken, empty and hostile exports refused or reported, never a crash."""
import json
import os
import zipfile

import whiteboard_export as wb
from sdiag_test import expect, run, sample, tempdir

ENV = {"SOURCE_DATE_EPOCH": "1767225600"}


def read(path, check=0):
    out = tempdir()
    code, _, err = run("run", path, "--preset", "full-report", "-o", out, env=ENV)
    expect(code == check, f"sdiag run {os.path.basename(path)} exits {check}: {code} {err}")
    p = os.path.join(out, "diagnostic.json")
    return (json.load(open(p, encoding="utf-8")) if os.path.exists(p) else None), err


def write(name, data):
    path = os.path.join(tempdir(), name)
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)
    return path


# The sample board, as the export's ZIP: every note, placed by where it sits.
board = sample("whiteboard", "castlebrook-whiteboard.zip")
d, err = read(board)
notes = {n["text"]: n for n in d["notes"]}
expect(len(d["notes"]) == 15, f"every note and text is kept: {len(d['notes'])}")
expect(all(n["source"]["plugin"] == "ms-whiteboard" and n["source"]["ref"] for n in d["notes"]),
       "each note names the Whiteboard object it came from")
where = {t.split("\n")[0]: (n["section"], n["prompt"]) for t, n in notes.items()}
for start, placed in [("We cannot see how long children wait for a first visit", ("dcs_view", "")),
                      ("Front door team know their data", ("key_issues", "best_things")),
                      ("Re-keying CIN data into three spreadsheets", ("key_issues", "pain_points")),
                      ("One agreed definition of a re-referral", ("key_issues", "problems")),
                      ("Power BI licences?", ("ideas", "")),
                      ("Jo to book the follow-up session", ("actions", "")),
                      ("Is the room free after lunch?", ("unsorted", ""))]:
    expect(where.get(start) == placed, f"'{start}' is placed in {placed}: {where.get(start)}")
expect("2 of 15 notes" in err and "unsorted" in err, f"the notes that cannot be placed are reported: {err}")
expect(any(a["text"].startswith("Sam to map the CIN extract") for a in d["actions"]),
       "the notes on the actions board become actions")

# The .html taken out of the export reads the same.
with zipfile.ZipFile(board) as z:
    page = z.read("Castlebrook diagnostic - 24 June.html")
d2, _ = read(write("board.html", page))
expect(sorted((n["section"], n["prompt"], n["text"]) for n in d2["notes"]) ==
       sorted((n["section"], n["prompt"], n["text"]) for n in d["notes"]), "the page alone gives the same notes")

# A board with nothing placed by position still keeps every note, as unsorted, and says why.
loose = wb.export_zip("Loose", wb.page("Loose", [wb.note(f"n{i}", i * 400, 0, f"Loose note {i}") for i in range(3)]))
d3, err = read(write("loose.zip", loose))
expect([n["section"] for n in d3["notes"]] == ["unsorted"] * 3, "notes on no shape or heading are kept as unsorted")

# Broken, empty and hostile exports: a clear error naming the file, or a finding; never a crash.
two_pages = write("two.zip", b"")
with zipfile.ZipFile(two_pages, "w") as z:
    z.writestr("a.html", wb.page("a", []))
    z.writestr("b.html", wb.page("b", []))
    z.writestr("a-comments.json", "{}")
_, err = read(two_pages, check=1)
expect("2 .html pages" in err, f"a zip with two pages is refused with a reason: {err}")
empty = wb.export_zip("Empty", wb.page("Empty", []), {"commentThreads": "not a list"})
_, err = read(write("empty.zip", empty))
expect("no sticky notes" in err, f"an empty board is reported (and a comments file of the wrong shape ignored): {err}")
_, err = read(write("cut.zip", loose[: len(loose) // 2]), check=1)
expect("cut.zip" in err, f"a cut-off zip is refused, naming the file: {err}")
climbing = write("climb.zip", b"")
with zipfile.ZipFile(climbing, "w") as z:
    z.writestr("../../evil.html", wb.page("evil", []))
    z.writestr("../../evil-comments.json", "{}")
_, err = read(climbing, check=1)
expect("climb.zip" in err, f"a zip whose entries climb out of it is refused: {err}")
markup = wb.page("Markup", [wb.note("n1", 0, 0, "<b>kept as text</b> & caf\u00e9")])
d4, err = read(write("markup.html", markup))
expect([n["text"] for n in d4["notes"]] == ["<b>kept as text</b> & caf\u00e9"], f"markup in a note is text: {d4['notes']}")
deep = markup.replace('<div id="canvasContent" class="canvas">', '<div id="canvasContent" class="canvas">' + "<div>" * 5000, 1)
_, err = read(write("deep.html", deep))
expect("1 object(s) of the page could not be read" in err, f"a note nested past the parser's limit is reported: {err}")
print("ok")
