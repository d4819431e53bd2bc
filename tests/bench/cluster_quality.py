#!/usr/bin/python3
"""Workshop-sized quality check of `sdiag cluster` against the Python reference.

Draws exactly the replicates of ../shared/tools/cluster_smalln_bench.py (same
seed, same random calls: m classes in --classes, --per-class items each), runs
the reference `tfidf_agglo_silK` on each draw in-process, and `sdiag cluster`
on the same texts (one note per line, default options unless --set), then
prints mean NMI / ARI / ACC, predicted K, |K - K_true| for both.

usage: cluster_quality.py --tools DIR --sdiag BIN DATASET_DIR [...] [--reps 30] [--stem]
                          [--seed 0] [--set merge-threshold=0.35 ...]
Needs python3-sklearn python3-scipy python3-snowballstemmer (Debian).
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

import numpy as np


def rng_range(s):
    a, _, b = s.partition("-")
    return int(a), int(b or a)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--tools", required=True, help="folder of cluster_baseline.py / cluster_eval.py")
    ap.add_argument("--sdiag", required=True)
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--classes", default="4-12")
    ap.add_argument("--per-class", default="5-25")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--stem", action="store_true")
    ap.add_argument("--ksteps", type=int, default=12)
    ap.add_argument("--set", action="append", default=[], metavar="OPTION=VALUE")
    ap.add_argument("--no-reference", action="store_true", help="only run sdiag (faster tuning)")
    a = ap.parse_args()
    sys.path.insert(0, os.path.abspath(a.tools))
    from cluster_eval import read_lines, read_ids, scores
    from cluster_baseline import k_grid, agglo_silhouette, make_analyzer
    from sklearn.feature_extraction.text import TfidfVectorizer

    cmin, cmax = rng_range(a.classes)
    pmin, pmax = rng_range(a.per_class)
    analyzer = make_analyzer(a.stem)
    print("reps=%d classes=%s per_class=%s stem=%s seed=%d set=%s" % (a.reps, a.classes, a.per_class, a.stem,
                                                                      a.seed, ",".join(a.set) or "-"))
    summary = []
    with tempfile.TemporaryDirectory() as tmp:
        for d in a.dirs:
            texts = read_lines(os.path.join(d, "texts.txt"))
            gold = read_ids(os.path.join(d, "labels.txt"))
            by = {}
            for i, g in enumerate(gold):
                by.setdefault(g, []).append(i)
            rnd = random.Random(a.seed)
            res = {"tfidf_agglo_silK": [], "sdiag_cluster": []}
            for r in range(a.reps):
                # The same sequence of random calls as cluster_smalln_bench.py.
                m = rnd.randint(cmin, min(cmax, len(by)))
                cls = rnd.sample(sorted(by), m)
                idx = []
                for c in cls:
                    idx += rnd.sample(by[c], min(len(by[c]), rnd.randint(pmin, pmax)))
                T = [texts[i] for i in idx]
                G = [gold[i] for i in idx]
                n = len(T)
                if not a.no_reference:
                    X = TfidfVectorizer(sublinear_tf=True, analyzer=analyzer).fit_transform(T)
                    Xd = X.toarray()
                    args = argparse.Namespace(seed=a.seed + r, sil_sample=4000)
                    grid = k_grid(n, 2, int(min(300, max(10, 2 * np.sqrt(n)))), a.ksteps)
                    keep = Xd.sum(axis=1) > 0
                    lab = np.full(n, -1)
                    sub, _ = agglo_silhouette(Xd[keep], args, [k for k in grid if k < keep.sum()])
                    lab[keep] = sub
                    s = scores(G, list(lab))
                    res["tfidf_agglo_silK"].append((s["NMI"], s["ARI"], s["ACC"], s["K"], abs(s["K"] - m), m))
                path = os.path.join(tmp, "notes.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write("".join(t.replace("\n", " ") + "\n" for t in T))
                cmd = [a.sdiag, "-q", "cluster", path]
                for s_ in a.set:
                    cmd += ["--set", s_]
                out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()
                pred = [line.split("\t")[0] for line in out]
                if len(pred) != n:
                    sys.exit("sdiag cluster gave %d lines for %d notes" % (len(pred), n))
                s = scores(G, pred)
                res["sdiag_cluster"].append((s["NMI"], s["ARI"], s["ACC"], s["K"], abs(s["K"] - m), m))
            print("== %s" % d)
            for meth, v in res.items():
                if not v:
                    continue
                v = np.array(v)
                print("%-18s NMI=%.3f ARI=%.3f ACC=%.3f K=%.1f (true %.1f) dK=%.1f" % (
                    meth, v[:, 0].mean(), v[:, 1].mean(), v[:, 2].mean(), v[:, 3].mean(), v[:, 5].mean(),
                    v[:, 4].mean()), flush=True)
                summary.append((d, meth, v[:, 0].mean(), v[:, 4].mean()))
    print("== mean over sets")
    for meth in ("tfidf_agglo_silK", "sdiag_cluster"):
        rows = [s for s in summary if s[1] == meth]
        if rows:
            print("%-18s NMI=%.3f dK=%.2f" % (meth, np.mean([s[2] for s in rows]), np.mean([s[3] for s in rows])))


if __name__ == "__main__":
    main()
