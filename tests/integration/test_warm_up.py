"""A plugin's warm-up (sdiag::WarmUp) runs on another thread before the
plugin is called, never with -j 1, and a warm-up that throws changes nothing
but the debug log."""
import json
import os

from sdiag_test import TEST_PLUGINS, expect, run, sample, tempdir

castlebrook = sample("castlebrook", "diagnostic.json")
plugins = os.path.join(TEST_PLUGINS, "warm")
pipe = os.path.join(tempdir(), "p.json")
open(pipe, "w").write('{"name": "p", "analyses": [], "layout": "d2i-report", "outputs": ["warm-output", "json"]}')


def warm_run(*extra, env=None):
    out_dir = tempdir()
    code, _, err = run("--plugins", plugins, "-vv", "run", castlebrook, "--pipeline", pipe, "-o", out_dir, *extra, env=env)
    expect(code == 0, f"run {extra} exits 0: {err}")
    record = dict(line.split("=") for line in open(os.path.join(out_dir, "warm.txt")).read().split())
    return record, err, out_dir


record, err, out_dir = warm_run("-j", "2")
expect(record == {"warmed": "yes", "other-thread": "yes"}, f"warmed up on another thread before write: {record}")
expect("warm-output: warmed up (" in err, f"the warm-up is in the debug log: {err}")
expect("d2i-report: warmed up (" in err, f"the built-in layout warms up too: {err}")
expect(json.load(open(os.path.join(out_dir, "diagnostic.json")))["notes"], "the other outputs are written")

code, out, _ = run("--plugins", plugins, "plugins", "warm-output")
expect("Warms up:     yes" in out, f"'sdiag plugins NAME' says it warms up: {out}")
code, out, _ = run("plugins", "json")
expect("Warms up" not in out, f"a plugin without a warm-up does not say so: {out}")

record, err, _ = warm_run("-j", "1")
expect(record == {"warmed": "no", "other-thread": "no"}, f"-j 1 runs no warm-up: {record}")
expect("warmed up" not in err, f"nothing warmed up with -j 1: {err}")

record, err, _ = warm_run("-j", "2", env={"SDIAG_TEST_FAIL_WARM_UP": "1"})
expect(record["warmed"] == "no", f"the failed warm-up left the plugin cold: {record}")
expect("warm-output: warm-up failed, it will do the work when called: no fonts today" in err,
       f"the failure is only in the debug log: {err}")
print("test_warm_up: all checks passed")
