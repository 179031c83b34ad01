"""Text folding for town search: people type « st gaudens », « SAINT-GAUDENS » or « lisle en dodon »."""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})

#: Abbreviations people write for the first word of many town names.
ABBREVIATIONS = {"st": "saint", "ste": "sainte"}


def fold(text: str) -> str:
    """Lower case without accents: ``Bagnères`` → ``bagneres``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """Folded words, with hyphens, apostrophes and punctuation as separators and « St » as « Saint »."""
    return [ABBREVIATIONS.get(word, word) for word in _NOT_ALNUM.split(fold(text)) if word]


def normalize(text: str) -> str:
    """One canonical spelling for comparing names: ``L'Isle-en-Dodon`` → ``l isle en dodon``."""
    return " ".join(words(text))


def compact(text: str) -> str:
    """Normalized name without spaces, for people who glue words: ``lisleendodon``."""
    return normalize(text).replace(" ", "")
