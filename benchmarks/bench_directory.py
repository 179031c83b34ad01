"""Directory speed and memory: nearest-5 lookups for all 586 communes, and the RSS the data costs.

Run from the repository root:  python benchmarks/bench_directory.py
Targets (issue): all 586 nearest-5 lookups in < 50 ms in total. Figures are printed, not asserted.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import best_of, rss_kib

REPEATS = 7


def main() -> None:
    before_import = rss_kib()
    started = time.perf_counter()
    # Libraries the app loads anyway (Reflex depends on pydantic and httpx; i18n on babel).
    import babel.dates  # noqa: F401
    import httpx  # noqa: F401
    import pydantic  # noqa: F401
    import yaml  # noqa: F401

    after_shared = rss_kib()
    from pti_citizen.directory import get_directory, nearest_payload
    from pti_citizen.directory.hours import paris_time

    after_import = rss_kib()
    directory = get_directory()
    load_s = time.perf_counter() - started
    after_load = rss_kib()

    communes = directory.communes
    queries = [f"insee:{c.insee}" for c in communes]
    now = paris_time(None)

    def ranking_only():
        for commune in communes:
            directory.index.nearest(commune.lat, commune.lon, limit=5)

    def resolve_and_rank():
        for query in queries:
            resolution = directory.towns.resolve(query)
            directory.index.nearest(resolution.lat, resolution.lon, limit=5)

    def by_name():
        for commune in communes:
            resolution = directory.towns.resolve(commune.name)
            directory.index.nearest(resolution.lat, resolution.lon, limit=5)

    def full_payload():
        for query in queries:
            status, _ = nearest_payload(query, now=now)
            assert status == 200

    # A typo in each commune's name (its longest word with its middle letter changed): suggestions.
    def _typo(name: str) -> str:
        words = name.replace("-", " ").split()
        longest = max(range(len(words)), key=lambda i: len(words[i]))
        word = words[longest]
        middle = len(word) // 2
        words[longest] = word[:middle] + ("x" if word[middle] != "x" else "z") + word[middle + 1 :]
        return " ".join(words)

    typos = [_typo(c.name) for c in communes]

    def with_a_typo():
        for query in typos:
            directory.towns.resolve(query)

    print(f"Python {sys.version.split()[0]}; {len(directory.places)} places, {len(communes)} communes")
    print(f"load (import + read + validate): {load_s * 1000:.0f} ms")
    print(
        f"RSS: shared libraries (babel, httpx, pydantic, yaml) +{(after_shared - before_import) / 1024:.1f} MiB, "
        f"directory code (+ data-inclusion-schema, opening-hours-py) +{(after_import - after_shared) / 1024:.1f} MiB, "
        f"data loaded and validated +{(after_load - after_import) / 1024:.1f} MiB; "
        f"total +{(after_load - before_import) / 1024:.1f} MiB (process now {after_load / 1024:.1f} MiB)"
    )
    for label, function in [
        ("nearest-5 ranking, 586 commune centres", ranking_only),
        ("insee:CODE resolve + nearest-5, 586 communes", resolve_and_rank),
        ("town name resolve + nearest-5, 586 communes", by_name),
        ("full API payload (status texts, links), 586 communes", full_payload),
        ("a typo in each name, resolve to suggestions, 586 communes", with_a_typo),
    ]:
        total = best_of(function, REPEATS)
        print(
            f"{label}: {total * 1000:.1f} ms total, {total / len(communes) * 1e6:.0f} µs each (best of {REPEATS})"
        )

    # The locator's offline data (GET /locator-data.json), made once a day.
    import gzip
    import json

    from pti_citizen.directory.offline import offline_data

    made = best_of(lambda: offline_data(now), 3)
    body = json.dumps(offline_data(now), ensure_ascii=False, separators=(",", ":")).encode()
    print(
        f"offline data: made in {made * 1000:.0f} ms (best of 3), {len(body) / 1000:.0f} kB, "
        f"{len(gzip.compress(body)) / 1000:.0f} kB gzipped"
    )


if __name__ == "__main__":
    main()
