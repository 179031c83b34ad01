"""The locator's live session: what was asked and what the directory answered.

Holds data only; the words around it are baked into each language's page. A typed street address
is never kept in a var the page can read back: it reaches the server with the form only, and the
search made from it — like one made from the person's position — stays in a backend-only var for
this connection (to re-run it with another filter). The whole state is ``connection_bound``: a tab
token reused by another connection finds it empty (``ui/session_guard.py``). Nothing of it is
written to the page's URL or a shared link, and a kiosk reset forgets it.

No handler returns code for the browser (the Content-Security-Policy forbids ``eval``). What only
the browser can do lives in ``assets/locator.js``: the state *asks* through data attributes (the
address bar's query, the element to focus) and the browser answers through hidden forms (the
position, what became of a shared link).
"""

from __future__ import annotations

from typing import Any, ClassVar

import reflex as rx

from pti_citizen import routes
from pti_citizen.directory import MAX_LIMIT
from pti_citizen.services import services

from . import search
from .search import Ask
from .view import Outcome

RESULTS_HEADING_ID = "locator-results-title"
TOWN_INPUT_ID = "locator-q"
ADDRESS_INPUT_ID = "locator-address"
ADDRESS_DETAILS_ID = "locator-address-search"
GPS_BUTTON_ID = "locator-gps"

GPS_FORM_ID = "locator-gps-form"
SHARE_FORM_ID = "locator-share-form"
SHARE_BUTTON_ID = "locator-share"
SHARE_STATUSES = ("shared", "copied", "failed")
MAX_SHARE_URL = 2048

# The browser does what only it can (``assets/locator.js``), then submits a hidden form to the state.
# These are compiled into the page as functions: the Content-Security-Policy forbids ``eval``, which
# ``rx.call_script`` returned by a handler would need.
LOCATE_IN_BROWSER = rx.call_function(rx.Var("() => window.ptiLocator && window.ptiLocator.locate()"))
SHARE_IN_BROWSER = rx.call_function(rx.Var("() => window.ptiLocator && window.ptiLocator.share()"))


class LocatorState(rx.State):
    """One search at a time; ``result`` is what the page shows."""

    connection_bound: ClassVar[bool] = True

    query: str = ""
    kind: str = "all"
    limit: int = search.FIRST_LIMIT
    result: Outcome = Outcome()
    #: What is running: ``town``, ``gps``, ``address``, or "" when idle.
    busy: str = ""
    #: Why the browser gave no position: ``denied``, ``unavailable``, ``timeout``, ``unsupported``.
    gps_problem: str = ""
    share_status: str = ""
    share_url: str = ""
    #: Requests to the browser, drawn as data attributes that ``assets/locator.js`` watches: the
    #: address bar's query (a town search only), and the element to focus. Each request bumps its
    #: counter, so asking twice for the same thing still acts.
    url_query: str = ""
    url_seq: int = 0
    focus_id: str = ""
    focus_seq: int = 0
    _ask: Ask | None = None

    @rx.var
    def count(self) -> int:
        return len(self.result.cards) if self.result.ok else 0

    @rx.var
    def can_show_more(self) -> bool:
        return self.result.ok and len(self.result.cards) >= self.limit and self.limit < MAX_LIMIT

    def _lang(self) -> str:
        return routes.language_of(self.router.url.path)

    def _clear(self) -> None:
        self.result = Outcome()
        self.gps_problem = ""
        self.share_status = ""
        self.share_url = ""

    async def _run(self, ask: Ask) -> Outcome:
        outcome = await search.run(ask, self._lang(), kiosques=services().kiosques.current())
        self.busy = ""
        self.result = outcome
        self.kind, self.limit = ask.kind, ask.limit
        self._ask = ask if outcome.ok else None
        return outcome

    def _show_query(self, query: str) -> None:
        self.url_query = query
        self.url_seq += 1

    def _focus(self, element_id: str) -> None:
        self.focus_id = element_id
        self.focus_seq += 1

    def _after(self, ask: Ask, outcome: Outcome, *, move_focus: bool = True) -> None:
        self._show_query(search.url_query(ask, outcome))
        if move_focus:
            target = RESULTS_HEADING_ID
            if not outcome.ok:
                target = ADDRESS_INPUT_ID if ask.how == "address" else TOWN_INPUT_ID
                if ask.how == "gps":
                    target = GPS_BUTTON_ID
            self._focus(target)

    # -- the page opens: a search written in the URL (shared link, form sent without JavaScript) --
    @rx.event
    async def load_from_url(self):
        self._clear()
        self.busy = ""
        self._ask = None
        self.kind, self.limit = "all", search.FIRST_LIMIT
        ask = search.from_url(self.router.url.query_parameters)
        if ask is None:
            self.query = ""
            # Also replaces what an earlier visit of this session asked for the address bar.
            self._show_query("")
            return
        self.query = ask.text
        outcome = await self._run(ask)
        self._after(ask, outcome, move_focus=False)

    # -- the three ways of searching -------------------------------------------------------------
    @rx.event
    def set_query(self, value: str):
        self.query = str(value)[: search.MAX_TEXT]

    @rx.event
    async def search_town(self, form_data: dict[str, Any]):
        text = str(form_data.get("q", self.query) or "").strip()[: search.MAX_TEXT]
        self.query = text
        self._clear()
        ask = Ask("town", text, kind=self.kind)
        outcome = await self._run(ask)
        self._after(ask, outcome)

    @rx.event
    async def pick_town(self, query: str, name: str):
        """A suggestion or another town of the same postcode: search it as if typed."""
        self.query = str(name)[: search.MAX_TEXT]
        self._clear()
        ask = Ask("town", str(query)[: search.MAX_TEXT], kind=self.kind)
        outcome = await self._run(ask)
        self._after(ask, outcome)

    @rx.event
    def locate(self):
        """The button was pressed; the browser now asks the person (``LOCATE_IN_BROWSER``)."""
        self._clear()
        self.busy = "gps"

    @rx.event
    async def got_position(self, form_data: dict[str, Any]):
        """The hidden form's ``lat``/``lon``, or its ``error`` (denied, unavailable, timeout…)."""
        fields = {key: form_data.get(key) for key in ("lat", "lon", "error")}
        found = search.position(fields)
        if isinstance(found, str):
            self.busy = ""
            self.gps_problem = found
            self._ask = None
            self._show_query("")
            self._focus(GPS_BUTTON_ID)
            return
        ask = Ask("gps", lat=found[0], lon=found[1], kind=self.kind)
        outcome = await self._run(ask)
        self._after(ask, outcome)

    @rx.event
    async def search_address(self, form_data: dict[str, Any]):
        text = str(form_data.get("adresse") or "").strip()[: search.MAX_TEXT]
        self._clear()
        self.busy = "address"
        yield
        ask = Ask("address", text, kind=self.kind)
        outcome = await self._run(ask)
        self._after(ask, outcome)

    @rx.event
    def open_address_search(self):
        """Focusing the address field opens its section (``assets/locator.js``)."""
        self._focus(ADDRESS_INPUT_ID)

    # -- the same search, another filter or more places --------------------------------------------
    @rx.event
    async def set_filter(self, kind: str):
        self.kind = search.clean_kind(kind)
        self.share_status = ""
        if self._ask is None:
            return
        yield  # the radio shows the choice at once, before the new list
        ask = self._ask.with_options(kind=self.kind, limit=search.FIRST_LIMIT)
        outcome = await self._run(ask)
        self._after(ask, outcome, move_focus=False)

    @rx.event
    async def show_more(self):
        if self._ask is None:
            return
        shown = len(self.result.cards)
        ask = self._ask.with_options(limit=search.more(self.limit))
        outcome = await self._run(ask)
        self._after(ask, outcome, move_focus=False)
        if outcome.ok and len(outcome.cards) > shown:
            self._focus(f"locator-card-{shown}")

    # -- keep the list -----------------------------------------------------------------------------
    @rx.event
    def shared(self, form_data: dict[str, Any]):
        """What the browser did with the link (``SHARE_IN_BROWSER``): its status, and the link."""
        status = str(form_data.get("status") or "")
        self.share_status = status if status in SHARE_STATUSES else ""
        self.share_url = str(form_data.get("url") or "")[:MAX_SHARE_URL] if self.share_status else ""
