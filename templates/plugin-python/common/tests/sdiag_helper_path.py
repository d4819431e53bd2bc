"""Makes `import sdiag` work in these tests: sdiag puts its Python helper on
PYTHONPATH when it runs the plugin; here it is found beside the sdiag on PATH."""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # the plugin's own module
try:
    import sdiag  # noqa: F401
except ImportError:
    exe = shutil.which("sdiag")
    if not exe:
        raise SystemExit("cannot find sdiag's Python helper: put sdiag on PATH, "
                         "or its share/sdiag/python folder on PYTHONPATH")
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(exe)), "..", "share", "sdiag", "python"))
