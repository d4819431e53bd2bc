"""Reports are drawn with sdiag's own fontconfig file (templates/fonts/fonts.conf)
unless the user sets FONTCONFIG_FILE: Liberation Sans, with the fallbacks for
what it lacks, and the same bytes as with the system's configuration."""
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


def pdf_run(extra_env):
    out = tempdir()
    code, _, err = run("run", src, "-o", out, env={**env, **extra_env})
    expect(code == 0, f"run exits 0: {err}")
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
_, fonts, _ = pdf_run({"FONTCONFIG_FILE": only_dejavu})
expect("LiberationSans" not in fonts and "DejaVu" in fonts, f"FONTCONFIG_FILE set by the user is used:\n{fonts}")
print("test_fonts: all checks passed")
