"""Broken plugins are refused with one line each and never crash the host;
a failing analysis or output does not stop the rest and gives exit 1."""
import json
import os
import shutil

from sdiag_test import TEST_PLUGINS, expect, run, sample, tempdir

castlebrook = sample("castlebrook", "diagnostic.json")
cases = {
    "wrong-major": "built for SDK",
    "newer-minor": "built for SDK",
    "older-model": "diagnostic model is laid out differently",
    "throwing-ctor": "creating the plugin threw: cannot start: licence file missing",
    "name-mismatch": "declares the name 'something-else'",
    "missing-symbol": "undefined symbol",
}
for case, reason in cases.items():
    code, out, err = run("--plugins", os.path.join(TEST_PLUGINS, case), "plugins")
    expect(code == 0, f"{case}: sdiag plugins still works (exit {code})")
    lines = [l for l in err.splitlines() if "refused" in l]
    expect(len(lines) == 1 and reason in lines[0] and case + ".so" in lines[0], f"{case}: one-line refusal: {err}")
    expect("json" in out, f"{case}: the good plugins are still listed")

# a text file named .so
junk = tempdir()
open(os.path.join(junk, "junk.so"), "w").write("hello\n")
code, _, err = run("--plugins", junk, "plugins", check=0)
expect("junk.so: not a shared library" in err, f"text file named .so: {err}")

# Files on the plugin path that are no whole shared library: each is refused in one line naming it, and
# every command still works (a truncated copy used to die with SIGBUS, a FIFO to block for ever).
import subprocess
from sdiag_test import BUILD, SDIAG
odd = tempdir()
real = os.path.join(BUILD, "lib", "sdiag", "plugins", "markdown.so")
with open(real, "rb") as f:
    whole = f.read()
with open(os.path.join(odd, "cut.so"), "wb") as f:
    f.write(whole[:len(whole) // 2])
os.mkfifo(os.path.join(odd, "pipe.so"))
open(os.path.join(odd, "empty.so"), "w").close()
os.mkdir(os.path.join(odd, "folder.so"))
os.symlink("loop-b.so", os.path.join(odd, "loop-a.so"))
os.symlink("loop-a.so", os.path.join(odd, "loop-b.so"))
open(os.path.join(odd, "text.so"), "w").write("not a library\n")
odd_refusals = {"cut.so": "truncated shared library", "pipe.so": "not a shared library (a FIFO)",
                "empty.so": "the file is empty", "folder.so": "not a shared library (a folder)",
                "loop-a.so": "Too many levels of symbolic links", "text.so": "invalid ELF header"}
notes_csv = os.path.join(tempdir(), "notes.csv")
open(notes_csv, "w").write("section,text\nkey_issues/pain_points,Data is late\n")
commands = {"plugins": ["plugins"], "run": ["run", castlebrook, "--preset", "record", "-o", tempdir()],
            "cluster": ["cluster", notes_csv], "template": ["template", "-o", os.path.join(tempdir(), "t.csv")]}
for name, args in commands.items():
    try:
        p = subprocess.run([SDIAG, "--plugins", odd, *args], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        expect(False, f"sdiag {name} with odd files on the plugin path hung")
    expect(p.returncode == 0, f"sdiag {name} works with odd files on the plugin path (exit {p.returncode}): {p.stderr}")
    for file, reason in odd_refusals.items():
        lines = [l for l in p.stderr.splitlines() if "refused " + os.path.join(odd, file) + ":" in l]
        expect(len(lines) == 1 and reason in lines[0], f"sdiag {name}: {file} refused with '{reason}': {p.stderr}")

# duplicate names: the first folder wins, the second is refused and named
code, out, err = run("--plugins", os.path.join(TEST_PLUGINS, "dup-first"), "--plugins",
                     os.path.join(TEST_PLUGINS, "dup-second"), "plugins", check=0)
expect("dup-second/dup.so: duplicate name 'dup'" in err, f"duplicate refused: {err}")
line = next(l for l in out.splitlines() if l.startswith("dup "))
expect("first" in line and "--plugins" in line, "the first dup wins")
code, out, _ = run("--plugins", os.path.join(TEST_PLUGINS, "dup-first"), "--plugins",
                   os.path.join(TEST_PLUGINS, "dup-second"), "plugins", "dup", check=0)
expect("Shadows:" in out and "dup-second" in out, "plugins NAME says what it shadows")

# a throwing analysis and a failing output: the other outputs are still written, exit 1
plugins = tempdir()
for case in ["throwing-run", "failing-output"]:
    src = os.path.join(TEST_PLUGINS, case, case + ".so")
    shutil.copy(src, plugins)
pipe = os.path.join(tempdir(), "p.json")
open(pipe, "w").write('{"name": "p", "analyses": ["throwing-run"], "layout": "d2i-report",'
                      ' "outputs": ["failing-output", "json", "markdown"]}')
out_dir = tempdir()
code, _, err = run("--plugins", plugins, "run", castlebrook, "--pipeline", pipe, "-o", out_dir)
expect(code == 1, f"exit 1 when something failed, got {code}: {err}")
expect("analysis failed: ran out of patience [throwing-run]" in err, f"analysis failure reported: {err}")
expect("output failed: disk on fire [failing-output]" in err, f"output failure reported: {err}")
expect(sorted(os.listdir(out_dir)) == ["diagnostic.json", "report.md"], f"others written, no partial file: {os.listdir(out_dir)}")
d = json.load(open(os.path.join(out_dir, "diagnostic.json")))
# the same run without the failing analysis: the same notes, title and themes
plain = os.path.join(tempdir(), "plain.json")
open(plain, "w").write('{"name": "plain", "analyses": [], "outputs": ["json"]}')
plain_dir = tempdir()
run("run", castlebrook, "--pipeline", plain, "-o", plain_dir)
kept = json.load(open(os.path.join(plain_dir, "diagnostic.json")))
expect(len(d["notes"]) == 59 and d["notes"] == kept["notes"], "the failed analysis did not change the notes")
expect(d["meta"]["title"] == kept["meta"]["title"] and d["themes"] == kept["themes"],
       "nor the rest of the diagnostic")
expect(any(f["plugin"] == "throwing-run" and f["severity"] == "error" for f in d["findings"]),
       "the failure is a finding in diagnostic.json")
print("test_broken_plugins: all checks passed")
