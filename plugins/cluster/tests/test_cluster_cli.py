#!/usr/bin/python3
"""sdiag cluster on a plain text file and on the Castlebrook diagnostic.json:
one theme-id<TAB>label line per note, in input order, and a summary on stderr."""
import os
import subprocess
import sys
import tempfile

sdiag = os.environ["SDIAG"]
src = os.environ["SDIAG_TEST_SOURCE_DIR"]


def run(*args):
    p = subprocess.run([sdiag, "cluster", *args], capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        sys.exit("sdiag cluster %s failed (%d): %s" % (args, p.returncode, p.stderr))
    return p.stdout.splitlines(), p.stderr


notes = [
    "Data warehouse overnight load fails",
    "The warehouse load failed again last night",
    "",
    "IT tickets for Liquidlogic report changes take weeks",
    "LL report change tickets sit in the IT queue",
    "Only one person knows the 903 return",
    "SSDA903 return knowledge sits with one analyst",
    "🙂",
]
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "notes.txt")
    with open(path, "w", encoding="utf-8", newline="\r\n") as f:
        f.write("\n".join(notes) + "\n")
    out, err = run(path)
    assert len(out) == len(notes), (out, err)
    ids = [line.split("\t")[0] for line in out]
    assert all("\t" in line for line in out), out
    assert ids[0] == ids[1] and ids[3] == ids[4] and ids[5] == ids[6], out
    assert len({ids[0], ids[3], ids[5]}) == 3, out
    assert ids[2] == ids[7] and out[2].split("\t")[1] == "Unsorted", out
    assert "8 notes" in err and "themes" in err, err
    out2, _ = run(path)
    assert out2 == out, "not deterministic"

out, err = run(os.path.join(src, "samples/castlebrook/diagnostic.json"))
assert len(out) == 59, len(out)
byid = {"n%03d" % (i + 1): line.split("\t")[0] for i, line in enumerate(out)}
assert byid["n001"] == "-" and byid["n054"] == "-", out
assert byid["n013"] == byid["n014"] != "-", out
out, _ = run(os.path.join(src, "samples/castlebrook/diagnostic.json"), "--sections", "actions")
assert sum(1 for line in out if not line.startswith("-")) == 6, out
print("ok")
