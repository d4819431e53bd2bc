"""Owners and due dates on the committed test boards (tests/boards/*), checked in the action plan as a
facilitator's reader sees it (openpyxl): the Due column holds real dates or nothing (words agreed
instead, "TBC" or "ASAP", sit in the cell's note), the Action column shows the action without its
owner and date lines, and owners and dates are right for at least 90% of each board's actions."""
import datetime
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import openpyxl  # noqa: E402
from sdiag_test import SOURCE, expect, run, tempdir  # noqa: E402


def norm(s):
    return re.sub(r"[^a-z0-9]+", " ", (s or "").lower()).strip()


def owner_right(got, accept):
    o = norm(got)
    if not o:
        return None in accept
    return any(x and (norm(x) == o or (norm(x) in o and len(norm(x)) > 2)) for x in accept)


boards = sorted(glob.glob(os.path.join(SOURCE, "tests", "boards", "*", "board.json")))
expect(boards, "no boards under tests/boards")
for board in boards:
    name = os.path.basename(os.path.dirname(board))
    out = os.path.join(tempdir(), name)
    run("run", board, "-o", out, check=0)
    with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
        d = json.load(f)
    with open(os.path.join(os.path.dirname(board), "truth.json"), encoding="utf-8") as f:
        truth = json.load(f)

    # Owners and dates against the board's truth, matched by the note's words.
    actions = d["actions"]
    owners = dates = 0
    for t in truth["actions"]:
        a = next((a for a in actions if norm(t["text"])[:40] in norm(a["text"])), None)
        expect(a is not None, f"{name}: no action for {t['text']!r}")
        owners += owner_right(a.get("owner"), t["owner_accept"])
        dates += (a.get("due") or None) in t["due_accept"]
    n = len(truth["actions"])
    expect(owners >= 0.9 * n and dates >= 0.9 * n, f"{name}: owners {owners}/{n}, dates {dates}/{n}")

    # The plan as Excel shows it.
    ws = openpyxl.load_workbook(os.path.join(out, "action-plan.xlsx"))["Actions"]
    header = [c.value for c in ws[1]]
    col_action, col_due = header.index("Action"), header.index("Due")
    by_id = {a["id"]: a for a in actions}
    rows = [r for r in ws.iter_rows(min_row=2) if r[0].value in by_id]
    expect(len(rows) == len(actions), f"{name}: {len(rows)} plan rows for {len(actions)} actions")
    for r in rows:
        a = by_id[r[0].value]
        due, shown = r[col_due], r[col_action].value
        expect(due.value is None or isinstance(due.value, datetime.datetime),
               f"{name} {a['id']}: the Due column holds dates or nothing, not {due.value!r}")
        if a.get("due"):
            expect(due.value.date().isoformat() == a["due"], f"{name} {a['id']}: Due {due.value} is not {a['due']}")
        elif a.get("due_text"):
            expect(due.comment is not None and a["due_text"] in due.comment.text,
                   f"{name} {a['id']}: the words agreed ({a['due_text']!r}) are kept in the Due cell's note")
        expect(shown == a.get("title", a["text"]), f"{name} {a['id']}: the Action cell shows the title: {shown!r}")
        expect(not re.search(r"(?im)^\s*(owner|who|when|due)\s*:", shown),
               f"{name} {a['id']}: no owner or date lines in the Action cell: {shown!r}")
    print(f"ok: {name}: owners {owners}/{n}, dates {dates}/{n}; plan Due column dates only")
