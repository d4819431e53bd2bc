"""A council's own report style, built outside sdiag against an installed
prefix (samples/plugins/castlebrook-style), runs in a pipeline: the report
uses the council's terms, opens with an executive summary computed from the
diagnostic, and `sdiag plugins` says which file wins when names clash."""
import json
import os
import shutil
import subprocess

import docx

from sdiag_test import BUILD, SOURCE, check_schemas, expect, sample, tempdir, toolchain

root = tempdir()
prefix = os.path.join(root, "prefix")
subprocess.run(["cmake", "--install", BUILD, "--prefix", prefix], check=True, capture_output=True)
sdiag = os.path.join(prefix, "bin", "sdiag")
env = {k: v for k, v in os.environ.items() if k not in ("SDIAG_DATA_DIR", "SDIAG_PLUGIN_PATH")}
generator = ["-G", "Ninja"] if shutil.which("ninja") else []
style_src = os.path.join(SOURCE, "samples", "plugins", "castlebrook-style")
pipeline = os.path.join(style_src, "pipeline.json")


def sh(*args, extra_env=None):
    p = subprocess.run(list(args), capture_output=True, text=True, env={**env, **(extra_env or {})}, timeout=600)
    return p.returncode, p.stdout, p.stderr


def must(*args, extra_env=None):
    code, out, err = sh(*args, extra_env=extra_env)
    expect(code == 0, f"{' '.join(args)} exited {code}\nstdout:\n{out}\nstderr:\n{err}")
    return out, err


def headings(markdown):
    return [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("#")]


# Build the sample out of tree against the installed SDK.
build = os.path.join(root, "b")
must("cmake", "-S", style_src, "-B", build, *generator, *toolchain(), f"-DCMAKE_PREFIX_PATH={prefix}")
must("cmake", "--build", build, "-j2")
expect(os.path.isfile(os.path.join(build, "castlebrook-style.so")), "castlebrook-style.so built")

# The Castlebrook workshop in the council's style.
out = os.path.join(root, "out")
must(sdiag, "--plugins", build, "run", sample("castlebrook", "diagnostic.json"), "--pipeline", pipeline, "-o", out)
check_schemas(out)
report = open(os.path.join(out, "report.md"), encoding="utf-8").read()
hs = headings(report)
for term in ["Who took part", "Our data landscape", "How our data fits together", "Our first steps", "Where we want to be"]:
    expect(term in hs, f"council term '{term}' is a heading: {hs}")
for d2i in ["Contributors", "System mapping", "System overview", "Immediate actions"]:
    expect(d2i not in hs, f"the D2I heading '{d2i}' was renamed: {hs}")
expect(hs[1] == "At a glance", f"the executive summary comes first after the title: {hs[:3]}")
summary = report.split("# At a glance", 1)[1].split("\n# ", 1)[0]
d = json.load(open(sample("castlebrook", "diagnostic.json")))
present = sum(p["present"] for p in d["people"])
expect(f"{present} colleagues took part; {len(d['people']) - present} others were invited" in summary,
       f"summary counts contributors from the diagnostic: {summary}")
expect(f"they wrote {len(d['notes'])} notes" in summary, f"summary counts the notes: {summary}")

# With themes and actions, the summary names the top three themes (most notes first) and counts owners.
ids = [n["id"] for n in d["notes"]]
d["themes"] = [
    {"id": "t1", "label": "Manual data entry", "keywords": [], "note_ids": ids[0:2], "origin": "manual"},
    {"id": "t2", "label": "Slow reporting", "keywords": [], "note_ids": ids[2:8], "origin": "manual"},
    {"id": "t3", "label": "Unclear data ownership", "keywords": [], "note_ids": ids[8:12], "origin": "manual"},
    {"id": "t4", "label": "Duplicate systems", "keywords": [], "note_ids": ids[12:15], "origin": "manual"},
]
d["actions"] = [
    {"id": "a1", "text": "Agree a data owner for each return", "owner": "Priya Shah"},
    {"id": "a2", "text": "Automate the SSDA903 checks", "owner": "Tom Bell"},
    {"id": "a3", "text": "Map every spreadsheet in use", "owner": ""},
]
enriched = os.path.join(root, "enriched.json")
json.dump(d, open(enriched, "w"))
out2 = os.path.join(root, "out2")
must(sdiag, "--plugins", build, "run", enriched, "--pipeline", pipeline, "-o", out2)
summary = open(os.path.join(out2, "report.md"), encoding="utf-8").read().split("# At a glance", 1)[1].split("\n# ", 1)[0]
expect("into 4 themes" in summary, f"theme count: {summary}")
top = [line for line in summary.splitlines() if line[:3] in ("1. ", "2. ", "3. ", "4. ")]
expect([t.split(". ", 1)[1] for t in top] == ["Slow reporting (6 notes)", "Unclear data ownership (4 notes)",
                                              "Duplicate systems (3 notes)"], f"top three themes, most notes first: {top}")
expect("3 actions; 2 of them have a named owner" in summary, f"actions with owners: {summary}")

# A wrong base report is a clear layout failure, not a crash or a silent report.
code, _, err = sh(sdiag, "--plugins", build, "run", sample("castlebrook", "diagnostic.json"), "--pipeline", pipeline,
                  "--set", f"castlebrook-style.base={os.path.join(root, 'nowhere.so')}", "-o", os.path.join(root, "out3"))
expect(code != 0 and "castlebrook-style" in err and "nowhere.so" in err, f"missing base report reported: {code} {err}")

# Where it came from, and which file wins when two folders hold the same name.
shadow = os.path.join(root, "shadow")
os.makedirs(shadow)
shutil.copy(os.path.join(build, "castlebrook-style.so"), shadow)
out_text, err = must(sdiag, "--plugins", build, "plugins", "castlebrook-style", extra_env={"SDIAG_PLUGIN_PATH": shadow})
expect("Origin:       --plugins" in out_text and os.path.join(build, "castlebrook-style.so") in out_text,
       f"the --plugins copy wins:\n{out_text}")
expect(f"Shadows:      {os.path.join(shadow, 'castlebrook-style.so')} (SDIAG_PLUGIN_PATH)" in out_text,
       f"and the shadowed file is named:\n{out_text}")
listing, _ = must(sdiag, "plugins", extra_env={"SDIAG_PLUGIN_PATH": shadow})
row = [line for line in listing.splitlines() if line.startswith("castlebrook-style")]
expect(row and "SDIAG_PLUGIN_PATH" in row[0], f"the list shows its origin: {row}")

# The reference DOCX carries the council's colours and logo.
ref = os.path.join(build, "castlebrook-reference.docx")
styles = docx.Document(ref).styles
expect(str(styles["Heading 1"].font.color.rgb) == "00594F", "Heading 1 in Castlebrook teal")
expect(any(p.partname.startswith("/word/media/") for p in docx.Document(ref).part.package.parts), "the logo is in it")

# With the docx output installed, the Word report takes the council's styles.
if os.path.isfile(os.path.join(prefix, "lib", "sdiag", "plugins", "docx.so")):
    out4 = os.path.join(root, "out4")
    must(sdiag, "--plugins", build, "run", sample("castlebrook", "diagnostic.json"),
         "--pipeline", os.path.join(style_src, "pipeline-docx.json"), "--set", f"docx.reference={ref}", "-o", out4)
    report = docx.Document(os.path.join(out4, "report.docx"))
    word_headings = [p.text for p in report.paragraphs if p.style.name.startswith("Heading")]
    expect("Our data landscape" in word_headings and "At a glance" in word_headings, f"Word headings: {word_headings}")
    expect(str(report.styles["Heading 1"].font.color.rgb) == "00594F", "the Word report uses the council's colours")
else:
    print("test_sdk_council_style: docx output not installed; Word report not checked")
print("test_sdk_council_style: all checks passed")
