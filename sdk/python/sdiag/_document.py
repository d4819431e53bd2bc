"""The Document: the report's blocks, as sdiag's writers render them.

Blocks are the plain dicts of the Document JSON (share/sdiag/schema/
document.schema.json); the functions here build them correctly, so a layout
never writes the JSON by hand::

    doc = sdiag.Document(title="Our diagnostic")
    doc.blocks += [sdiag.heading("At a glance", id="at-a-glance"),
                   sdiag.paragraph("Eight people took part, ", sdiag.run_of("two sent apologies", bold=True), "."),
                   sdiag.bullet_list(["Reports are late", "Nobody owns the data"]),
                   sdiag.table(["Action", "Owner"], [["Map the returns", "Priya"]], caption="Actions")]
"""

import base64
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

Block = Dict[str, Any]
Inline = Union[str, Dict[str, Any]]


def run_of(text: str, bold: bool = False, italic: bool = False, link: str = "") -> Dict[str, Any]:
    """A piece of text in one style; ``link`` is a URL or "#heading-id"."""
    r: Dict[str, Any] = {"text": str(text)}
    if bold:
        r["bold"] = True
    if italic:
        r["italic"] = True
    if link:
        r["link"] = link
    return r


def _para(parts: Sequence[Inline], style: str = "") -> Dict[str, Any]:
    runs = [run_of(p) if isinstance(p, str) else dict(p) for p in parts]
    p: Dict[str, Any] = {"runs": runs}
    if style:
        p["style"] = style
    return p


def _as_para(cell: Any) -> Dict[str, Any]:
    if isinstance(cell, dict) and "runs" in cell:
        return {k: v for k, v in cell.items() if k != "type"}
    if isinstance(cell, (list, tuple)):
        return _para(cell)
    return _para([str(cell)])


def heading(text: str, level: int = 1, id: str = "") -> Block:
    if level not in (1, 2, 3):
        raise ValueError("a heading's level is 1, 2 or 3")
    return {"type": "heading", "level": level, "text": text, "id": id}


def paragraph(*parts: Inline, style: str = "") -> Block:
    """Body text from strings and runs: paragraph("Read ", run_of("this", bold=True), ".")."""
    p = _para(parts, style)
    return {"type": "paragraph", **p}


def bullet_list(items: Iterable[Any], numbered: bool = False) -> Block:
    """Items are strings, lists of runs, paragraphs, or (item, level) pairs for nesting."""
    out = []
    for item in items:
        level = 0
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], int):
            item, level = item
        out.append({"level": level, "content": _as_para(item)})
    return {"type": "list", "numbered": numbered, "items": out}


def numbered_list(items: Iterable[Any]) -> Block:
    return bullet_list(items, numbered=True)


def table(header: Sequence[Any], rows: Iterable[Sequence[Any]], caption: str = "",
          widths: Optional[Sequence[float]] = None) -> Block:
    """A table whose first row is its header (repeated on each page)."""
    header_cells = [_as_para(c) for c in header]
    body = []
    for row in rows:
        cells = [_as_para(c) for c in row]
        if len(cells) != len(header_cells):
            raise ValueError(f"a row has {len(cells)} cells; the header has {len(header_cells)}")
        body.append(cells)
    return {"type": "table", "caption": caption, "widths": list(widths or []), "header": header_cells, "rows": body}


def figure(alt: str, png: bytes = b"", caption: str = "", id: str = "",
           drawing: Optional[Dict[str, Any]] = None) -> Block:
    """A picture, always with alt text: PNG bytes, or a drawing of the Document's ops."""
    if not alt or not alt.strip():
        raise ValueError("a figure needs alt text: say what it shows for people who cannot see it")
    f: Block = {"type": "figure", "id": id, "alt": alt, "caption": caption,
                "drawing": drawing or {"width": 0, "height": 0, "ops": []}}
    if png:
        f["png"] = base64.b64encode(png).decode("ascii")
    return f


def page_break(landscape: bool = False) -> Block:
    b: Block = {"type": "page_break"}
    if landscape:
        b["landscape"] = True
    return b


def contents(title: str = "Contents") -> Block:
    return {"type": "contents", "title": title}


def text_of(block: Block) -> str:
    """The plain text of a heading, paragraph or list."""
    if block.get("type") == "heading":
        return block.get("text", "")
    if "runs" in block:
        return "".join(r.get("text", "") for r in block["runs"])
    if block.get("type") == "list":
        return "\n".join(text_of(i.get("content", {})) for i in block.get("items", []))
    return ""


class Document:
    """meta (title, subtitle, author, organisation, date, language, keywords...) and blocks."""

    def __init__(self, title: str = "", blocks: Optional[List[Block]] = None, **meta: Any):
        self.meta: Dict[str, Any] = {"title": title, "subtitle": "", "author": "", "subject": "",
                                     "organisation": "", "date": "", "language": "en-GB", "keywords": []}
        self.meta.update(meta)
        self.blocks: List[Block] = list(blocks or [])

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Document":
        if not isinstance(data, dict):
            raise ValueError("a document should be a JSON object")
        doc = cls()
        doc.meta.update(data.get("meta") or {})
        doc.blocks = list(data.get("blocks") or [])
        return doc

    def to_dict(self) -> Dict[str, Any]:
        return {"meta": self.meta, "blocks": self.blocks}

    def headings(self) -> List[Block]:
        return [b for b in self.blocks if b.get("type") == "heading"]

    def index_of(self, heading_id: str) -> int:
        """Where the heading with this id is. Raises KeyError, naming the ids there are."""
        for i, b in enumerate(self.blocks):
            if b.get("type") == "heading" and b.get("id") == heading_id:
                return i
        ids = ", ".join(h.get("id", "") for h in self.headings())
        raise KeyError(f"no heading with id '{heading_id}' (the document has: {ids})")

    def rename(self, heading_id: str, text: str) -> bool:
        """Gives a heading new words; False when the document has no such heading."""
        for b in self.blocks:
            if b.get("type") == "heading" and b.get("id") == heading_id:
                b["text"] = text
                return True
        return False

    def insert_before(self, heading_id: str, blocks: Iterable[Block]) -> None:
        i = self.index_of(heading_id)
        self.blocks[i:i] = list(blocks)

    def insert_after_title(self, blocks: Iterable[Block]) -> None:
        """Before the first heading of level 1 (after the cover and contents), or at the end."""
        first = next((i for i, b in enumerate(self.blocks) if b.get("type") == "heading" and b.get("level") == 1),
                     len(self.blocks))
        self.blocks[first:first] = list(blocks)
