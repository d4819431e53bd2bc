import os
import tempfile
import unittest

import sdiag_helper_path  # noqa: F401  (finds the sdiag helper)
import sdiag
import {{module}}


def request(path, sniff=False):
    return {"api": sdiag.API, "kind": "input", "plugin": "{{name}}", "options": {"section": "ideas"},
            "path": path, "sniff": sniff}


class Input(unittest.TestCase):
    def file(self, data):
        fd, path = tempfile.mkstemp(suffix=".lines")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        self.addCleanup(os.remove, path)
        return path

    def test_one_note_per_line_traceable_to_it(self):
        path = self.file("Reports are late\n\nNobody owns the data\n".encode())
        notes = sdiag.answer(request(path), input={{module}}.read)["diagnostic"]["notes"]
        self.assertEqual([(n["text"], n["source"]["ref"]) for n in notes],
                         [("Reports are late", "line 1"), ("Nobody owns the data", "line 3")])

    def test_sniff_and_an_empty_file(self):
        self.assertEqual(sdiag.answer(request(self.file(b"x\n"), sniff=True), sniff={{module}}.sniff), {"sniff": 80})
        with self.assertRaisesRegex(sdiag.PluginError, "no notes"):
            sdiag.answer(request(self.file(b"\n\n")), input={{module}}.read)


if __name__ == "__main__":
    unittest.main()
