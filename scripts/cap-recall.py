#!/usr/bin/env python3
"""Share of a reference run's matches that another run finds, per tier.

The stem index of `isnad compare` never probes a word found in more
sentences than its posting cap, so at corpus scale it misses pairs that a
larger cap finds; sample-based candidate recall (`isnad-eval candidates`,
400 articles) cannot see this, because the cap hardly binds on a sample.
This script measures it on a whole corpus: run the same input twice, once
with the default and once with a larger `--posting-cap` (the reference),
and compare the two JSON reports unit pair by unit pair.

    isnad compare --threads 2 -q -f json -o /tmp/default.json corpus.jsonl
    isnad compare --threads 2 -q --posting-cap 800 -f json -o /tmp/cap800.json corpus.jsonl
    python3 scripts/cap-recall.py /tmp/default.json /tmp/cap800.json

Prints, per tier of the reference match, how many reference matches the
run links by a match of any tier, and how many of the run's matches the
reference lacks (these should be none: a larger cap only adds candidates).
Standard library only.
"""

import argparse
import json
import sys
from collections import Counter

TIERS = ["verbatim", "near_duplicate", "conflicting", "partial", "paraphrase"]


def pairs(path):
    with open(path, encoding="utf-8") as fh:
        report = json.load(fh)
    return {(m["a"], m["b"]): m["tier"] for m in report["matches"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("run", help="isnad compare -f json report to measure")
    ap.add_argument("reference", help="report of the same input with a larger --posting-cap")
    args = ap.parse_args()
    run, ref = pairs(args.run), pairs(args.reference)
    total, found = Counter(), Counter()
    for key, tier in ref.items():
        total[tier] += 1
        found[tier] += key in run
    print("| tier (reference) | reference matches | found by the run | share |")
    print("|---|---|---|---|")
    for tier in TIERS + sorted(set(total) - set(TIERS)):
        if total[tier]:
            print(f"| {tier} | {total[tier]} | {found[tier]} | {found[tier] / total[tier]:.3f} |")
    all_total, all_found = sum(total.values()), sum(found.values())
    print(f"| all | {all_total} | {all_found} | {all_found / max(all_total, 1):.3f} |")
    extra = sum(1 for key in run if key not in ref)
    print(f"\nmatches of the run missing from the reference: {extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
