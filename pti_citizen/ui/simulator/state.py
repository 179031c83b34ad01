"""The wizard's state: answers kept in the browser tab (sessionStorage), the current question, and the
result once computed. Texts are baked into the pages per language; this holds data, error codes and
the sentences the engine writes in the user's language (steps, reasons, notices)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import reflex as rx

from pti_citizen import routes
from pti_citizen.handover import short_code
from pti_citizen.i18n import format_euros, format_month_year
from pti_citizen.origins import host_of
from pti_citizen.simulator import default_table, estimate_payload
from pti_citizen.ui import storage
from pti_citizen.ui.origin import link_origin
from pti_citizen.ui.simulator import flow, share
from pti_citizen.ui.state.way_of_use import WayOfUseState

#: Focus the new question's heading once React has drawn it (screen readers then read it).
# Focus moves without server-sent code (the CSP forbids eval): assets/app.js focuses a newly
# inserted [data-autofocus] element (the next question, the result) and a field turning aria-invalid.

# What the result page shows.
WAITING = ""
OWN = "own"
INCOMPLETE = "incomplete"
SHARED = "shared"
BAD_LINK = "bad_link"
FAILED = "failed"


class SimulatorState(rx.State):
    """One per browser tab; the kiosk reset empties it (``KioskState`` resets every app state)."""

    answers_json: str = rx.SessionStorage("", name="pti_simulateur_reponses")
    position: str = rx.SessionStorage("", name="pti_simulateur_question")
    #: Error code of the field on screen ("" when none), and one per child age field.
    error: str = ""
    child_errors: list[str] = []
    #: Counts refused answers, so that the page can move focus to the field even when the same
    #: message comes back twice (rendered as data-error-serial, watched by assets/app.js).
    error_serial: int = 0
    #: Set when the last answer is given, so that the result page moves the focus to its title.

    outcome: str = WAITING
    eligible: bool = False
    amount: str = ""
    month: str = ""
    steps: list[str] = []
    reasons: list[str] = []
    notices: list[str] = []
    next_steps: list[str] = []
    outdated: bool = False
    #: The result link (path and query), the same link with the browser's origin (or PTI_PUBLIC_URL)
    #: for paper, the address a person can type (``host/r/CODE``), and the QR code's image.
    link: str = ""
    public_link: str = ""
    short_address: str = ""
    qr_code: str = ""

    # ---- reading the answers ----

    def _answers(self) -> dict:
        # Bounded and parsed once per distinct text (ui/storage.py): never a RecursionError.
        return storage.json_object(self.answers_json)

    def _save(self, answers: dict) -> None:
        self.answers_json = json.dumps(answers, ensure_ascii=False, separators=(",", ":"))

    @rx.var
    def question(self) -> str:
        return flow.current_question(self.position, self._answers(), flow.parameters())

    @rx.var
    def number(self) -> int:
        answers = self._answers()
        p = flow.parameters()
        return flow.progress(flow.current_question(self.position, answers, p), answers, p)[0]

    @rx.var
    def total(self) -> int:
        answers = self._answers()
        p = flow.parameters()
        return flow.progress(flow.current_question(self.position, answers, p), answers, p)[1]

    @rx.var
    def done(self) -> int:
        """Share of the questions already answered, 0–100 (the visual progress bar)."""
        answers = self._answers()
        p = flow.parameters()
        n, total = flow.progress(flow.current_question(self.position, answers, p), answers, p)
        return round(100 * (n - 1) / max(total, 1))

    @rx.var
    def chosen(self) -> dict[str, str]:
        """Answers that are one value (buttons, ages, amounts as typed), for pressed buttons and fields."""
        return {key: value for key, value in self._answers().items() if isinstance(value, str)}

    @rx.var
    def more_children(self) -> str:
        """The number typed for « more than 5 children » (empty when a button was chosen)."""
        count = flow.View(self._answers(), flow.parameters()).child_count
        return str(count) if count is not None and count > flow.MOST_CHILDREN_AS_BUTTONS else ""

    @rx.var
    def child_fields(self) -> list[dict[str, str]]:
        """One age field per child: its number (1, 2…), name, typed value and error code."""
        answers = self._answers()
        count = flow.View(answers, flow.parameters()).child_count or 0
        ages = answers.get("children_ages")
        ages = ages if isinstance(ages, list) else []
        errors = self.child_errors
        return [
            {
                "n": str(index + 1),
                "name": f"child-{index}",
                "value": str(ages[index]) if index < len(ages) else "",
                "error": errors[index] if index < len(errors) else "",
            }
            for index in range(min(count, flow.MAX_CHILDREN))
        ]

    # ---- moving through the questions ----

    def _go(self, question: str | None, answers: dict):
        self.error = ""
        self.child_errors = []
        if question is None:
            return rx.redirect(routes.path(routes.language_of(self.router.url.path), routes.SIMULATOR_RESULT))
        self.position = question
        return None

    def _answered(self, question: str, value: object):
        answers = self._answers()
        answers[question] = value
        self._save(answers)
        # The next question after this one (not after « current »): a repeated click is harmless.
        return self._go(flow.next_question(question, answers, flow.parameters()), answers)

    @rx.event
    def choose(self, question: str, value: str):
        if flow.check_choice(question, value) is not None:
            return None
        return self._answered(question, value)

    @rx.event
    def submit(self, form_data: dict):
        """One form per typed answer; the hidden field ``question`` says which."""
        question = str(form_data.get("question", ""))
        spec = flow.BY_ID.get(question)
        if spec is None or spec.kind == flow.CHOICE:
            return None
        if spec.kind == flow.AGES:
            return self._submit_ages(form_data)
        raw = form_data.get("value")
        raw = raw if isinstance(raw, str) else None
        if spec.kind == flow.WHOLE:
            value, error = flow.check_age(raw)
        elif spec.kind == flow.COUNT:
            value, error = flow.check_typed_count(raw)
        else:
            value, error = flow.check_money(raw)
        if error:
            self.error = error
            self.error_serial += 1
            return None
        return self._answered(question, value)

    def _submit_ages(self, form_data: dict):
        count = flow.View(self._answers(), flow.parameters()).child_count or 0
        values, errors = [], []
        for index in range(count):
            raw = form_data.get(f"child-{index}")
            value, error = flow.check_child_age(raw if isinstance(raw, str) else None)
            values.append(value if value is not None else (raw if isinstance(raw, str) else ""))
            errors.append(error or "")
        if any(errors):
            self.child_errors = errors
            self.error_serial += 1
            return None
        return self._answered("children_ages", values)

    @rx.event
    def back(self, question: str):
        """Previous question before ``question`` (named, so that a repeated click is harmless)."""
        answers = self._answers()
        previous = flow.previous_question(question, answers, flow.parameters())
        if previous is None:
            return None
        return self._go(previous, answers)

    @rx.event
    def restart(self):
        self.answers_json = ""
        self.position = ""
        self.error = ""
        self.child_errors = []
        return None

    @rx.event
    def review(self):
        """From the result page: back to the last question, answers kept."""
        answers = self._answers()
        asked = flow.asked_questions(answers, flow.parameters())
        self.position = asked[-1]

    # ---- the result page ----

    def _clear_result(self) -> None:
        self.outcome = WAITING
        self.eligible = False
        self.amount = self.month = self.link = self.public_link = self.short_address = self.qr_code = ""
        self.steps, self.reasons, self.notices, self.next_steps = [], [], [], []
        self.outdated = False

    @rx.event
    async def load_result(self):
        """On load: a shared link shows its outcome only; otherwise compute from this tab's answers."""
        self._clear_result()
        url = self.router.url
        if url.query:
            return self._show_shared(url.query, routes.language_of(url.path))
        way_of_use = await self.get_state(WayOfUseState)
        return self._compute_result(way_of_use.mode)

    def _show_shared(self, query: str, lang: str):
        table = default_table()
        today = dt.date.today()
        try:
            shared = share.parse_share_query(query, first_month=table.first_day, today=today)
        except share.ShareLinkError:
            self.outcome = BAD_LINK
            return None
        self.outcome = SHARED
        self.eligible = shared.eligible
        self.amount = format_euros(shared.amount, lang)
        self.month = format_month_year(shared.month, lang)
        self.next_steps = list(shared.next_steps)
        self.outdated = shared.month >= table.valid_until or today >= table.valid_until
        return None

    def _compute_result(self, mode: str):
        lang = routes.language_of(self.router.url.path)
        audience = "helper" if mode == "aidant" else "self"
        answers = self._answers()
        p = flow.parameters()
        if flow.first_missing(answers, p) is not None:
            self.outcome = INCOMPLETE
            return None
        try:
            payload = {**flow.to_payload(answers, p), "lang": lang, "audience": audience}
        except (KeyError, TypeError, ValueError):  # answers edited by hand in the browser storage
            self.outcome = FAILED
            return None
        status, body = estimate_payload(payload, lang)
        if status != 200:
            self.outcome = FAILED
            return None
        self.outcome = OWN
        self.eligible = body["eligible"]
        self.amount = format_euros(body["monthly_amount"], lang)
        year, month = body["month"].split("-")
        self.month = format_month_year(dt.date(int(year), int(month), 1), lang)
        self.steps = [step["text"] for step in body["steps"]]
        self.reasons = [reason["text"] for reason in body["reasons"]]
        self.notices = [notice["text"] for notice in body["notices"]]
        self.next_steps = list(body["next_steps"])
        self.outdated = bool(body["parameters_outdated"])
        self.link = f"{routes.path(lang, routes.SIMULATOR_RESULT)}?{share.share_query(body)}"
        origin = link_origin(self.router).origin
        self.public_link = origin + self.link
        outcome = share.SharedResult(
            amount=Decimal(str(body["monthly_amount"])).quantize(Decimal("0.01")),
            eligible=bool(body["eligible"]),
            next_steps=tuple(code for code in body["next_steps"] if code in share.NEXT_STEP_CODES),
            month=dt.date(int(year), int(month), 1),
        )
        try:
            self.short_address = f"{host_of(origin)}{short_code.PATH}{short_code.encode(outcome)}"
        except ValueError:  # an amount or a month a short code cannot hold: the QR code and the link remain
            self.short_address = ""
        self.qr_code = share.qr_code_path(lang, body)
        return None
