"""Script plugins: folders written by hand to the protocol (plugin.json and a
Python file), listed, run in pipelines, and contained when they fail."""
import json
import os
import signal
import subprocess
import sys
import time

import docx  # python3-docx: the report read as Word reads it

from sdiag_test import SOURCE, expect, run, sample, tempdir

DIAGNOSTIC = sample("castlebrook", "diagnostic.json")
ROOT = tempdir()
PLUGINS = os.path.join(ROOT, "plugins")
ENV = {"SDIAG_PLUGIN_PATH": PLUGINS}
PYTHON = sys.executable  # Debian's python3, not a wrapper that adds to the environment


def plugin(name, kinds, code, **manifest):
    folder = os.path.join(PLUGINS, name)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "plugin.json"), "w") as f:
        json.dump({"name": name, "kinds": kinds, "version": "1.0.0", "summary": f"test plugin {name}",
                   "run": [PYTHON, "main.py"], **manifest}, f)
    with open(os.path.join(folder, "main.py"), "w") as f:
        f.write(code)


def pipeline(name, analyses=(), layout=None, outputs=("json", "markdown")):
    path = os.path.join(ROOT, name + ".json")
    with open(path, "w") as f:
        json.dump({"name": name, "inputs": "auto", "analyses": list(analyses), "layout": layout,
                   "outputs": list(outputs)}, f)
    return path


def sdiag_run(name, *extra, **steps):
    out = os.path.join(ROOT, "out-" + name)
    code, _, err = run("run", DIAGNOSTIC, "--pipeline", pipeline(name, **steps), "-o", out, *extra, env=ENV)
    return code, err, out


def findings_of(out, plugin_name):
    with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
        return [x for x in json.load(f)["findings"] if x["plugin"] == plugin_name]


# ---- plugins written by hand: no helper, only json and sys ------------------------------------------

plugin("shout", ["analysis"], """
import json, os, sys
request = json.load(sys.stdin)
open("ran", "w").close()
d = request["diagnostic"]
for note in d["notes"]:
    note["text"] += request["options"]["mark"]
print("marked", len(d["notes"]), "notes", file=sys.stderr)
json.dump({"diagnostic": d, "findings": [{"severity": "info", "message": "marked every note", "location": ""}]},
          sys.stdout)
""", options=[{"name": "mark", "type": "string", "default": "!", "help": "What to add"}])

plugin("banner", ["layout"], """
import json, sys
request = json.load(sys.stdin)
d = request["diagnostic"]
blocks = [{"type": "heading", "level": 1, "text": "Banner: " + d["meta"]["organisation"], "id": "banner"},
          {"type": "paragraph", "runs": [{"text": note["text"]} for note in d["notes"][:1]]},
          {"type": "table", "caption": "Notes", "widths": [], "header": [{"runs": [{"text": "Note"}]}],
           "rows": [[{"runs": [{"text": n["text"]}]}] for n in d["notes"][:3]]},
          {"type": "figure", "id": "f", "alt": "A square", "caption": "",
           "drawing": {"width": 100, "height": 100, "ops": [{"kind": "rect", "points": [[0, 0], [50, 50]],
                                                             "fill": "#ff0000"}]}}]
json.dump({"document": {"meta": {"title": "Banner report", "language": "en-GB"}, "blocks": blocks}}, sys.stdout)
""")

plugin("dump", ["output"], """
import json, os, sys
request = json.load(sys.stdin)
out = request["output_dir"]
with open(os.path.join(out, "document.json"), "w") as f:
    json.dump(request["document"], f)
with open(os.path.join(out, "seen.json"), "w") as f:
    json.dump({"env": dict(os.environ), "cwd": os.getcwd(), "keys": sorted(request),
               "options": request["options"]}, f)
json.dump({"files": ["document.json", os.path.join(out, "seen.json")]}, sys.stdout)
""")

# Listed, with its command and options, without being run.
code, out, err = run("plugins", env=ENV, check=0)
line = next((x for x in out.splitlines() if x.startswith("shout ")), "")
expect("analysis" in line and "SDIAG_PLUGIN_PATH" in line and f"[script: {PYTHON} main.py]" in line,
       f"`sdiag plugins` lists the script plugin as a script: {line!r}")
code, out, err = run("plugins", "shout", env=ENV, check=0)
expect(f"Script:       {PYTHON} main.py" in out and "mark" in out and "timeout" in out and "default: 60" in out,
       f"`sdiag plugins shout` shows its command and options:\n{out}")
expect(not os.path.exists(os.path.join(PLUGINS, "shout", "ran")), "listing a script plugin does not run it")

# Runs in a pipeline; --set reaches it; what it changes reaches diagnostic.json and the report.
code, err, out = sdiag_run("hand-written", "--set", "shout.mark= checked-by-shout", "-v",
                           analyses=["shout"], layout="banner", outputs=["json", "markdown", "docx", "dump"])
expect(code == 0, f"a pipeline of script plugins succeeds:\n{err}")
expect("shout: marked 59 notes" in err, f"the program's stderr is logged at -v:\n{err}")
with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
    diag = json.load(f)
expect(all(n["text"].endswith(" checked-by-shout") for n in diag["notes"]) and len(diag["notes"]) == 59,
       "every note carries the mark the analysis script added with the --set option")
expect({"severity": "info", "plugin": "shout", "source": "", "location": "", "message": "marked every note"}
       in diag["findings"], "a finding in the response reaches diagnostic.json with the plugin's name")
with open(os.path.join(out, "report.md"), encoding="utf-8") as f:
    md = f.read()
expect("Banner: Castlebrook Borough Council" in md and "checked-by-shout" in md, "the layout script's Document reaches report.md")
word = docx.Document(os.path.join(out, "report.docx"))
headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
expect("Banner: Castlebrook Borough Council" in headings, f"the layout's heading is a Word heading: {headings}")
expect(len(word.tables) == 1 and word.tables[0].rows[1].cells[0].text.endswith("checked-by-shout"),
       "the layout's table reaches report.docx")
with open(os.path.join(out, "seen.json"), encoding="utf-8") as f:
    seen = json.load(f)
expect(seen["cwd"] == os.path.join(PLUGINS, "dump"), f"the program runs in its folder: {seen['cwd']}")
expect(set(seen["env"]) <= {"PATH", "SDIAG_API", "SDIAG_DATA_DIR", "PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "LANG",
                            "SOURCE_DATE_EPOCH", "LC_CTYPE"}
       and seen["env"]["SDIAG_API"] == "1.5" and "SDIAG_PLUGIN_PATH" not in seen["env"],
       f"the program gets only its documented environment: {sorted(seen['env'])}")
expect(seen["env"]["PYTHONPATH"].endswith(os.path.join("share", "sdiag", "python")), "PYTHONPATH points at the helper")
expect(seen["keys"] == ["api", "diagnostic", "document", "kind", "options", "output_dir", "plugin"],
       f"an output's request: {seen['keys']}")
expect(seen["options"] == {"timeout": 60}, f"options arrive typed: {seen['options']}")
expect(sorted(os.listdir(out)) == ["diagnostic.json", "document.json", "report.docx", "report.md", "seen.json"],
       f"exactly the outputs asked for: {sorted(os.listdir(out))}")

# The D2I report's Document, as a script output gets it, for a Miro board (system map figure and all):
# run() checks document.json against document.schema.json.
out = os.path.join(ROOT, "out-d2i-document")
code, _, err = run("run", sample("miro", "castlebrook-board.json"), "--pipeline",
                   pipeline("d2i-document", analyses=["tidy", "people", "cluster", "actions"], layout="d2i-report",
                            outputs=["json", "dump"]), "-o", out, env=ENV)
expect(code == 0, f"the D2I report's Document goes to a script output:\n{err}")
with open(os.path.join(out, "document.json"), encoding="utf-8") as f:
    figures = [b for b in json.load(f)["blocks"] if b["type"] == "figure"]
expect(figures and figures[0]["alt"] and len(figures[0]["drawing"]["ops"]) > 10,
       f"the system map reaches the script whole: {[(x['alt'][:40], len(x['drawing']['ops'])) for x in figures]}")

# ---- failures are contained: one finding naming the plugin, exit 1, the other outputs written -------

plugin("exits", ["analysis"], "import sys\nsys.stdin.read()\nprint('KeyError: owner', file=sys.stderr)\nsys.exit(3)\n")
plugin("garbage", ["layout"], "import sys\nsys.stdin.read()\nprint('Hello from the layout')\n")
# Bytes that are not UTF-8, on stdout and stderr: the findings must still be written in diagnostic.json.
plugin("latin1", ["analysis"], "import sys\nsys.stdin.read()\nsys.stderr.buffer.write(b'caf\\xe9 \\xff failed\\n')\n"
                             "sys.stdout.buffer.write(b'\\xe9t\\xe9')\n")
plugin("latin1-exit", ["analysis"], "import sys\nsys.stdin.read()\nsys.stderr.buffer.write(b'caf\\xe9 failed')\nsys.exit(2)\n")
plugin("hangs", ["output"], """
import os, subprocess, sys, time
child = subprocess.Popen(["sleep", "300"])
open("pids.tmp", "w").write(f"{os.getpid()} {child.pid}")
os.replace("pids.tmp", "pids")
sys.stdin.read()
time.sleep(300)
""")
plugin("segfaults", ["analysis"], "import os, signal, sys\nsys.stdin.read()\nos.kill(os.getpid(), signal.SIGSEGV)\n")
plugin("missing", ["analysis"], "", run=["no-such-program-sdiag", "x"])
plugin("wrong-shape", ["analysis"], "import json, sys\nsys.stdin.read()\njson.dump({'document': {}}, sys.stdout)\n")
plugin("huge", ["analysis"], "import sys\nsys.stdin.read()\nsys.stdout.write(' ' * (65 << 20))\n")
plugin("bad-document", ["layout"], """
import json, sys
sys.stdin.read()
json.dump({"document": {"blocks": [{"type": "heading", "level": 7, "text": "x"}]}}, sys.stdout)
""")
plugin("bad-findings", ["analysis"], """
import json, sys
d = json.load(sys.stdin)["diagnostic"]
json.dump({"diagnostic": d, "findings": [{"severity": "fatal", "message": "x"}]}, sys.stdout)
""")
plugin("no-base", ["layout"], "", base_layout="no-such-layout")
plugin("loop-a", ["layout"], "", base_layout="loop-b")
plugin("loop-b", ["layout"], "", base_layout="loop-a")
plugin("lies", ["output"], "import json, sys\nsys.stdin.read()\njson.dump({'files': ['never-written.txt']}, sys.stdout)\n")
plugin("strays", ["output"], "import json, sys\nsys.stdin.read()\njson.dump({'files': ['../../etc/passwd']}, sys.stdout)\n")

cases = [
    ("exits", dict(analyses=["exits"]), 'exited with status 3 (its last error line: "KeyError: owner")'),
    ("garbage", dict(layout="garbage"), 'did not write a JSON response on stdout (it began "Hello from the layout'),
    ("segfaults", dict(analyses=["segfaults"]), "crashed (signal 11, SIGSEGV)"),
    ("latin1", dict(analyses=["latin1"]), 'did not write a JSON response on stdout (it began "été"'),
    ("latin1-exit", dict(analyses=["latin1-exit"]), 'exited with status 2 (its last error line: "café failed")'),
    ("missing", dict(analyses=["missing"]), "the program 'no-such-program-sdiag' is not installed"),
    ("wrong-shape", dict(analyses=["wrong-shape"]), 'has no "diagnostic"'),
    ("huge", dict(analyses=["huge"]), "wrote more than 64 MiB on stdout and was stopped"),
    ("bad-document", dict(layout="bad-document"), "'blocks[0].level' should be 1, 2 or 3"),
    ("bad-findings", dict(analyses=["bad-findings"]), 'has severity "fatal"; use info, warning or error'),
    ("no-base", dict(layout="no-base"), "its base layout 'no-such-layout' is not an installed layout plugin"),
    ("loop-a", dict(layout="loop-a"), "its base layout 'loop-b' builds on this layout in turn"),
    ("lies", dict(outputs=["json", "markdown", "lies"]), "never-written.txt, which it did not write"),
    ("strays", dict(outputs=["json", "markdown", "strays"]), "outside the output folder"),
]
for name, steps, message in cases:
    steps.setdefault("layout", "d2i-report")
    code, err, out = sdiag_run("fails-" + name, **steps)
    # An output's findings come after diagnostic.json is written (outputs run side by side): stderr only.
    found = findings_of(out, name) if "outputs" not in steps else [{"severity": "error", "message": err}]
    expect(code == 1, f"{name}: a failing script plugin makes the run exit 1, not {code}:\n{err}")
    expect(len(found) == 1 and found[0]["severity"] == "error" and message in found[0]["message"],
           f"{name}: one error finding naming the plugin and saying {message!r}: {found}\n{err}")
    expect(f"[{name}]" in err, f"{name}: the finding is on stderr with the plugin's name:\n{err}")
    expected = ["diagnostic.json", "report.md"] if steps["layout"] == "d2i-report" else ["diagnostic.json"]
    expect(sorted(os.listdir(out)) == expected, f"{name}: the other outputs are written, nothing partial: "
                                                f"{sorted(os.listdir(out))}")

started = time.monotonic()
code, err, out = sdiag_run("fails-hangs", "--set", "hangs.timeout=1", layout="d2i-report",
                           outputs=["json", "markdown", "hangs"])
elapsed = time.monotonic() - started
expect(code == 1 and "did not answer within 1 s and was stopped" in err and "--set hangs.timeout=" in err,
       f"a program past its limit is stopped with a finding that says how to give it longer:\n{err}")
expect(elapsed < 20, f"the run ends soon after the limit ({elapsed:.1f} s)")
expect(sorted(os.listdir(out)) == ["diagnostic.json", "report.md"], f"the other outputs are written: {os.listdir(out)}")


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def hangs_pids():
    with open(os.path.join(PLUGINS, "hangs", "pids")) as f:
        return [int(x) for x in f.read().split()]


def stopped(pids):
    time.sleep(0.2)
    left = [p for p in pids if alive(p)]
    for p in left:
        os.kill(p, signal.SIGKILL)
    return not left


expect(stopped(hangs_pids()), "the program and what it started are stopped (its process group)")

# Ctrl-C while a script runs: sdiag stops it too (its group does not get the terminal's signal).
os.remove(os.path.join(PLUGINS, "hangs", "pids"))
p = subprocess.Popen([os.environ["SDIAG"], "run", DIAGNOSTIC, "--pipeline", pipeline("interrupted", outputs=["hangs"]),
                      "-o", os.path.join(ROOT, "out-interrupted")], env={**os.environ, **ENV},
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(200):
    if os.path.exists(os.path.join(PLUGINS, "hangs", "pids")):
        break
    time.sleep(0.05)
p.send_signal(signal.SIGINT)
expect(p.wait(timeout=20) != 0, "an interrupted run does not exit 0")
expect(stopped(hangs_pids()), "Ctrl-C stops the running script and what it started")

# ---- plugin.json that cannot be used: refused with the reason, the others still load -----------------

def manifest(name, text):
    os.makedirs(os.path.join(PLUGINS, name), exist_ok=True)
    with open(os.path.join(PLUGINS, name, "plugin.json"), "w") as f:
        f.write(text)


manifest("broken-json", '{"name": "broken-json", "kinds": ["analysis"],')
manifest("misnamed", '{"name": "other-name", "kinds": ["analysis"], "run": ["python3", "x.py"]}')
manifest("no-run", '{"name": "no-run", "kinds": ["analysis"]}')
manifest("bad-kind", '{"name": "bad-kind", "kinds": ["filter"], "run": ["python3", "x.py"]}')
manifest("bad-option", '{"name": "bad-option", "kinds": ["analysis"], "run": ["python3", "x.py"], '
                       '"options": [{"name": "n", "type": "integer", "default": "many"}]}')
manifest("empty", "")
os.makedirs(os.path.join(PLUGINS, "not-utf8"), exist_ok=True)
with open(os.path.join(PLUGINS, "not-utf8", "plugin.json"), "wb") as f:
    f.write(b'{"name": "not-utf8", "kinds": ["analysis"], "run": ["python3", "x.py"], "summary": "caf\xe9"}')
manifest("markdown", '{"name": "markdown", "kinds": ["output"], "run": ["python3", "x.py"]}')
code, out, err = run("plugins", env=ENV, check=0)
for name, reason in [("broken-json", "not valid JSON"), ("misnamed", "the folder must be named other-name"),
                     ("no-run", 'needs "run"'), ("bad-kind", "kind 'filter' is not one of"),
                     ("bad-option", "options[0].default"), ("empty", "not valid JSON"),
                     ("not-utf8", "not valid JSON")]:
    expect(f"refused {os.path.join(PLUGINS, name, 'plugin.json')}: " in err and reason in err,
           f"{name}: refused with the reason {reason!r}:\n{err}")
expect("shout " in out and "json " in out, "the other plugins still load")
code, out, err = run("plugins", "markdown", env=ENV, check=0)
expect("Folder:       " + os.path.join(PLUGINS, "markdown") in out and "Shadows:" in out,
       f"a script plugin first on the path shadows the built-in of its name:\n{out}")
os.remove(os.path.join(PLUGINS, "markdown", "plugin.json"))

# ---- the samples -----------------------------------------------------------------------------------

SAMPLES = os.path.join(SOURCE, "samples", "plugins")
out = os.path.join(ROOT, "out-northmoor")
code, _, err = run("--plugins", SAMPLES, "run", DIAGNOSTIC, "--pipeline",
                   os.path.join(SAMPLES, "northmoor-style", "pipeline.json"), "-o", out, env=ENV)
expect(code == 0, f"the northmoor-style sample runs:\n{err}")
word = docx.Document(os.path.join(out, "report.docx"))
headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
expect(headings[:2] == ["At a glance", "Who took part"] and "Our data landscape" in headings
       and "Immediate actions" not in headings, f"the D2I report in Northmoor's words, 'At a glance' first: {headings}")
expect(word.core_properties.author == "Northmoor Council", "the council is the report's author")
expect(len(word.inline_shapes) >= 1, "the D2I report's system map figure survives the trip through Python")

notes = os.path.join(ROOT, "sensitive.csv")
with open(notes, "w") as f:
    f.write("section,text\nkey_issues,Reports are late every month\n"
            "key_issues,The referral for NHS 943 476 5919 was keyed twice\n"
            "key_issues,Jayden (aged 7) waited months for a review\n")
out = os.path.join(ROOT, "out-safeguarding")
with open(os.path.join(ROOT, "safeguarding.json"), "w") as f:
    json.dump({"name": "check", "inputs": "auto", "analyses": ["tidy", "safeguarding-check"], "layout": None,
               "outputs": ["json"]}, f)
code, _, err = run("--plugins", SAMPLES, "run", notes, "--pipeline", os.path.join(ROOT, "safeguarding.json"),
                   "-o", out, env=ENV)
found = findings_of(out, "safeguarding-check")
expect(code == 0 and len(found) == 2 and all(f["severity"] == "warning" for f in found),
       f"the safeguarding sample flags the two notes as warnings: {found}\n{err}")
messages = " ".join(f["message"] for f in found)
expect("an NHS number (ending 919)" in messages and "a child's name (J…)" in messages,
       f"each finding says what it found: {messages}")
expect(not any(x in messages for x in ["5919", "943 476", "Jayden"]),
       f"the findings never repeat what they flag: {found}")
print("ok")
