"""Storing and reading feedback. Only checked values reach this module (``pti_citizen.feedback``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import select

from pti_citizen.feedback.export import ExportFilter, FeedbackRow
from pti_citizen.feedback.intake import FeedbackStoreUnavailable
from pti_citizen.feedback.submission import Answer, Details

from .engine import session
from .models import FeedbackEntry


@dataclass(frozen=True)
class PageCount:
    page: str
    lang: str
    total: int
    no: int

    @property
    def no_ratio(self) -> float:
        return self.no / self.total if self.total else 0.0


def add_answer(answer: Answer, today: dt.date, url: str | None = None, *, apart: bool = False) -> int:
    """Store a checked answer; ``apart`` keeps it out of the statistics (sent during a flood)."""
    entry = FeedbackEntry(
        created_on=today,
        page=answer.page,
        lang=answer.lang,
        mode=answer.mode,
        answer=answer.answer,
        set_apart=apart,
    )
    with session(url) as db:
        db.add(entry)
        db.commit()
        return entry.id


def add_details(row_id: int, details: Details, url: str | None = None) -> bool:
    """Attach the optional second step to the answer just stored, once: ``False`` if already done."""
    with session(url) as db:
        result = db.execute(
            sa.update(FeedbackEntry)
            .where(FeedbackEntry.id == row_id, FeedbackEntry.details_given.is_(False))
            .values(
                comment=details.comment,
                missing=",".join(details.missing) or None,
                territory=details.territory,
                details_given=True,
            )
        )
        db.commit()
        return result.rowcount == 1


def set_apart(row_ids: list[int] | tuple[int, ...], url: str | None = None) -> int:
    """Keep these answers out of the statistics (their address turned out to be flooding)."""
    if not row_ids:
        return 0
    with session(url) as db:
        result = db.execute(
            sa.update(FeedbackEntry).where(FeedbackEntry.id.in_(list(row_ids))).values(set_apart=True)
        )
        db.commit()
        return result.rowcount


def apart_count(where: ExportFilter, url: str | None = None) -> int:
    """Answers kept out of the statistics for this filter (shown as one line in the team space)."""
    statement = _filtered(
        select(sa.func.count()).select_from(FeedbackEntry), where, counted_only=False
    ).where(FeedbackEntry.set_apart.is_(True))
    with session(url) as db:
        return db.execute(statement).scalar_one()


def _filtered(statement, where: ExportFilter, *, counted_only: bool = True):
    """The filter's territory and days; answers set apart (floods) are left out unless asked for."""
    if counted_only:
        statement = statement.where(FeedbackEntry.set_apart.is_(False))
    if where.territory:
        statement = statement.where(FeedbackEntry.territory == where.territory)
    if where.start:
        statement = statement.where(FeedbackEntry.created_on >= where.start)
    if where.end:
        statement = statement.where(FeedbackEntry.created_on <= where.end)
    return statement


def _row(entry: FeedbackEntry) -> FeedbackRow:
    return FeedbackRow(
        created_on=entry.created_on,
        page=entry.page,
        lang=entry.lang,
        mode=entry.mode,
        answer=entry.answer,
        missing=tuple(entry.missing.split(",")) if entry.missing else (),
        territory=entry.territory,
        comment=entry.comment,
    )


def page_counts(where: ExportFilter, url: str | None = None) -> list[PageCount]:
    """Answers per page and language, the pages with the most « non » first."""
    no = sa.func.sum(sa.case((FeedbackEntry.answer == "non", 1), else_=0))
    statement = _filtered(
        select(FeedbackEntry.page, FeedbackEntry.lang, sa.func.count(), no).group_by(
            FeedbackEntry.page, FeedbackEntry.lang
        ),
        where,
    )
    with session(url) as db:
        counts = [
            PageCount(page, lang, total, int(nos or 0)) for page, lang, total, nos in db.execute(statement)
        ]
    return sorted(counts, key=lambda c: (-c.no, -c.no_ratio, -c.total, c.page, c.lang))


def latest_comments(where: ExportFilter, limit: int = 30, url: str | None = None) -> list[FeedbackRow]:
    statement = _filtered(
        select(FeedbackEntry)
        .where(FeedbackEntry.comment.is_not(None))
        .order_by(FeedbackEntry.id.desc())
        .limit(limit),
        where,
    )
    with session(url) as db:
        return [_row(entry) for entry in db.exec(statement)]


def rows(where: ExportFilter, url: str | None = None) -> Iterator[FeedbackRow]:
    """Every answer matching the filter, oldest first (the CSV export)."""
    statement = _filtered(select(FeedbackEntry).order_by(FeedbackEntry.id), where)
    with session(url) as db:
        for entry in db.exec(statement).yield_per(500):
            yield _row(entry)


def count(url: str | None = None) -> int:
    with session(url) as db:
        return db.execute(select(sa.func.count()).select_from(FeedbackEntry)).scalar_one()


def delete_older_than(cutoff: dt.date, url: str | None = None) -> int:
    """Delete answers dated strictly before ``cutoff``; returns how many."""
    with session(url) as db:
        result = db.execute(sa.delete(FeedbackEntry).where(FeedbackEntry.created_on < cutoff))
        db.commit()
        return result.rowcount


@dataclass(frozen=True)
class DatabaseFeedback:
    """The feedback table of one database, as the intake's store; failures become
    ``FeedbackStoreUnavailable`` (with the exception's type name only: no data in a log)."""

    url: str | None = None

    def add_answer(self, answer: Answer, today: dt.date, *, apart: bool) -> int:
        try:
            return add_answer(answer, today, self.url, apart=apart)
        except sa.exc.SQLAlchemyError as error:
            raise FeedbackStoreUnavailable(type(error).__name__) from error

    def add_details(self, row_id: int, details: Details) -> bool:
        try:
            return add_details(row_id, details, self.url)
        except sa.exc.SQLAlchemyError as error:
            raise FeedbackStoreUnavailable(type(error).__name__) from error

    def set_apart(self, row_ids: tuple[int, ...]) -> int:
        try:
            return set_apart(row_ids, self.url)
        except sa.exc.SQLAlchemyError as error:
            raise FeedbackStoreUnavailable(type(error).__name__) from error
