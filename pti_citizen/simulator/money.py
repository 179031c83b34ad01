"""Read an amount of euros the way people type it: « 1 200,50 », « 1200.5 », « 1 200 € », « ١٢٠٠ ».

A form field gives text, and the engine wants a number. Typing habits differ by language (comma or
point for the decimals, spaces or points between thousands, Arabic-Indic digits), so this accepts
every unambiguous way of writing a monthly amount and refuses the rest with an error code. Nothing
is guessed: « 1,200 » is 1.2 for a French reader and 1200 for an English one, so it is refused and
the person is asked to write it again. The codes become field messages in the user's language in
the UI's own catalog.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from .household import MAX_MONTHLY_EUROS

#: Error codes (the UI words them).
EMPTY = "empty"
NEGATIVE = "negative"
NOT_A_NUMBER = "not_a_number"
AMBIGUOUS = "ambiguous"
TOO_MANY_DECIMALS = "too_many_decimals"
TOO_BIG = "too_big"

_BIDI_MARKS = dict.fromkeys(
    map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
_DIGITS = {
    **{0x0660 + i: str(i) for i in range(10)},  # Arabic-Indic digits
    **{0x06F0 + i: str(i) for i in range(10)},  # Extended Arabic-Indic (Persian, Urdu) digits
    **{0xFF10 + i: str(i) for i in range(10)},  # full-width digits
    0x066B: ",",  # Arabic decimal separator
    0x066C: " ",  # Arabic thousands separator
    0xFF0C: ",",  # full-width comma
    0xFF0E: ".",  # full-width full stop
}
_MINUS = "-\u2212\u2012\u2013\u2014\ufe63\uff0d"
_CURRENCY = re.compile(r"^(?:€|eur|euros?)\s*|\s*(?:€|eur|euros?)$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_DIGITS_ONLY = re.compile(r"^[0-9]+$")


class MoneyError(ValueError):
    """The text is not an amount we can read without guessing; ``code`` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _starts_with_minus(text: str) -> bool:
    return bool(text) and text[0] in _MINUS


def normalize_digits(text: str) -> str:
    """ASCII digits and separators, no direction marks, every kind of space as one plain space."""
    text = text.translate(_BIDI_MARKS).translate(_DIGITS)
    text = "".join(" " if unicodedata.category(char) == "Zs" or char == "\t" else char for char in text)
    return _SPACES.sub(" ", text).strip()


def _grouped(integer: str, separator: str) -> str:
    """``1 200 000`` → ``1200000`` when every group after the first has 3 digits; else AMBIGUOUS."""
    groups = integer.split(separator)
    first, rest = groups[0], groups[1:]
    if not (1 <= len(first) <= 3 and first.isdigit()) or any(
        len(group) != 3 or not group.isdigit() for group in rest
    ):
        raise MoneyError(AMBIGUOUS)
    return "".join(groups)


def _number(text: str) -> Decimal:
    """Parse digits with at most one decimal separator and one kind of thousands separator."""
    if not text or any(char not in "0123456789 .," for char in text):
        raise MoneyError(NOT_A_NUMBER)
    if not any(char.isdigit() for char in text):
        raise MoneyError(NOT_A_NUMBER)
    text = text.replace(" ", "\u00a0")  # a plain marker for « thousands by spaces »
    marks = [char for char in text if char in ".,"]
    decimals = ""
    integer = text
    if marks:
        last = max(text.rfind("."), text.rfind(","))
        tail = text[last + 1 :]
        single = len(marks) == 1
        if single and len(tail) == 3 and "\u00a0" not in text:
            # « 1,200 » or « 1.200 »: thousands for some readers, decimals for others.
            raise MoneyError(AMBIGUOUS)
        if single or text[last] != marks[0]:
            # One mark, or two different marks (« 1.200,50 », « 1,200.50 »): the last one is the decimal point.
            integer, decimals = text[:last], tail
            if not decimals or not decimals.isdigit():
                raise MoneyError(NOT_A_NUMBER)
            if len(decimals) > 2:
                raise MoneyError(TOO_MANY_DECIMALS)
        # else: the same mark several times (« 1.200.000 »): thousands only.
    if not integer:
        raise MoneyError(NOT_A_NUMBER)
    group_marks = {char for char in integer if char in ".,\u00a0"}
    if len(group_marks) > 1:
        raise MoneyError(AMBIGUOUS)
    if group_marks:
        integer = _grouped(integer, group_marks.pop())
    if not _DIGITS_ONLY.match(integer):
        raise MoneyError(NOT_A_NUMBER)
    return Decimal(f"{integer}.{decimals or '0'}")


def parse_money(text: str | None, maximum: float = MAX_MONTHLY_EUROS) -> Decimal:
    """An amount of euros, ≥ 0, at most 2 decimals, at most ``maximum``. Raises :class:`MoneyError`."""
    if text is None:
        raise MoneyError(EMPTY)
    if not isinstance(text, str):
        raise MoneyError(NOT_A_NUMBER)
    cleaned = normalize_digits(text)
    if not cleaned:
        raise MoneyError(EMPTY)
    # The currency may come before or after, and a minus sign before or after « € ».
    negative = False
    for _ in range(2):
        if _starts_with_minus(cleaned):
            negative, cleaned = True, cleaned[1:].strip()
        cleaned = _CURRENCY.sub("", cleaned, count=1).strip()
    if _starts_with_minus(cleaned):
        negative, cleaned = True, cleaned[1:].strip()
    if not cleaned:
        raise MoneyError(EMPTY if not negative else NOT_A_NUMBER)
    amount = _number(cleaned)
    if negative and amount != 0:
        raise MoneyError(NEGATIVE)
    if amount > Decimal(str(maximum)):
        raise MoneyError(TOO_BIG)
    return amount.quantize(Decimal("0.01"))


def parse_whole_number(text: str | None) -> int:
    """A whole number typed in a field (« 34 », « ٣٤ », « 34 »); raises :class:`MoneyError`."""
    if text is None or not isinstance(text, str):
        raise MoneyError(EMPTY)
    cleaned = normalize_digits(text)
    if not cleaned:
        raise MoneyError(EMPTY)
    if _starts_with_minus(cleaned) and _DIGITS_ONLY.match(cleaned[1:].strip()):
        raise MoneyError(NEGATIVE)
    if not _DIGITS_ONLY.match(cleaned) or len(cleaned) > 6:
        raise MoneyError(NOT_A_NUMBER)
    return int(cleaned)
