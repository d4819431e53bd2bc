"""A run killed midway (SIGINT, SIGTERM) leaves no partial or temporary file
and leaves the good outputs of an earlier run as they were: each output is
either byte-identical to before or a complete file of the new run (outputs
are written to a temporary file and renamed)."""
import json
import os
import signal
import subprocess
import time
import zipfile

from sdiag_test import SDIAG, expect, run, sample, tempdir

tmp = tempdir()
# Every output plugin, whatever the presets hold today.
PIPELINE = os.path.join(tmp, "all-outputs.json")
with open(PIPELINE, "w") as f:
    json.dump({"name": "all-outputs", "summary": "every writer", "template": "d2i-service-diagnostic",
               "inputs": "auto", "analyses": [], "layout": "d2i-report",
               "outputs": ["json", "markdown", "docx", "pdf", "xlsx"]}, f)
out = os.path.join(tmp, "out")
run("run", sample("castlebrook", "diagnostic.json"), "-o", out, "--pipeline", PIPELINE, check=0)
good = {}
for name in os.listdir(out):
    with open(os.path.join(out, name), "rb") as f:
        good[name] = f.read()
expect({"diagnostic.json", "report.docx", "action-plan.xlsx"} <= set(good), f"the first run wrote its outputs: {good.keys()}")

# A diagnostic big enough that writing the outputs takes a while.
with open(sample("castlebrook", "diagnostic.json")) as f:
    base = json.load(f)
notes, actions = [], []
copies = int(os.environ.get("SDIAG_INTERRUPT_COPIES", "50"))
for k in range(copies):
    for n in base["notes"]:
        notes.append(dict(n, id=f"{n['id']}-{k}", text=f"{n['text']} (copy {k})"))
    for a in base.get("actions", []):
        actions.append(dict(a, id=f"{a['id']}-{k}", note_id="", text=f"{a['text']} (copy {k})"))
base["notes"], base["actions"] = notes, actions
for t in base.get("themes", []):
    t["note_ids"] = []
big = os.path.join(tmp, "big-diagnostic.json")
with open(big, "w") as f:
    json.dump(base, f)
print(f"big input: {len(notes)} notes, {len(actions)} actions")


def complete(name, data):
    """A whole file of its kind (what a finished write leaves)."""
    if name.endswith(".json"):
        return json.loads(data)["schema"] == "sdiag/1"
    if name.endswith((".docx", ".xlsx")):
        with zipfile.ZipFile(os.path.join(out, name)) as z:
            return z.testzip() is None
    if name.endswith(".pdf"):
        return data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    return data.endswith(b"\n")


def check_folder(label):
    names = set(os.listdir(out))
    expect(not [n for n in names if ".sdiag-tmp-" in n], f"{label}: no temporary file left: {sorted(names)}")
    expect(names == set(good), f"{label}: the same files as before: {sorted(names)}")
    replaced = []
    for name in names:
        with open(os.path.join(out, name), "rb") as f:
            data = f.read()
        if data != good[name]:
            expect(complete(name, data), f"{label}: {name} changed but is not a complete file")
            replaced.append(name)
    return replaced


def restore():
    for name in os.listdir(out):
        os.remove(os.path.join(out, name))
    for name, data in good.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


def interrupt(sig, when):
    """Starts the big run over the good outputs, sends `sig` when `when()`
    says so, and checks the folder."""
    restore()
    p = subprocess.Popen([SDIAG, "run", big, "-o", out, "--pipeline", PIPELINE], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE)
    started = time.monotonic()
    while p.poll() is None and not when(started):
        time.sleep(0.002)
    # Outputs being written at the moment of the signal: ".NAME.sdiag-tmp-PID".
    being_written = {n[1:].split(".sdiag-tmp-")[0] for n in os.listdir(out) if ".sdiag-tmp-" in n}
    p.send_signal(sig)
    _, err = p.communicate(timeout=120)
    label = f"{sig.name} after {time.monotonic() - started:.2f} s"
    expect(p.returncode in (-sig, 0), f"{label}: ended by the signal, got {p.returncode}:\n{err.decode()}")
    expect(b"Sanitizer" not in err, f"{label}: no sanitizer report:\n{err.decode()}")
    replaced = check_folder(label)
    # An output seen mid-write may still be finished and renamed between that
    # look and the signal's arrival (the look and the kill are two steps, and
    # a loaded machine can run the writer in between): then it must be whole,
    # which check_folder has just checked, like every other replaced file.
    finished = sorted(being_written & set(replaced))
    print(f"{label}: exit {p.returncode}, writing {sorted(being_written) or 'nothing'}, replaced {sorted(replaced)}"
          + (f" ({finished} finished before the signal arrived)" if finished else ""))
    return bool(being_written) and p.returncode != 0


def writing(name):
    """True once the temporary file of output `name` exists."""
    return lambda _started: any(n.startswith("." + name + ".sdiag-tmp-") for n in os.listdir(out))


def after(seconds):
    return lambda started: time.monotonic() - started >= seconds


for sig in (signal.SIGINT, signal.SIGTERM):
    # Killed the moment an output's temporary file exists: mid-write for sure.
    # (The Markdown and DOCX writers finish between two looks.)
    slow_writers = ["diagnostic.json", "report.pdf", "action-plan.xlsx"]
    hits = sum(interrupt(sig, writing(name)) for name in slow_writers)
    expect(hits >= 1, f"{sig.name}: runs were killed while writing an output ({hits} of {len(slow_writers)})")
    for seconds in (0.2, 1.0, 3.0):
        interrupt(sig, after(seconds))

print("ok: no partial or temporary output after any interruption")
