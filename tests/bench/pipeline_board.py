#!/usr/bin/python3
"""Writes a synthetic Miro whole-board dump (the shape `sdiag miro pull` saves,
like samples/miro/castlebrook-board.json) with about NOTES sticky notes, for
the pipeline benchmark.

    pipeline_board.py NOTES OUT.json [--seed N]

The board has what a real one has, at any size: one frame per section of the
D2I template, prompt headings over columns of stickies, stickies worded from
templates of children's-services data issues (some with HTML, some repeated
by two people, some tagged), systems and connectors on the mapping frame,
action stickies and cards with owners and due dates. The same arguments give
the same file.
"""
import argparse
import json
import math
import random

BOARD_ID = "uXjVBench00="
BASE = 3458764700000000000

SYSTEMS = ["Liquidlogic LCS", "Liquidlogic EHM", "Mosaic", "Eclipse", "Capita ONE", "the data warehouse",
           "Power BI", "SSRS", "the Excel monthly pack", "SharePoint", "the ChAT tool", "the CIN census extract",
           "the SSDA903 return", "Annex A", "the MASH spreadsheet", "the LADO database", "the EHCP tracker",
           "the school census feed", "the health data feed", "the placements finance system"]
TEAMS = ["team managers", "the performance team", "social workers", "early help practitioners", "the MASH",
         "corporate IT", "the BI team", "service managers", "heads of service", "the DCS", "the LADO",
         "commissioning", "finance", "the virtual school", "the fostering team", "the leaving care team"]
PROBLEMS = ["takes days to refresh", "shows different numbers from the Excel pack", "has missing ethnicity and end dates",
            "needs an IT ticket for every change", "is kept up to date by one person", "is not documented anywhere",
            "fails overnight and nobody is told", "is re-keyed by hand each month", "is not trusted by leaders",
            "duplicates what the warehouse already holds", "has no agreed definitions", "is late every quarter",
            "cannot be filtered by locality", "is built from a spreadsheet nobody owns"]
CAUSES = ["the load fails after month end", "there is no data dictionary", "recording guidance is out of date",
          "the supplier changes the schema without notice", "nobody owns the measure", "staff turnover is high",
          "the server is at capacity", "requests arrive by email to whoever is known",
          "the ticket queue is a month long", "the returns are built by hand"]
GOODS = ["answers ad hoc requests the same day", "is trusted by team managers", "is submitted on time every year",
         "knows the social care data well", "meets weekly and shares what it finds",
         "has a clear owner and a published refresh time"]
OUTCOMES = ["one agreed set of measures", "self-service dashboards for team managers", "a documented data pipeline",
            "alerts when the overnight load fails", "a second person able to build each statutory return",
            "a data dictionary for the warehouse", "a single front door for data requests",
            "a weekly data quality report", "a monthly one-page briefing for the DCS"]
VISIONS = ["A children's data team of analysts and a systems officer sitting together",
           "Data requests triaged through one front door with a published priority list",
           "Analysts spend more time on insight than on re-running reports",
           "IT and the data team plan changes together each quarter",
           "Team managers trust one set of figures", "Practitioners see how their recording is used"]
FIRST = ["Helen", "Mark", "Priya", "Tom", "Sara", "Jo", "Amir", "Beth", "Chidi", "Dawn", "Ewan", "Fatima", "Gary",
         "Hana", "Ian", "Jas", "Kerry", "Liam", "Maya", "Niall"]
LAST = ["Ward", "Osei", "Shah", "Bell", "Lee", "Adams", "Khan", "Jones", "Okafor", "Price", "Reid", "Hussain", "Moss",
        "Novak", "Irwin", "Gill", "Doyle", "Murphy", "Patel", "Quinn"]
ROLES = ["Head of Service, Safeguarding", "Performance and Insight Manager", "Senior Analyst", "Liquidlogic systems lead",
         "Head of IT", "Early Help Manager", "Service Manager, Children in Care", "Data Quality Officer"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September", "October", "November"]

# Share of the stickies per section, and its prompts (headings over columns).
SECTIONS = [
    ("What the DCS sees now", 0.05, []),
    ("Who needs to be involved", 0.05, ["DCS", "Heads of service", "Data and performance/BI", "IT/MI leads",
                                        "Facilitator"]),
    ("Ideas for later", 0.07, []),
    ("Key issues today", 0.36, ["Where the best things happen", "Where the big pain points are",
                                "The problems we should solve"]),
    ("Data system mapping", 0.13, ["Resources", "What they do", "How they connect"]),
    ("Key people & relationships", 0.06, []),
    ("Target outputs (goals)", 0.10, ["General capabilities", "Specific products"]),
    ("Service model - vision", 0.05, []),
    ("Immediate actions", 0.13, []),
]
STEP = 260  # sticky pitch on the board


def cap(s):
    return s[0].upper() + s[1:]


class Board:
    def __init__(self, notes, seed):
        self.rng = random.Random(seed)
        self.counter = 0
        self.items, self.connectors = [], []
        self.members = []
        for i in range(max(6, min(200, notes // 40))):
            name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7 + i // len(FIRST)) % len(LAST)]}"
            self.members.append((str(3458764516565255000 + i), name, "owner" if i == 0 else "editor"))
        self.tags = [("3458764600000000201", "Quick win", "green"), ("3458764600000000202", "Data quality", "red"),
                     ("3458764600000000203", "Workforce", "blue")]
        self.by_tag = {tid: [] for tid, _, _ in self.tags}
        self.written = []  # sticky texts so far, for the repeats two people write

    def new_id(self):
        self.counter += 1
        return str(BASE + self.counter * 7919)

    def member(self):
        return self.rng.choice(self.members)[0]

    def common(self, kind, x, y, w, h, parent):
        iid = self.new_id()
        n = self.counter
        stamp = f"2026-02-10T{9 + n % 7:02d}:{10 + n % 50:02d}:{(n * 7) % 60:02d}Z"
        who = {"id": self.member(), "type": "user"}
        item = {"id": iid, "type": kind,
                "links": {"self": f"https://api.miro.com/v2/boards/{BOARD_ID}/{kind}s/{iid}"},
                "createdAt": stamp, "createdBy": who, "modifiedAt": stamp, "modifiedBy": who,
                "position": {"x": x, "y": y, "origin": "center",
                             "relativeTo": "parent_top_left" if parent else "canvas_center"},
                "geometry": {"width": w, "height": h}}
        if parent:
            item["parent"] = {"id": parent,
                              "links": {"self": f"https://api.miro.com/v2/boards/{BOARD_ID}/items/{parent}"}}
        self.items.append(item)
        return item

    def frame(self, title, x, y, w, h):
        item = self.common("frame", x, y, w, h, None)
        item["data"] = {"format": "custom", "title": title, "type": "freeform", "showContent": True}
        item["style"] = {"fillColor": "#ffffffff"}
        return item["id"]

    def text(self, content, x, y, parent):
        item = self.common("text", x, y, 420, 60, parent)
        item["data"] = {"content": f"<p><strong>{content}</strong></p>"}
        item["style"] = {"color": "#1a1a1a", "fontFamily": "open_sans", "fontSize": "36", "textAlign": "left"}

    def sticky(self, content, x, y, parent, colour):
        if self.written and self.rng.random() < 0.02:  # two people wrote the same thing
            content = self.rng.choice(self.written[-200:])
        self.written.append(content)
        item = self.common("sticky_note", x, y, 199, 228, parent)
        item["data"] = {"content": content, "shape": "square"}
        item["style"] = {"fillColor": colour, "textAlign": "center", "textAlignVertical": "top"}
        if self.rng.random() < 0.08:
            self.by_tag[self.rng.choice(self.tags)[0]].append(item["id"])
        return item["id"]

    def shape(self, content, x, y, parent):
        item = self.common("shape", x, y, 320, 160, parent)
        item["data"] = {"content": content, "shape": "round_rectangle"}
        item["style"] = {"fillColor": "#ffffff", "borderColor": "#1a1a1a", "color": "#1a1a1a",
                         "textAlign": "center", "textAlignVertical": "middle"}
        return item["id"]

    def card(self, title, description, x, y, parent, due):
        item = self.common("card", x, y, 320, 94, parent)
        item["data"] = {"title": f"<p>{title}</p>", "description": f"<p>{description}</p>",
                        "assigneeId": self.member()}
        if due:
            item["data"]["dueDate"] = due
        item["style"] = {"cardTheme": "#2d9bf0"}

    def connector(self, start, end, caption, pain):
        cid = self.new_id()
        c = {"id": cid, "type": "connector", "shape": "curved",
             "startItem": {"id": start, "position": {"x": "100%", "y": "50%"}},
             "endItem": {"id": end, "position": {"x": "0%", "y": "50%"}},
             "style": {"startStrokeCap": "none", "endStrokeCap": "stealth",
                       "strokeColor": "#e6280e" if pain else "#1a1a1a", "strokeStyle": "normal",
                       "strokeWidth": "2.0"},
             "isSupported": True,
             "links": {"self": f"https://api.miro.com/v2/boards/{BOARD_ID}/connectors/{cid}"}}
        if caption:
            c["captions"] = [{"content": f"<p>{caption}</p>", "position": "50%"}]
        self.connectors.append(c)

    # ---- wording
    def said(self, section, prompt):
        r = self.rng
        s, t, p, c = r.choice(SYSTEMS), r.choice(TEAMS), r.choice(PROBLEMS), r.choice(CAUSES)
        if section == "What the DCS sees now":
            text = r.choice([f"Leaders ask for the same numbers from {s} in three different ways",
                             f"I cannot see where the pressure on {t} will land next",
                             f"Board papers quote figures from {s} that nobody can trace",
                             f"Worried that {t} depend on two people who know {s} inside out"])
        elif section == "Who needs to be involved":
            name = r.choice(self.members)[1]
            text = r.choice([f"{name}, {r.choice(ROLES)}", f"{r.choice(ROLES)} (could not attend)",
                             f"{name} ({r.choice(ROLES)}) to open the day"])
        elif section == "Ideas for later":
            text = r.choice([f"Could {t} share a Power BI workspace with health partners?",
                             f"Automate the checks on {s}", f"Data champions in {t}",
                             f"Look at what the regional group did with {s}"])
        elif prompt == "Where the best things happen":
            text = f"{cap(t)} {r.choice(GOODS)}"
        elif prompt == "Where the big pain points are":
            text = r.choice([f"{cap(s)} {p} because {c}", f"{cap(t)} say {s} {p}",
                             f"<strong>{cap(s)}</strong> {p} &amp; {c}"])
        elif prompt == "The problems we should solve":
            text = r.choice([f"Fix why {s} {p}", f"Reduce how often {c}",
                             f"Give {t} {r.choice(OUTCOMES)}"])
        elif prompt == "Resources":
            text = f"{cap(s)} ({r.randint(1, 6)} people, {r.choice(['supplier hosted', 'on premises', 'cloud'])})"
        elif prompt == "What they do":
            text = f"{cap(t)} maintain {s} and {r.choice(['build the monthly pack', 'run the returns', 'answer requests'])}"
        elif prompt == "How they connect":
            text = f"{cap(s)} feeds {r.choice(SYSTEMS)} {r.choice(['nightly', 'weekly', 'by hand each month'])}"
        elif section == "Key people & relationships":
            text = f"{cap(t)} go straight to {r.choice(TEAMS)} they know rather than the request process"
        elif prompt == "General capabilities":
            text = f"{cap(t)} able to work with {s} without an IT ticket"
        elif prompt == "Specific products":
            text = f"{cap(r.choice(OUTCOMES))} built on {s}"
        elif section == "Service model - vision":
            text = r.choice(VISIONS)
        else:  # immediate actions, worded the ways people write them
            who = r.choice(self.members)[1].split()[0]
            text = r.choice([f"{who} to deliver {r.choice(OUTCOMES)} by end of {r.choice(MONTHS)}",
                             f"Owner: {r.choice(ROLES)} - fix why {s} {p} by {r.randint(1, 28)}/{r.randint(1, 12):02d}/2026",
                             f"Set up alerting on {s} ({r.choice(['IT', 'BI team'])}) w/c {r.randint(1, 28)} {r.choice(MONTHS)[:3]}",
                             f"{who} to document {s} in Q{r.randint(1, 4)}",
                             f"Arrange a session for {t} on {s} ASAP"])
        return f"<p>{text}</p>"

    # ---- the board
    def build(self, notes):
        frame_x = 0
        for title, share, prompts in SECTIONS:
            count = max(1, round(notes * share))
            columns = max(1, len(prompts))
            per_column = math.ceil(count / columns)
            # Each prompt gets a block of equal width: a heading over a grid of stickies.
            block_cols = max(2, math.ceil(math.sqrt(per_column / 2)))
            block_rows = math.ceil(per_column / block_cols)
            mapping = title == "Data system mapping"
            systems = 7 + int(0.7 * math.sqrt(notes)) if mapping else 0
            map_cols = math.ceil(math.sqrt(systems)) if mapping else 0
            map_w = map_cols * 600
            width = map_w + columns * (block_cols * STEP + 200) + 200
            height = max(block_rows * STEP + 600, math.ceil(systems / max(1, map_cols)) * 500 + 600)
            f = self.frame(title, frame_x + width / 2, 0, width, height)
            frame_x += width + 400
            if mapping:
                self.system_map(f, systems, map_cols)
            colour = {"Key issues today": "pink", "Target outputs (goals)": "light_green"}.get(title, "light_yellow")
            left = map_w + 200
            made = 0
            for c in range(columns):
                prompt = prompts[c] if prompts else ""
                block_x = left + c * (block_cols * STEP + 200)
                if prompt:
                    self.text(prompt, block_x + block_cols * STEP / 2, 150, f)
                for i in range(min(per_column, count - made)):
                    x = block_x + (i % block_cols) * STEP + STEP / 2
                    self.sticky(self.said(title, prompt), x, 400 + (i // block_cols) * STEP, f, colour)
                    made += 1
            if title == "Immediate actions":
                for i in range(max(1, count // 15)):
                    month = self.rng.randint(3, 12)
                    due = f"2026-{month:02d}-{self.rng.randint(1, 28):02d}T23:00:00.000Z" if i % 4 else None
                    self.card(f"Deliver {self.rng.choice(OUTCOMES)}", self.said("Key issues today",
                              "Where the big pain points are")[3:-4], left + i % 10 * 340, height - 200 - i // 10 * 120,
                              f, due)

    def system_map(self, frame, systems, cols):
        ids = []
        for i in range(systems):
            label = SYSTEMS[i % len(SYSTEMS)] + ("" if i < len(SYSTEMS) else f" ({i // len(SYSTEMS) + 1})")
            ids.append(self.shape(f"<p>{label[0].upper() + label[1:]}</p><p>{self.rng.randint(1, 5)} analysts</p>",
                                  300 + (i % cols) * 600, 400 + (i // cols) * 500, frame))
        for i in range(1, systems):  # a tree, plus a few cross links, some of them pain points
            self.connector(ids[self.rng.randrange(i)], ids[i], self.rng.choice(["nightly extract", "model refresh",
                           "dashboards", "returns", "re-keyed data", ""]), self.rng.random() < 0.15)
        for _ in range(systems // 4):
            a, b = self.rng.sample(range(systems), 2)
            self.connector(ids[a], ids[b], "tickets", True)

    def dump(self, path):
        board = {
            "exportedAt": "2026-02-10T17:05:00Z",
            "board": {"id": BOARD_ID, "type": "board", "name": "Synthetic data service diagnostic",
                      "description": "A synthetic D2I data service diagnostic for benchmarks",
                      "team": {"id": "3458764516565255600", "type": "team", "name": "Benchmark Borough Council"},
                      "createdAt": "2026-01-20T10:00:00Z", "modifiedAt": "2026-02-10T16:59:00Z"},
            "members": [{"id": m, "name": n, "role": r, "type": "board_member"} for m, n, r in self.members],
            "items": self.items,
            "connectors": self.connectors,
            "tags": [{"id": t, "type": "tag", "title": title, "fillColor": c} for t, title, c in self.tags],
            "itemsByTag": {t: ids for t, ids in self.by_tag.items() if ids},
        }
        with open(path, "w", encoding="utf-8") as out:
            json.dump(board, out, indent=1, ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("notes", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    board = Board(args.notes, args.seed)
    board.build(args.notes)
    board.dump(args.out)


if __name__ == "__main__":
    main()
