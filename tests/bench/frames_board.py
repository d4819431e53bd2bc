#!/usr/bin/python3
"""Frames at scale: writes a Miro whole-board dump with FRAMES frames, each
titled on its own (two made-up words, so many titles are one letter apart:
"Tarel Vonis", "Tarel Vinis"), each holding STICKIES sticky notes placed by
position only (no parent), which is how items reach a frame when a tool
flattened the board. Then, with --sdiag, reads it with `sdiag run --preset
record`, and reports the time and how many notes went to a section other
than their own frame's.

    frames_board.py OUT_DIR [--frames 5000,10000,20000] [--stickies 3] [--sdiag build/bin/sdiag]

Nothing here asserts a speed: it prints figures for the README.
"""
import argparse
import json
import pathlib
import random
import subprocess
import time

CONSONANTS = "bdfgklmnprstvz"
VOWELS = "aeiou"


def word(rng):
    return "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(2)).capitalize() + rng.choice("lnrs")


def board(frames, stickies, seed=7):
    rng = random.Random(seed)
    titles, seen = [], set()
    while len(titles) < frames:
        t = f"{word(rng)} {word(rng)}"
        if t.lower() not in seen:
            seen.add(t.lower())
            titles.append(t)
    items, next_id = [], 3458764700000000000
    per_row = max(1, int(frames ** 0.5))
    for f, title in enumerate(titles):
        fx, fy = (f % per_row) * 1200.0, (f // per_row) * 900.0
        next_id += 1
        items.append({"id": str(next_id), "type": "frame", "data": {"title": title, "format": "custom"},
                      "position": {"x": fx, "y": fy, "origin": "center", "relativeTo": "canvas_center"},
                      "geometry": {"width": 1000.0, "height": 700.0}})
        for s in range(stickies):
            next_id += 1
            items.append({"id": str(next_id), "type": "sticky_note",
                          "data": {"content": f"<p>{title}: point {s + 1} about the weekly return</p>", "shape": "square"},
                          "style": {"fillColor": "light_yellow"},
                          "position": {"x": fx - 300 + 300 * (s % 3), "y": fy - 150 + 200 * (s // 3),
                                       "origin": "center", "relativeTo": "canvas_center"},
                          "geometry": {"width": 199.0, "height": 228.0}})
    rng.shuffle(items)  # frames and notes in no particular order, as after a flattening tool
    return {"exportedAt": "2026-06-24T17:00:00Z",
            "board": {"id": "uXjVFrames0=", "name": f"{frames} frames", "createdAt": "2026-06-01T09:00:00Z"},
            "items": items, "connectors": [], "tags": [], "members": []}


def run(sdiag, path, out):
    start = time.monotonic()
    subprocess.run([sdiag, "run", "--preset", "record", "-q", "-o", str(out), str(path)], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    record = json.loads((out / "diagnostic.json").read_text(encoding="utf-8"))
    title_of = {s["id"]: s["title"] for s in record["template"]["sections"]}
    notes = [n for n in record["notes"] if n.get("position", {}).get("frame")]
    frame_titles = {n["position"]["frame"] for n in notes}
    # A title close to one of the template's may be read as that section (tolerance is for the
    # template); a note in the section made for another frame's title is misplaced.
    elsewhere = sum(1 for n in notes if title_of.get(n["section"]) in frame_titles and title_of[n["section"]] != n["position"]["frame"])
    return seconds, len(notes), elsewhere


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=pathlib.Path)
    ap.add_argument("--frames", default="5000,10000,20000")
    ap.add_argument("--stickies", type=int, default=3)
    ap.add_argument("--sdiag", help="time this sdiag on each board")
    args = ap.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for frames in (int(n) for n in args.frames.split(",")):
        path = args.out_dir / f"frames-{frames}.json"
        path.write_text(json.dumps(board(frames, args.stickies)), encoding="utf-8")
        if not args.sdiag:
            print(path)
            continue
        seconds, notes, elsewhere = run(args.sdiag, path, args.out_dir / f"out-{frames}")
        print(f"{frames} frames, {notes} notes: {seconds:.1f} s, {elsewhere} notes in another frame's section", flush=True)


if __name__ == "__main__":
    main()
