"""Builds Microsoft Whiteboard exports as Whiteboard writes them: a ZIP of `<board>.html` (the page the
web client draws the board with: `#canvasContent`, one `div.anchor` per object with its
`data-whiteboard-type`, `left`/`top` and a CSS matrix, Draft.js text) and `<board>-comments.json`.
The structure follows what the importers of real exports record (README "Microsoft Whiteboard").
`python3 whiteboard_export.py OUT.zip` writes the Castlebrook sample board."""
import html
import io
import json
import sys
import zipfile

_key = [0]


def _draft(text):
    blocks = []
    for line in text.split("\n"):
        _key[0] += 1
        k = f"k{_key[0]}"
        blocks.append(f'<div data-block="true" data-editor="e{_key[0]}" data-offset-key="{k}-0-0">'
                      f'<div data-offset-key="{k}-0-0" class="public-DraftStyleDefault-block public-DraftStyleDefault-ltr">'
                      f'<span data-offset-key="{k}-0-0"><span data-text="true">{html.escape(line)}</span></span></div></div>')
    return ('<div class="DraftEditor-root"><div class="DraftEditor-editorContainer">'
            '<div class="notranslate public-DraftEditor-content" contenteditable="false" role="textbox">'
            f'<div data-contents="true">{"".join(blocks)}</div></div></div></div>')


def _anchor(kind, key, left, top, body, matrix=(1, 0, 0, 1, 0, 0), centred=False):
    m = ", ".join(str(v) for v in matrix)
    cls = "anchor center" if centred else "anchor"
    return (f'<div class="{cls}" data-whiteboard-type="{kind}" data-apikey="{key}" '
            f'style="left: {left}px; top: {top}px; transform: matrix({m});">{body}</div>')


def _note_body(text, colour="paleYellowGradient", author="", width=304, height=265):
    return (f'<div class="textBoxBackground {colour}"><div class="noteAuthorBar">{html.escape(author)}</div>'
            f'<div class="stickyNote" style="width: {width}px; height: {height}px; font-size: 32px;">'
            f'<div class="textBoxCore" style="color: rgb(36, 36, 36); font-family: Aptos, sans-serif;">'
            f'{_draft(text)}</div></div></div>')


def note(key, left, top, text, colour="paleYellowGradient", author="", matrix=(1, 0, 0, 1, 0, 0)):
    return _anchor("Note", key, left, top, _note_body(text, colour, author), matrix)


def plain_text(key, left, top, text, width=600, size=40):
    return _anchor("PlainText", key, left, top,
                   f'<div style="display: flex; justify-content: flex-start; width: {width}px;">'
                   f'<div class="textbox plainText" style="max-width: {width}px; font-size: {size}px;">'
                   f'<div class="textBoxCore" style="color: rgb(0, 0, 0); font-weight: 700;">{_draft(text)}</div>'
                   '</div></div>')


def shape(key, cx, cy, width, height, text=""):
    w, h = width / 2, height / 2
    body = (f'<svg class="shape" width="{width}" height="{height}" viewBox="{-w} {-h} {width} {height}">'
            f'<g fill="#ffffff" stroke="#1f1f1f" stroke-width="1.5pt">'
            f'<path d="M{-w},{-h} L{w},{-h} L{w},{h} L{-w},{h} Z"></path></g></svg>')
    if text:
        body += ('<div class="textBoxContainer" style="transform: rotate(0deg);"><div class="textBoxCore">'
                 f'<div class="shapeText" style="font-size: 28px;">{_draft(text)}</div></div></div>')
    return _anchor("Shape", key, cx, cy, body, centred=True)


def grid(key, left, top, title, notes, columns=2):
    children = "".join(f'<div class="listChild">{_note_body(t, "softBlueGradient")}</div>' for t in notes)
    return _anchor("GridList", key, left, top,
                   f'<div class="gridListContainer"><div class="gridListTitle"><div class="textBoxCore">'
                   f'{_draft(title)}</div></div><div class="listChildren" '
                   f'style="display: grid; grid-template-columns: repeat({columns}, auto);">{children}</div></div>')


def other(kind, key, left, top, body=""):
    return _anchor(kind, key, left, top, body)


def page(title, anchors):
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<title>{html.escape(title)}</title><style>.anchor{{position:absolute;width:0;height:0}}'
            '.center{transform:translate(-50%,-50%)}</style></head><body><div id="whiteboardRoot">'
            f'<div id="canvasContent" class="canvas">{"".join(anchors)}'
            '<div id="remoteInkPool" class="anchor"></div></div></div></body></html>')


def export_zip(name, html_text, comments=None):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        when = (2026, 6, 24, 17, 0, 0)  # a fixed time, so the same board gives the same bytes
        z.writestr(zipfile.ZipInfo(f"{name}.html", when), html_text, zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo(f"{name}-comments.json", when),
                   json.dumps(comments or {"description": "", "commentThreads": []}), zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def castlebrook():
    """A D2I diagnostic as a Whiteboard facilitator lays it out: headings over notes, a large
    rectangle titled by a text box, a note grid, a shape titled by its own text, a stray note,
    ink, a picture, a connector and a comment."""
    anchors = [
        plain_text("t-dcs", 0, 0, "What the DCS sees now", width=700),
        note("n1", 0, 150, "We cannot see how long children wait for a first visit", "paleYellowGradient", "Director"),
        note("n2", 350, 150, "Board reports take a week to pull together", "paleYellowGradient", "Director"),
        shape("s-issues", 2000, 1000, 2100, 1300),
        plain_text("t-issues", 1000, 380, "Key issues today", width=900),
        plain_text("t-best", 1000, 520, "Best things", width=500, size=32),
        plain_text("t-pain", 1700, 520, "Pain points", width=500, size=32),
        plain_text("t-solve", 2400, 520, "Problems to solve", width=500, size=32),
        note("n3", 1000, 650, "Front door team know their data", "paleGreenGradient"),
        note("n4", 1000, 1000, "Weekly huddle with the performance team works", "paleGreenGradient"),
        note("n5", 1700, 650, "Re-keying CIN data into three spreadsheets", "softRedGradient",
             matrix=(0.9962, 0.0872, -0.0872, 0.9962, 0, 0)),
        note("n6", 1700, 1000, "Nobody owns data quality\nin CaseLink", "softRedGradient", matrix=(0.8, 0, 0, 0.8, 0, 0)),
        note("n7", 2400, 650, "One agreed definition of a re-referral", "softOrangeGradient"),
        grid("g-ideas", 3300, 350, "Ideas to hold onto for later",
             ["Ask the region how they report to the board", "Power BI licences?", "Shadow a social worker for a day"]),
        shape("s-actions", 1700, 2300, 1500, 700, "Immediate actions"),
        note("n8", 1000, 2050, "Sam to map the CIN extract by end of July"),
        note("n9", 1400, 2050, "Priya to draft a DQ owner role - September"),
        note("n10", 1800, 2050, "Jo to book the follow-up session"),
        note("n11", 5200, 3100, "Is the room free after lunch?", "lightGrayGradient"),
        plain_text("t-note", 0, 2000, "Remember: no children's names on notes", width=800, size=28),
        other("InkGroup", "ink1", 2600, 2000,
              '<svg class="PenStroke" viewBox="0 0 40 20"><g class="inkStroke" transform="matrix(0.0078125,0,0,0.0078125,0,0)">'
              '<path d="M0 0 L5120 2560"></path><polyline class="inkHitTestOverlay" points="0,0 5120,2560"></polyline></g></svg>'),
        other("FluidImage", "img1", 4200, 2400,
              '<div class="imageComponent" style="width: 64px; height: 64px;"><img src="data:text/plain;base64,iVBORw0KGgo=" alt=""></div>'),
        other("Connector", "c1", 2250, 2300,
              '<svg><g stroke="#000000" stroke-width="2.5"><path d="M0,0 L300,0"></path></g></svg>'),
        other("CommentThread", "ct1", 2000, 700, '<button aria-label="Comment hint: 1"></button>'),
        other("CommentThread", "ct2", 0, 0),
    ]
    comments = {"description": "Comments on Castlebrook diagnostic", "commentThreads": [
        {"id": "1", "comments": [{"author": {"name": "Sam Patel", "email": "sam.patel@castlebrook.example"},
                                  "body": "Check this with the IT lead", "displayDate": "24 June"}]}]}
    return export_zip("Castlebrook diagnostic - 24 June", page("Castlebrook diagnostic - 24 June", anchors), comments)


if __name__ == "__main__":
    with open(sys.argv[1], "wb") as f:
        f.write(castlebrook())
