from __future__ import annotations

import datetime as dt

import pytest

from pti_citizen.feedback.retention import feedback_cutoff, months_before, stale_cutoff


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 11, 29), 24, dt.date(2024, 11, 29)),
        (dt.date(2026, 11, 29), 6, dt.date(2026, 5, 29)),
        (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2028, 3, 31), 1, dt.date(2028, 2, 29)),
        (dt.date(2026, 1, 15), 13, dt.date(2024, 12, 15)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def test_cutoffs_are_24_and_6_months():
    today = dt.date(2026, 8, 31)
    assert feedback_cutoff(today) == dt.date(2024, 8, 31)
    assert stale_cutoff(today) == dt.date(2026, 2, 28)
