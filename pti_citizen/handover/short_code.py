"""A result link short enough to type: ``rsa.example.fr/r/4K7-M2Q-XA9-B3C``.

Next to the QR code, for a phone whose camera does not read QR codes, and on paper. The code holds
what the long link holds — each benefit's amount, the next steps, the month — and nothing else, with
an 8-bit check so that a mistyped code is refused rather than read as another result. Only the
benefits that are due take room (a person with the RSA alone gets 12 symbols, a family with four
benefits 24). Written in Crockford's base 32 (no I, L, O or U; those letters typed by mistake are
read as 1, 1, 0 and V), in groups of three; case and dashes do not matter. Nothing is stored on the
server: the code *is* the result.

Layout, from the lowest bits: check (8), month since 2020-01 (8), next steps (one bit each, in
``NEXT_STEPS``' order), the benefits the estimate holds, then those of them that are due (one bit
each, in the engine's registry order), then each due benefit's amount in cents (18 bits, up to
2 621,43 €), zero-padded to whole groups.
"""

from __future__ import annotations

import datetime as dt
import zlib
from decimal import Decimal

from .result_link import SharedResult, ShareLinkError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = {"I": "1", "L": "1", "O": "0", "U": "V"}
#: The first month a code can carry (the engine's amounts start later); 256 months from it.
EPOCH = dt.date(2020, 1, 1)
PATH = "/r/"
#: Every next step the engine can give, in a fixed order: **append only** (a code written today
#: must read the same tomorrow). ``tests/handover/test_short_code.py`` fails if the engine gives one
#: that is missing here.
NEXT_STEPS = (
    "apply_caf",
    "apply_msa",
    "c2s",
    "prime_activite",
    "contact_mds",
    "apply_caf_family",
    "aripa",
    "apply_prime",
)
_CHECK_BITS, _MONTH_BITS, _AMOUNT_BITS = 8, 8, 18
_GROUP = 3
#: Longer than any code we write (every benefit due); refused above, unread.
MAX_CHARS = 60
BAD_CODE = "code"


def _benefits() -> tuple[str, ...]:
    from pti_citizen.simulator import REGISTRY

    return tuple(benefit.name for benefit in REGISTRY)


def _check(payload: int) -> int:
    return zlib.crc32(payload.to_bytes((payload.bit_length() + 7) // 8 or 1, "big")) & 0xFF


def encode(result: SharedResult) -> str:
    """``4K7-M2Q-XA9-B3C`` for a result (``ValueError`` outside what a code can hold: an amount of
    2 621,44 € or more, a month out of range, a next step or a benefit this module does not know)."""
    benefits = _benefits()
    months = (result.month.year - EPOCH.year) * 12 + result.month.month - 1
    if not 0 <= months < 2**_MONTH_BITS:
        raise ValueError("this month does not fit a short code")
    unknown = set(result.next_steps) - set(NEXT_STEPS)
    if unknown:
        raise ValueError(f"next steps a short code cannot hold: {sorted(unknown)}")
    amounts = dict(result.amounts)
    if set(amounts) - set(benefits):
        raise ValueError("a benefit a short code cannot hold")
    value, width = 0, 0
    for name in reversed(benefits):  # the first benefit's amount ends up nearest the flags
        cents = int((amounts.get(name, Decimal(0)) * 100).to_integral_value())
        if cents < 0 or cents >= 2**_AMOUNT_BITS:
            raise ValueError("this amount does not fit a short code")
        if cents:
            value, width = (value << _AMOUNT_BITS) | cents, width + _AMOUNT_BITS
    due = sum(1 << i for i, name in enumerate(benefits) if amounts.get(name, 0) > 0)
    held = sum(1 << i for i, name in enumerate(benefits) if name in amounts)
    steps = sum(1 << i for i, code in enumerate(NEXT_STEPS) if code in result.next_steps)
    value = (value << len(benefits)) | due
    value = (value << len(benefits)) | held
    value = (value << len(NEXT_STEPS)) | steps
    value = (value << _MONTH_BITS) | months
    width += 2 * len(benefits) + len(NEXT_STEPS) + _MONTH_BITS
    value = (value << _CHECK_BITS) | _check(value)
    width += _CHECK_BITS
    symbols = -(-width // 5)
    symbols = -(-symbols // _GROUP) * _GROUP
    text = "".join(ALPHABET[(value >> (5 * i)) & 31] for i in reversed(range(symbols)))
    return "-".join(text[i : i + _GROUP] for i in range(0, symbols, _GROUP))


def decode(code: str) -> SharedResult:
    """The result a typed code holds; :class:`ShareLinkError` for anything else."""
    if not isinstance(code, str) or len(code) > MAX_CHARS:
        raise ShareLinkError(BAD_CODE)
    text = "".join(_READ_AS.get(c, c) for c in code.upper() if c not in "- ")
    if not text or len(text) % _GROUP or any(c not in ALPHABET for c in text):
        raise ShareLinkError(BAD_CODE)
    value = 0
    for c in text:
        value = value * 32 + ALPHABET.index(c)
    payload, check = value >> _CHECK_BITS, value & 0xFF
    if _check(payload) != check:
        raise ShareLinkError(BAD_CODE)
    benefits = _benefits()
    months = payload & (2**_MONTH_BITS - 1)
    payload >>= _MONTH_BITS
    steps = payload & (2 ** len(NEXT_STEPS) - 1)
    payload >>= len(NEXT_STEPS)
    held = payload & (2 ** len(benefits) - 1)
    payload >>= len(benefits)
    due = payload & (2 ** len(benefits) - 1)
    payload >>= len(benefits)
    if due & ~held:  # a due benefit the estimate does not hold: not a code we wrote
        raise ShareLinkError(BAD_CODE)
    amounts = []
    for i, name in enumerate(benefits):
        if not held >> i & 1:
            continue
        cents = 0
        if due >> i & 1:
            cents = payload & (2**_AMOUNT_BITS - 1)
            payload >>= _AMOUNT_BITS
            if not cents:  # a due benefit of 0 € is never written
                raise ShareLinkError(BAD_CODE)
        amounts.append((name, (Decimal(cents) / 100).quantize(Decimal("0.01"))))
    if payload:  # bits left over: not a code we wrote
        raise ShareLinkError(BAD_CODE)
    return SharedResult(
        month=dt.date(EPOCH.year + months // 12, months % 12 + 1, 1),
        amounts=tuple(amounts),
        next_steps=tuple(code for i, code in enumerate(NEXT_STEPS) if steps >> i & 1),
    )
