"""The engine's typed answers flattened into what the result page shows (pure Python, no Reflex).

The core answers with typed records (``RightsEstimate``, ``WorkComparison``, a shared link's
``SharedResult``, the directory's ``NearestPlaces``); the page's state wants flat records of text
it can loop over. Nothing here invents a sentence: every text comes from the core, already in the
person's language; this module only formats amounts and picks what each part of the page needs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from functools import lru_cache
from urllib.parse import quote

from babel.lists import format_list

from pti_citizen.directory import NearestPlaces, SearchProblem
from pti_citizen.directory.hours import opening_today, opening_week
from pti_citizen.handover import QR_PATH, SharedResult, result_query, shared_result, short_code
from pti_citizen.i18n import (
    format_date,
    format_day_month,
    format_month_year,
    format_time,
    format_weekday,
    text_direction,
)
from pti_citizen.origins import host_of
from pti_citizen.simulator import RightsEstimate, WorkComparison
from pti_citizen.simulator.explanation import money
from pti_citizen.simulator.period import Month
from pti_citizen.simulator.service import benefit_words, is_outdated

# What the result page shows.
WAITING = ""
OWN = "own"
SHARED = "shared"
BAD_LINK = "bad_link"
INCOMPLETE = "incomplete"
FAILED = "failed"

#: Signs of the column of figures beside the steps (the sentence itself says the amount in words).
_SIGNS = {"base": "", "plus": "+ ", "minus": "− ", "result": "= "}
#: Next steps the page does not show as such: the prime d'activité is estimated on its own card.
_SHOWN_ELSEWHERE = frozenset({"prime_activite"})


@dataclasses.dataclass
class Segment:
    """A piece of a sentence: French kept in an en/es/ar text carries ``lang="fr"``; in a right-to-left
    page French and amounts are isolated (``<bdi dir="ltr">``), so that « 44 avenue Jacques Douzans »
    or « 193.55 € » keep their order (issue #14, item 3)."""

    text: str = ""
    lang: str = ""
    isolate: bool = False


Text = list[Segment]

#: An amount as CLDR writes it (« 1,173.04 € », « − 193,55 € », with direction marks).
_MONEY = re.compile(r"[\u200e\u200f]?(?:[−+-]\s?)?[0-9][0-9.,\u00a0\u202f ]*[0-9]\s?€|€\s?[0-9][0-9.,]*[0-9]")


def segments(lang: str, text: str) -> Text:
    """``text`` cut so that its French names carry ``lang="fr"`` (the content's own rule: the glossary's
    words in en/es, every run of Latin letters in Arabic) and, in a right-to-left language, its amounts
    are isolated too."""
    return list(_segments(lang, text))


@lru_cache(maxsize=4096)
def _segments(lang: str, text: str) -> tuple[Segment, ...]:
    from pti_citizen.content import load_site

    rtl = text_direction(lang) == "rtl"
    out: list[Segment] = []
    for part in load_site().parts(lang, text):
        if part.lang or not rtl:
            out.append(Segment(part.text, part.lang or "", part.isolate))
            continue
        start = 0
        for found in _MONEY.finditer(part.text):
            if found.start() > start:
                out.append(Segment(part.text[start : found.start()]))
            out.append(Segment(found.group(0), "", True))
            start = found.end()
        if start < len(part.text) or not out:
            out.append(Segment(part.text[start:]))
    return tuple(out)


def plain(text: Text) -> str:
    return "".join(segment.text for segment in text)


@dataclasses.dataclass
class StepLine:
    text: Text = dataclasses.field(default_factory=list)
    effect: str = ""  # base, plus, minus, result or info
    figure: str = ""  # « − 193,55 € »: the column of figures ("" for a line without amount)


@dataclasses.dataclass
class BenefitCard:
    name: str = ""
    label: Text = dataclasses.field(default_factory=list)
    amount: str = ""
    steps: list[StepLine] = dataclasses.field(default_factory=list)
    reasons: list[Text] = dataclasses.field(default_factory=list)
    decided_by: Text = dataclasses.field(default_factory=list)
    next_steps: list[str] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class ResultView:
    outcome: str = WAITING
    month: str = ""
    total: str = ""
    any_due: bool = False
    due: list[BenefitCard] = dataclasses.field(default_factory=list)
    not_due: list[BenefitCard] = dataclasses.field(default_factory=list)
    notices: list[Text] = dataclasses.field(default_factory=list)
    assumptions: list[Text] = dataclasses.field(default_factory=list)
    outdated: bool = False
    #: Every benefit's next steps, once each (a shared link shows them together).
    next_steps: list[str] = dataclasses.field(default_factory=list)
    #: The family benefits were given (« je connais le montant »), not estimated.
    family_given: bool = False
    #: A version 1 link: the RSA only.
    legacy: bool = False
    #: The result link (path and query), the same with the browser's origin (or PTI_PUBLIC_URL), the
    #: address a person can type (``host/r/CODE``, "" when a code cannot hold the result), the QR code.
    link: str = ""
    public_link: str = ""
    short_address: str = ""
    qr_code: str = ""
    #: For the printed recap: the day it was made, and the site's address without its scheme.
    made_on: str = ""
    site: str = ""


@dataclasses.dataclass
class PhoneView:
    """« Continuer sur mon téléphone »: the link (answers in its fragment) and its QR code as one SVG
    path (``size`` modules a side); empty until asked for."""

    link: str = ""
    size: int = 0
    d: str = ""


def _money(amount: float | Decimal, lang: str) -> str:
    """CLDR money format (« 1 173,04 € »), the engine's fast writer of it (babel's on every keystroke
    of « Et si je travaille ? » would cost more than the estimate)."""
    return money(float(amount), lang)


def _card(benefit, lang: str) -> BenefitCard:
    steps = [
        StepLine(
            text=segments(lang, step.text),
            effect=step.effect,
            figure=_SIGNS[step.effect] + _money(step.amount, lang)
            if step.effect in _SIGNS and step.amount is not None
            else "",
        )
        for step in benefit.steps
        # « C'est une estimation… » closes every card already (``decided_by``).
        if step.code != "estimate_only"
    ]
    return BenefitCard(
        name=benefit.name,
        label=segments(lang, benefit.label),
        amount=_money(benefit.monthly_amount, lang),
        steps=steps,
        reasons=[segments(lang, reason.text) for reason in benefit.reasons],
        decided_by=segments(lang, benefit.decided_by),
        next_steps=[code for code in benefit.next_steps if code not in _SHOWN_ELSEWHERE],
    )


def own(
    estimate: RightsEstimate, lang: str, result_path: str, public_origin: str, today: dt.date | None = None
) -> ResultView:
    """The person's own estimate: every benefit, due ones first, with its steps and next steps."""
    outcome = shared_result(estimate)
    query = result_query(outcome)
    link = f"{result_path}?{query}"
    short_address = ""
    if "://" in public_origin:  # no origin known (a test, a page built ahead): nothing to type
        try:
            short_address = f"{host_of(public_origin)}{short_code.PATH}{short_code.encode(outcome)}"
        except ValueError:  # an amount or a month a code cannot hold: the QR code and the link remain
            short_address = ""
    due = [benefit for benefit in estimate.benefits if benefit.eligible]
    not_due = [benefit for benefit in estimate.benefits if not benefit.eligible]
    return ResultView(
        outcome=OWN,
        month=format_month_year(estimate.month.first_day, lang),
        total=_money(estimate.total_monthly_amount, lang),
        any_due=bool(due),
        due=[_card(benefit, lang) for benefit in due],
        not_due=[
            dataclasses.replace(_card(benefit, lang), steps=[]) for benefit in not_due
        ],  # the reasons say why; the steps of « nothing » would repeat them
        next_steps=[code for code in estimate.next_steps if code not in _SHOWN_ELSEWHERE],
        notices=[segments(lang, notice.text) for notice in estimate.notices],
        assumptions=[segments(lang, notice.text) for notice in estimate.assumptions],
        outdated=estimate.parameters_outdated,
        family_given=not estimate.family_benefits_estimated,
        link=link,
        public_link=public_origin.rstrip("/") + link,
        short_address=short_address,
        qr_code=f"{QR_PATH}?lang={lang}&{query}",
        made_on=format_date(today or dt.date.today(), lang),
        site=host_of(public_origin) if "://" in public_origin else public_origin,
    )


def shared(link: SharedResult, lang: str, today: dt.date) -> ResultView:
    """What a shared link carries: each benefit's amount and the next steps, no answer, no step."""
    due, not_due = [], []
    for name, amount in link.amounts:
        label, decided_by = benefit_words(name, lang)
        card = BenefitCard(
            name=name,
            label=segments(lang, label),
            amount=_money(amount, lang),
            decided_by=segments(lang, decided_by),
        )
        (due if amount > 0 else not_due).append(card)
    return ResultView(
        outcome=SHARED,
        month=format_month_year(link.month, lang),
        total=_money(link.total, lang),
        any_due=bool(due),
        due=due,
        not_due=not_due,
        outdated=is_outdated(Month.of(link.month), today),
        next_steps=[code for code in link.next_steps if code not in _SHOWN_ELSEWHERE],
        legacy=link.legacy,
    )


def problem(outcome: str) -> ResultView:
    return ResultView(outcome=outcome)


# ---- « Et si je travaille ? » ----


@dataclasses.dataclass
class Column:
    """One side of the comparison: amounts as written, and each bar's width class (``w-0``…``w-100``)."""

    earnings: str = ""
    rsa: str = ""
    prime: str = ""
    family: str = ""
    total: str = ""
    w_earnings: str = "w-0"
    w_rsa: str = "w-0"
    w_prime: str = "w-0"
    w_family: str = "w-0"


@dataclasses.dataclass
class WorkView:
    #: The comparison is shown (the job's figures are complete and valid).
    ready: bool = False
    #: Field → message, next to the field (hours_per_week, hourly_wage, monthly_net_pay).
    errors: dict[str, str] = dataclasses.field(default_factory=dict)
    pay: str = ""
    now: Column = dataclasses.field(default_factory=Column)
    with_job: Column = dataclasses.field(default_factory=Column)
    summary: Text = dataclasses.field(default_factory=list)
    delay: Text = dataclasses.field(default_factory=list)
    estimate: Text = dataclasses.field(default_factory=list)


def _width(amount: float, scale: float) -> str:
    """A bar's width as a class: a share of the larger total, in steps of 2 % (the CSP forbids
    inline styles, so widths are classes of simulator.css)."""
    if scale <= 0 or amount <= 0:
        return "w-0"
    return f"w-{max(2, min(100, 2 * round(50 * amount / scale)))}"


#: The parts of a bar, in order.
_KINDS = ("earnings", "rsa", "prime", "family")


def _column(line, lang: str, scale: float) -> Column:
    return Column(
        earnings=_money(line.earnings, lang),
        rsa=_money(line.rsa, lang),
        prime=_money(line.prime_activite, lang),
        family=_money(line.family_benefits, lang),
        total=_money(line.total, lang),
        w_earnings=_width(line.earnings, scale),
        w_rsa=_width(line.rsa, scale),
        w_prime=_width(line.prime_activite, scale),
        w_family=_width(line.family_benefits, scale),
    )


def work(comparison: WorkComparison, lang: str) -> WorkView:
    scale = max(comparison.now.total, comparison.with_job.total)
    notes = {note.code: note.text for note in comparison.notes}
    return WorkView(
        ready=True,
        pay=_money(comparison.job.monthly_net_pay, lang),
        now=_column(comparison.now, lang, scale),
        with_job=_column(comparison.with_job, lang, scale),
        summary=segments(lang, notes.get("summary", "")),
        delay=segments(lang, notes.get("delay", "")),
        estimate=segments(lang, notes.get("estimate", "")),
    )


# ---- the nearest Maison des Solidarités ----


@dataclasses.dataclass
class MdsCard:
    """The nearest MDS to the town given, or why there is none (``error``)."""

    found: bool = False
    town: str = ""
    name: str = ""
    address: str = ""
    phone: str = ""
    phone_href: str = ""
    status: str = ""
    today: str = ""
    notice: Text = dataclasses.field(default_factory=list)
    error: Text = dataclasses.field(default_factory=list)
    suggestions: list[str] = dataclasses.field(default_factory=list)
    #: The locator page's query for this town (« Voir toutes les MDS »): ``?q=Muret&kind=mds``.
    locator_query: str = ""
    #: For the printed recap: the opening hours of the coming 7 days, one line a day ([] when the
    #: source has none), and the next Kiosque Insertion there ("" when none is announced).
    week: list[str] = dataclasses.field(default_factory=list)
    kiosque: str = ""


def _today(place, now: dt.datetime, lang: str, words: dict[str, str]) -> str:
    """« Aujourd'hui : de 8 h 30 à 12 h et de 13 h 30 à 17 h. », « Fermé aujourd'hui. », or "" when
    the source has no regular hours (the status then says to call)."""
    spans = opening_today(place, now)
    if spans is None:
        return ""
    if not spans:
        return words["closed_today"]
    parts = [
        words["span"].format(start=format_time(start, lang), end=format_time(end, lang))
        for start, end in spans
    ]
    return words["today"].format(hours=format_list(parts, locale=lang))


def _week(place, now: dt.datetime, lang: str, words: dict[str, str]) -> list[str]:
    """« lundi 7 décembre : de 8 h 30 à 12 h et de 13 h 30 à 17 h », « samedi 12 décembre : fermé »
    (the page is printed and read later: the days are written, not « aujourd'hui »)."""
    week = opening_week(place, now)
    if week is None:
        return []
    lines = []
    for day, spans in week:
        name = {"weekday": format_weekday(day, lang), "date": format_day_month(day, lang)}
        if not spans:
            lines.append(words["closed_day"].format(**name))
            continue
        parts = [
            words["span"].format(start=format_time(start, lang), end=format_time(end, lang))
            for start, end in spans
        ]
        lines.append(words["day"].format(**name, hours=format_list(parts, locale=lang)))
    return lines


def mds(answer: NearestPlaces | SearchProblem, lang: str, typed: str, words: dict[str, str]) -> MdsCard:
    """``words``: the page's ``today``, ``span``, ``closed_today``, ``day``, ``closed_day`` and
    ``kiosque`` sentences."""
    if isinstance(answer, SearchProblem):
        return MdsCard(
            error=segments(lang, " ".join(error.message for error in answer.errors if error.message)),
            suggestions=[commune.name for commune in answer.suggestions],
            locator_query=_locator_query(typed),
        )
    if not answer.items:
        return MdsCard(error=segments(lang, answer.empty_message or ""), locator_query=_locator_query(typed))
    item = answer.items[0]
    place = item.place
    return MdsCard(
        found=True,
        town=answer.understood.town or typed,
        name=place.name,
        address=place.address,
        phone=place.phone,
        phone_href=place.phone_href,
        status=item.status.text,
        today=_today(place, answer.now, lang, words),
        notice=segments(lang, answer.notice),
        locator_query=_locator_query(answer.understood.town or typed),
        week=_week(place, answer.now, lang, words),
        kiosque=words["kiosque"].format(date=item.kiosques[0].date_text, time=item.kiosques[0].time_text)
        if item.kiosques
        else "",
    )


def _locator_query(town: str) -> str:
    return "?q=" + quote(town, safe="") + "&kind=mds" if town else ""
