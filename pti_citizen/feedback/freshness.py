"""What needs checking again: content and offers not checked for 6 months, places likewise, and the
simulator's parameters once their expected revaluation date has passed.

Read by the maintenance command and shown in the review space, so that the quarterly meeting sees
the same figures as whoever runs the command.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .retention import STALE_AFTER_MONTHS, stale_cutoff


@dataclass(frozen=True)
class StaleItem:
    kind: str  # "page" | "offer" | "place" | "parameters"
    id: str
    title: str
    date: dt.date  # checked on (or, for parameters, the date a new value was expected)


@dataclass(frozen=True)
class FreshnessReport:
    today: dt.date
    cutoff: dt.date
    pages: list[StaleItem] = field(default_factory=list)
    offers: list[StaleItem] = field(default_factory=list)
    places: list[StaleItem] = field(default_factory=list)
    parameters: list[StaleItem] = field(default_factory=list)
    #: Totals checked, so that « 0 stale » can be told apart from « nothing was read ».
    checked: dict[str, int] = field(default_factory=dict)
    parameters_valid_until: dt.date | None = None

    @property
    def items(self) -> list[StaleItem]:
        return [*self.pages, *self.offers, *self.places, *self.parameters]

    def counts(self) -> dict[str, int]:
        return {
            "pages": len(self.pages),
            "offers": len(self.offers),
            "places": len(self.places),
            "parameters": len(self.parameters),
        }


def _stale_pages(cutoff: dt.date) -> tuple[list[StaleItem], int]:
    """French pages (translations carry the French ``checked_on``, so one line per page is enough)."""
    from pti_citizen.content import load_site

    pages = load_site().pages("fr")
    stale = [StaleItem("page", p.url, p.title, p.checked_on) for p in pages if p.checked_on < cutoff]
    return stale, len(pages)


def _stale_offers(cutoff: dt.date) -> tuple[list[StaleItem], int]:
    from pti_citizen.offers.catalog import load_offers

    shown = [o for o in load_offers() if o.record.shown]
    stale = [
        StaleItem("offer", o.id, o.texts["fr"].name if "fr" in o.texts else o.id, o.record.checked_on)
        for o in shown
        if o.record.checked_on < cutoff
    ]
    return stale, len(shown)


def _stale_places(cutoff: dt.date) -> tuple[list[StaleItem], int]:
    from pti_citizen.directory import get_directory

    places = get_directory().places
    return [StaleItem("place", p.id, p.name, p.checked) for p in places if p.checked < cutoff], len(places)


def _parameter_tables() -> list[tuple[str, str, dt.date]]:
    """``(file, label, valid_until)`` of every dated parameter table the engine reads: one per benefit,
    plus the shared values (BMAF, SMIC, reference months)."""
    from pti_citizen.simulator import REGISTRY
    from pti_citizen.simulator.common import common_table

    tables = [
        (f"simulator/benefits/{benefit.name}/parameters.yaml", benefit.name, benefit.table().valid_until)
        for benefit in REGISTRY
    ]
    tables.append(("simulator/common/parameters.yaml", "common", common_table().valid_until))
    return tables


def _expired_parameters(today: dt.date) -> tuple[list[StaleItem], dt.date, int]:
    """The tables past their next expected revaluation, and the first such date among all tables."""
    tables = _parameter_tables()
    expired = [
        StaleItem("parameters", path, f"Paramètres du simulateur : {label}", valid_until)
        for path, label, valid_until in tables
        if today >= valid_until
    ]
    return expired, min(valid_until for _, _, valid_until in tables), len(tables)


def freshness_report(today: dt.date) -> FreshnessReport:
    cutoff = stale_cutoff(today)
    pages, n_pages = _stale_pages(cutoff)
    offers, n_offers = _stale_offers(cutoff)
    places, n_places = _stale_places(cutoff)
    parameters, valid_until, n_tables = _expired_parameters(today)
    return FreshnessReport(
        today=today,
        cutoff=cutoff,
        pages=pages,
        offers=offers,
        places=places,
        parameters=parameters,
        checked={"pages": n_pages, "offers": n_offers, "places": n_places, "parameters": n_tables},
        parameters_valid_until=valid_until,
    )


__all__ = ["STALE_AFTER_MONTHS", "FreshnessReport", "StaleItem", "freshness_report"]
