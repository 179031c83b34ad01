"""French kept inside a translated text (« 44 avenue Jacques Douzans », « Maison des Solidarités (MDS) »):
where it is, so that pages mark it ``lang="fr"`` (a voice reads it in French) and, in a right-to-left
page, isolate it (``<bdi dir="ltr">``) so that its words, numbers and brackets keep their order.

One definition for the whole site: the content renderer, the pages' own texts, the locator's answers
and the browser's offline answers (which receives :data:`LATIN_RUN` as data) all use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pti_citizen.languages import LANGUAGES, SOURCE_LANGUAGE

# Latin letters (with French accents). In an Arabic page nothing else is written in Latin letters,
# so every run of them is French (a name, an address, an acronym).
LATIN = "A-Za-zÀ-ÖØ-öø-ÿŒœ"
_SPACE = " \u00a0\u202f"
# A word group: « Maison des Solidarités », « Libre réponse 71120 », « Saint-Gaudens », « caf.fr ».
_GROUP = rf"[{LATIN}](?:[{LATIN}0-9'’.\-{_SPACE}]*[{LATIN}0-9])?"
# An address starts with its number: « 44 avenue Jacques Douzans », « 75342 Paris Cedex 07 ».
_NUMBERED = rf"(?:[0-9]+[{_SPACE}])?{_GROUP}"
# With its acronym or explanation in brackets, and the parts of an address after commas.
_PART = rf"{_NUMBERED}(?:[{_SPACE}]?\({_NUMBERED}\))?"
LATIN_RUN = re.compile(rf"{_PART}(?:,[{_SPACE}]?{_PART})*")

# French guillemets hold their words: no line break after « nor before ».
_INSIDE_QUOTES = re.compile(r"(?<=«) | (?=»)")
NO_BREAK_SPACE = "\u00a0"


@dataclass(frozen=True)
class TextPart:
    """A piece of a sentence; ``lang`` is set on French kept inside an en/es/ar text (``isolate``: in a
    right-to-left page, where it must also be isolated, ``<bdi dir="ltr">``)."""

    text: str
    lang: str | None = None
    isolate: bool = False


#: « caf.fr », « impots.gouv.fr »: read as it is written, not as French.
WEB_ADDRESS = re.compile(r"[\w.\-]+\.(?:fr|gouv|com|org|eu|net)")


def is_web_address(text: str) -> bool:
    return WEB_ADDRESS.fullmatch(text) is not None


def right_to_left(lang: str) -> bool:
    return lang in LANGUAGES and LANGUAGES[lang].direction == "rtl"


def names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """Finds any of ``names`` as whole words (apostrophes ’/' and spaces written either way)."""
    keys = {n.strip().replace("’", "'") for n in names if n and n.strip()}
    patterns = [
        re.escape(key).replace("'", "['’]").replace(r"\ ", r"\s+")
        for key in sorted(keys, key=lambda k: -len(k))
    ]
    return re.compile(r"(?<![\w])(?:" + "|".join(patterns) + r")(?![\w])") if patterns else None


def french_spans(text: str, lang: str, names: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """Where French sits in ``text`` written for ``lang``: every Latin run in a right-to-left language,
    the ``names`` elsewhere; nothing in French itself."""
    if lang == SOURCE_LANGUAGE:
        return []
    pattern = LATIN_RUN if right_to_left(lang) else names
    if pattern is None:
        return []
    return [m.span() for m in pattern.finditer(text) if not is_web_address(m.group(0))]


def french_parts(text: str, lang: str, names: re.Pattern[str] | None = None) -> tuple[TextPart, ...]:
    """``text`` cut into parts, the French ones carrying ``lang="fr"`` (isolated in right-to-left)."""
    out, start = [], 0
    isolate = right_to_left(lang)
    for begin, end in french_spans(text, lang, names):
        if begin > start:
            out.append(TextPart(text[start:begin]))
        out.append(TextPart(text[begin:end], lang=SOURCE_LANGUAGE, isolate=isolate))
        start = end
    if start < len(text) or not out:
        out.append(TextPart(text[start:]))
    return tuple(out)


def quotes_held(text: str) -> str:
    """« Tout recommencer » never splits after « or before » at the end of a line."""
    return _INSIDE_QUOTES.sub(NO_BREAK_SPACE, text)
