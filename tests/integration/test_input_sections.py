"""Sections an input makes for titles the template lacks are joined by later
inputs of the same run word for word only, never in close wording: "Team
Rivers" in a second file is not the first file's "Team Rovers". The
template's own titles are still matched in close wording. The mark that
tells the two apart (made_by_input) survives diagnostic.json, so a record
read back with a new file behaves the same."""
import json
import os
import sys
import tempfile

from sdiag_test import run

FIRST = "section,text\nTeam Rovers,rovers one\nWealth visitors,wealth one\n"
SECOND = ("section,text\nTeam Rivers,rivers one\nHealth visitors,health one\nteam  ROVERS,rovers two\n"
          "Immediate acions,an action in close wording\n")


def board_with_frame(title, sticky):
    """A Miro REST export: one frame and one sticky inside it."""
    frame = {"id": "3458764600000000001", "type": "frame", "position": {"x": 0, "y": 0, "origin": "center"},
             "geometry": {"width": 800, "height": 600}, "data": {"title": title, "format": "custom"}}
    note = {"id": "3458764600000000002", "type": "sticky_note",
            "position": {"x": 200, "y": 200, "origin": "center", "relativeTo": "parent_top_left"},
            "geometry": {"width": 200, "height": 200}, "parent": {"id": frame["id"]},
            "data": {"content": "<p>" + sticky + "</p>", "shape": "square"}, "style": {"fillColor": "light_yellow"}}
    return {"board": {"id": "uXjVTest=", "name": "Second board"}, "items": [frame, note], "connectors": [], "tags": []}


def record(out, *files):
    code, _, err = run("run", "--preset", "record", "-o", out, *files)
    if code != 0:
        sys.exit(f"FAILED: sdiag run {' '.join(files)} exited {code}\n{err}")
    with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
        return json.load(f)


def section_of(diagnostic, text):
    found = [n["section"] for n in diagnostic["notes"] if n["text"] == text]
    if len(found) != 1:
        sys.exit(f"FAILED: expected one note '{text}', found {len(found)}")
    return found[0]


def sections(diagnostic):
    return {s["id"]: s for s in diagnostic["template"]["sections"]}


def check_second_file(diagnostic, how):
    expected = {"rovers one": "team-rovers", "wealth one": "wealth-visitors", "rivers one": "team-rivers",
                "health one": "health-visitors", "rovers two": "team-rovers",
                "an action in close wording": "actions"}
    for text, section in expected.items():
        got = section_of(diagnostic, text)
        if got != section:
            sys.exit(f"FAILED ({how}): '{text}' went to '{got}', expected '{section}'")
    by_id = sections(diagnostic)
    for made in ("team-rovers", "wealth-visitors", "team-rivers", "health-visitors"):
        if by_id.get(made, {}).get("made_by_input") is not True:
            sys.exit(f"FAILED ({how}): section '{made}' is not marked made_by_input: {by_id.get(made)}")
    if by_id["actions"].get("made_by_input"):
        sys.exit(f"FAILED ({how}): the template's own section is marked made_by_input")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        first, second = os.path.join(tmp, "first.csv"), os.path.join(tmp, "second.csv")
        with open(first, "w", encoding="utf-8") as f:
            f.write(FIRST)
        with open(second, "w", encoding="utf-8") as f:
            f.write(SECOND)

        # Two files in one run.
        both = record(os.path.join(tmp, "both"), first, second)
        check_second_file(both, "two CSV files")

        # The first run's record read back with the second file.
        alone = os.path.join(tmp, "alone")
        record(alone, first)
        again = record(os.path.join(tmp, "again"), os.path.join(alone, "diagnostic.json"), second)
        check_second_file(again, "the record and the second file")

        # A board after a CSV: its frame "Team Rivers" is a section of its own,
        # its frame "TEAM rovers" joins the CSV's section.
        for title, expected in (("Team Rivers", "team-rivers"), ("TEAM  rovers", "team-rovers")):
            board = os.path.join(tmp, "board.json")
            sticky = "a sticky in the frame " + expected
            with open(board, "w", encoding="utf-8") as f:
                json.dump(board_with_frame(title, sticky), f)
            mixed = record(os.path.join(tmp, "mixed"), first, board)
            got = section_of(mixed, sticky)
            if got != expected:
                sys.exit(f"FAILED: the board's frame '{title}' after the CSV went to '{got}', expected '{expected}'")
    print("ok")


if __name__ == "__main__":
    main()
