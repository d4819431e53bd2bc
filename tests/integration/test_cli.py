"""The sdiag command as a user meets it: run, plugins, presets, errors, exit codes."""
import json
import os

from sdiag_test import BUILD, TEST_PLUGINS, expect, run, sample, tempdir

castlebrook = sample("castlebrook", "diagnostic.json")

# --version and --help
code, out, _ = run("--version", check=0)
expect(out.startswith("sdiag "), "--version prints the version")
code, out, _ = run("run", "--help", check=0)
expect("--preset" in out and "--set" in out, "run --help lists its options")

# plugins: lists the built-in ones with kinds, and inspects one
code, out, err = run("plugins", check=0)
for name, kinds in [("json", "input,output"), ("d2i-report", "layout"), ("markdown", "output")]:
    line = next((l for l in out.splitlines() if l.startswith(name + " ")), "")
    expect(kinds in line and "built-in" in line, f"plugins lists {name} as {kinds}: {out}")
code, out, _ = run("plugins", "d2i-report", check=0)
expect("Kinds:        layout" in out and "theme-examples" in out, "plugins NAME shows options")
expect(run("plugins", "--exists", "json")[0] == 0, "--exists json")
expect(run("plugins", "--exists", "nope")[0] == 1, "--exists nope")
code, _, err = run("plugins", "nope", check=1)
expect("no plugin named 'nope'" in err, "unknown plugin is named")

# presets
code, out, _ = run("presets", check=0)
expect("full-report" in out, "presets lists full-report")

# the default pipeline on the sample
out_dir = tempdir()
code, out, err = run("run", castlebrook, "-o", out_dir, check=0)
expect(out == "", "nothing but requested output on stdout")
d = json.load(open(os.path.join(out_dir, "diagnostic.json")))
expect(d["schema"] == "sdiag/1" and len(d["notes"]) == 59, "diagnostic.json has every note")
expect(d["meta"]["sources"][-1]["plugin"] == "json" and len(d["meta"]["sources"][-1]["sha256"]) == 64,
       "the source is recorded with its sha256")
report = open(os.path.join(out_dir, "report.md")).read()
for heading in ["# Contributors", "# What the DCS sees now", "# System mapping", "## System overview",
                "## What currently works well?", "## Where are the key issues?", "# Immediate actions",
                "# Appendix: every note by section"]:
    expect(heading in report, f"report.md has '{heading}'")

# outputs are written side by side; one at a time (--jobs 1) gives the same bytes
one_at_a_time = tempdir()
code, _, err_one = run("run", castlebrook, "-o", one_at_a_time, "--jobs", "1", "-v", env={"SOURCE_DATE_EPOCH": "1767225600"})
side_by_side = tempdir()
code2, _, err_many = run("run", castlebrook, "-o", side_by_side, "--jobs", "5", "-v", env={"SOURCE_DATE_EPOCH": "1767225600"})
expect(code == code2 == 0, f"both runs succeed: {err_one} {err_many}")
names = sorted(os.listdir(one_at_a_time))
expect(names == sorted(os.listdir(side_by_side)) and len(names) == 5, f"the same five files: {names}")
for name in names:
    a = open(os.path.join(one_at_a_time, name), "rb").read()
    b = open(os.path.join(side_by_side, name), "rb").read()
    expect(a == b, f"{name} is the same written alone or side by side")
expect(err_one.splitlines()[-1].replace(one_at_a_time, "DIR") == err_many.splitlines()[-1].replace(side_by_side, "DIR"),
       f"the closing summary names the files in pipeline order: {err_many.splitlines()[-1]}")
code, _, err = run("run", castlebrook, "-o", tempdir(), "--jobs", "x")
expect(code == 2, f"--jobs needs a number: {err}")

# --meta gives the workshop's details where the files lack them; global flags may follow the command
meta_out = tempdir()
run("run", castlebrook, "-o", meta_out, "--meta", "date=2026-03-01", "--meta", "organisation=Elsewhere Council",
    "--preset", "record", "-q", check=0)
meta = json.load(open(os.path.join(meta_out, "diagnostic.json")))["meta"]
expect(meta["date"] == "2026-03-01" and meta["organisation"] == "Elsewhere Council", f"--meta applied: {meta}")
expect(meta["facilitator"] == "Jo Adams, Data to Insight", "fields not given keep the file's value")
code, _, err = run("run", castlebrook, "-o", meta_out, "--meta", "date=1/3/2026")
expect(code == 2 and "YYYY-MM-DD" in err, f"--meta date must be ISO: {err}")
code, _, err = run("run", castlebrook, "-o", meta_out, "--meta", "colour=blue")
expect(code == 2 and "title, organisation, service, date, facilitator" in err, f"--meta unknown key: {err}")

# usage errors exit 2 with a message that says what to do
code, _, err = run("run", castlebrook, "-o", out_dir, "--preset", "nope")
expect(code == 2 and "no preset 'nope'; presets:" in err and "full-report" in err, f"unknown preset: {err}")
code, _, err = run("run", castlebrook, "-o", out_dir, "--set", "d2i-report.colour=red")
expect(code == 2 and "valid options: appendix, theme-examples" in err, f"unknown option: {err}")
code, _, err = run("run", castlebrook, "-o", out_dir, "--set", "d2i-report.appendix=maybe")
expect(code == 2 and "true or false" in err, f"bad option value: {err}")
code, _, err = run("run", castlebrook, "-o", out_dir, "--set", "nonsense")
expect(code == 2 and "plugin.option=value" in err, f"bad --set: {err}")
code, _, err = run("run", "-o", out_dir)
expect(code == 2 and "no input files" in err, f"no inputs: {err}")
code, _, err = run("frobnicate")
expect(code == 2, "unknown command exits 2")

# an input nobody can read: exit 1, and no report pretending all is well
bad = os.path.join(tempdir(), "notes.bin")
open(bad, "wb").write(b"\x00\x01\x02 not anything")
empty_out = tempdir()
code, _, err = run("run", bad, "-o", empty_out)
expect(code == 1 and "no input plugin recognises this file" in err, f"unreadable input: {err}")
expect(os.listdir(empty_out) == [], "nothing written when nothing was read")

# broken JSON: file and line in the message, exit 1
broken = os.path.join(tempdir(), "diagnostic.json")
open(broken, "w").write('{"schema": "sdiag/1",\n"notes": [\n{"id": }\n]}')
code, _, err = run("run", broken, "-o", tempdir())
expect(code == 1 and broken + ":line 3:" in err.replace(": line", ":line").replace(":line", ":line"), f"broken JSON: {err}")

# a pipeline file with a plugin from --plugins and a --set option
pipe = os.path.join(tempdir(), "shout.json")
open(pipe, "w").write('// comments are allowed\n{"name": "shout", "inputs": "auto", "analyses": ["shout"],'
                      ' "outputs": [{"plugin": "json", "options": {"file": "loud.json"}}]}')
out_dir = tempdir()
run("--plugins", os.path.join(TEST_PLUGINS, "good"), "run", castlebrook, "--pipeline", pipe,
    "--set", "shout.mark=!!", "-o", out_dir, check=0)
loud = json.load(open(os.path.join(out_dir, "loud.json")))
expect(all(n["text"].endswith("!!") for n in loud["notes"]), "the plugin's option reached it")
# the same through SDIAG_PLUGIN_PATH
run("run", castlebrook, "--pipeline", pipe, "-o", out_dir,
    env={"SDIAG_PLUGIN_PATH": os.path.join(TEST_PLUGINS, "good")}, check=0)
# without the plugin, the pipeline says what is missing
code, _, err = run("run", castlebrook, "--pipeline", pipe, "-o", out_dir)
expect(code == 2 and "needs the plugin 'shout', which is not installed" in err, f"missing plugin: {err}")
print("test_cli: all checks passed")
