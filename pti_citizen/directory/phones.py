"""French phone numbers as people read them (``05 62 00 98 10``) and as phones dial them (``+33…``)."""

from __future__ import annotations

import re

_NATIONAL = re.compile(r"^0[1-9]\d{8}$")


def is_french_number(phone: str) -> bool:
    return bool(_NATIONAL.match(re.sub(r"[\s.\-]", "", phone)))


def to_e164(phone: str) -> str:
    """``05 62 00 98 10`` → ``+33562009810``; raises ``ValueError`` for anything else."""
    digits = re.sub(r"[\s.\-]", "", phone)
    if not _NATIONAL.match(digits):
        raise ValueError(f"not a French 10-digit number: {phone!r}")
    return "+33" + digits[1:]


def tel_href(phone: str) -> str:
    return "tel:" + to_e164(phone)
