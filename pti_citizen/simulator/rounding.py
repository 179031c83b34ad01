"""Euros to the cent, and explanations whose lines add up exactly to the rounded total."""

from __future__ import annotations

from collections.abc import Sequence
from math import floor


def cents(amount: float) -> float:
    """Round half up to the cent (the tiny epsilon absorbs binary noise such as 977.5349999…)."""
    return floor(amount * 100 + 0.5 + 1e-7) / 100


def apportion(parts: Sequence[float]) -> list[float]:
    """Round every part to the cent so that the rounded parts add up to the rounded sum.

    Each part moves by less than one cent (largest remainders get the leftover cents), so that an
    explanation « 359,10 + 42,98 − 83,00 » always equals the amount shown below it.
    """
    total = round(cents(sum(parts)) * 100)
    floors = [floor(part * 100 + 1e-7) for part in parts]
    missing = total - sum(floors)
    if missing > 0:
        remainders = sorted(
            range(len(parts)), key=lambda index: parts[index] * 100 - floors[index], reverse=True
        )
        for index in remainders[:missing]:
            floors[index] += 1
    return [value / 100 for value in floors]
