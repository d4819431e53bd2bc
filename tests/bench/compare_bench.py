#!/usr/bin/python3
"""Times `sdiag compare` on many councils' diagnostics (a benchmark, not a test).

    compare_bench.py [--sdiag build/bin/sdiag] [--councils 150] [--notes 150] [--runs 3] [--keep DIR]

Makes one synthetic workshop board per council (tests/bench/pipeline_board.py,
a different seed each), turns each into diagnostic.json with
`sdiag run --preset record` (once; kept in DIR between runs), then times the
whole `sdiag compare` (national profile: every diagnostic redacted, themes
aligned, combined, compared, then the report in DOCX, PDF and Markdown, the
workbook and the record written) and prints the median wall time.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def make_diagnostics(sdiag, root, councils, notes):
    folders = []
    for i in range(councils):
        out = os.path.join(root, f"council-{i + 1:03d}")
        folders.append(out)
        if os.path.exists(os.path.join(out, "diagnostic.json")):
            continue
        board = os.path.join(root, f"board-{i + 1:03d}.json")
        subprocess.run([sys.executable, os.path.join(HERE, "pipeline_board.py"), str(notes), board, "--seed", str(i + 1)],
                       check=True)
        subprocess.run([sdiag, "run", board, "--preset", "record", "-o", out, "-q", "--meta",
                        f"organisation=Benchmark Council {i + 1}"], check=True)
        os.remove(board)
    return folders


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sdiag", default=os.path.join(HERE, "..", "..", "build", "bin", "sdiag"))
    ap.add_argument("--councils", type=int, default=150)
    ap.add_argument("--notes", type=int, default=150)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", help="folder for the diagnostics, reused when it holds them")
    args = ap.parse_args()
    root = args.keep or tempfile.mkdtemp(prefix="sdiag-compare-bench-")
    os.makedirs(root, exist_ok=True)
    folders = make_diagnostics(args.sdiag, root, args.councils, args.notes)
    total_notes = sum(len(json.load(open(os.path.join(f, "diagnostic.json"), encoding="utf-8"))["notes"]) for f in folders)
    times = []
    for _ in range(args.runs):
        out = tempfile.mkdtemp(prefix="sdiag-compare-out-")
        t0 = time.perf_counter()
        subprocess.run([args.sdiag, "compare", *folders, "-o", out, "-q"], check=True)
        times.append(time.perf_counter() - t0)
        shutil.rmtree(out)
    print(f"sdiag compare: {len(folders)} diagnostics, {total_notes} notes: median {statistics.median(times):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)})")


if __name__ == "__main__":
    main()
