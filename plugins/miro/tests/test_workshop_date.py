"""Runs the real sdiag on a small board that shows its workshop date only through its stickies'
creation times, and checks that meta.date is that London day, that the record says where it came
from, that the actions analysis reads relative due dates against it, and that --meta date= and an
earlier input's date win, with findings that say so."""
import json
import os
import subprocess
import tempfile

SDIAG = os.environ["SDIAG"]
BOARD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "workshop_date_board.json")
STICKY_DAY = "sticky notes created on that day (Europe/London)"

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


def run(tmp, name, *inputs, extra=()):
    out = os.path.join(tmp, name)
    p = subprocess.run([SDIAG, "run", *inputs, "--pipeline", pipeline, "-o", out, *extra],
                       capture_output=True, text=True, timeout=300)
    check(p.returncode == 0, f"{name}: sdiag exited {p.returncode}: {p.stderr}")
    with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
        return json.load(f)


def dues(d):
    return {a["text"]: a["due"] for a in d["actions"]}


def said(d, severity, words):
    return any(f["severity"] == severity and words in f["message"] for f in d["findings"])


with tempfile.TemporaryDirectory() as tmp:
    pipeline = os.path.join(tmp, "pipeline.json")
    with open(pipeline, "w") as f:
        json.dump({"name": "workshop-date", "inputs": "auto", "analyses": ["actions"], "outputs": ["json"]}, f)

    # Only the stickies show the day: most were made on 2 July in London, four of them just after
    # midnight BST, which is still 1 July in UTC.
    d = run(tmp, "stickies", BOARD)
    check(d["meta"]["date"] == "2026-07-02", f"meta.date {d['meta']['date']!r}, expected 2026-07-02")
    check(d["meta"].get("date_source") == STICKY_DAY, f"date_source {d['meta'].get('date_source')!r}")
    check(said(d, "info", "the workshop date is taken as 2 July 2026 from the board")
          and said(d, "info", "--meta date=YYYY-MM-DD"), "no finding says where the date came from")
    check(not said(d, "warning", "the workshop date is not known"), "the actions analysis did not get the date")
    want = {"Tom to fix the CIN extract by the end of next month": "2026-08-31",
            "Priya: rebuild the performance pack w/c 13 July": "2026-07-17",
            "Sam to share the data map in two weeks": "2026-07-16",
            "Jo to book the Qlik training by 30 July": "2026-07-30"}
    check(dues(d) == want, f"due dates {dues(d)}, expected {want}")

    # The command line wins, and says what it replaced.
    d = run(tmp, "command-line", BOARD, extra=["--meta", "date=2026-07-09"])
    check(d["meta"]["date"] == "2026-07-09", f"--meta date: meta.date {d['meta']['date']!r}")
    check(d["meta"].get("date_source") == "command line", f"--meta date: date_source {d['meta'].get('date_source')!r}")
    check(said(d, "info", "2026-07-09 given on the command line replaces 2026-07-02"), "no finding for --meta date")
    check(dues(d).get("Sam to share the data map in two weeks") == "2026-07-23", f"--meta date: {dues(d)}")

    # A day and month in the board's name, its year from the stickies.
    with open(BOARD, encoding="utf-8") as f:
        named = json.load(f)
    named["board"]["name"] = "Lowfield CSC data diagnostic \u2013 2 July"
    named_path = os.path.join(tmp, "named.json")
    with open(named_path, "w", encoding="utf-8") as f:
        json.dump(named, f)
    d = run(tmp, "named", named_path)
    check(d["meta"]["date"] == "2026-07-02" and d["meta"].get("date_source") == "board name",
          f"named board: {d['meta']['date']!r} from {d['meta'].get('date_source')!r}")

    # A write-up and a board that disagree: the first input's date is kept, and the other says so.
    writeup = os.path.join(tmp, "writeup.md")
    with open(writeup, "w", encoding="utf-8") as f:
        f.write("---\ntitle: Lowfield data diagnostic\ndate: 3 July 2026\n---\n\n# Lowfield\n\nWrite-up.\n")
    d = run(tmp, "writeup-first", writeup, BOARD)
    check(d["meta"]["date"] == "2026-07-03" and d["meta"].get("date_source") == "front matter",
          f"write-up first: meta.date {d['meta']['date']!r} from {d['meta'].get('date_source')!r}")
    check(said(d, "warning", "an earlier input gave 2026-07-03, which is kept"), "write-up first: no finding")
    d = run(tmp, "board-first", BOARD, writeup)
    check(d["meta"]["date"] == "2026-07-02" and d["meta"].get("date_source") == STICKY_DAY,
          f"board first: meta.date {d['meta']['date']!r} from {d['meta'].get('date_source')!r}")
    check(said(d, "info", "differs from '2026-07-02'"), "board first: no finding")

if failures:
    raise SystemExit("FAILED:\n" + "\n".join(failures))
print("workshop date: ok")
