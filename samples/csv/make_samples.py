#!/usr/bin/python3
"""Writes the CSV samples: castlebrook-notes.csv (a notes table with a header,
as a facilitator keeps it in Excel: CRLF, a quoted multi-line cell, doubled
quotes, a row without a section, a section the template does not know) and
miro-stickies-export.csv (Miro's one-column export: UTF-8 with a BOM, no
header, a multi-line sticky, an emoji)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

notes = [
    "Section,Prompt,Text,Author,Tags,Colour,Owner,Due,Votes",
    'What the DCS sees now,,"We have lots of data, but leaders still ask for the same numbers in three different ways.",Helen Ward,,yellow,,,3',
    "Key issues today,Pain points,Reports take three days to refresh after month end,Priya Shah,Data quality,pink,,,5",
    'Key issues today,Pain points,"Team managers keep ""shadow"" spreadsheets",Mark Osei,"Data quality, Workforce",pink,,,2',
    'How we see the key issues today,Where the best things happen,"Weekly MASH dashboard is trusted\nand used by team managers",Mark Osei,,light_green,,,',
    "Data system mapping,Resources,Liquidlogic (LCS and EHM) case management system,Sara Lee,,,,,",
    "Target outputs (goals),Specific products,Single leadership performance scorecard in Power BI,Helen Ward,Quick win,,,,4",
    "Service model (vision),,Data requests triaged through one front door,Priya Shah,,,,,",
    "Immediate actions,,Agree the list of leadership measures,Priya Shah,,,Priya Shah,27/03/2026,",
    "Immediate actions,,Set up alerting on the warehouse load failure,Sara Lee,Quick win,,Head of IT,w/c 16 Feb,",
    ",,Who owns the data dictionary?,Tom Bell,,,,,",
    "Room and catering,,Room booked until 4pm,Jo Adams,,,,,",
]
with open(os.path.join(HERE, "castlebrook-notes.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("\r\n".join(notes) + "\r\n")

stickies = [
    "Could we share a Power BI workspace with health partners?",
    '"Reports take three days to refresh,\nafter month end"',
    "Data champions in each service area \U0001F642",
    "",
    "Automate the SSDA903 return checks",
]
with open(os.path.join(HERE, "miro-stickies-export.csv"), "w", encoding="utf-8-sig", newline="") as f:
    f.write("\r\n".join(stickies) + "\r\n")
