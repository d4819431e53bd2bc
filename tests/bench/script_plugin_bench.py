#!/usr/bin/env python3
"""What a script plugin costs a workshop run (a benchmark, not a test).

Runs `sdiag run` on the Castlebrook sample workshop (59 notes) with a pipeline
that writes diagnostic.json, without and with a trivial Python analysis that
returns the diagnostic unchanged, and times the same program run directly on the
same request (its own work: starting Python, parsing and writing the JSON).
The cost sdiag adds is (with - without) - own work. Median of N runs each.

    python3 tests/bench/script_plugin_bench.py [BUILD_DIR] [N]
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(os.path.dirname(HERE))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(SOURCE, "build")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 15
SDIAG = os.path.join(BUILD, "bin", "sdiag")
DIAGNOSTIC = os.path.join(SOURCE, "samples", "castlebrook", "diagnostic.json")
PROGRAM = "import sdiag\nsdiag.run(analysis=lambda request: request.diagnostic)\n"

root = tempfile.mkdtemp(prefix="sdiag-bench-")
folder = os.path.join(root, "plugins", "same")
os.makedirs(folder)
with open(os.path.join(folder, "plugin.json"), "w") as f:
    json.dump({"name": "same", "kinds": ["analysis"], "run": [sys.executable, "same.py"]}, f)
with open(os.path.join(folder, "same.py"), "w") as f:
    f.write(PROGRAM)


def pipeline(name, analyses):
    path = os.path.join(root, name + ".json")
    with open(path, "w") as f:
        json.dump({"name": name, "inputs": "auto", "analyses": analyses, "layout": None, "outputs": ["json"]}, f)
    return path


def median_ms(cmd, **kw):
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


env = {**os.environ, "SDIAG_PLUGIN_PATH": os.path.join(root, "plugins")}
without = median_ms([SDIAG, "run", DIAGNOSTIC, "--pipeline", pipeline("without", []), "-o", os.path.join(root, "a")],
                    env=env)
with_script = median_ms([SDIAG, "run", DIAGNOSTIC, "--pipeline", pipeline("with", ["same"]), "-o",
                         os.path.join(root, "b")], env=env)
with open(DIAGNOSTIC, encoding="utf-8") as f:
    request = json.dumps({"api": "1.5", "kind": "analysis", "plugin": "same", "options": {"timeout": 60},
                          "diagnostic": json.load(f)}).encode()
own = []
for _ in range(RUNS):
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "same.py"], input=request, cwd=folder, check=True, stdout=subprocess.DEVNULL,
                   env={"PYTHONPATH": os.path.join(SOURCE, "sdk", "python"), "PYTHONDONTWRITEBYTECODE": "1"})
    own.append((time.perf_counter() - t0) * 1000)
own_ms = statistics.median(own)
print(f"sdiag run, 59 notes -> diagnostic.json:           {without:7.1f} ms (median of {RUNS})")
print(f"  with a trivial Python analysis:                 {with_script:7.1f} ms")
print(f"  the script run directly on the same request:    {own_ms:7.1f} ms (its own work)")
print(f"  what sdiag adds per script call:                {with_script - without - own_ms:7.1f} ms")
