"""Runs the layout function on a small request, as sdiag would send it."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import northmoor_style  # noqa: E402
import sdiag  # noqa: E402  (PYTHONPATH: sdiag's share/sdiag/python)


def request(themes=2, actions=1):
    diagnostic = {"schema": "sdiag/1", "people": [{"id": "p1", "present": True}, {"id": "p2", "present": False}],
                  "notes": [{"id": f"n{i}", "text": "x"} for i in range(5)],
                  "themes": [{"id": f"t{i}", "label": f"Theme {i}", "note_ids": ["n1"] * (i + 1)} for i in range(themes)],
                  "actions": [{"id": f"a{i}", "text": f"Do {i}", "owner": "Priya"} for i in range(actions)]}
    document = {"meta": {"title": "Report"}, "blocks": [
        {"type": "paragraph", "runs": [{"text": "Cover"}], "style": "Title"},
        {"type": "heading", "level": 1, "text": "Contributors", "id": "contributors"},
        {"type": "heading", "level": 1, "text": "System mapping", "id": "system-mapping"}]}
    return {"api": sdiag.API, "kind": "layout", "plugin": "northmoor-style",
            "options": {"top-themes": 3, "council": "Northmoor Council", "timeout": 60},
            "diagnostic": diagnostic, "document": document}


class NorthmoorStyle(unittest.TestCase):
    def test_at_a_glance_comes_before_the_first_chapter(self):
        doc = sdiag.answer(request(), layout=northmoor_style.layout)["document"]
        headings = [b["text"] for b in doc["blocks"] if b["type"] == "heading"]
        self.assertEqual(headings, ["At a glance", "Who took part", "Our data landscape"])
        self.assertEqual(doc["blocks"][0]["style"], "Title")
        self.assertEqual(doc["meta"]["author"], "Northmoor Council")

    def test_largest_theme_first_and_the_absent_counted(self):
        doc = sdiag.answer(request(themes=3), layout=northmoor_style.layout)["document"]
        text = "\n".join(sdiag.text_of(b) for b in doc["blocks"])
        self.assertIn("1 colleague took part; 1 other was invited but not there", text)
        self.assertTrue(text.index("Theme 2 (3 notes)") < text.index("Theme 0 (1 note)"))

    def test_headings_it_cannot_find_are_reported(self):
        response = sdiag.answer(request(), layout=northmoor_style.layout)
        self.assertTrue(any("immediate-actions" in f["message"] for f in response["findings"]))

    def test_without_the_base_document_it_says_what_to_fix(self):
        req = request()
        del req["document"]
        with self.assertRaisesRegex(sdiag.PluginError, "base_layout"):
            sdiag.answer(req, layout=northmoor_style.layout)


if __name__ == "__main__":
    unittest.main()
