"""How long things are kept and when they count as old: one place for the figures the privacy page
and the freshness report promise."""

from __future__ import annotations

import calendar
import datetime as dt

#: Feedback older than this is deleted (privacy page: « Ces avis sont gardés 24 mois »).
FEEDBACK_RETENTION_MONTHS = 24
#: Content, offers and places not checked for this long are listed for review.
STALE_AFTER_MONTHS = 6


def months_before(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` earlier; the last day of the month when that day does not exist (31 → 30)."""
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def feedback_cutoff(today: dt.date) -> dt.date:
    """Feedback dated strictly before this day is deleted."""
    return months_before(today, FEEDBACK_RETENTION_MONTHS)


def stale_cutoff(today: dt.date) -> dt.date:
    """Anything checked strictly before this day is stale."""
    return months_before(today, STALE_AFTER_MONTHS)
