"""The Python helper: requests in, responses out, blocks that sdiag can read."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.dirname(HERE)
sys.path.insert(0, PYTHON_DIR)
import sdiag  # noqa: E402

try:  # the schemas sit beside the helper, in the source tree and when installed
    import jsonschema
    SCHEMA_DIR = os.path.join(os.path.dirname(PYTHON_DIR), "schema")

    def _schema(name):
        with open(os.path.join(SCHEMA_DIR, name)) as f:
            return json.load(f)
    DOCUMENT_SCHEMA = _schema("document.schema.json")
    DIAGNOSTIC_SCHEMA = _schema("diagnostic.schema.json")
except ImportError:  # python3-jsonschema is a test package (scripts/install-deps.sh)
    jsonschema = None

DIAGNOSTIC = {
    "schema": "sdiag/1", "meta": {"title": "T", "organisation": "", "service": "", "date": "", "facilitator": "",
                                   "template": "x", "sources": []},
    "template": {"id": "x", "sections": []},
    "people": [{"id": "p1", "name": "Helen", "role": "DCS", "team": "", "business_area": "", "present": True,
                "sections": [], "short_forms": [], "pronouns": "she/her"}],
    "notes": [{"id": "n1", "section": "key_issues", "prompt": "pain_points", "text": "Reports are late",
               "author": "", "colour": "", "tags": [], "position": None,
               "source": {"file": "b.json", "plugin": "miro", "ref": "3458"},
               "votes": 4}],
    "system_map": {"nodes": [], "edges": []}, "themes": [], "goals": [], "actions": [],
    "narrative": {}, "findings": [], "council_ref": "NM-1"}


def request(kind, **fields):
    return {"api": sdiag.API, "kind": kind, "plugin": "t", "options": {"mark": "!"}, **fields}


class Model(unittest.TestCase):
    def test_unknown_fields_survive_a_round_trip(self):
        d = sdiag.Diagnostic.from_dict(json.loads(json.dumps(DIAGNOSTIC)))
        self.assertEqual(d.notes[0].text, "Reports are late")
        self.assertEqual(d.notes[0].extra, {"votes": 4})
        out = d.to_dict()
        self.assertEqual(out["notes"][0]["votes"], 4)
        self.assertEqual(out["people"][0]["pronouns"], "she/her")
        self.assertEqual(out["council_ref"], "NM-1")
        self.assertEqual(d.notes_in("key_issues", "pain_points")[0].id, "n1")

    def test_a_wrong_shape_is_an_error_that_says_which(self):
        with self.assertRaisesRegex(ValueError, "'notes' should be a list"):
            sdiag.Diagnostic.from_dict({"notes": {"n1": "x"}})

    @unittest.skipIf(jsonschema is None, "python3-jsonschema is not installed")
    def test_what_it_writes_is_a_valid_diagnostic(self):
        out = sdiag.Diagnostic.from_dict(DIAGNOSTIC).to_dict()
        jsonschema.validate(out, DIAGNOSTIC_SCHEMA, cls=jsonschema.Draft202012Validator)


class Blocks(unittest.TestCase):
    def document(self):
        doc = sdiag.Document(title="Our report", organisation="Northmoor")
        doc.blocks += [
            sdiag.contents(),
            sdiag.heading("At a glance", id="at-a-glance"),
            sdiag.paragraph("Read ", sdiag.run_of("this", bold=True), " first.", style="Quote"),
            sdiag.bullet_list(["one", ("one and a half", 1), [sdiag.run_of("two", italic=True)]]),
            sdiag.numbered_list(["first"]),
            sdiag.table(["Action", "Owner"], [["Map returns", "Priya"]], caption="Actions", widths=[2, 1]),
            sdiag.figure("A bar chart of notes per section", png=b"\x89PNG\r\n"),
            sdiag.page_break(landscape=True),
        ]
        return doc

    @unittest.skipIf(jsonschema is None, "python3-jsonschema is not installed")
    def test_every_block_is_valid_document_json(self):
        jsonschema.validate(self.document().to_dict(), DOCUMENT_SCHEMA, cls=jsonschema.Draft202012Validator)

    def test_figures_need_alt_text_and_rows_match_the_header(self):
        with self.assertRaisesRegex(ValueError, "alt text"):
            sdiag.figure("  ")
        with self.assertRaisesRegex(ValueError, "3 cells; the header has 2"):
            sdiag.table(["a", "b"], [["1", "2", "3"]])
        with self.assertRaises(ValueError):
            sdiag.heading("x", level=4)

    def test_headings_found_renamed_and_sections_inserted(self):
        doc = self.document()
        self.assertTrue(doc.rename("at-a-glance", "Summary"))
        self.assertFalse(doc.rename("nowhere", "x"))
        doc.insert_before("at-a-glance", [sdiag.paragraph("Before")])
        self.assertEqual(sdiag.text_of(doc.blocks[1]), "Before")
        with self.assertRaisesRegex(KeyError, "the document has: at-a-glance"):
            doc.index_of("missing")


class Answers(unittest.TestCase):
    def test_analysis_returns_the_diagnostic_and_its_findings(self):
        def analyse(req):
            for n in req.diagnostic.notes:
                n.text += req.options["mark"]
            req.finding("marked", severity="info", location="n1")
        response = sdiag.answer(request("analysis", diagnostic=DIAGNOSTIC), analysis=analyse)
        self.assertEqual(response["diagnostic"]["notes"][0]["text"], "Reports are late!")
        self.assertEqual(response["findings"], [{"severity": "info", "message": "marked", "location": "n1", "source": ""}])

    def test_layout_sniff_input_and_output(self):
        doc = sdiag.answer(request("layout", diagnostic=DIAGNOSTIC), layout=lambda r: sdiag.Document("X"))
        self.assertEqual(doc["document"]["meta"]["title"], "X")
        self.assertEqual(sdiag.answer(request("input", path="a.txt", sniff=True), sniff=lambda r: 140), {"sniff": 100})
        self.assertEqual(sdiag.answer(request("input", path="a.txt", sniff=True), input=lambda r: None), {"sniff": 50})
        got = sdiag.answer(request("input", path="a.txt"), input=lambda r: sdiag.Diagnostic(notes=[sdiag.Note(id="a")]))
        self.assertEqual(got["diagnostic"]["notes"][0]["id"], "a")
        with tempfile.TemporaryDirectory() as out:
            files = sdiag.answer(request("output", diagnostic=DIAGNOSTIC, document=None, output_dir=out),
                                 output=lambda r: [sdiag.write_file(r, "count.txt", "1 note\n")])["files"]
            with open(files[0]) as f:
                self.assertEqual(f.read(), "1 note\n")
            self.assertEqual(os.listdir(out), ["count.txt"])  # no temporary file left

    def test_refusals_say_why(self):
        with self.assertRaisesRegex(sdiag.PluginError, "speaks SDK 2.0"):
            sdiag.answer({**request("analysis"), "api": "2.0"}, analysis=lambda r: None)
        with self.assertRaisesRegex(sdiag.PluginError, "cannot answer a 'layout'"):
            sdiag.answer(request("layout"), analysis=lambda r: None)
        with self.assertRaisesRegex(sdiag.PluginError, "returned int"):
            sdiag.answer(request("layout"), layout=lambda r: 3)
        with tempfile.TemporaryDirectory() as out:
            with self.assertRaisesRegex(sdiag.PluginError, "not a file name inside"):
                sdiag.write_file(sdiag.Request(request("output", output_dir=out)), "../escape.txt", "x")
        with self.assertRaisesRegex(ValueError, "severity 'fatal'"):
            sdiag.Request(request("analysis")).finding("x", severity="fatal")


class Main(unittest.TestCase):
    PROGRAM = "import sdiag\nsdiag.run(analysis=lambda r: r.diagnostic)\n"

    def call(self, stdin):
        env = {**os.environ, "PYTHONPATH": PYTHON_DIR}
        return subprocess.run([sys.executable, "-c", self.PROGRAM], input=stdin, capture_output=True, env=env)

    def test_one_response_on_stdout_in_utf8(self):
        diag = {**DIAGNOSTIC, "notes": [{**DIAGNOSTIC["notes"][0], "text": "Café – naïve"}]}
        p = self.call(json.dumps(request("analysis", diagnostic=diag)).encode())
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(json.loads(p.stdout.decode("utf-8"))["diagnostic"]["notes"][0]["text"], "Café – naïve")

    def test_a_broken_request_exits_1_with_the_reason_last(self):
        for stdin in [b"", b"{not json", b"\xff\xfe", b"[1, 2]"]:
            p = self.call(stdin)
            self.assertEqual(p.returncode, 1, stdin)
            self.assertEqual(p.stdout, b"", stdin)
            self.assertTrue(p.stderr.decode().strip().splitlines()[-1].startswith("error:"), p.stderr)


if __name__ == "__main__":
    unittest.main()
