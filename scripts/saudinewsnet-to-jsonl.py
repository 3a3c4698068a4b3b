#!/usr/bin/env python3
"""Convert the SaudiNewsNet corpus to isnad's JSONL input, on stdout.

SaudiNewsNet (Alhagri 2015; CC BY-NC-SA 4.0) ships as dataset/YYYY-MM-DD.zip,
each holding one JSON array of articles with `source`, `url`,
`date_extracted` (`YYYY-MM-DD hh:mm:ss`), `title`, `author`, `content`.
This writes one isnad article per line:

    {"id": ..., "outlet": source, "date": date_extracted[:10],
     "title": title, "text": content, "url": url, "author": author}

`id` is `<outlet>:<number>`, the number being the longest run of 4 or more
digits in the url (the outlets' own article numbers: spa.gov.sa `?id=1386900`,
alriyadh.com `/1066713`) when that number is unique within the outlet; else
`<outlet>:<zip stem>:<index in that zip>`. Ids are unique across the output. Articles are written in zip-name order, then in
the order of each zip. Articles with empty content are written too (isnad
lists them as skipped, so nothing disappears without a trace).

Usage (python3, standard library only):

    python3 scripts/saudinewsnet-to-jsonl.py [DATASET_DIR] > saudinewsnet.jsonl
    python3 scripts/saudinewsnet-to-jsonl.py --limit 500 | isnad compare -

DATASET_DIR defaults to ../shared/data/saudinewsnet/dataset relative to the
repository root. --limit N stops after N articles (for quick trials).
"""

import argparse
import json
import re
import sys
import zipfile
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "saudinewsnet" / "dataset"


def load(dataset_dir):
    """Yields (zip stem, index, article dict) in a fixed order."""
    zips = sorted(Path(dataset_dir).glob("*.zip"))
    if not zips:
        sys.exit(f"saudinewsnet-to-jsonl: no .zip files in {dataset_dir}")
    for z in zips:
        with zipfile.ZipFile(z) as zf:
            for name in sorted(n for n in zf.namelist() if n.endswith(".json")):
                with zf.open(name) as f:
                    for i, article in enumerate(json.load(f)):
                        yield z.stem, i, article


def url_key(url):
    """The longest run of 4+ digits in a url (the outlet's article number), or None."""
    runs = re.findall(r"[0-9]{4,}", url or "")
    return max(runs, key=len) if runs else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dataset_dir", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--limit", type=int, default=None, help="stop after N articles")
    args = ap.parse_args()

    articles = list(load(args.dataset_dir))
    # An id from the url only where that url key is unique; otherwise zip:index.
    counts = {}
    for _, _, a in articles:
        key = (a.get("source") or "", url_key(a.get("url")))
        counts[key] = counts.get(key, 0) + 1
    seen = set()
    out = sys.stdout
    for n, (stem, i, a) in enumerate(articles):
        if args.limit is not None and n >= args.limit:
            break
        outlet = a.get("source") or "unknown"
        key = url_key(a.get("url"))
        if key and counts[(a.get("source") or "", key)] == 1:
            aid = f"{outlet}:{key}"
        else:
            aid = f"{outlet}:{stem}:{i}"
        while aid in seen:  # cannot happen with the rules above; kept as a guard
            aid += "+"
        seen.add(aid)
        record = {
            "id": aid,
            "outlet": outlet,
            "date": (a.get("date_extracted") or "")[:10] or None,
            "title": a.get("title"),
            "text": a.get("content") or "",
            "url": a.get("url"),
            "author": a.get("author"),
        }
        try:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        except BrokenPipeError:
            sys.stderr.close()
            return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
