import unittest

import sdiag_helper_path  # noqa: F401  (finds the sdiag helper)
import sdiag
import {{module}}


def request(actions=()):
    diagnostic = {"schema": "sdiag/1", "meta": {"organisation": "Northmoor"},
                  "people": [{"id": "p1", "present": True}], "notes": [{"id": "n1", "text": "x"}],
                  "themes": [{"id": "t1", "label": "Late reports", "note_ids": ["n1"]}],
                  "actions": [{"id": f"a{i}", "text": t, "owner": "Priya"} for i, t in enumerate(actions)]}
    return {"api": sdiag.API, "kind": "layout", "plugin": "{{name}}", "options": {"title": "Briefing"},
            "diagnostic": diagnostic}


class Layout(unittest.TestCase):
    def test_briefing_has_its_sections(self):
        doc = sdiag.answer(request(["Map the returns"]), layout={{module}}.layout)["document"]
        self.assertEqual([b["text"] for b in doc["blocks"] if b["type"] == "heading"], ["Who took part", "Themes", "Actions"])
        table = next(b for b in doc["blocks"] if b["type"] == "table")
        self.assertEqual(sdiag.text_of(table["rows"][0][1]), "Priya")
        self.assertEqual(doc["meta"]["title"], "Briefing")

    def test_no_actions_is_said(self):
        doc = sdiag.answer(request(), layout={{module}}.layout)["document"]
        self.assertIn("No actions were agreed.", [sdiag.text_of(b) for b in doc["blocks"]])


if __name__ == "__main__":
    unittest.main()
