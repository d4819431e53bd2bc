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
expect(len(d["notes"]) == 59, "the failed analysis did not change the diagnostic")
expect(any(f["plugin"] == "throwing-run" and f["severity"] == "error" for f in d["findings"]),
       "the failure is a finding in diagnostic.json")
print("test_broken_plugins: all checks passed")
