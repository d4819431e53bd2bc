import unittest

import sdiag_helper_path  # noqa: F401  (finds the sdiag helper)
import sdiag
import {{module}}


def request(texts, min_words=3):
    return {"api": sdiag.API, "kind": "analysis", "plugin": "{{name}}", "options": {"min-words": min_words},
            "diagnostic": {"schema": "sdiag/1", "notes": [{"id": f"n{i}", "text": t} for i, t in enumerate(texts)]}}


class Analysis(unittest.TestCase):
    def test_short_notes_are_reported_and_kept(self):
        response = sdiag.answer(request(["Reports are late every month", "data?"]), analysis={{module}}.analyse)
        self.assertEqual([f["location"] for f in response["findings"]], ["n1"])
        self.assertEqual(len(response["diagnostic"]["notes"]), 2)

    def test_the_option_is_used(self):
        response = sdiag.answer(request(["two words"], min_words=2), analysis={{module}}.analyse)
        self.assertNotIn("findings", response)


if __name__ == "__main__":
    unittest.main()
