"""The CSV the team takes to its quarterly meetings: one territory (or all), one date range.

Semicolon-separated UTF-8 with a byte-order mark, so that a French spreadsheet opens it in columns
with its accents; any script reads it with ``csv.reader(f, delimiter=";")``. Cells that a spreadsheet
would run as a formula (starting with ``=``, ``+``, ``-``, ``@``) are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass

from .territory import parse_territory, slug

COLUMNS = ("date", "page", "langue", "usage", "reponse", "ce_qui_manque", "territoire", "commentaire")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class FeedbackRow:
    """One stored answer, as the review space and the export see it."""

    created_on: dt.date
    page: str
    lang: str
    mode: str | None
    answer: str
    missing: tuple[str, ...]
    territory: str | None
    comment: str | None


@dataclass(frozen=True)
class ExportFilter:
    territory: str | None = None  # None: every territory (and answers without one)
    start: dt.date | None = None
    end: dt.date | None = None

    def filename(self) -> str:
        parts = ["avis", slug(self.territory) if self.territory else "tous-territoires"]
        parts.append(self.start.isoformat() if self.start else "debut")
        parts.append(self.end.isoformat() if self.end else "aujourd-hui")
        return "-".join(parts) + ".csv"


def _date(value: str | None, name: str, errors: dict[str, str]) -> dt.date | None:
    if value is None or not str(value).strip():
        return None
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        errors[name] = "Date invalide : écrivez-la comme 2026-03-31 (année-mois-jour)."
        return None


def parse_filter(
    territory: str | None, start: str | None, end: str | None
) -> tuple[ExportFilter | None, dict[str, str]]:
    """Checked filter, or field errors in French (the review space and the export are for the team)."""
    errors: dict[str, str] = {}
    known, name = parse_territory(territory)
    if not known:
        errors["territory"] = (
            "Territoire inconnu. Choisissez : Toulouse, Nord Toulousain, Sud Toulousain, Lauragais, "
            "Comminges-Pyrénées, ou tous."
        )
    first, last = _date(start, "from", errors), _date(end, "to", errors)
    if first and last and first > last:
        errors["to"] = "La date de fin est avant la date de début."
    if errors:
        return None, errors
    return ExportFilter(territory=name, start=first, end=last), {}


def quarter_before(today: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the last complete quarter (the one a quarterly meeting looks back on)."""
    first_of_this = dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    last = first_of_this - dt.timedelta(days=1)
    return dt.date(last.year, last.month - 2, 1), last


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def feedback_csv(rows: Iterable[FeedbackRow]) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(
            [
                _cell(value)
                for value in (
                    row.created_on.isoformat(),
                    row.page or "accueil",
                    row.lang,
                    row.mode or "",
                    row.answer,
                    ",".join(row.missing),
                    row.territory or "",
                    row.comment or "",
                )
            ]
        )
    return out.getvalue()
