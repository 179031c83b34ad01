"""What runs besides the requests: the database schema brought up to date, and the daily deletion
of old feedback. Started in one place, the app module (``pti_citizen.py``), for every feature."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from pti_citizen.db import feedback_store
from pti_citizen.directory.kiosques import PARIS
from pti_citizen.feedback.retention import feedback_cutoff
from pti_citizen.heap import freeze_startup_heap

logger = logging.getLogger(__name__)
HOUSEKEEPING_EVERY_SECONDS = 24 * 3600
ROOT = Path(__file__).resolve().parents[1]
#: A migration still running after this long is stopped (its transaction rolls back) and reported;
#: the process then serves.
MIGRATION_TIMEOUT_SECONDS = 300
#: The child's words kept in the log: at most this much of its error's kind (``db/migrations.main``).
MIGRATION_REASON_CHARS = 80


def migrate() -> None:
    """Bring the database to the committed schema before serving; an unreachable database is
    reported, not fatal (pages and the simulator work without it; the feedback question then says
    it could not save). Done in a child process: Alembic and what a migration reads stay out of
    the server's processes (~10 MiB of its idle memory, docs/performance.md « Server memory »)."""
    command = [sys.executable, "-m", "pti_citizen.db.migrations"]
    try:
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=MIGRATION_TIMEOUT_SECONDS
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        logger.error("database migration failed: %s", type(error).__name__)
        return
    if done.returncode:
        last_line = (done.stderr.strip().splitlines() or ["no message"])[-1]
        reason = last_line.split(":", 1)[0][:MIGRATION_REASON_CHARS]  # an exception's kind, not its text
        logger.error("database migration failed: exit %d, %s", done.returncode, reason)


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
