#!/usr/bin/env python3
"""Convert the ANT multi-source corpus to isnad's JSONL input, on stdout.

ANT Corpus v2.1 (Chouigui, Ben Khiroun & Elayeb; 5 pan-Arab outlets,
Feb-Oct 2018) is stored in ../shared/data/ant-multisource as
ant_multisource.jsonl.gz, one JSON object per document with
`docno, url, src, cat, title, time, author, abstract, text, path`.
This writes one isnad article per line:

    {"id": docno, "outlet": src, "date": "YYYY-MM-DD", "title": title,
     "text": text, "url": url, "author": author, "cat": cat}

`date` comes from the `YYYYMMDD` suffix of `docno` (`AL-culture-1-20180218`),
which every outlet has; when it is missing or not a real calendar day, from
`time` (`Sun, 18 Feb 2018 21:35:43 +0400`, RFC 2822 in every outlet seen);
else it is null (isnad then reports the article as undated, not skipped).
Documents are written in file order. A repeated `docno` gets `~2`, `~3`
appended so that ids stay unique (counted on stderr; none in the 2.1 copy).
Documents with empty text are written too: isnad lists them as skipped.

Usage (python3, standard library only):

    python3 scripts/ant-multisource-to-jsonl.py [FILE.jsonl.gz] > ant.jsonl
    python3 scripts/ant-multisource-to-jsonl.py --limit 500 | isnad compare -

FILE defaults to ../shared/data/ant-multisource/ant_multisource.jsonl.gz
relative to the repository root.
"""

import argparse
import datetime
import email.utils
import gzip
import json
import re
import sys
from pathlib import Path

DEFAULT_FILE = (
    Path(__file__).resolve().parent.parent.parent
    / "shared" / "data" / "ant-multisource" / "ant_multisource.jsonl.gz"
)

DOCNO_DATE = re.compile(r"-(\d{4})(\d{2})(\d{2})$")


def date_of(docno, time):
    """ISO date from the docno suffix, else from the RFC 2822 `time`, else None."""
    m = DOCNO_DATE.search(docno or "")
    if m:
        try:
            return datetime.date(*(int(g) for g in m.groups())).isoformat()
        except ValueError:
            pass
    if time:
        try:
            return email.utils.parsedate_to_datetime(time).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", default=str(DEFAULT_FILE))
    ap.add_argument("--limit", type=int, default=None, help="stop after N documents")
    args = ap.parse_args()

    path = Path(args.file)
    if not path.is_file():
        sys.exit(f"ant-multisource-to-jsonl: {path} not found")
    seen = {}
    renamed = undated = 0
    out = sys.stdout
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if args.limit is not None and n >= args.limit:
                break
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"ant-multisource-to-jsonl: {path}:{n + 1}: {e}")
            docno = doc.get("docno") or f"line{n + 1}"
            aid = docno
            if aid in seen:
                seen[docno] += 1
                aid = f"{docno}~{seen[docno]}"
                renamed += 1
            else:
                seen[aid] = 1
            date = date_of(docno, doc.get("time"))
            undated += date is None
            record = {
                "id": aid,
                "outlet": doc.get("src") or "unknown",
                "date": date,
                "title": doc.get("title"),
                "text": doc.get("text") or "",
                "url": doc.get("url"),
                "author": doc.get("author"),
                "cat": doc.get("cat"),
            }
            try:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            except BrokenPipeError:
                sys.stderr.close()
                return 0
    if renamed or undated:
        print(f"ant-multisource-to-jsonl: {renamed} repeated docno renamed, {undated} undated",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
