#!/usr/bin/env python3
"""Recall of the datasketch peer's pairs by an `isnad compare` JSON report.

The peer (../shared/peers/datasketch_baseline.py --out PAIRS.jsonl) writes
one line per cross-outlet pair it accepts: `kind` `near` (MinHash-LSH
candidate verified by rapidfuzz ratio >= 80) or `exact` (one representative
pair per normalized sentence found verbatim in two or more outlets), each
side with `outlet`, `url` and the raw `sentence` as cut by the peer's regex.

Method. Both sides of a pair are located in the isnad report:
1. the article: the report article(s) with that outlet and url (all of
   them when a url repeats within an outlet);
2. the units covering the sentence in that article: texts are normalized
   with the peer's own `corpus.normalize_tokens` (imported from
   ../shared/peers/corpus.py: diacritics and tatweel removed, alef forms,
   ى→ي, ة→ه, lowercase, `\\w+` tokens) and compared as token sequences.
   A unit covers the sentence when its tokens contain the sentence's tokens
   as a contiguous run, or when the unit is a contiguous run inside the
   sentence and has at least min(4, sentence length) tokens (isnad cuts
   some of the peer's sentences into clauses or quote parts).
The pair counts as recalled when some covering unit of side a and some
covering unit of side b are linked by isnad: a match between them (any
tier, `conflicting` included) or membership of the same statement. Recall
by direct match alone is reported too. Sides that cannot be located (no
article with that url, or no unit covering the sentence) are counted
apart: they are segmentation or input differences, not matching misses,
and count as misses in the recall.

Usage (python3, standard library only):

    python3 ../shared/peers/datasketch_baseline.py --out /tmp/pairs.jsonl --threads 2
    isnad compare -q -f json -o /tmp/snn.json saudinewsnet.jsonl
    python3 scripts/peer-recall.py /tmp/pairs.jsonl /tmp/snn.json [--misses FILE] [--json]
"""

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

PEERS = Path(__file__).resolve().parent.parent.parent / "shared" / "peers"


def load_normalizer(peers_dir):
    sys.path.insert(0, str(peers_dir))
    try:
        from corpus import normalize_tokens  # noqa: E402  (the peer's normalization)
    except ImportError as e:
        sys.exit(f"peer-recall: cannot import corpus.py from {peers_dir}: {e}")
    return normalize_tokens


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pairs", help="the peer's --out JSONL")
    ap.add_argument("report", help="isnad compare -f json report")
    ap.add_argument("--peers", default=str(PEERS), help="folder with the peer's corpus.py")
    ap.add_argument("--misses", help="write missed pairs (with the reason) to this JSONL file")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()
    normalize_tokens = load_normalizer(args.peers)

    with open(args.report, encoding="utf-8") as fh:
        report = json.load(fh)
    by_url = defaultdict(list)
    for a in report["articles"]:
        by_url[(a["outlet"], a.get("url") or "")].append(a["id"])
    article_units = defaultdict(list)
    unit_statement = {}
    for u in report["units"]:
        article_units[u["article"]].append(u)
        if u.get("statement"):
            unit_statement[u["id"]] = u["statement"]
    matched = set()
    for m in report["matches"]:
        matched.add((m["a"], m["b"]))
        matched.add((m["b"], m["a"]))
    del report

    norm_cache = {}

    def unit_key(u):
        k = norm_cache.get(u["id"])
        if k is None:
            k = norm_cache[u["id"]] = " " + " ".join(normalize_tokens(u["text"])) + " "
        return k

    def covering(side):
        """Unit ids covering the side's sentence, or a reason string."""
        ids = by_url.get((side["outlet"], side.get("url") or ""))
        if not ids:
            return "article not in report"
        tokens = normalize_tokens(side["sentence"])
        s = " " + " ".join(tokens) + " "
        min_part = min(4, len(tokens))
        out = []
        for aid in ids:
            for u in article_units[aid]:
                k = unit_key(u)
                if s in k or (k.count(" ") - 1 >= min_part and k in s):
                    out.append(u["id"])
        return out or "no unit covers the sentence"

    totals = defaultdict(lambda: defaultdict(int))
    misses = open(args.misses, "w", encoding="utf-8") if args.misses else None
    with open(args.pairs, encoding="utf-8") as fh:
        for line in fh:
            p = json.loads(line)
            t = totals[p["kind"]]
            t["pairs"] += 1
            ca, cb = covering(p["a"]), covering(p["b"])
            reason = None
            if isinstance(ca, str) or isinstance(cb, str):
                reason = ca if isinstance(ca, str) else cb
                t["unlocated"] += 1
            else:
                direct = any((x, y) in matched for x in ca for y in cb)
                sa = {unit_statement[x] for x in ca if x in unit_statement}
                same = any(unit_statement.get(y) in sa for y in cb)
                t["match"] += direct
                t["linked"] += direct or same
                if not (direct or same):
                    reason = "not linked"
            if reason and misses:
                misses.write(json.dumps({"reason": reason, **p}, ensure_ascii=False) + "\n")
    if misses:
        misses.close()

    result = {}
    allt = defaultdict(int)
    for kind, t in sorted(totals.items()):
        for k, v in t.items():
            allt[k] += v
        result[kind] = dict(t)
    result["all"] = dict(allt)
    for t in result.values():
        n = max(t["pairs"], 1)
        t["recall_linked"] = round(t.get("linked", 0) / n, 4)
        t["recall_match"] = round(t.get("match", 0) / n, 4)
        t["unlocated_share"] = round(t.get("unlocated", 0) / n, 4)
    if args.json:
        print(json.dumps(result))
    else:
        print("| peer pairs | n | recalled (match or same statement) | by direct match | side not located |")
        print("|---|---|---|---|---|")
        for kind, t in result.items():
            print(f"| {kind} | {t['pairs']} | {t['recall_linked']:.3f} | {t['recall_match']:.3f} | "
                  f"{t['unlocated_share']:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
