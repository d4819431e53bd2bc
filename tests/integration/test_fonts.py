"""Reports are drawn with sdiag's own fontconfig file (templates/fonts/fonts.conf)
unless the user sets FONTCONFIG_FILE: Liberation Sans, with the fallbacks for
what it lacks, and the same bytes as with the system's configuration. Another
font standing in is a warning; no font at all fails the PDF output."""
import json
import os
import subprocess

from sdiag_test import expect, run, sample, tempdir

with open(sample("castlebrook", "diagnostic.json")) as f:
    d = json.load(f)
# Names in other scripts, as a council's contributors list may hold.
d["notes"][0]["text"] = "Ελένη and مريم agreed the data dictionary comes first"
src = os.path.join(tempdir(), "diagnostic.json")
with open(src, "w") as f:
    json.dump(d, f)
env = {"SOURCE_DATE_EPOCH": "1767225600"}


def pdf_run(extra_env, warning=None):
    out = tempdir()
    code, _, err = run("run", src, "-o", out, env={**env, **extra_env})
    expect(code == 0, f"run exits 0: {err}")
    expect((warning or "report:fonts:") in err if warning else "report:fonts:" not in err,
           f"a warning about the font only when it is not the report's ({warning}): {err}")
    path = os.path.join(out, "report.pdf")
    fonts = subprocess.run(["pdffonts", path], capture_output=True, text=True).stdout
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    with open(path, "rb") as f:
        return f.read(), fonts, text


code, _, err = run("-vv", "run", src, "-o", tempdir(), env=env)
expect("font configuration: " in err and err.split("font configuration: ")[1].split("\n")[0].endswith(
    os.path.join("templates", "fonts", "fonts.conf")), f"sdiag's own font configuration is used: {err[:2000]}")

own, fonts, text = pdf_run({})
expect("LiberationSans" in fonts, f"the report's font is embedded:\n{fonts}")
expect("DejaVuSans" in fonts, f"a fallback font for the Greek and Arabic names:\n{fonts}")
expect("Ελένη" in text, "the Greek name is in the text")
expect("مريم" in text or "ﻢﻳﺮﻣ" in text, "the Arabic name is in the text")

system, _, _ = pdf_run({"FONTCONFIG_FILE": "/etc/fonts/fonts.conf"})
expect(system == own, "the same PDF as with the system's font configuration")

# The user's choice wins: a configuration that only knows DejaVu.
only_dejavu = os.path.join(tempdir(), "dejavu.conf")
with open(only_dejavu, "w") as f:
    f.write('<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>'
            '<cachedir>/var/cache/fontconfig</cachedir></fontconfig>\n')
_, fonts, _ = pdf_run({"FONTCONFIG_FILE": only_dejavu},
                      warning="Liberation Sans is not found (FONTCONFIG_FILE=" + only_dejavu + "), so the report is "
                              "set in DejaVu")
expect("LiberationSans" not in fonts and "DejaVu" in fonts, f"FONTCONFIG_FILE set by the user is used:\n{fonts}")

# A configuration that lists no font at all: the PDF would be pages of empty boxes. The PDF output fails,
# saying which font is missing and what to install; the other outputs are written, and the record says so.
no_fonts = os.path.join(tempdir(), "none.conf")
with open(no_fonts, "w") as f:
    f.write('<?xml version="1.0"?>\n<fontconfig></fontconfig>\n')
out = tempdir()
code, _, err = run("run", src, "-o", out, env={**env, "FONTCONFIG_FILE": no_fonts})
expect(code == 1, f"exit 1 when no font can draw the report (exit {code}): {err}")
expect("no font can draw the report's text: Liberation Sans is missing" in err and "install fonts-liberation2" in err
       and no_fonts in err and "[pdf]" in err, f"the PDF's failure names the font and the package: {err}")
expect(sorted(os.listdir(out)) == ["action-plan.xlsx", "diagnostic.json", "report.docx", "report.md"],
       f"no PDF, every other output: {sorted(os.listdir(out))}")
with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
    record = json.load(f)
expect(any(x["plugin"] == "pdf" and x["severity"] == "error" and "fonts-liberation2" in x["message"]
           for x in record["findings"]), "the missing font is a finding in diagnostic.json")
print("test_fonts: all checks passed")
