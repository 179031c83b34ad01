"""Per-household time and memory of the rights engine, against OpenFisca-France, in one run.

    python benchmarks/bench_simulator.py [--households 2000] [--single 10]

Prints, for the version-2 grid (six benefits, family benefits estimated):

- ours: the full JSON path (``estimate_payload``: validation, six benefits, every text), the typed
  service (``service.estimate``), the rules alone (``service.compute``) and « Et si je travaille ? »
  (``service.what_if``: two estimates) — mean, median and p99, in wall time and in CPU time of the
  thread (the machine is shared: CPU time is what the engine costs when another job takes the core);
- the same full path with the engine run from its Python source (a fresh process, the compiled
  modules set aside), to show what the compiled engine (``scripts/compile_engine.py``) brings;
- OpenFisca-France computing the same six variables (rsa, ppa, af, cf, paje_base, asf): batched (one
  simulation for all households) and one simulation per household, as one web request would run it;
- the ratios, and the memory the engine holds once its caches are warm (tracemalloc, in a fresh
  process, split by source folder).

Targets (issue #11): the whole estimate p99 < 1 ms; ≥ 1000× OpenFisca one simulation per
household; what-if < 2 ms; memory added by the new benefits ≤ 10 MiB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pti_citizen.simulator import estimate_payload, make_job, parse_household, service  # noqa: E402

TODAY = dt.date(2026, 11, 29)


def _load(name: str):
    """The grid and the OpenFisca mapping are shared with tests/simulator (no package import needed)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "simulator" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _summary(samples_ns: list[int]) -> tuple[float, float, float]:
    ordered = sorted(samples_ns)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    return statistics.fmean(ordered) / 1000, statistics.median(ordered) / 1000, p99 / 1000


def _time(function, items: list, warm_up: list) -> tuple[list[int], list[int]]:
    """Each household once (distinct households: no cache sees the same household twice), after a
    warm-up on other households (caches of parameters, catalogs, formats, as in a running server)."""
    for item in warm_up:
        function(item)
    wall, cpu = [], []
    for item in items:
        start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        function(item)
        cpu.append(time.thread_time_ns() - start_cpu)
        wall.append(time.perf_counter_ns() - start)
    return wall, cpu


def calibration() -> float:
    """µs for a fixed pure-Python loop: how busy the shared machine was during this run."""
    start = time.perf_counter_ns()
    total = 0
    for value in range(200_000):
        total += value % 7
    return (time.perf_counter_ns() - start) / 1000


def _line(label: str, wall: list[int], cpu: list[int]) -> tuple[float, float, float, float]:
    mean, median, p99 = _summary(wall)
    cpu_mean, cpu_median, cpu_p99 = _summary(cpu)
    print(
        f"{label:<44} wall mean {mean:7.1f} µs, median {median:7.1f}, p99 {p99:7.1f} | "
        f"CPU mean {cpu_mean:7.1f} µs, median {cpu_median:7.1f}, p99 {cpu_p99:7.1f}"
    )
    return mean, p99, cpu_p99, cpu_mean


MEMORY_PROBE = """
import datetime, gc, json, sys, tracemalloc
sys.path.insert(0, {root!r})
import pydantic, babel, yaml  # the libraries and babel's CLDR data, loaded before measuring
from babel.numbers import format_percent
import pti_citizen.i18n as i18n
for lang in ("fr", "en", "es", "ar"):
    i18n.format_euros(1234.5, lang)
    i18n.format_date(datetime.date(2026, 4, 1), lang)
    i18n.format_month_year(datetime.date(2026, 4, 1), lang)
    i18n.format_number(3214, lang, 0)
    format_percent(0.5985, locale=lang, decimal_quantization=False)
tracemalloc.start(25)
import pti_citizen.simulator as simulator
households = json.loads(sys.stdin.read())
for lang in ("fr", "en", "es", "ar"):
    for household in households:
        simulator.estimate_payload(dict(household, lang=lang))
gc.collect()
snapshot = tracemalloc.take_snapshot()
folders = {{}}
for stat in snapshot.statistics("filename"):
    name = stat.traceback[0].filename
    key = "other"
    if "/pti_citizen/simulator/" in name:
        part = name.split("/pti_citizen/simulator/", 1)[1]
        key = "benefits/" + part.split("/")[1] if part.startswith("benefits/") else part.split("/")[0]
    folders[key] = folders.get(key, 0) + stat.size
total = sum(stat.size for stat in snapshot.statistics("filename"))
print(json.dumps({{"total": total, "folders": folders}}))
"""


PURE_PYTHON_PROBE = """
import datetime, json, sys, time
from pti_citizen.simulator import estimate_payload
today = datetime.date.fromisoformat({today!r})
for line in sys.stdin:
    wall, cpu = [], []
    for household in json.loads(line):
        start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        estimate_payload(household, today=today)
        cpu.append(time.thread_time_ns() - start_cpu)
        wall.append(time.perf_counter_ns() - start)
    print(json.dumps([wall, cpu]), flush=True)
"""


class PurePython:
    """A process running the engine from its Python source (compiled modules set aside): it times
    ``estimate_payload`` on each batch of households it is sent, as ``_time`` does here."""

    def __init__(self) -> None:
        from pti_citizen.simulator import compiled

        script = compiled.from_source_prelude() + PURE_PYTHON_PROBE.format(today=TODAY.isoformat())
        self.process = subprocess.Popen(
            [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def time(self, households: list[dict]) -> tuple[list[int], list[int]]:
        self.process.stdin.write(json.dumps(households) + "\n")
        self.process.stdin.flush()
        wall, cpu = json.loads(self.process.stdout.readline())
        return wall, cpu

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)


def memory(households: list[dict], root: Path = ROOT) -> dict:
    """Memory held by the engine after import and warm caches (fresh process, tracemalloc)."""
    completed = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE.format(root=str(root))],
        input=json.dumps(households),
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return json.loads(completed.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=2000, help="distinct households timed once each")
    parser.add_argument("--single", type=int, default=20, help="households simulated one by one in OpenFisca")
    parser.add_argument(
        "--baseline",
        type=Path,
        help="version 1 unpacked (`git archive ea7bfc6 pti_citizen locales | tar -x -C /tmp/v1`): its memory on the "
        "same households (family benefits pinned), to tell what the new benefits add",
    )
    args = parser.parse_args()

    grid = _load("grid")
    reference = _load("openfisca_reference")
    households = grid.households_v2(args.households)
    models = [parse_household(household, "fr")[0] for household in households]
    warm = grid.households_v2(300, seed=1)
    warm_models = [parse_household(household, "fr")[0] for household in warm]
    job, _ = make_job(hours_per_week=20, hourly_wage=11)

    print(
        f"Python {platform.python_version()} on {platform.machine()}, {len(households)} distinct households"
    )
    from pti_citizen.simulator import compiled

    modules = compiled.compiled_modules()
    print(
        f"engine: {len(modules)} modules compiled by scripts/compile_engine.py (Cython)"
        if modules
        else "engine: pure Python (not compiled: run scripts/setup.sh or scripts/compile_engine.py)"
    )
    print(
        f"machine load: a fixed pure-Python loop took {calibration():,.0f} µs "
        "(the same loop in every run: lower means a quieter machine)"
    )
    full = _line(
        "ours, estimate_payload (JSON, 6 benefits, texts)",
        *_time(lambda household: estimate_payload(household, today=TODAY), households, warm),
    )
    _line(
        "ours, service.estimate (typed, texts)",
        *_time(lambda model: service.estimate(model, today=TODAY), models, warm_models),
    )
    rules = _line(
        "ours, service.compute (rules only)",
        *_time(lambda model: service.compute(model, today=TODAY), models, warm_models),
    )
    what_if = _line(
        "ours, service.what_if (now and with a job)",
        *_time(lambda model: service.what_if(model, job, today=TODAY), models, warm_models),
    )

    start = time.perf_counter()
    reference.tax_benefit_system()
    print(
        f"OpenFisca-France tax-benefit system built once in {time.perf_counter() - start:.2f} s (not counted)"
    )
    outputs = tuple(reference.BENEFIT_VARIABLES.values())
    batch = households[:200]
    start = time.perf_counter()
    reference.compute(batch, outputs=outputs)
    batched = (time.perf_counter() - start) / len(batch) * 1e6
    # OpenFisca one household at a time, interleaved with ours (and the engine run from its source)
    # on a slice of the households after each: the three see the same machine, so the ratio holds
    # even when a shared machine speeds up or slows down during the run.
    pure = PurePython() if modules else None
    if pure is not None:
        pure.time(warm)
    singles, singles_cpu, paired, paired_cpu, source, source_cpu = [], [], [], [], [], []
    slices = [households[index :: args.single] for index in range(args.single)]
    for household, piece in zip(households[: args.single], slices, strict=True):
        start, start_cpu = time.perf_counter_ns(), time.thread_time_ns()
        reference.compute([household], outputs=outputs)
        singles_cpu.append(time.thread_time_ns() - start_cpu)
        singles.append(time.perf_counter_ns() - start)
        wall, cpu = _time(lambda household: estimate_payload(household, today=TODAY), piece, [])
        paired += wall
        paired_cpu += cpu
        if pure is not None:
            wall, cpu = pure.time(piece)
            source += wall
            source_cpu += cpu
    if pure is not None:
        pure.close()
    single, single_cpu = _summary(singles)[0], _summary(singles_cpu)[0]
    print(f"OpenFisca batched (one simulation, months as in the grid): {batched / 1000:.2f} ms per household")
    print(
        f"OpenFisca one simulation per household ({len(singles)}): {single / 1000:.2f} ms per household "
        f"(CPU {single_cpu / 1000:.2f} ms)"
    )
    interleaved = _line("ours, estimate_payload, interleaved with them", paired, paired_cpu)
    if source:
        from_source = _line("ours, the same, engine run from its source", source, source_cpu)
        print(f"  compiled / source: {interleaved[0] / from_source[0]:.0%} of the time (mean, interleaved)")
    print("ratios (OpenFisca per household / ours mean):")
    print(f"  batched: {batched / full[0]:,.0f}× (full path), {batched / rules[0]:,.0f}× (rules only)")
    print(
        f"  one simulation per household, interleaved: {single / interleaved[0]:,.0f}× (full path; "
        f"CPU time {single_cpu / interleaved[3]:,.0f}×)"
        + (f", {single / from_source[0]:,.0f}× with the engine run from its source" if source else "")
    )
    print(
        f"  one simulation per household against the first pass: {single / full[0]:,.0f}× (full path), "
        f"{single / rules[0]:,.0f}× (rules only)"
    )

    found = memory(households[:300])
    mib = 1024 * 1024
    print(
        f"memory held by the engine, caches warm (tracemalloc, fresh process): {found['total'] / mib:.2f} MiB"
    )
    for folder, size in sorted(found["folders"].items(), key=lambda item: -item[1])[:8]:
        print(f"  {folder:<36} {size / mib:6.2f} MiB")
    added = found["total"]
    if args.baseline:
        pinned = [
            {
                **{key: value for key, value in household.items() if key != "child_support_received"},
                "family_benefits": household["family_benefits"] or 0,
            }
            for household in households[:300]
        ]
        before = memory(pinned, args.baseline)
        added = found["total"] - before["total"]
        print(
            f"version 1's engine on the same households: {before['total'] / mib:.2f} MiB → added {added / mib:.2f} MiB"
        )

    print(
        "targets: "
        f"estimate p99 < 1000 µs {'met' if full[1] < 1000 else 'NOT met'} (wall {full[1]:.0f} µs, CPU {full[2]:.0f} µs); "
        f"≥ 1000× {'met' if single / interleaved[0] >= 1000 else 'NOT met'} ({single / interleaved[0]:,.0f}×, interleaved); "
        f"what-if < 2000 µs {'met' if what_if[1] < 2000 else 'NOT met'} (p99 wall {what_if[1]:.0f} µs, CPU {what_if[2]:.0f} µs); "
        f"memory added ≤ 10 MiB {'met' if added <= 10 * mib else 'NOT met'} ({added / mib:.2f} MiB"
        f"{'' if args.baseline else ', the whole engine'})"
    )


if __name__ == "__main__":
    main()
