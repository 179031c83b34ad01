"""Handing a result over to the person: a link that carries the outcome and never the answers, and
its QR code (for a mediator's screen). Pure Python."""

from . import short_code
from .result_link import SharedResult, ShareLinkError, parse_share_query, qr_code_svg

__all__ = ["ShareLinkError", "SharedResult", "parse_share_query", "qr_code_svg", "short_code"]
