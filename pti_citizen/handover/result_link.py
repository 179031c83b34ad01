"""A result link that carries the outcome and never the answers: ``?m=573.49&e=1&n=caf,c2s&mois=2026-11``.

Pure Python: the result page reads such links, the HTTP API draws their QR code
(``GET /api/v1/rsa/qr.svg``).

Used by « Partager » and by the QR code a mediator shows, so that the person opens the amount and
the next steps on their own phone. The link holds only the estimated amount, eligible or not, the
codes of the next steps and the month: no age, no income, no family. Whatever arrives in such a
link is checked strictly (a hand-edited or truncated link gets a clear message, never a crash).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import parse_qs

#: Engine next-step code → short code in the link (and back).
NEXT_STEP_CODES: dict[str, str] = {
    "apply_caf": "caf",
    "apply_msa": "msa",
    "c2s": "c2s",
    "prime_activite": "pa",
    "contact_mds": "mds",
}
FROM_LINK = {short: code for code, short in NEXT_STEP_CODES.items()}
KEYS = ("m", "e", "n", "mois")
#: Where the QR code of a link is drawn (the page's ``<img>``: our own origin, the CSP allows no ``data:``).
QR_PATH = "/api/v1/rsa/qr.svg"

_AMOUNT = re.compile(r"^(0|[1-9][0-9]{0,4})\.[0-9]{2}$")
_MONTH = re.compile(r"^([1-9][0-9]{3})-(0[1-9]|1[0-2])$")
_CODES = re.compile(r"^[a-z0-9]+(,[a-z0-9]+)*$")

# Why a link is refused (for tests and logs; the person sees one plain message).
MISSING = "missing"
REPEATED = "repeated"
AMOUNT = "amount"
ELIGIBLE = "eligible"
NEXT_STEPS = "next_steps"
MONTH = "month"
INCONSISTENT = "inconsistent"


class ShareLinkError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class SharedResult:
    amount: Decimal
    eligible: bool
    next_steps: tuple[str, ...]  # engine codes, e.g. ("apply_caf", "c2s")
    month: dt.date  # first day of the month of the estimate


def parse_share_query(query: str, *, first_month: dt.date, today: dt.date) -> SharedResult:
    """Read a result link's query; raise :class:`ShareLinkError` when anything is off.

    ``first_month``: the first month the engine has amounts for; a month after next year is refused too.
    Other keys are ignored (messaging apps add their own); ours must each appear exactly once.
    """
    if not isinstance(query, str) or len(query) > 300:
        raise ShareLinkError(MISSING)
    fields = parse_qs(query.lstrip("?"), keep_blank_values=True)
    for key in KEYS:
        if key not in fields:
            raise ShareLinkError(MISSING)
        if len(fields[key]) != 1:
            raise ShareLinkError(REPEATED)
    amount_text, eligible_text, steps_text, month_text = (fields[key][0] for key in KEYS)

    if not _AMOUNT.match(amount_text):
        raise ShareLinkError(AMOUNT)
    amount = Decimal(amount_text)
    if eligible_text not in ("0", "1"):
        raise ShareLinkError(ELIGIBLE)
    eligible = eligible_text == "1"
    if eligible != (amount > 0):
        raise ShareLinkError(INCONSISTENT)

    steps: tuple[str, ...] = ()
    if steps_text:
        if not _CODES.match(steps_text):
            raise ShareLinkError(NEXT_STEPS)
        shorts = steps_text.split(",")
        if len(set(shorts)) != len(shorts) or any(short not in FROM_LINK for short in shorts):
            raise ShareLinkError(NEXT_STEPS)
        steps = tuple(FROM_LINK[short] for short in shorts)

    found = _MONTH.match(month_text)
    if not found:
        raise ShareLinkError(MONTH)
    month = dt.date(int(found.group(1)), int(found.group(2)), 1)
    if month < first_month.replace(day=1) or month.year > today.year + 1:
        raise ShareLinkError(MONTH)
    return SharedResult(amount=amount, eligible=eligible, next_steps=steps, month=month)


def qr_code_svg(url: str) -> bytes:
    """An SVG QR code of ``url``, made on the server: no script, no outside service."""
    import segno

    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=4, border=4, dark="#000000", light="#ffffff", omitsize=True)
    return buffer.getvalue()
