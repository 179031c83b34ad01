"""The simulator page's side of a shared result link: the link and the QR code's address for one
engine result. Reading a link, and the QR code itself, are in the core (``pti_citizen.handover``).
"""

from __future__ import annotations

from decimal import Decimal

from pti_citizen.handover.result_link import (  # noqa: F401  (the pages and tests use them from here)
    AMOUNT,
    ELIGIBLE,
    FROM_LINK,
    INCONSISTENT,
    KEYS,
    MISSING,
    MONTH,
    NEXT_STEP_CODES,
    NEXT_STEPS,
    QR_PATH,
    REPEATED,
    SharedResult,
    ShareLinkError,
    parse_share_query,
    qr_code_svg,
)


def share_query(result: dict) -> str:
    """The query string for an engine result (the JSON of ``estimate_payload``)."""
    steps = ",".join(NEXT_STEP_CODES[code] for code in result["next_steps"] if code in NEXT_STEP_CODES)
    amount = Decimal(str(result["monthly_amount"])).quantize(Decimal("0.01"))
    eligible = "1" if result["eligible"] else "0"
    return f"m={amount}&e={eligible}&n={steps}&mois={result['month']}"


def qr_code_path(lang: str, result: dict) -> str:
    """Where the page's ``<img>`` gets the QR code: our own origin (the CSP allows no ``data:`` image)."""
    return f"{QR_PATH}?lang={lang}&{share_query(result)}"
