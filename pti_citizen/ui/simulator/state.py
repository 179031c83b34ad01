"""The simulator's live session: the answers (kept in the browser tab), the question on screen, and
what the result page shows.

The state stores the minimum — the answers as typed (a few hundred bytes, bounded), the question on
screen, the result page's language and the few fields typed there — and renders every view from it
in cached computed vars: each view is computed again only when what it reads changes, and reads the
answers once (``answers.read``). The engine is called through its typed service; nothing here
restates a rule: the questions come from what the benefits declare they need.

Texts are baked into the pages per language; the views hold data, error codes and the sentences the
engine and the directory write in the person's language. Focus moves without server-sent code (the
CSP forbids eval): ``assets/app.js`` focuses a newly drawn ``[data-autofocus]`` element (the next
question, the result's heading) and a field turning ``aria-invalid``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import Any

import reflex as rx

from pti_citizen import directory, routes
from pti_citizen.handover import (
    AnswersLinkError,
    ShareLinkError,
    answers_fragment,
    parse_answers_fragment,
    parse_result_query,
    qr_path,
)
from pti_citizen.i18n import LANGUAGES, format_month_year
from pti_citizen.services import services
from pti_citizen.simulator import answers as a
from pti_citizen.simulator import make_job, service, what_if
from pti_citizen.simulator.common import reference_months
from pti_citizen.simulator.household import EstimateInput
from pti_citizen.simulator.period import Month
from pti_citizen.ui.origin import link_origin
from pti_citizen.ui.simulator import view
from pti_citizen.ui.simulator.texts import page_texts
from pti_citizen.ui.state.way_of_use import WayOfUseState

#: Bounds on what the page may send back (typed text, a shared link's query, a town).
MAX_POSITION_CHARS = 60
MAX_JOB_CHARS = 20
MAX_TOWN_CHARS = directory.MAX_QUERY_LENGTH
MAX_LINK_CHARS = 600
JOB_MODES = ("hours", "pay")
JOB_WHO = ("applicant", "partner")


@dataclasses.dataclass
class ChildField:
    n: str = ""
    name: str = ""
    value: str = ""
    error: str = ""


@dataclasses.dataclass
class WizardView:
    """The question on screen and what its screen shows of the answers so far."""

    question: str = a.FIRST
    #: 1–4: the part of the wizard (« Étape 2 sur 4 »); the count never changes.
    step: int = 1
    #: Answers that are one value (buttons, ages, amounts as typed), for pressed buttons and fields.
    chosen: dict[str, str] = dataclasses.field(default_factory=dict)
    #: The number typed for « more than 5 children » ("" when a button was chosen).
    more_children: str = ""
    child_fields: list[ChildField] = dataclasses.field(default_factory=list)
    #: The pension alimentaire is asked on its own later (the other income's hint leaves it out).
    child_support_later: bool = False


def _wizard_view(
    answers: a.Answers, position: str, child_errors: list[str], reading: a.Reading | None = None
) -> WizardView:
    reading = reading or a.read(answers)
    question = a.current(reading, position) or (reading.asked[-1] if reading.asked else a.FIRST)
    count = answers.get("children")
    count_text = count if isinstance(count, str) else ""
    typed_count = a.check_typed("children", count_text)[0]
    number = int(count_text) if count_text in a.BY_ID["children"].choices else int(typed_count or 0)
    ages = answers.get(a.CHILDREN_AGES)
    ages = ages if isinstance(ages, list) else []
    fields = [
        ChildField(
            n=str(index + 1),
            name=f"child-{index}",
            value=ages[index] if index < len(ages) else "",
            error=child_errors[index] if index < len(child_errors) else "",
        )
        for index in range(number)
    ]
    return WizardView(
        question=question,
        step=a.section_number(question),
        chosen={key: value for key, value in answers.items() if isinstance(value, str)},
        more_children=typed_count or "",
        child_fields=fields,
        child_support_later="child_support_received" in reading.asked,
    )


class SimulatorState(rx.State):
    """One per browser tab; the kiosk reset empties it (``KioskState`` resets every app state)."""

    answers_json: str = rx.SessionStorage("", name="pti_simulateur_reponses")
    position: str = rx.SessionStorage("", name="pti_simulateur_question")
    #: « Continuer sur mon téléphone »: the link's fragment, put here by assets/app.js (the fragment
    #: itself never reaches the server in a request); read once by ``open_wizard``, then emptied.
    handed_over: str = rx.SessionStorage("", name="pti_simulateur_lien")
    #: Why such a link was refused ("" when none): ``handover.answers_link``'s codes.
    link_problem: str = ""
    #: Error code of the field on screen ("" when none), and one per child age field.
    error: str = ""
    child_errors: list[str] = []
    #: Counts refused answers, so that the page moves focus to the field even when the same
    #: message comes back twice (rendered as data-error-serial, watched by assets/app.js).
    error_serial: int = 0

    @rx.var
    def wizard(self) -> WizardView:
        answers, reading = self._read()
        return _wizard_view(answers, self.position, self.child_errors, reading)

    @rx.var
    def income_months(self) -> dict[str, str]:
        """The three months whose income the CAF reads for this month (M-4 to M-2), in every
        language: the pages are built once, the months change every month."""
        months = reference_months(Month.of(dt.date.today()))
        found = {}
        for lang in LANGUAGES:
            names = [format_month_year(month.first_day, lang) for month in months]
            found[lang] = page_texts(lang)["months_list"].format(m4=names[0], m3=names[1], m2=names[2])
        return found

    # ---- reading the answers ----

    def _lang(self) -> str:
        return routes.language_of(self.router.url.path)

    def _answers(self) -> a.Answers:
        return a.load(self.answers_json)

    def _read(self) -> tuple[a.Answers, a.Reading]:
        """The answers and what they say (``answers`` parses and reads a text once, not per call)."""
        answers = a.load(self.answers_json)
        return answers, a.read(answers)

    def _save(self, answers: a.Answers) -> a.Reading:
        self.answers_json = a.dump(answers)
        return a.read(answers)

    def _bound_storage(self) -> None:
        """What the browser sent back is bounded: an oversized or unknown value is dropped."""
        if len(self.answers_json) > a.MAX_STORED_CHARS:
            self.answers_json = ""
        if len(self.position) > MAX_POSITION_CHARS or self.position not in ("", *a.BY_ID):
            self.position = ""

    @rx.event
    def open_wizard(self):
        """On load of the wizard page; with answers brought by a link, the result they give."""
        self._bound_storage()
        self.link_problem = ""
        if not self.handed_over:
            return None
        fragment, self.handed_over = self.handed_over, ""
        try:
            answers = parse_answers_fragment(fragment)
        except AnswersLinkError as error:
            self.link_problem = error.code
            return None
        reading = self._save(answers)
        self.error, self.child_errors = "", []
        if reading.complete:
            self.position = reading.asked[-1] if reading.asked else ""
            return rx.redirect(routes.path(self._lang(), routes.SIMULATOR_RESULT))
        self.position = reading.missing[0]
        return None

    # ---- moving through the questions ----

    def _go(self, target: str | None):
        self.error = ""
        self.child_errors = []
        if target is None:
            return rx.redirect(routes.path(self._lang(), routes.SIMULATOR_RESULT))
        self.position = target
        return None

    def _answered(self, question: str, value: str | list[str]):
        answers = self._answers()
        answers[question] = value
        reading = self._save(answers)
        # The question after this one (not after the one on screen): a repeated click is harmless.
        return self._go(a.following(reading, question))

    def _refused(self, error: str) -> None:
        self.error = error
        self.error_serial += 1

    @rx.event
    def choose(self, question: str, value: str):
        if a.check_choice(question, value) is not None:
            return None
        return self._answered(question, value)

    @rx.event
    def nothing(self, question: str):
        """An amount's « nothing » button (« Pas de travail », « Pas d'aide au logement »…)."""
        if a.BY_ID.get(question) is None or a.BY_ID[question].kind != a.MONEY:
            return None
        return self._answered(question, "0")

    @rx.event
    def submit(self, form_data: dict[str, Any]):
        """One form per typed answer; the hidden field ``question`` says which."""
        question = str(form_data.get("question", ""))[:MAX_POSITION_CHARS]
        spec = a.BY_ID.get(question)
        if spec is None or spec.kind == a.CHOICE:
            return None
        if spec.kind == a.AGES:
            return self._submit_ages(form_data)
        value, error = a.check_typed(question, form_data.get("value"))
        if error or value is None:
            self._refused(error or a.REQUIRED)
            return None
        return self._answered(question, value)

    def _submit_ages(self, form_data: dict[str, Any]):
        answers, reading = self._read()
        number = len(_wizard_view(answers, self.position, [], reading).child_fields)
        if number == 0:
            return None
        kept, errors = a.check_child_ages([form_data.get(f"child-{index}") for index in range(number)])
        if any(errors):
            answers = self._answers()
            answers[a.CHILDREN_AGES] = kept  # what was typed stays in the fields
            self._save(answers)
            self.child_errors = errors
            self.error_serial += 1
            return None
        return self._answered(a.CHILDREN_AGES, kept)

    @rx.event
    def back(self, question: str):
        """The question before ``question`` (named, so that a repeated click is harmless)."""
        previous = a.previous(self._read()[1], str(question)[:MAX_POSITION_CHARS])
        if previous is None:
            return None
        return self._go(previous)

    @rx.event
    def restart(self):
        self.link_problem = ""
        self.answers_json = ""
        self.position = ""
        self.error = ""
        self.child_errors = []

    @rx.event
    def review(self):
        """From the result page: back to the last question, answers kept."""
        reading = self._read()[1]
        self.position = reading.asked[-1] if reading.asked else ""
        self.error = ""
        self.child_errors = []


def _household(answers_json: str, lang: str, audience: str) -> tuple[str, EstimateInput | None]:
    """``(outcome, household)``: INCOMPLETE while a question is unanswered, FAILED when the engine
    refuses answers edited by hand in the browser. Parsed once per answers, language, audience and
    day: « Et si je travaille ? » recomputes on each keystroke without parsing again."""
    return _household_of(answers_json, lang, audience, dt.date.today())


#: Households kept parsed (a few hundred bytes each; the engine never changes its input).
HOUSEHOLDS_KEPT = 256


@functools.lru_cache(maxsize=HOUSEHOLDS_KEPT)
def _household_of(
    answers_json: str, lang: str, audience: str, today: dt.date
) -> tuple[str, EstimateInput | None]:
    answers = a.load(answers_json)
    reading = a.read(answers, today)
    if not reading.complete:
        return view.INCOMPLETE, None
    household = a.household(answers, lang, audience, today)
    return (view.OWN, household) if household is not None else (view.FAILED, None)


class ResultState(rx.State):
    """The result page: this tab's estimate, or what a shared link carries; the nearest MDS; and
    « Et si je travaille ? ».

    A state of its own beside the wizard's, not under it: a wizard answer then neither reads nor
    writes it (a substate is read, recomputed and stored with every event of its parent). It reads
    the wizard's answers when the page opens (``load_result``) and keeps that text while the page
    is open; its own changes to the answers go through the wizard's state (``get_state``)."""

    #: The wizard's answers as the page opened them (or changed them since); "" before.
    _answers_json: str = ""
    #: The browser's origin (or PTI_PUBLIC_URL) when the page opened, for the QR code and the paper.
    #: Kept here so that no view reads the router: a view that does is recomputed — and its state
    #: read from Redis — with every event of every state of the tab.
    _origin: str = ""

    #: Set when the result page opens (``""``: not on it, nothing to compute).
    lang: str = ""
    audience: str = "self"
    #: A shared link's query ("" for this tab's own estimate).
    shared_query: str = ""
    family_error: str = ""
    family_serial: int = 0
    # The nearest Maison des Solidarités to the town typed (kept in the tab, like the answers).
    town: str = rx.SessionStorage("", name="pti_simulateur_commune")
    mds: view.MdsCard = view.MdsCard()
    # « Et si je travaille ? »: the job as typed.
    job_mode: str = "hours"
    job_hours: str = ""
    job_wage: str = ""
    job_pay: str = ""
    job_who: str = "applicant"
    #: « Continuer sur mon téléphone », made only when asked (empty otherwise).
    phone: view.PhoneView = view.PhoneView()

    def _parsed(self) -> tuple[str, EstimateInput | None]:
        return _household(self._answers_json, self.lang, self.audience)

    def _lang(self) -> str:
        return routes.language_of(self.router.url.path)

    @rx.var
    def result(self) -> view.ResultView:
        if not self.lang:
            return view.problem(view.WAITING)
        today = dt.date.today()
        if self.shared_query:
            try:
                link = parse_result_query(self.shared_query, today=today)
            except ShareLinkError:
                return view.problem(view.BAD_LINK)
            return view.shared(link, self.lang, today)
        outcome, household = self._parsed()
        if household is None:
            return view.problem(outcome)
        estimate = service.estimate(household, self.lang, self.audience)  # type: ignore[arg-type]
        return view.own(
            estimate,
            self.lang,
            routes.path(self.lang, routes.SIMULATOR_RESULT),
            # The browser's origin (or PTI_PUBLIC_URL): the QR code and the paper open on a phone.
            self._origin,
        )

    @rx.var
    def family_typed(self) -> str:
        """The amount typed for « je connais le montant que me verse la CAF » ("" when estimated)."""
        value = a.load(self._answers_json).get(a.FAMILY_BENEFITS)
        return value if isinstance(value, str) else ""

    @rx.var
    def couple(self) -> bool:
        return a.load(self._answers_json).get("couple") == "couple"

    @rx.var
    def work(self) -> view.WorkView:
        if not self.lang or self.shared_query:
            return view.WorkView()
        _, household = self._parsed()
        if household is None:
            return view.WorkView()
        if self.job_mode == "pay":
            typed = {"monthly_net_pay": self.job_pay}
        else:
            typed = {"hours_per_week": self.job_hours, "hourly_wage": self.job_wage}
        job, errors = make_job(**typed, lang=self.lang)
        filled = {name for name, value in typed.items() if value.strip()}
        shown = {error.field: error.message for error in errors if error.field in filled}
        if job is None:
            # A field not filled yet is not an error: the person is still typing.
            return view.WorkView(errors=shown)
        who = self.job_who if household.partner is not None else "applicant"
        comparison = what_if(household, job, self.lang, self.audience, who=who)  # type: ignore[arg-type]
        return view.work(comparison, self.lang)

    # ---- opening the page ----

    @rx.event
    async def load_result(self):
        """On load: a shared link shows its outcome only; otherwise this tab's answers."""
        url = self.router.url
        way_of_use = await self.get_state(WayOfUseState)
        wizard = await self.get_state(SimulatorState)
        wizard._bound_storage()
        self._open(url.path, url.query or "", way_of_use.audience, wizard.answers_json)
        if not self.shared_query and self.town:
            await self._find_mds(self.town)

    def _open(self, path: str, query: str, audience: str, answers_json: str) -> None:
        """``answers_json``: the wizard's answers, bounded by the wizard (``_bound_storage``)."""
        self._answers_json = answers_json if len(answers_json) <= a.MAX_STORED_CHARS else ""
        self._origin = link_origin(self.router).origin
        self.lang = routes.language_of(path)
        self.audience = audience if audience in ("self", "helper") else "self"
        self.shared_query = query[: MAX_LINK_CHARS + 1].lstrip("?")
        self.family_error = ""
        if len(self.town) > MAX_TOWN_CHARS:
            self.town = ""
        self.mds = view.MdsCard()
        self.phone = view.PhoneView()

    # ---- « Continuer sur mon téléphone » ----

    @rx.event
    def show_phone_link(self):
        """The wizard's link with the answers in its fragment, and its QR code (drawn inline: the
        browser never requests it, so the answers never travel in a URL)."""
        answers = a.load(self._answers_json)
        if self.shared_query or not self.lang or not answers:
            return
        simulator = routes.path(self.lang, routes.SIMULATOR)
        origin = link_origin(self.router).origin  # the browser's origin (or PTI_PUBLIC_URL)
        url = f"{origin.rstrip('/')}{simulator}#{answers_fragment(answers)}"
        qr = qr_path(url)
        self.phone = view.PhoneView(link=url, size=qr.size, d=qr.d)

    @rx.event
    def hide_phone_link(self):
        self.phone = view.PhoneView()

    # ---- « je connais le montant que me verse la CAF » ----

    @rx.event
    async def give_family_benefits(self, form_data: dict[str, Any]):
        value, error = a.check_money(form_data.get("family_benefits"))
        if error or value is None:
            self.family_error = error or "money_required"
            self.family_serial += 1
            return
        await self._change_answers(value)

    @rx.event
    async def estimate_family_benefits(self):
        await self._change_answers(None)

    async def _change_answers(self, family_benefits: str | None) -> None:
        """The amount typed (None: estimated) saved with the wizard's answers, the tab's copy too."""
        wizard = await self.get_state(SimulatorState)
        answers = a.load(wizard.answers_json)
        if family_benefits is None:
            answers.pop(a.FAMILY_BENEFITS, None)
        else:
            answers[a.FAMILY_BENEFITS] = family_benefits
        wizard._save(answers)
        self._answers_json = wizard.answers_json
        self.family_error = ""

    # ---- the nearest MDS ----

    async def _find_mds(self, typed: str) -> None:
        typed = typed.strip()[:MAX_TOWN_CHARS]
        self.town = typed
        if not typed:
            self.mds = view.MdsCard()
            return
        lang = self.lang or self._lang()
        answer = await directory.nearest(
            q=typed, kind="mds", limit=1, lang=lang, kiosques=services().kiosques.current()
        )
        texts = page_texts(lang)
        words = {
            "today": texts["mds_today"],
            "span": texts["mds_span"],
            "closed_today": texts["mds_closed_today"],
            "day": texts["mds_day"],
            "closed_day": texts["mds_closed_day"],
            "kiosque": texts["mds_kiosque"],
        }
        self.mds = view.mds(answer, lang, typed, words)

    @rx.event
    async def find_mds(self, form_data: dict[str, Any]):
        await self._find_mds(str(form_data.get("commune") or ""))

    @rx.event
    async def pick_town(self, name: str):
        await self._find_mds(str(name))

    # ---- « Et si je travaille ? » ----

    @rx.event
    def set_job_mode(self, mode: str):
        self.job_mode = mode if mode in JOB_MODES else "hours"

    @rx.event
    def set_job_who(self, who: str):
        self.job_who = who if who in JOB_WHO else "applicant"

    @rx.event
    def set_job_hours(self, value: str):
        self.job_hours = str(value)[:MAX_JOB_CHARS]

    @rx.event
    def set_job_wage(self, value: str):
        self.job_wage = str(value)[:MAX_JOB_CHARS]

    @rx.event
    def set_job_pay(self, value: str):
        self.job_pay = str(value)[:MAX_JOB_CHARS]
