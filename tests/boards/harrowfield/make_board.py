#!/usr/bin/python3
"""Writes board.json (a whole-board Miro REST v2 dump) and truth.json for the Harrowfield test board.

Harrowfield Metropolitan Borough Council is made up. Its facilitator gives every section its own
frame, titled in her own words; headings are text items in one frame and shapes in another; the
voice is lower case, abbreviated, with typos and emoji. The workshop was on Wednesday 11 March 2026
(GMT); the board says so only through when its stickies were created.

    /usr/bin/python3 make_board.py          # writes board.json and truth.json
    /usr/bin/python3 make_board.py --check  # confirms the files on disk are current
"""
import datetime as dt
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from boardkit import (UTC, Board, Clock, check_and_count, column, empty_ids, iso, map_edges, people_truth,  # noqa: E402
                      theme_issues, write_or_check)

HERE = os.path.dirname(os.path.abspath(__file__))
WORKSHOP = "2026-03-11"
b = Board("uXjVGh4rFw1=", seed=20260311, anchor_id=3458764601234500000)


def T(day, h, m, month=3):  # UTC, which is London time in March before the clocks change
    return dt.datetime(2026, month, day, h, m, tzinfo=UTC)


M = {  # member key: (id, name, role)
    "lorna": ("3458764571100220011", "Lorna Kettle", "owner"),
    "ruth": ("3458764571100220367", "Ruth Abernethy", "editor"),
    "gareth": ("3458764571100220529", "Gareth Wynne", "editor"),
    "priyanka": ("3458764571100220873", "Priyanka Desai", "editor"),
    "owen": ("3458764571100221190", "Owen Pryce", "editor"),
    "shelley": ("3458764571100221442", "Shelley Barnes", "editor"),
    "marcus": ("3458764571100221705", "Marcus Oyelaran", "editor"),
    "declan": ("3458764571100222018", "Declan Hughes", "editor"),
    "colin": ("3458764571100222356", "Colin Pratt", "viewer"),  # invited, never came
}
U = {k: v[0] for k, v in M.items()}
L = U["lorna"]
clock = Clock(b.rng, T(11, 9, 0))
sections = []     # truth frames[]
prompt_of = {}    # sticky id -> template prompt title


def section(title, board_title, fid, ids, kind="frame", parent=None):
    sections.append({"id": fid, "title": title, "board_title": board_title, "parent_frame_id": parent,
                     "kind": kind, "sticky_ids": list(ids)})


def frame(title, left, top, w, h, day=2):
    return b.frame(title, T(day, 14, 5 + len(b.items)), L, left, top, w, h)


# --- frames, set up a week before -------------------------------------------------------------
F = {
    "ice": frame("Ice breaker 🧊", 0, 0, 1800, 1300),
    "dcs": frame("DCS view", 2000, 0, 2400, 1300),
    "who": frame("Who came", 4600, 0, 2600, 1300),
    "later": frame("for later 💭 (not today)", 7400, 0, 1800, 1300),
    "ki": frame("Key isues", 0, 1600, 4000, 3000),
    "map": frame("mapping our data systems", 4200, 1600, 3600, 2200),
    "rel": frame("who talks to who", 8000, 1600, 2200, 1700),
    "goals": frame("goals – what does good look like", 0, 4900, 2600, 1700),
    "model": frame("how it could work (v1)", 2800, 4900, 2000, 1500),
    "plan": frame("the plan", 5000, 4900, 3000, 1700),
}


def xy(fk, x, y):  # a point given relative to a frame's top-left, as absolute board coordinates
    left, top, _, _ = b.box[F[fk]]
    return left + x, top + y


# --- DCS view: written up by the facilitator after her call with the DCS, a week before -----------
clock.at(T(4, 15, 20))
x, y = xy("dcs", 250, 260)
dcs = column(b, clock, ["ofsted ILACS due any time – can't trust our own numbers going in",
                        "3 different figures for CP plans at one DMT 🙈",
                        "perf meetings = arguing about the data not the children"], x, y, [L], F["dcs"], "orange")
x, y = xy("dcs", 500, 260)
dcs += column(b, clock, ["want managers to own their data, not wait for the monthly pack",
                         "BI team stretched – corp priorities come 1st",
                         "early help data basically invisible to me"], x, y, [L], F["dcs"], "orange")
x, y = xy("dcs", 750, 260)
dcs += column(b, clock, ["hoping for a plan we can actually deliver by summer"], x, y, [L], F["dcs"], "orange")
section("What the DCS sees now", "DCS view", F["dcs"], dcs)

# --- the day: ice breaker --------------------------------------------------------------------
clock.at(T(11, 9, 31))
x, y = xy("ice", 900, 110)
b.text("<p><strong>one word for how our data feels today</strong></p>", T(2, 14, 40), L, x, y, 1500, F["ice"])
ice = []
for n, (word, who) in enumerate([("spaghetti 🍝", "gareth"), ("foggy", "owen"), ("hopeful!", "ruth"),
                                 ("spreadsheets...", "declan"), ("patchy", "shelley")]):
    ice.append(b.sticky(word, clock(), U[who], 250 + 320 * n, 500 + (n % 2) * 260, "yellow", F["ice"],
                        size=0.6))

# --- who came: the facilitator writes them up as people arrive --------------------------------
clock.at(T(11, 9, 12))
who_texts = ["DCS (Ruth)", "Corp BI team – Gareth W", "MIS admin (Priyanka)", "Head of QA – sent apologies",
             "HoS assessment – Owen P", "Shelley – HoS CiC & care leavers", "IT – Marcus O (am only)",
             "perf team – Declan", "Bethan Morgan – EH locality mgr", "facilitator: Lorna (regional DIH)"]
who = []
for n, text in enumerate(who_texts):
    x, y = xy("who", 220 + (n % 5) * 500, 330 + (n // 5) * 480)
    who.append(b.sticky(text, clock(), L, x, y, "light_blue", F["who"], size=0.8))
section("Who needs to be involved", "Who came", F["who"], who)

# --- key issues: three text headings over three columns ----------------------------------------
clock.at(T(11, 10, 2))
heads = [("👍 works well", 650), ("😩 pain points", 2000), ("🔧 what we'd fix", 3350)]
for title, hx in heads:
    x, y = xy("ki", hx, 150)
    b.text(f"<p><strong>{title}</strong></p>", T(2, 14, 50), L, x, y, 900, F["ki"], size="48")
room = [U[k] for k in ("gareth", "priyanka", "owen", "shelley", "marcus", "declan", "ruth")]
best_texts = ["weekly CP list from Declan – everyone uses it", "front door v good at recording contacts on the day",
              "power bi CiC dashboard – HoS like it", "Priyanka knows caselink inside out 🙌",
              "good relationships w/ schools", "returns always go in on time (just!)",
              "TMs do look at their caseload reports", "new EH forms have helped"]
pain_texts = ["caselink reports time out after 5 mins", "3 versions of the CP number – warehouse v caselink v excel",
              "EH data lives in EarlyStart, nobody can join it to CSC", "power bi refresh fails & no-one tells us",
              "excel trackers everywhere, every team has its own", "dup records for same child 😡",
              "warehouse only refreshes weekly", "cant get court data w/o asking Priyanka",
              "supplier charges £££ for every new field", "BI backlog = months", "ethnicity missing for loads of kids"]
fix_texts = ["one agreed version of the key KPIs", "fix dup child records at source", "get EH + CSC data joined up",
             "alert us when power bi refresh fails", "self serve reports for TMs",
             "stop the excel trackers – move into caselink", "monthly DQ routine w/ team mgrs",
             "be clear who owns what data"]
x, y = xy("ki", 450, 420)
best = column(b, clock, best_texts[:4], x, y, room, F["ki"], "light_green")
x, y = xy("ki", 850, 420)
best += column(b, clock, best_texts[4:], x, y, room[2:], F["ki"], "light_green")
pain = []
for c in range(3):
    x, y = xy("ki", 1600 + c * 400, 420)
    pain += column(b, clock, pain_texts[c * 4:c * 4 + 4], x, y, room[c:], F["ki"], "light_yellow")
# the same pain point again, word for word, from someone else
x, y = xy("ki", 2400, 420 + 3 * 210)
pain_dup = b.sticky("excel trackers everywhere, every team has its own", clock(), U["shelley"], x, y, "light_yellow",
                    F["ki"], size=0.8)
# dropped in from the canvas: lies in the pain column but Miro kept no parent
x, y = xy("ki", 2000, 420 + 4 * 210)
pain_loose = b.sticky("nobody trusts the dashboards so they ring Declan instead ☎️", clock(), U["owen"], x, y,
                      "light_yellow")
x, y = xy("ki", 2000, 420 + 5 * 210)
pain_empty = b.sticky("", clock(), U["marcus"], x, y, "light_yellow", F["ki"], size=0.8, content="<p></p>")
fix = []
for c in range(2):
    x, y = xy("ki", 3150 + c * 400, 420)
    fix += column(b, clock, fix_texts[c * 4:c * 4 + 4], x, y, room[c + 1:], F["ki"], "light_pink")
pain_all = pain + [pain_dup, pain_loose, pain_empty]
ki = best + pain_all + fix
section("How we see the key issues today", "Key isues", F["ki"], ki)
for sid in best:
    prompt_of[sid] = "Where the best things happen"
for sid in pain_all:
    prompt_of[sid] = "Where the big pain points are"
for sid in fix:
    prompt_of[sid] = "The problems we should solve"

# --- parking lot, filled through the morning ---------------------------------------------------
later_texts = ["could we get schools attendance data in? (later)", "ISA with health – needs checking",
               "training for new TMs on recording", "what do other LAs in the region do? ask Lorna",
               "data champions in each team??"]
later = []
for n, text in enumerate(later_texts):
    x, y = xy("later", 330 + (n % 3) * 570, 330 + (n // 3) * 480)
    later.append(b.sticky(text, clock(), room[n], x, y, "violet", F["later"], size=0.8))
x, y = xy("later", 330 + 2 * 570, 330 + 480)
later_empty = b.sticky("", clock(), U["declan"], x, y, "violet", F["later"], size=0.8, content="<p> </p>")
later.append(later_empty)
section("Ideas to hold onto for later", "for later 💭 (not today)", F["later"], later)

# --- system map: shapes and connectors, two annotation stickies ---------------------------------
clock.at(T(11, 11, 34))
nodes = {}
for key, label, shape, x, y in [
        ("sw", "social workers / TMs", "circle", 300, 400), ("caselink", "<p><strong>CaseLink</strong></p><p>CSC case mgmt</p>", "can", 1200, 500),
        ("early", "EarlyStart (EH)", "can", 1200, 1400), ("wh", "data warehouse (SQL)", "can", 2200, 500),
        ("pbi", "Power BI – corp", "round_rectangle", 3100, 500), ("xl", "team excel trackers", "rectangle", 2200, 1300),
        ("dfe", "DfE returns (CIN / 903)", "hexagon", 3100, 1400), ("schools", "schools MIS feed", "parallelogram", 2200, 1900)]:
    cx, cy = xy("map", x, y)
    content = label if label.startswith("<p>") else f"<p>{label}</p>"
    nodes[key] = b.shape(content, clock(), L, cx, cy, 420, 260, shape, F["map"], fill="#e6f3ff")
edges = []


def edge(a, z, caption, **kw):
    edges.append((a, z, caption, kw))


edge("sw", "caselink", "recording")
edge("caselink", "wh", "weekly extract", end_cap="stealth")
edge("early", "caselink", "step up/down – re-keyed", start_cap="arrow", end_cap="arrow")
edge("pbi", "wh", "refresh (often fails)", start_cap="arrow", end_cap="none")  # drawn backwards
edge("caselink", "dfe", None)
edge("caselink", "xl", "copy / paste", stroke="dashed")
edge("schools", "wh", "nightly")
conn = [b.connector(nodes[a], nodes[z], clock(), L, cap, **kw) for a, z, cap, kw in edges]
cx, cy = xy("map", 2700, 1000)
map_notes = [b.sticky("this bit is manual!!", clock(), U["declan"], cx, cy, "yellow", F["map"], size=0.6)]
cx, cy = xy("map", 600, 1900)
map_notes.append(b.sticky("EH + CSC never meet – different child ids", clock(), U["priyanka"], cx, cy, "yellow",
                          F["map"], size=0.6))
annotation = b.connector(map_notes[0], nodes["xl"], clock(), U["declan"])
section("Data system mapping", "mapping our data systems", F["map"], map_notes)

# --- relationships: the people notes -----------------------------------------------------------
clock.at(T(11, 12, 16))
rel_texts = ["Ruth Abernethy – DCS – sponsor", "Gareth Wynne – corp BI – owns the power bi estate",
             "Priyanka Desai – caselink admin, the go-to for everything", "Declan H – performance, builds the weekly lists",
             "BI ↔ CSC: good people, no shared priorities", "QA team don't see the data until its too late",
             "Marcus O – IT, holds the supplier contract"]
rel = []
for n, text in enumerate(rel_texts):
    x, y = xy("rel", 300 + (n % 4) * 520, 350 + (n // 4) * 520)
    rel.append(b.sticky(text, clock(), room[(n + 3) % len(room)], x, y, "light_yellow", F["rel"], size=0.8))
section("Key people and relationships", "who talks to who", F["rel"], rel)

# --- goals: two shapes as column headings ---------------------------------------------------------
clock.at(T(11, 13, 31))
for label, hx in [("capabilities 💪", 650), ("products / outputs 📊", 1950)]:
    x, y = xy("goals", hx, 150)
    b.shape(f"<p>{label}</p>", T(2, 14, 58), L, x, y, 800, 140, "round_rectangle", F["goals"], fill="#fef445")
cap_texts = ["TMs can self-serve their own data", "one version of the truth for KPIs",
             "see a child's EH + CSC history in one place", "spot DQ problems the week they happen",
             "analysts doing analysis not fixing data"]
prod_texts = ["monthly DMT pack (automated)", "CP & CIN dashboard for HoS", "EH outcomes report",
              "court work tracker in caselink", "DQ scorecard per team"]
caps, prods = [], []
for c in range(2):
    x, y = xy("goals", 450 + c * 400, 400)
    caps += column(b, clock, cap_texts[c * 3:c * 3 + 3], x, y, room[c:], F["goals"], "light_green")
    x, y = xy("goals", 1750 + c * 400, 400)
    prods += column(b, clock, prod_texts[c * 3:c * 3 + 3], x, y, room[c + 2:], F["goals"], "light_green")
section("Target outputs (goals)", "goals – what does good look like", F["goals"], caps + prods)
for sid in caps:
    prompt_of[sid] = "General capabilities"
for sid in prods:
    prompt_of[sid] = "Specific products"

# --- service model ----------------------------------------------------------------------------------
clock.at(T(11, 14, 12))
model_texts = ["data owner for each dataset (HoS level)", "BI + perf as one team?", "monthly DQ clinic",
               "back-fill Priyanka so she's not a single point of failure", "warehouse refresh daily"]
x, y = xy("model", 400, 300)
model = column(b, clock, model_texts[:3], x, y, room, F["model"], "cyan")
x, y = xy("model", 1000, 300)
model += column(b, clock, model_texts[3:], x, y, room[3:], F["model"], "cyan")
section("Service model (vision)", "how it could work (v1)", F["model"], model)

# --- the plan: owners by initials, first names and @mentions ----------------------------------------
clock.at(T(11, 15, 2))
x, y = xy("plan", 1500, 120)
b.text("<p>who – what – when</p>", T(2, 15, 1), L, x, y, 1200, F["plan"], size="36")
plan_specs = [  # text, author, owner, owner_accept, due, due_raw, due_accept
    ("GW – list every power bi report + who uses it – by end of march", "gareth", "GW",
     ["GW", "Gareth Wynne", "Gareth"], "2026-03-31", "by end of march", ["2026-03-31"]),
    ("@Priyanka to chase dup child records w/ supplier, next week", "priyanka", "Priyanka",
     ["Priyanka", "Priyanka Desai", "PD"], "2026-03-20", "next week",
     ["2026-03-20", "2026-03-16", "2026-03-18", "2026-03-22"]),
    ("Owen to agree the CP definition with Declan (w/c 13 April)", "owen", "Owen",
     ["Owen", "Owen Pryce", "OP", "Owen and Declan"], "2026-04-13", "w/c 13 April", ["2026-04-13", "2026-04-17"]),
    ("RA to take the plan to DMT next month", "ruth", "RA", ["RA", "Ruth Abernethy", "Ruth"], "2026-04-30",
     "next month", ["2026-04-30", None]),
    ("Declan + Gareth: one KPI list for sign off by 27/3", "declan", "Declan + Gareth",
     ["Declan + Gareth", "Declan Hughes", "Declan", "Gareth Wynne", "Gareth"], "2026-03-27", "by 27/3", ["2026-03-27"]),
    ("marcus – ask supplier what a daily warehouse refresh costs. asap", "marcus", "Marcus",
     ["Marcus", "Marcus Oyelaran", "MO"], None, "asap", [None]),
    ("lorna to write up + circulate 🙂 fri", "lorna", "Lorna", ["Lorna", "Lorna Kettle", "LK"], "2026-03-13", "fri",
     ["2026-03-13"]),
    ("Shelley – trial a DQ clinic with 2 CiC teams by Easter", "shelley", "Shelley",
     ["Shelley", "Shelley Barnes", "SB"], "2026-04-05", "by Easter", ["2026-04-05", "2026-04-03", "2026-04-02"]),
]
plan, actions = [], []
for n, (text, who_k, owner, accept, due, raw, due_ok) in enumerate(plan_specs):
    x, y = xy("plan", 350 + (n % 4) * 700, 450 + (n // 4) * 600)
    sid = b.sticky(text, clock(), U[who_k], x, y, "light_yellow", F["plan"], size=1.0, fmt="br")
    plan.append(sid)
    actions.append({"id": sid, "item_type": "sticky_note", "text": text, "owner": owner, "owner_accept": accept,
                    "due": due, "due_raw": raw, "due_accept": due_ok})
section("Immediate actions (plan)", "the plan", F["plan"], plan)

# --- on the bare canvas -------------------------------------------------------------------------------
canvas_note = b.sticky("wifi: HMBC-guest, password on the flipchart", T(11, 9, 5), L, 9600, 700, "gray", size=0.7)

# a tag the facilitator put on two stickies
TAG = "3458764619900000417"
tagged = [fix[0], plan[4]]

# ---------------------------------------------------------------------------------------------------------
themes = [
    {"code": "T1", "label": "CaseLink is slow and costly to report from",
     "description": "Case management reports time out, every new field is a chargeable supplier change and "
                    "data only comes out through one admin, so managers cannot serve themselves"},
    {"code": "T2", "label": "Numbers that don't agree",
     "description": "Warehouse, CaseLink and team Excel trackers give different figures for the same measure; "
                    "nobody owns the definitions"},
    {"code": "T3", "label": "Early help data cut off from social care",
     "description": "Early help records sit in EarlyStart with no link to children's social care"},
    {"code": "T4", "label": "Unreliable warehouse and Power BI refreshes",
     "description": "Weekly warehouse loads, Power BI refreshes that fail silently, a long BI backlog and "
                    "dashboards people no longer trust"},
    {"code": "T5", "label": "Poor data quality at source",
     "description": "Duplicate child records and missing ethnicity, with no routine to put them right"},
]
P, F_ = "Where the big pain points are", "The problems we should solve"
issue_specs = [
    (pain[0], "T1", None, None), (pain[1], "T2", None, None), (pain[2], "T3", None, None),
    (pain[3], "T4", None, None), (pain[4], "T2", ["T2", "T5"], None), (pain[5], "T5", None, None),
    (pain[6], "T4", None, None), (pain[7], "T1", None, None), (pain[8], "T1", None, None),
    (pain[9], "T4", None, None), (pain[10], "T5", None, None), (pain_dup, "T2", ["T2", "T5"], pain[4]),
    (pain_loose, "T4", ["T4", "T2"], None),
    (fix[0], "T2", None, None), (fix[1], "T5", None, None), (fix[2], "T3", None, None), (fix[3], "T4", None, None),
    (fix[4], "T1", None, None), (fix[5], "T2", ["T2", "T5"], None), (fix[6], "T5", None, None),
    (fix[7], "T2", None, None),
]
issues = theme_issues(b, issue_specs, prompt_of, themes)
for row in issues:
    row["location"] = "unparented_in_frame" if row["id"] == pain_loose else "in_frame"
    row["tags"] = ["quick win"] if row["id"] in tagged else []

system_map = {
    "frame_id": F["map"],
    "nodes": [{"id": nid, "label": lbl, "item_type": "shape", "shape": shp,
               "content": next(i for i in b.items if i["id"] == nid)["data"]["content"]}
              for nid, lbl, shp in [(nodes["sw"], "social workers / TMs", "circle"),
                                    (nodes["caselink"], "CaseLink (CSC case mgmt)", "can"),
                                    (nodes["early"], "EarlyStart (EH)", "can"),
                                    (nodes["wh"], "data warehouse (SQL)", "can"),
                                    (nodes["pbi"], "Power BI – corp", "round_rectangle"),
                                    (nodes["xl"], "team excel trackers", "rectangle"),
                                    (nodes["dfe"], "DfE returns (CIN / 903)", "hexagon"),
                                    (nodes["schools"], "schools MIS feed", "parallelogram")]],
}
label = {n["id"]: n["label"] for n in system_map["nodes"]}
system_map["edges"] = map_edges(b, conn, edges, nodes, label)

people = people_truth([
    ("Ruth Abernethy", U["ruth"], ["RA", "Ruth", "DCS"], True, "DCS", "Children's Services"),
    ("Gareth Wynne", U["gareth"], ["GW", "Gareth", "Gareth W"], True, "BI lead", "Corporate BI"),
    ("Priyanka Desai", U["priyanka"], ["PD", "Priyanka", "@Priyanka"], True, "MIS admin", "MIS"),
    ("Owen Pryce", U["owen"], ["OP", "Owen", "Owen P"], True, "Head of Service, Assessment", "Children's Social Care"),
    ("Shelley Barnes", U["shelley"], ["SB", "Shelley"], True, "Head of Service, Children in Care & Care Leavers",
     "Children's Social Care"),
    ("Marcus Oyelaran", U["marcus"], ["MO", "Marcus", "Marcus O"], True, "IT (supplier contract)", "IT"),
    ("Declan Hughes", U["declan"], ["DH", "Declan", "Declan H"], True, "Performance officer", "Performance"),
    ("Bethan Morgan", None, ["BM", "Bethan"], True, "Early help locality manager", "Early Help"),
    ("Lorna Kettle", U["lorna"], ["LK", "Lorna", "facilitator"], True, "Facilitator", "Regional DIH"),
    ("Colin Pratt", U["colin"], ["CP", "Colin"], False, None, None),
    (None, None, ["Head of QA"], False, "Head of QA", "Quality Assurance"),
])

noise = ice + [canvas_note]
truth = {
    "dataset": "harrowfield", "fictional": True, "board_id": b.bid, "workshop_date": WORKSHOP,
    "timezone": "Europe/London",
    "scope": {
        "issues": "every sticky under the '😩 pain points' and '🔧 what we'd fix' text headings of the 'Key isues' "
                  "frame (by column), including the one lying in the pain column with no parent; the empty sticky "
                  "is excluded; the word-for-word duplicate is listed (duplicate_of) but not scored",
        "actions": "every sticky in 'the plan' frame; 'who – what – when' is a heading",
        "due": "ISO date in Europe/London or null; relative phrases resolve against Wednesday 11 March 2026 (GMT), "
               "which the board shows only through its stickies' createdAt",
        "frames": "one frame per section, titled in the facilitator's words (board_title); 'Ice breaker 🧊' is no "
                  "template section and its stickies are noise; the DCS view stickies were written a week before",
        "system_map": "8 shapes in 'mapping our data systems' joined by 7 connectors; direction follows the caps; the "
                      "connector from the 'this bit is manual!!' sticky is an annotation, not an edge",
    },
    "themes": themes, "issues": issues, "actions": actions, "system_map": system_map,
    "frames": sections,
    "containers": [],
    "subareas": {t: [s for s, p in prompt_of.items() if p == t] for t in
                 ["Where the best things happen", "Where the big pain points are", "The problems we should solve",
                  "General capabilities", "Specific products"]},
    "tags": {"quick win": tagged},
    "empty_sticky_ids": empty_ids(b),
    "outside_frame_sticky_ids": [pain_loose, canvas_note],
    "outside_region_sticky_ids": [canvas_note],
    "unparented_but_inside_frame": [{"id": pain_loose, "visual_frame_id": F["ki"]}],
    "noise_sticky_ids": noise,
    "duplicate_groups": [[pain[4], pain_dup]],
    "items_without_data": [],
    "people": people,
    "counts": {},
}
board = {
    "export": {"exportedAt": "2026-03-30T10:14:09Z", "api": "https://api.miro.com/v2",
               "note": "items/connectors/tags are the concatenated 'data' arrays of each page, unmodified"},
    "board": {"id": b.bid, "type": "board", "name": "Harrowfield – CSC data diagnostic",
              "description": "children's services data workshop. one frame per bit of the day.",
              "createdAt": iso(T(2, 13, 58)), "modifiedAt": iso(T(16, 11, 3)),
              "team": {"id": "3458764571100200001", "name": "Harrowfield MBC", "type": "team"},
              "owner": {"id": L, "type": "user", "name": "Lorna Kettle"}},
    "members": [{"id": i, "name": n, "role": r, "type": "board_member"} for i, n, r in M.values()],
    "items": b.sorted_items(),
    "connectors": sorted(b.connectors, key=lambda c: int(c["id"])),
    "tags": [{"id": TAG, "type": "tag", "title": "quick win", "fillColor": "green"}],
    "itemsByTag": {TAG: tagged},
}
check_and_count(b, sections, noise, truth, tags=1)
assert annotation not in [e["connector_id"] for e in system_map["edges"]]
write_or_check(HERE, board, truth)
