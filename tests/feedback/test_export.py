"""The quarterly CSV: readable by a spreadsheet and by csv.reader, safe to open, filtered as asked."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from pti_citizen.feedback.export import (
    COLUMNS,
    ExportFilter,
    FeedbackRow,
    feedback_csv,
    parse_filter,
    quarter_before,
)


def row(**changes) -> FeedbackRow:
    base = {
        "created_on": dt.date(2026, 3, 31),
        "page": "droits/montant-du-rsa",
        "lang": "ar",
        "mode": "aidant",
        "answer": "non",
        "missing": ("exemple", "mots"),
        "territory": "Comminges-Pyrénées",
        "comment": "Pas clair ; « trop long », 2 lignes\nici",
    }
    return FeedbackRow(**{**base, **changes})


def read(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_csv_round_trips_through_the_csv_module():
    table = read(feedback_csv([row(), row(mode=None, territory=None, comment=None, missing=())]))
    assert tuple(table[0]) == COLUMNS
    assert table[1] == [
        "2026-03-31",
        "droits/montant-du-rsa",
        "ar",
        "aidant",
        "non",
        "exemple,mots",
        "Comminges-Pyrénées",
        "Pas clair ; « trop long », 2 lignes\nici",
    ]
    assert table[2][3] == table[2][5] == table[2][6] == table[2][7] == ""


@pytest.mark.parametrize("payload", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_cells_a_spreadsheet_would_run_are_neutralised(payload):
    table = read(feedback_csv([row(comment=payload)]))
    assert table[1][7] == "'" + payload


def test_filter_accepts_names_slugs_and_all():
    assert parse_filter("comminges-pyrenees", None, None)[0].territory == "Comminges-Pyrénées"
    assert parse_filter("NORD TOULOUSAIN", "", "")[0].territory == "Nord Toulousain"
    for everything in (None, "", "tous", "all"):
        assert parse_filter(everything, None, None)[0] == ExportFilter()


@pytest.mark.parametrize(
    ("territory", "start", "end", "field"),
    [
        ("Paris", None, None, "territory"),
        (None, "31/03/2026", None, "from"),
        (None, None, "2026-02-30", "to"),
        (None, "2026-04-01", "2026-03-31", "to"),
    ],
)
def test_bad_filters_get_field_messages(territory, start, end, field):
    checked, errors = parse_filter(territory, start, end)
    assert checked is None and field in errors


def test_file_name_says_territory_and_dates():
    where = parse_filter("Lauragais", "2026-01-01", "2026-03-31")[0]
    assert where.filename() == "avis-lauragais-2026-01-01-2026-03-31.csv"
    assert ExportFilter().filename() == "avis-tous-territoires-debut-aujourd-hui.csv"


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 4, 15), (dt.date(2026, 1, 1), dt.date(2026, 3, 31))),
        (dt.date(2026, 1, 1), (dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
        (dt.date(2026, 12, 31), (dt.date(2026, 7, 1), dt.date(2026, 9, 30))),
    ],
)
def test_previous_quarter(today, expected):
    assert quarter_before(today) == expected
