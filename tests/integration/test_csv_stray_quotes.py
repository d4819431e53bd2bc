"""One policy for a stray quote in every CSV input (csv and form-responses, both read by
libs/tabular): a quote never closed, or closed rows later by another stray quote, costs no row
and no file. Each row is still a note, and each stray quote is a warning in diagnostic.json
naming its line."""
import json
import os

from sdiag_test import expect, run, tempdir

tmp = tempdir()
PIPELINE = os.path.join(tmp, "read.json")
with open(PIPELINE, "w") as f:
    json.dump({"name": "read", "summary": "read only", "inputs": "auto", "analyses": [], "outputs": ["json"]}, f)


def read(name, text):
    """Runs sdiag on a file holding `text`; returns its notes' texts and the warnings at a line."""
    path = os.path.join(tmp, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    out = os.path.join(tmp, "out-" + name)
    code, _, err = run("run", path, "-o", out, "--pipeline", PIPELINE)
    expect(code == 0, f"{name}: a stray quote is no reason to fail the run: {code} {err}")
    with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
        d = json.load(f)
    strays = {x["location"]: x for x in d["findings"] if 'stray "' in x["message"]}
    for x in strays.values():
        expect(x["severity"] == "warning" and x["source"].endswith(name), f"{name}: a warning of the file: {x}")
    return [n["text"] for n in d["notes"]], sorted(strays)


notes, lines = read("notes.csv",
                    "section,text,author\r\n"
                    "Ideas,\"Data champions in each team,Jo\r\n"        # never closed on its line...
                    "Ideas,A shared glossary,Sam\r\n"
                    "Actions,Book the \"big\" room,Kim\r\n"             # ...until this one: no merge
                    "Actions,\"Agree, and publish, the data standards\",Ali\r\n"
                    "Actions,Last row,\"Lee\r\n")                        # never closed, last row
expect(notes == ['"Data champions in each team', "A shared glossary", 'Book the "big" room',
                 "Agree, and publish, the data standards", "Last row"], f"csv: every row is a note: {notes}")
expect(lines == ["line 2", "line 6"], f"csv: each stray quote named by its line: {lines}")

notes, lines = read("responses.csv",
                    "\"Timestamp\",\"Where are the big pain points?\r\n"  # a stray quote in the header
                    "2025/03/10 9:14:02 AM GMT,Manual returns\r\n"
                    "2025/03/11 9:14:02 AM GMT,\"Two systems\r\n"
                    "2025/03/12 9:14:02 AM GMT,\"No one owns the \"\"front door\"\" data\"\r\n")
expect(notes == ["Manual returns", '"Two systems', 'No one owns the "front door" data'],
       f"form-responses: the header and every response read: {notes}")
expect(lines == ["line 1", "line 3"], f"form-responses: each stray quote named by its line: {lines}")
print("test_csv_stray_quotes: all checks passed")
