"""Where the database is: ``PTI_DATABASE_URL`` (the same variable ``rxconfig.py`` reads), SQLite by default."""

from __future__ import annotations

import os
from functools import cache

import sqlalchemy as sa
from sqlmodel import Session

ENV_VAR = "PTI_DATABASE_URL"
DEFAULT_URL = "sqlite:///pti_citizen.db"  # relative to the directory the app is started from


def database_url() -> str:
    return os.environ.get(ENV_VAR) or DEFAULT_URL


@cache
def _engine(url: str) -> sa.Engine:
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection, _record):  # readers do not block the writer
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def engine(url: str | None = None) -> sa.Engine:
    return _engine(url or database_url())


def session(url: str | None = None) -> Session:
    return Session(engine(url), expire_on_commit=False)
