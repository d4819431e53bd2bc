"""The PDF report as a reader's tools see it: qpdf, poppler (pdfinfo,
pdftotext, pdftoppm) and the structure tree read back from qpdf's JSON.

Runs the real binary on the Castlebrook sample with actions added (the sample
has none), twice, and checks the file is valid, tagged, titled, readable in
order, accessible (/Lang, /Alt on every Figure) and reproducible."""
import json
import os
import re
import subprocess
import sys
import tempfile

SDIAG = os.environ["SDIAG"]
SRC = os.environ["SDIAG_TEST_SOURCE_DIR"]

ACTIONS = [
    "Agree a named owner for the nightly extract from Liquidlogic",
    "Give the analysts read access to the data warehouse staging tables so that they can fix broken "
    "report queries without raising a ticket with corporate IT and waiting for the next release",
    "Publish a one-page guide to which dashboard answers which question",
    "Review the change ticket process with Corporate IT",
]


def run(*args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


def make_input(folder):
    with open(os.path.join(SRC, "samples/castlebrook/diagnostic.json"), encoding="utf-8") as f:
        d = json.load(f)
    d["actions"] = [{"id": f"a{i + 1}", "text": t, "owner": "Head of performance", "due": "2026-03-31",
                     "due_text": "", "status": "open", "note_id": "", "updates": []}
                    for i, t in enumerate(ACTIONS)]
    path = os.path.join(folder, "diagnostic.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(d, f)
    pipeline = os.path.join(folder, "pipeline.json")
    with open(pipeline, "w", encoding="utf-8") as f:
        json.dump({"name": "pdf-check", "summary": "PDF only", "template": "d2i-service-diagnostic",
                   "inputs": "auto", "analyses": [], "layout": "d2i-report", "outputs": ["pdf"]}, f)
    return path, pipeline


def words(s):
    return re.sub(r"\s+", " ", s).strip()


def main():
    with tempfile.TemporaryDirectory() as tmp:
        diag, pipeline = make_input(tmp)
        outs = []
        for n in (1, 2):
            out = os.path.join(tmp, f"out{n}")
            run(SDIAG, "run", diag, "--pipeline", pipeline, "-o", out)
            outs.append(os.path.join(out, "report.pdf"))
        pdf = outs[0]
        with open(outs[0], "rb") as a, open(outs[1], "rb") as b:
            if a.read() != b.read():
                fail("two runs gave different PDF bytes")

        check = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
        if check.returncode != 0 or "No syntax or stream encoding errors" not in check.stdout:
            fail("qpdf --check: " + check.stdout + check.stderr)

        info = run("pdfinfo", pdf).stdout
        if not re.search(r"^Tagged:\s+yes$", info, re.M):
            fail("not tagged:\n" + info)
        if not re.search(r"^Title:\s+Data service diagnostic: Castlebrook Borough Council$", info, re.M):
            fail("title missing:\n" + info)
        if not re.search(r"^Page size:.*\(A4\)", info, re.M):
            fail("not A4:\n" + info)
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))

        # The outline holds every heading; the text holds headings and actions in order.
        js = json.loads(run("qpdf", "--json=2", "--json-key=outlines", "--json-key=qpdf", pdf).stdout)
        headings = []

        def walk(items):
            for o in items:
                headings.append(o["title"])
                walk(o.get("kids", []))
        walk(js["outlines"])
        for must in ("Contributors", "System mapping", "Immediate actions"):
            if must not in headings:
                fail(f"outline lacks {must!r}: {headings}")
        text = words(run("pdftotext", "-raw", pdf, "-").stdout)
        body = text[text.find("Contributors", text.find("Contributors") + 1):]  # after the contents page
        pos = 0
        for h in headings:
            i = body.find(words(h), pos)
            if i < 0:
                fail(f"heading {h!r} missing or out of order in the text")
            pos = i
        pos = body.find("Immediate actions")
        for a in ACTIONS:
            i = body.find(a, pos)
            if i < 0:
                fail(f"action {a!r} missing or out of order in the text")
            pos = i
        if f"Page 2 of {pages}" not in text:
            fail("no 'Page X of Y' footer")

        # Structure tree: /Lang on the catalog, an /Alt on every Figure.
        elements = [v["value"] for v in js["qpdf"][1].values() if isinstance(v.get("value"), dict)]
        catalog = next(e for e in elements if e.get("/Type") == "/Catalog")
        if catalog.get("/Lang") != "u:en-GB":
            fail(f"catalog /Lang is {catalog.get('/Lang')!r}")
        if catalog.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
            fail("DisplayDocTitle not set")
        if catalog.get("/MarkInfo", {}).get("/Marked") is not True:
            fail("MarkInfo /Marked not set")
        figures = [e for e in elements if e.get("/S") == "/Figure"]
        if len(figures) != 1:
            fail(f"expected the system map as the one Figure, found {len(figures)}")
        for f in figures:
            alt = f.get("/Alt", "")
            if not alt.startswith("u:Data system map: 7 resources"):
                fail(f"figure /Alt is {alt!r}")
        kinds = {e.get("/S") for e in elements}
        for tag in ("/Document", "/H1", "/H2", "/P", "/L", "/LI", "/Table", "/TR", "/TH", "/TD", "/Figure"):
            if tag not in kinds:
                fail(f"no {tag} structure element")

        # Every page renders.
        run("pdftoppm", "-png", "-r", "20", pdf, os.path.join(tmp, "page"))
        rendered = [p for p in os.listdir(tmp) if p.startswith("page") and p.endswith(".png")]
        if len(rendered) != pages:
            fail(f"pdftoppm rendered {len(rendered)} of {pages} pages")
    print(f"ok: {pages} pages, {len(headings)} headings, {len(ACTIONS)} actions")


main()
