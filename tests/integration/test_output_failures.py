"""When an output cannot be written: the reason is said with the final file's
name (never the temporary file's), every failure is in diagnostic.json's
findings (the record is written after the other outputs), the others are still
written, and exit 1. -q shows errors only."""
import json
import os
import resource
import shutil
import signal
import subprocess

from sdiag_test import SDIAG, expect, run, sample, tempdir

castlebrook = sample("castlebrook", "diagnostic.json")


def errors_in_record(folder):
    with open(os.path.join(folder, "diagnostic.json"), encoding="utf-8") as f:
        return [x for x in json.load(f)["findings"] if x["severity"] == "error"]


# -q: errors only. Castlebrook gives warnings (an action with no owner), shown without -q.
out = tempdir()
code, _, err = run("run", castlebrook, "-o", out, check=0)
expect("no owner named" in err and "wrote" in err, f"warnings and the files written are shown by default: {err}")
code, _, err = run("-q", "run", castlebrook, "-o", tempdir(), check=0)
expect(err == "", f"-q prints nothing when nothing failed: {err}")
code, _, err = run("-q", "run", castlebrook, "--set", "docx.reference=no-such-reference.docx", "-o", tempdir(), check=1)
lines = err.splitlines()
expect(len(lines) == 1 and "error: " in lines[0] and "[docx]" in lines[0], f"-q still prints the error, alone: {err}")

# More warnings than are shown (the first 20): how many more, and where they all are, is said; nothing with -q.
many = os.path.join(tempdir(), "many-actions.csv")
with open(many, "w") as f:
    f.write("section,text,author\n" + "".join(f"actions,Arrange session {i} for the team,Sam\n" for i in range(25)))
out = tempdir()
code, _, err = run("run", many, "-o", out, check=0)
with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
    warnings = sum(1 for x in json.load(f)["findings"] if x["severity"] == "warning")
shown = [line for line in err.splitlines() if "[actions]" in line]
expect(warnings > 20 and len(shown) == 20, f"the first 20 of {warnings} warnings are shown: {len(shown)}")
expect(f"sdiag: {warnings - 20} more warnings are not shown here; every finding is listed in diagnostic.json" in err,
       f"and how many more there are, and where: {err}")
code, _, err = run("-q", "run", many, "-o", tempdir(), check=0)
expect(err == "", f"-q says nothing of them: {err}")

# An output failing on a bad setting: the others are written, and the record holds the failure.
out = tempdir()
code, _, err = run("run", castlebrook, "--set", "docx.reference=no-such-reference.docx", "-o", out, check=1)
expect(sorted(os.listdir(out)) == ["action-plan.xlsx", "diagnostic.json", "report.md", "report.pdf"],
       f"the other outputs are written: {os.listdir(out)}")
expect(any(x["plugin"] == "docx" and "no-such-reference.docx" in x["message"] for x in errors_in_record(out)),
       f"the DOCX output's failure is among diagnostic.json's findings: {errors_in_record(out)}")


# Files larger than the process may write (RLIMIT_FSIZE, SIGXFSZ ignored: the write fails with EFBIG, as on a
# full disk): the large outputs fail, each named with the reason; the small ones and the record are written.
def small_files_only():
    resource.setrlimit(resource.RLIMIT_FSIZE, (60 * 1024, 60 * 1024))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


out = tempdir()
p = subprocess.run([SDIAG, "run", castlebrook, "-o", out], capture_output=True, text=True, timeout=120,
                   preexec_fn=small_files_only)
expect(p.returncode == 1, f"exit 1 when outputs fail (exit {p.returncode}): {p.stderr}")
for name in ["report.docx", "report.pdf"]:
    expect(f"cannot write {os.path.join(out, name)}: File too large [" in p.stderr,
           f"{name}'s failure is said with its name and the reason: {p.stderr}")
expect(".sdiag-tmp" not in p.stderr, f"no temporary file is named: {p.stderr}")
expect(sorted(os.listdir(out)) == ["action-plan.xlsx", "diagnostic.json", "report.md"],
       f"the small outputs are written, no temporary file is left: {os.listdir(out)}")
failed = sorted(x["plugin"] for x in errors_in_record(out))
expect(failed == ["docx", "pdf"], f"both failures are in diagnostic.json: {errors_in_record(out)}")


# A read-only output folder: a read-only bind mount where this may mount (root, in a mount namespace of its
# own), else a folder without write permission. Every output fails with the reason, the record's failure too.
def read_only_run(folder):
    mount = (f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} && "
             f"exec {SDIAG} run {castlebrook} -o {folder}")
    if os.geteuid() == 0 and shutil.which("unshare"):
        probe = subprocess.run(["unshare", "-m", "sh", "-c", f"mount --bind {folder} {folder}"], capture_output=True)
        if probe.returncode == 0:
            return subprocess.run(["unshare", "-m", "sh", "-c", mount], capture_output=True, text=True, timeout=120), \
                "Read-only file system"
        return None, None
    os.chmod(folder, 0o555)
    try:
        return subprocess.run([SDIAG, "run", castlebrook, "-o", folder], capture_output=True, text=True,
                              timeout=120), "Permission denied"
    finally:
        os.chmod(folder, 0o755)


out = tempdir()
p, reason = read_only_run(out)
if p is None:
    print("test_output_failures: no read-only folder can be made here (root without mount); that part is skipped")
else:
    expect(p.returncode == 1, f"exit 1 in a read-only folder (exit {p.returncode}): {p.stderr}")
    for name in ["diagnostic.json", "report.md", "report.docx", "report.pdf", "action-plan.xlsx"]:
        expect(f"cannot write {os.path.join(out, name)}: {reason}" in p.stderr,
               f"{name}: its name and '{reason}' on stderr: {p.stderr}")
    expect(".sdiag-tmp" not in p.stderr, f"no temporary file is named: {p.stderr}")
    expect(os.listdir(out) == [], f"nothing is left in the folder: {os.listdir(out)}")

# What a command prints must reach its file: /dev/full is an error.
with open("/dev/full", "w") as full:
    p = subprocess.run([SDIAG, "plugins"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
expect(p.returncode == 1 and "cannot write to standard output: No space left on device" in p.stderr,
       f"sdiag plugins > /dev/full fails with the reason (exit {p.returncode}): {p.stderr}")
print("test_output_failures: all checks passed")
