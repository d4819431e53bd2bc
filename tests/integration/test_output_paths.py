"""An output writes only into the output folder: a pipeline or --set that names a path for an output's
file (absolute, climbing out with '..', with a separator, empty) is refused with exit 2 before anything
is read, and nothing is written anywhere."""
import json
import os

from sdiag_test import expect, run, sample, tempdir

castlebrook = sample("castlebrook", "diagnostic.json")
work = tempdir()
outside = os.path.join(work, "victim.md")
with open(outside, "w") as f:
    f.write("keep me\n")

bad_names = [outside, "../victim.md", "sub/report.md", "..", ".", "", "a\\b.md"]
for name in bad_names:
    out = os.path.join(work, "out")
    code, _, err = run("run", castlebrook, "-o", out, "--set", f"markdown.file={name}")
    expect(code == 2, f"--set markdown.file={name!r} exits 2: {code} {err}")
    expect("not a plain file name" in err and "-o" in err, f"the message says why and what to do: {err}")
    expect(not os.path.exists(out), f"nothing written for {name!r}")

    pipeline = os.path.join(work, "pipeline.json")
    with open(pipeline, "w") as f:
        json.dump({"name": "escape", "inputs": "auto", "analyses": [],
                   "outputs": [{"plugin": "markdown", "options": {"file": name}}]}, f)
    code, _, err = run("run", castlebrook, "-o", out, "--pipeline", pipeline)
    expect(code == 2 and "not a plain file name" in err, f"a pipeline naming {name!r} exits 2, saying why: {code} {err}")
    expect(not os.path.exists(out), f"nothing written for the pipeline naming {name!r}")

with open(outside) as f:
    expect(f.read() == "keep me\n", "the file outside the output folder is untouched")

# Two outputs of one run writing one name would write over each other: refused before anything is read, whether
# the name is given or each plugin's default.
for outputs in ([{"plugin": "markdown", "options": {"file": "same.txt"}}, {"plugin": "json", "options": {"file": "same.txt"}}],
                ["markdown", "markdown"]):
    out = os.path.join(work, "twice")
    pipeline = os.path.join(work, "twice.json")
    with open(pipeline, "w") as f:
        json.dump({"name": "twice", "inputs": "auto", "analyses": [], "layout": "d2i-report", "outputs": outputs}, f)
    code, _, err = run("run", castlebrook, "-o", out, "--pipeline", pipeline)
    expect(code == 2 and "would both write" in err and "own file name" in err,
           f"two outputs of one file name: exit 2, saying what to do ({code}): {err}")
    expect(not os.path.exists(out), f"nothing written for {outputs}")

# A plain name is written in the output folder.
out = os.path.join(work, "good")
code, _, err = run("run", castlebrook, "-o", out, "--set", "markdown.file=notes for the team.md")
expect(code == 0, f"a plain name with spaces is fine: {err}")
expect(os.path.isfile(os.path.join(out, "notes for the team.md")), "written where asked")
print("test_output_paths: all checks passed")
