"""Gettext catalogs and CLDR formatting for the languages of ``languages.py``, shared by the core and
the UI. Pure Python (babel only): the simulator and the directory format their own messages with it.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.dates import format_skeleton
from babel.dates import format_time as _babel_format_time
from babel.numbers import format_currency, format_decimal
from babel.support import NullTranslations, Translations

from .languages import LANGUAGES, SOURCE_LANGUAGE, TRANSLATIONS, Language

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "SOURCE_LANGUAGE", "TRANSLATIONS", "Language"]

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"

#: What an unknown or missing language becomes: the source language.
DEFAULT_LANGUAGE = SOURCE_LANGUAGE


def N_(message: str) -> str:
    """Marks a French text for extraction (``pybabel extract -k N_``) without translating it: it is
    translated later, where the language is known."""
    return message


def normalize_language(lang: str | None) -> str:
    """Map any tag (``fr-FR``, ``AR``, ``None``) to a supported language, French otherwise."""
    if lang in LANGUAGES:  # already a supported code (every call after the first normalization)
        return lang
    if not lang:
        return DEFAULT_LANGUAGE
    code = lang.replace("_", "-").split("-")[0].strip().lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def text_direction(lang: str) -> str:
    return LANGUAGES[normalize_language(lang)].direction


def negotiate(accept_language: str | None) -> str:
    """Pick the best supported language from an ``Accept-Language`` header (babel negotiation)."""
    if not accept_language:
        return DEFAULT_LANGUAGE
    preferred: list[tuple[float, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip()
        if not tag or tag == "*":
            continue
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if quality > 0:
            preferred.append((-quality + position * 1e-6, tag.replace("-", "_")))
    tags = [tag for _, tag in sorted(preferred)]
    best = Locale.negotiate(tags, list(LANGUAGES), sep="_") if tags else None
    if best is None:
        # babel matches "ar_MA" to "ar" only via its aliases; fall back to the primary subtag.
        for tag in tags:
            if normalize_language(tag) == tag.split("_")[0].lower():
                return normalize_language(tag)
        return DEFAULT_LANGUAGE
    return str(best.language)


@cache
def translations(lang: str, domain: str = "messages") -> NullTranslations:
    """Compiled catalog for ``lang`` and ``domain``; French (the source) is the identity."""
    lang = normalize_language(lang)
    if lang == DEFAULT_LANGUAGE:
        return NullTranslations()
    return Translations.load(str(LOCALES_DIR), [lang], domain=domain)


def gettext_for(lang: str, domain: str = "messages"):
    """A ``_`` function for one language and domain."""
    return translations(lang, domain).gettext


def _cents(amount: float | Decimal) -> Decimal:
    return Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def format_euros(amount: float | Decimal, lang: str) -> str:
    """``651,69 €`` in French, ``€651.69`` in English, CLDR rules for each language."""
    return format_currency(_cents(amount), "EUR", locale=normalize_language(lang))


def format_number(value: float, lang: str, digits: int = 1) -> str:
    fmt = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=fmt, locale=normalize_language(lang))


def format_date(day: dt.date, lang: str) -> str:
    """Long date: ``1er avril 2026`` in French (CLDR has no ordinal for the first)."""
    lang = normalize_language(lang)
    text = _babel_format_date(day, format="long", locale=lang)
    if lang == "fr" and day.day == 1:
        text = "1er" + text[1:]
    return text


def format_time(moment: dt.time, lang: str) -> str:
    """Time of day: ``8 h 30`` / ``12 h`` in French (the usual French way), CLDR short time elsewhere.

    French CLDR gives ``08:30``, which many French readers find harder than ``8 h 30``.
    Non-breaking spaces keep the time on one line.
    """
    lang = normalize_language(lang)
    if lang == "fr":
        return f"{moment.hour}\u00a0h" + (f"\u00a0{moment.minute:02d}" if moment.minute else "")
    return _babel_format_time(moment, format="short", locale=lang)


def format_weekday(day: dt.date, lang: str) -> str:
    """Day name in the language (``lundi``, ``Monday``), as CLDR writes it inside a sentence."""
    return _babel_format_date(day, format="EEEE", locale=normalize_language(lang))


def format_day_month(day: dt.date, lang: str) -> str:
    """Day and month, without the year: ``7 décembre``, ``December 7`` (CLDR skeleton MMMMd)."""
    return format_skeleton("MMMMd", day, locale=normalize_language(lang))


def format_month(month: int, lang: str) -> str:
    """Month name on its own (``avril``, ``April``): CLDR stand-alone form."""
    return _babel_format_date(dt.date(2000, month, 1), format="LLLL", locale=normalize_language(lang))


def format_month_year(day: dt.date, lang: str) -> str:
    """Month and year: ``octobre 2026`` in French, ``October 2026`` in English (CLDR skeleton yMMMM)."""
    return format_skeleton("yMMMM", day, locale=normalize_language(lang))
