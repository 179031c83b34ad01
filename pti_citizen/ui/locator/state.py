"""The locator's live session: what was asked and what the directory answered.

Holds data only; the words around it are baked into each language's page. The person's position
or typed address stays in a backend-only var for this session (to re-run a search with another
filter); it is never written to the page's URL or a shared link, and a kiosk reset forgets it.
"""

from __future__ import annotations

import json
from typing import Any

import reflex as rx

from pti_citizen.directory import MAX_LIMIT
from pti_citizen.i18n import normalize_language

from . import search
from .search import Ask
from .view import Outcome

RESULTS_HEADING_ID = "locator-results-title"
TOWN_INPUT_ID = "locator-q"
ADDRESS_INPUT_ID = "locator-address"
ADDRESS_DETAILS_ID = "locator-address-search"

# Resolves to {lat, lon} or {error}; the browser asks the person first, only on this button press.
GEOLOCATE_JS = """new Promise(function (resolve) {
  if (!navigator.geolocation) { resolve({error: "unsupported"}); return; }
  navigator.geolocation.getCurrentPosition(
    function (p) { resolve({lat: p.coords.latitude, lon: p.coords.longitude}); },
    function (e) { resolve({error: e.code === 1 ? "denied" : e.code === 3 ? "timeout" : "unavailable"}); },
    {enableHighAccuracy: false, timeout: 15000, maximumAge: 300000});
})"""

# Web Share API when the device has it, else the clipboard; the link holds only ``?q=`` (a town).
_SHARE_JS = """(function (query, kind) {
  var url = location.origin + location.pathname + "?q=" + encodeURIComponent(query) +
    (kind && kind !== "all" ? "&kind=" + encodeURIComponent(kind) : "");
  var done = function (status) { return function () { return {status: status, url: url}; }; };
  if (navigator.share) {
    return navigator.share({title: document.title, url: url}).then(done("shared"), function (e) {
      return {status: e && e.name === "AbortError" ? "" : "failed", url: url};
    });
  }
  if (navigator.clipboard && navigator.clipboard.writeText) {
    return navigator.clipboard.writeText(url).then(done("copied"), done("failed"));
  }
  return {status: "failed", url: url};
})(%s, %s)"""

# React re-renders after the state update: wait (briefly) for the element before focusing it.
_FOCUS_JS = """(function f(n) {
  var el = document.getElementById(%s);
  if (el && el.offsetParent !== null) { el.focus(); if (el.scrollIntoView) el.scrollIntoView({block: "nearest"}); }
  else if (n < 40) { setTimeout(function () { f(n + 1); }, 25); }
})(0)"""

_URL_JS = "history.replaceState(history.state, '', location.pathname + %s)"

_OPEN_ADDRESS_JS = f"""(function () {{
  var d = document.getElementById({json.dumps(ADDRESS_DETAILS_ID)});
  if (d) d.open = true;
}})()"""


def focus(element_id: str) -> rx.event.EventSpec:
    return rx.call_script(_FOCUS_JS % json.dumps(element_id))


class LocatorState(rx.State):
    """One search at a time; ``result`` is what the page shows."""

    query: str = ""
    address: str = ""
    kind: str = "all"
    limit: int = search.FIRST_LIMIT
    result: Outcome = Outcome()
    #: What is running: ``town``, ``gps``, ``address``, or "" when idle.
    busy: str = ""
    #: Why the browser gave no position: ``denied``, ``unavailable``, ``timeout``, ``unsupported``.
    gps_problem: str = ""
    share_status: str = ""
    share_url: str = ""
    _ask: Ask | None = None

    @rx.var
    def count(self) -> int:
        return len(self.result.cards) if self.result.ok else 0

    @rx.var
    def can_show_more(self) -> bool:
        return self.result.ok and len(self.result.cards) >= self.limit and self.limit < MAX_LIMIT

    def _lang(self) -> str:
        return normalize_language(self.router.url.path.strip("/").split("/")[0])

    def _clear(self) -> None:
        self.result = Outcome()
        self.gps_problem = ""
        self.share_status = ""
        self.share_url = ""

    async def _run(self, ask: Ask) -> Outcome:
        outcome = await search.run(ask, self._lang())
        self.busy = ""
        self.result = outcome
        self.kind, self.limit = ask.kind, ask.limit
        self._ask = ask if outcome.ok else None
        return outcome

    def _after(self, ask: Ask, outcome: Outcome, *, move_focus: bool = True) -> list[Any]:
        events: list[Any] = [rx.call_script(_URL_JS % json.dumps(search.url_query(ask, outcome)))]
        if move_focus:
            target = RESULTS_HEADING_ID
            if not outcome.ok:
                target = ADDRESS_INPUT_ID if ask.how == "address" else TOWN_INPUT_ID
                if ask.how == "gps":
                    target = "locator-gps"
            events.append(focus(target))
        return events

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
            return None
        self.query = ask.text
        outcome = await self._run(ask)
        return self._after(ask, outcome, move_focus=False)

    # -- the three ways of searching -------------------------------------------------------------
    @rx.event
    def set_query(self, value: str):
        self.query = str(value)[: search.MAX_TEXT]

    @rx.event
    def set_address(self, value: str):
        self.address = str(value)[: search.MAX_TEXT]

    @rx.event
    async def search_town(self, form_data: dict[str, Any]):
        text = str(form_data.get("q", self.query) or "").strip()[: search.MAX_TEXT]
        self.query = text
        self._clear()
        ask = Ask("town", text, kind=self.kind)
        outcome = await self._run(ask)
        return self._after(ask, outcome)

    @rx.event
    async def pick_town(self, query: str, name: str):
        """A suggestion or another town of the same postcode: search it as if typed."""
        self.query = str(name)[: search.MAX_TEXT]
        self._clear()
        ask = Ask("town", str(query)[: search.MAX_TEXT], kind=self.kind)
        outcome = await self._run(ask)
        return self._after(ask, outcome)

    @rx.event
    def locate(self):
        self._clear()
        self.busy = "gps"
        return rx.call_script(GEOLOCATE_JS, callback=LocatorState.got_position)

    @rx.event
    async def got_position(self, result: dict[str, Any]):
        found = search.position(result)
        if isinstance(found, str):
            self.busy = ""
            self.gps_problem = found
            self._ask = None
            return [rx.call_script(_URL_JS % json.dumps(""))]
        ask = Ask("gps", lat=found[0], lon=found[1], kind=self.kind)
        outcome = await self._run(ask)
        return self._after(ask, outcome)

    @rx.event
    async def search_address(self, form_data: dict[str, Any]):
        text = str(form_data.get("adresse", self.address) or "").strip()[: search.MAX_TEXT]
        self.address = text
        self._clear()
        self.busy = "address"
        yield
        ask = Ask("address", text, kind=self.kind)
        outcome = await self._run(ask)
        for event in self._after(ask, outcome):
            yield event

    @rx.event
    def open_address_search(self):
        return [rx.call_script(_OPEN_ADDRESS_JS), focus(ADDRESS_INPUT_ID)]

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
        for event in self._after(ask, outcome, move_focus=False):
            yield event

    @rx.event
    async def show_more(self):
        if self._ask is None:
            return None
        shown = len(self.result.cards)
        ask = self._ask.with_options(limit=search.more(self.limit))
        outcome = await self._run(ask)
        events = self._after(ask, outcome, move_focus=False)
        if outcome.ok and len(outcome.cards) > shown:
            events.append(focus(f"locator-card-{shown}"))
        return events

    # -- keep the list -----------------------------------------------------------------------------
    @rx.event
    def share(self):
        script = _SHARE_JS % (json.dumps(self.result.share_query), json.dumps(self.kind))
        return rx.call_script(script, callback=LocatorState.shared)

    @rx.event
    def shared(self, result: dict[str, Any]):
        status = result.get("status") if isinstance(result, dict) else "failed"
        self.share_status = status if status in ("shared", "copied", "failed") else ""
        self.share_url = str(result.get("url", "")) if isinstance(result, dict) else ""
