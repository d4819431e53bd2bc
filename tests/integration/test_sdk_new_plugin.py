"""From `sdiag new-plugin` to a loaded plugin in three commands, against an
installed sdiag (a clean prefix, not the build tree): scaffold, build (with
the generated Harness test), run a pipeline with it. The other kinds'
scaffolds must build, pass their own tests and load as generated too."""
import json
import os
import shutil
import subprocess

from sdiag_test import BUILD, expect, sample, tempdir, toolchain

root = tempdir()
prefix = os.path.join(root, "prefix")
subprocess.run(["cmake", "--install", BUILD, "--prefix", prefix], check=True, capture_output=True)
sdiag = os.path.join(prefix, "bin", "sdiag")
# Only what a plugin author's machine has: the installed prefix, nothing from the source tree.
env = {k: v for k, v in os.environ.items() if k not in ("SDIAG_DATA_DIR", "SDIAG_PLUGIN_PATH")}
generator = ["-G", "Ninja"] if shutil.which("ninja") else []


def sh(*args, cwd=None):
    p = subprocess.run(list(args), capture_output=True, text=True, env=env, cwd=cwd, timeout=600)
    return p.returncode, p.stdout, p.stderr


def must(*args, cwd=None):
    code, out, err = sh(*args, cwd=cwd)
    expect(code == 0, f"{' '.join(args)} exited {code}\nstdout:\n{out}\nstderr:\n{err}")
    return out, err


# 1. scaffold
project = os.path.join(root, "my-check")
out, _ = must(sdiag, "new-plugin", "my-check", "--kind", "analysis", "-o", project)
for f in ["CMakeLists.txt", "my-check.cpp", "tests/my-check_test.cpp", "README.md", "pipeline.json"]:
    expect(os.path.isfile(os.path.join(project, f)), f"new-plugin wrote {f}")
expect(f"-DCMAKE_PREFIX_PATH={prefix}" in out, f"new-plugin prints how to build against its own prefix:\n{out}")
source = open(os.path.join(project, "my-check.cpp")).read()
expect('.name = "my-check"' in source and "class MyCheck" in source and "{{name}}" not in source and "{{class_name}}" not in source,
       "the name and class name are filled in, no placeholder left")
expect("example pipeline" in open(os.path.join(project, "README.md")).read().lower(), "README has an example pipeline")

# 2. configure and build against the installed prefix; the generated test uses the SDK's Harness
build = os.path.join(project, "build")
must("cmake", "-S", project, "-B", build, *generator, *toolchain(), f"-DCMAKE_PREFIX_PATH={prefix}")
must("cmake", "--build", build, "-j2")
expect(os.path.isfile(os.path.join(build, "my-check.so")), "the plugin is my-check.so")
out, _ = must("ctest", "--test-dir", build, "--output-on-failure")
expect("100% tests passed" in out, f"the generated test passes:\n{out}")

# 3. load it in a pipeline
out_dir = os.path.join(root, "out")
_, err = must(sdiag, "--plugins", build, "run", sample("castlebrook", "diagnostic.json"),
              "--pipeline", os.path.join(project, "pipeline.json"), "--set", "my-check.min-words=6", "-o", out_dir)
d = json.load(open(os.path.join(out_dir, "diagnostic.json")))
flagged = [n for n in d["notes"] if "too-short" in n["tags"]]
short = [n for n in d["notes"] if len(n["text"].split()) < 6]
mine = [f for f in d["findings"] if f["plugin"] == "my-check"]
expect(short and len(flagged) == len(short), f"my-check tagged every note under 6 words ({len(flagged)}/{len(short)})")
expect(len(mine) == len(short) and {f["location"] for f in mine} == {n["id"] for n in short},
       "one finding per short note, located by note id")
out, _ = must(sdiag, "--plugins", build, "plugins", "my-check")
expect("Origin:       --plugins" in out and os.path.join(build, "my-check.so") in out, f"plugins shows where it came from:\n{out}")

# Refusals: a bad name, an existing folder (left untouched), an unknown kind.
code, _, err = sh(sdiag, "new-plugin", "My_Check", "--kind", "analysis", "-o", os.path.join(root, "bad"))
expect(code == 2 and "lower-case" in err and not os.path.exists(os.path.join(root, "bad")), f"bad name refused: {err}")
before = open(os.path.join(project, "my-check.cpp")).read()
code, _, err = sh(sdiag, "new-plugin", "my-check", "--kind", "layout", "-o", project)
expect(code == 1 and "not empty" in err, f"an existing project is refused: {err}")
expect(open(os.path.join(project, "my-check.cpp")).read() == before, "and not overwritten")
code, _, err = sh(sdiag, "new-plugin", "x", "--kind", "filter", "-o", os.path.join(root, "x"))
expect(code != 0 and not os.path.exists(os.path.join(root, "x")), "an unknown kind is refused")

# The other kinds build, pass their own tests and load, as generated.
for kind in ["input", "layout", "output"]:
    name = f"council-{kind}"
    proj = os.path.join(root, name)
    must(sdiag, "new-plugin", name, "--kind", kind, "-o", proj)
    b = os.path.join(proj, "build")
    must("cmake", "-S", proj, "-B", b, *generator, *toolchain(), f"-DCMAKE_PREFIX_PATH={prefix}")
    must("cmake", "--build", b, "-j2")
    out, _ = must("ctest", "--test-dir", b, "--output-on-failure")
    expect("100% tests passed" in out, f"{name}'s generated test passes:\n{out}")
    out, _ = must(sdiag, "--plugins", b, "plugins", name)
    expect(f"Kinds:        {kind}" in out, f"{name} loads as a {kind} plugin:\n{out}")

# The input scaffold reads its own sample; the output one writes its CSV.
proj = os.path.join(root, "council-input")
out_dir = os.path.join(root, "out-input")
must(sdiag, "--plugins", os.path.join(proj, "build"), "run", os.path.join(proj, "tests", "data", "notes.txt"),
     "--pipeline", os.path.join(proj, "pipeline.json"), "-o", out_dir)
d = json.load(open(os.path.join(out_dir, "diagnostic.json")))
expect([n["section"] for n in d["notes"]] == ["key_issues", "ideas", "unsorted"], f"typed notes read: {d['notes']}")
out_dir = os.path.join(root, "out-output")
must(sdiag, "--plugins", os.path.join(root, "council-output", "build"), "run", sample("castlebrook", "diagnostic.json"),
     "--pipeline", os.path.join(root, "council-output", "pipeline.json"), "-o", out_dir)
csv = open(os.path.join(out_dir, "actions.csv"), encoding="utf-8-sig", newline="").read()
expect(csv.startswith("id,action,owner,due,status\r\n"), f"actions.csv has its header: {csv[:80]!r}")
print("test_sdk_new_plugin: all checks passed")
