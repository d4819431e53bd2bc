"""sdiag track reads back every cell a person can type into, and keeps the
formulas people put in the plan:
- the sheets sdiag fills in (Summary, Themes, About) are protected, and the
  About sheet says to write in the Actions sheet;
- words typed into "Latest update" (over sdiag's text, or added after it) and
  "Theme or goal" become the action's update: in diagnostic.json, in the
  progress report and in the refreshed plan's Latest update;
- a formula (a Status set by formula; one in a user's own column) is written
  back as a formula in the refreshed plan, and one whose result was never
  saved (openpyxl saves none) is named in a warning, its value not guessed."""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(__file__))
import openpyxl  # noqa: E402
from plan_helpers import check, finish, make_plan, sdiag, workdir  # noqa: E402

tmp = workdir()
plan, diagnostic = make_plan(os.path.join(tmp, "gen"))

wb = openpyxl.load_workbook(plan)
# The sheets sdiag fills in are protected (what is typed there would not be read back); Actions is not.
for name in ("Summary", "Themes", "About"):
    check(wb[name].protection.sheet, f"the {name} sheet is protected")
check(not wb["Actions"].protection.sheet, "the Actions sheet is open for typing")
about = " ".join(str(c.value) for r in wb["About"].iter_rows() for c in r if c.value)
check("Write only in the Actions sheet" in about, "the About sheet says where to write")
ws = wb["Actions"]
head = [c.value for c in ws[1]]
col = {name: i + 1 for i, name in enumerate(head)}
row_of = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value}
earlier_a2 = ws.cell(row=row_of["a2"], column=col["Latest update"]).value
check(earlier_a2 and "First meeting held" in earlier_a2, f"a2 shows its last update: {earlier_a2}")

ws.cell(row=row_of["a1"], column=col["Latest update"]).value = "Met the supplier on 2 December"
ws.cell(row=row_of["a2"], column=col["Latest update"]).value = earlier_a2 + " Then chased IT twice."
ws.cell(row=row_of["a5"], column=col["Theme or goal"]).value = "Workforce and training"
status_formula = '=IF(1=1,"Done","Blocked")'
ws.cell(row=row_of["a4"], column=col["Status"]).value = status_formula
ws.cell(row=1, column=len(head) + 1).value = "Score"
ws.cell(row=row_of["a1"], column=len(head) + 1).value = "=2*21"
edited = os.path.join(tmp, "edited.xlsx")
wb.save(edited)

out = os.path.join(tmp, "out")
rc, _, err = sdiag("track", edited, "--diagnostic", diagnostic, "-o", out)
check(rc == 0, f"track exits 0 (got {rc}): {err}")

with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
    acts = {a["id"]: a for a in json.load(f)["actions"]}
with open(diagnostic, encoding="utf-8") as f:
    before = {a["id"]: a for a in json.load(f)["actions"]}


def last_comment(a):
    return a["updates"][-1]["comment"] if a["updates"] else ""


check("Met the supplier on 2 December" in last_comment(acts["a1"]), f"a1's typed update is kept: {acts['a1']['updates']}")
check(last_comment(acts["a2"]) == "Then chased IT twice.", f"a2: only the words added: {acts['a2']['updates']}")
check(len(acts["a2"]["updates"]) == len(before["a2"]["updates"]) + 1, "a2 keeps its history")
check("Workforce and training" in last_comment(acts["a5"]), f"a5's typed theme is kept: {acts['a5']['updates']}")

progress = open(os.path.join(out, "progress.md"), encoding="utf-8").read()
for words in ("Met the supplier on 2 December", "Then chased IT twice", "Workforce and training"):
    check(words in progress, f"the progress report has '{words}'")

# The formula whose result was never saved: named, its value not guessed.
check("E" + str(row_of["a4"]) in err and "formula" in err and "never saved" in err,
      f"a warning names the Status cell E{row_of['a4']}: {err}")
check(acts["a4"]["status"] == before["a4"]["status"], "the record keeps a4's status")
check(acts["a4"].get("plan_formulas") == {"Status": status_formula[1:]}, f"a4's formula is recorded: {acts['a4']}")

refreshed_path = os.path.join(out, "action-plan.xlsx")
refreshed = openpyxl.load_workbook(refreshed_path)["Actions"]
rhead = [c.value for c in refreshed[1]]
rrows = {r[0].value: r for r in refreshed.iter_rows(min_row=2) if r[0].value}
latest = rhead.index("Latest update")
check("Met the supplier on 2 December" in (rrows["a1"][latest].value or ""), "the refreshed plan shows a1's update")
check("Then chased IT twice" in (rrows["a2"][latest].value or ""), "and a2's")
check(rrows["a4"][rhead.index("Status")].value == status_formula,
      f"the Status formula is kept as a formula: {rrows['a4'][rhead.index('Status')].value!r}")
check("Score" in rhead and rrows["a1"][rhead.index("Score")].value == "=2*21",
      f"a formula in a user's column is kept: {rhead}")
# Its saved result is the record's value, so a reader that does not calculate sees a status.
cached = openpyxl.load_workbook(refreshed_path, data_only=True)["Actions"]
crow = {r[0].value: r for r in cached.iter_rows(min_row=2) if r[0].value}
check(crow["a4"][rhead.index("Status")].value == "Not started", f"the formula's saved value: {crow['a4'][4].value!r}")

# Read back again: the kept formulas still have no effect on the record, and no new warning about saving.
out2 = os.path.join(tmp, "again")
rc, _, err2 = sdiag("track", refreshed_path, "--diagnostic", os.path.join(out, "diagnostic.json"), "-o", out2)
check(rc == 0 and "never saved" not in err2, f"the refreshed plan reads back without a warning: {err2}")
with open(os.path.join(out2, "diagnostic.json"), encoding="utf-8") as f:
    again = {a["id"]: a for a in json.load(f)["actions"]}
for k in acts:
    if again.get(k) != acts[k]:
        print("was:  ", acts[k]); print("again:", again.get(k))
check(again == acts, "reading the refreshed plan back changes nothing")

shutil.rmtree(tmp)
finish()
