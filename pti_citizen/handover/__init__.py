"""Handing a result over to the person: a link that carries every benefit's estimated amount and
never the answers, and its QR code (for a mediator's screen). Pure Python."""

from . import short_code
from .result_link import (
    QR_PATH,
    SharedResult,
    ShareLinkError,
    parse_result_query,
    qr_code_svg,
    query_of,
    result_query,
    shared_result,
)

__all__ = [
    "QR_PATH",
    "ShareLinkError",
    "SharedResult",
    "parse_result_query",
    "qr_code_svg",
    "query_of",
    "result_query",
    "shared_result",
    "short_code",
]
