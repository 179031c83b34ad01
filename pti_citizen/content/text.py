"""Small text helpers shared by the renderer, the readability rules and the checks."""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """``Qui paie le RSA ?`` → ``qui-paie-le-rsa``; empty for a text without Latin letters or digits."""
    ascii_text = strip_accents(text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
