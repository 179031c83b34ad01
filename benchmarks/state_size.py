"""Server state per session: what each kind of visit leaves on the server, pickled as Reflex stores it.

Run from the repository root:  python benchmarks/state_size.py
(starts its own server: one worker with sessions in Redis, so that every state is readable as the
bytes Reflex keeps; the same pickles are what a worker holds in memory mode). Or against a running
one: ``--host http://127.0.0.1:3105 --redis-port 6392``.

Each visit is played with a fresh tab (``loadtest/journeys.py``), then the tab's keys in Redis are
read: one line per visit, with the total and its largest states, and what the same states take as
Python objects once unpickled (what a worker holds per session in memory mode). The worst cases are played on
purpose: the locator with the most places it ever shows, the feedback form with the longest
comment, the team space signed in over a database holding the most it ever shows (30 comments of
500 characters, every page of every language). Target (issue #15): ≤ 50 KiB per session, nothing
for a reader of a content page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
import tempfile
import tracemalloc
import urllib.request
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import redis

from loadtest import journeys, servers
from loadtest.reflex_ws import ReflexSession, compiled_page, state_name, touches
from pti_citizen.directory import MAX_LIMIT
from pti_citizen.feedback.submission import MAX_COMMENT_LENGTH

TARGET_KIB = 50
REVIEW = state_name("pti_citizen.ui.feedback.review_state", "ReviewState")
SECRET = "benchmark-secret-of-the-team-space"
CONTENT_PAGE = "/fr/droits/montant-du-rsa/"


def fill_database(url: str) -> None:
    """The most the team space ever shows: 30 long comments, an answer on every page of every language."""
    from sqlmodel import Session

    from pti_citizen.content import load_site
    from pti_citizen.db import migrations
    from pti_citizen.db.engine import engine
    from pti_citizen.db.models import FeedbackEntry
    from pti_citizen.i18n import LANGUAGES

    migrations.upgrade(url)
    site = load_site()
    today = dt.date.today()
    with Session(engine(url)) as db:
        for lang in LANGUAGES:
            for page in site.pages(lang):
                path = page.url[len(f"/{lang}/") :].rstrip("/")
                db.add(FeedbackEntry(created_on=today, page=path, lang=lang, answer="non", mode="moi"))
        for index in range(40):
            db.add(
                FeedbackEntry(
                    created_on=today,
                    page="droits/montant-du-rsa",
                    lang="fr",
                    answer="non",
                    mode="aidant",
                    comment=(f"Commentaire {index} : " + "je ne comprends pas le montant " * 20)[
                        :MAX_COMMENT_LENGTH
                    ],
                    missing="exemples,mots",
                    territory="Toulouse",
                    details_given=True,
                )
            )
        db.commit()


def session_pickles(client: redis.Redis, token: str) -> dict[str, bytes]:
    pickles = {}
    for key in client.scan_iter(match=f"{token}_*", count=1000):
        name = key.decode()[len(token) + 1 :]
        pickles[name.rsplit(".", 1)[-1].split("____")[-1]] = client.get(key)
    return pickles


def in_memory_bytes(pickles: list[bytes]) -> int:
    """Python memory of the states once unpickled (tracemalloc), as a memory-mode worker keeps them."""
    from reflex.state import BaseState

    import pti_citizen.pti_citizen  # noqa: F401  (the state classes)

    gc.collect()
    tracemalloc.start()
    states = [BaseState._deserialize(data=data) for data in pickles]
    held, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del states
    return held


def reader(host: str, _page) -> ReflexSession | None:
    """A reader of the static content pages: plain HTTP, no websocket."""
    with urllib.request.urlopen(host + CONTENT_PAGE, timeout=30) as response:
        response.read()
    return None


def reflex_reader(host: str, page) -> ReflexSession:
    tab = ReflexSession(host, session_storage=journeys.SESSION_STORAGE, page=page)
    tab.open(CONTENT_PAGE)
    return tab


def simulator_then_locator(host: str, page) -> ReflexSession:
    tab = ReflexSession(host, session_storage=journeys.SESSION_STORAGE, page=page)
    journeys.home(tab, lambda *_: None, "fr")
    journeys.simulator(tab, lambda *_: None, "fr", journeys.PROFILES[3])
    journeys.locator(tab, lambda *_: None, "fr", "Toulouse")
    return tab


def locator_at_most(host: str, page) -> ReflexSession:
    tab = ReflexSession(host, session_storage=journeys.SESSION_STORAGE, page=page)
    journeys.locator(tab, lambda *_: None, "ar", "Toulouse")
    while (tab.get(journeys.LOCATOR, "limit") or 0) < MAX_LIMIT and tab.get(
        journeys.LOCATOR, "can_show_more"
    ):
        tab.send(f"{journeys.LOCATOR}.show_more", {}, until=touches(journeys.LOCATOR, "result"))
    return tab


def feedback_with_details(host: str, page) -> ReflexSession:
    tab = ReflexSession(host, session_storage=journeys.SESSION_STORAGE, page=page)
    tab.open(CONTENT_PAGE)
    journeys.feedback(tab, lambda *_: None, "droits/montant-du-rsa", "fr", "non")
    form = {"page": "droits/montant-du-rsa", "lang": "fr", "comment": "é" * MAX_COMMENT_LENGTH}
    tab.send(f"{journeys.FEEDBACK}.send_details", {"form": form}, until=touches(journeys.FEEDBACK, "step"))
    return tab


def team_space(host: str, page) -> ReflexSession:
    tab = ReflexSession(host, session_storage=journeys.SESSION_STORAGE, page=page)
    tab.open("/equipe/")
    tab.send(f"{REVIEW}.sign_in", {"form": {"secret": SECRET}}, until=touches(REVIEW, "signed_in"))
    if not tab.get(REVIEW, "signed_in"):
        raise SystemExit("the team space refused the benchmark's secret")
    return tab


VISITS: list[tuple[str, Callable]] = [
    ("reader of a content page, plain HTTP (static pages)", reader),
    ("reader of a content page as a Reflex page (websocket + hydrate)", reflex_reader),
    ("home → simulator (13 answers) → result → locator (the crowd's journey)", simulator_then_locator),
    (f"locator, « voir plus » up to {MAX_LIMIT} places (Arabic)", locator_at_most),
    ("content page + feedback « non » + a 500-character comment", feedback_with_details),
    ("team space signed in, 30 long comments, every page counted", team_space),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host")
    parser.add_argument("--redis-port", type=int)
    parser.add_argument("--prebuilt", action="store_true", help="serve the existing .web build")
    args = parser.parse_args(argv)
    deployment = None
    if args.host:
        if not args.redis_port:
            parser.error("--host needs --redis-port (the sessions are read from Redis)")
        host, redis_port = args.host.rstrip("/"), args.redis_port
    else:
        database = Path(tempfile.mkdtemp(prefix="pti-state-size-")) / "feedback.sqlite3"
        os.environ["PTI_DATABASE_URL"] = f"sqlite:///{database}"
        os.environ["PTI_REVIEW_SECRET"] = SECRET
        fill_database(os.environ["PTI_DATABASE_URL"])
        deployment = servers.deploy("redis", workers=1, hosts=1, prebuilt=args.prebuilt)
        host, redis_port = deployment.url, deployment.redis_port
    client = redis.Redis(port=redis_port)
    try:
        page = compiled_page(host)
        print("| visit | state kept on the server (pickled) | largest states (KiB) | as Python objects |")
        print("| --- | ---: | --- | ---: |")
        for label, visit in VISITS:
            before = set(client.scan_iter(match="*_reflex___state____state", count=1000))
            tab = visit(host, page)
            if tab is not None:
                tab.close()
                pickles = session_pickles(client, tab.token)
            else:
                new = set(client.scan_iter(match="*_reflex___state____state", count=1000)) - before
                pickles = {key.decode(): client.get(key) for key in new}
            sizes = {name: len(data) for name, data in pickles.items()}
            total = sum(sizes.values())
            objects = in_memory_bytes(list(pickles.values())) if pickles else 0
            largest = ", ".join(
                f"{name} {size / 1024:.1f}" for name, size in sorted(sizes.items(), key=lambda kv: -kv[1])[:3]
            )
            flag = "" if total <= TARGET_KIB * 1024 else " (over the target)"
            print(
                f"| {label} | **{total / 1024:.1f} KiB**{flag} | {largest or 'nothing'} | {objects / 1024:.0f} KiB |",
                flush=True,
            )
    finally:
        client.close()
        if deployment is not None:
            deployment.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
