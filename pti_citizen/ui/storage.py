"""Browser storage as the server reads it: bounded, parsed once, never an exception.

A browser-storage var (``rx.SessionStorage``, ``rx.LocalStorage``) comes back from the tab on every
page load, and the tab can write anything into it. The socket guard (``ui/socket_guard.py``) drops
values longer than ``PTI_MAX_STORAGE_BYTES``; here, a JSON value is parsed with bounds
(``safe_json``: no ``RecursionError``, no 5 000-digit integer) and **once** per distinct text, so that
computed vars reading the same answers many times per event cost one parse, not one each.
"""

from __future__ import annotations

import copy
from functools import lru_cache
from typing import Any

from pti_citizen import safe_json
from pti_citizen.settings import get_settings


@lru_cache(maxsize=1024)
def _parsed(text: str, max_bytes: int) -> Any:
    try:
        return safe_json.loads(text, max_bytes=max_bytes, max_depth=8)
    except safe_json.JSONRefused:
        return None


def json_object(text: str) -> dict:
    """The JSON object ``text`` holds (a copy the caller may change), or ``{}`` for anything else —
    too long, too deep, not JSON, not an object."""
    if not text or not isinstance(text, str):
        return {}
    value = _parsed(text, get_settings().max_storage_bytes)
    return copy.deepcopy(value) if isinstance(value, dict) else {}
