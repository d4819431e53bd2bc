"""The generated action plan, checked as Excel's users see it (openpyxl)."""
import datetime
import os
import re
import shutil
import sys
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
import openpyxl  # noqa: E402
from plan_helpers import check, finish, make_plan, workdir  # noqa: E402

tmp = workdir()
plan, _ = make_plan(os.path.join(tmp, "one"))
again, _ = make_plan(os.path.join(tmp, "two"))
check(open(plan, "rb").read() == open(again, "rb").read(), "two runs give byte-identical workbooks")

wb = openpyxl.load_workbook(plan)
check(wb.sheetnames[:4] == ["Actions", "Summary", "Themes", "About"], f"sheets: {wb.sheetnames}")
ws = wb["Actions"]
check(ws.freeze_panes == "A2", f"header row frozen: {ws.freeze_panes}")
headers = [c.value for c in ws[1]]
check(headers[:9] == ["ID", "Action", "Owner", "Due", "Status", "RAG", "Theme or goal", "Latest update", "Comments"],
      f"headers: {headers}")
check("ActionPlan" in ws.tables, "the actions are an Excel table")
check(ws.tables["ActionPlan"].ref == "A1:I6", f"table covers the 5 actions: {ws.tables['ActionPlan'].ref}")
check(ws.column_dimensions["B"].width >= 40, "the Action column is wide")

rows = {r[0].value: r for r in ws.iter_rows(min_row=2) if r[0].value}
check(sorted(rows) == ["a1", "a2", "a3", "a4", "a5"], f"ids: {sorted(rows)}")
due = rows["a1"][3]
check(isinstance(due.value, datetime.datetime) and due.value.date() == datetime.date(2025, 12, 15),
      f"due is a real date: {due.value!r}")
check(due.number_format == "dd/mm/yyyy", f"due shown dd/mm/yyyy: {due.number_format}")
check(rows["a4"][3].value is None and rows["a4"][3].comment is not None
      and "end of Q1" in rows["a4"][3].comment.text,
      f"a due date in words leaves the Due cell empty and is kept in its note: {rows['a4'][3].value!r}")
for r in rows.values():
    check(r[3].value is None or isinstance(r[3].value, datetime.datetime),
          f"the Due column holds dates or nothing: {r[0].value} {r[3].value!r}")
check(rows["a1"][3].comment is not None and "mid December" in rows["a1"][3].comment.text,
      "the words agreed are kept in a note on the date")
check(rows["a2"][4].value == "In progress", "status label")
check(rows["a4"][1].value == "=1+2 stays as words, not a formula" and rows["a4"][1].data_type == "s",
      f"text starting with = is a string: {rows['a4'][1].data_type}")
check(rows["a4"][2].value == "@Head of service", "owner starting with @ kept as text")
check(rows["a4"][8].value == "+44 1234 567890 is the helpdesk", "comments carried")
check(str(rows["a1"][5].value).startswith("=IF(ActionPlan[[#This Row],[Status]]"), "RAG is a formula")
check("First meeting held" in (rows["a2"][7].value or ""), "latest update shown")
check("Slow report refresh" in rows["a2"][6].value and "Goal:" in rows["a2"][6].value, "theme and goal shown")

dvs = ws.data_validations.dataValidation
check(len(dvs) == 1 and dvs[0].type == "list" and dvs[0].formula1 == "Lists!$A$2:$A$6", "status dropdown")
check(dvs and str(dvs[0].sqref).startswith("E2:E"), f"dropdown on Status: {dvs and dvs[0].sqref}")
lists = [wb["Lists"].cell(row=r, column=1).value for r in range(2, 7)]
check(lists == ["Not started", "In progress", "Done", "Blocked", "Dropped"], f"lists: {lists}")
rules = [r for cf in ws.conditional_formatting for r in cf.rules]
check(len(rules) == 3 and all(r.type == "expression" for r in rules), "three highlight rules")
check(any("TODAY()" in r.formula[0] and "<TODAY()" in r.formula[0] for r in rules), "an overdue rule")

# Cached values for readers that do not recalculate: RAG on 1 Jan 2026.
values = openpyxl.load_workbook(plan, data_only=True)["Actions"]
rag = {r[0].value: r[5].value for r in values.iter_rows(min_row=2) if r[0].value}
check(rag == {"a1": "Red", "a2": "Amber", "a3": "Green", "a4": None, "a5": "Red"}, f"RAG values: {rag}")

# No formula anywhere but the RAG column and the Summary counts.
with zipfile.ZipFile(plan) as z:
    sheet1 = z.read("xl/worksheets/sheet1.xml").decode()
    cells_with_formula = re.findall(r'<c r="([A-Z]+)\d+"[^>]*><f>', sheet1)
    check(set(cells_with_formula) == {"F"}, f"formulas only in RAG: {set(cells_with_formula)}")
    check("xl/charts/chart1.xml" in z.namelist(), "the Summary has a chart")

summary = openpyxl.load_workbook(plan, data_only=True)["Summary"]
counts = {summary.cell(row=r, column=1).value: summary.cell(row=r, column=2).value for r in range(1, 40)}
check(counts.get("Done") == 1 and counts.get("Blocked") == 1 and counts.get("All actions") == 5, f"summary: {counts}")
check(counts.get("Overdue (not done)") == 1, "one action overdue on 1 Jan 2026")

themes = wb["Themes"]
check([c.value for c in themes[1]] == ["Theme", "Notes", "Keywords", "Linked actions"], "themes header")
check(themes["A2"].value == "Slow report refresh" and themes["B2"].value == 3 and themes["D2"].value == "a1, a2",
      "themes sheet")
about = [c.value for c in wb["About"]["B"] if c.value]
check(any("Castlebrook" in str(v) for v in about), "about names the organisation")
check(any("ID column" in str(v) for v in about), "about says not to touch the IDs")

p = wb.properties
check(p.title == "Action plan: Castlebrook Borough Council", f"title: {p.title}")
check(p.creator == "Jo Adams, Data to Insight", f"author: {p.creator}")
check(p.created == datetime.datetime(2026, 1, 1, 0, 0), f"created = SOURCE_DATE_EPOCH: {p.created}")

shutil.rmtree(tmp)
finish()
