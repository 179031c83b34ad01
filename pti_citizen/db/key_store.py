"""Keys the server draws at random once and keeps in the database, so that every worker of every host
(they share the database) signs and checks with the same one — and a restart changes nothing."""

from __future__ import annotations

import secrets
from functools import cache

import sqlalchemy as sa

from .engine import database_url, session
from .models import ServerKey

KEY_BYTES = 32


def shared_key(name: str, url: str | None = None) -> bytes:
    """The key called ``name``: read it, or draw it if no process has yet (the first writer wins)."""
    return _shared_key(name, url or database_url())


@cache
def _shared_key(name: str, url: str) -> bytes:
    with session(url) as db:
        found = db.get(ServerKey, name)
        if found is None:
            db.add(ServerKey(name=name, value=secrets.token_hex(KEY_BYTES)))
            try:
                db.commit()
            except sa.exc.IntegrityError:  # another process drew it at the same instant: take theirs
                db.rollback()
            found = db.get(ServerKey, name, populate_existing=True)
        return bytes.fromhex(found.value)
