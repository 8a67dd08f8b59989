"""Cluster assignment speed and memory as the desk grows (synthetic invented corpus).

    python bench/cluster_scale.py [--sizes 2000,10000] [--probe 2000]
    python bench/cluster_scale.py --sizes 10000,100000,200000   # the flat-cost check (about 15 min)
    mkfifo /tmp/ctl /tmp/ack; perf stat -e instructions --delay=-1 --control fifo:/tmp/ctl,/tmp/ack \
        python bench/cluster_scale.py --sizes 10000 --probe 1000 --perf-fifo /tmp/ctl,/tmp/ack
        # instructions of the probe articles only (robust to other load on the machine)

Articles are invented: each event has its own place and person names, numbers and a
topic vocabulary shared with other events of its story; dates advance a day per
~40 articles. The desk is grown to each size by online assignment in batches of 200,
then ``--probe`` more articles are timed: articles per second at that size, and the
process's peak resident memory (articles are invented as they are assigned, as a build reads
them) with the number of events held and of active stories
(those in the postings: what an article is compared with).
"""

from __future__ import annotations

import os

# one BLAS thread: the re-clustering's small matrix products only lose time to threads on a busy machine
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import random
import resource
import time
from datetime import date, timedelta
from itertools import islice

from newsdesk.cluster import ClusterState, assign_clusters
from newsdesk.records import Article
from newsdesk.settings import Settings

_SYL = ["ka", "lo", "mer", "ud", "ten", "vra", "sil", "om", "par", "ex", "ri", "dan", "bel", "cor", "ves", "hal"]


def _word(rng: random.Random, n: int = 3) -> str:
    return "".join(rng.choice(_SYL) for _ in range(n))


def synthetic(n: int, seed: int = 3):
    """Yield ``n`` invented articles: ~25 per event, ~8 events per story."""
    rng = random.Random(seed)
    stories = [[_word(rng) for _ in range(12)] for _ in range(max(1, n // 200))]
    d0 = date(2020, 1, 1)
    for i in range(n):
        ev = i // 25 + rng.randrange(3)
        er = random.Random(ev)
        topic = stories[ev % len(stories)]
        place, person = _word(er).title(), _word(er).title() + " " + _word(er).title()
        nums = [str(er.randrange(2, 900)) for _ in range(2)]
        words = [rng.choice(topic) for _ in range(40)] + [_word(rng) for _ in range(30)]
        rng.shuffle(words)
        body = (f"In {place}, {person} said {nums[0]} people were affected and {nums[1]} more. "
                + " ".join(words) + f". Officials in {place} confirmed it.")
        yield Article(id=f"a{i:07d}", source=str(i), fmt="txt", title=f"{place} {topic[0]} {topic[1]}",
                      text=body, published=d0 + timedelta(days=i // 40))


class _Perf:
    """perf stat's control fifos (``--control fifo:CTL,ACK``): counting switched on and off."""

    def __init__(self, ctl: str, ack: str) -> None:
        self.ctl, self.ack = open(ctl, "w"), open(ack)

    def send(self, cmd: str) -> None:
        self.ctl.write(cmd + "\n")
        self.ctl.flush()
        self.ack.readline()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="2000,10000")
    ap.add_argument("--probe", type=int, default=2000)
    ap.add_argument("--corpus", type=int, default=None, help="articles invented (default: the largest size plus "
                    "the probe; the number of stories grows with it, so pass 202000 to time 10k as in the 200k run)")
    ap.add_argument("--perf-fifo", default=None, help="CTL,ACK: perf stat's control fifos; counting is on for "
                    "the probes only")
    args = ap.parse_args()
    perf = _Perf(*args.perf_fifo.split(",")) if args.perf_fifo else None
    sizes = [int(x) for x in args.sizes.split(",")]
    arts = synthetic(args.corpus or max(sizes) + args.probe)  # read as it goes: memory is the desk's, not the corpus's
    state, settings, done = ClusterState(), Settings(), 0
    print("## Cluster scale (synthetic)\n\n| desk size | articles/s (next %d, wall) | articles/s (CPU time) | events "
          "| stories | active stories | peak RSS MB |\n|---|---|---|---|---|---|---|" % args.probe)
    for size in sizes:
        for i in range(done, size, 200):
            assign_clusters(list(islice(arts, min(200, size - i))), state, settings)
        done = size
        probe = list(islice(arts, args.probe))  # invented before the clock starts
        t0, c0 = time.perf_counter(), time.process_time()
        if perf:
            perf.send("enable")
        for i in range(0, args.probe, 200):
            assign_clusters(probe[i : i + 200], state, settings)
        if perf:
            perf.send("disable")
        rate, cpu = args.probe / (time.perf_counter() - t0), args.probe / (time.process_time() - c0)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"| {size} | {rate:.0f} | {cpu:.0f} | {len(state.events)} | {len(state.stories)} | {len(state.posted)} | {rss:.0f} |", flush=True)
        # the probe articles stay in the desk; the next size grows from here
        done, probe = size + args.probe, None


if __name__ == "__main__":
    main()
