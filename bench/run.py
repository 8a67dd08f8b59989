"""Run every benchmark on the shared corpora and write BENCHMARKS.md.

    python bench/run.py            # all (an hour or more on 2 cores)
    python bench/run.py --quick    # smaller slices, for a smoke run
    python bench/run.py --only bench/copies_scale.py,bench/facts_speed.py   # re-run some sections

With ``--only``, the named sections are replaced in the existing file and the
others are kept as they were; each section says when it ran.

Each benchmark runs ours and the peer tool on the same data in the same
process, so the ratios hold on a noisy machine even when absolute numbers move.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _run(args: list[str]) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        return f"(failed with exit code {out.returncode})\n{out.stdout}\n{out.stderr[-3000:]}"
    return out.stdout.strip()


def _script(block: list[str]) -> str | None:
    """The script a section of BENCHMARKS.md was written by (its first `python bench/...` line)."""
    for line in block:
        if line.startswith("`python bench/"):
            return line.strip("`").split()[1]
    return None


def _old_sections(path: Path) -> dict[str, list[str]]:
    """The sections of an existing BENCHMARKS.md, by script."""
    blocks: list[list[str]] = []
    fenced = False  # a script's own output, between ``` lines, has headings of its own
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
        fenced ^= line.startswith("```")
        if line.startswith("## ") and not fenced:
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    header = re.search(r" on (\d{4}-\d\d-\d\d \d\d:\d\d UTC)", text.split("\n## ", 1)[0])
    out = {}
    for block in blocks:
        script = _script(block)
        if script and header and not any(line.startswith("Run ") for line in block):
            at = next(i for i, line in enumerate(block) if line.startswith("`python bench/"))
            block[at + 1 : at + 1] = ["", f"Run {header.group(1)}."]  # written before sections carried a date
        if script:
            out[script] = block
    return out


def _t17_section(t17: dict, when: str) -> list[str]:
    return [
        f"## End-to-end build on T17 ({t17['articles']} articles, JSONL with given dates)",
        "",
        "`python bench/t17_build.py`",
        "",
        f"Run {when}.",
        "",
        f"**{t17['articles_per_s']:.0f} articles/s** end to end ({t17['seconds']:.1f} s), "
        f"peak RSS {t17['peak_rss_mb']:.0f} MB. No peer tool builds a desk end to end; per-stage peers are above.",
        "",
        "| stage | seconds | articles/s |",
        "|---|---|---|",
        *[f"| {k} | {v['seconds']:.2f} | {v['articles_per_s'] or 0:.0f} |" for k, v in t17["stages"].items()],
        "",
        f"Result: {t17['events']} events, {t17['stories']} stories, copies {t17['copies'] or 'none'}.",
        "",
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    ap.add_argument("--only", help="comma-separated scripts to run (e.g. bench/eval_copies.py); the rest are left out")
    args = ap.parse_args()
    limit = ["--limit", "300"] if args.quick else []
    sections = [  # what issues are judged on first: a run cut short still has them
        ("Copies: generated spins of T17, labelled T17 pairs, ECB+ same-event negatives",
            ["bench/eval_copies.py", "--set", "all", *(["--limit", "60"] if args.quick else [])]),
        ("Copy-candidate index at scale (synthetic articles from T17 sentences), datasketch in the same run",
            ["bench/copies_scale.py", "--sizes", *(["2000", "10000"] if args.quick else ["10000", "100000"])]),
        ("Events and stories, ECB+ dev and T17 (100 articles per topic folder)",
            ["bench/eval_clusters.py", "--t17-limit", "100"]),
        ("Figures, FA-KES casualty counts",
            ["bench/eval_figures.py", *limit]),
        ("Quotes and speakers, PolNeAR train + dev",
            ["bench/eval_quotes.py", *limit]),
        ("Entities, CoNLL-2003 test: ours vs plain spaCy",
            ["bench/eval_entities.py", *limit]),
        ("Facts stage speed, T17 articles: ours vs spaCy's full pipeline",
            ["bench/facts_speed.py", "--limit", "100" if args.quick else "300"]),
        ("Figure ledger on FA-KES and T17",
            ["bench/eval_ledger.py", *(["--skip-t17"] if args.quick else [])]),
        ("Timelines, T17 (tilse, align+ m:1 ROUGE and date F1)",
            ["bench/eval_timelines.py", "--speed", *(["--topics", "haiti"] if args.quick else [])]),
        ("Cluster assignment at scale (synthetic invented corpus)",
            ["bench/cluster_scale.py", "--sizes", "2000,10000" if args.quick else "10000,100000,200000"]),
        ("Article body extraction, scrapinghub-aeb (181 pages): ours vs trafilatura",
            ["bench/eval_aeb.py", *(["--limit", "60"] if args.quick else [])]),
        ("Publication dates, htmldate-eval (1000 pages): ours vs htmldate",
            ["bench/eval_dates.py", *limit]),
    ]
    sections.append(("End-to-end build on T17 (JSONL with given dates)",
                     ["bench/t17_build.py", "--json", *(["--limit", "1000"] if args.quick else [])]))
    only = set(args.only.split(",")) if args.only else None
    todo = [(title, command) for title, command in sections if not only or command[0] in only]
    unknown = sorted(only - {command[0] for _, command in sections}) if only else []
    if unknown:
        ap.error(f"--only: no section is written by {', '.join(unknown)} "
                 f"(scripts: {', '.join(command[0] for _, command in sections)})")
    kept = _old_sections(args.out) if only else {}
    lines = [
        "# Benchmarks",
        "",
        "Written by `python bench/run.py` (sections re-run one by one with `--only`), "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
        "Each section names the command that printed it and when it ran; re-run it to reproduce its "
        "numbers. The corpora come from `../shared/datasets` and are unpacked to `bench/.cache/`.",
        "",
    ]
    done: dict[str, list[str]] = {}
    for n, (title, command) in enumerate(todo):
        out = _run(command)
        when = f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC"
        if command[0] == "bench/t17_build.py" and not out.startswith("(failed"):
            done[command[0]] = _t17_section(json.loads(out), when)
        else:
            done[command[0]] = [f"## {title}", "", f"`python {' '.join(command)}`", "", f"Run {when}.", "",
                                "```", out, "```", ""]
        body = [line for _, c in sections for line in done.get(c[0], kept.get(c[0], []))]
        pending = [f"- {t}" for t, _ in todo[n + 1:]]
        # rewritten after each section, so that an interrupted run says what it has not measured yet
        tail = ["## Not yet measured in this run", "", *pending, ""] if pending else []
        args.out.write_text("\n".join(lines + body + tail), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
