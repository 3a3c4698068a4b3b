#!/usr/bin/env python3
"""Write perturbed copies of isnad JSONL articles, for scaling benchmarks.

Doubling a corpus by concatenating it with itself would make the second half
trivially cheap (identical texts hash to identical keys and are absorbed by
copy grouping). This writes, for every input article, a copy that a matcher
still has to score: lightly edited and reordered, with a new id.

Per copy (seeded by the article id, so the output is reproducible):
- sentence order: each paragraph's sentences are split like the peers'
  corpus reader (on `. ! ? ؟` followed by whitespace); each adjacent pair is
  swapped with probability `--swap` (default 0.3), and paragraphs are
  rotated by one with the same probability;
- light edits: each sentence of 4+ words gets, with probability `--edit`
  (default 0.5), one of: delete a word, swap two adjacent words, add or drop
  the conjunction و on its first word, or duplicate a word;
- ids get `--suffix` (default `~p`), titles get the same light edit;
- outlets stay the same (`--outlets same`: a later stretch of the same
  outlets) or get `--suffix` too (`--outlets shifted`: as many new outlets);
- dates move by `--date-shift-days` (default 364, the same weekday a year on).

Usage (python3, standard library only):

    python3 scripts/perturb.py IN.jsonl > copies.jsonl
    cat IN.jsonl copies.jsonl > doubled.jsonl
"""

import argparse
import datetime
import json
import random
import re
import sys
import zlib

SENTENCE_END = re.compile(r"(?<=[.!?\u061f])\s+")
WAW = "\u0648"


def edit_words(words, rng):
    """One light edit of a word list (4+ words), in place."""
    op = rng.randrange(4)
    if op == 0:
        del words[rng.randrange(1, len(words))]
    elif op == 1:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    elif op == 2:
        first = words[0]
        if first.startswith(WAW) and len(first) > 3:
            words[0] = first[1:]
        else:
            words[0] = WAW + first
    else:
        i = rng.randrange(len(words))
        words.insert(i, words[i])


def edit_sentence(sentence, rng, p_edit):
    words = sentence.split(" ")
    if len(words) >= 4 and rng.random() < p_edit:
        edit_words(words, rng)
    return " ".join(words)


def perturb_text(text, rng, p_swap, p_edit):
    paragraphs = text.split("\n")
    if len(paragraphs) > 2 and rng.random() < p_swap:
        paragraphs = paragraphs[1:] + paragraphs[:1]
    out = []
    for para in paragraphs:
        sentences = SENTENCE_END.split(para)
        i = 0
        while i + 1 < len(sentences):
            if rng.random() < p_swap:
                sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
                i += 2
            else:
                i += 1
        out.append(" ".join(edit_sentence(s, rng, p_edit) for s in sentences))
    return "\n".join(out)


def shift_date(date, days):
    if not date or days == 0:
        return date
    try:
        day = datetime.date.fromisoformat(date[:10])
    except ValueError:
        return date
    return (day + datetime.timedelta(days=days)).isoformat() + date[10:]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="isnad JSONL file")
    ap.add_argument("--suffix", default="~p", help="appended to ids (default: %(default)s)")
    ap.add_argument("--outlets", choices=["same", "shifted"], default="same",
                    help="keep outlet names or append the suffix (default: %(default)s)")
    ap.add_argument("--date-shift-days", type=int, default=364)
    ap.add_argument("--swap", type=float, default=0.3, help="sentence swap probability")
    ap.add_argument("--edit", type=float, default=0.5, help="per-sentence edit probability")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    out = sys.stdout
    with open(args.input, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"perturb: {args.input}:{n}: {e}")
            aid = str(rec.get("id") or f"line{n}")
            rng = random.Random(zlib.crc32(aid.encode("utf-8")) ^ args.seed)
            rec["id"] = aid + args.suffix
            if args.outlets == "shifted" and rec.get("outlet"):
                rec["outlet"] = rec["outlet"] + args.suffix
            rec["date"] = shift_date(rec.get("date"), args.date_shift_days)
            if isinstance(rec.get("title"), str):
                rec["title"] = edit_sentence(rec["title"], rng, args.edit)
            if isinstance(rec.get("text"), str):
                rec["text"] = perturb_text(rec["text"], rng, args.swap, args.edit)
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
