"""A result link short enough to type: ``rsa.example.fr/r/4K7-M2Q-XA9``.

Next to the QR code, for a phone whose camera does not read QR codes, and on paper. The code holds
what the long link holds — the amount, the next steps, the month (eligible is « amount > 0 ») — and
nothing else, packed into 37 bits, with an 8-bit check so that a mistyped code is refused rather
than read as another result. Written in Crockford's base 32 (no I, L, O or U; those letters typed by
mistake are read as 1, 1, 0 and V), in three groups of three; case and dashes do not matter.
Nothing is stored on the server: the code *is* the result.
"""

from __future__ import annotations

import datetime as dt
import zlib
from decimal import Decimal

from .result_link import MONTH, NEXT_STEP_CODES, SharedResult, ShareLinkError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = {"I": "1", "L": "1", "O": "0", "U": "V"}
#: The first month a code can carry (the engine's amounts start later); 256 months from it.
EPOCH = dt.date(2020, 1, 1)
PATH = "/r/"
_STEPS = tuple(NEXT_STEP_CODES)
_AMOUNT_BITS, _STEP_BITS, _MONTH_BITS, _CHECK_BITS = 24, len(_STEPS), 8, 8
_SYMBOLS = 9  # 45 bits
BAD_CODE = "code"


def _check(payload: int) -> int:
    return zlib.crc32(payload.to_bytes(5, "big")) & 0xFF


def encode(result: SharedResult) -> str:
    """``4K7-M2Q-XA9`` for a result (raises ``ValueError`` outside what a code can hold)."""
    cents = int((result.amount * 100).to_integral_value())
    months = (result.month.year - EPOCH.year) * 12 + result.month.month - 1
    if not (0 <= cents < 2**_AMOUNT_BITS and 0 <= months < 2**_MONTH_BITS):
        raise ValueError("this result does not fit a short code")
    steps = sum(1 << i for i, code in enumerate(_STEPS) if code in result.next_steps)
    payload = (cents << (_STEP_BITS + _MONTH_BITS)) | (steps << _MONTH_BITS) | months
    value = (payload << _CHECK_BITS) | _check(payload)
    symbols = "".join(ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(_SYMBOLS)))
    return "-".join(symbols[i : i + 3] for i in range(0, _SYMBOLS, 3))


def decode(code: str) -> SharedResult:
    """The result a typed code holds; :class:`ShareLinkError` for anything else."""
    if not isinstance(code, str) or len(code) > 20:
        raise ShareLinkError(BAD_CODE)
    text = "".join(_READ_AS.get(c, c) for c in code.upper() if c not in "- ")
    if len(text) != _SYMBOLS or any(c not in ALPHABET for c in text):
        raise ShareLinkError(BAD_CODE)
    value = 0
    for c in text:
        value = value * 32 + ALPHABET.index(c)
    payload, check = value >> _CHECK_BITS, value & 0xFF
    if _check(payload) != check:
        raise ShareLinkError(BAD_CODE)
    months = payload & (2**_MONTH_BITS - 1)
    steps = (payload >> _MONTH_BITS) & (2**_STEP_BITS - 1)
    cents = payload >> (_STEP_BITS + _MONTH_BITS)
    amount = Decimal(cents) / 100
    month = dt.date(EPOCH.year + months // 12, months % 12 + 1, 1)
    if month < EPOCH:  # pragma: no cover  (months are never negative)
        raise ShareLinkError(MONTH)
    return SharedResult(
        amount=amount.quantize(Decimal("0.01")),
        eligible=amount > 0,
        next_steps=tuple(code for i, code in enumerate(_STEPS) if steps >> i & 1),
        month=month,
    )


def share_query(result: SharedResult) -> str:
    """The long link's query for a decoded result (``result_link.parse_share_query`` reads it back)."""
    from .result_link import NEXT_STEP_CODES as SHORT

    steps = ",".join(SHORT[code] for code in result.next_steps)
    return f"m={result.amount}&e={'1' if result.eligible else '0'}&n={steps}&mois={result.month:%Y-%m}"
