#!/usr/bin/python3
"""Writes board.json (Miro REST v2 pages, saved one after another) and truth.json for the Westmarsh
test board.

Westmarsh County Council is made up. Its facilitator puts the morning and the afternoon in two big
frames and marks the sections inside them with large titled rectangles (the stickies' parent is
the half-day frame); in the key issues the sticky colour gives the prompt, as a legend says; the
goals have their prompts as nested frames. The workshop was on Tuesday 15 September 2026 (BST);
only the stickies' creation times say so.

    /usr/bin/python3 make_board.py          # writes board.json and truth.json
    /usr/bin/python3 make_board.py --check  # confirms the files on disk are current
"""
import datetime as dt
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from boardkit import (UTC, Board, Clock, check_and_count, empty_ids, map_edges, people_truth, rest_pages,  # noqa: E402
                      theme_issues, write_or_check)

HERE = os.path.dirname(os.path.abspath(__file__))
WORKSHOP = "2026-09-15"
b = Board("uXjVLw9mQs4=", seed=20260915, anchor_id=3458764611987600000)


def T(day, h, m, month=9):  # UTC; the workshop ran 09:15-15:30 BST, 08:15-14:30Z
    return dt.datetime(2026, month, day, h, m, tzinfo=UTC)


M = {
    "megan": ("3458764588812400017", "Megan Rhys", "owner"),
    "kwame": ("3458764588812400349", "Kwame Asante", "editor"),
    "fiona": ("3458764588812400671", "Fiona McBride", "editor"),
    "hannah": ("3458764588812400902", "Hannah Lister", "editor"),
    "tomasz": ("3458764588812401288", "Tomasz Nowak", "editor"),
    "sunil": ("3458764588812401530", "Sunil Varma", "editor"),
    "jo": ("3458764588812401817", "Joanne Pike", "editor"),
    "ade": ("3458764588812402064", "Ade Bankole", "editor"),
    "carl": ("3458764588812402395", "Carl Benson", "editor"),
    "patricia": ("3458764588812402711", "Patricia Quayle", "viewer"),  # invited, never came
}
U = {k: v[0] for k, v in M.items()}
G = U["megan"]
room = [U[k] for k in ("hannah", "jo", "tomasz", "sunil", "carl", "fiona", "ade", "kwame")]
clock = Clock(b.rng, T(15, 8, 0))
sections, containers = [], []
prompt_of = {}


def section(title, board_title, sid, ids, kind="frame", parent=None):
    sections.append({"id": sid, "title": title, "board_title": board_title, "parent_frame_id": parent,
                     "kind": kind, "sticky_ids": list(ids)})


def frame(title, left, top, w, h, parent=None):
    return b.frame(title, T(9, 16, 2 + len(b.items) % 20), G, left, top, w, h, parent)


def region(text, frame_id, left, top, w, h, fill):
    """A big titled rectangle used as a section inside a half-day frame."""
    return b.shape(text, T(9, 16, 30 + len(b.items) % 20), G, left + w / 2, top + h / 2, w, h, "rectangle", frame_id,
                   fill=fill, opacity="0.5", valign="top", size="64")


def scatter(texts, colours, left, top, w, h, parent, authors, cols=4):
    """Stickies spread over an area, a little rotated, as a group leaves them."""
    ids = []
    for n, text in enumerate(texts):
        x = left + 200 + (n % cols) * (w - 400) / max(cols - 1, 1) + b.rng.randrange(-60, 60)
        y = top + 260 + (n // cols) * 260 + b.rng.randrange(-40, 40)
        rot = b.rng.choice([None, None, 2.5, -3.0, 4.0])
        content = None if text else "<p>&#160;</p>"
        ids.append(b.sticky(text, clock(), authors[n % len(authors)], x, y, colours[n], parent, size=0.7,
                            rotation=rot, content=content))
    return ids


# --- small frames before the half days ----------------------------------------------------------
ICE = frame("Icebreaker – if our data was a animal 🦔", 0, -2000, 1800, 1200)
DCS = frame("DCS pov 👀", 2000, -2000, 2000, 1200)
ATT = frame("Attendance & apols", 4200, -2000, 3000, 1200)
AM = frame("MORNING", 0, 0, 9000, 4200)
GOALS = frame("where we want to get to", 0, 4500, 3400, 1800)
GCAP = frame("things we need to be able to do", 100, 4700, 1550, 1500, GOALS)
GPROD = frame("stuff we want to produce", 1750, 4700, 1550, 1500, GOALS)
PM = frame("AFTERNOON", 3600, 4500, 5400, 1800)

# --- DCS view, typed in by the DCS before the start -----------------------------------------------
clock.at(T(15, 7, 58))
dcs = []
for n, text in enumerate(["we're flying blind on early help 🤷", "ILACS in the spring – need a grip on timeliness",
                          "DMT pack comes 6 wks after month end", "too much time on spreadsheets not practice",
                          "I want ONE number everyone trusts", "relationship with ICB data ppl = nil"]):
    dcs.append(b.sticky(text, clock(), U["kwame"], 2250 + (n % 3) * 600, -1650 + (n // 3) * 450, "yellow", DCS,
                        size=0.8))
section("What the DCS sees now", "DCS pov 👀", DCS, dcs)

# --- attendance: the facilitator's notes as people arrive -------------------------------------------
clock.at(T(15, 8, 10))
att_texts = ["DCS (Kwame) – am only", "AD safeguarding – Fiona McB", "MASH HoS (Hannah)", "Corp BI team – Tomasz N",
             "Head of QA (Rebecca) – apologies", "MIS team – Sunil", "Jo P – perf & intelligence",
             "ICT – Ade B (supplier contract)", "Megan (facilitator) ✍️", "Carl Benson – HoS children in care",
             "EH lead Deborah Kaye – sent apologies"]
att = []
for n, text in enumerate(att_texts):
    att.append(b.sticky(text, clock(), G, 4400 + (n % 6) * 460, -1650 + (n // 6) * 450, "light_blue", ATT, size=0.7))
section("Who needs to be involved", "Attendance & apols", ATT, att)

# --- icebreaker ------------------------------------------------------------------------------------------
clock.at(T(15, 8, 22))
ice = []
for n, (text, who) in enumerate([("a sloth 🦥", "carl"), ("octopus – arms everywhere 🐙", "jo"),
                                 ("hedgehog. prickly", "sunil"), ("a cat, does what it wants", "fiona"),
                                 ("goldfish – forgets everything", "tomasz")]):
    ice.append(b.sticky(text, clock(), U[who], 250 + (n % 4) * 420, -1600 + (n // 4) * 420, "light_yellow", ICE,
                        size=0.7))

# --- MORNING: four titled rectangles ----------------------------------------------------------------------
R_LOT = region("<p><strong>Parking lot 🅿️</strong></p>", AM, 100, 150, 1500, 3900, "#fff9b1")
R_KI = region("<p><strong>KI today</strong></p><p>what's working, what's going wrong?</p>", AM, 1700, 150, 3500,
              3900, "#ffd1dc")
R_MAP = region("<p><strong>data flows (as is)</strong></p>", AM, 5300, 150, 2300, 3900, "#d5f692")
R_REL = region("<p><strong>relationships / who we rely on</strong></p>", AM, 7700, 150, 1200, 3900, "#c6dcff")
containers.append({"id": AM, "board_title": "MORNING", "region_ids": [R_LOT, R_KI, R_MAP, R_REL]})

clock.at(T(15, 8, 40))
PINK, GREEN, BLUE = "light_pink", "light_green", "light_blue"
best_t = ["MASH turnaround times – we're actually good at this 💪", "jo's weekly pack is brilliant",
          "tableau CP dashboard ✔️", "good link w/ police DV notifications", "staff want better data (honestly!)",
          "care leavers team keep great records", "returns in on time 3 yrs running"]
pain_t = ["carenav contact outcomes = free text ➡️ cant count them",
          "LAC tracker is an access db on someone's C drive 😬", "SSIS loads fail on mondays",
          "no one knows which tableau report is 'the' one", "health info comes by email – never recorded",
          "EH is in FamilyHub – separate, no ids in common", "re-referral rate differs tableau v the pack",
          "supplier takes 6 months for any change", "perf team = 2 people for the whole county",
          "NO ONE KNOWS WHICH TABLEAU REPORT TO USE!!", "placement data entered wks late",
          "ethnicity / disability fields mostly blank", ""]
fix_t = ["one front door outcome list (drop-down)", "get rid of the access db", "agree definitions – re-referral, open case",
         "shared child id across EH + CSC", "catalogue of tableau reports w/ owners", "daily loads not weekly",
         "DQ reports to TMs weekly"]
mixed = [(t, GREEN, "b") for t in best_t] + [(t, PINK, "p") for t in pain_t] + [(t, BLUE, "f") for t in fix_t]
order = sorted(range(len(mixed)), key=lambda i: (i * 7) % len(mixed))  # colours interleaved, not in columns
texts = [mixed[i][0] for i in order]
colours = [mixed[i][1] if i % 5 else {"light_pink": "pink", "light_green": "green", "light_blue": "blue"}[mixed[i][1]]
           for i in order]
ki_ids = scatter(texts, colours, 1700, 150, 3500, 3500, AM, room, cols=6)
kind_of = {sid: mixed[i][2] for sid, i in zip(ki_ids, order)}
best = [s for s in ki_ids if kind_of[s] == "b"]
pain = [s for s in ki_ids if kind_of[s] == "p"]
fix = [s for s in ki_ids if kind_of[s] == "f"]
pain_by_text = {mixed[i][0]: sid for sid, i in zip(ki_ids, order) if mixed[i][2] == "p"}
fix_by_text = {mixed[i][0]: sid for sid, i in zip(ki_ids, order) if mixed[i][2] == "f"}
b.text("<p>pink = pain points · green = what works well · blue = what we should fix</p>", T(9, 16, 58), G,
       1700 + 1750, 150 + 3750, 2400, AM, size="28")
section("How we see the key issues today", "KI today – what's working, what's going wrong?", R_KI, ki_ids,
        "region_shape", AM)
for sid in best:
    prompt_of[sid] = "Where the best things happen"
for sid in pain:
    prompt_of[sid] = "Where the big pain points are"
for sid in fix:
    prompt_of[sid] = "The problems we should solve"

lot = scatter(["schools data? – another day", "look at the Yorkshire tableau template?", "training budget for TMs",
               "CareNav upgrade 2027 – impact??", ""], ["yellow"] * 5, 100, 150, 1500, 3900, AM, room[3:], cols=2)
section("Ideas to hold onto for later", "Parking lot 🅿️", R_LOT, lot, "region_shape", AM)

# data flows: shapes and connectors inside the map rectangle
clock.at(T(15, 10, 35))
nodes, labels = {}, {}
for key, lbl, shp, x, y in [("mash", "MASH", "circle", 5600, 600), ("carenav", "CareNav (CSC)", "can", 6400, 600),
                            ("fh", "FamilyHub (EH)", "can", 6400, 1500), ("ssis", "SSIS overnight", "flow_chart_predefined_process", 7200, 600),
                            ("sql", "SQL staging db", "can", 7200, 1500), ("tab", "Tableau Server (corp)", "rectangle", 7200, 2400),
                            ("lac", "LAC tracker (Access)", "rectangle", 6400, 2400), ("icb", "ICB / health", "cloud", 5600, 1500),
                            ("dfe", "DfE returns", "hexagon", 6400, 3300)]:
    nodes[key] = b.shape(f"<p>{lbl}</p>", clock(), G, x, y, 380, 240, shp, AM, fill="#ffffff")
    labels[nodes[key]] = (lbl, shp)
edges = [("mash", "carenav", "contacts", {}), ("carenav", "ssis", "overnight", {}), ("ssis", "sql", None, {}),
         ("tab", "sql", "weekly refresh", {"start_cap": "arrow", "end_cap": "none"}),
         ("icb", "mash", "emails", {"stroke": "dashed"}),
         ("fh", "carenav", "step up/down (manual)", {"start_cap": "filled_triangle", "end_cap": "filled_triangle"}),
         ("carenav", "lac", "copy paste", {}), ("lac", "dfe", "903", {"end_cap": "stealth"})]
conn = [b.connector(nodes[a], nodes[z], clock(), G, cap, **kw) for a, z, cap, kw in edges]
map_notes = [b.sticky("fails most mondays ⚠️", clock(), U["jo"], 7500, 950, "orange", AM, size=0.5),
             b.sticky("only Jo can run this", clock(), U["tomasz"], 5750, 2500, "orange", AM, size=0.5)]
annotation = b.connector(map_notes[0], nodes["ssis"], clock(), U["jo"])
section("Data system mapping", "data flows (as is)", R_MAP, map_notes, "region_shape", AM)

clock.at(T(15, 11, 20))
rel = scatter(["Kwame Asante (DCS) – sponsor, chairs DMT", "Tomasz N sits in corp BI not CSC – priorities clash",
               "Sunil Varma – only MIS admin, no cover!", "Rebecca Ellis – QA – not here today, key for audits",
               "Joanne Pike – the pack. all of it.", "ICB data lead?? unknown"], ["light_yellow"] * 6,
              7700, 150, 1200, 3900, AM, room, cols=2)
section("Key people and relationships", "relationships / who we rely on", R_REL, rel, "region_shape", AM)

# --- where we want to get to: prompts as nested frames ------------------------------------------------------
clock.at(T(15, 12, 32))
caps = scatter(["TMs see their own team's data daily", "trust the CP numbers first time", "link EH and CSC records",
                "answer ofsted asks in a day not a week", "analyse, not just count"], ["light_green"] * 5,
               100, 4700, 1550, 1300, GCAP, room, cols=2)
prods = scatter(["DMT pack by day 5", "front door dashboard", "EH outcomes report (termly)",
                 "child level DQ exception list", "placement sufficiency report"], ["violet"] * 5,
                1750, 4700, 1550, 1300, GPROD, room[2:], cols=2)
section("Target outputs (goals)", "where we want to get to", GOALS, caps + prods)
for sid in caps:
    prompt_of[sid] = "General capabilities"
for sid in prods:
    prompt_of[sid] = "Specific products"

# --- AFTERNOON: two titled rectangles ---------------------------------------------------------------------
R_MODEL = region("<p><strong>future model</strong> (v2 after lunch!)</p>", PM, 3700, 4650, 2000, 1550, "#e6e6e6")
R_ACT = region("<p><strong>actions – who / what / by when</strong></p>", PM, 5800, 4650, 3100, 1550, "#fff9b1")
containers.append({"id": PM, "board_title": "AFTERNOON", "region_ids": [R_MODEL, R_ACT]})
clock.at(T(15, 13, 10))
model = scatter(["data owners per service area", "Jo + Tomasz = one 'insight' team", "SSIS → daily, monitored"],
                ["gray"] * 3, 3700, 4650, 2000, 1550, PM, room, cols=3)
# two more typed up from the flipchart by the facilitator the next morning
clock.at(T(16, 8, 40))
model += scatter(["QA + perf meet monthly on DQ", "MIS admin cover – train a 2nd person"], ["gray"] * 2,
                 3700, 4910, 2000, 1290, PM, [G], cols=3)
section("Service model (vision)", "future model (v2 after lunch!)", R_MODEL, model, "region_shape", PM)

clock.at(T(15, 13, 52))
b.text("<p><em>owner / action / date</em></p>", T(9, 17, 3), G, 7350, 4760, 1400, PM, size="24")
act_specs = [
    ("@Sunil – fix the MASH contact outcome field (drop-down) – by half term", "sunil", "Sunil",
     ["Sunil", "Sunil Varma", "SV", "@Sunil"], "2026-10-23", "by half term", ["2026-10-23", "2026-10-26", "2026-10-30"]),
    ("JP: map every access db + who owns it. end of sept", "jo", "JP", ["JP", "Joanne Pike", "Jo", "Jo P"],
     "2026-09-30", "end of sept", ["2026-09-30"]),
    ("Tomasz N to get CareNav into tableau nightly – w/c 5 Oct", "tomasz", "Tomasz N",
     ["Tomasz N", "Tomasz Nowak", "Tomasz", "TN"], "2026-10-05", "w/c 5 Oct", ["2026-10-05", "2026-10-09"]),
    ("KA – take to DMT next month 👍", "kwame", "KA", ["KA", "Kwame Asante", "Kwame"], "2026-10-31", "next month",
     ["2026-10-31", None]),
    ("Hannah + Carl: agree what 'open case' means. 2/10", "hannah", "Hannah + Carl",
     ["Hannah + Carl", "Hannah Lister", "Hannah", "Carl Benson", "Carl"], "2026-10-02", "2/10", ["2026-10-02"]),
    ("Megan to send write up by fri", "megan", "Megan", ["Megan", "Megan Rhys", "MR"], "2026-09-18", "by fri",
     ["2026-09-18"]),
    ("Fiona – ask ICB for a named data lead asap", "fiona", "Fiona", ["Fiona", "Fiona McBride", "FM"], None, "asap",
     [None]),
    ("ade – price up SSIS → daily by xmas", "ade", "Ade", ["Ade", "Ade Bankole", "AB"], "2026-12-25", "by xmas",
     ["2026-12-25", "2026-12-24", "2026-12-18"]),
]
acts, actions = [], []
for n, (text, who_k, owner, accept, due, raw, due_ok) in enumerate(act_specs):
    sid = b.sticky(text, clock(), U[who_k], 6050 + (n % 4) * 560, 4990 + (n // 4) * 560, "light_yellow", PM, size=0.9)
    acts.append(sid)
    actions.append({"id": sid, "item_type": "sticky_note", "text": text, "owner": owner, "owner_accept": accept,
                    "due": due, "due_raw": raw, "due_accept": due_ok})
# added from a laptop outside the frame and dragged in: no parent, but it lies in the actions rectangle
loose = b.sticky("tidy up the sharepoint folder", clock(), U["carl"], 8650, 5050, "light_yellow", size=0.6)
acts.append(loose)
actions.append({"id": loose, "item_type": "sticky_note", "text": "tidy up the sharepoint folder", "owner": None,
                "owner_accept": [None], "due": None, "due_raw": None, "due_accept": [None]})
# a card: its due date is UTC midnight-minus-an-hour, i.e. the 20th in London
card = b.card("<p>book follow-up session w/ DMT</p>", clock(), G, 8500, 5950, PM, assignee=G,
              due="2026-10-19T23:00:00.000Z")
actions.append({"id": card, "item_type": "card", "text": "book follow-up session w/ DMT", "owner": "Megan Rhys",
                "owner_accept": ["Megan Rhys", "Megan", "MR"], "due": "2026-10-20", "due_raw": "2026-10-19T23:00:00.000Z",
                "due_accept": ["2026-10-20"]})
section("Immediate actions (plan)", "actions – who / what / by when", R_ACT, acts, "region_shape", PM)
assert b.inside(card, R_ACT)

# ---------------------------------------------------------------------------------------------------------
themes = [
    {"code": "T1", "label": "CareNav recording that can't be counted",
     "description": "Contact outcomes and other fields are free text in the case system, and the supplier takes "
                    "months to change anything"},
    {"code": "T2", "label": "Too many reports and definitions",
     "description": "Nobody knows which Tableau report is the right one; measures such as re-referrals differ "
                    "between reports and the pack"},
    {"code": "T3", "label": "Early help and health data outside social care",
     "description": "Early help sits in FamilyHub with no shared child id; health information arrives by email "
                    "and is never recorded"},
    {"code": "T4", "label": "Fragile workarounds and data loads",
     "description": "An Access database on a C drive, overnight SSIS loads that fail, weekly refreshes and a "
                    "two-person performance team"},
    {"code": "T5", "label": "Late and missing recording",
     "description": "Placement data entered weeks late and ethnicity and disability fields left blank"},
]
pt, ft = pain_by_text, fix_by_text
dup = pt["NO ONE KNOWS WHICH TABLEAU REPORT TO USE!!"]
issue_specs = [
    (pt[pain_t[0]], "T1", None, None), (pt[pain_t[1]], "T4", None, None), (pt[pain_t[2]], "T4", None, None),
    (pt[pain_t[3]], "T2", None, None), (pt[pain_t[4]], "T3", None, None), (pt[pain_t[5]], "T3", None, None),
    (pt[pain_t[6]], "T2", None, None), (pt[pain_t[7]], "T1", None, None), (pt[pain_t[8]], "T4", None, None),
    (dup, "T2", None, pt[pain_t[3]]), (pt[pain_t[10]], "T5", None, None), (pt[pain_t[11]], "T5", None, None),
    (ft[fix_t[0]], "T1", None, None), (ft[fix_t[1]], "T4", None, None), (ft[fix_t[2]], "T2", None, None),
    (ft[fix_t[3]], "T3", None, None), (ft[fix_t[4]], "T2", None, None), (ft[fix_t[5]], "T4", None, None),
    (ft[fix_t[6]], "T5", None, None),
]
issues = theme_issues(b, issue_specs, prompt_of, themes)
for row in issues:
    row["location"] = "in_region"

system_map = {"frame_id": AM, "region_id": R_MAP,
              "nodes": [{"id": nid, "label": lbl, "item_type": "shape", "shape": shp, "content": f"<p>{lbl}</p>"}
                        for nid, (lbl, shp) in labels.items()]}
system_map["edges"] = map_edges(b, conn, edges, nodes, {n: l for n, (l, _) in labels.items()})

people = people_truth([
    ("Kwame Asante", U["kwame"], ["KA", "Kwame", "DCS"], True, "DCS", "Children's Services"),
    ("Fiona McBride", U["fiona"], ["FM", "Fiona", "Fiona McB"], True, "Assistant Director, Safeguarding",
     "Children's Social Care"),
    ("Hannah Lister", U["hannah"], ["HL", "Hannah"], True, "Head of Service, MASH", "Children's Social Care"),
    ("Tomasz Nowak", U["tomasz"], ["TN", "Tomasz", "Tomasz N"], True, "BI developer", "Corporate BI"),
    ("Rebecca Ellis", None, ["RE", "Rebecca"], False, "Head of QA", "Quality Assurance"),
    ("Sunil Varma", U["sunil"], ["SV", "Sunil", "@Sunil"], True, "MIS admin", "MIS"),
    ("Joanne Pike", U["jo"], ["JP", "Jo", "Jo P"], True, "Performance analyst", "Performance & Intelligence"),
    ("Ade Bankole", U["ade"], ["AB", "Ade", "Ade B"], True, "ICT (supplier contract)", "ICT"),
    ("Megan Rhys", U["megan"], ["MR", "Megan", "facilitator"], True, "Facilitator", None),
    ("Carl Benson", U["carl"], ["CB", "Carl"], True, "Head of Service, Children in Care", "Children's Social Care"),
    ("Deborah Kaye", None, ["DK", "Deborah"], False, "Early help lead", "Early Help"),
    ("Patricia Quayle", U["patricia"], ["PQ", "Patricia"], False, None, None),
])

for sid in caps:
    assert b.inside(sid, GCAP)
for sid in prods:
    assert b.inside(sid, GPROD)

truth = {
    "dataset": "westmarsh", "fictional": True, "board_id": b.bid, "workshop_date": WORKSHOP,
    "timezone": "Europe/London",
    "scope": {
        "issues": "every pink (pain points) and blue (what we should fix) sticky in the 'KI today' rectangle of the "
                  "MORNING frame: the prompt is the colour, as the legend text says; the empty pink sticky is "
                  "excluded; the capitals repeat is listed (duplicate_of) but not scored",
        "actions": "every sticky and card in the 'actions – who / what / by when' rectangle of the AFTERNOON frame, "
                   "including the unparented sticky lying in it; 'owner / action / date' is a heading",
        "due": "ISO date in Europe/London or null; relative phrases resolve against Tuesday 15 September 2026 (BST), "
               "which only the stickies' createdAt shows; the card's due date is UTC",
        "frames": "frames[] lists sections: three small frames (the icebreaker is no section; its stickies are noise), "
                  "titled rectangles inside the MORNING and AFTERNOON frames (kind region_shape, stickies parented to "
                  "the half-day frame, placed by position), and 'where we want to get to' whose prompts are nested "
                  "frames",
        "system_map": "9 shapes in the 'data flows (as is)' rectangle joined by 8 connectors; direction follows the "
                      "caps; the connector from the 'fails most mondays' sticky is an annotation",
    },
    "themes": themes, "issues": issues, "actions": actions, "system_map": system_map,
    "frames": sections, "containers": containers,
    "prompt_frames": {"General capabilities": GCAP, "Specific products": GPROD},
    "subareas": {t: [s for s, p in prompt_of.items() if p == t] for t in
                 ["Where the best things happen", "Where the big pain points are", "The problems we should solve",
                  "General capabilities", "Specific products"]},
    "tags": {},
    "empty_sticky_ids": empty_ids(b),
    "outside_frame_sticky_ids": [loose],
    "outside_region_sticky_ids": [],
    "unparented_but_inside_frame": [{"id": loose, "visual_frame_id": PM, "visual_region_id": R_ACT}],
    "noise_sticky_ids": ice,
    "duplicate_groups": [[pt[pain_t[3]], dup]],
    "items_without_data": [],
    "people": people,
}
check_and_count(b, sections, ice, truth)
truth["counts"]["regions"] = sum(len(c["region_ids"]) for c in containers)
assert annotation not in [e["connector_id"] for e in system_map["edges"]]
members = [{"id": i, "name": n, "role": r, "type": "board_member"} for i, n, r in M.values()]
write_or_check(HERE, rest_pages(b, members), truth)
