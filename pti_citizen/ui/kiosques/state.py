"""State of the Kiosques Insertion section of ``/equipe``: the published list and the form.

Every handler asks :class:`ReviewState` whether the team is signed in (same secret, same one-hour
session) before it reads or changes anything; publishing goes through the calendar
(``services().kiosques``), so that the directory's next search sees the change.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import ClassVar

import reflex as rx

from pti_citizen.directory.kiosques import PARIS
from pti_citizen.i18n import SOURCE_LANGUAGE, format_date
from pti_citizen.kiosques import (
    KIOSQUE_LANGUAGES,
    StoredKiosque,
    StoreUnavailable,
    check_kiosque,
    mds_names,
    parse_kiosque_id,
)
from pti_citizen.services import services
from pti_citizen.ui.feedback.review_state import ReviewState


def _time_text(moment: dt.time) -> str:
    return moment.strftime("%H:%M")


def kiosque_row(stored: StoredKiosque, names: dict[str, str]) -> dict[str, str]:
    """One published kiosque as the team's list shows it (and as the form is filled to edit it)."""
    kiosque = stored.kiosque
    return {
        "id": str(stored.id),
        "mds": names.get(kiosque.place_id, kiosque.place_id),
        "when": f"{format_date(kiosque.day, 'fr')}, {_time_text(kiosque.start)}–{_time_text(kiosque.end)}",
        "where": " · ".join(x for x in (kiosque.room, kiosque.address) if x) or "À la MDS",
        "summary": kiosque.summary,
        "languages": ", ".join(KIOSQUE_LANGUAGES.get(c, c) for c in kiosque.languages),
        "place_id": kiosque.place_id,
        "date": kiosque.day.isoformat(),
        "start": _time_text(kiosque.start),
        "end": _time_text(kiosque.end),
        "room": kiosque.room or "",
        "address": kiosque.address or "",
        "codes": ",".join(kiosque.languages),
    }


class KiosqueState(rx.State):
    #: The team's data: reset when another connection picks up this session (``ui/session_guard.py``).
    connection_bound: ClassVar[bool] = True

    kiosques: list[dict[str, str]] = rx.field(default_factory=list)
    kiosque_errors: dict[str, str] = rx.field(default_factory=dict)
    kiosque_notice: str = ""
    editing: dict[str, str] = rx.field(default_factory=dict)
    editing_languages: list[str] = rx.field(default_factory=lambda: [SOURCE_LANGUAGE])
    form_version: int = 0

    async def _signed_in(self) -> bool:
        review = await self.get_state(ReviewState)
        return review._authorized()

    async def _refresh(self) -> None:
        try:
            stored = await asyncio.to_thread(services().kiosques.upcoming, dt.datetime.now(PARIS))
        except StoreUnavailable:
            self.kiosque_notice = "La base de données ne répond pas. Réessayez dans un moment."
            return
        names = mds_names()
        self.kiosques = [kiosque_row(s, names) for s in stored]

    def _clear_form(self) -> None:
        self.editing, self.editing_languages = {}, [SOURCE_LANGUAGE]
        self.form_version += 1

    @rx.event
    async def load(self):
        if await self._signed_in():
            await self._refresh()

    @rx.event
    async def new_kiosque(self):
        if not await self._signed_in():
            return None
        self.kiosque_errors, self.kiosque_notice = {}, ""
        self._clear_form()
        return rx.set_focus("kiosque-form-title")

    @rx.event
    async def edit_kiosque(self, kiosque_id: str):
        if not await self._signed_in():
            return None
        wanted = parse_kiosque_id(kiosque_id)
        found = next((k for k in self.kiosques if wanted is not None and k["id"] == str(wanted)), None)
        if found is None:
            return None
        self.editing = dict(found)
        self.editing_languages = found["codes"].split(",")
        self.kiosque_errors, self.kiosque_notice = {}, ""
        self.form_version += 1
        return rx.set_focus("kiosque-form-title")

    @rx.event
    async def save_kiosque(self, form: dict):
        if not await self._signed_in():
            return None
        form = form if isinstance(form, dict) else {}
        given_id = str(form.get("id", "") or "").strip()
        kiosque_id = parse_kiosque_id(given_id)
        if given_id and kiosque_id is None:  # not an id we gave: never edit another kiosque, never add one
            self.kiosque_notice = "Ce kiosque n'existe plus."
            return rx.set_focus("kiosque-notice")
        draft, errors = check_kiosque(form, dt.datetime.now(PARIS))
        self.kiosque_errors = errors
        if draft is None:
            self.kiosque_notice = "Le kiosque n'est pas publié : corrigez les champs signalés."
            return rx.set_focus("kiosque-notice")
        calendar = services().kiosques
        try:
            if kiosque_id is not None:
                saved = await asyncio.to_thread(calendar.update, kiosque_id, draft)
                self.kiosque_notice = "Kiosque modifié." if saved else "Ce kiosque n'existe plus."
            else:
                await asyncio.to_thread(calendar.publish, draft)
                self.kiosque_notice = "Kiosque publié. Il apparaît dans la recherche des lieux."
        except StoreUnavailable:
            self.kiosque_notice = "La base de données ne répond pas. Le kiosque n'est pas publié."
            return rx.set_focus("kiosque-notice")
        self._clear_form()
        await self._refresh()
        return rx.set_focus("kiosque-notice")

    @rx.event
    async def cancel_kiosque(self, kiosque_id: str):
        wanted = parse_kiosque_id(kiosque_id)
        if not await self._signed_in() or wanted is None:
            return None
        try:
            done = await asyncio.to_thread(services().kiosques.cancel, wanted)
        except StoreUnavailable:
            done = False
        self.kiosque_notice = (
            "Kiosque annulé : il n'est plus affiché." if done else "Ce kiosque n'a pas pu être annulé."
        )
        await self._refresh()
        return rx.set_focus("kiosque-notice")
