"""One full pipeline run (the default preset, full-report, on the Castlebrook
sample: every plugin it loads) is clean under valgrind: no invalid read,
write or free, no use of uninitialised memory, no definite leak, apart from
the known errors inside system libraries in test_hardening_valgrind.supp.
The plugins are kept loaded (dlclose made a no-op) so that every frame of a
report has a name and what libraries keep in globals is not counted lost.
Skipped (exit 0 with a note) without valgrind or a C compiler, or on a
sanitizer build, where valgrind cannot run."""
import os
import shutil
import subprocess
import sys

from sdiag_test import SDIAG, expect, sample, tempdir

if not shutil.which("valgrind"):
    print("skipped: valgrind is not installed")
    sys.exit(0)
with open(SDIAG, "rb") as f:
    if b"__asan_init" in f.read():
        print("skipped: this sdiag is built with AddressSanitizer")
        sys.exit(0)

tmp = tempdir()
keep_loaded = os.path.join(tmp, "keep_loaded.so")
with open(os.path.join(tmp, "keep_loaded.c"), "w") as f:
    f.write("int dlclose(void* handle) { (void)handle; return 0; }\n")
if subprocess.run(["cc", "-shared", "-fPIC", "-o", keep_loaded, os.path.join(tmp, "keep_loaded.c")]).returncode:
    print("skipped: no C compiler to build the dlclose shim")
    sys.exit(0)
out = os.path.join(tmp, "out")
log = os.path.join(tmp, "valgrind.log")
supp = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test_hardening_valgrind.supp")
# sdiag allocates with jemalloc: valgrind is told to watch its malloc and free as glibc's.
cmd = ["valgrind", "--error-exitcode=99", "--soname-synonyms=somalloc=*jemalloc*", "--leak-check=full", "--errors-for-leak-kinds=definite",
       "--show-leak-kinds=definite", "--track-origins=yes", "--num-callers=30", f"--suppressions={supp}",
       f"--log-file={log}", SDIAG, "run", sample("castlebrook", "diagnostic.json"), "-o", out]
p = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, env=dict(os.environ, LD_PRELOAD=keep_loaded))
with open(log) as f:
    report = f.read()
summary = [line for line in report.splitlines() if "ERROR SUMMARY" in line or "definitely lost" in line]
print("\n".join(summary))
expect(p.returncode == 0, f"clean under valgrind (exit {p.returncode}):\n{report[-6000:]}\n{p.stderr[-2000:]}")
expect(os.path.exists(os.path.join(out, "report.pdf")) and os.path.exists(os.path.join(out, "action-plan.xlsx")),
       f"the run wrote its outputs under valgrind: {os.listdir(out) if os.path.isdir(out) else 'nothing'}")
print("ok: full-report is clean under valgrind")
