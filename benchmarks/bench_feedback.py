"""Feedback costs: masking a comment, the rate limiter, storing answers, the quarterly CSV, the CSP of a page.

Run from the repository root:  python benchmarks/bench_feedback.py [--rows 20000]
Uses a throw-away SQLite file. Figures are printed, not asserted (best of several runs).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import best_of
from pti_citizen.db import feedback_store, migrations
from pti_citizen.db.engine import engine
from pti_citizen.db.models import FeedbackEntry
from pti_citizen.feedback.export import ExportFilter, feedback_csv
from pti_citizen.feedback.masking import mask_personal_data
from pti_citizen.feedback.ratelimit import FeedbackLimiter
from pti_citizen.feedback.submission import MAX_COMMENT_LENGTH, check_answer
from pti_citizen.web.security import html_policy

WORDS = [
    "le",
    "montant",
    "du",
    "RSA",
    "n'est",
    "pas",
    "clair",
    "pour",
    "moi",
    "et",
    "je",
    "ne",
    "sais",
    "pas",
    "quoi",
    "faire",
    "avec",
    "la",
    "CAF",
]


def comment(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(70)]
    words.insert(10, "06 12 34 56 78")
    words.insert(30, "jean.dupont@example.org")
    return " ".join(words)[:MAX_COMMENT_LENGTH]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    rng = random.Random(31)

    comments = [comment(rng) for _ in range(1000)]
    seconds = best_of(lambda: [mask_personal_data(c) for c in comments])
    print(f"masking: {seconds / len(comments) * 1e6:.0f} µs per 500-character comment")

    limiter = FeedbackLimiter()  # the limits library's counters, in this process's memory

    async def checks() -> float:
        clients = [await limiter.client(f"session-{i}", f"192.0.2.{i % 250}") for i in range(1000)]
        started = time.perf_counter()
        for i in range(10_000):
            await limiter.admit(clients[i % 1000])
        return time.perf_counter() - started

    print(f"rate limiter: {asyncio.run(checks()) / 10_000 * 1e6:.1f} µs per admission (memory counters)")

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        started = time.perf_counter()
        migrations.upgrade(url)
        print(f"migrations from an empty SQLite file: {(time.perf_counter() - started) * 1000:.0f} ms")
        answer, _ = check_answer("droits/montant-du-rsa", "fr", "non", "moi", {"droits/montant-du-rsa"})
        started = time.perf_counter()
        for _ in range(200):
            feedback_store.add_answer(answer, dt.date(2026, 3, 1), url)
        print(f"store one answer (own transaction): {(time.perf_counter() - started) / 200 * 1000:.2f} ms")
        day0 = dt.date(2025, 1, 1)
        with engine(url).begin() as connection:
            connection.execute(
                FeedbackEntry.__table__.insert(),
                [
                    {
                        "created_on": day0 + dt.timedelta(days=i % 700),
                        "page": f"droits/page-{i % 40}",
                        "lang": "fr",
                        "answer": "non" if i % 3 else "oui",
                        "comment": mask_personal_data(comments[i % len(comments)]),
                        "territory": "Toulouse",
                        "details_given": True,
                    }
                    for i in range(args.rows)
                ],
            )
        seconds = best_of(lambda: feedback_csv(feedback_store.rows(ExportFilter(), url)), repeats=3)
        size = len(feedback_csv(feedback_store.rows(ExportFilter(), url)).encode())
        print(f"CSV export of {args.rows + 200} answers: {seconds * 1000:.0f} ms, {size / 1e6:.1f} MB")
        seconds = best_of(lambda: feedback_store.page_counts(ExportFilter(), url), repeats=3)
        print(f"counts per page and language over {args.rows + 200} answers: {seconds * 1000:.1f} ms")

    page = Path(".web/build/client/fr/droits/montant-du-rsa.html")
    if page.exists():
        body = page.read_bytes()
        started = time.perf_counter()
        html_policy(body + b" ")  # not cached yet
        cold = time.perf_counter() - started
        started = time.perf_counter()
        for _ in range(1000):
            html_policy(body)
        cached = (time.perf_counter() - started) / 1000
        print(
            f"CSP of a built page: {cold * 1e6:.0f} µs first time, {cached * 1e6:.1f} µs afterwards (cached)"
        )
    else:
        print("CSP of a built page: no build in .web (run the app once)")


if __name__ == "__main__":
    main()
