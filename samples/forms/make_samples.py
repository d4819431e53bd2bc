#!/usr/bin/python3
"""Writes the Castlebrook form-response samples in this folder.

castlebrook-google-forms.csv   Google Forms download: UTF-8 with BOM, CRLF,
                               every field quoted, multi-line answers,
                               checkbox answers joined with ';'
castlebrook-excel-1252.csv     the same kind of export re-saved by Excel on
                               UK Windows as "CSV (Comma delimited)": Windows-1252
castlebrook-ms-forms.xlsx      an anonymous Microsoft Forms export (times as
                               Excel serials, Email "anonymous")

Run with Debian's python3 (python3-openpyxl). Fictional council and people.
"""
import csv
import io
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def google_forms():
    header = ["Timestamp", "Email address", "Your name", "Your role",
              "Where are the big pain points?",
              "Where do the best things happen?",
              "Which tools do you use for reporting?",
              "What should change first?",
              "Anything else?"]
    rows = [
        ["2025/03/10 9:14:02 AM GMT", "tom.okafor@castlebrook.example.gov.uk", "Tom Okafor",
         "Head of Service, Children in Need",
         "Month-end reports take three days to refresh.\nManagers stop trusting them by then.",
         "The MASH triage meeting uses live data",
         "Excel;Power BI;Liquidlogic reports",
         "One owner for the month-end refresh",
         ""],
        ["2025/03/10 1:40:51 PM GMT", "grace.liu@castlebrook.example.gov.uk", "Grace Liu", "BI developer",
         "Ethnicity recording is blank for one child in seven; nobody owns fixing it",
         "", "Power BI;SQL Server",
         "Publish a data quality dashboard",
         "Happy to share the warehouse diagram - write to grace.liu@castlebrook.example.gov.uk"],
        ["2025/03/11 4:02:13 PM GMT", "", "", "Team manager, fostering",
         "Spreadsheets \"fill the gaps\" between systems", "Weekly caseload dashboard",
         "Excel", "", ""],
        ["not recorded", "", "Martin Doyle", "MIS lead", "", "", "", "Fewer duplicate fields in the case system", ""],
    ]
    out = io.StringIO(newline="")
    w = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    with open(os.path.join(HERE, "castlebrook-google-forms.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def excel_1252():
    header = ["Timestamp", "Name", "Role", "The problems we should solve", "Q: café rota"]
    rows = [
        ["14/03/2025 10:02:11", "Siân O’Neill", "Data officer",
         "Children’s records are copied into three spreadsheets – every week", "n/a"],
        ["14/03/2025 11:30:00", "Helen Ashworth", "DCS", "£40k a year spent on manual returns", "Thursday"],
    ]
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    with open(os.path.join(HERE, "castlebrook-excel-1252.csv"), "wb") as f:
        f.write(out.getvalue().encode("cp1252"))


def ms_forms():
    import datetime
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["ID", "Start time", "Completion time", "Email", "Name", "Last modified time",
               "Where do the best things happen? ", "Target outputs (goals)\r\nWhat should we build?",
               "Which systems hold children's data?"])
    base = datetime.datetime(2025, 3, 12, 9, 30)
    answers = [
        ["The nightly extract into the warehouse", "A single view of each child across systems",
         "Liquidlogic;ContrOCC;Capita One;"],
        ["Front-line managers trust the caseload dashboard", "Automated statutory returns", "Liquidlogic;"],
        ["", "", ""],
    ]
    for i, a in enumerate(answers, start=1):
        start = base + datetime.timedelta(minutes=17 * i)
        ws.append([i, start, start + datetime.timedelta(minutes=6), "anonymous", "", None] + a)
        for col in (2, 3):
            ws.cell(row=i + 1, column=col).number_format = "m/d/yy h:mm"
    wb.properties.created = datetime.datetime(2025, 3, 12)
    wb.properties.modified = datetime.datetime(2025, 3, 12)
    wb.save(os.path.join(HERE, "castlebrook-ms-forms.xlsx"))


if __name__ == "__main__":
    google_forms()
    excel_1252()
    ms_forms()
    sys.exit(0)
