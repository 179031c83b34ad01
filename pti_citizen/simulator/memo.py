"""Bounded memories of work already done (sentences written, figures of a month), shared by every
estimate of a running server.

Households differ, but most of what the engine writes does not: « Pas d'ASF pour l'instant », the
montant forfaitaire of the month, the same forfait logement, the same family benefits for the same
children. Keeping them makes an estimate cheap without changing a word of it: a memory only holds
values computed by the same function from the same key.
"""

from __future__ import annotations

from typing import Any


class Memo(dict):
    """A dict that forgets everything once it holds ``limit`` entries: a hard bound on memory that
    costs nothing per lookup (a plain ``dict.get``); the next few estimates fill it again."""

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def keep(self, key: Any, value: Any) -> Any:
        """Remember ``value`` under ``key`` and return it."""
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
