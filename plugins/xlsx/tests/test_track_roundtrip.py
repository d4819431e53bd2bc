"""sdiag track on plans edited by real clients: openpyxl (statuses changed,
rows re-sorted, a row deleted, a row and a column added, a date typed as
text) and LibreOffice (a plain round trip, and the edited plan re-saved).
Nothing the users typed may be lost."""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
import openpyxl  # noqa: E402
from openpyxl.worksheet.table import TableColumn  # noqa: E402
from plan_helpers import check, finish, make_plan, sdiag, workdir  # noqa: E402

TODAY = "2026-01-01"  # SOURCE_DATE_EPOCH of the test environment
tmp = workdir()
plan, diagnostic = make_plan(os.path.join(tmp, "gen"))


def actions_of(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    return d, {a["id"]: a for a in d["actions"]}


def track(plan_path, out, *extra):
    rc, _, err = sdiag("track", plan_path, "--diagnostic", diagnostic, "-o", out, *extra)
    check(rc == 0, f"track {os.path.basename(plan_path)} exits 0 (got {rc}): {err}")
    return err


# ---- edit with openpyxl as an officer would
wb = openpyxl.load_workbook(plan)
ws = wb["Actions"]
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2, max_row=ws.max_row)]
rows = [r for r in rows if r[0]]
by_id = {r[0]: r for r in rows}
by_id["a1"][4] = "Done"
by_id["a1"][8] = "Mapped 14 reports; list on SharePoint"
by_id["a2"][8] = "=Meeting with IT on 5 January"
by_id["a5"][3] = "15/04/2026"          # a date typed as text
by_id["a5"][4] = "in progress"          # typed, not picked from the list
del by_id["a3"]                        # a row deleted
kept = sorted(by_id.values(), key=lambda r: r[2] or "", reverse=True)  # re-sorted by owner
new_row = [None, "Set up a data champions group", "Service manager", "28 February 2026", "Not started", None, None,
           None, "Idea from the January board"]
kept.append(new_row)
for r in range(2, ws.max_row + 2):
    for c in range(1, 11):
        ws.cell(row=r, column=c).value = None
budget = {"a1": 0, "a2": 1500, "a4": "tbc", "a5": 42000.5, None: 250}
ws.cell(row=1, column=10).value = "Budget (£)"
for i, r in enumerate(kept, start=2):
    for c, v in enumerate(r, start=1):
        if c == 6:
            continue  # RAG: the table's column formula
        ws.cell(row=i, column=c).value = v
        if isinstance(v, str) and v.startswith("="):
            ws.cell(row=i, column=c).data_type = "s"  # typed text, not a formula (openpyxl guesses otherwise)
    ws.cell(row=i, column=6).value = f'=IF(E{i}="Done","Green","")'
    ws.cell(row=i, column=10).value = budget[r[0]]
table = ws.tables["ActionPlan"]
table.ref = f"A1:J{len(kept) + 1}"
table.autoFilter.ref = table.ref
table.tableColumns.append(TableColumn(id=10, name="Budget (£)"))
edited = os.path.join(tmp, "edited.xlsx")
wb.save(edited)

out1 = os.path.join(tmp, "out1")
err = track(edited, out1)
check("a3" in err and "no longer in the plan" in err, "the deleted row is reported")
for name in ("diagnostic.json", "action-plan.xlsx", "progress.md"):
    check(os.path.exists(os.path.join(out1, name)), f"track wrote {name}")
check(open(edited, "rb").read() == open(edited, "rb").read() and os.path.getsize(edited) > 0, "the edited plan is left alone")

d, acts = actions_of(os.path.join(out1, "diagnostic.json"))
check(len(acts) == 6, f"5 actions and 1 new: {sorted(acts)}")
a1 = acts["a1"]
check(a1["status"] == "done", "a1 done")
check(a1["updates"][-1]["date"] == TODAY and a1["updates"][-1]["status"] == "done"
      and "Mapped 14 reports" in a1["updates"][-1]["comment"], f"a1 dated update: {a1['updates']}")
a2 = acts["a2"]
check(len(a2["updates"]) == 2 and a2["updates"][0]["comment"] == "First meeting held", "a2 keeps its history")
check(a2["updates"][-1]["comment"] == "=Meeting with IT on 5 January", "a comment starting with = is kept as text")
check(a2["plan_comments"] == "=Meeting with IT on 5 January", "the comment is carried in the record")
a5 = acts["a5"]
check(a5["due"] == "2026-04-15" and a5["due_text"] == "15/04/2026", f"date typed as text: {a5['due']} {a5['due_text']}")
check(a5["status"] == "in progress", "a typed status is understood")
a3 = acts["a3"]
check(a3["status"] == "done" and a3.get("removed_from_plan") == TODAY, "the deleted action is kept, marked")
check(a3["updates"][-1]["comment"] == "Removed from the action plan.", "and its removal is an update")
new = [a for a in acts.values() if a["text"] == "Set up a data champions group"]
check(len(new) == 1, "the added row is a new action")
if new:
    n = new[0]
    check(n["id"] == "a6", f"new id: {n['id']}")
    check(n["owner"] == "Service manager" and n["due"] == "2026-02-28" and n["status"] == "not started",
          f"new action fields: {n}")
    check(n["plan_comments"] == "Idea from the January board", "its comment")
    check(n["plan_columns"] == {"Budget (£)": 250}, f"its own column: {n.get('plan_columns')}")
check(d.get("action_plan_columns") == ["Budget (£)"], f"the users' column is recorded: {d.get('action_plan_columns')}")
check(acts["a4"]["plan_columns"] == {"Budget (£)": "tbc"} and acts["a5"]["plan_columns"] == {"Budget (£)": 42000.5},
      "column values kept with their type")
check(acts["a4"]["updates"] == [], "an untouched action gets no update")
check(any(s["plugin"] == "xlsx" and s["path"] == edited for s in d["meta"]["sources"]), "the plan is a source")

progress = open(os.path.join(out1, "progress.md"), encoding="utf-8").read()
for words in ("Progress on the action plan", "Changes in this return", "Overdue", "Blocked", "By owner", "By theme",
              "Set up a data champions group", "removed from the plan"):
    check(words in progress, f"progress report has '{words}'")

# ---- the refreshed plan keeps what users typed
refreshed = openpyxl.load_workbook(os.path.join(out1, "action-plan.xlsx"))["Actions"]
head = [c.value for c in refreshed[1]]
check(head[9:] == ["Budget (£)"], f"the users' column is carried forward: {head}")
rrows = {r[0].value: r for r in refreshed.iter_rows(min_row=2) if r[0].value}
check(sorted(rrows) == ["a1", "a2", "a4", "a5", "a6"], f"refreshed rows: {sorted(rrows)}")
check(rrows["a2"][8].value == "=Meeting with IT on 5 January" and rrows["a2"][8].data_type == "s",
      "comments kept, as text")
check(rrows["a5"][9].value == 42000.5 and rrows["a6"][9].value == 250, "own column values carried forward")
check(rrows["a5"][3].value.date().isoformat() == "2026-04-15", "the typed date is a real date now")

# ---- reading the refreshed plan back changes nothing
out_again = os.path.join(tmp, "again")
rc, _, err = sdiag("track", os.path.join(out1, "action-plan.xlsx"), "--diagnostic",
                   os.path.join(out1, "diagnostic.json"), "-o", out_again)
check(rc == 0, f"second track: {err}")
_, acts_again = actions_of(os.path.join(out_again, "diagnostic.json"))
check(acts_again == acts, "a refreshed plan read back unchanged changes no action")

# ---- LibreOffice: a plain round trip changes nothing; the edited plan re-saved reads the same
soffice = shutil.which("soffice")
check(soffice is not None, "LibreOffice is installed")
if soffice:
    profile = "file://" + os.path.join(tmp, "lo-profile")

    def through_libreoffice(src, folder):
        os.makedirs(folder)
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                        "--outdir", folder, src], capture_output=True, timeout=240, check=True)
        return os.path.join(folder, os.path.basename(src))

    lo_plain = through_libreoffice(plan, os.path.join(tmp, "lo-plain"))
    out2 = os.path.join(tmp, "out2")
    track(lo_plain, out2)
    d2, acts2 = actions_of(os.path.join(out2, "diagnostic.json"))
    _, original = actions_of(diagnostic)
    check(acts2 == original, "a plan saved by LibreOffice reads back with no change")
    check(any("0 actions updated, 0 added, 0 removed, 5 unchanged" in f["message"] for f in d2["findings"]),
          "and the merge says so")

    lo_edited = through_libreoffice(edited, os.path.join(tmp, "lo-edited"))
    out3 = os.path.join(tmp, "out3")
    track(lo_edited, out3)
    _, acts3 = actions_of(os.path.join(out3, "diagnostic.json"))
    for a in acts.values():
        a["source"]["file"] = ""
    for a in acts3.values():
        a["source"]["file"] = ""
    for k in sorted(set(acts) | set(acts3)):
        if acts3.get(k) != acts.get(k):
            print("openpyxl:   ", acts.get(k))
            print("LibreOffice:", acts3.get(k))
    check(acts3 == acts, "the edited plan re-saved by LibreOffice gives the same actions")

shutil.rmtree(tmp)
finish()
