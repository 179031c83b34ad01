"""Many people answering « Est-ce que cette page est claire ? » at the same instant.

Each writer is a browser tab (its own websocket): it opens a content page, waits until every
writer is ready, then answers « Oui » or « Non » and sends the optional details (a comment only it
writes, one « ce qui manque » box). Prints one JSON document: what each writer was told (stored,
refused and why) and how long it took, so that a caller can compare with the database.

    python -m loadtest.feedback_burst --host http://127.0.0.1:3105 --writers 300

Runs under gevent (one process, one greenlet per writer): the generator stays light.
"""

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import string  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import gevent  # noqa: E402
from gevent.event import Event  # noqa: E402

from loadtest.journeys import FEEDBACK  # noqa: E402
from loadtest.reflex_ws import ReflexError, ReflexSession, touches  # noqa: E402

#: Content pages of every section (pti_citizen/content/pages/fr), and the languages they exist in.
PAGES = (
    "droits/montant-du-rsa",
    "droits/qui-peut-avoir-le-rsa",
    "demarches/declaration-trimestrielle",
    "contact",
)
LANGS = ("fr", "en", "es", "ar")
MISSING = ("exemple", "etapes", "mots", "montant", "contact", "mon-cas", "autre")


def comment_for(index: int) -> str:
    """A comment only this writer sends, in letters only (the masking keeps words, not long numbers)."""
    rng = random.Random(index)
    word = "".join(rng.choices(string.ascii_lowercase, k=10))
    return f"Avis d'essai {word} : la page est longue"


def writer(index: int, host: str, ready: list, go: Event, timeout: float) -> dict:
    lang, page = LANGS[index % len(LANGS)], PAGES[index % len(PAGES)]
    record = {
        "writer": index,
        "lang": lang,
        "page": page,
        "answer": "oui" if index % 2 == 0 else "non",
        "missing": MISSING[index % len(MISSING)],
        "comment": comment_for(index),
        "stored": False,
        "details_stored": False,
        "notice": "",
        "error": "",
    }
    tab = ReflexSession(host, timeout=timeout)
    try:
        tab.open(f"/{lang}/{page}")
        ready.append(index)
        go.wait()
        start = time.perf_counter()
        tab.send(
            f"{FEEDBACK}.answer_page",
            {"page": page, "lang": lang, "answer": record["answer"], "mode": "moi"},
            until=touches(FEEDBACK, "step", "notice"),
        )
        record["answer_ms"] = (time.perf_counter() - start) * 1000
        record["stored"] = tab.get(FEEDBACK, "step") == "details"
        record["notice"] = tab.get(FEEDBACK, "notice") or ""
        if record["stored"]:
            form = {
                "page": page,
                "lang": lang,
                "comment": record["comment"],
                f"manque-{record['missing']}": "on",
            }
            start = time.perf_counter()
            tab.send(
                f"{FEEDBACK}.send_details",
                {"form": form},
                until=touches(FEEDBACK, "step", "notice", "errors"),
            )
            record["details_ms"] = (time.perf_counter() - start) * 1000
            record["details_stored"] = tab.get(FEEDBACK, "step") == "done"
            record["notice"] = tab.get(FEEDBACK, "notice") or ""
    except ReflexError as error:
        record["error"] = str(error)
    finally:
        tab.close()
    return record


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", required=True)
    parser.add_argument("--writers", type=int, default=300)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args(argv)

    ready: list[int] = []
    go = Event()
    jobs = [gevent.spawn(writer, i, args.host, ready, go, args.timeout) for i in range(args.writers)]
    deadline = time.monotonic() + args.timeout
    while len(ready) + sum(job.ready() for job in jobs) < args.writers and time.monotonic() < deadline:
        gevent.sleep(0.05)
    started = time.perf_counter()
    go.set()  # everybody presses the button now
    gevent.joinall(jobs, timeout=args.timeout * 3)
    records = [job.value for job in jobs]
    elapsed = time.perf_counter() - started
    answers = [r["answer_ms"] for r in records if r and "answer_ms" in r]
    details = [r["details_ms"] for r in records if r and "details_ms" in r]
    summary = {
        "writers": args.writers,
        "connected": len(ready),
        "stored": sum(bool(r and r["stored"]) for r in records),
        "details_stored": sum(bool(r and r["details_stored"]) for r in records),
        "refused": sum(bool(r and not r["stored"] and r["notice"]) for r in records),
        "errors": sum(bool(not r or r["error"]) for r in records),
        "seconds": round(elapsed, 2),
        "answer_ms_p50": round(percentile(answers, 0.5), 1),
        "answer_ms_p95": round(percentile(answers, 0.95), 1),
        "details_ms_p95": round(percentile(details, 0.95), 1),
        "records": records,
    }
    json.dump(summary, sys.stdout, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
