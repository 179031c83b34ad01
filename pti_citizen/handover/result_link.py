"""A result link that carries the outcome and never the answers:
``?v=2&mois=2026-12&rsa=11.31&prime_activite=359.10&…&n=apply_caf,c2s``.

Pure Python: the result page builds and reads such links, the HTTP API draws their QR code
(``GET /api/v1/rsa/qr.svg``).

Used by « Partager », the printed page and the QR code a mediator shows, so that the person opens
every benefit's estimated amount and the next steps on their own phone. The link holds the month,
one amount per benefit (named as the engine names it, so a new benefit needs nothing here) and the
codes of the next steps: no age, no income, no family. Whatever arrives in such a link is checked
strictly (a hand-edited or truncated link gets a clear message, never a crash).

Version 1 links (``?m=573.49&e=1&n=caf,c2s&mois=2026-11``: the RSA only) still open, as the RSA
alone, with a word saying they come from an older version.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

if TYPE_CHECKING:
    from pti_citizen.simulator import RightsEstimate

VERSION = "2"
#: Version 1's short next-step codes → the engine's codes (old links only).
V1_NEXT_STEPS: dict[str, str] = {
    "caf": "apply_caf",
    "msa": "apply_msa",
    "c2s": "c2s",
    "pa": "prime_activite",
    "mds": "contact_mds",
}
V1_KEYS = ("m", "e", "n", "mois")
#: Where the QR code of a link is drawn (the page's ``<img>``: our own origin, the CSP allows no ``data:``).
QR_PATH = "/api/v1/rsa/qr.svg"
#: Longer than any link we write (six benefits, every next step); refused above, unread.
MAX_QUERY_CHARS = 600
MAX_NEXT_STEPS = 16

_AMOUNT = re.compile(r"^(0|[1-9][0-9]{0,4})\.[0-9]{2}$")
_MONTH = re.compile(r"^([1-9][0-9]{3})-(0[1-9]|1[0-2])$")
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,29}$")
_V1_CODES = re.compile(r"^[a-z0-9]+(,[a-z0-9]+)*$")

# Why a link is refused (for tests; the person sees one plain message).
MISSING = "missing"
REPEATED = "repeated"
AMOUNT = "amount"
ELIGIBLE = "eligible"
NEXT_STEPS = "next_steps"
MONTH = "month"
INCONSISTENT = "inconsistent"
VERSION_UNKNOWN = "version"


class ShareLinkError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class SharedResult:
    """What a link says: each benefit's amount (0 when not due), the next steps, the month."""

    month: dt.date  # first day of the month of the estimate
    amounts: tuple[tuple[str, Decimal], ...]  # (benefit name, € a month), in the estimate's order
    next_steps: tuple[str, ...]  # engine codes, e.g. ("apply_caf", "c2s")
    #: A version 1 link: the RSA only.
    legacy: bool = False

    @property
    def total(self) -> Decimal:
        return sum((amount for _, amount in self.amounts), Decimal("0.00"))

    def amount(self, name: str) -> Decimal | None:
        return next((amount for benefit, amount in self.amounts if benefit == name), None)

    @property
    def due(self) -> tuple[str, ...]:
        return tuple(name for name, amount in self.amounts if amount > 0)


def _benefit_names() -> tuple[str, ...]:
    from pti_citizen.simulator import REGISTRY

    return tuple(benefit.name for benefit in REGISTRY)


def _first_month() -> dt.date:
    from pti_citizen.simulator.benefits.rsa.parameters import ESTIMATES_FROM

    return ESTIMATES_FROM


def _cents(amount: float | Decimal) -> Decimal:
    return Decimal(str(amount)).quantize(Decimal("0.01"))


def result_query(shared: SharedResult) -> str:
    """The query string of a link (version 2 for every link, old ones included once read)."""
    parts = [f"v={VERSION}", f"mois={shared.month:%Y-%m}"]
    parts += [f"{name}={_cents(amount)}" for name, amount in shared.amounts]
    parts.append("n=" + ",".join(shared.next_steps))
    return "&".join(parts)


def shared_result(estimate: RightsEstimate) -> SharedResult:
    """The outcome of a typed estimate, as a link carries it: amounts and next steps only."""
    return SharedResult(
        month=estimate.month.first_day,
        amounts=tuple((benefit.name, _cents(benefit.monthly_amount)) for benefit in estimate.benefits),
        next_steps=tuple(estimate.next_steps),
    )


def query_of(estimate: RightsEstimate) -> str:
    return result_query(shared_result(estimate))


def _one(fields: dict[str, list[str]], key: str) -> str:
    if key not in fields:
        raise ShareLinkError(MISSING)
    if len(fields[key]) != 1:
        raise ShareLinkError(REPEATED)
    return fields[key][0]


def _month(text: str, first_month: dt.date, today: dt.date) -> dt.date:
    found = _MONTH.match(text)
    if not found:
        raise ShareLinkError(MONTH)
    month = dt.date(int(found.group(1)), int(found.group(2)), 1)
    if month < first_month.replace(day=1) or month.year > today.year + 1:
        raise ShareLinkError(MONTH)
    return month


def _amount(text: str) -> Decimal:
    if not _AMOUNT.match(text):
        raise ShareLinkError(AMOUNT)
    return Decimal(text)


def _parse_v1(fields: dict[str, list[str]], first_month: dt.date, today: dt.date) -> SharedResult:
    amount_text, eligible_text, steps_text, month_text = (_one(fields, key) for key in V1_KEYS)
    amount = _amount(amount_text)
    if eligible_text not in ("0", "1"):
        raise ShareLinkError(ELIGIBLE)
    if (eligible_text == "1") != (amount > 0):
        raise ShareLinkError(INCONSISTENT)
    steps: tuple[str, ...] = ()
    if steps_text:
        shorts = steps_text.split(",")
        if (
            not _V1_CODES.match(steps_text)
            or len(set(shorts)) != len(shorts)
            or any(short not in V1_NEXT_STEPS for short in shorts)
        ):
            raise ShareLinkError(NEXT_STEPS)
        steps = tuple(V1_NEXT_STEPS[short] for short in shorts)
    month = _month(month_text, first_month, today)
    return SharedResult(month=month, amounts=(("rsa", amount),), next_steps=steps, legacy=True)


def _parse_v2(
    fields: dict[str, list[str]], names: Collection[str], first_month: dt.date, today: dt.date
) -> SharedResult:
    month = _month(_one(fields, "mois"), first_month, today)
    amounts = [(name, _amount(_one(fields, name))) for name in names if name in fields]
    if not amounts:
        raise ShareLinkError(MISSING)
    steps_text = _one(fields, "n")
    steps = tuple(steps_text.split(",")) if steps_text else ()
    if (
        len(steps) > MAX_NEXT_STEPS
        or len(set(steps)) != len(steps)
        or not all(_CODE.match(code) for code in steps)
    ):
        raise ShareLinkError(NEXT_STEPS)
    return SharedResult(month=month, amounts=tuple(amounts), next_steps=steps)


def parse_result_query(
    query: str,
    *,
    today: dt.date,
    first_month: dt.date | None = None,
    benefits: Collection[str] | None = None,
) -> SharedResult:
    """Read a result link's query; raise :class:`ShareLinkError` when anything is off.

    ``first_month``: the first month the engine has amounts for; a month after next year is refused
    too. ``benefits``: the names a link may carry (the engine's, by default). Other keys are ignored
    (messaging apps add their own); ours must each appear exactly once.
    """
    if not isinstance(query, str) or len(query) > MAX_QUERY_CHARS:
        raise ShareLinkError(MISSING)
    fields = parse_qs(query.lstrip("?"), keep_blank_values=True)
    first_month = first_month or _first_month()
    if "v" not in fields:
        return _parse_v1(fields, first_month, today)
    if _one(fields, "v") != VERSION:
        raise ShareLinkError(VERSION_UNKNOWN)
    names = _benefit_names() if benefits is None else tuple(benefits)
    return _parse_v2(fields, names, first_month, today)


def qr_code_svg(url: str) -> bytes:
    """An SVG QR code of ``url``, made on the server: no script, no outside service."""
    import segno

    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=4, border=4, dark="#000000", light="#ffffff", omitsize=True)
    return buffer.getvalue()
