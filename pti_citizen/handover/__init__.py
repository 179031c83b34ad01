"""Handing a result over to the person: a link that carries every benefit's estimated amount and
never the answers, and its QR code (for a mediator's screen); « Continuer sur mon téléphone », a link
whose fragment (never sent to the server) carries the answers; calendar files for the quarterly
declaration and a Kiosque Insertion (``calendar.py``). Pure Python."""

from . import short_code
from .answers_link import AnswersLinkError, answers_fragment, parse_answers_fragment
from .qr import qr_path
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
    "AnswersLinkError",
    "ShareLinkError",
    "SharedResult",
    "answers_fragment",
    "parse_answers_fragment",
    "parse_result_query",
    "qr_code_svg",
    "qr_path",
    "query_of",
    "result_query",
    "shared_result",
    "short_code",
]
