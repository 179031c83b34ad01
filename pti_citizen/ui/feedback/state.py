"""State of the « Est-ce que cette page est claire ? » widget: one per browser tab, for every page.

The answer is stored as soon as « Oui » or « Non » is pressed (a quick answer counts); the optional
comment, « ce qui manque » and MDS are added to that same row, once. Which row belongs to which page
is kept in a backend-only variable for the live session, never sent to the browser, never stored.
Nothing here is logged: the comment only goes from the websocket to the masking and the database.
"""

from __future__ import annotations

import datetime as dt

import reflex as rx

from pti_citizen.directory.kiosques import PARIS
from pti_citizen.feedback.pages import known_pages
from pti_citizen.feedback.submission import MISSING_CHOICES, check_answer, check_details, refusal_message
from pti_citizen.i18n import DEFAULT_LANGUAGE, LANGUAGES
from pti_citizen.services import services


def today() -> dt.date:
    return dt.datetime.now(PARIS).date()


def page_key(lang: str, page: str) -> str:
    return f"{lang}:{page}"


class FeedbackState(rx.State):
    #: The page (``lang:path``) the widget's current step is about; other pages show the question.
    page_key: str = ""
    step: str = "ask"  # ask | details | done
    answer: str = ""
    errors: dict[str, str] = rx.field(default_factory=dict)
    notice: str = ""
    _rows: dict[str, int] = rx.field(
        default_factory=dict
    )  # page key → id of the answer stored in this session

    def _client(self) -> tuple[str, str | None]:
        """The session token and the client address, for the limits (hashed there, never stored)."""
        session = self.router.session
        return session.client_token, session.client_ip or None

    @rx.event
    async def answer_page(self, page: str, lang: str, answer: str, mode: str):
        key = page_key(str(lang), str(page))
        self.errors, self.notice = {}, ""
        if key in self._rows:  # already answered on this page in this visit: not counted twice
            self.page_key, self.answer, self.step = key, str(answer), "details"
            return rx.set_focus("feedback-details-title")
        checked, errors = check_answer(page, lang, answer, mode, known_pages())
        message_lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        if checked is None:
            self.page_key, self.step, self.notice = key, "ask", next(iter(errors.values()))
            return None
        stored = await services().feedback.answer(checked, today(), *self._client())
        if stored.refused:
            self.page_key, self.step, self.notice = key, "ask", refusal_message(stored.refused, message_lang)
            return None
        self._rows = {**self._rows, key: stored.row_id}
        self.page_key, self.answer, self.step = key, checked.answer, "details"
        return rx.set_focus("feedback-details-title")

    @rx.event
    async def send_details(self, form: dict):
        form = form if isinstance(form, dict) else {}
        lang = form.get("lang") if form.get("lang") in LANGUAGES else DEFAULT_LANGUAGE
        key = page_key(lang, str(form.get("page", "")))
        row_id = self._rows.get(key)
        self.notice = ""
        if row_id is None or key != self.page_key:
            self.page_key, self.step, self.errors = key, "ask", {}
            return None
        missing = [name for name in MISSING_CHOICES if form.get(f"manque-{name}") in ("on", True, "true")]
        details, errors = check_details(form.get("comment"), missing, form.get("mds"), lang)
        if details is None:
            self.errors = errors
            first = next(iter(errors))
            return rx.set_focus(
                {"comment": "feedback-comment", "territory": "feedback-mds"}.get(
                    first, "feedback-details-title"
                )
            )
        self.errors = {}
        added = await services().feedback.details(row_id, details, *self._client())
        if added.refused:
            self.notice = refusal_message(added.refused, lang)
            return None
        self.step = "done"
        return rx.set_focus("feedback-thanks")
