"""Locust: people using the app at the same time.

``Visitor`` — a browser tab with its own websocket. One journey per task: open the home page → the
simulator (every question, with a pause to read and click between answers) → its result page → the
locator, searching a town. The home page is server-rendered: its load is an HTTP GET and nothing more
(no websocket, as in a browser). The Reflex pages' loads are an HTTP GET of the prerendered page (its
scripts and styles are cached by then: service worker, immutable assets) plus the websocket connect and
hydrate; every event is timed from its emit to the update that answers it (request type ``WS``). A
failed step is reported as such and ends the journey.

``Reader`` — someone reading content pages (rights, guides, glossary, legal pages) and nothing else:
plain HTTP, no websocket. A visit reads 3 pages, a pause to read each (``PTI_LOAD_READ``, 10–30 s);
the first page comes with its styles and scripts (every ``.css``/``.js`` the HTML links: a cold
cache), the next ones with the HTML only (requests named ``read page`` and ``read asset``). The pages are every
content page of the four languages (``pti_citizen.content``), or ``PTI_LOAD_READ_PAGES``
(comma-separated paths): the server-rendered pages (``web/pages``) answer them.

Which people: the user classes named on Locust's command line (``Visitor``, ``Reader``: 3 to 7 when
both are named), as ``loadtest.capacity --crowd`` does.

    locust -f loadtest/locustfile.py --host http://127.0.0.1:3105 --headless -u 300 -r 10 -t 3m
    python -m loadtest.capacity ...   # runs several session counts and prints the table

Settings (environment): ``PTI_LOAD_THINK`` seconds between two clicks, ``"1,3"`` by default (a
random pause in that range); ``PTI_LOAD_LANGS`` languages to use, ``fr,en,es,ar`` by default.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import time
from functools import cache
from pathlib import Path

import gevent
from locust import FastHttpUser, events, task

from loadtest import journeys
from loadtest.reflex_ws import CompiledPage, ReflexError, ReflexSession, compiled_page

THINK = tuple(float(x) for x in os.environ.get("PTI_LOAD_THINK", "1,3").split(","))
READ = tuple(float(x) for x in os.environ.get("PTI_LOAD_READ", "10,30").split(","))
PAGES_PER_VISIT = 3
#: Styles and scripts a page links (stylesheets, module preloads, scripts).
ASSET = re.compile(r'(?:href|src)="(/[^"?#]+\.(?:css|js|mjs))"')
LANGS = os.environ.get("PTI_LOAD_LANGS", "fr,en,es,ar").split(",")
#: Where to write every timing (JSON lines), for exact percentiles (``loadtest.capacity`` sets it).
SAMPLES = os.environ.get("PTI_LOAD_SAMPLES")
PAGE: CompiledPage | None = None
#: (request type, name, ms, ok, epoch seconds, what failed: the error's type and first words, or "")
_samples: list[tuple[str, str, float, bool, float, str]] = []


def _dump_greenlets(*_args) -> None:
    """``kill -USR1 <locust pid>``: every greenlet's stack, to see where a run is stuck."""
    import gevent.util

    Path(f"/tmp/locust-greenlets-{os.getpid()}.txt").write_text("\n".join(gevent.util.format_run_info()))


signal.signal(signal.SIGUSR1, _dump_greenlets)


@events.test_start.add_listener
def _read_compiled_page(environment, **_kwargs) -> None:
    global PAGE
    PAGE = compiled_page(environment.host)


@events.request.add_listener
def _keep(request_type, name, response_time, exception=None, **_kwargs) -> None:
    if SAMPLES:
        failure = "" if exception is None else f"{type(exception).__name__}: {str(exception)[:60]}"
        _samples.append((request_type, name, response_time, exception is None, time.time(), failure))


@events.reset_stats.add_listener
def _forget_ramp(**_kwargs) -> None:
    _samples.clear()


@events.quitting.add_listener
def _write_samples(environment, **_kwargs) -> None:
    if SAMPLES:
        Path(SAMPLES).write_text(json.dumps(_samples), encoding="utf-8")


@cache
def read_pages() -> tuple[str, ...]:
    given = os.environ.get("PTI_LOAD_READ_PAGES")
    if given:
        return tuple(path.strip() for path in given.split(",") if path.strip())
    from pti_citizen.content import load_site

    site = load_site()
    return tuple(page.url.rstrip("/") + "/" for lang in LANGS for page in site.pages(lang))


class Reader(FastHttpUser):
    """Reads content pages over plain HTTP: no websocket, no server session."""

    weight = 7
    wait_time = staticmethod(lambda: random.uniform(*THINK))

    def _fetch(self, path: str, name: str) -> str:
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
                return ""
            return response.text or ""

    @task
    def visit(self) -> None:
        cached: set[str] = set()
        for path in random.sample(read_pages(), k=min(PAGES_PER_VISIT, len(read_pages()))):
            html = self._fetch(path, "read page")
            for asset in dict.fromkeys(ASSET.findall(html)):
                if asset not in cached:
                    cached.add(asset)
                    self._fetch(asset, "read asset")
            gevent.sleep(random.uniform(*READ))


class Visitor(FastHttpUser):
    weight = 3
    # The pauses are inside the journey (between clicks); a short one between two visits.
    wait_time = staticmethod(lambda: random.uniform(*THINK))

    def _record(self, name: str, seconds: float, exception: Exception | None = None) -> None:
        self.environment.events.request.fire(
            request_type="WS",
            name=name,
            response_time=seconds * 1000,
            response_length=0,
            exception=exception,
            context={},
        )

    def _think(self) -> None:
        gevent.sleep(random.uniform(*THINK))

    def _get(self, path: str) -> None:
        with self.client.get(
            path, name=f"GET {path.split('/', 2)[-1] or 'home'}", catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    @task
    def journey(self) -> None:
        lang = random.choice(LANGS)
        tab = ReflexSession(self.host, session_storage=journeys.SESSION_STORAGE, page=PAGE)
        step = "open home"
        started = time.perf_counter()
        try:
            self._get(journeys.HOME.format(lang=lang))  # server-rendered: no websocket
            self._think()
            step = "simulator"
            self._get(journeys.WIZARD.format(lang=lang))
            result = journeys.simulator(tab, self._record, lang, pause=self._think)
            if result is None or result.outcome != "own":
                raise ReflexError(f"result page shows {result and result.outcome!r}, not the estimate")
            self._think()
            step = "locator"
            self._get(journeys.LOCATOR_PAGE.format(lang=lang))
            if journeys.locator(tab, self._record, lang) == 0:
                raise ReflexError("the locator found no place")
        except (ReflexError, OSError) as error:
            self._record(f"{step} failed", time.perf_counter() - started, error)
        finally:
            tab.close()
