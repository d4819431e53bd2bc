"""Shared by the make_board.py scripts beside this file: builds Miro REST v2 items, connectors and
members from absolute board coordinates, and writes board.json + truth.json (or checks them); a board
can also be written as REST pages or as the Web SDK's flattened array.

Each board's script declares what a facilitator drew and where; this module turns that into the
objects Miro's API returns (positions relative to the parent frame's top-left, ids growing with
creation time) and keeps the absolute geometry so the truth can be checked against it.
Standard library only; deterministic for a given seed.
"""
import datetime as dt
import html
import json
import os
import random
import re
import sys

UTC = dt.timezone.utc
PATH = {"sticky_note": "sticky_notes", "shape": "shapes", "text": "texts", "card": "cards", "frame": "frames"}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")


def to_html(text, fmt="p"):
    """Plain text with newlines -> Miro content HTML, in one of the ways the editor writes it."""
    lines = text.split("\n")
    if fmt == "p":
        return "".join(f"<p>{esc(l)}</p>" for l in lines)
    sep = {"br": "<br>", "br/": "<br/>"}[fmt]
    return "<p>" + sep.join(esc(l) for l in lines) + "</p>"


def is_empty(h):
    """The rule the scorers use: no visible text once tags and entities are gone."""
    return not re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", h or ""))).strip()


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


class Board:
    def __init__(self, board_id, seed, anchor_id):
        self.bid = board_id
        self.rng = random.Random(seed)
        self.anchor_id = anchor_id
        self.anchor_t = dt.datetime(2025, 1, 6, 9, 0, 0, tzinfo=UTC)
        self.items, self.connectors = [], []
        self.box = {}      # id -> absolute (left, top, right, bottom)
        self.parent = {}   # id -> parent frame id or None
        self.used = set()
        self.api = f"https://api.miro.com/v2/boards/{board_id}"

    # ids grow with creation time, as Miro's do
    def mkid(self, t):
        base = self.anchor_id + int((t - self.anchor_t).total_seconds() * 977)
        while True:
            v = base + self.rng.randrange(0, 700)
            if v not in self.used:
                self.used.add(v)
                return str(v)

    def _item(self, kind, t, by, cx, cy, w, h, parent, data, style, rotation=None, edited=None):
        iid = self.mkid(t)
        item = {"id": iid, "type": kind, "links": {"self": f"{self.api}/{PATH[kind]}/{iid}"},
                "createdAt": iso(t), "createdBy": {"id": by, "type": "user"}}
        if data is not None:
            item["data"] = data
        geometry = {"width": round(w, 2), "height": round(h, 2)}
        if rotation:
            geometry["rotation"] = rotation
        item["geometry"] = geometry
        later = edited or t + dt.timedelta(seconds=5 + self.rng.randrange(0, 90))
        item["modifiedAt"] = iso(later)
        item["modifiedBy"] = {"id": by, "type": "user"}
        if parent:
            left, top, _, _ = self.box[parent]
            item["parent"] = {"id": parent, "links": {"self": f"{self.api}/frames/{parent}"}}
            item["position"] = {"x": round(cx - left, 2), "y": round(cy - top, 2), "origin": "center",
                                "relativeTo": "parent_top_left"}
        else:
            item["position"] = {"x": round(cx, 2), "y": round(cy, 2), "origin": "center", "relativeTo": "canvas_center"}
        if style is not None:
            item["style"] = style
        self.items.append(item)
        self.box[iid] = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
        self.parent[iid] = parent
        return iid

    def frame(self, title, t, by, left, top, w, h, parent=None, fill="#ffffffff"):
        data = {"format": "custom", "title": title, "type": "freeform", "showContent": True}
        return self._item("frame", t, by, left + w / 2, top + h / 2, w, h, parent, data, {"fillColor": fill})

    def sticky(self, text, t, by, cx, cy, colour="light_yellow", parent=None, fmt="p", size=1.0, rotation=None,
               content=None, edited=None):
        data = {"content": content if content is not None else to_html(text, fmt), "shape": "square"}
        style = {"fillColor": colour, "textAlign": "center", "textAlignVertical": "middle"}
        return self._item("sticky_note", t, by, cx, cy, 199 * size, 228 * size, parent, data, style, rotation,
                          edited)

    def text(self, content, t, by, cx, cy, w, parent=None, size="36", h=60):
        style = {"color": "#1a1a1a", "fillColor": "transparent", "fillOpacity": "1.0", "fontFamily": "open_sans",
                 "fontSize": size, "textAlign": "left"}
        return self._item("text", t, by, cx, cy, w, h, parent, {"content": content}, style)

    def shape(self, content, t, by, cx, cy, w, h, shape="rectangle", parent=None, fill="#ffffff", opacity="1.0",
              valign="middle", size="14"):
        style = {"fillColor": fill, "fillOpacity": opacity, "fontFamily": "open_sans", "fontSize": size,
                 "borderColor": "#1a1a1a", "borderWidth": "2.0", "borderOpacity": "1.0", "borderStyle": "normal",
                 "textAlign": "center", "textAlignVertical": valign, "color": "#1a1a1a"}
        return self._item("shape", t, by, cx, cy, w, h, parent, {"content": content, "shape": shape}, style)

    def card(self, title, t, by, cx, cy, parent=None, assignee=None, due=None):
        data = {"title": title, "description": ""}
        if assignee:
            data["assigneeId"] = assignee
        if due:
            data["dueDate"] = due
        return self._item("card", t, by, cx, cy, 320, 94, parent, data, {"cardTheme": "#2d9bf0"})

    def connector(self, start, end, t, by, caption=None, start_cap="none", end_cap="arrow", stroke="normal"):
        cid = self.mkid(t)
        c = {"id": cid, "type": "connector", "links": {"self": f"{self.api}/connectors/{cid}"},
             "createdAt": iso(t), "createdBy": {"id": by, "type": "user"},
             "captions": [{"content": f"<p>{esc(caption)}</p>", "position": "50%", "textAlignVertical": "middle"}]
             if caption else [],
             "startItem": {"id": start, "links": {"self": f"{self.api}/items/{start}"}, "position": {"x": "100%", "y": "50%"}},
             "endItem": {"id": end, "links": {"self": f"{self.api}/items/{end}"}, "position": {"x": "0%", "y": "50%"}},
             "isSupported": True, "modifiedAt": iso(t + dt.timedelta(seconds=20)), "modifiedBy": {"id": by, "type": "user"},
             "shape": "curved",
             "style": {"color": "#1a1a1a", "endStrokeCap": end_cap, "fontSize": "14", "startStrokeCap": start_cap,
                       "strokeColor": "#1a1a1a", "strokeStyle": stroke, "strokeWidth": "2.0",
                       "textOrientation": "horizontal"}}
        if not caption:
            del c["captions"]
        self.connectors.append(c)
        return cid

    # geometry for the truth's self-checks
    def centre(self, iid):
        l, t, r, b = self.box[iid]
        return (l + r) / 2, (t + b) / 2

    def inside(self, iid, region):
        x, y = self.centre(iid)
        l, t, r, b = self.box[region]
        return l <= x <= r and t <= y <= b

    def sorted_items(self):
        return sorted(self.items, key=lambda i: int(i["id"]))


def rest_pages(b, members, limit=50):
    """The board as the REST pages a client saves one after another: items, connectors, members."""
    pages = []

    def paged(rows, path, kind):
        for start in range(0, max(len(rows), 1), limit):
            chunk = rows[start:start + limit]
            last = start + limit >= len(rows)
            cursor = "" if last else f"{int(chunk[-1]['id']) + 1}==="
            page = {"data": chunk, "total": len(rows), "size": len(chunk), "limit": limit}
            if kind == "cursor":
                page["cursor"] = cursor
                page["links"] = {"self": f"{b.api}/{path}?limit={limit}&cursor=", "next": None if last else
                                 f"{b.api}/{path}?limit={limit}&cursor={cursor}"}
                page["type"] = "cursor-list"
            else:
                page["offset"] = start
                page["links"] = {"self": f"{b.api}/{path}?limit={limit}&offset={start}"}
                page["type"] = "list"
            pages.append(page)

    paged(b.sorted_items(), "items", "cursor")
    paged(sorted(b.connectors, key=lambda c: int(c["id"])), "connectors", "cursor")
    paged(members, "members", "offset")
    return pages


def lines_dump(value):
    """JSON with one list entry per line: small, and a change to one item is a one-line diff."""
    one = lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, list):
        return "[\n" + ",\n".join(one(v) if not (isinstance(v, dict) and "data" in v and isinstance(v["data"], list))
                                   else lines_dump(v).rstrip("\n") for v in value) + "\n]\n"
    parts = []
    for key, v in value.items():
        body = ("[\n" + ",\n".join(one(e) for e in v) + "\n]") if isinstance(v, list) and v else one(v)
        parts.append(f"{one(key)}:{body}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def write_or_check(here, board, truth):
    """Writes board.json and truth.json beside the script, or with --check compares them."""
    out = {"board.json": lines_dump(board),
           "truth.json": json.dumps(truth, ensure_ascii=False, indent=1) + "\n"}
    if "--check" in sys.argv:
        stale = [name for name, text in out.items()
                 if not os.path.exists(os.path.join(here, name)) or open(os.path.join(here, name), encoding="utf-8").read() != text]
        if stale:
            sys.exit("out of date: " + ", ".join(stale) + " (run make_board.py)")
        print("board.json and truth.json are current")
        return
    for name, text in out.items():
        with open(os.path.join(here, name), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"wrote {len(board['items']) if isinstance(board, dict) else len(board)} entries; truth with "
          f"{sum(len(f['sticky_ids']) for f in truth['frames'])} stickies in sections")


class Clock:
    """Creation times through a workshop day: each call moves on by a minute or two."""

    def __init__(self, rng, start):
        self.rng, self.t = rng, start

    def at(self, when):
        self.t = when
        return self

    def __call__(self):
        self.t += dt.timedelta(seconds=40 + self.rng.randrange(0, 110))
        return self.t


def column(b, clock, texts, x, y0, authors, parent=None, colour="light_yellow", step=210, size=0.8, fmt="p"):
    """Stickies one under another from (x, y0): the usual way a group fills a column. Returns their ids."""
    ids = []
    for n, text in enumerate(texts):
        who = authors[n % len(authors)]
        ids.append(b.sticky(text, clock(), who, x, y0 + n * step, colour, parent, fmt=fmt, size=size))
    return ids


def people_truth(people):
    """people: (name or None, user id or None, aka list, present, role, team)."""
    return [{"name": n, "user_id": u, "aka": a, "present": p, "role": r, "team": t} for n, u, a, p, r, t in people]


def theme_issues(b, specs, prompt_of, themes):
    """Issue rows in the scorers' shape from (sticky id, theme code, acceptable codes, duplicate_of id)."""
    text_of = {i["id"]: i for i in b.items}
    rows = []
    for sid, code, accept, dup in specs:
        content = text_of[sid]["data"]["content"]
        plain = html.unescape(re.sub(r"<[^>]+>", " ", content)).strip()
        label = {t["code"]: t["label"] for t in themes}[code]
        rows.append({"id": sid, "text": re.sub(r"\s+", " ", plain), "theme": label, "theme_code": code,
                     "acceptable_theme_codes": accept or [code], "subarea": prompt_of[sid],
                     "duplicate_of": dup, "tags": []})
    return rows


def map_edges(b, conn, edges, node_ids, label):
    """Truth edges from (start key, end key, caption, style) as drawn: direction follows the caps."""
    rows = []
    for cid, (a, z, cap, kw) in zip(conn, edges):
        start, end = node_ids[a], node_ids[z]
        starts = kw.get("start_cap", "none") != "none"
        ends = kw.get("end_cap", "arrow") != "none"
        f, t = (end, start) if starts and not ends else (start, end)
        rows.append({"connector_id": cid, "from": f, "to": t, "from_label": label[f], "to_label": label[t],
                     "captions": [cap] if cap else [], "direction": "both" if starts and ends else "forward",
                     "drawn_start": start, "drawn_end": end, "line_style": kw.get("stroke", "normal")})
    return rows


def check_and_count(b, sections, noise, truth, tags=0):
    """Every sticky is in one section or is noise, and lies inside its section; fills truth['counts']."""
    stickies = [i["id"] for i in b.items if i["type"] == "sticky_note"]
    in_sections = [s for f in sections for s in f["sticky_ids"]]
    assert sorted(in_sections + noise) == sorted(stickies), "a sticky is unaccounted for"
    for f in sections:
        for sid in f["sticky_ids"]:
            assert b.inside(sid, f["id"]), (f["board_title"], sid)
    kinds = [i["type"] for i in b.items]
    truth["counts"] = {"items": len(kinds), "sticky_notes": kinds.count("sticky_note"), "frames": kinds.count("frame"),
                       "shapes": kinds.count("shape"), "texts": kinds.count("text"), "cards": kinds.count("card"),
                       "connectors": len(b.connectors), "tags": tags, "issues": len(truth["issues"]),
                       "actions": len(truth["actions"]), "map_nodes": len(truth["system_map"]["nodes"]),
                       "map_edges": len(truth["system_map"]["edges"])}


def empty_ids(b):
    return [i["id"] for i in b.items if i["type"] == "sticky_note" and is_empty(i["data"]["content"])]


def _sdk_time(stamp):
    """The Web SDK writes its times with milliseconds: 2026-11-19T10:02:13.000Z."""
    return stamp[:-1] + ".000Z" if stamp.endswith("Z") and "." not in stamp else stamp


def _sdk_numbers(style):
    """The Web SDK gives style numbers as numbers where REST writes strings ("14", "1.0")."""
    out = {}
    for k, v in style.items():
        try:
            out[k] = int(v) if isinstance(v, str) and v.isdigit() else float(v) if isinstance(v, str) else v
        except ValueError:
            out[k] = v
    return out


def web_sdk_array(b, members=(), tags=(), tag_ids_of=None):
    """The board as the Web SDK's `miro.board.get()` gives it, flattened into one array in creation order:
    items with their data fields at the top level, `parentId`, `x`/`y` relative to the parent's top-left,
    `createdBy` as a plain id, times with milliseconds; connectors with `start`/`end` {item}; tags; and the
    board's members (as /members gives them) appended by the exporting script."""
    tag_ids_of = tag_ids_of or {}
    connectors_of, children_of = {}, {}
    for c in b.connectors:
        for end in ("startItem", "endItem"):
            connectors_of.setdefault(c[end]["id"], []).append(c["id"])
    for i in b.items:
        if i.get("parent"):
            children_of.setdefault(i["parent"]["id"], []).append(i["id"])
    rows = []
    for i in b.items:
        kind, data, style = i["type"], dict(i.get("data", {})), dict(i.get("style", {}))
        row = {"type": kind}
        if kind == "frame":
            row.update(title=data["title"], childrenIds=children_of.get(i["id"], []), showContent=True)
        elif kind == "card":
            row.update(title=data["title"], description=data.get("description", ""))
            if data.get("assigneeId"):
                row["assignee"] = {"userId": data["assigneeId"]}
            if data.get("dueDate"):
                row["dueDate"] = data["dueDate"]
        else:
            row["content"] = data.get("content", "")
            if "shape" in data:
                row["shape"] = data["shape"]
        row["style"] = _sdk_numbers(style)
        if kind in ("sticky_note", "card"):
            row["tagIds"] = tag_ids_of.get(i["id"], [])
        pos, geo = i["position"], i["geometry"]
        row.update(id=i["id"], parentId=i["parent"]["id"] if i.get("parent") else None, origin="center",
                   relativeTo=pos["relativeTo"], createdAt=_sdk_time(i["createdAt"]), createdBy=i["createdBy"]["id"],
                   modifiedAt=_sdk_time(i["modifiedAt"]), modifiedBy=i["modifiedBy"]["id"],
                   connectorIds=connectors_of.get(i["id"], []), x=pos["x"], y=pos["y"], width=geo["width"],
                   height=geo["height"], rotation=geo.get("rotation", 0))
        rows.append(row)
    for c in b.connectors:
        row = {"type": "connector", "shape": c["shape"],
               "start": {"item": c["startItem"]["id"], "position": {"x": 1, "y": 0.5}},
               "end": {"item": c["endItem"]["id"], "position": {"x": 0, "y": 0.5}},
               "style": _sdk_numbers(c["style"]),
               "captions": [{"content": cap["content"], "position": 0.5, "textAlignVertical": "middle"}
                            for cap in c.get("captions", [])],
               "id": c["id"], "parentId": None, "origin": "center", "relativeTo": "canvas_center",
               "createdAt": _sdk_time(c["createdAt"]), "createdBy": c["createdBy"]["id"],
               "modifiedAt": _sdk_time(c["modifiedAt"]), "modifiedBy": c["modifiedBy"]["id"]}
        rows.append(row)
    rows.sort(key=lambda r: int(r["id"]))
    rows += [{"type": "tag", "id": t["id"], "title": t["title"], "color": t["fillColor"]} for t in tags]
    rows += list(members)
    return rows
