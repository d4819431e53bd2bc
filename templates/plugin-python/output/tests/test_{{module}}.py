import os
import tempfile
import unittest

import sdiag_helper_path  # noqa: F401  (finds the sdiag helper)
import sdiag
import {{module}}


class Output(unittest.TestCase):
    def test_writes_the_summary_and_nothing_else(self):
        with tempfile.TemporaryDirectory() as out:
            request = {"api": sdiag.API, "kind": "output", "plugin": "{{name}}", "options": {"file": "s.txt"},
                       "diagnostic": {"schema": "sdiag/1", "notes": [{"id": "n1"}]}, "document": None,
                       "output_dir": out}
            files = sdiag.answer(request, output={{module}}.write)["files"]
            self.assertEqual(files, [os.path.join(out, "s.txt")])
            self.assertEqual(os.listdir(out), ["s.txt"])
            with open(files[0]) as f:
                self.assertIn("1 notes, 0 themes, 0 actions", f.read())


if __name__ == "__main__":
    unittest.main()
