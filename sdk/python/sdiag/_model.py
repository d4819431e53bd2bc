"""The Diagnostic of diagnostic.json as dataclasses, with nothing lost.

Each record keeps the fields it does not know in ``extra`` and writes them back,
so a plugin that reads a diagnostic and answers it unchanged answers what it got.
"""

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional


class _Record:
    """from_dict/to_dict for a dataclass whose last field is ``extra``."""

    @classmethod
    def from_dict(cls, data: Dict[str, Any]):
        if not isinstance(data, dict):
            raise ValueError(f"a {cls.__name__.lower()} should be a JSON object, not {type(data).__name__}")
        names = [f.name for f in dataclasses.fields(cls) if f.name != "extra"]
        known = {k: data[k] for k in names if k in data and data[k] is not None}
        record = cls(**known)
        record.extra = {k: v for k, v in data.items() if k not in names}
        return record

    def to_dict(self) -> Dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if f.name != "extra"}
        for k, v in self.extra.items():
            out.setdefault(k, v)
        return out


@dataclass
class Note(_Record):
    """A sticky note, row or answer: what someone said in the room."""
    id: str = ""
    section: str = ""
    prompt: str = ""
    text: str = ""
    author: str = ""
    colour: str = ""
    tags: List[str] = field(default_factory=list)
    position: Optional[Dict[str, Any]] = None
    source: Dict[str, Any] = field(default_factory=dict)
    extra: Dict[str, Any] = field(default_factory=dict)


@dataclass
class Person(_Record):
    id: str = ""
    name: str = ""
    role: str = ""
    team: str = ""
    business_area: str = ""
    present: bool = True
    sections: List[str] = field(default_factory=list)
    short_forms: List[str] = field(default_factory=list)
    extra: Dict[str, Any] = field(default_factory=dict)


@dataclass
class Theme(_Record):
    id: str = ""
    label: str = ""
    keywords: List[str] = field(default_factory=list)
    note_ids: List[str] = field(default_factory=list)
    origin: str = ""
    confidence: float = 0.0
    example_note_id: str = ""
    extra: Dict[str, Any] = field(default_factory=dict)


@dataclass
class Goal(_Record):
    id: str = ""
    kind: str = ""
    text: str = ""
    theme_ids: List[str] = field(default_factory=list)
    note_id: str = ""
    extra: Dict[str, Any] = field(default_factory=dict)


@dataclass
class Action(_Record):
    id: str = ""
    text: str = ""
    owner: str = ""
    due: str = ""
    due_text: str = ""
    status: str = "not started"
    note_id: str = ""
    theme_ids: List[str] = field(default_factory=list)
    goal_ids: List[str] = field(default_factory=list)
    updates: List[Dict[str, Any]] = field(default_factory=list)
    source: Dict[str, Any] = field(default_factory=dict)
    extra: Dict[str, Any] = field(default_factory=dict)


_LISTS = {"people": Person, "notes": Note, "themes": Theme, "goals": Goal, "actions": Action}


@dataclass
class Diagnostic:
    """diagnostic.json ("schema": "sdiag/1"): notes, people, themes, goals and
    actions typed; meta, template, system_map, narrative and findings as dicts."""
    meta: Dict[str, Any] = field(default_factory=dict)
    template: Dict[str, Any] = field(default_factory=dict)
    people: List[Person] = field(default_factory=list)
    notes: List[Note] = field(default_factory=list)
    system_map: Dict[str, Any] = field(default_factory=lambda: {"nodes": [], "edges": []})
    themes: List[Theme] = field(default_factory=list)
    goals: List[Goal] = field(default_factory=list)
    actions: List[Action] = field(default_factory=list)
    narrative: Dict[str, str] = field(default_factory=dict)
    findings: List[Dict[str, Any]] = field(default_factory=list)
    extra: Dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Dict[str, Any]) -> "Diagnostic":
        if not isinstance(data, dict):
            raise ValueError("a diagnostic should be a JSON object")
        d = cls()
        for name, record in _LISTS.items():
            items = data.get(name) or []
            if not isinstance(items, list):
                raise ValueError(f"the diagnostic's '{name}' should be a list")
            setattr(d, name, [record.from_dict(x) for x in items])
        for name in ("meta", "template", "system_map", "narrative"):
            if isinstance(data.get(name), dict):
                setattr(d, name, data[name])
        d.findings = list(data.get("findings") or [])
        known = set(_LISTS) | {"meta", "template", "system_map", "narrative", "findings", "schema"}
        d.extra = {k: v for k, v in data.items() if k not in known}
        return d

    def to_dict(self) -> Dict[str, Any]:
        out: Dict[str, Any] = {"schema": "sdiag/1", "meta": self.meta, "template": self.template}
        out["people"] = [p.to_dict() for p in self.people]
        out["notes"] = [n.to_dict() for n in self.notes]
        out["system_map"] = self.system_map
        out["themes"] = [t.to_dict() for t in self.themes]
        out["goals"] = [g.to_dict() for g in self.goals]
        out["actions"] = [a.to_dict() for a in self.actions]
        out["narrative"] = self.narrative
        out["findings"] = self.findings
        for k, v in self.extra.items():
            out.setdefault(k, v)
        return out

    def note(self, note_id: str) -> Optional[Note]:
        return next((n for n in self.notes if n.id == note_id), None)

    def notes_in(self, section: str, prompt: Optional[str] = None) -> List[Note]:
        """The notes of a section (a template id such as "key_issues"), optionally of one prompt."""
        return [n for n in self.notes if n.section == section and (prompt is None or n.prompt == prompt)]

    def section_title(self, section: str) -> str:
        for s in self.template.get("sections", []):
            if s.get("id") == section:
                return s.get("title", section)
        return section
