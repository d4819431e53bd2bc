"""`sdiag new-plugin NAME --kind KIND --lang python` against an installed sdiag:
each kind's folder passes its own tests and runs in its example pipeline as
generated; the helper and the schemas are installed where the docs say."""
import json
import os
import subprocess
import sys

from sdiag_test import BUILD, check_schemas, expect, sample, tempdir

root = tempdir()
prefix = os.path.join(root, "prefix")
subprocess.run(["cmake", "--install", BUILD, "--prefix", prefix], check=True, capture_output=True)
sdiag = os.path.join(prefix, "bin", "sdiag")
for f in ["share/sdiag/python/sdiag/__init__.py", "share/sdiag/schema/diagnostic.schema.json",
          "share/sdiag/schema/document.schema.json", "share/sdiag/templates/plugin-python/layout/plugin.json"]:
    expect(os.path.isfile(os.path.join(prefix, f)), f"installed: {f}")
# A plugin author's machine: the installed sdiag on PATH, nothing from the source tree.
env = {k: v for k, v in os.environ.items() if k not in ("SDIAG_DATA_DIR", "SDIAG_PLUGIN_PATH", "PYTHONPATH")}
env["PATH"] = os.path.join(prefix, "bin") + os.pathsep + env.get("PATH", "")


def must(*args, cwd=None):
    p = subprocess.run(list(args), capture_output=True, text=True, env=env, cwd=cwd, timeout=120)
    expect(p.returncode == 0, f"{' '.join(args)} exited {p.returncode}\nstdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    return p.stdout, p.stderr


lines = os.path.join(root, "notes.lines")
with open(lines, "w") as f:
    f.write("Reports are late every month\nok\n")
csv = os.path.join(root, "notes.csv")
with open(csv, "w") as f:
    f.write("section,text\nkey_issues,Reports are late every month\nkey_issues,data?\n")
inputs = {"input": lines, "analysis": csv}
outputs = {"analysis": ["diagnostic.json"], "input": ["diagnostic.json"], "layout": ["report.md"],
           "output": ["diagnostic.json", "out-output.txt"]}
for kind in ["analysis", "input", "layout", "output"]:
    name = f"out-{kind}" if kind == "output" else f"my-{kind}"
    folder = os.path.join(root, name)
    out, _ = must(sdiag, "new-plugin", name, "--kind", kind, "--lang", "python", "-o", folder)
    module = name.replace("-", "_")
    for f in ["plugin.json", f"{module}.py", f"tests/test_{module}.py", "README.md", "pipeline.json"]:
        expect(os.path.isfile(os.path.join(folder, f)), f"{kind}: new-plugin wrote {f}")
    for dirpath, _, files in os.walk(folder):
        for f in files:
            with open(os.path.join(dirpath, f)) as fh:
                expect("{{" not in fh.read(), f"{kind}: no placeholder left in {f}")
    with open(os.path.join(folder, "README.md")) as fh:
        readme = fh.read()
    expect(f"sdiag --plugins . run" in readme and "pipeline.json" in readme, f"{kind}: README has the pipeline line")

    # Its own tests pass as generated, the helper found beside the sdiag on PATH.
    _, err = must(sys.executable, "-m", "unittest", "discover", "-s", "tests", cwd=folder)
    expect(" OK" in err or "\nOK" in err, f"{kind}: the generated tests pass:\n{err}")

    # Listed and run in its example pipeline.
    listing, _ = must(sdiag, "--plugins", folder, "plugins", name)
    expect("Script:" in listing and f"{module}.py" in listing, f"{kind}: listed as a script plugin:\n{listing}")
    result = os.path.join(root, "result-" + kind)
    given = inputs.get(kind, sample("castlebrook", "diagnostic.json"))
    must(sdiag, "--plugins", folder, "run", given, "--pipeline", os.path.join(folder, "pipeline.json"), "-o", result)
    expect(sorted(os.listdir(result)) == outputs[kind], f"{kind}: the pipeline writes {outputs[kind]}: "
                                                         f"{sorted(os.listdir(result))}")
    check_schemas(result)
    if kind == "analysis":
        with open(os.path.join(result, "diagnostic.json")) as fh:
            found = [f for f in json.load(fh)["findings"] if f["plugin"] == name]
        expect(found, "the analysis's findings reach diagnostic.json")
    if kind == "input":
        with open(os.path.join(result, "diagnostic.json")) as fh:
            notes = json.load(fh)["notes"]
        expect([n["text"] for n in notes] == ["Reports are late every month", "ok"], f"the input's notes: {notes}")
    if kind == "layout":
        with open(os.path.join(result, "report.md")) as fh:
            report = fh.read()
        expect("# Who took part" in report and "Diagnostic briefing" in report, f"the briefing reaches report.md:\n{report}")

p = subprocess.run([sdiag, "new-plugin", "x", "--kind", "layout", "--lang", "python", "-o", os.path.join(root, "y")],
                   capture_output=True, text=True, env=env)
expect(p.returncode == 2 and "folder is named after the plugin" in p.stderr, f"a misnamed folder is refused: {p.stderr}")
p = subprocess.run([sdiag, "new-plugin", "x", "--kind", "layout", "--lang", "perl"], capture_output=True, text=True, env=env)
expect(p.returncode != 0 and "perl" in p.stderr, "an unknown language is a usage error")
print("ok")
