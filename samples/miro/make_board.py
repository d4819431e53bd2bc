#!/usr/bin/python3
"""Writes castlebrook-board.json: a whole-board dump of a fictional council's
data service diagnostic, as `sdiag miro pull` would save it (items,
connectors, tags and members exactly as Miro REST API v2 returns them), and
castlebrook-board.expected.json: where each thing on the board should end up.

The board has the traps real boards have: HTML content, empty and repeated
stickies, stickies outside any frame or not parented to the frame they sit
in, a nested frame, a frame no template section matches, a connector drawn
backwards, cards with due dates (one on a British Summer Time boundary),
tags, an item Miro returns without data, and an image.

Run it again after editing; the output is the same every time.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BOARD_ID = "uXjVKcBq7xM="
BASE = 3458764612345600000  # Miro ids are ~19 digits, beyond 2^53

members = [
    ("3458764516565255692", "Helen Ward", "editor"),
    ("3458764516565255693", "Mark Osei", "editor"),
    ("3458764516565255694", "Priya Shah", "editor"),
    ("3458764516565255695", "Tom Bell", "editor"),
    ("3458764516565255696", "Sara Lee", "editor"),
    ("3458764516565255697", "Jo Adams", "owner"),
]
MEMBER = {name.split()[0]: mid for mid, name, _ in members}

tags = [
    ("3458764600000000101", "Quick win", "green"),
    ("3458764600000000102", "Data quality", "red"),
    ("3458764600000000103", "Workforce", "blue"),
]
TAG = {title: tid for tid, title, _ in tags}

items, connectors = [], []
items_by_tag = {tid: [] for tid, _, _ in tags}
expected = {"notes": {}, "skipped": [], "nodes": {}, "edges": [], "actions": {}, "new_sections": [],
            "unsorted": []}
counter = [0]


def new_id():
    counter[0] += 1
    return str(BASE + counter[0] * 7919)


def stamp(i):
    minute = 10 + i % 50
    return f"2026-02-10T{9 + i % 7:02d}:{minute:02d}:{(i * 7) % 60:02d}Z"


def common(iid, kind, author, x, y, width, height, parent=None):
    n = counter[0]
    item = {
        "id": iid,
        "type": kind,
        "links": {"self": f"https://api.miro.com/v2/boards/{BOARD_ID}/{kind}s/{iid}"},
        "createdAt": stamp(n),
        "createdBy": {"id": MEMBER[author], "type": "user"},
        "modifiedAt": stamp(n + 1),
        "modifiedBy": {"id": MEMBER[author], "type": "user"},
        "position": {"x": x, "y": y, "origin": "center",
                     "relativeTo": "parent_top_left" if parent else "canvas_center"},
        "geometry": {"width": width, "height": height},
    }
    if parent:
        item["parent"] = {"id": parent, "links": {"self": f"https://api.miro.com/v2/boards/{BOARD_ID}/items/{parent}"}}
    return item


def frame(title, x, y, width, height, parent=None):
    iid = new_id()
    item = common(iid, "frame", "Jo", x, y, width, height, parent)
    item["data"] = {"format": "custom", "title": title, "type": "freeform", "showContent": True}
    item["style"] = {"fillColor": "#ffffffff"}
    item["links"]["related"] = f"https://api.miro.com/v2/boards/{BOARD_ID}/items?parent_item_id={iid}&limit=10&cursor="
    items.append(item)
    return iid


def text(content, x, y, parent, width=600):
    iid = new_id()
    item = common(iid, "text", "Jo", x, y, width, 60, parent)
    item["data"] = {"content": content}
    item["style"] = {"color": "#1a1a1a", "fillOpacity": "1.0", "fontFamily": "open_sans", "fontSize": "36",
                     "textAlign": "left"}
    items.append(item)
    return iid


def sticky(content, x, y, parent, author, colour="light_yellow", tag_titles=(), section=None, prompt="",
           empty=False, unparented=False):
    """A sticky note; `section`/`prompt` is where sdiag should put it."""
    iid = new_id()
    item = common(iid, "sticky_note", author, x, y, 199, 228, None if unparented else parent)
    item["data"] = {"content": content, "shape": "square"}
    item["style"] = {"fillColor": colour, "textAlign": "center", "textAlignVertical": "top"}
    items.append(item)
    for t in tag_titles:
        items_by_tag[TAG[t]].append(iid)
    if empty:
        expected["skipped"].append(iid)
    else:
        expected["notes"][iid] = {"section": section, "prompt": prompt, "tags": sorted(tag_titles)}
    return iid


def shape(content, x, y, parent, node=True):
    iid = new_id()
    item = common(iid, "shape", "Sara", x, y, 320, 160, parent)
    item["data"] = {"content": content, "shape": "round_rectangle"}
    item["style"] = {"fillColor": "#ffffff", "fillOpacity": "1.0", "fontFamily": "open_sans", "fontSize": "18",
                     "borderColor": "#1a1a1a", "borderWidth": "2.0", "borderOpacity": "1.0", "borderStyle": "normal",
                     "color": "#1a1a1a", "textAlign": "center", "textAlignVertical": "middle"}
    items.append(item)
    return iid


def card(title, description, x, y, parent, assignee, due, section="actions", tag_titles=()):
    iid = new_id()
    item = common(iid, "card", "Jo", x, y, 320, 94, parent)
    data = {"title": title, "description": description}
    if assignee:
        data["assigneeId"] = MEMBER[assignee]
    if due:
        data["dueDate"] = due
    item["data"] = data
    item["style"] = {"cardTheme": "#2d9bf0"}
    items.append(item)
    for t in tag_titles:
        items_by_tag[TAG[t]].append(iid)
    return iid


def connector(start, end, caption, start_cap="none", end_cap="stealth", colour="#1a1a1a"):
    cid = new_id()
    c = {
        "id": cid, "type": "connector", "shape": "curved",
        "startItem": {"id": start, "links": {"self": f"https://api.miro.com/v2/boards/{BOARD_ID}/items/{start}"},
                      "position": {"x": "100%", "y": "50%"}},
        "endItem": {"id": end, "links": {"self": f"https://api.miro.com/v2/boards/{BOARD_ID}/items/{end}"},
                    "position": {"x": "0%", "y": "50%"}},
        "style": {"startStrokeCap": start_cap, "endStrokeCap": end_cap, "strokeColor": colour, "strokeStyle": "normal",
                  "strokeWidth": "2.0", "color": "#1a1a1a", "fontSize": "14", "textOrientation": "aligned"},
        "isSupported": True,
        "createdAt": stamp(counter[0]), "createdBy": {"id": MEMBER["Sara"], "type": "user"},
        "modifiedAt": stamp(counter[0]), "modifiedBy": {"id": MEMBER["Sara"], "type": "user"},
        "links": {"self": f"https://api.miro.com/v2/boards/{BOARD_ID}/connectors/{cid}"},
    }
    if caption:
        c["captions"] = [{"content": f"<p>{caption}</p>", "position": "50%", "textAlignVertical": "middle"}]
    connectors.append(c)
    return cid


def column_stickies(frame_id, section, prompt, column_x, notes, top=320, step=260):
    for i, (content, author, *rest) in enumerate(notes):
        extra = rest[0] if rest else {}
        sticky(content, column_x, top + i * step, frame_id, author, section=section, prompt=prompt, **extra)


FW, FH = 2600, 2000  # frame size
def frame_at(col, row):  # centre of a top-level frame on a 3-wide grid
    return (col - 1) * 3000, row * 2400


# ---- before: what the DCS sees now
f = frame("What the DCS sees now", *frame_at(0, 0), FW, FH)
column_stickies(f, "dcs_view", "", 400, [
    ("<p>We have lots of data but leaders still ask for the same numbers in three different ways.</p>", "Helen"),
    ("<p>Ofsted focused visit flagged that our performance reports do not show the <em>child's journey</em>.</p>", "Helen"),
    ("<p>I want a single version of the truth for the leadership team's monthly performance meeting.</p>", "Helen"),
])
column_stickies(f, "dcs_view", "", 1000, [
    ("<p>Worried that the team is stretched and depends on two people who know Liquidlogic inside out.</p>", "Helen",
     {"tag_titles": ("Workforce",)}),
    ("<p>Board papers quote figures that nobody can trace back to a source.</p>", "Mark"),
    ("<p>Caseloads are rising and I cannot see where the pressure will land next</p>", "Helen"),
])

# ---- before: who needs to be involved (text headings over columns)
f = frame("Who needs to be involved?", *frame_at(1, 0), FW, FH)
heads = [("DCS", 300), ("Heads of service", 800), ("Data and performance/BI", 1300), ("IT/MI leads", 1800),
         ("Facilitator", 2300)]
for title, x in heads:
    text(f"<p><strong>{title}</strong></p>", x, 140, f, width=420)
column_stickies(f, "involvement", "dcs", 300, [("<p>Helen Ward (DCS) to open the day</p>", "Jo")])
column_stickies(f, "involvement", "heads_of_service", 800, [
    ("<p>Mark Osei, Head of Service, Safeguarding</p>", "Jo"),
    ("<p>Head of Service, Early Help (could not attend)</p>", "Jo"),
])
column_stickies(f, "involvement", "data_bi", 1300, [
    ("<p>Priya Shah, Performance and Insight Manager</p>", "Jo"),
    ("<p>Tom Bell, Senior Analyst</p>", "Jo"),
])
column_stickies(f, "involvement", "it_mi", 1800, [
    ("<p>Sara Lee, Liquidlogic systems lead</p>", "Jo"),
    ("<p>Head of IT: invited, sent apologies</p>", "Jo"),
])
column_stickies(f, "involvement", "facilitator", 2300, [("<p>Jo Adams, Data to Insight</p>", "Jo")])

# ---- morning 0: ideas, with two stickies not parented to the frame they sit in
f = frame("Ideas for later", *frame_at(2, 0), FW, FH)
column_stickies(f, "ideas", "", 500, [
    ("<p>Could we share a Power BI workspace with health partners?</p>", "Priya"),
    ("<p>Look at what the regional group did with the ChAT tool</p>", "Tom"),
    ("<p>Automate the SSDA903 return checks</p>", "Tom", {"tag_titles": ("Quick win",)}),
])
column_stickies(f, "ideas", "", 1100, [
    ("<p>Data champions in each service area</p>", "Mark", {"tag_titles": ("Workforce",)}),
    ("<p>Join the D2I regional analysts' network</p>", "Priya"),
    ("<p>Use the ChAT outputs in supervision</p>", "Mark"),
    ("<p>Publish a data request form on the intranet</p>", "Priya", {"tag_titles": ("Quick win",)}),
])
fx, fy = frame_at(2, 0)  # unparented but inside the frame's bounds: absolute (canvas) coordinates
sticky("<p>Ask the regional group for their data dictionary template</p>", fx + 400, fy + 200, None, "Tom",
       section="ideas", unparented=True)
sticky("<p>Could the early help team trial a data champion role?</p>", fx + 700, fy - 300, None, "Mark",
       section="ideas", unparented=True)

# ---- morning 1: key issues, with a nested frame for the pain points
f = frame("Key issues today", *frame_at(0, 1), 3000, FH)
text("<p>How we see the key issues today</p>", 1500, 80, f, width=1200)
text("<p>Where the best things happen</p>", 350, 200, f)
column_stickies(f, "key_issues", "best_things", 350, [
    ("<p>The performance team answers ad hoc requests quickly and knows the social care data well</p>", "Mark",
     {"colour": "light_green"}),
    ("<p>Weekly MASH dashboard is trusted and used by team managers</p>", "Mark", {"colour": "light_green"}),
    ("<p>Good relationships between the BI team and front line managers</p>", "Priya", {"colour": "light_green"}),
    ("<p>The annual CIN census and 903 returns are always submitted on time</p>", "Tom", {"colour": "light_green"}),
    ("<p>Sara knows the Liquidlogic configuration inside out</p>", "Priya", {"colour": "light_green"}),
    ("<p>Analysts sit near the MASH &ndash; questions get answered the same day</p>", "Mark", {"colour": "light_green"}),
])
pain = frame("Pain points", 1250, 1050, 1200, 1800, parent=f)  # nested: relative to the key issues frame
pain_notes = [
    ("<p>Reports take <strong>three days</strong> to refresh after month end because the data warehouse load fails</p>",
     "Priya", {"colour": "pink", "tag_titles": ("Data quality",)}),
    ("<p><strong>Data warehouse</strong> overnight load fails often &amp; nobody is told</p><p>until the morning \U0001F629</p>",
     "Tom", {"colour": "pink"}),
    ("<p>Every request to add a field to a Liquidlogic report needs an IT ticket and takes weeks</p>", "Priya",
     {"colour": "pink"}),
    ("<p>IT service desk tickets for LL report changes sit in the queue for a month</p>", "Tom", {"colour": "pink"}),
    ("<p>Team managers re-key case data into their own spreadsheets</p>", "Mark", {"colour": "pink"}),
    ("<p>Spreadsheets kept by team managers do not match the figures in Power BI</p>", "Priya", {"colour": "pink"}),
    ("<p>Power BI reports and the Excel packs show different numbers for the same measure</p>", "Tom",
     {"colour": "pink", "tag_titles": ("Data quality",)}),
    ("<p>Data quality in the early help module is poor: missing ethnicity and end dates</p>", "Mark",
     {"colour": "pink", "tag_titles": ("Data quality",)}),
    ("<p>Social workers see data entry as a burden and do not see the reports</p>", "Mark", {"colour": "pink"}),
    ("<p>Only two analysts know how the 903 return is built</p>", "Tom", {"colour": "pink", "tag_titles": ("Workforce",)}),
    ("<p>No documentation of the warehouse tables or the report logic</p>", "Tom", {"colour": "pink"}),
    # An exact repeat: two people wrote the same sticky.
    ("<p>Team managers re-key case data into their own spreadsheets</p>", "Priya", {"colour": "pink"}),
]
for i, (content, author, extra) in enumerate(pain_notes):
    sticky(content, 200 + (i % 4) * 260, 200 + (i // 4) * 300, pain, author, section="key_issues",
           prompt="pain_points", **extra)
sticky("<p></p>", 200, 1300, pain, "Tom", colour="pink", empty=True)
sticky("<p> &nbsp; </p>", 460, 1300, pain, "Mark", colour="pink", empty=True)
text("<p>The problems we should solve</p>", 2550, 200, f)
column_stickies(f, "key_issues", "problems", 2550, [
    ("<p>We need one agreed set of measures for the leadership performance meeting</p>", "Helen"),
    ("<p>Reduce the time from month end to published reports</p>", "Priya"),
    ("<p>Make report changes possible without waiting on IT</p>", "Priya"),
    ("<p>Improve recording quality in the early help module</p>", "Mark", {"tag_titles": ("Data quality",)}),
    ("<p>Spread knowledge of statutory returns beyond one person</p>", "Tom", {"tag_titles": ("Workforce",)}),
    ("<p>Stop team managers keeping their own trackers</p>", "Mark"),
])
# A connector between two issue stickies: a link people drew, not a map edge.
issue_a = list(expected["notes"])[-1]
issue_b = list(expected["notes"])[-2]
connector(issue_b, issue_a, "related")

# ---- morning 2: data system mapping
f = frame("Data system mapping", *frame_at(1, 1), 3400, 2400)
systems = {
    "ll": ("<p>Liquidlogic LCS/EHM</p><p>Supplier hosted</p>", 300, 400),
    "dw": ("<p>Data warehouse</p>", 900, 400),
    "pbi": ("<p>Power BI</p>", 1500, 400),
    "pi": ("<p>Performance and Insight</p><p>3 analysts, 1 manager</p>", 900, 900),
    "it": ("<p>Corporate IT service desk</p><p>1 systems lead</p>", 300, 900),
    "tm": ("<p>Team managers</p>", 1500, 900),
    "dfe": ("<p>DfE returns</p>", 900, 1400),
}
node = {}
for key, (content, x, y) in systems.items():
    node[key] = shape(content, x, y, f)
    expected["nodes"][node[key]] = content.split("</p>")[0].replace("<p>", "")
# A sticky on the map joined to a system: it is a node and still a note.
# Nearest heading above it is "Resources" (far to the right), so by position it is a resource.
trackers = sticky("<p>Local Excel trackers</p>", 1500, 1400, f, "Mark", colour="yellow", section="system_mapping",
                  prompt="resources")
expected["nodes"][trackers] = "Local Excel trackers"


def edge(a, b, caption, pain=False, backwards=False):
    if backwards:  # drawn from b to a, the arrow at the start: still a -> b
        connector(node.get(b, b), node.get(a, a), caption, start_cap="stealth", end_cap="none")
    else:
        connector(node.get(a, a), node.get(b, b), caption, colour="#e6280e" if pain else "#1a1a1a")
    expected["edges"].append({"from": node.get(a, a), "to": node.get(b, b), "label": caption, "pain_point": pain})


edge("ll", "dw", "nightly extract", backwards=True)
edge("dw", "pbi", "model refresh")
edge("pbi", "tm", "dashboards")
edge("pi", "dfe", "statutory returns")
edge("tm", "it", "report change tickets", pain=True)
edge("it", "ll", "configuration")
edge("dw", "pi", "queries")
edge("tm", trackers, "re-keyed case data", pain=True)

for title, x in [("Resources", 2200), ("What they do", 2700), ("How they connect", 3200)]:
    text(f"<p>{title}</p>", x, 150, f, width=420)
column_stickies(f, "system_mapping", "resources", 2200, [
    ("<p>Liquidlogic (LCS and EHM) case management system</p>", "Sara"),
    ("<p>Corporate data warehouse (SQL Server)</p>", "Sara"),
    ("<p>Power BI service</p>", "Priya"),
    ("<p>Performance and Insight team: 3 analysts, 1 manager</p>", "Priya"),
    ("<p>Corporate IT service desk</p>", "Sara"),
    ("<p>Excel packs built by hand each month</p>", "Tom"),
])
column_stickies(f, "system_mapping", "what_they_do", 2700, [
    ("<p>Performance team build the monthly pack and the statutory returns</p>", "Priya"),
    ("<p>IT manage the warehouse load and the Liquidlogic configuration</p>", "Sara"),
    ("<p>Team managers keep local trackers in Excel</p>", "Mark"),
])
column_stickies(f, "system_mapping", "connections", 3200, [
    ("<p>Nightly extract from Liquidlogic to the warehouse</p>", "Sara"),
    ("<p>Power BI reads from the warehouse</p>", "Priya"),
    ("<p>Returns go from the performance team to DfE</p>", "Tom"),
])

# ---- morning 3: key people and relationships
f = frame("Key people & relationships", *frame_at(2, 1), FW, FH)
column_stickies(f, "relationships", "", 500, [
    ("<p>Head of performance reports to corporate, not to children's services</p>", "Priya"),
    ("<p>IT business partner is new and keen to help</p>", "Sara"),
    ("<p>Service managers go straight to analysts they know rather than the request process</p>", "Mark"),
    ("<p>Early help and social care analysts rarely meet</p>", "Tom"),
    ("<p>The DCS chairs the monthly performance meeting and wants it to change</p>", "Helen"),
    ("<p>Sara is the only link between IT and the performance team</p>", "Priya", {"tag_titles": ("Workforce",)}),
])

# ---- afternoon 1: target outputs (goals)
f = frame("TARGET OUTPUTS (GOALS)", *frame_at(0, 2), FW, FH)
text("<p>General capabilities</p>", 600, 160, f)
text("<p>Specific products</p>", 1800, 160, f)
column_stickies(f, "target_outputs", "capabilities", 600, [
    ("<p>Analysts able to change reports without an IT ticket</p>", "Priya"),
    ("<p>Documented, tested data pipeline with alerts when the load fails</p>", "Tom"),
    ("<p>Front line staff understand how their recording is used</p>", "Mark"),
    ("<p>A second person able to build every statutory return</p>", "Tom", {"tag_titles": ("Workforce",)}),
    ("<p>Self-service data for team managers</p>", "Mark"),
])
column_stickies(f, "target_outputs", "products", 1800, [
    ("<p>Single leadership performance scorecard in Power BI</p>", "Helen"),
    ("<p>Team manager dashboard replacing the local spreadsheets</p>", "Mark"),
    ("<p>Data dictionary for the warehouse</p>", "Tom"),
    ("<p>Monthly one-page briefing for the DCS</p>", "Helen"),
    ("<p>Early help data quality report sent to team managers weekly</p>", "Mark",
     {"tag_titles": ("Data quality", "Quick win")}),
])

# ---- afternoon 2: service model (vision)
f = frame("Service model - vision", *frame_at(1, 2), FW, FH)
column_stickies(f, "service_model", "", 700, [
    ("<p>A children's data team of analysts and a systems officer sitting together, with an agreed route to IT</p>",
     "Helen"),
    ("<p>Data requests triaged through one front door with a published priority list</p>", "Priya"),
    ("<p>Analysts spend more time on insight than on re-running reports</p>", "Tom"),
    ("<p>IT and the data team plan changes together each quarter</p>", "Sara"),
    ("<p>Team managers trust one set of figures</p>", "Mark"),
])

# ---- afternoon 3: immediate actions: stickies and cards
f = frame("Immediate actions", *frame_at(2, 2), FW, FH)
column_stickies(f, "actions", "", 400, [
    ("<p>Priya to draft the list of leadership measures by end of March</p>", "Priya"),
    ("<p>Owner: Head of IT - agree a fast route for Liquidlogic report changes by 30/04/2026</p>", "Sara"),
    ("<p>Set up alerting on the warehouse load failure (IT) w/c 16 Feb</p>", "Sara", {"tag_titles": ("Quick win",)}),
    ("<p>Tom to document the 903 return build process in Q2</p>", "Tom"),
    ("<p>Team managers to pilot the Power BI team dashboard next month</p>", "Mark"),
    ("<p>Arrange a lunchtime session for social workers on how recording feeds reports ASAP</p>", "Mark"),
])
cards = [
    # (title, description, assignee, dueDate as Miro stores it (UTC), London date)
    ("<p>Agree the leadership measures</p>", "<p>Draft list to the DCS leadership meeting</p>", "Priya",
     "2026-03-27T00:00:00.000Z", "2026-03-27"),
    # Due "30 March" set by a UK user after the clocks went forward: 29 March 23:00 UTC.
    ("<p>Alerting on the warehouse load</p>", "<p>Email the BI team when the overnight load fails</p>", "Sara",
     "2026-03-29T23:00:00.000Z", "2026-03-30"),
    # Still GMT: 29 March 00:30 UTC is 00:30 in London, before the clocks change at 01:00 UTC.
    ("<p>Book the social worker lunchtime session</p>", "", "Mark", "2026-03-29T00:30:00Z", "2026-03-29"),
    ("<p>Document the 903 return build</p>", "<p>Step by step, with the checks</p>", "Tom",
     "2026-06-30T23:00:00.000Z", "2026-07-01"),
    ("<p>Pilot the team manager dashboard</p>", "", "Mark", None, ""),
]
for i, (title, desc, who, due, london) in enumerate(cards):
    cid = card(title, desc, 1300 + (i % 2) * 500, 320 + (i // 2) * 200, f, who, due,
               tag_titles=("Quick win",) if i == 1 else ())
    expected["actions"][cid] = {"owner": dict((m[0], m[1]) for m in members)[MEMBER[who]], "due": london,
                                "due_text": due or ""}

# ---- a frame the template does not know: kept as its own section
f = frame("Workshop logistics", *frame_at(0, 3), 1600, 1200)
expected["new_sections"].append("workshop-logistics")
column_stickies(f, "workshop-logistics", "", 400, [
    ("<p>Room booked until 4pm; lunch arrives at 12.30</p>", "Jo"),
    ("<p>Send the board link to the Head of IT</p>", "Jo"),
])

# ---- outside every frame
for content, x in [("<p>Who owns the data dictionary?</p>", 5200), ("<p>Parking: check licence costs for Power BI Pro</p>", 5500)]:
    iid = sticky(content, x, -1500, None, "Priya", section="unsorted")
    expected["unsorted"].append(iid)

# ---- things Miro cannot list in full
iid = new_id()
table = common(iid, "data_table_format", "Jo", 400, 1600, 800, 400, f)
items.append(table)  # returned without `data`
expected["skipped"].append(iid)
iid = new_id()
image = common(iid, "image", "Jo", 1200, 1000, 400, 300, f)
image["data"] = {"imageUrl": f"https://api.miro.com/v2/boards/{BOARD_ID}/images/{iid}", "title": "photo of the wall"}
items.append(image)
expected["skipped"].append(iid)

board = {
    "exportedAt": "2026-02-10T17:05:00Z",
    "board": {
        "id": BOARD_ID, "type": "board", "name": "Castlebrook data service diagnostic",
        "description": "D2I data service diagnostic, Castlebrook Borough Council children's services, 10 February 2026",
        "team": {"id": "3458764516565255600", "type": "team", "name": "Castlebrook Borough Council"},
        "createdAt": "2026-01-20T10:00:00Z", "modifiedAt": "2026-02-10T16:59:00Z",
        "viewLink": f"https://miro.com/app/board/{BOARD_ID}",
        "links": {"self": f"https://api.miro.com/v2/boards/{BOARD_ID.replace('=', '%3D')}"},
    },
    "members": [{"id": mid, "name": name, "role": role, "type": "board_member"} for mid, name, role in members],
    "items": items,
    "connectors": connectors,
    "tags": [{"id": tid, "type": "tag", "title": title, "fillColor": colour} for tid, title, colour in tags],
    "itemsByTag": {tid: ids for tid, ids in items_by_tag.items() if ids},
}

with open(os.path.join(HERE, "castlebrook-board.json"), "w", encoding="utf-8") as out:
    json.dump(board, out, indent=1, ensure_ascii=False)
    out.write("\n")
with open(os.path.join(HERE, "castlebrook-board.expected.json"), "w", encoding="utf-8") as out:
    json.dump(expected, out, indent=1, ensure_ascii=False)
    out.write("\n")
stickies = sum(1 for i in items if i["type"] == "sticky_note")
print(f"{len(items)} items ({stickies} sticky notes), {len(connectors)} connectors")
