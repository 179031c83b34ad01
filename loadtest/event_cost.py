"""The server's CPU per step of a journey, one step at a time on an idle server: the « what (one at a
time, idle server) » table of docs/performance.md.

Starts the server as ``loadtest.capacity --serve redis`` does (N workers + Redis), then plays whole
journeys one after the other — open the wizard, answer every question, load the result page, open the
locator, search a town — and charges each step with the CPU time the server's processes (supervisor,
workers, Redis) used from its start until the server is quiet again, less what they use idle. CPU time
is read from ``/proc/<pid>/task/*/schedstat`` (nanoseconds, every thread), not ``/proc/<pid>/stat``
(10 ms ticks: coarser than a step).

    python -m loadtest.event_cost --workers 2 --prebuilt --journeys 40
    python -m loadtest.event_cost --prebuilt --against /work/main   # before and after, interleaved

``--against <checkout>`` starts a second server from another checkout (its code and ``.web`` build,
this checkout's Python)
and alternates the journeys between the two, one journey each in turn: on a machine shared with
other work, both see the same disturbances, and the two tables compare (separate runs one after the
other differed by ±15 % here).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import statistics
import time
from pathlib import Path

from loadtest import journeys, servers
from loadtest.capacity import process_tree
from loadtest.reflex_ws import ReflexSession

#: After a step's update, what the server still does for it (the lock's release, logs) is done by then.
AFTER = 0.05


def _cpu_ns(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(FileNotFoundError, ProcessLookupError):  # a thread that ended
                total += int((task / "schedstat").read_text().split()[0])
    return total


class Meter:
    def __init__(self, pids: list[int]):
        self.pids = pids
        started, begin = _cpu_ns(pids), time.perf_counter()
        time.sleep(5)
        self.idle_per_s = (_cpu_ns(pids) - started) / (time.perf_counter() - begin)
        self.costs: dict[str, list[float]] = {}

    def step(self, name: str, action) -> None:
        time.sleep(AFTER)
        cpu, begin = _cpu_ns(self.pids), time.perf_counter()
        action()
        time.sleep(AFTER)
        used = _cpu_ns(self.pids) - cpu - self.idle_per_s * (time.perf_counter() - begin)
        self.costs.setdefault(name, []).append(used / 1e6)


def journey(tab: ReflexSession, meter: Meter, profile) -> None:
    meter.step("open the wizard", lambda: tab.open(journeys.WIZARD.format(lang="fr")))
    while True:
        question = journeys.question_on_screen(tab)
        answer = {}

        def send(question=question, answer=answer):
            answer["update"] = journeys.answer_question(tab, question, profile)[1]

        meter.step("wizard answer", send)
        if journeys.has_event("_redirect")(answer["update"]):
            break
    meter.step(
        "load the result page",
        lambda: tab.navigate(journeys.RESULT.format(lang="fr"), until=journeys.result_shown(tab)),
    )
    meter.step("open the locator", lambda: tab.open(journeys.LOCATOR_PAGE.format(lang="fr")))
    meter.step(
        "search a town",
        lambda: tab.send(
            f"{journeys.LOCATOR}.search_town",
            {"form_data": {"q": random.choice(journeys.TOWNS)}},
            until=journeys.touches(journeys.LOCATOR, "result"),
        ),
    )


def _deploy(root: Path, workers: int, prebuilt: bool) -> tuple[servers.Deployment, list[int]]:
    previous, servers.ROOT = servers.ROOT, root
    try:
        deployment = servers.deploy("redis", workers, 1, prebuilt)
    finally:
        servers.ROOT = previous
    pids = [p.pid for p in process_tree(deployment.server_ports[0])]
    pids += [p.proc.pid for p in deployment.processes if p.name == "redis"]
    warm = ReflexSession(deployment.url, session_storage=journeys.SESSION_STORAGE)
    journeys.simulator(warm, lambda *_: None, "fr", journeys.PROFILES[0])  # first-use costs
    warm.close()
    return deployment, pids


def _table(title: str, meter: Meter, count: int) -> None:
    print(f"\n{title}: idle {meter.idle_per_s / 1e6:.1f} ms of CPU per second; {count} journeys")
    print("| step | count | median ms | mean ms |")
    print("| --- | ---: | ---: | ---: |")
    for name, costs in meter.costs.items():
        print(f"| {name} | {len(costs)} | {statistics.median(costs):.2f} | {statistics.fmean(costs):.2f} |")
    steps = sum(len(c) for c in meter.costs.values())
    total = sum(sum(c) for c in meter.costs.values())
    print(f"all steps: {total / steps:.2f} ms per step ({steps} steps)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--prebuilt", action="store_true", help="serve the existing .web build")
    parser.add_argument("--journeys", type=int, default=40)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--against", help="another checkout to serve too, journeys alternated")
    args = parser.parse_args(argv)
    random.seed(args.seed)
    roots = [servers.ROOT] + ([Path(args.against).resolve()] if args.against else [])
    deployed: list[tuple[servers.Deployment, list[int]]] = []
    try:
        deployed.extend(_deploy(root, args.workers, args.prebuilt) for root in roots)
        meters = [Meter(pids) for _deployment, pids in deployed]
        for index in range(args.journeys):
            for (deployment, _pids), meter in zip(deployed, meters, strict=True):
                tab = ReflexSession(deployment.url, session_storage=journeys.SESSION_STORAGE)
                journey(tab, meter, journeys.PROFILES[index % len(journeys.PROFILES)])
                tab.close()
        for root, meter in zip(roots, meters, strict=True):
            _table(str(root), meter, args.journeys)
    finally:
        for deployment, _pids in deployed:
            deployment.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
