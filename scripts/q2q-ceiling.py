#!/usr/bin/env python3
"""How far can lexical signals go on NSURL-2019 Q2Q? A ceiling study.

Why: issue 3 asks for a held-out Q2Q F1 of at least 0.76 without a neural
model; isnad's shipped scorer (a fixed mix of two signals) gets 0.711. This
script asks whether the signals isnad already computes could get there with a
learned combination, and what the learned models actually rely on, so that the
decision to ship one (or not) rests on data.

It uses the same seeded split as `isnad-eval q2q` (splitmix64 Fisher-Yates of
the row indices, seed 2019, first half = fit, second half = held-out); every
model and threshold is fitted on the fit half only. The inputs:

- isnad's own components for each pair (`isnad score --pairs --format jsonl`),
  made symmetric (min/max of the two sides, so the dataset's question order
  cannot leak);
- optional features computed here with a **batch IDF** (document frequencies
  over all questions of the file, labels unused): the IDF of the rarest word
  found on one side only, and a char 3-gram TF-IDF cosine.

Run (from the repository root; needs ../shared/data and scikit-learn):

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scikit-learn numpy
    cargo build --release -p isnad-cli
    /tmp/venv/bin/python scripts/q2q-ceiling.py

Results are written into the closing note of the session that ran it; they
are a measurement, not a model isnad ships.
"""

import argparse
import csv
import json
import math
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

try:
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score, roc_auc_score
except ImportError:
    sys.exit("needs numpy and scikit-learn (see the docstring for a venv)")

MASK = (1 << 64) - 1


def splitmix(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def shuffled(n, seed):
    """The split of `isnad-eval q2q` (crates/eval/src/q2q.rs `shuffled`)."""
    idx = list(range(n))
    st = seed
    for i in range(n - 1, 0, -1):
        st, r = splitmix(st)
        j = r % (i + 1)
        idx[i], idx[j] = idx[j], idx[i]
    return idx


def words(s):
    s = re.sub("[\u064b-\u0652\u0640]", "", s)
    s = re.sub("[أإآ]", "ا", s).replace("ة", "ه").replace("ى", "ي")
    return re.findall(r"\w+", s)


def char_grams(ws, n=3):
    s = " ".join(ws)
    return Counter(s[i : i + n] for i in range(len(s) - n + 1))


def main():
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=root.parent / "shared/data/nsurl2019-q2q/train.csv")
    ap.add_argument("--isnad", default=root / "target/release/isnad")
    args = ap.parse_args()

    rows = list(csv.DictReader(open(args.data, encoding="utf-8")))
    y = np.array([int(r["label"]) for r in rows])
    pairs = "".join(
        r["question1"].replace("\t", " ") + "\t" + r["question2"].replace("\t", " ") + "\n"
        for r in rows
    )
    out = subprocess.run(
        [str(args.isnad), "score", "--pairs", "-", "--format", "jsonl"],
        input=pairs.encode(),
        capture_output=True,
        check=True,
    ).stdout.decode()
    comps = [json.loads(line)["components"] for line in out.splitlines()]
    assert len(comps) == len(rows)
    c = lambda k: np.array([x.get(k, 0.0) for x in comps])

    # Batch IDF over all questions (unsupervised: no label is read).
    qs = [(words(r["question1"]), words(r["question2"])) for r in rows]
    df, gdf = Counter(), Counter()
    for a, b in qs:
        for side in (a, b):
            df.update(set(side))
            gdf.update(set(char_grams(side)))
    n = 2 * len(qs)
    idf = lambda t, d: math.log((n + 1) / (d[t] + 1))

    def cosine(ca, cb, d):
        num = sum(ca[x] * cb[x] * idf(x, d) ** 2 for x in ca if x in cb)
        na = math.sqrt(sum((v * idf(x, d)) ** 2 for x, v in ca.items()))
        nb = math.sqrt(sum((v * idf(x, d)) ** 2 for x, v in cb.items()))
        return num / (na * nb) if na and nb else 0.0

    peak_a, peak_b, c3 = [], [], []
    for a, b in qs:
        sa, sb = set(a), set(b)
        peak_a.append(max([idf(t, df) for t in sa - sb] + [0.0]))
        peak_b.append(max([idf(t, df) for t in sb - sa] + [0.0]))
        c3.append(cosine(char_grams(a), char_grams(b), gdf))
    peak_a, peak_b = np.array(peak_a), np.array(peak_b)
    feats = {
        "score (shipped)": c("score"),
        "min cover": np.minimum(c("cover_a"), c("cover_b")),
        "max cover": np.maximum(c("cover_a"), c("cover_b")),
        "char4 Dice": c("char4_dice"),
        "min aligned": np.minimum(c("aligned_a"), c("aligned_b")),
        "max aligned": np.maximum(c("aligned_a"), c("aligned_b")),
        "aligned tokens": c("aligned_tokens"),
        "passage mass": c("passage_mass"),
        "passage density": c("passage_density"),
        "passage tokens": c("passage_tokens"),
        "batch: max unmatched IDF": np.maximum(peak_a, peak_b),
        "batch: min unmatched IDF": np.minimum(peak_a, peak_b),
        "batch: char3 TF-IDF cosine": np.array(c3),
    }

    order = shuffled(len(rows), 2019)
    half = len(rows) // 2
    fit, held = np.array(order[:half]), np.array(order[half:])

    def best_threshold(p, labels):
        ts = np.linspace(0.0, 1.0, 201)
        return ts[int(np.argmax([f1_score(labels, p >= t) for t in ts]))]

    def evaluate(keys, model):
        z = np.stack([feats[k] for k in keys], 1)
        if model == "logistic":
            m = LogisticRegression(max_iter=5000)
        elif model == "additive":
            # A GAM: each input cut at its fit-half deciles (step functions),
            # then a logistic model; no interactions between inputs.
            cols = []
            for j in range(z.shape[1]):
                edges = np.unique(np.quantile(z[fit, j], np.linspace(0.05, 0.95, 19)))
                cols.append(np.stack([(z[:, j] >= e) for e in edges], 1).astype(float))
            z = np.concatenate(cols, 1)
            m = LogisticRegression(max_iter=5000)
        else:
            m = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=0)
        m.fit(z[fit], y[fit])
        t = best_threshold(m.predict_proba(z[fit])[:, 1], y[fit])
        p = m.predict_proba(z[held])[:, 1]
        return f1_score(y[held], p >= t), roc_auc_score(y[held], p)

    print(f"Q2Q {len(rows)} pairs; split seed 2019: fit {half} / held-out {len(rows) - half}\n")
    s = feats["score (shipped)"]
    t = best_threshold(s[fit], y[fit])
    print("| inputs | model | held-out F1 | ROC AUC |")
    print("|---|---|---|---|")
    print(
        f"| shipped score | threshold {t:.3f} | {f1_score(y[held], s[held] >= t):.3f} "
        f"| {roc_auc_score(y[held], s[held]):.3f} |"
    )
    isnad3 = ["min cover", "max cover", "char4 Dice"]
    isnad9 = isnad3 + [
        "min aligned", "max aligned", "aligned tokens",
        "passage mass", "passage density", "passage tokens",
    ]
    batch = ["batch: max unmatched IDF", "batch: min unmatched IDF"]
    for name, keys in [
        ("isnad: covers + char4", isnad3),
        ("isnad: all 9 symmetric components", isnad9),
        ("isnad covers + char4 + batch unmatched IDF", isnad3 + batch),
        ("the same + batch char3 cosine", isnad3 + batch + ["batch: char3 TF-IDF cosine"]),
        ("all", isnad9 + batch + ["batch: char3 TF-IDF cosine"]),
    ]:
        for model in ("logistic", "additive", "boosted trees"):
            f1, auc = evaluate(keys, model)
            print(f"| {name} | {model} | {f1:.3f} | {auc:.3f} |")


if __name__ == "__main__":
    main()
