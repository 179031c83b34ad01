"""JSON from anyone, read with bounds: what ``json.loads`` does, without its three ways of failing
badly on hostile text.

- **Depth.** ``[[[[…]]]]`` 3 000 levels deep makes ``json.loads`` raise ``RecursionError`` (not a
  ``ValueError``): a 500 on the API, a broken session in the wizard. The nesting is measured first,
  in one linear pass over the text without its strings, and refused past :data:`MAX_DEPTH`.
- **Long numbers.** An integer of 5 000 digits makes ``json.loads`` raise a plain ``ValueError``
  (Python's 4 300-digit limit) after spending time on it. Numbers longer than :data:`MAX_NUMBER`
  characters are read as :class:`TooLong` instead, so that the field-level validation that follows
  says which field is wrong. ``NaN`` and ``Infinity`` are refused.
- **Size.** ``max_bytes`` refuses a text before anything is parsed (the callers also refuse a body
  while reading it).

Every refusal is a :class:`JSONRefused` (a ``ValueError``) with the line and column, like
``json.JSONDecodeError``.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 32
MAX_NUMBER = 40

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


class JSONRefused(ValueError):
    """Not JSON we read: ``kind`` is ``"syntax"``, ``"depth"``, ``"size"`` or ``"encoding"``."""

    def __init__(self, kind: str, line: int = 1, column: int = 1):
        super().__init__(f"{kind} at line {line} column {column}")
        self.kind, self.lineno, self.colno = kind, line, column


class TooLong:
    """A number with more characters than :data:`MAX_NUMBER`: kept as a marker (never converted), so
    that the validation reports the field it stands in."""

    def __init__(self, text: str):
        self.digits = len(text)

    def __repr__(self) -> str:
        return f"<number of {self.digits} characters>"


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int | None:
    """The index in ``text`` where nesting first goes past ``limit``, or ``None``."""
    if text.count("[") + text.count("{") <= limit:  # cannot be deeper: skip the scan
        return None
    depth = 0
    blanked = _STRING.sub(lambda m: '"' + " " * (len(m.group()) - 2) + '"', text)
    for match in _BRACKET.finditer(blanked):
        depth += 1 if match.group() in "[{" else -1
        if depth > limit:
            return match.start()
    return None


def _number(text: str) -> Any:
    return TooLong(text) if len(text) > MAX_NUMBER else None


def _int(text: str) -> Any:
    return _number(text) or int(text)


def _float(text: str) -> Any:
    return _number(text) or float(text)


def _constant(name: str) -> Any:
    raise JSONRefused("syntax")


def loads(data: str | bytes, *, max_bytes: int | None = None, max_depth: int = MAX_DEPTH) -> Any:
    """Parse ``data`` (UTF-8 bytes, a BOM allowed, or text) within the bounds above."""
    if max_bytes is not None and len(data) > max_bytes:
        raise JSONRefused("size")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            before = data[: error.start].decode("utf-8", "replace")
            raise JSONRefused("encoding", *_position(before, len(before))) from None
    too_deep = nesting_depth(data, max_depth)
    if too_deep is not None:
        raise JSONRefused("depth", *_position(data, too_deep))
    try:
        return json.loads(data, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except JSONRefused as error:
        raise JSONRefused("syntax", error.lineno, error.colno) from None
    except json.JSONDecodeError as error:
        raise JSONRefused("syntax", error.lineno, error.colno) from None
    except (RecursionError, ValueError):  # belt and braces: never a traceback for a client's text
        raise JSONRefused("syntax") from None
