"""A file name that is not UTF-8 (Latin-1 bytes from a Windows share) is shown
and stored in one lossless, valid form: each such byte as \\xNN, a backslash
as \\\\. diagnostic.json still parses and report.md is valid UTF-8."""
import json
import os
import subprocess

from sdiag_test import SDIAG, TEST_PLUGINS, expect, sample, tempdir

work = tempdir().encode()
csv_name = os.path.join(work, b"caf\xe9 notes.csv")  # "café" in Latin-1
with open(csv_name, "wb") as f:
    f.write("section,text,author\nkey_issues/pain_points,Data arrives late from the café system,Sam\n"
            "actions,Priya to fix the feed by March,Sam\n".encode())
md_name = os.path.join(work, b"write\\up \xe9t\xe9.md")  # a backslash too
with open(md_name, "wb") as f:
    f.write(b"---\ntitle: Names\norganisation: Castlebrook\ndate: 2026-02-10\n---\n\n# System overview\n\nThe "
            b"case system feeds the returns.\n")
out = os.path.join(work, b"out \xe9")  # the output folder's name too
pipeline = os.path.join(work, b"p.json")
with open(pipeline, "w") as f:
    f.write('{"name": "p", "analyses": ["tidy", "actions"], "layout": "d2i-report", '
            '"outputs": ["json", "markdown"]}')

p = subprocess.run([os.fsencode(SDIAG), b"run", csv_name, md_name, b"--pipeline", pipeline, b"-o", out],
                   capture_output=True, timeout=120)
stderr = p.stderr.decode("utf-8", errors="strict")  # valid UTF-8, or this raises
expect(p.returncode == 0, f"run exits 0 (exit {p.returncode}): {stderr}")
expect("caf\\xE9 notes.csv" in stderr, f"stderr names the file in its escaped form: {stderr}")
expect("out \\xE9" in stderr, f"the output folder is named in its escaped form: {stderr}")

with open(os.path.join(out, b"diagnostic.json"), "rb") as f:
    d = json.loads(f.read().decode("utf-8", errors="strict"))
paths = [s["path"] for s in d["meta"]["sources"]]


def escaped(name):
    """The documented form, written independently: Python's surrogateescape keeps each bad byte apart."""
    out = ""
    for c in name.decode("utf-8", errors="surrogateescape"):
        code = ord(c)
        if 0xDC80 <= code <= 0xDCFF:
            out += "\\x%02X" % (code - 0xDC00)
        elif c == "\\":
            out += "\\\\"
        elif code < 0x20 or code == 0x7F:
            out += "\\x%02X" % code
        else:
            out += c
    return out


expect(paths == [escaped(csv_name), escaped(md_name)], f"sources are stored escaped, losing nothing: {paths}")
files = {n["source"]["file"] for n in d["notes"]}
expect(files <= set(paths) and escaped(csv_name) in files, f"each note's source is the same form: {files}")
expect(any("café system" in n["text"] for n in d["notes"]), "the note's own UTF-8 text is untouched")

with open(os.path.join(out, b"report.md"), "rb") as f:
    report = f.read().decode("utf-8", errors="strict")
expect("caf\\xE9 notes.csv" in report or "café system" in report, "report.md was written from the notes")

# The escaped form reads back: each \xNN is that byte, \\ a backslash.
def unescape(s):
    b, i = bytearray(), 0
    while i < len(s):
        if s.startswith("\\\\", i):
            b += b"\\"; i += 2
        elif s.startswith("\\x", i):
            b.append(int(s[i + 2:i + 4], 16)); i += 4
        else:
            b += s[i].encode(); i += 1
    return bytes(b)
expect([unescape(p) for p in paths] == [csv_name, md_name], "the stored names give back the files' own bytes")
# A path given in an option (a reference DOCX that is not there) reaches a finding in the same form.
docx_pipeline = os.path.join(work, b"docx.json")
with open(docx_pipeline, "w") as f:
    f.write('{"name": "d", "analyses": [], "layout": "d2i-report", "outputs": ["json", "docx"]}')
out3 = os.path.join(work, b"out-reference")
reference = os.path.join(work, b"mod\xe8le.docx")
p = subprocess.run([os.fsencode(SDIAG), b"run", csv_name, b"--pipeline", docx_pipeline, b"--set",
                    b"docx.reference=" + reference, b"-o", out3], capture_output=True, timeout=120)
stderr = p.stderr.decode("utf-8", errors="strict")
expect(p.returncode == 1 and escaped(reference) in stderr, f"the missing reference is named, escaped: {stderr}")
with open(os.path.join(out3, b"diagnostic.json"), "rb") as f:
    d3 = json.loads(f.read().decode("utf-8", errors="strict"))
expect(any(x["plugin"] == "docx" and escaped(reference) in x["message"] for x in d3["findings"]),
       f"the DOCX output's failure, naming the reference, is in diagnostic.json: {d3['findings']}")

# A script plugin's request is JSON, which holds only UTF-8: the script is given a path it can open.
def new_python_plugin(name, kind):
    """A script plugin as `sdiag new-plugin` makes it; its folder."""
    folder = os.path.join(work, b"plugins", name)
    made = subprocess.run([os.fsencode(SDIAG), b"new-plugin", name, b"--kind", kind, b"--lang", b"python", b"-o",
                           folder], capture_output=True, timeout=60)
    expect(made.returncode == 0, f"new-plugin: {made.stderr}")
    return folder


plugin = new_python_plugin(b"my-lines", b"input")
lines = os.path.join(work, b"r\xe9union.lines")
with open(lines, "w") as f:
    f.write("Reports are late every month\n")
out2 = os.path.join(work, b"out-script")
p = subprocess.run([os.fsencode(SDIAG), b"--plugins", plugin, b"run", lines, b"--preset", b"record", b"-o", out2],
                   capture_output=True, timeout=120)
stderr = p.stderr.decode("utf-8", errors="strict")
expect(p.returncode == 0, f"a script input reads a file whose name is not UTF-8 (exit {p.returncode}): {stderr}")
with open(os.path.join(out2, b"diagnostic.json"), "rb") as f:
    d = json.loads(f.read().decode("utf-8", errors="strict"))
expect([n["text"] for n in d["notes"]] == ["Reports are late every month"], f"the script's notes: {d['notes']}")
expect(d["meta"]["sources"][0]["path"] == escaped(lines) == d["notes"][0]["source"]["file"],
       f"its source, as the notes name it: {d['meta']['sources']} {d['notes'][0]['source']}")

# A name whose escaped form is longer than a file name may be (each Latin-1 byte is four characters escaped):
# the script still reads the file, and the private folder of its link is removed, whatever happens.
long_name = os.path.join(work, b"r" + b"\xe9" * 100 + b"union.lines")
with open(long_name, "w") as f:
    f.write("Minutes are never filed\n")
private_tmp = os.path.join(work, b"tmp")
os.makedirs(private_tmp)
out4 = os.path.join(work, b"out-long")
p = subprocess.run([os.fsencode(SDIAG), b"--plugins", plugin, b"run", long_name, b"--preset", b"record", b"-o", out4],
                   capture_output=True, timeout=120, env={**os.environ, "TMPDIR": os.fsdecode(private_tmp)})
stderr = p.stderr.decode("utf-8", errors="strict")
expect(p.returncode == 0, f"a script input reads a file whose escaped name is too long for a link (exit {p.returncode}): "
                          f"{stderr}")
with open(os.path.join(out4, b"diagnostic.json"), "rb") as f:
    d = json.loads(f.read().decode("utf-8", errors="strict"))
expect([n["text"] for n in d["notes"]] == ["Minutes are never filed"], f"the script's notes: {d['notes']}")
expect(d["notes"][0]["source"]["file"] == escaped(long_name), f"named as sdiag shows it: {d['notes'][0]['source']}")
expect(os.listdir(private_tmp) == [], f"no folder is left in TMPDIR: {os.listdir(private_tmp)}")

# An output that fails in a folder whose name is not UTF-8, its earlier file unable to move aside (a folder is in
# the way): the file system's message quotes both paths in raw bytes, and diagnostic.json must still be written.
out5 = os.path.join(work, b"out-failed \xe9")
os.makedirs(os.path.join(out5, b".sdiag-earlier", b"broken.txt", b"in the way"))
with open(os.path.join(out5, b"broken.txt"), "w") as f:
    f.write("from another run")
failing = os.path.join(work, b"failing.json")
with open(failing, "w") as f:
    f.write('{"name": "failing", "analyses": [], "layout": null, "outputs": ["json", "failing-output"]}')
p = subprocess.run([os.fsencode(SDIAG), b"--plugins", os.path.join(os.fsencode(TEST_PLUGINS), b"failing-output"), b"run",
                    csv_name, b"--pipeline", failing, b"-o", out5], capture_output=True, timeout=120)
stderr = p.stderr.decode("utf-8", errors="strict")
expect(p.returncode == 1, f"the failed output fails the run (exit {p.returncode}): {stderr}")
with open(os.path.join(out5, b"diagnostic.json"), "rb") as f:
    d5 = json.loads(f.read().decode("utf-8", errors="strict"))
aside = [x["message"] for x in d5["findings"] if "could not be moved" in x["message"]]
expect(len(aside) == 1 and "Is a directory" in aside[0] and "move or remove it" in aside[0],
       f"the earlier file's fate, with the reason and what to do, is in diagnostic.json: {d5['findings']}")

# Each command's refusals name such a file in the same form: a template that would replace a file, a diagnostic
# given twice to compare, a pipeline file that is not there.
blank = os.path.join(work, b"mod\xe8le.csv")
with open(blank, "w") as f:
    f.write("filled in\n")
record_folder = os.path.join(work, b"out \xe9")
for args, said in [([b"template", b"-o", blank], b"mod\\xE8le.csv exists"),
                   ([b"compare", record_folder, os.path.join(record_folder, b"diagnostic.json")], b"is given twice"),
                   ([b"run", csv_name, b"--pipeline", os.path.join(work, b"\xe9.json")], b"/\\xE9.json")]:
    p = subprocess.run([os.fsencode(SDIAG), *args], capture_output=True, timeout=60)
    stderr = p.stderr.decode("utf-8", errors="strict")
    expect(p.returncode == 2 and os.fsdecode(said) in stderr and "\\xE" in stderr,
           f"sdiag {args[0]}: refused naming the file escaped (exit {p.returncode}): {stderr}")

# A script output writing into a folder whose name is not UTF-8: the request names the folder by a link too.
out_plugin = new_python_plugin(b"out-lines", b"output")
script_out = os.path.join(work, b"out-script \xe9")
with_script = os.path.join(work, b"with-script.json")
with open(with_script, "w") as f:
    f.write('{"name": "s", "analyses": [], "layout": null, "outputs": ["json", '
            '{"plugin": "out-lines", "options": {"file": "summary.txt"}}]}')
p = subprocess.run([os.fsencode(SDIAG), b"--plugins", out_plugin, b"run", csv_name, b"--pipeline", with_script,
                    b"-o", script_out], capture_output=True, timeout=120,
                   env={**os.environ, "TMPDIR": os.fsdecode(private_tmp)})
stderr = p.stderr.decode("utf-8", errors="strict")
expect(p.returncode == 0, f"a script output writes into a folder whose name is not UTF-8 (exit {p.returncode}): {stderr}")
expect(os.path.isfile(os.path.join(script_out, b"summary.txt")), f"its file is there: {os.listdir(script_out)}")
expect(escaped(os.path.join(script_out, b"summary.txt")) in stderr, f"and named as written, escaped: {stderr}")
expect(os.listdir(private_tmp) == [], f"no folder is left in TMPDIR: {os.listdir(private_tmp)}")
print("test_file_names: all checks passed")
