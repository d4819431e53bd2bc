"""Shared steps of the xlsx script tests: run sdiag, make a plan from the fixture."""
import os
import subprocess
import sys
import tempfile

SDIAG = os.environ["SDIAG"]
SOURCE = os.environ["SDIAG_TEST_SOURCE_DIR"]
FIXTURES = os.path.join(SOURCE, "plugins", "xlsx", "tests", "fixtures")
DIAGNOSTIC = os.path.join(FIXTURES, "plan-diagnostic.json")
PIPELINE = os.path.join(FIXTURES, "plan-only.json")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def finish():
    if failures:
        print(f"{len(failures)} checks failed")
        sys.exit(1)
    print("all checks passed")


def sdiag(*args):
    r = subprocess.run([SDIAG, *args], capture_output=True, text=True, timeout=120)
    return r.returncode, r.stdout, r.stderr


def make_plan(folder):
    """Writes action-plan.xlsx and diagnostic.json from the fixture into folder."""
    rc, _, err = sdiag("run", DIAGNOSTIC, "--pipeline", PIPELINE, "-o", folder)
    if rc != 0:
        print(err)
        sys.exit(f"sdiag run failed ({rc})")
    return os.path.join(folder, "action-plan.xlsx"), os.path.join(folder, "diagnostic.json")


def workdir():
    return tempfile.mkdtemp(prefix="sdiag-xlsx-")
