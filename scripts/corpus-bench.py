#!/usr/bin/env python3
"""Corpus benchmark: end-to-end `isnad compare` on SaudiNewsNet and ANT.

Measures the release binary on the real corpora in ../shared/data, the way a
user runs it (`isnad compare -q --threads N -f json -o FILE INPUT.jsonl`),
and prints one table row per run: wall time, CPU time (user + system), peak
RSS, the load average when the run started (the benchmark machine is shared;
quote ratios measured in one session, not absolute seconds from different
sessions), and the report's counts (units, statement units, matches,
statements), read from the JSON report's `summary`. isnad runs with
`--stats`, so each result in --results also holds the CPU, wall time and
peak memory of every stage (`stages`) and the matcher's candidate pairs and
key matches (`--no-stats` for binaries older than that flag).

Subcommands (all write JSON lines of results to --results and a Markdown
table on stdout):

  corpora   SaudiNewsNet (31,030 articles), ANT multi-source (31,525) and
            both together, for each of --threads (default 1,2).
  scaling   25%, 50%, 100% and 200% of the combined corpus at --threads 2
            (25% = the first quarter of each corpus in date order; 200% = the
            combined corpus plus a perturbed copy of it, scripts/perturb.py),
            and the growth exponent: the slope of a least-squares fit of
            log(wall) on log(articles), and the same for CPU time.
  peer      isnad vs the datasketch + rapidfuzz peer
            (../shared/peers/datasketch_baseline.py --threads 2) on full
            SaudiNewsNet, alternating isnad, peer, isnad, peer ... for
            --pairs rounds; the median of the per-round time ratios; then
            scripts/peer-recall.py on the last round's outputs.
  candidates
            `isnad-eval saudinewsnet` (release), which prints the candidate
            pair count that the `isnad compare` report does not expose.

Wall time, CPU time and the largest single process's peak RSS come from GNU
`/usr/bin/time -v`. Peak RSS of the whole process tree (the peer runs a
multiprocessing pool) is sampled from /proc every 0.2 s by this script.

Usage (from the repository root; builds the release binary first unless
--no-build):

    python3 scripts/corpus-bench.py corpora
    python3 scripts/corpus-bench.py scaling
    python3 scripts/corpus-bench.py peer --pairs 3
    python3 scripts/corpus-bench.py all
    python3 scripts/corpus-bench.py peer --isnad-args "--min-tier partial"

`--isnad-args` adds options to every `isnad compare` run: with
`--min-tier partial` isnad does the peer's job (copies, whole or partial;
no paraphrases), skipping the work only paraphrases need.

Inputs are converted once into --workdir (default /tmp/isnad-corpus-bench)
with scripts/saudinewsnet-to-jsonl.py, scripts/ant-multisource-to-jsonl.py
and scripts/perturb.py. Reports go to --workdir too and are overwritten.
"""

import argparse
import datetime
import json
import math
import os
import re
import shlex
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PEER = SHARED / "peers" / "datasketch_baseline.py"
GNU_TIME = "/usr/bin/time"


def log(msg):
    print(f"[corpus-bench {datetime.datetime.now(datetime.timezone.utc):%H:%M:%S}] {msg}",
          file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------

def ensure(path, producer):
    """Runs `producer(tmp_path)` unless `path` exists, then renames tmp to path."""
    if path.exists():
        return path
    tmp = path.with_suffix(".tmp")
    log(f"writing {path}")
    producer(tmp)
    tmp.rename(path)
    return path


def run_to_file(cmd, out_path):
    with open(out_path, "w", encoding="utf-8") as out:
        subprocess.run(cmd, stdout=out, check=True)


def count_lines(path):
    with open(path, "rb") as fh:
        return sum(1 for _ in fh)


def head_lines(src, dst, n):
    with open(src, encoding="utf-8") as fin, open(dst, "w", encoding="utf-8") as fout:
        for i, line in enumerate(fin):
            if i >= n:
                break
            fout.write(line)


def concat(srcs, dst):
    with open(dst, "wb") as fout:
        for s in srcs:
            with open(s, "rb") as fin:
                while chunk := fin.read(1 << 20):
                    fout.write(chunk)


def inputs(workdir):
    """Converted corpora: {'saudinewsnet': path, 'ant': path, 'both': path}."""
    workdir.mkdir(parents=True, exist_ok=True)
    snn = ensure(workdir / "saudinewsnet.jsonl", lambda t: run_to_file(
        [sys.executable, str(ROOT / "scripts" / "saudinewsnet-to-jsonl.py")], t))
    ant = ensure(workdir / "ant.jsonl", lambda t: run_to_file(
        [sys.executable, str(ROOT / "scripts" / "ant-multisource-to-jsonl.py")], t))
    both = ensure(workdir / "both.jsonl", lambda t: concat([snn, ant], t))
    return {"saudinewsnet": snn, "ant": ant, "both": both}


def scaling_inputs(workdir, corpora):
    """{percent: path}: the first p% of each corpus (date order), and 200%."""
    out = {}
    n_snn = count_lines(corpora["saudinewsnet"])
    n_ant = count_lines(corpora["ant"])
    for pct in (25, 50):
        def make(t, pct=pct):
            a, b = t.with_suffix(".a"), t.with_suffix(".b")
            head_lines(corpora["saudinewsnet"], a, math.ceil(n_snn * pct / 100))
            head_lines(corpora["ant"], b, math.ceil(n_ant * pct / 100))
            concat([a, b], t)
            a.unlink()
            b.unlink()
        out[pct] = ensure(workdir / f"scale-{pct}.jsonl", make)
    out[100] = corpora["both"]
    copies = ensure(workdir / "both-perturbed.jsonl", lambda t: run_to_file(
        [sys.executable, str(ROOT / "scripts" / "perturb.py"), str(corpora["both"])], t))
    out[200] = ensure(workdir / "scale-200.jsonl", lambda t: concat([corpora["both"], copies], t))
    return out


# ---------------------------------------------------------------------------
# Measuring one command
# ---------------------------------------------------------------------------

def tree_rss_kib(root_pid):
    kids = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().decode("utf-8", "replace")
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        stack.extend(kids.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def parse_gnu_time(text):
    def field(name):
        m = re.search(rf"^\s*{re.escape(name)}: (.*)$", text, re.M)
        if not m:
            raise RuntimeError(f"/usr/bin/time -v output lacks {name!r}")
        return m.group(1).strip()

    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
        wall = wall * 60 + float(part)
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(float(field("User time (seconds)")) + float(field("System time (seconds)")), 2),
        "max_rss_mib": round(int(field("Maximum resident set size (kbytes)")) / 1024, 1),
        "exit": int(field("Exit status")),
    }


def measure(cmd, label, stdout_path=None):
    """Runs cmd under /usr/bin/time -v; returns the measurements."""
    load = open("/proc/loadavg").read().split()[0]
    time_out = Path(f"/tmp/corpus-bench-time-{os.getpid()}.txt")
    full = [GNU_TIME, "-v", "-o", str(time_out)] + [str(c) for c in cmd]
    log(f"{label}: {' '.join(full[4:])}")
    stdout = open(stdout_path, "w") if stdout_path else subprocess.DEVNULL
    proc = subprocess.Popen(full, stdout=stdout, stderr=subprocess.PIPE, text=True)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_kib(proc.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    if stdout_path:
        stdout.close()
    result = parse_gnu_time(time_out.read_text())
    time_out.unlink()
    if result["exit"] != 0:
        sys.stderr.write(err[-4000:])
        raise RuntimeError(f"{label}: exit status {result['exit']}")
    result["tree_rss_mib"] = round(peak[0] / 1024, 1)
    result["load_1min"] = float(load)
    result["stderr_tail"] = err[-2000:]
    return result


def report_summary(path):
    """The `summary` object of a pretty-printed `isnad compare -f json` report.

    The summary is the last top-level key; string contents are JSON-escaped
    (no raw newlines), so the first line `  "summary": ` is the top-level one.
    """
    with open(path, "rb") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        tail_len = min(size, 4 << 20)
        while True:
            fh.seek(size - tail_len)
            tail = fh.read().decode("utf-8", "replace")
            i = tail.rfind('\n  "summary": ')
            if i >= 0 or tail_len == size:
                break
            tail_len = min(size, tail_len * 4)
    if i < 0:
        raise RuntimeError(f"{path}: no summary")
    start = tail.index("{", i)
    summary, _ = json.JSONDecoder().raw_decode(tail, start)
    return summary


STATS = True  # pass --stats (off with --no-stats, for binaries older than the flag)
ISNAD_ARGS = []  # extra `isnad compare` options (--isnad-args)


def parse_stats(err):
    """The `--stats` table on stderr: {stage: {wall_s, cpu_s, peak_mib}} and the counts line."""
    stages, counts = {}, {}
    for line in err.splitlines():
        f = line.split()
        if len(f) == 5 and f[0] != "stage":
            try:
                stages[f[0]] = {"wall_s": float(f[1]), "cpu_s": float(f[2]),
                                "peak_mib": float(f[4])}
            except ValueError:
                pass
        m = re.search(r"candidate pairs (\d+)", line)
        if m:
            counts["candidate_pairs"] = int(m.group(1))
            k = re.search(r"matches between keys (\d+)", line)
            if k:
                counts["key_matches"] = int(k.group(1))
    return stages, counts


def run_isnad(isnad, input_path, threads, workdir, label):
    out = workdir / f"report-{label}-t{threads}.json"
    stats = ["--stats"] if STATS else []
    m = measure([isnad, "compare", "-q", "--threads", threads] + stats + ISNAD_ARGS +
                ["-f", "json", "-o", out, input_path],
                f"isnad {label} t{threads}")
    if STATS:
        m["stages"], counts = parse_stats(m["stderr_tail"])
        m.update(counts)
    s = report_summary(out)
    m.update({
        "tool": "isnad", "input": label, "threads": threads, "report": str(out),
        "isnad_args": " ".join(ISNAD_ARGS),
        "articles": s["articles"], "articles_used": s["articles_used"],
        "units": s["units"], "statement_units": s["statement_units"],
        "matches": s["matches"], "matches_by_tier": s["matches_by_tier"],
        "statements": s["statements"], "cross_outlet_statements": s["cross_outlet_statements"],
    })
    del m["stderr_tail"]
    return m


def run_peer(workdir, threads, label="saudinewsnet", limit=None):
    pairs = workdir / f"peer-pairs-{label}.jsonl"
    summary_path = workdir / f"peer-summary-{label}.json"
    extra = ["--limit", limit] if limit else []
    m = measure([sys.executable, PEER, "--out", pairs, "--threads", threads] + extra,
                f"peer {label} t{threads}", stdout_path=summary_path)
    s = json.loads(summary_path.read_text())
    m.update({
        "tool": "datasketch peer", "input": label, "threads": threads, "pairs_file": str(pairs),
        "articles": s["articles"], "candidate_pairs": s["candidate_pairs"],
        "accepted_pairs": s["accepted_pairs"],
        "verbatim_cross_outlet_types": s["verbatim_cross_outlet_types"],
        "clusters": s["clusters_2plus_outlets"],
    })
    del m["stderr_tail"]
    return m


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

def fmt_row(r):
    return (f"| {r['tool']} | {r['input']} | {r['threads']} | {r.get('articles', '')} | "
            f"{r['wall_s']:.1f} | {r['cpu_s']:.1f} | {r['max_rss_mib']:.0f} | {r['tree_rss_mib']:.0f} | "
            f"{r.get('units', '')} | {r.get('statement_units', '')} | "
            f"{r.get('matches', r.get('accepted_pairs', ''))} | {r.get('statements', r.get('clusters', ''))} | "
            f"{r['load_1min']:.1f} |")


HEADER = ("| tool | input | threads | articles | wall s | CPU s | peak RSS MiB | tree RSS MiB | units | "
          "statement units | matches (peer: accepted pairs) | statements (peer: clusters) | load |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def fit_exponent(xs, ys):
    lx = [math.log(x) for x in xs]
    ly = [math.log(y) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def git_commit():
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no",
                                "crates"], capture_output=True, text=True).stdout.strip()
        return head + ("+dirty(crates)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("what", choices=["corpora", "scaling", "peer", "candidates", "all"])
    ap.add_argument("--isnad", default=str(ROOT / "target" / "release" / "isnad"),
                    help="isnad binary (default: target/release/isnad)")
    ap.add_argument("--isnad-eval", default=str(ROOT / "target" / "release" / "isnad-eval"),
                    help="isnad-eval binary for `candidates` (default: target/release/isnad-eval)")
    ap.add_argument("--commit", default=None,
                    help="commit the --isnad binary was built from (default: this checkout's HEAD)")
    ap.add_argument("--no-build", action="store_true", help="do not run cargo build --release first")
    ap.add_argument("--isnad-args", default="",
                    help="extra options for every `isnad compare` run, e.g. \"--min-tier partial\" "
                         "(the copy-detection job the peer does)")
    ap.add_argument("--no-stats", action="store_true",
                    help="do not pass --stats to isnad (binaries older than the flag)")
    ap.add_argument("--workdir", default="/tmp/isnad-corpus-bench", type=Path)
    ap.add_argument("--threads", default="1,2", help="thread counts for `corpora` (default: 1,2)")
    ap.add_argument("--sets", default="saudinewsnet,ant,both", help="inputs for `corpora`")
    ap.add_argument("--scaling-threads", default="2")
    ap.add_argument("--pairs", type=int, default=3, help="alternating rounds for `peer` (default: 3)")
    ap.add_argument("--peer-limit", type=int, default=None,
                    help="`peer` on the first N SaudiNewsNet articles only (quick trials)")
    ap.add_argument("--results", type=Path, default=None,
                    help="JSON lines of all results (default: WORKDIR/results.jsonl, appended)")
    args = ap.parse_args()
    global STATS, ISNAD_ARGS
    STATS = not args.no_stats
    ISNAD_ARGS = shlex.split(args.isnad_args)

    if not Path(GNU_TIME).exists():
        sys.exit("corpus-bench: /usr/bin/time is missing (Debian: apt-get install time)")
    if not (SHARED / "data" / "saudinewsnet").is_dir():
        print(f"skipped: {SHARED / 'data'} is absent")
        return 0
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "-p", "isnad-cli"] +
                       (["-p", "isnad-eval"] if args.what in ("candidates", "all") else []),
                       cwd=ROOT, check=True)
    results_path = args.results or args.workdir / "results.jsonl"
    corpora = inputs(args.workdir)
    session = {
        "date_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"),
        "commit": args.commit or git_commit(), "nproc": os.cpu_count(), "isnad": args.isnad,
    }
    print(f"session: {json.dumps(session)}")
    rows = []

    def record(r):
        r.update(session)
        rows.append(r)
        with open(results_path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(fmt_row(r), flush=True)

    if args.what in ("corpora", "all"):
        print("\n## corpora\n\n" + HEADER, flush=True)
        for label in args.sets.split(","):
            for t in args.threads.split(","):
                record(run_isnad(args.isnad, corpora[label], t, args.workdir, label))

    if args.what in ("scaling", "all"):
        scale = scaling_inputs(args.workdir, corpora)
        for t in args.scaling_threads.split(","):
            print(f"\n## scaling, threads {t}\n\n" + HEADER, flush=True)
            sizes, walls, cpus = [], [], []
            for pct in (25, 50, 100, 200):
                r = run_isnad(args.isnad, scale[pct], t, args.workdir, f"scale{pct}")
                r["percent"] = pct
                record(r)
                sizes.append(r["articles"])
                walls.append(r["wall_s"])
                cpus.append(r["cpu_s"])
            ew, ec = fit_exponent(sizes, walls), fit_exponent(sizes, cpus)
            print(f"\ngrowth exponent (threads {t}, 25%..200%): wall {ew:.2f}, CPU {ec:.2f}")
            record({"tool": "isnad", "input": "scaling-fit", "threads": t, "exponent_wall": round(ew, 3),
                    "exponent_cpu": round(ec, 3), "wall_s": 0, "cpu_s": 0, "max_rss_mib": 0,
                    "tree_rss_mib": 0, "load_1min": 0})

    if args.what in ("peer", "all"):
        print("\n## isnad vs datasketch peer, SaudiNewsNet, alternating\n\n" + HEADER, flush=True)
        ratios, cpu_ratios = [], []
        last = None
        snn, label = corpora["saudinewsnet"], "saudinewsnet"
        if args.peer_limit:
            label = f"saudinewsnet-first{args.peer_limit}"
            snn = ensure(args.workdir / f"{label}.jsonl",
                         lambda t: head_lines(corpora["saudinewsnet"], t, args.peer_limit))
        for _ in range(args.pairs):
            a = run_isnad(args.isnad, snn, "2", args.workdir, label)
            record(a)
            b = run_peer(args.workdir, "2", label, args.peer_limit)
            record(b)
            if a["articles"] != b["articles"]:
                log(f"warning: isnad read {a['articles']} articles, the peer {b['articles']}")
            ratios.append(b["wall_s"] / a["wall_s"])
            cpu_ratios.append(b["cpu_s"] / a["cpu_s"])
            last = (a, b)
        print(f"\npeer wall / isnad wall per round: {', '.join(f'{x:.1f}' for x in ratios)}; "
              f"median {statistics.median(ratios):.1f}x")
        print(f"peer CPU / isnad CPU per round: {', '.join(f'{x:.1f}' for x in cpu_ratios)}; "
              f"median {statistics.median(cpu_ratios):.1f}x")
        recall = subprocess.run([sys.executable, str(ROOT / "scripts" / "peer-recall.py"),
                                 last[1]["pairs_file"], last[0]["report"], "--json"],
                                capture_output=True, text=True, check=True)
        sys.stderr.write(recall.stderr)
        print("\npeer recall: " + recall.stdout.strip())
        record({"tool": "ratio", "input": label, "threads": "2",
                "wall_ratios": [round(x, 2) for x in ratios], "median_wall_ratio": round(statistics.median(ratios), 2),
                "cpu_ratios": [round(x, 2) for x in cpu_ratios],
                "median_cpu_ratio": round(statistics.median(cpu_ratios), 2),
                "peer_recall": json.loads(recall.stdout),
                "wall_s": 0, "cpu_s": 0, "max_rss_mib": 0, "tree_rss_mib": 0, "load_1min": 0})

    if args.what in ("candidates", "all"):
        eval_bin = args.isnad_eval
        out = subprocess.run([str(eval_bin), "--data", str(SHARED / "data"), "saudinewsnet"],
                             capture_output=True, text=True, check=True, cwd=ROOT)
        m = re.search(r"^candidate pairs \(key groups\): (\d+)", out.stdout, re.M)
        print("\n## isnad-eval saudinewsnet (candidate pairs)\n")
        for line in out.stdout.splitlines()[:8]:
            print("    " + line)
        record({"tool": "isnad-eval", "input": "saudinewsnet", "threads": "all",
                "candidate_pairs": int(m.group(1)) if m else None,
                "wall_s": 0, "cpu_s": 0, "max_rss_mib": 0, "tree_rss_mib": 0, "load_1min": 0})
    return 0


if __name__ == "__main__":
    sys.exit(main())
