"""The freshness report on the shipped data. Expectations are read from the data files themselves
(front matter, offers.yaml, places.csv, parameters.yaml), not from the code under test."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
import yaml

from pti_citizen.feedback.freshness import freshness_report

ROOT = Path(__file__).resolve().parents[2] / "pti_citizen"


def french_pages() -> dict[str, dt.date]:
    dates = {}
    for path in (ROOT / "content" / "pages" / "fr").glob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        dates[path.stem] = front["checked_on"]
    return dates


def shown_offers() -> dict[str, dt.date]:
    entries = yaml.safe_load((ROOT / "offers" / "data" / "offers.yaml").read_text(encoding="utf-8"))
    return {e["id"]: e["checked_on"] for e in entries if e["verification"] != "excluded"}


def places() -> dict[str, dt.date]:
    with (ROOT / "directory" / "data" / "places.csv").open(encoding="utf-8") as handle:
        return {r["id"]: dt.date.fromisoformat(r["checked"]) for r in csv.DictReader(handle)}


def next_first_of_april() -> dt.date:
    """1 April after the latest montant forfaitaire (the revaluation date of the RSA, CASF L262-3)."""
    raw = yaml.safe_load(
        (ROOT / "simulator" / "benefits" / "rsa" / "parameters.yaml").read_text(encoding="utf-8")
    )
    latest = max(v["from"] for v in raw["montant_forfaitaire"]["values"])
    april = dt.date(latest.year, 4, 1)
    return april if april > latest else dt.date(latest.year + 1, 4, 1)


def test_everything_is_read():
    report = freshness_report(dt.date(2026, 11, 29))
    assert report.checked == {
        "pages": len(french_pages()),
        "offers": len(shown_offers()),
        "places": len(places()),
        "parameters": 1,
    }
    assert report.parameters_valid_until == next_first_of_april()


@pytest.mark.parametrize(
    ("today", "cutoff"),
    [
        (dt.date(2026, 11, 29), dt.date(2026, 5, 29)),
        (dt.date(2027, 5, 29), dt.date(2026, 11, 29)),
        (dt.date(2027, 5, 30), dt.date(2026, 11, 30)),
        (dt.date(2028, 1, 1), dt.date(2027, 7, 1)),
    ],
)
def test_stale_means_checked_more_than_six_months_ago(today, cutoff):
    report = freshness_report(today)
    assert report.cutoff == cutoff
    assert {i.id.rsplit("/", 1)[-1] for i in report.pages} == {
        s for s, d in french_pages().items() if d < cutoff
    }
    assert {i.id for i in report.offers} == {o for o, d in shown_offers().items() if d < cutoff}
    assert {i.id for i in report.places} == {p for p, d in places().items() if d < cutoff}


def test_parameters_are_flagged_from_their_expected_revaluation_day():
    due = next_first_of_april()
    assert freshness_report(due - dt.timedelta(days=1)).parameters == []
    flagged = freshness_report(due).parameters
    assert len(flagged) == 1 and flagged[0].date == due
