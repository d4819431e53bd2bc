"""Boards laid out and worded in facilitators' own ways: sdiag reads each with `run board.json` and
what diagnostic.json says is scored against the board's truth.json.

Boards: every folder under tests/boards/ holding board.json and truth.json, and the folders named in
SDIAG_EXTRA_BOARDS (separated by the path separator; a folder of board folders also works).
Bars (issue 17): every non-empty sticky kept as a note; at least 95% of stickies in the right section
and 90% under the right prompt; at least 90% of the people named on the board named in the record
with the right presence; the workshop date read from the board.
"""
import glob
import html
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdiag_test import SOURCE, run, tempdir  # noqa: E402

TEMPLATE = os.path.join(SOURCE, "templates", "workshop", "d2i-service-diagnostic.json")
MAX_LISTED = 25  # wrong stickies listed per board and figure


def board_dirs():
    dirs = sorted(os.path.dirname(p) for p in glob.glob(os.path.join(SOURCE, "tests", "boards", "*", "truth.json")))
    for entry in filter(None, os.environ.get("SDIAG_EXTRA_BOARDS", "").split(os.pathsep)):
        if os.path.isfile(os.path.join(entry, "truth.json")):
            dirs.append(entry)
        else:
            dirs += sorted(os.path.dirname(p) for p in glob.glob(os.path.join(entry, "*", "truth.json")))
    return dirs


def template_ids():
    """Section and prompt ids by their template titles; a prompt title names its section too."""
    text = "".join(line for line in open(TEMPLATE, encoding="utf-8") if not line.lstrip().startswith("//"))
    section_of, prompt_of = {}, {}
    for s in json.loads(text)["sections"]:
        section_of[s["title"]] = s["id"]
        for p in s.get("prompts", []):
            section_of.setdefault(p["title"], s["id"])
            prompt_of[p["title"]] = p["id"]
    return section_of, prompt_of


def board_items(board):
    """The items of a whole-board dump, of saved REST pages or of a Web SDK array."""
    if isinstance(board, dict):
        rows = board.get("items", board.get("data", []))
        return rows["data"] if isinstance(rows, dict) else rows
    items = []
    for entry in board:
        items += entry["data"] if isinstance(entry, dict) and isinstance(entry.get("data"), list) else [entry]
    return [i for i in items if i.get("type") not in ("connector", "tag", "board_member")]


def plain(h):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", h or ""))).strip()


def norm(s):
    return re.sub(r"[^a-z0-9]+", " ", (s or "").lower()).strip()


def content(item):
    data = item.get("data") if isinstance(item.get("data"), dict) else item
    return data.get("content", "")


class Score:
    def __init__(self, name):
        self.name, self.figures, self.wrong = name, {}, []

    def count(self, figure, ok, total):
        self.figures[figure] = (ok, total)

    def share(self, figure):
        ok, total = self.figures[figure]
        return ok / total if total else 1.0


def placed(s, figure, field, wanted, notes, empty, text_of):
    """Counts the non-empty stickies whose note has the wanted section or prompt id in `field`."""
    ok = total = 0
    for want, ids in wanted:
        for sid in ids:
            if sid in empty:
                continue
            total += 1
            got = (notes.get(sid) or {}).get(field)
            ok += got == want
            if got != want:
                s.wrong.append(f"{field} {got!r}, want {want!r}: '{text_of.get(sid, sid)}'")
    s.count(figure, ok, total)


def score(folder, diag, section_of, prompt_of):
    truth = json.load(open(os.path.join(folder, "truth.json"), encoding="utf-8"))
    board = json.load(open(os.path.join(folder, "board.json"), encoding="utf-8"))
    s = Score(os.path.basename(folder.rstrip("/")))
    items = {i["id"]: i for i in board_items(board)}
    text_of = {k: plain(content(v))[:60] for k, v in items.items()}
    notes = {}
    for n in diag.get("notes", []):
        ref = (n.get("source") or {}).get("ref")
        if ref is not None:
            notes.setdefault(str(ref), n)
    empty = set(truth["empty_sticky_ids"])

    stickies = [i for i in items.values() if i.get("type") == "sticky_note" and plain(content(i))]
    lost = [i["id"] for i in stickies if i["id"] not in notes]
    s.count("kept", len(stickies) - len(lost), len(stickies))
    s.wrong += [f"not kept: {sid} '{text_of[sid]}'" for sid in lost]

    sections = [(section_of[f["title"]], f["sticky_ids"]) for f in truth["frames"]]
    placed(s, "sections", "section", sections, notes, empty, text_of)
    prompt_sets = dict(truth["subareas"])
    prompt_sets.update({f["title"]: f["sticky_ids"] for f in truth["frames"] if f["title"] in prompt_of})
    placed(s, "prompts", "prompt", [(prompt_of[t], ids) for t, ids in prompt_sets.items()], notes, empty, text_of)

    got_people = {norm(p.get("name")): p.get("present", True) for p in diag.get("people", []) if p.get("name")}
    named = [p for p in truth["people"] if p.get("name")]
    ok = 0
    for p in named:
        key = norm(p["name"])
        hit = key in got_people and got_people[key] == p["present"]
        ok += hit
        if not hit:
            why = "not named" if key not in got_people else f"present={got_people[key]}"
            s.wrong.append(f"person {p['name']} (present={p['present']}): {why}")
    s.count("people", ok, len(named))

    got_date = (diag.get("meta") or {}).get("date", "")
    s.count("date", int(got_date == truth["workshop_date"]), 1)
    if got_date != truth["workshop_date"]:
        s.wrong.append(f"date {got_date!r}, want {truth['workshop_date']!r}")
    return s


BARS = {"kept": 1.0, "sections": 0.95, "prompts": 0.90, "people": 0.90, "date": 1.0}


def main():
    section_of, prompt_of = template_ids()
    dirs = board_dirs()
    if not dirs:
        sys.exit("FAILED: no boards found under tests/boards")
    failures = []
    for folder in dirs:
        out = os.path.join(tempdir(), "out")
        run("run", os.path.join(folder, "board.json"), "-o", out, check=0)
        diag = json.load(open(os.path.join(out, "diagnostic.json"), encoding="utf-8"))
        s = score(folder, diag, section_of, prompt_of)
        print(f"{s.name}: " + " ".join(f"{k}={ok}/{n} ({100 * s.share(k):.0f}%)" for k, (ok, n) in s.figures.items()))
        for line in s.wrong[:MAX_LISTED]:
            print("   " + line)
        if len(s.wrong) > MAX_LISTED:
            print(f"   ... and {len(s.wrong) - MAX_LISTED} more")
        failures += [f"{s.name}: {k} {100 * s.share(k):.0f}% < {100 * bar:.0f}%" for k, bar in BARS.items()
                     if s.share(k) < bar]
    if failures:
        sys.exit("FAILED: " + "; ".join(failures))
    print(f"ok: {len(dirs)} boards")


main()
