"""sdiag track --in-place replaces the plan as an editor saving it would:
- a read-only plan is refused (exit 2, saying why and what to do), left as it was;
- a plan given through a symbolic link is updated where it lives, the link kept;
- the plan keeps its mode, and its owner and group (when run as root);
- sdiag's own temporary files left by a run that was killed
  (".NAME.sdiag-tmp-PID" of a process no longer running) are removed on the
  next run; other files, and those of running processes, are left alone."""
import json
import os
import stat
import subprocess

from sdiag_test import expect, run, sample, tempdir

SOURCE = os.environ["SDIAG_TEST_SOURCE_DIR"]
FIXTURES = os.path.join(SOURCE, "plugins", "xlsx", "tests", "fixtures")
tmp = tempdir()


def make_plan(folder):
    run("run", os.path.join(FIXTURES, "plan-diagnostic.json"), "--pipeline", os.path.join(FIXTURES, "plan-only.json"),
        "-o", folder, check=0)
    return os.path.join(folder, "action-plan.xlsx"), os.path.join(folder, "diagnostic.json")


def read(path):
    with open(path, "rb") as f:
        return f.read()


# ---- a read-only plan is refused before anything is read or written
plan, diagnostic = make_plan(os.path.join(tmp, "readonly"))
os.chmod(plan, 0o444)
before = read(plan)
rc, _, err = run("track", plan, "--diagnostic", diagnostic, "--in-place")
expect(rc == 2, f"a read-only plan: exit 2 (got {rc}): {err}")
expect("read-only" in err and "-o" in err and err.count("\n") == 1, f"one line saying why and what to do: {err!r}")
expect(read(plan) == before and stat.S_IMODE(os.stat(plan).st_mode) == 0o444, "the plan is as it was")
expect(not os.path.exists(os.path.join(tmp, "readonly", "progress.md")), "nothing was written beside it")

# ---- the same refusal for a plan whose name is not UTF-8 (a file from a Windows share): the name is shown escaped
latin1_plan = os.path.join(os.fsencode(tmp), b"readonly", b"plan \xe9t\xe9.xlsx")
os.rename(plan, latin1_plan)
p = subprocess.run([os.fsencode(os.environ["SDIAG"]), b"track", latin1_plan, b"--diagnostic", os.fsencode(diagnostic),
                    b"--in-place"], capture_output=True, timeout=60)
err = p.stderr.decode("utf-8", errors="strict")  # valid UTF-8, or this raises
expect(p.returncode == 2 and "plan \\xE9t\\xE9.xlsx: the plan is read-only" in err,
       f"the read-only plan is named in its escaped form (exit {p.returncode}): {err!r}")

# ---- the plan keeps its mode, and its owner and group when the user may set them
as_root = os.geteuid() == 0
plan, diagnostic = make_plan(os.path.join(tmp, "kept"))
os.chmod(plan, 0o640)
if as_root:
    os.chown(plan, 1234, 2345)
inode = os.stat(plan).st_ino
run("track", plan, "--diagnostic", diagnostic, "--in-place", check=0)
st = os.stat(plan)
expect(st.st_ino != inode, "the plan was replaced by the refreshed one")
expect(stat.S_IMODE(st.st_mode) == 0o640, f"the plan keeps its mode: {oct(stat.S_IMODE(st.st_mode))}")
if as_root:
    expect((st.st_uid, st.st_gid) == (1234, 2345), f"the plan keeps its owner and group: {st.st_uid}:{st.st_gid}")

# ---- through a symbolic link: the real plan is updated, the link stays
real_dir = os.path.join(tmp, "shared")
plan, diagnostic = make_plan(real_dir)
os.chmod(plan, 0o640)
link_dir = os.path.join(tmp, "mine")
os.makedirs(link_dir)
link = os.path.join(link_dir, "plan.xlsx")
os.symlink(plan, link)
inode = os.stat(plan).st_ino

# Left behind by killed runs: a dead process's temporary files, ours and another program's.
dead = subprocess.Popen(["true"])
dead.wait()
stale = f".action-plan.xlsx.sdiag-tmp-{dead.pid}"
stale_json = f".diagnostic.json.sdiag-tmp-{dead.pid}"
alive = f".action-plan.xlsx.sdiag-tmp-{os.getpid()}"   # this test is running: not stale
others = [".action-plan.xlsx.tmp", f"notes.sdiag-tmp-{dead.pid}", ".x.sdiag-tmp-12ab"]
for name in [stale, stale_json, alive] + others:
    with open(os.path.join(real_dir, name), "wb") as f:
        f.write(b"x" * 4096)

rc, _, err = run("track", link, "--diagnostic", diagnostic, "--in-place")
expect(rc == 0, f"track through a link: exit 0 (got {rc}): {err}")
expect(os.path.islink(link) and os.readlink(link) == plan, "the link is still a link to the plan")
expect(os.stat(plan).st_ino != inode, "the real plan was replaced by the refreshed one")
expect(stat.S_IMODE(os.stat(plan).st_mode) == 0o640, "and keeps its mode")
with open(os.path.join(real_dir, "diagnostic.json"), encoding="utf-8") as f:
    d = json.load(f)
expect(any(s["kind"] == "action-plan" for s in d["meta"]["sources"]), "the diagnostic beside the real plan is updated")
expect(not os.path.exists(os.path.join(link_dir, "diagnostic.json")), "nothing is written beside the link")

names = set(os.listdir(real_dir))
expect(stale not in names and stale_json not in names, f"a killed run's temporary files are removed: {sorted(names)}")
expect(alive in names and all(o in names for o in others), f"no other file is touched: {sorted(names)}")

import openpyxl  # noqa: E402  (a reader we did not write: the refreshed plan opens)
ws = openpyxl.load_workbook(plan)["Actions"]
expect(ws.cell(row=1, column=1).value == "ID" and ws.max_row >= 6, "the refreshed plan is a whole workbook")

print("ok: --in-place refuses a read-only plan, writes through a link, keeps mode and owner, clears stale files")
