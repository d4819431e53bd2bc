#!/usr/bin/python3
"""The action plan as someone would write it by hand with openpyxl: the
actions of a diagnostic.json (or a JSON list of actions) in the columns of
sdiag's action-plan.xlsx (ID, Action, Owner, Due, Status, RAG, Theme or goal,
Latest update, Comments), as a formatted table with a status drop-down, a
RAG formula, dates as dates and a themes sheet. The peer the pipeline
benchmark times the xlsx output against.

    pipeline_openpyxl_plan.py ACTIONS.json OUT.xlsx
"""
import datetime
import json
import sys

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

COLUMNS = [("ID", 7), ("Action", 55), ("Owner", 22), ("Due", 13), ("Status", 14), ("RAG", 8),
           ("Theme or goal", 30), ("Latest update", 34), ("Comments", 45)]
STATUS = {"not started": "Not started", "in progress": "In progress", "done": "Done", "blocked": "Blocked",
          "dropped": "Dropped"}


def main(source, target):
    with open(source, encoding="utf-8") as f:
        data = json.load(f)
    actions = data["actions"] if isinstance(data, dict) else data
    themes = {t["id"]: t["label"] for t in data.get("themes", [])} if isinstance(data, dict) else {}

    wb = Workbook()
    ws = wb.active
    ws.title = "Actions"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for c, (header, width) in enumerate(COLUMNS, start=1):
        ws.cell(row=1, column=c, value=header).font = bold
        ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = width
    for r, a in enumerate(actions, start=2):
        ws.cell(row=r, column=1, value=a.get("id", ""))
        ws.cell(row=r, column=2, value=a.get("text", "")).alignment = wrap
        ws.cell(row=r, column=3, value=a.get("owner", "")).alignment = wrap
        due = a.get("due", "")
        try:
            cell = ws.cell(row=r, column=4, value=datetime.date.fromisoformat(due))
            cell.number_format = "DD/MM/YYYY"
        except ValueError:
            ws.cell(row=r, column=4, value=a.get("due_text", "")).alignment = wrap
        ws.cell(row=r, column=5, value=STATUS.get(a.get("status", ""), a.get("status", "")))
        ws.cell(row=r, column=6, value=f'=IF(E{r}="Done","Green",IF(ISNUMBER(D{r}),IF(D{r}<TODAY(),"Red",'
                                       f'IF(D{r}-TODAY()<=14,"Amber","Green")),""))')
        links = "; ".join(themes.get(t, t) for t in a.get("theme_ids", []))
        ws.cell(row=r, column=7, value=links).alignment = wrap
        updates = a.get("updates", [])
        ws.cell(row=r, column=8, value=updates[-1].get("comment", "") if updates else "").alignment = wrap
        ws.cell(row=r, column=9, value="").alignment = wrap
    last = max(2, len(actions) + 1)
    ws.add_table(Table(displayName="Actions", ref=f"A1:I{last}",
                       tableStyleInfo=TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)))
    dv = DataValidation(type="list", formula1='"' + ",".join(STATUS.values()) + '"', allow_blank=True)
    dv.add(f"E2:E{last}")
    ws.add_data_validation(dv)
    ws.freeze_panes = "A2"
    ws["A1"].fill = PatternFill("solid", fgColor="DDEBF7")

    ts = wb.create_sheet("Themes")
    ts.append(["Theme", "Actions"])
    for tid, label in themes.items():
        ts.append([label, sum(1 for a in actions if tid in a.get("theme_ids", []))])
    wb.save(target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
