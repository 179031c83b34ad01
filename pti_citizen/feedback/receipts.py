"""The receipt of a « Oui »/« Non »: what lets the same browser add its comment to that answer, once,
without the server keeping any session.

The answer's row id, signed (HMAC-SHA-256) with a key only the server knows, together with the page
and the language it was given for: a receipt cannot be made up, moved to another answer, or used for
another page. The browser keeps it in the tab (sessionStorage) for the visit; the database keeps
nothing more than before (``add_details`` fills a row once).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re

MAX_RECEIPT_LENGTH = 80
_RECEIPT = re.compile(r"([1-9][0-9]{0,17})\.([A-Za-z0-9_-]{22})")


def _signature(key: bytes, row_id: int, lang: str, page: str) -> str:
    message = f"feedback-answer\n{row_id}\n{lang}\n{page}".encode()
    digest = hmac.new(key, message, hashlib.sha256).digest()[:16]
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def make_receipt(key: bytes, row_id: int, lang: str, page: str) -> str:
    return f"{row_id}.{_signature(key, row_id, lang, page)}"


def read_receipt(key: bytes, receipt: object, lang: str, page: str) -> int | None:
    """The row id the receipt was made for, or ``None`` (not a receipt, another page, forged)."""
    if not isinstance(receipt, str) or len(receipt) > MAX_RECEIPT_LENGTH:
        return None
    match = _RECEIPT.fullmatch(receipt)
    if match is None:
        return None
    row_id = int(match.group(1))
    expected = _signature(key, row_id, lang, page)
    return row_id if hmac.compare_digest(expected, match.group(2)) else None
