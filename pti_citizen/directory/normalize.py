"""Text folding for town search: people type « st gaudens », « SAINT-GAUDENS » or « lisle en dodon »,
and postcodes with Arabic digits (« ٣١٨٠٠ »). ``assets/locator-offline.js`` folds the same way (the
tables below are given to it as data)."""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss"}
_LIGATURES = str.maketrans(LIGATURES)

#: Abbreviations people write for the first word of many town names.
ABBREVIATIONS = {"st": "saint", "ste": "sainte"}

#: Arabic-Indic and Eastern Arabic-Indic digits, as Arabic and Persian keyboards type them.
EASTERN_DIGITS = {chr(zero + n): str(n) for zero in (0x0660, 0x06F0) for n in range(10)}
_EASTERN_DIGITS = str.maketrans(EASTERN_DIGITS)


def ascii_digits(text: str) -> str:
    """``٣١٨٠٠`` → ``31800``: a postcode typed on an Arabic keyboard is still a postcode."""
    return text.translate(_EASTERN_DIGITS)


def fold(text: str) -> str:
    """Lower case without accents: ``Bagnères`` → ``bagneres``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn")


def words(text: str) -> list[str]:
    """Folded words, with hyphens, apostrophes and punctuation as separators and « St » as « Saint »."""
    return [ABBREVIATIONS.get(word, word) for word in _NOT_ALNUM.split(fold(text)) if word]


def normalize(text: str) -> str:
    """One canonical spelling for comparing names: ``L'Isle-en-Dodon`` → ``l isle en dodon``."""
    return " ".join(words(text))


def compact(text: str) -> str:
    """Normalized name without spaces, for people who glue words: ``lisleendodon``."""
    return normalize(text).replace(" ", "")
