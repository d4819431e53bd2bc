"""The outputs of one run form a set, and sets do not mix:
- a second run into a folder another run is writing waits for it (a lock
  on the folder), saying so, and then writes its whole set;
- when an output fails, the earlier file of that output (from another run)
  leaves the set: it is moved to .sdiag-earlier/, never deleted;
- every set carries a run id, in diagnostic.json (meta.run_id) and in the
  action plan (the custom document property "sdiag run id"), derived from
  the inputs and settings: the same under the same SOURCE_DATE_EPOCH;
- sdiag track says when the plan and the diagnostic come from different
  runs, and notes a plan that carries no id (written before ids, or saved
  by a program that drops custom properties)."""
import fcntl
import json
import os
import re
import subprocess
import time
import zipfile

from sdiag_test import SDIAG, TEST_PLUGINS, expect, run, tempdir

SOURCE = os.environ["SDIAG_TEST_SOURCE_DIR"]
FIXTURES = os.path.join(SOURCE, "plugins", "xlsx", "tests", "fixtures")
DIAGNOSTIC = os.path.join(FIXTURES, "plan-diagnostic.json")
PIPELINE = os.path.join(tempdir(), "plan-md.json")
with open(PIPELINE, "w") as f:
    json.dump({"name": "plan-md", "template": "d2i-service-diagnostic", "inputs": "auto", "analyses": [],
               "layout": "d2i-report", "outputs": ["json", "xlsx", "markdown", "docx"]}, f)
tmp = tempdir()


def run_id_of_json(folder):
    with open(os.path.join(folder, "diagnostic.json"), encoding="utf-8") as f:
        return json.load(f)["meta"].get("run_id")


def run_id_of_plan(path):
    with zipfile.ZipFile(path) as z:
        if "docProps/custom.xml" not in z.namelist():
            return None
        m = re.search(r'name="sdiag run id"[^>]*>\s*<vt:lpwstr>([^<]*)<', z.read("docProps/custom.xml").decode())
        return m.group(1) if m else None


# ---- the run id: in both outputs, equal, reproducible, and different for another run
a = os.path.join(tmp, "a")
run("run", DIAGNOSTIC, "--pipeline", PIPELINE, "-o", a, check=0)
rid = run_id_of_json(a)
expect(rid and re.fullmatch(r"[0-9a-f]{16}", rid), f"diagnostic.json has a run id: {rid}")
expect(run_id_of_plan(os.path.join(a, "action-plan.xlsx")) == rid, "the plan carries the same run id")
a2 = os.path.join(tmp, "a2")
run("run", DIAGNOSTIC, "--pipeline", PIPELINE, "-o", a2, check=0)
with open(os.path.join(a, "diagnostic.json"), "rb") as f1, open(os.path.join(a2, "diagnostic.json"), "rb") as f2:
    expect(f1.read() == f2.read(), "the same inputs and SOURCE_DATE_EPOCH: the same id, byte-identical outputs")
b = os.path.join(tmp, "b")
run("run", DIAGNOSTIC, "--pipeline", PIPELINE, "-o", b, "--meta", "title=Another workshop", check=0)
expect(run_id_of_json(b) not in (None, rid), "another run has another id")
c = os.path.join(tmp, "c")
run("run", DIAGNOSTIC, "--pipeline", PIPELINE, "-o", c, env={"SOURCE_DATE_EPOCH": "1767312000"}, check=0)
expect(run_id_of_json(c) not in (None, rid), "another date, another id")

# ---- track: plan and diagnostic of different runs are said to be so
out = os.path.join(tmp, "track-mixed")
rc, _, err = run("track", os.path.join(a, "action-plan.xlsx"), "--diagnostic", os.path.join(b, "diagnostic.json"),
                 "-o", out)
expect(rc == 0, f"a mismatched pair is still read (exit {rc}): {err}")
expect("not written with this diagnostic" in err and rid in err, f"a warning says they do not belong together: {err}")
out = os.path.join(tmp, "track-same")
rc, _, err = run("track", os.path.join(a, "action-plan.xlsx"), "--diagnostic", os.path.join(a, "diagnostic.json"),
                 "-o", out, check=0)
expect("not written with this diagnostic" not in err, f"no warning for a plan and its own diagnostic: {err}")
new_id = run_id_of_json(out)
expect(new_id not in (None, rid) and run_id_of_plan(os.path.join(out, "action-plan.xlsx")) == new_id,
       "track's outputs carry its own run id, in both")
import openpyxl  # noqa: E402  (openpyxl 3.0 drops custom document properties when it saves)
old = os.path.join(tmp, "no-id.xlsx")
openpyxl.load_workbook(os.path.join(a, "action-plan.xlsx")).save(old)
expect(run_id_of_plan(old) is None, "the re-saved plan has no run id")
out = os.path.join(tmp, "track-old")
rc, _, err = run("track", old, "--diagnostic", os.path.join(a, "diagnostic.json"), "-o", out, check=0)
with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
    notes = [x["message"] for x in json.load(f)["findings"] if "carries no run id" in x["message"]]
expect(len(notes) == 1, f"a plan without an id is read, with a note: {notes}")

# ---- a run into a folder another run holds waits for it, then writes its whole set
busy = os.path.join(tmp, "busy")
os.makedirs(busy)
holder = os.open(busy, os.O_RDONLY)
fcntl.flock(holder, fcntl.LOCK_EX)
p = subprocess.Popen([SDIAG, "run", DIAGNOSTIC, "--pipeline", PIPELINE, "-o", busy], stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE, text=True)
time.sleep(1.5)
expect(p.poll() is None, "the second run waits while the folder is held")
expect(not [n for n in os.listdir(busy) if not n.startswith(".")], f"and writes nothing meanwhile: {os.listdir(busy)}")
fcntl.flock(holder, fcntl.LOCK_UN)
os.close(holder)
_, err = p.communicate(timeout=120)
expect(p.returncode == 0, f"then it runs (exit {p.returncode}): {err}")
expect("waiting" in err and busy in err, f"it said it was waiting: {err}")
expect({"diagnostic.json", "action-plan.xlsx", "report.md", "report.docx"} <= set(os.listdir(busy)), "the whole set")

# ---- runs at the same time into one folder: the folder ends with one run's whole set
together = os.path.join(tmp, "together")
procs = [subprocess.Popen([SDIAG, "run", DIAGNOSTIC, "--pipeline", PIPELINE, "-o", together, "--meta", f"title=Run {k}"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for k in range(4)]
expect(all(p.wait(timeout=120) == 0 for p in procs), "every run at the same time succeeds")
with open(os.path.join(together, "report.md"), encoding="utf-8") as f:
    md_title = f.readline()
with open(os.path.join(together, "diagnostic.json"), encoding="utf-8") as f:
    meta = json.load(f)["meta"]
expect(meta.get("run_id") and run_id_of_plan(os.path.join(together, "action-plan.xlsx")) == meta["run_id"] and meta["title"] in md_title,
       f"the plan, the record and the report are of one run: {meta['title']!r}, {md_title!r}")

# ---- an output that fails: its earlier file leaves the folder (kept aside), the rest is this run's
failing = os.path.join(TEST_PLUGINS, "failing-output")
with_failing = os.path.join(tmp, "with-failing.json")
with open(with_failing, "w") as f:
    json.dump({"name": "with-failing", "template": "d2i-service-diagnostic", "inputs": "auto", "analyses": [],
               "outputs": ["json", "xlsx", "failing-output"]}, f)
earlier = b"broken.txt as an earlier run wrote it\n"
with open(os.path.join(a, "broken.txt"), "wb") as f:
    f.write(earlier)
rc, _, err = run("--plugins", failing, "run", DIAGNOSTIC, "--pipeline", with_failing, "-o", a,
                 "--meta", "title=Second run")
expect(rc == 1, f"a failed output: exit 1 (got {rc}): {err}")
names = set(os.listdir(a))
expect("broken.txt" not in names, f"the earlier broken.txt is not left among this run's files: {sorted(names)}")
with open(os.path.join(a, ".sdiag-earlier", "broken.txt"), "rb") as f:
    expect(f.read() == earlier, "it is kept, whole, in .sdiag-earlier/")
expect(".sdiag-earlier/broken.txt" in err, f"and the message says where: {err}")
expect(not [n for n in names if ".sdiag-tmp-" in n], f"no temporary file is left: {sorted(names)}")
second = run_id_of_json(a)
expect(second != rid and run_id_of_plan(os.path.join(a, "action-plan.xlsx")) == second,
       "diagnostic.json and the plan are both the second run's")

print("ok: output sets carry one run id, never mix, and track checks them")
