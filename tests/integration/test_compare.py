"""sdiag compare: four councils' diagnostics (made with `sdiag run` from the
sample board and the test boards) compared under every redaction profile.
Proves that no planted name, short form, e-mail, phone, postcode, NI or NHS
number, nor (where the profile hides it) a council's name, reaches any
output, read back with python-docx, pdftotext, openpyxl and json; that the
shared themes are named and counted; and that bad input loses nothing."""
import json
import os
import re
import subprocess

import docx
import openpyxl

from sdiag_test import SOURCE, expect, run, sample, tempdir

BOARDS = [sample("miro", "castlebrook-board.json")] + [
    os.path.join(SOURCE, "tests", "boards", b, "board.json") for b in ("kelbourne", "harrowfield", "westmarsh")]
COUNCILS = ["Castlebrook Borough Council", "Kelbourne County Council", "Harrowfield Metropolitan Borough Council",
            "Westmarsh Council"]
# What each council's notes and people are given, beyond the names the boards already hold.
PLANTED = [
    {"person": ("Philippa Quigley-Hart", ["PQH", "Pip"]), "email": "philippa.qh@castlebrook.gov.uk",
     "phone": "020 7946 0018", "postcode": "SW1A 1AA", "ni": "QQ 12 34 56 C", "nhs": "943 476 5919"},
    {"person": ("Desmond Okonkwo", ["DO'K", "Des"]), "email": "d.okonkwo@kelbourne.example.org",
     "phone": "07700 900123", "postcode": "M1 1AE", "ni": "AB123456D", "nhs": "485-777-3456"},
    {"person": ("Marguerite Vance", ["MV", "Maggie V"]), "email": "mvance@harrowfield.gov.uk",
     "phone": "+44 113 496 0000", "postcode": "LS1 4AP", "ni": "JH 55 66 77 A", "nhs": "401 023 2137"},
    {"person": ("Oluwaseun Brightwater", ["OB", "Seun"]), "email": "seun.b@westmarsh.gov.uk",
     "phone": "01632 960001", "postcode": "B33 8TH", "ni": "CE 10 20 30 B", "nhs": "9434765870"},
]


def make_diagnostics(root):
    """One diagnostic.json per council, each in a folder whose name says nothing."""
    folders = []
    for i, (board, council, plant) in enumerate(zip(BOARDS, COUNCILS, PLANTED)):
        out = os.path.join(root, f"d{i + 1}")
        run("run", board, "--preset", "record", "-o", out, "-q", "--meta", f"organisation={council}", check=0)
        path = os.path.join(out, "diagnostic.json")
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
        name, short = plant["person"]
        d["people"].append({"id": "p-planted", "name": name, "role": "Performance analyst", "team": "Insight",
                            "business_area": "Corporate teams", "present": True, "short_forms": short})
        section = "key_issues"
        texts = [f"{name} keeps the only copy of the 903 checks; ring {plant['phone']} or e-mail {plant['email']}",
                 f"{short[0]} and {short[1]} rebuild the Excel trackers every month by hand",
                 f"Child's NHS number {plant['nhs']} and NI {plant['ni']} typed into case notes at {plant['postcode']}",
                 f"{council} reports wait weeks on an IT ticket to the supplier for any change",
                 f"{COUNCILS[(i + 1) % 4].split()[0]} showed us their dashboards at the regional group"]
        for k, t in enumerate(texts):
            d["notes"].append({"id": f"planted-{k}", "section": section, "prompt": "pain_points", "text": t,
                               "author": name, "tags": []})
        if d["actions"]:
            d["actions"][0]["owner"] = name
            d["actions"][0]["text"] += f" (ask {short[1]} on {plant['phone']})"
        if i == 2 and len(d["actions"]) >= 2:
            # A plan tracked since (the fields `sdiag track` writes): one action done, one in progress.
            d["actions"][0]["status"] = "done"
            d["actions"][0]["updates"] = [{"date": "2026-12-01", "status": "done", "by": name,
                                           "comment": f"{short[1]} signed it off, {plant['email']}"}]
            d["actions"][1]["status"] = "in progress"
            d["actions"][1]["updates"] = [{"date": "2026-12-01", "status": "in progress", "by": name, "comment": ""}]
        d["narrative"] = {"dcs_view": f"{name} ({plant['email']}) wrote this for {council}."}
        if i == 1:
            # An older diagnostic: its themes carry no taxonomy id, so compare matches them itself.
            for t in d["themes"]:
                for key in ("taxonomy_id", "taxonomy_dimension"):
                    t.pop(key, None)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(d, f)
        folders.append(out)
    return folders


def secrets(with_councils):
    """(pattern, what) pairs that must appear in no output."""
    found = []
    for council, plant in zip(COUNCILS, PLANTED):
        name, short = plant["person"]
        for s in [name, *name.split(), *short]:
            found.append((re.compile(r"(?<!\w)" + re.escape(s) + r"(?!\w)"), s))
        for key in ("email", "phone", "postcode", "ni", "nhs"):
            found.append((re.compile(re.escape(plant[key]), re.I), plant[key]))
            digits = re.sub(r"\D", "", plant[key])
            if key in ("phone", "nhs"):  # split across lines or cells, as a PDF may
                found.append((re.compile(re.escape(digits)), plant[key] + " (digits)"))
        if with_councils:
            found.append((re.compile(re.escape(council.split()[0]), re.I), council))
    return found


def board_people(folders):
    names = set()
    for f in folders:
        with open(os.path.join(f, "diagnostic.json"), encoding="utf-8") as fh:
            for p in json.load(fh)["people"]:
                if p.get("name") and " " in p["name"]:
                    names.add(p["name"])
    return [(re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)", re.I), n) for n in sorted(names)]


def output_texts(out):
    """Every output file's text, read with a reader we did not write."""
    texts = {}
    for name in os.listdir(out):
        path = os.path.join(out, name)
        if name.endswith(".docx"):
            doc = docx.Document(path)
            parts = [p.text for p in doc.paragraphs]
            for table in doc.tables:
                for row in table.rows:
                    parts += [c.text for c in row.cells]
            parts += [doc.core_properties.title or "", doc.core_properties.author or "", doc.core_properties.subject or ""]
            texts[name] = "\n".join(parts)
        elif name.endswith(".pdf"):
            texts[name] = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True).stdout
        elif name.endswith(".xlsx"):
            wb = openpyxl.load_workbook(path)
            texts[name] = "\n".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row
                                    if c.value is not None) + "\n" + str(wb.properties.title) + str(wb.properties.creator)
        else:
            with open(path, encoding="utf-8") as f:
                texts[name] = f.read()
    return texts


def check_profile(folders, root, profile, hides_councils):
    out = os.path.join(root, "out-" + profile)
    code, _, err = run("compare", *folders, "-o", out, "--profile", profile)
    expect(code == 0, f"compare --profile {profile} exited {code}: {err}")
    texts = output_texts(out)
    for want in ("comparison.json", "comparison.md", "comparison.docx", "comparison.pdf", "comparison.xlsx"):
        expect(want in texts, f"{profile}: {want} not written ({sorted(texts)})")
    for name, text in texts.items():
        squashed = re.sub(r"\s+", "", text)
        for pattern, what in secrets(hides_councils) + board_people(folders):
            expect(not pattern.search(text) and not pattern.search(squashed) if "(digits)" in what else not pattern.search(text),
                   f"{profile}: '{what}' appears in {name}")
        expect("anonymised" not in text.lower(), f"{profile}: {name} calls itself anonymised")
        if hides_councils:
            expect("d1" + os.sep not in text and root not in text, f"{profile}: {name} names an input's path")
    record = json.loads(texts["comparison.json"])
    comparison = json.loads(record["meta"]["comparison"]) if isinstance(record["meta"].get("comparison"), str) \
        else record["meta"]["comparison"]
    councils = comparison["councils"]
    expect(len(councils) == 4, f"{profile}: {councils}")
    if hides_councils:
        expect(councils == ["Council A", "Council B", "Council C", "Council D"], f"{profile}: {councils}")
    else:
        expect(councils == COUNCILS, f"{profile}: {councils}")
    expect(comparison["profile"]["name"] == profile, f"{profile}: the record names {comparison['profile']}")
    expect(len(record["meta"]["sources"]) == 4 and all(len(s["sha256"]) == 64 for s in record["meta"]["sources"]),
           f"{profile}: the record's inputs {record['meta']['sources']}")
    counts = comparison["redacted"]
    omitted = comparison["profile"]["omitted"]
    for kind in ("person", "email", "phone", "postcode", "ni-number", "nhs-number"):
        # Words left out whole (statistics) are not counted as redacted: names in the record still are.
        if "notes" not in omitted or kind == "person":
            expect(counts.get(kind, 0) >= 4, f"{profile}: {kind} redacted {counts.get(kind)} times: {counts}")
    shared = [t for t in comparison["themes"] if len(t["councils"]) >= 2]
    expect(len(shared) >= 3, f"{profile}: themes shared by councils: {[t['name'] for t in comparison['themes']]}")
    top = comparison["themes"][0]
    report = texts["comparison.md"]
    expect(top["name"] in report and f"{len(top['councils'])} of 4" in report,
           f"{profile}: the top theme '{top['name']}' and its count are not in the report")
    expect("Items redacted:" in report and "person" in report, f"{profile}: the report does not say what was redacted")
    expect(comparison["matched_by_taxonomy_align"], f"{profile}: no theme of the older diagnostic was matched")
    expect("matched to the taxonomy from their notes' words" in report, f"{profile}: the report does not say which themes were matched")
    expect(len(comparison["tracked_councils"]) == 1, f"{profile}: tracked {comparison['tracked_councils']}")
    expect(sum(a["done"] for a in comparison["actions_by_theme"]) == 1 and
           sum(a["in_progress"] for a in comparison["actions_by_theme"]) == 1, f"{profile}: {comparison['actions_by_theme']}")
    expect("councils tracked their plan" in report, f"{profile}: the report does not say which plans were tracked")
    wb = openpyxl.load_workbook(os.path.join(out, "comparison.xlsx"))
    expect(wb.sheetnames[:3] == ["Councils x themes", "Actions", "Systems"], f"{profile}: sheets {wb.sheetnames}")
    grid = wb["Councils x themes"]
    expect(grid.max_row == 5 and grid.max_column == len(comparison["themes"]) + 1, f"{profile}: the grid is {grid.max_row}x{grid.max_column}")
    expect(wb["Actions"].max_row - 1 == len(comparison["actions"]) > 0, f"{profile}: actions sheet")
    return comparison, texts


def check_bad_input(folders, root):
    broken = os.path.join(root, "broken.json")
    with open(broken, "w") as f:
        f.write('{"schema": "sdiag/1", "notes": [')
    out = os.path.join(root, "out-broken")
    code, _, err = run("compare", folders[0], broken, "-o", out)
    expect(code == 1 and "broken.json" in err and not os.path.exists(out), f"broken input: {code} {err}")
    for name, data in [("empty.json", b""), ("cp1252.json", json.dumps({"schema": "sdiag/1", "notes": [
            {"id": "n1", "section": "key_issues", "text": "X"}]}).encode().replace(b'"X"', b'"caf\xe9 \x96 r\xf4le"'))]:
        bad = os.path.join(root, name)
        with open(bad, "wb") as f:
            f.write(data)
        code, _, err = run("compare", folders[0], bad, "-o", out)
        expect(code == 1 and name in err and not os.path.exists(out), f"{name}: {code} {err}")
    empty = os.path.join(root, "empty")
    os.makedirs(empty)
    code, _, err = run("compare", folders[0], empty, "-o", out)
    expect(code == 2 and "without diagnostic.json" in err, f"empty folder: {code} {err}")
    code, _, err = run("compare", folders[0], folders[1], "-o", out, "--profile", "nosuch")
    expect(code == 2 and "national" in err and "regional" in err, f"unknown profile: {code} {err}")
    code, _, err = run("compare", folders[0], folders[0], "-o", out)
    expect(code == 2 and "twice" in err, f"same input twice: {code} {err}")
    code, _, err = run("compare", folders[0], "-o", out)
    expect(code == 2 and "two diagnostics" in err, f"one input: {code} {err}")
    hostile = os.path.join(root, "hostile.json")
    with open(hostile, "w") as f:
        json.dump({"name": "hostile", "council": "keep", "omit": [], "patterns": [
            {"kind": "x", "token": "[X]", "pattern": "(unclosed"}]}, f)
    code, _, err = run("compare", folders[0], folders[1], "-o", out, "--profile", hostile)
    expect(code == 1 and "could not be redacted" in err and not os.path.exists(out), f"bad profile: {code} {err}")
    with open(hostile, "w") as f:
        json.dump({"name": "hostile", "council": "maybe", "omit": [], "patterns": []}, f)
    code, _, err = run("compare", folders[0], folders[1], "-o", out, "--profile", hostile)
    expect(code == 1 and "keep" in err and not os.path.exists(out), f"bad council rule: {code} {err}")


def main():
    root = tempdir()
    folders = make_diagnostics(root)
    regional, _ = check_profile(folders, root, "regional", hides_councils=False)
    national, _ = check_profile(folders, root, "national", hides_councils=True)
    statistics, texts = check_profile(folders, root, "statistics", hides_councils=True)
    expect(any(t["examples"] for t in regional["themes"]), "regional: no example notes")
    expect(not any(t["examples"] for t in statistics["themes"]), "statistics keeps notes' words")
    expect(all(a["text"] == "" for a in statistics["actions"]), "statistics keeps actions' words")
    expect([t["id"] for t in statistics["themes"]] == [t["id"] for t in regional["themes"]],
           "leaving words out changed which themes were counted")
    check_bad_input(folders, root)
    print("ok")


if __name__ == "__main__":
    main()
