#!/usr/bin/python3
"""The full report from one big CSV of notes: generates a CSV of ROWS notes
(section, prompt, text, author, tags; worded as pipeline_board.py words its
stickies), runs `sdiag run` on it with the default pipeline (full-report)
under /usr/bin/time -v, and prints the wall time, the peak memory and whether
every row became a note. A program, not a test (README, "Performance").

    csv_bench.py [--rows 200000] [--sdiag build/bin/sdiag] [--keep DIR] [--seed N]
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pipeline_board import SECTIONS, Board  # noqa: E402


def write_csv(path, rows, seed):
    board = Board(rows, seed)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["section", "prompt", "text", "author", "tags"])
        written = 0
        for title, share, prompts in SECTIONS:
            count = rows - written if title == SECTIONS[-1][0] else max(1, round(rows * share))
            for i in range(count):
                prompt = prompts[i % len(prompts)] if prompts else ""
                text = re.sub(r"<[^>]+>", "", board.said(title, prompt)).replace("&amp;", "&")
                tags = "Data quality" if i % 13 == 0 else ""
                w.writerow([title, prompt, text, board.rng.choice(board.members)[1], tags])
            written += count


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=200000)
    ap.add_argument("--sdiag", default=os.path.join(here, "..", "..", "build", "bin", "sdiag"))
    ap.add_argument("--keep", help="folder for the CSV and the outputs (default: a temporary one)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="sdiag-csv-bench-")
    os.makedirs(work, exist_ok=True)
    path = os.path.join(work, f"notes-{args.rows}.csv")
    write_csv(path, args.rows, args.seed)
    out = os.path.join(work, "out")
    p = subprocess.run(["/usr/bin/time", "-v", args.sdiag, "run", path, "-o", out], capture_output=True, text=True)
    stats = {k.strip(): v for k, _, v in (line.rpartition(": ") for line in p.stderr.splitlines())}
    wall = stats["Elapsed (wall clock) time (h:mm:ss or m:ss)"]
    peak = int(stats["Maximum resident set size (kbytes)"]) / 1024
    cpu = float(stats["User time (seconds)"]) + float(stats["System time (seconds)"])
    with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
        notes = len(json.load(f)["notes"])
    # CPU time as well as wall time: on a shared machine the wall time says more about the neighbours.
    print(f"{args.rows} rows: exit {p.returncode}, wall {wall}, CPU {cpu:.1f} s, peak {peak:.0f} MiB, "
          f"{notes} notes{'' if notes == args.rows else ' (ROWS LOST)'}; outputs: {', '.join(sorted(os.listdir(out)))}")
    if p.returncode != 0:
        print(p.stderr[-2000:], file=sys.stderr)
    return 0 if p.returncode == 0 and notes == args.rows else 1


if __name__ == "__main__":
    sys.exit(main())
