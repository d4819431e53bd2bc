#!/usr/bin/python3
"""Writes board.json (the Web SDK's flattened item array) and truth.json for the Kelbourne test board.

Kelbourne City Council is made up. Its facilitator numbers her section frames and words them freely
("1 · The view from the top" … "9 – agreed actions ✅"); the key-issue columns are headed by dark sticky
notes and an emoji legend gives the colours; the goals have their row headings as text items to the
left of each row; who was in the room is sorted into titled rectangles inside its frame. The workshop
was on Thursday 19 November 2026 (GMT); only the stickies' createdAt say so (the board name is not in
this export at all).

    /usr/bin/python3 make_board.py          # writes board.json and truth.json
    /usr/bin/python3 make_board.py --check  # confirms the files on disk are current
"""
import datetime as dt
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from boardkit import (UTC, Board, Clock, check_and_count, column, empty_ids, map_edges, people_truth,  # noqa: E402
                      theme_issues, web_sdk_array, write_or_check)

HERE = os.path.dirname(os.path.abspath(__file__))
WORKSHOP = "2026-11-19"
b = Board("uXjVNq2cL8k=", seed=20261119, anchor_id=3458764627400100000)


def T(day, h, m, month=11):  # UTC, which is London time in November
    return dt.datetime(2026, month, day, h, m, tzinfo=UTC)


M = {  # member key: (id, name, role)
    "nell": ("3458764590022100013", "Nell Garside", "owner"),
    "carys": ("3458764590022100388", "Carys Penhale", "editor"),
    "sam": ("3458764590022100642", "Sam Oduya", "editor"),
    "jen": ("3458764590022100917", "Jen Mallory", "editor"),
    "robbie": ("3458764590022101250", "Robbie Finch", "editor"),
    "lee": ("3458764590022101533", "Lee Brannigan", "editor"),
    "anita": ("3458764590022101806", "Anita Kowalczyk", "editor"),
    "tom": ("3458764590022102149", "Tom Egerton", "editor"),
    "kev": ("3458764590022102470", "Kevin Doyle", "editor"),
    "graham": ("3458764590022102795", "Graham Whitby", "viewer"),  # invited, never came
}
U = {k: v[0] for k, v in M.items()}
N = U["nell"]
clock = Clock(b.rng, T(19, 9, 0))
sections = []     # truth frames[]
prompt_of = {}    # sticky id -> template prompt title


def section(title, board_title, fid, ids, kind="frame", parent=None):
    sections.append({"id": fid, "title": title, "board_title": board_title, "parent_frame_id": parent,
                     "kind": kind, "sticky_ids": list(ids)})


def frame(title, left, top, w, h):
    return b.frame(title, T(16, 16, 4 + len(b.items)), N, left, top, w, h)


# --- frames, set up on the Monday ----------------------------------------------------------------
F = {
    "ice": frame("☕ warm up", 0, 0, 1600, 1300),
    "dcs": frame("1 · The view from the top", 1800, 0, 2000, 1300),
    "who": frame("2) who's in the room", 4000, 0, 3600, 1700),
    "park": frame("3 – parked 🅿", 7800, 0, 1600, 1300),
    "ki": frame("4. what's broken / what's great", 0, 2000, 3400, 2700),
    "map": frame("5 systems & data flows", 3600, 2000, 3200, 2000),
    "rel": frame("6 the people bit", 7000, 2000, 2000, 1400),
    "goals": frame("7. future state", 0, 5000, 3200, 1200),
    "model": frame("8 how we'll run it", 3400, 5000, 1800, 1200),
    "plan": frame("9 – agreed actions ✅", 5400, 5000, 3400, 1500),
}


def xy(fk, x, y):  # a point given relative to a frame's top-left, as absolute board coordinates
    left, top, _, _ = b.box[F[fk]]
    return left + x, top + y


def grid(fk, texts, x0, y0, dx, dy, cols, authors, colour, size=0.8, fmt="p"):
    """Stickies in rows of `cols` from (x0, y0) inside a frame."""
    ids = []
    for n, text in enumerate(texts):
        x, y = xy(fk, x0 + (n % cols) * dx, y0 + (n // cols) * dy)
        content = "<p></p>" if text == "" else None
        ids.append(b.sticky(text, clock(), authors[n % len(authors)], x, y, colour, F[fk], fmt=fmt, size=size,
                            content=content))
    return ids


room = [U[k] for k in ("jen", "lee", "anita", "kev", "robbie", "tom", "sam", "carys")]

# --- 1: the DCS's view, typed up by the facilitator after her call, two days before -----------------
clock.at(T(17, 14, 30))
dcs = grid("dcs", ["ofsted JTAI on neglect expected in the new yr – are we ready??",
                   "I get 3 diff answers to 'how many CP plans' 🙄",
                   "practitioners spend hrs on forms, no time left for analysis",
                   "want HoS to self serve – not wait 4 the monthly pack",
                   "corporate BI & our perf team dont talk enough"], 300, 350, 700, 520, 3, [N], "pink")
section("What the DCS sees now", "1 · The view from the top", F["dcs"], dcs)

# --- 2: who's in the room, sorted into titled rectangles inside the frame ---------------------------------
R = {}
for key, label, left in [("dcs", "👑 DCS / AD", 100), ("hos", "heads of service", 700), ("bi", "data & BI", 1300),
                         ("it", "IT + MI", 1900), ("fac", "facilitator", 2500), ("apols", "apols 😕", 3000)]:
    x, y = xy("who", left + 250, 850)
    R[key] = b.shape(f"<p><strong>{label}</strong></p>", T(16, 16, 40), N, x, y, 500, 1500, "rectangle", F["who"],
                     fill="#f5f6f8", opacity="1.0", valign="top", size="24")
clock.at(T(19, 9, 2))
who_specs = [("dcs", "Carys P – DCS (till 12)"), ("dcs", "Sam Oduya (AD Safeguarding)"),
             ("hos", "Head of Service CIN – Jen Mallory"), ("hos", "CiC HoS – Robbie F"),
             ("hos", "Bea Collins, early help mgr"),
             ("bi", "BI: Lee"), ("bi", "Anita K – perf & insight mgr"),
             ("it", "@Tom – IT"), ("it", "MIS – Kev (ChildView admin)"),
             ("fac", "Nell G (facilitating) 👋"),
             ("apols", "Dr Amrit Gill, designated doctor – apologies"), ("apols", "QA – Yvonne Baptiste sends apols")]
who, who_prompt = [], {"dcs": "DCS for kick-off and problem definition", "hos": "Select heads of service",
                       "bi": "Data and performance/BI", "it": "IT/MI leads", "fac": "A facilitator"}
row_of = {}
for key, text in who_specs:
    n = row_of[key] = row_of.get(key, -1) + 1
    x, y = b.centre(R[key])
    sid = b.sticky(text, clock(), N, x, b.box[R[key]][1] + 300 + n * 330, "light_blue", F["who"], size=0.7)
    assert b.inside(sid, R[key])
    who.append(sid)
    if key in who_prompt:
        prompt_of[sid] = who_prompt[key]
section("Who needs to be involved", "2) who's in the room", F["who"], who)

# --- warm up: a big shape and a few answers (no template section) ------------------------------------------
x, y = xy("ice", 800, 420)
b.shape("<p>what's the data weather today? ☀️🌧</p>", T(16, 16, 50), N, x, y, 700, 600, "circle", F["ice"],
        fill="#fef445", size="36")
clock.at(T(19, 9, 20))
ice = []
for n, (word, who_k) in enumerate([("foggy 🌫", "lee"), ("drizzle. constant drizzle", "kev"),
                                   ("sunny spells!", "carys"), ("storm warning ⛈", "jen")]):
    x, y = xy("ice", 250 + n * 370, 1030)
    ice.append(b.sticky(word, clock(), U[who_k], x, y, "yellow", F["ice"], size=0.6))

# --- 4: key issues; dark sticky notes head the columns, an emoji legend gives the colours ---------------------
clock.at(T(19, 9, 48))
head_ids = {}
for key, title, hx in [("best", "WHAT WORKS", 600), ("pain", "PAIN POINTS", 1700), ("fix", "FIX FIRST", 2800)]:
    x, y = xy("ki", hx, 200)
    head_ids[key] = b.sticky(title, clock(), N, x, y, "dark_blue", F["ki"], size=0.8)
best_t = ["front door screening is quick + well recorded 👍", "Anita's team turn round ad hoc requests fast",
          "CIN census went in clean this yr!!", "childview chronology is gd when ppl use it",
          "• weekly CP meeting\n• same list every wk\n• everyone trusts it", "strong rel'ship w/ police (MARAC data)"]
pain_t = ["childview reports r sooo slow 🐌 timeout after 10 mins", "3 diff CP numbers: childview v warehouse v excel",
          "EH on a separate system (FamilyLink) – no common child ID",
          "health info comes by phone, never gets recorded properly",
          "warehouse refresh is WEEKLY. sun night. if it fails nobody knows til weds",
          "supplier wants £££ + 6 mths for any new field", "excel trackers in every team 😩\n- CIN\n- LAC\n- court",
          "Kev is the only 1 who can write childview reports = single point of failure"]
fix_t = ["agree 1 set of KPI definitions + publish them", "daily warehouse refresh + alert if it fails",
         "link EH and CSC records (common ID)", "train a 2nd childview report writer",
         "self-serve dashboards for HoS / TMs", "kill the excel trackers – move into childview"]
x, y = xy("ki", 400, 450)
best = column(b, clock, best_t[:3], x, y, room, F["ki"], "light_green", step=240)
x, y = xy("ki", 800, 450)
best += column(b, clock, best_t[3:], x, y, room[3:], F["ki"], "light_green", step=240, fmt="br")
pain = []
for c in range(2):
    x, y = xy("ki", 1500 + c * 400, 450)
    pain += column(b, clock, pain_t[c * 4:c * 4 + 4], x, y, room[c + 1:], F["ki"], "red", step=240, fmt="br/")
# they ran out of red ones: a yellow sticky in the pain column
x, y = xy("ki", 1500, 450 + 4 * 240)
pain_yellow = b.sticky("no-one owns the data defs tbh", clock(), U["anita"], x, y, "light_yellow", F["ki"], size=0.8)
fix = []
for c in range(2):
    x, y = xy("ki", 2600 + c * 400, 450)
    fix += column(b, clock, fix_t[c * 3:c * 3 + 3], x, y, room[c + 4:], F["ki"], "light_blue", step=240)
x, y = xy("ki", 1700, 2550)
b.text("<p>🟩 = good stuff · 🟥 = pain · 🟦 = fix</p>", T(16, 17, 2), N, x, y, 1800, F["ki"], size="28")
pain_all = pain + [pain_yellow]
ki = [head_ids["best"]] + best + [head_ids["pain"]] + pain_all + [head_ids["fix"]] + fix
section("How we see the key issues today", "4. what's broken / what's great", F["ki"], ki)
for sid in [head_ids["best"]] + best:
    prompt_of[sid] = "Where the best things happen"
for sid in [head_ids["pain"]] + pain_all:
    prompt_of[sid] = "Where the big pain points are"
for sid in [head_ids["fix"]] + fix:
    prompt_of[sid] = "The problems we should solve"

# --- 3: parked, filled through the morning ------------------------------------------------------------------
park = grid("park", ["schools attendance feed?? another day", "GDPR / info sharing w/ ICB – check the ISA",
                     "what does the new DfE CSC dataset mean for us", "lunch order by 11!! 🥪", ""],
            300, 330, 500, 450, 3, room[2:], "orange", size=0.7)
section("Ideas to hold onto for later", "3 – parked 🅿", F["park"], park)

# --- 5: a small map of shapes and connectors --------------------------------------------------------------------
clock.at(T(19, 11, 5))
nodes, labels = {}, {}
for key, lbl, shp, x0, y0 in [("cv", "ChildView (CSC case mgmt)", "can", 500, 500),
                              ("fl", "FamilyLink (EH)", "can", 500, 1400),
                              ("wh", "SQL warehouse", "can", 1500, 500),
                              ("pbi", "Power BI (corp)", "round_rectangle", 2500, 500),
                              ("xl", "team excel trackers", "rectangle", 1500, 1400),
                              ("dfe", "DfE returns", "hexagon", 2500, 1400),
                              ("health", "health (phone / email)", "cloud", 1500, 1800)]:
    cx, cy = xy("map", x0, y0)
    nodes[key] = b.shape(f"<p>{lbl}</p>", clock(), U["lee"], cx, cy, 400, 240, shp, F["map"], fill="#ffffff")
    labels[nodes[key]] = (lbl, shp)
edges = [("cv", "wh", "weekly (sun)", {}), ("wh", "pbi", "refresh", {}),
         ("fl", "cv", "re-keyed", {"start_cap": "arrow", "end_cap": "arrow"}),
         ("cv", "xl", "copy/paste", {"stroke": "dashed"}), ("cv", "dfe", None, {}),
         ("cv", "health", "phone calls", {"start_cap": "arrow", "end_cap": "none"})]  # drawn backwards
conn = [b.connector(nodes[a], nodes[z], clock(), U["lee"], cap, **kw) for a, z, cap, kw in edges]
cx, cy = xy("map", 2000, 180)
map_notes = [b.sticky("fails ~1 in 4 wks ⚠️", clock(), U["kev"], cx, cy, "yellow", F["map"], size=0.5)]
cx, cy = xy("map", 2700, 1850)
map_notes.append(b.sticky("who owns the warehouse?? corp or us", clock(), U["anita"], cx, cy, "yellow", F["map"],
                          size=0.5))
annotation = b.connector(map_notes[0], nodes["wh"], clock(), U["kev"])
section("Data system mapping", "5 systems & data flows", F["map"], map_notes)

# --- 6: the people bit ---------------------------------------------------------------------------------------------
clock.at(T(19, 11, 52))
rel = grid("rel", ["Carys Penhale – DCS – sponsor, chairs the improvement board",
                   "Lee B sits in corporate BI, 50% on CSC (on paper)", "Kev D = ChildView. all of it.",
                   "Anita K + Lee meet... never 🙃", "designated dr (Amrit) = our way in to health data",
                   "EH (Bea) reports to a diff director"], 300, 330, 470, 520, 4, room[1:], "light_yellow", size=0.8)
section("Key people and relationships", "6 the people bit", F["rel"], rel)

# --- 7: future state; row headings are text items left of each row ----------------------------------------------
for label, ry in [("capabilities", 330), ("products", 830)]:
    x, y = xy("goals", 200, ry)
    b.text(f"<p><strong>{label}</strong></p>", T(16, 17, 10), N, x, y, 320, F["goals"], size="32")
clock.at(T(19, 13, 20))
caps = grid("goals", ["HoS self-serve their own data", "one version of the truth for CP / CIN / CLA",
                      "see EH + CSC history for a child in 1 place", "spot DQ issues the wk they happen",
                      "analysts analysing, not copy-pasting"], 600, 330, 560, 0, 5, room, "yellow", size=0.8)
prods = grid("goals", ["monthly improvement board pack – automated", "front door dashboard (daily)",
                       "EH outcomes report termly", "DQ exceptions list per team", "court timeliness tracker"],
             600, 830, 560, 0, 5, room[3:], "yellow", size=0.8)
section("Target outputs (goals)", "7. future state", F["goals"], caps + prods)
for sid in caps:
    prompt_of[sid] = "General capabilities"
for sid in prods:
    prompt_of[sid] = "Specific products"

# --- 8: how we'll run it ----------------------------------------------------------------------------------------------
clock.at(T(19, 14, 5))
model = grid("model", ["one data team: perf + BI CSC staff together", "data owner for each dataset (HoS)",
                       "monthly DQ clinic w/ TMs", "ChildView report writing – 2 ppl min"],
             400, 330, 1000, 520, 2, room[2:], "violet", size=0.8)
section("Service model (vision)", "8 how we'll run it", F["model"], model)

# --- 9: agreed actions ---------------------------------------------------------------------------------------------------
clock.at(T(19, 14, 40))
plan_specs = [  # text, author, owner, owner_accept, due, due_raw, due_accept
    ("Lee – list all power bi reports + who uses them by end of Nov", "lee", "Lee",
     ["Lee", "Lee Brannigan", "LB"], "2026-11-30", "by end of Nov", ["2026-11-30"]),
    ("@Kev to ask supplier re cost of daily extract – nxt wk", "kev", "Kev", ["Kev", "Kevin Doyle", "KD"],
     "2026-11-27", "nxt wk", ["2026-11-27", "2026-11-23", "2026-11-25", "2026-11-29"]),
    ("Anita & Jen: agree CP/CIN definitions by 11/12", "anita", "Anita & Jen",
     ["Anita & Jen", "Anita Kowalczyk", "Anita", "Jen Mallory", "Jen"], "2026-12-11", "by 11/12", ["2026-12-11"]),
    ("SO to take plan to improvement board in Jan", "sam", "SO", ["SO", "Sam Oduya", "Sam"], "2027-01-31", "in Jan",
     ["2027-01-31", None]),
    ("Tom – check if warehouse alerts poss. asap", "tom", "Tom", ["Tom", "Tom Egerton", "TE"], None, "asap", [None]),
    ("Nell to send write up by fri 🙏", "nell", "Nell", ["Nell", "Nell Garside", "NG"], "2026-11-20", "by fri",
     ["2026-11-20"]),
    ("Robbie – trial DQ clinic w/ 2 CiC teams before xmas", "robbie", "Robbie", ["Robbie", "Robbie Finch", "RF"],
     "2026-12-24", "before xmas", ["2026-12-24", "2026-12-25", "2026-12-18"]),
]
plan, actions = [], []
for n, (text, who_k, owner, accept, due, raw, due_ok) in enumerate(plan_specs):
    x, y = xy("plan", 350 + (n % 4) * 800, 350 + (n // 4) * 650)
    sid = b.sticky(text, clock(), U[who_k], x, y, "light_yellow", F["plan"], size=1.0)
    plan.append(sid)
    actions.append({"id": sid, "item_type": "sticky_note", "text": text, "owner": owner, "owner_accept": accept,
                    "due": due, "due_raw": raw, "due_accept": due_ok})
x, y = xy("plan", 2750, 1000)
card = b.card("<p>book follow-up w/ DMT</p>", clock(), N, x, y, F["plan"], assignee=N, due="2027-01-14T00:00:00.000Z")
actions.append({"id": card, "item_type": "card", "text": "book follow-up w/ DMT", "owner": "Nell Garside",
                "owner_accept": ["Nell Garside", "Nell", "NG"], "due": "2027-01-14",
                "due_raw": "2027-01-14T00:00:00.000Z", "due_accept": ["2027-01-14"]})
section("Immediate actions (plan)", "9 – agreed actions ✅", F["plan"], plan)

# --- on the bare canvas ----------------------------------------------------------------------------------------------------
canvas_note = b.sticky("wifi = KCC-Guest, pw on the door", T(19, 8, 55), N, 9800, 600, "gray", size=0.6)

# a tag the facilitator put on two fixes
TAG = "3458764627500000311"
tagged = [fix[0], fix[1]]

# -------------------------------------------------------------------------------------------------------------------------------
themes = [
    {"code": "T1", "label": "ChildView is slow and hard to report from",
     "description": "Case management reports time out, only one person can write them and the supplier charges "
                    "heavily and slowly for any change"},
    {"code": "T2", "label": "Numbers and definitions that don't agree",
     "description": "ChildView, the warehouse and team Excel trackers give different figures; nobody owns the "
                    "definitions"},
    {"code": "T3", "label": "Early help and health data out of reach",
     "description": "Early help sits in FamilyLink with no common child id; health information arrives by phone"},
    {"code": "T4", "label": "Weekly warehouse loads that fail unseen",
     "description": "The warehouse refreshes once a week and nobody is told when it fails"},
]
issue_specs = [
    (pain[0], "T1", None, None), (pain[1], "T2", None, None), (pain[2], "T3", None, None),
    (pain[3], "T3", None, None), (pain[4], "T4", None, None), (pain[5], "T1", None, None),
    (pain[6], "T2", None, None), (pain[7], "T1", None, None), (pain_yellow, "T2", None, None),
    (fix[0], "T2", None, None), (fix[1], "T4", None, None), (fix[2], "T3", None, None), (fix[3], "T1", None, None),
    (fix[4], "T1", ["T1", "T2"], None), (fix[5], "T2", None, None),
]
issues = theme_issues(b, issue_specs, prompt_of, themes)
for row in issues:
    row["location"] = "in_frame"
    row["tags"] = ["🔥 priority"] if row["id"] in tagged else []

system_map = {"frame_id": F["map"],
              "nodes": [{"id": nid, "label": lbl, "item_type": "shape", "shape": shp, "content": f"<p>{lbl}</p>"}
                        for nid, (lbl, shp) in labels.items()]}
system_map["edges"] = map_edges(b, conn, edges, nodes, {n: l for n, (l, _) in labels.items()})

people = people_truth([
    ("Carys Penhale", U["carys"], ["CP", "Carys", "Carys P", "DCS"], True, "DCS", "Children's Services"),
    ("Sam Oduya", U["sam"], ["SO", "Sam"], True, "Assistant Director, Safeguarding", "Children's Social Care"),
    ("Jen Mallory", U["jen"], ["JM", "Jen"], True, "Head of Service, CIN", "Children's Social Care"),
    ("Robbie Finch", U["robbie"], ["RF", "Robbie", "Robbie F"], True, "Head of Service, Children in Care",
     "Children's Social Care"),
    ("Bea Collins", None, ["BC", "Bea"], True, "Early help manager", "Early Help"),
    ("Lee Brannigan", U["lee"], ["LB", "Lee", "Lee B"], True, "BI developer", "Corporate BI"),
    ("Anita Kowalczyk", U["anita"], ["AK", "Anita", "Anita K"], True, "Performance & insight manager",
     "Performance & Insight"),
    ("Tom Egerton", U["tom"], ["TE", "Tom", "@Tom"], True, "IT", "IT"),
    ("Kevin Doyle", U["kev"], ["KD", "Kev", "Kev D", "@Kev"], True, "MIS admin (ChildView)", "MIS"),
    ("Nell Garside", U["nell"], ["NG", "Nell", "Nell G", "facilitator"], True, "Facilitator", None),
    ("Amrit Gill", None, ["Dr Amrit Gill", "Amrit", "designated dr"], False, "Designated doctor", "Health"),
    ("Yvonne Baptiste", None, ["YB", "Yvonne"], False, "Quality assurance", "Quality Assurance"),
    ("Graham Whitby", U["graham"], ["GW", "Graham"], False, None, None),
])

noise = ice + [canvas_note]
truth = {
    "dataset": "kelbourne", "fictional": True, "board_id": b.bid, "workshop_date": WORKSHOP,
    "timezone": "Europe/London",
    "scope": {
        "issues": "every sticky in the PAIN POINTS and FIX FIRST columns of '4. what's broken / what's great' (by "
                  "column; the yellow one in the pain column too), not the dark heading stickies themselves",
        "actions": "every sticky and the card in '9 – agreed actions ✅'; the card's owner is its assignee",
        "due": "ISO date in Europe/London or null; relative phrases resolve against Thursday 19 November 2026 (GMT), "
               "which the board shows only through its stickies' createdAt",
        "frames": "one numbered frame per section, titled in the facilitator's words (board_title); '☕ warm up' is "
                  "no template section and its stickies are noise; the DCS view was typed up two days before. "
                  "'2) who's in the room' sorts people into titled rectangles (the prompts; 'apols 😕' is none)",
        "system_map": "7 shapes in '5 systems & data flows' joined by 6 connectors; direction follows the caps; the "
                      "connector from the 'fails ~1 in 4 wks' sticky is an annotation",
    },
    "themes": themes, "issues": issues, "actions": actions, "system_map": system_map,
    "frames": sections,
    "containers": [],
    "subareas": {t: [s for s, p in prompt_of.items() if p == t] for t in
                 ["Where the best things happen", "Where the big pain points are", "The problems we should solve",
                  "General capabilities", "Specific products", *who_prompt.values()]},
    "tags": {"🔥 priority": tagged},
    "empty_sticky_ids": empty_ids(b),
    "outside_frame_sticky_ids": [canvas_note],
    "outside_region_sticky_ids": [canvas_note],
    "unparented_but_inside_frame": [],
    "noise_sticky_ids": noise,
    "duplicate_groups": [],
    "items_without_data": [],
    "people": people,
    "counts": {},
}
check_and_count(b, sections, noise, truth, tags=1)
assert annotation not in [e["connector_id"] for e in system_map["edges"]]
members = [{"id": i, "name": n, "role": r, "type": "board_member"} for i, n, r in M.values()]
tags = [{"id": TAG, "title": "🔥 priority", "fillColor": "red"}]
write_or_check(HERE, web_sdk_array(b, members, tags, {s: [TAG] for s in tagged}), truth)
