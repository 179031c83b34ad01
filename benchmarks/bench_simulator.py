"""Per-household time of our RSA engine against OpenFisca-France, on the same households, in one run.

    python benchmarks/bench_simulator.py [--households 200] [--rounds 20] [--single 20]

Prints mean / median / p99 for our engine (the full JSON path: validation, rules and texts; and
the rules alone), OpenFisca's time per household (batched: one simulation for all households, with
their own months or all in one month; single: one simulation per household, as one web request
would run it), and the ratios. Targets: ours p99 < 1 ms; at least 1000 times faster than OpenFisca
per household. Same machine, same households, same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pti_citizen.simulator import estimate_household, estimate_payload, parse_household  # noqa: E402

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


def time_ours(households: list[dict], rounds: int) -> tuple[list[int], list[int]]:
    full, rules = [], []
    parsed = [parse_household(household, "fr")[0] for household in households]
    for household in households:  # warm-up: caches of parameters, catalogs, formats
        estimate_payload(household, today=TODAY)
    for _ in range(rounds):
        for household, model in zip(households, parsed, strict=True):
            start = time.perf_counter_ns()
            estimate_payload(household, today=TODAY)
            full.append(time.perf_counter_ns() - start)
            start = time.perf_counter_ns()
            estimate_household(model, today=TODAY)
            rules.append(time.perf_counter_ns() - start)
    return full, rules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=20, help="passes over the households for our engine")
    parser.add_argument("--single", type=int, default=20, help="households simulated one by one in OpenFisca")
    args = parser.parse_args()

    grid = _load("grid")
    reference = _load("openfisca_reference")
    households = grid.households(args.households)

    print(f"Python {platform.python_version()} on {platform.machine()}, {args.households} households")
    full, rules = time_ours(households, args.rounds)
    mean, median, p99 = _summary(full)
    print(
        f"ours, estimate_payload (validation + rules + texts): mean {mean:.1f} µs, median {median:.1f} µs, p99 {p99:.1f} µs"
    )
    rules_mean, rules_median, rules_p99 = _summary(rules)
    print(
        f"ours, rules only (estimate_household):               mean {rules_mean:.1f} µs, median {rules_median:.1f} µs, p99 {rules_p99:.1f} µs"
    )

    start = time.perf_counter()
    reference.tax_benefit_system()
    print(
        f"OpenFisca-France tax-benefit system built once in {time.perf_counter() - start:.2f} s (not counted below)"
    )

    openfisca = {}
    start = time.perf_counter()
    reference.compute(households, outputs=("rsa",))
    openfisca["batched, months as in the grid"] = (time.perf_counter() - start) / len(households) * 1e6
    same_month = [dict(household, month="2026-10") for household in households]
    start = time.perf_counter()
    reference.compute(same_month, outputs=("rsa",))
    openfisca["batched, all in one month"] = (time.perf_counter() - start) / len(households) * 1e6
    singles = []
    for household in households[: args.single]:
        start = time.perf_counter_ns()
        reference.compute([household], outputs=("rsa",))
        singles.append(time.perf_counter_ns() - start)
    openfisca[f"one simulation per household ({len(singles)})"] = _summary(singles)[0]

    for label, micros in openfisca.items():
        print(f"OpenFisca {label}: {micros / 1000:.2f} ms per household")
    print("ratios (OpenFisca per household / ours mean):")
    for label, micros in openfisca.items():
        print(f"  {label}: {micros / mean:,.0f}× (full path), {micros / rules_mean:,.0f}× (rules only)")
    single = list(openfisca.values())[-1]
    print(
        f"targets: p99 < 1000 µs {'met' if p99 < 1000 else 'NOT met'} ({p99:.0f} µs); "
        f"≥ 1000× per household {'met' if single / mean >= 1000 else 'NOT met'} ({single / mean:,.0f}×)"
    )


if __name__ == "__main__":
    main()
