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


def _latest(values: list[dict]) -> dt.date:
    return max(v["from"] for v in values)


def _next(latest: dt.date, month: int) -> dt.date:
    due = dt.date(latest.year, month, 1)
    return due if due > latest else dt.date(latest.year + 1, month, 1)


def expected_revaluations() -> dict[str, dt.date]:
    """Per parameter file, the day its next revaluation is due, read from the YAML files themselves:
    the RSA and the prime d'activité on 1 April after their latest montant forfaitaire (CASF L262-3,
    CSS L842-3), the family benefits on 1 April after the latest BMAF, the SMIC on 1 January."""
    files = sorted((ROOT / "simulator" / "benefits").glob("*/parameters.yaml"))
    raw = {path.parent.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in files}
    common = yaml.safe_load((ROOT / "simulator" / "common" / "parameters.yaml").read_text(encoding="utf-8"))
    bmaf_due = _next(_latest(common["bmaf"]["values"]), 4)
    smic_due = _next(_latest(common["smic_horaire_brut"]["values"]), 1)
    due = {"common": min(bmaf_due, smic_due)}
    for name, table in raw.items():
        if "montant_forfaitaire" in table:
            due[name] = _next(_latest(table["montant_forfaitaire"]["values"]), 4)
    return due


def next_first_of_april() -> dt.date:
    """1 April after the latest RSA montant forfaitaire (the revaluation date of the RSA, CASF L262-3)."""
    return expected_revaluations()["rsa"]


def test_everything_is_read():
    report = freshness_report(dt.date(2026, 11, 29))
    assert report.checked == {
        "pages": len(french_pages()),
        "offers": len(shown_offers()),
        "places": len(places()),
        "parameters": len(list((ROOT / "simulator" / "benefits").glob("*/parameters.yaml"))) + 1,
    }
    assert report.parameters_valid_until <= next_first_of_april()


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
    flagged = {item.id: item.date for item in freshness_report(due).parameters}
    assert flagged["simulator/benefits/rsa/parameters.yaml"] == due
    the_day_before = {item.id for item in freshness_report(due - dt.timedelta(days=1)).parameters}
    assert "simulator/benefits/rsa/parameters.yaml" not in the_day_before


def test_every_parameter_file_is_watched_from_its_own_revaluation_day():
    for name, due in expected_revaluations().items():
        path = (
            "simulator/common/parameters.yaml"
            if name == "common"
            else f"simulator/benefits/{name}/parameters.yaml"
        )
        before = {item.id for item in freshness_report(due - dt.timedelta(days=1)).parameters}
        after = {item.id for item in freshness_report(due).parameters}
        assert path not in before and path in after, name
