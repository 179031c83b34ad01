"""The tables of the app's own database: feedback answers, Kiosques Insertion, and the server's own keys.
Nothing else.

Plain SQLModel tables (``rx.Model`` is deprecated since Reflex 0.9.2 in favour of the ORM itself);
they live in ``SQLModel.metadata``, which Reflex's ``reflex db makemigrations`` also reads, so the
usual Reflex/Alembic commands keep working. Schema changes go through ``alembic/versions/``.

A feedback row holds no IP address, no browser, no session id, no time of day: the day is enough
for the quarterly meetings and for deleting rows after 24 months.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class FeedbackEntry(SQLModel, table=True):
    __tablename__ = "feedback"

    id: int | None = Field(default=None, primary_key=True)
    created_on: dt.date = Field(index=True)
    page: str = Field(max_length=120, index=True)  # path after /<lang>/, e.g. "droits/montant-du-rsa"
    lang: str = Field(max_length=5)
    mode: str | None = Field(default=None, max_length=12)  # moi | aidant | mediateur | unknown (None)
    answer: str = Field(max_length=3)  # oui | non
    comment: str | None = Field(default=None, sa_type=sa.Text)  # masked before storage
    missing: str | None = Field(default=None, max_length=120)  # « ce qui manque » keys, comma-separated
    territory: str | None = Field(default=None, max_length=40, index=True)  # direction territoriale
    details_given: bool = Field(default=False)  # the optional second step was sent (once only)
    #: Sent during a flood (one address far above usual, or the whole site in a surge): kept, but out
    #: of the statistics and the export (docs/feedback.md, « Abuse limits »).
    set_apart: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class KiosqueEntry(SQLModel, table=True):
    __tablename__ = "kiosque"

    id: int | None = Field(default=None, primary_key=True)
    place_id: str = Field(max_length=20, index=True)  # an MDS of the directory
    day: dt.date = Field(index=True)
    start_time: dt.time
    end_time: dt.time
    summary: str = Field(max_length=200)
    languages: str = Field(max_length=60)  # ISO 639-1 codes, comma-separated
    room: str | None = Field(default=None, max_length=120)
    address: str | None = Field(default=None, max_length=200)
    updated_at: dt.datetime = Field(sa_type=sa.DateTime(timezone=True))


class ServerKey(SQLModel, table=True):
    """A random key the server draws once and every worker and host then shares (they share the
    database): it signs the receipts of feedback answers (``feedback/receipts.py``). No personal data."""

    __tablename__ = "server_key"

    name: str = Field(primary_key=True, max_length=40)
    value: str = Field(max_length=64)  # 32 random bytes, hex
