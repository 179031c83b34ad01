"""Plain-language sentences for every step, reason and notice, in the user's language.

French is the source language (the msgids); en, es and ar come from the ``simulator`` gettext
domain. Each benefit keeps its sentences in its own ``texts.py``; the sentences shared by every
benefit (notices, assumptions, who decides, the benefits' names) are here. Sentences that speak to
the reader exist twice: « vous » (``self``) and « la personne que vous aidez » (``helper``, when a
relative or a mediator fills the form for someone).
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from typing import Any, NamedTuple

from babel.numbers import format_percent

from pti_citizen.i18n import (
    N_,
    format_date,
    format_euros,
    format_month_year,
    format_number,
    normalize_language,
    translations,
)

from .period import Month
from .results import Step

DOMAIN = "simulator"
AUDIENCES = ("self", "helper")
COMMON = "common"


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular/plural pair for extraction (``pybabel extract -k Nn_:1,2``)."""
    return singular, plural


def both(self_text: object, helper_text: object) -> dict[str, object]:
    """The same sentence for the person (« vous ») and for a helper (« la personne que vous aidez »)."""
    return {"self": self_text, "helper": helper_text}


#: Sentences shared by every benefit: names, who decides, notices and assumptions.
COMMON_TEXTS: dict[tuple[str, str], object] = {
    # Who studies the claim and decides (never « seule la CAF décide » for the RSA).
    ("decided_by", "rsa"): N_(
        "C'est une estimation. La CAF ou la MSA étudie la demande et calcule le montant. "
        "Le Président du Conseil départemental accorde le RSA."
    ),
    ("decided_by", "caf_msa"): N_(
        "C'est une estimation. La CAF ou la MSA étudie la demande, calcule le montant et le verse."
    ),
    # Notices.
    ("parameters_outdated", ""): N_(
        "Les montants des aides changent chaque année. "
        "Cet outil n'a pas encore les montants du {date}. Le résultat peut être un peu différent."
    ),
    ("eu_right_of_residence", ""): N_(
        "Pour un citoyen européen, la CAF vérifie aussi le droit au séjour en France."
    ),
    ("regular_stay", ""): N_(
        "Pour les prestations familiales, la CAF vérifie aussi que le séjour en France est régulier."
    ),
    ("resignation", ""): both(
        N_(
            "Si vous avez démissionné, vos revenus du travail peuvent compter quand même. "
            "Le Président du Conseil départemental décide."
        ),
        N_(
            "Si la personne que vous aidez a démissionné, ses revenus du travail peuvent compter quand même. "
            "Le Président du Conseil départemental décide."
        ),
    ),
    ("quarterly_declaration", ""): N_(
        "Le RSA et la prime d'activité sont calculés tous les 3 mois, avec la déclaration trimestrielle. "
        "Pour {month}, la CAF ou la MSA regarde 3 mois de revenus : {m4}, {m3} et {m2}."
    ),
    # Assumptions the estimate makes (the contract's).
    ("same_every_month", ""): N_("Nous comptons les mêmes revenus chaque mois."),
    ("family_benefits_estimated", ""): N_(
        "Nous calculons les prestations familiales avec les revenus de {year}. "
        "Nous prenons 12 fois les revenus d'un mois."
    ),
    ("children_at_home", ""): N_(
        "Nous comptons que chaque enfant vit au foyer tout le temps et n'a pas de revenu."
    ),
    ("family_benefits_given", ""): N_(
        "Le montant des prestations familiales est donné : l'outil ne les calcule pas."
    ),
    # « Et si je travaille ? »
    ("what_if", "more"): both(
        N_("Avec ce travail payé {pay} par mois, vous auriez environ {difference} de plus chaque mois."),
        N_(
            "Avec ce travail payé {pay} par mois, la personne que vous aidez aurait environ {difference} "
            "de plus chaque mois."
        ),
    ),
    ("what_if", "same"): both(
        N_("Avec ce travail payé {pay} par mois, vous auriez à peu près la même somme chaque mois."),
        N_(
            "Avec ce travail payé {pay} par mois, la personne que vous aidez aurait à peu près la même "
            "somme chaque mois."
        ),
    ),
    ("what_if", "less"): both(
        N_("Avec ce travail payé {pay} par mois, vous auriez environ {difference} de moins chaque mois."),
        N_(
            "Avec ce travail payé {pay} par mois, la personne que vous aidez aurait environ {difference} "
            "de moins chaque mois."
        ),
    ),
    ("what_if_delay", ""): N_(
        "Le RSA et la prime d'activité suivent les déclarations de chaque trimestre. "
        "Ils changent avec un retard de 2 à 4 mois après le début du travail."
    ),
    ("what_if_estimate", ""): N_(
        "C'est une estimation, avec les mêmes revenus chaque mois. La CAF ou la MSA calcule le montant exact."
    ),
}

#: Step and reason parameters that are money (formatted as euros in the user's language).
MONEY_PARAMS = frozenset(
    {
        "amount",
        "flat_rate",
        "minimum",
        "excess",
        "computed",
        "ceiling",
        "income",
        "support",
        "per_child",
        "share",
        "bonus",
        "earnings",
        "resources",
        "threshold",
        "gap",
        "full",
        "reduced",
        "pay",
        "difference",
        "total",
        "lump_sum",
    }
)


_NO_PARAMS: Mapping[str, Any] = {}


def _texts(scope: str) -> Mapping[tuple[str, str], object]:
    if scope == COMMON:
        return COMMON_TEXTS
    from .benefits import REGISTRY

    return REGISTRY[scope].texts


class MoneyPattern(NamedTuple):
    """How one language writes euros (CLDR, learnt from babel once)."""

    prefix: str
    #: Thousands separator, and from which number of euros thousands are grouped (1 000 or 10 000:
    #: CLDR's minimum grouping digits).
    group: str
    grouped_from: int
    #: What follows the euros for 0 to 99 cents (``",05 €"``): written once, joined on every call
    #: (a format of these non-ASCII pieces costs several times more).
    cents: tuple[str, ...]


@cache
def _money_pattern(lang: str) -> MoneyPattern | None:
    """``lang``'s way of writing euros, or None when babel's format does not fit the pattern."""
    sample = format_euros(1234567.89, lang)
    found = re.fullmatch(r"(\D*)1(\D)234(\D)567(\D)89(\D*)", sample)
    if not found or found.group(2) != found.group(3):
        return None
    prefix, group, _, decimal, suffix = found.groups()
    grouped_from = 1_000 if group in format_euros(1234.5, lang) else 10_000
    if format_euros(12345.5, lang) != f"{prefix}12{group}345{decimal}50{suffix}" and grouped_from == 10_000:
        return None
    return MoneyPattern(prefix, group, grouped_from, tuple(f"{decimal}{c:02d}{suffix}" for c in range(100)))


def money(amount: float, lang: str) -> str:
    """CLDR money format (``651,69 €``), as ``i18n.format_euros`` writes it but without babel's cost on
    every call (an explanation formats a few dozen different amounts; test_explanation checks both
    agree)."""
    return _euros(amount, _money_pattern(lang), lang)


def _euros(amount: float, pattern: MoneyPattern | None, lang: str) -> str:
    if pattern is None or amount < 0:
        return format_euros(amount, lang)
    scaled = amount * 100
    hundredths = round(scaled)
    if abs(scaled - hundredths) > 1e-6:  # not a whole number of cents: round half up like babel
        hundredths = int(Decimal(repr(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) * 100)
    units, rest = divmod(hundredths, 100)
    if units >= pattern.grouped_from:
        if units < 1_000_000:  # one group: a monthly amount
            thousands, units = divmod(units, 1000)
            return f"{pattern.prefix}{thousands}{pattern.group}{units:03d}{pattern.cents[rest]}"
        return pattern.prefix + f"{units:,}".replace(",", pattern.group) + pattern.cents[rest]
    return pattern.prefix + str(units) + pattern.cents[rest]


def _format_value(name: str, value: object, lang: str) -> object:
    """One parameter formatted for ``lang``."""
    if isinstance(value, Month):
        return format_month_year(value.first_day, lang)
    if name in MONEY_PARAMS and isinstance(value, int | float):
        return money(float(value), lang)
    if name == "month":
        return format_month_year(Month.parse(str(value)).first_day, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if name == "hours":
        return format_number(value, lang, 0)
    if name == "percent":
        return format_percent(value, locale=normalize_language(lang), decimal_quantization=False)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@lru_cache(maxsize=8192)
def _formatted(name: str, value: object, lang: str) -> str:
    """A parameter that is not money (months, dates, hours, percentages, counts), as written: the same
    few values come back in every estimate."""
    value = _format_value(name, value, lang)
    return value if value.__class__ is str else format(value, "")


def _format(name: str, value: object, lang: str) -> str:
    try:
        return _formatted(name, value, lang)
    except TypeError:  # unhashable (never in practice): format without the cache
        value = _format_value(name, value, lang)
        return value if value.__class__ is str else format(value, "")


#: How a placeholder is filled: the step's amount, the count ``{n}``, a money parameter, a value
#: written in words or with the language's digits (months, dates, hours, percentages), any other
#: (an age, a number of years: a whole number is written as it is).
AMOUNT, COUNT, MONEY, WORDS, VALUE = range(5)
_IN_WORDS = frozenset({"month", "hours", "percent"})
_NUMBERS = (int, float)


class Sentence(NamedTuple):
    """A translated sentence cut at its placeholders, once per language and audience: ``first``,
    then for each placeholder its kind, its name and the text that follows it. Joining the pieces
    is several times faster than ``str.format`` on these (non-ASCII) sentences, and gives the same
    text: no sentence uses a format spec or a conversion (one that did would keep ``str.format``:
    ``first`` is then the whole text)."""

    first: str
    slots: tuple[tuple[int, str, str], ...]
    #: True when the text must go through ``str.format`` (a spec such as ``{amount:>10}``).
    formatted: bool = False


def _kind(name: str) -> int:
    if name == "amount":
        return AMOUNT
    if name == "n":
        return COUNT
    if name in MONEY_PARAMS:
        return MONEY
    return WORDS if name in _IN_WORDS else VALUE


def _cut(text: str) -> Sentence:
    parsed = list(string.Formatter().parse(text))
    if any(name is not None and (not name or spec or conversion) for _, name, spec, conversion in parsed):
        names = tuple(dict.fromkeys(name for _, name, _, _ in parsed if name))
        return Sentence(text, tuple((_kind(name), name, "") for name in names), formatted=True)
    first, slots = "", []
    for literal, name, _, _ in parsed:
        if slots:
            kind, previous, after = slots[-1]
            slots[-1] = (kind, previous, after + literal)
        else:
            first += literal
        if name is not None:
            slots.append((_kind(name), name, ""))
    return Sentence(first, tuple(slots))


class Plural:
    """A singular/plural pair: the sentence depends on the count (the language's plural rule)."""

    __slots__ = ("by_count", "catalog", "plural", "singular")

    def __init__(self, singular: str, plural: str, catalog) -> None:
        self.singular, self.plural, self.catalog = singular, plural, catalog
        self.by_count: dict[int, Sentence] = {}

    def at(self, count: int) -> Sentence:
        found = self.by_count.get(count)
        if found is None:
            found = _cut(self.catalog.ngettext(self.singular, self.plural, count))
            if len(self.by_count) < 64:  # counts are small numbers of people; keep the table bounded
                self.by_count[count] = found
        return found


def _count(params: Mapping[str, Any] | None) -> int:
    """The count ``{n}`` that picks a plural (0 when the sentence has none)."""
    if not params:
        return 0
    count = params.get("n", 0)
    return count if count.__class__ is int else int(count)


#: How many sentences without an amount each scope, language and audience keeps written.
SENTENCES_KEPT = 128

#: How many amounts each language keeps written (``_written_euros``): the amounts of the parameters
#: and the common incomes come back in most estimates; past this many, new ones are written each time.
WRITTEN_EUROS_KEPT = 1024


@cache
def _written_euros(lang: str) -> dict[float, str]:
    """Amounts already written in ``lang``, shared by every scope and audience (bounded)."""
    return {}


def _euros_kept(amount: float, pattern: MoneyPattern | None, lang: str, written: dict[float, str]) -> str:
    """``_euros``, kept for next time while there is room."""
    text = _euros(amount, pattern, lang)
    if len(written) < WRITTEN_EUROS_KEPT:
        written[amount] = text
    return text


class Sentences(NamedTuple):
    """Every sentence of one scope (a benefit, or the common ones), compiled for one language and
    audience: ``(code, variant)`` → :class:`Sentence` (or :class:`Plural`)."""

    lang: str
    money: MoneyPattern | None
    by_key: Mapping[tuple[str, str], Sentence | Plural]
    #: ``_written_euros(lang)``: an amount is written once per language (a dict lookup, not a format).
    euros: dict[float, str]
    #: Sentences without an amount, as written for the values they were given (``write``).
    kept: dict[tuple, str]

    def write(self, code: str, variant: str, amount: float | None, params: Mapping[str, Any]) -> str:
        """The sentence ``(code, variant)`` filled with ``amount`` and ``params``: ``{amount}`` the
        step's amount, ``{n}`` the count, money parameters in euros, months and dates in words.

        A sentence without an amount mostly tells months, dates, ages and counts that every estimate
        of the month shares (« vos ressources de juin, juillet et août »): it is written once for
        those values and kept (at most ``SENTENCES_KEPT``; the table starts again when full)."""
        if amount is None and params:
            key = (code, variant, *params.items())
            kept = self.kept
            try:
                text = kept.get(key)
            except TypeError:  # an unhashable value (never from the rules): write it each time
                return self._fill(code, variant, amount, params)
            if text is None:
                text = self._fill(code, variant, amount, params)
                if len(kept) >= SENTENCES_KEPT:
                    kept.clear()
                kept[key] = text
            return text
        return self._fill(code, variant, amount, params)

    def _fill(self, code: str, variant: str, amount: float | None, params: Mapping[str, Any]) -> str:
        sentence = self.by_key[code, variant]
        if sentence.__class__ is Plural:
            sentence = sentence.at(_count(params))
        slots = sentence.slots
        if not slots:
            return sentence.first
        lang, pattern, euros = self.lang, self.money, self.euros
        written = []
        for kind, name, _ in slots:  # written out here: a function call per placeholder costs
            if kind == AMOUNT and amount is not None:
                text = euros.get(amount) or _euros_kept(amount, pattern, lang, euros)
            elif kind == COUNT:
                text = str(_count(params))
            else:
                value = (params or _NO_PARAMS)[name]
                if kind == MONEY and value.__class__ in _NUMBERS:
                    text = euros.get(value) or _euros_kept(value, pattern, lang, euros)
                elif kind == VALUE and value.__class__ is int:
                    text = str(value)
                else:
                    text = _format(name, value, lang)
            written.append(text)
        if sentence.formatted:
            return sentence.first.format_map(
                {slot[1]: text for slot, text in zip(slots, written, strict=True)}
            )
        if len(slots) == 1:
            return sentence.first + text + slots[0][2]
        pieces = [sentence.first]
        for text, slot in zip(written, slots, strict=True):
            pieces.append(text)
            pieces.append(slot[2])
        return "".join(pieces)


@lru_cache(maxsize=512)  # 7 scopes × 4 languages × 2 audiences; bounded for any other value passed
def sentences(scope: str, lang: str, audience: str = "self") -> Sentences:
    """The sentences of ``scope`` (a benefit's name, or ``"common"``) in ``lang`` for ``audience``,
    translated and cut once."""
    catalog = translations(lang, DOMAIN)
    by_key: dict[tuple[str, str], Sentence | Plural] = {}
    for key, entry in _texts(scope).items():
        if isinstance(entry, dict):
            entry = entry[audience if audience in entry else "self"]
        if isinstance(entry, tuple):
            by_key[key] = Plural(entry[0], entry[1], catalog)
        else:
            by_key[key] = _cut(catalog.gettext(entry))
    return Sentences(lang, _money_pattern(lang), by_key, _written_euros(lang), {})


def render(
    scope: str,
    code: str,
    variant: str,
    lang: str,
    audience: str = "self",
    amount: float | None = None,
    params: Mapping[str, Any] | None = None,
) -> str:
    """The sentence ``(code, variant)`` of ``scope`` (a benefit's name, or ``"common"``)."""
    return sentences(scope, lang, audience).write(code, variant, amount, params)


def step_text(scope: str, step: Step, lang: str, audience: str = "self") -> str:
    """The sentence of one step."""
    return render(scope, step.code, step.variant, lang, audience, step.amount, step.params)


@lru_cache(maxsize=256)
def label(benefit: str, lang: str) -> str:
    """The benefit's name in ``lang`` (its ``("label", "")`` sentence)."""
    return render(benefit, "label", "", lang)


def all_entries() -> list[tuple[str, tuple[str, str], object]]:
    """Every (scope, key, entry): the shared sentences and those of every registered benefit."""
    from .benefits import REGISTRY

    entries = [(COMMON, key, entry) for key, entry in COMMON_TEXTS.items()]
    for benefit in REGISTRY:
        entries.extend((benefit.name, key, entry) for key, entry in benefit.texts.items())
    return entries


def all_msgids() -> list[str]:
    """Every French source sentence (for the translation checks)."""
    messages: list[str] = []
    for _, _, entry in all_entries():
        variants = entry.values() if isinstance(entry, dict) else [entry]
        for variant in variants:
            messages.extend(variant if isinstance(variant, tuple) else [variant])
    return messages
