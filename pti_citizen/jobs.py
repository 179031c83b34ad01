"""What runs besides the requests: the database schema brought up to date, and the daily deletion
of old feedback. Started in one place, the app module (``pti_citizen.py``), for every feature."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

import sqlalchemy as sa

from pti_citizen.db import feedback_store, migrations
from pti_citizen.directory.kiosques import PARIS
from pti_citizen.feedback.retention import feedback_cutoff
from pti_citizen.heap import freeze_startup_heap

logger = logging.getLogger(__name__)
HOUSEKEEPING_EVERY_SECONDS = 24 * 3600


def migrate() -> None:
    """Bring the database to the committed schema; an unreachable database is reported, not fatal
    (pages and the simulator work without it; the feedback question then says it could not save)."""
    try:
        migrations.upgrade()
    except (sa.exc.SQLAlchemyError, OSError) as error:
        logger.error("database migration failed: %s", type(error).__name__)


async def housekeeping() -> None:
    """Delete feedback older than 24 months every day, even if nobody runs the maintenance command."""
    while True:
        try:
            cutoff = feedback_cutoff(dt.datetime.now(PARIS).date())
            deleted = await asyncio.to_thread(feedback_store.delete_older_than, cutoff)
            if deleted:
                logger.info("deleted %d feedback answers older than %s", deleted, cutoff)
        except sa.exc.SQLAlchemyError as error:
            logger.error("feedback housekeeping failed: %s", type(error).__name__)
        await asyncio.sleep(HOUSEKEEPING_EVERY_SECONDS)


#: Run by each server process when it starts (Reflex lifespan tasks).
LIFESPAN_TASKS = (freeze_startup_heap, migrate, housekeeping)
