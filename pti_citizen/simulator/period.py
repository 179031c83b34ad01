"""Months: the unit of every estimate (a right is computed month by month)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class Month(NamedTuple):
    """A calendar month; ``Month(2026, 10)`` is October 2026. Compares in time order."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """``"2026-10"`` → ``Month(2026, 10)`` (the input model has already checked the format)."""
        return cls(int(text[:4]), int(text[5:7]))

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    def shift(self, months: int) -> Month:
        """The month ``months`` later (negative: earlier)."""
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    def months_since(self, other: Month) -> int:
        """How many months from ``other`` to this month."""
        return (self.year - other.year) * 12 + self.month - other.month

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
