"""SOURCE_DATE_EPOCH, as the reproducible-builds specification asks: a malformed or out-of-range value
is an error (exit 2, naming the variable) before anything is read or written; every output records
every valid value, 0 and the last second of 9999 included."""
import os
import re
import subprocess
import zipfile

from sdiag_test import expect, run, sample, tempdir

castlebrook = sample("castlebrook", "diagnostic.json")

for bad in ["abc", "-5", "1.5", " 12", "12 ", "0x10", "253402300800", "99999999999999999999", "1e9", "\u00b9"]:
    out = os.path.join(tempdir(), "out")
    code, _, err = run("run", castlebrook, "-o", out, env={"SOURCE_DATE_EPOCH": bad})
    expect(code == 2, f"SOURCE_DATE_EPOCH={bad!r} exits 2: {code}")
    expect("SOURCE_DATE_EPOCH" in err and "unset it" in err, f"the message names the variable and the way out: {err}")
    expect(not os.path.exists(out), f"nothing written for {bad!r}")
    code, _, err = run("template", "-o", os.path.join(tempdir(), "t.docx"), env={"SOURCE_DATE_EPOCH": bad})
    expect(code == 2, f"every command refuses {bad!r}: {code}")


def core_dates(path):
    with zipfile.ZipFile(path) as z:
        core = z.read("docProps/core.xml").decode()
    return re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core)


def pdf_date(path):
    info = subprocess.run(["pdfinfo", "-isodates", path], capture_output=True, text=True, check=True).stdout
    return re.search(r"CreationDate:\s+(\S+)", info).group(1)


for epoch, iso in [("0", "1970-01-01T00:00:00Z"), ("253402300799", "9999-12-31T23:59:59Z"),
                   ("1767225600", "2026-01-01T00:00:00Z")]:
    out = tempdir()
    code, _, err = run("run", castlebrook, "-o", out, env={"SOURCE_DATE_EPOCH": epoch})
    expect(code == 0, f"SOURCE_DATE_EPOCH={epoch} runs: {err}")
    for name in ["report.docx", "action-plan.xlsx"]:
        dates = core_dates(os.path.join(out, name))
        expect(dates and all(d == iso for d in dates), f"{name} records {iso} for {epoch}: {dates}")
    expect(pdf_date(os.path.join(out, "report.pdf")).startswith(iso[:19]),
           f"report.pdf records {iso}: {pdf_date(os.path.join(out, 'report.pdf'))}")
    check = subprocess.run(["qpdf", "--check", os.path.join(out, "report.pdf")], capture_output=True, text=True)
    expect(check.returncode == 0, f"qpdf accepts the PDF of {epoch}: {check.stdout[-200:]}")

# sdiag compare's workbook, written by the same library as the plan, records 0 too.
councils = []
for council in ["Castlebrook", "Harrow Vale"]:
    folder = os.path.join(tempdir(), council.replace(" ", ""))
    run("run", castlebrook, "--preset", "record", "-o", folder, "-q", "--meta", f"organisation={council}", check=0)
    councils.append(folder)
out = tempdir()
code, _, err = run("compare", *councils, "-o", out, env={"SOURCE_DATE_EPOCH": "0"})
expect(code == 0, f"compare runs under SOURCE_DATE_EPOCH=0: {err}")
workbooks = [n for n in os.listdir(out) if n.endswith(".xlsx")]
expect(workbooks, f"compare wrote a workbook: {os.listdir(out)}")
for name in workbooks:
    dates = core_dates(os.path.join(out, name))
    expect(dates and all(d == "1970-01-01T00:00:00Z" for d in dates), f"{name} records the epoch 0: {dates}")

# Unset or empty: the clock, and no error.
code, _, err = run("run", castlebrook, "-o", tempdir(), env={"SOURCE_DATE_EPOCH": ""})
expect(code == 0, f"an empty SOURCE_DATE_EPOCH is unset: {err}")
print("test_source_date_epoch: all checks passed")
