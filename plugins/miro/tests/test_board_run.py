"""Runs the real sdiag on the Castlebrook sample board and checks
diagnostic.json against what the board generator says should happen:
every non-empty sticky under the right section and prompt, the system map's
nodes and edges, the cards as actions, and every item id accounted for."""
import json
import os
import subprocess
import sys
import tempfile

SDIAG = os.environ["SDIAG"]
SAMPLE = os.path.join(os.environ["SDIAG_TEST_SOURCE_DIR"], "samples", "miro")

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


with tempfile.TemporaryDirectory() as tmp:
    pipeline = os.path.join(tmp, "pipeline.json")
    with open(pipeline, "w") as f:
        json.dump({"name": "miro-check", "inputs": "auto", "outputs": ["json"]}, f)
    out = os.path.join(tmp, "out")
    run = subprocess.run([SDIAG, "run", os.path.join(SAMPLE, "castlebrook-board.json"), "--pipeline", pipeline,
                          "-o", out], capture_output=True, text=True)
    check(run.returncode == 0, f"sdiag exited {run.returncode}: {run.stderr}")
    with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
        d = json.load(f)

with open(os.path.join(SAMPLE, "castlebrook-board.expected.json"), encoding="utf-8") as f:
    expected = json.load(f)
with open(os.path.join(SAMPLE, "castlebrook-board.json"), encoding="utf-8") as f:
    board = json.load(f)

check(d["meta"]["sources"] and d["meta"]["sources"][0]["plugin"] == "miro", "the sample was not read by miro")

# Every non-empty sticky, under the right section and prompt, with its tags.
notes = {n["source"]["ref"]: n for n in d["notes"]}
for item_id, want in expected["notes"].items():
    n = notes.get(item_id)
    if n is None:
        failures.append(f"sticky {item_id} is not a note")
        continue
    check(n["section"] == want["section"], f"{item_id}: section {n['section']}, expected {want['section']}")
    check(n["prompt"] == want["prompt"], f"{item_id}: prompt {n['prompt']!r}, expected {want['prompt']!r}")
    check(sorted(n["tags"]) == want["tags"], f"{item_id}: tags {n['tags']}, expected {want['tags']}")
    check(n["id"] == "miro-" + item_id, f"{item_id}: note id {n['id']}")
    check(n["text"] and "<" not in n["text"] and "&amp;" not in n["text"], f"{item_id}: text not clean: {n['text']!r}")
    check(n["author"] != "", f"{item_id}: no author")
check(len(d["notes"]) == len(expected["notes"]), f"{len(d['notes'])} notes, expected {len(expected['notes'])}")
for item_id in expected["skipped"]:
    check(item_id not in notes, f"{item_id} should have been skipped")
for section in expected["new_sections"]:
    check(any(s["id"] == section for s in d["template"]["sections"]), f"section {section} was not added")

# The HTML sticky with an emoji keeps both lines and the emoji.
check(any(n["text"] == "Data warehouse overnight load fails often & nobody is told\nuntil the morning \U0001F629"
          for n in d["notes"]), "the HTML sticky was not cleaned as expected")

# The system map.
nodes = {n["source"]: n for n in d["system_map"]["nodes"]}
check(set(nodes) == set(expected["nodes"]), f"map nodes {sorted(nodes)} != {sorted(expected['nodes'])}")
for item_id, label in expected["nodes"].items():
    if item_id in nodes:
        check(nodes[item_id]["label"] == label, f"node {item_id}: label {nodes[item_id]['label']!r}, expected {label!r}")
by_label = {n["label"]: n for n in d["system_map"]["nodes"]}
check(by_label["Liquidlogic LCS/EHM"]["function"] == "MIS maintenance and development", "Liquidlogic is not MIS")
check(by_label["Corporate IT service desk"]["business_area"] == "Corporate teams", "IT service desk is not corporate")
check(by_label["DfE returns"]["business_area"] == "External suppliers", "DfE is not external")
node_id = {n["source"]: n["id"] for n in d["system_map"]["nodes"]}
edges = [(e["from"], e["to"], e["label"], e["pain_point"]) for e in d["system_map"]["edges"]]
want_edges = [(node_id.get(e["from"]), node_id.get(e["to"]), e["label"], e["pain_point"]) for e in expected["edges"]]
check(sorted(edges) == sorted(want_edges), f"map edges {edges} != {want_edges}")

# Cards as actions.
actions = {a["source"]["ref"]: a for a in d["actions"]}
check(set(actions) == set(expected["actions"]), "the cards are not exactly the actions")
for item_id, want in expected["actions"].items():
    a = actions.get(item_id, {})
    for key in ("owner", "due", "due_text"):
        check(a.get(key) == want[key], f"action {item_id}: {key} {a.get(key)!r}, expected {want[key]!r}")

# Every item and connector id is a note, node, action, edge or finding.
accounted = set(notes) | set(nodes) | set(actions)
accounted |= {e.get("source") for e in d["system_map"]["edges"]}
accounted |= {f["location"] for f in d["findings"]}
for item in board["items"] + board["connectors"]:
    check(item["id"] in accounted, f"{item['type']} {item['id']} is not accounted for")
for item_id in expected["unsorted"]:
    check(any(f["location"] == item_id and f["severity"] == "warning" for f in d["findings"]),
          f"{item_id} is unsorted without a warning")
for item_id in expected["skipped"]:
    check(any(f["location"] == item_id for f in d["findings"]), f"{item_id} was skipped without a finding")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"ok: {len(d['notes'])} notes, {len(nodes)} nodes, {len(edges)} edges, {len(actions)} actions")
