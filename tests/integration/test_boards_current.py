"""The committed test boards are what their generators write: each tests/boards/*/make_board.py --check."""
import glob
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sdiag_test import SOURCE, expect  # noqa: E402

scripts = sorted(glob.glob(os.path.join(SOURCE, "tests", "boards", "*", "make_board.py")))
expect(scripts, "no board generators under tests/boards")
for script in scripts:
    p = subprocess.run([sys.executable, script, "--check"], capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    expect(p.returncode == 0, f"{script}: {p.stdout}{p.stderr}")
print(f"ok: {len(scripts)} boards current")
