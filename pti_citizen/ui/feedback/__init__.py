"""The co-design loop in the app: the « Est-ce que cette page est claire ? » widget of the Reflex pages
(the server-rendered pages have theirs in ``web/pages/feedback.py``), the team's review space
(``/equipe``), the Kiosques Insertion it publishes, and the database housekeeping they need.

Wiring (``pti_citizen.py``): ``feedback.register(app)``. Pages add the widget with
``feedback_widget(lang, page)``, ``page`` being the path after ``/<lang>/``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

import reflex as rx
import sqlalchemy as sa

from pti_citizen import directory
from pti_citizen.db import feedback_store, kiosque_store, migrations
from pti_citizen.directory.kiosques import PARIS
from pti_citizen.feedback.retention import feedback_cutoff

from . import review
from .widget import feedback_widget

__all__ = ["feedback_widget", "register"]

logger = logging.getLogger(__name__)
HOUSEKEEPING_EVERY_SECONDS = 24 * 3600


def migrate() -> None:
    """Bring the database to the committed schema; an unreachable database is reported, not fatal
    (pages and the simulator work without it; the widget then says it could not save)."""
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


def register(app: rx.App) -> None:
    # At import, before Reflex compares the models with the database (no false « run makemigrations »);
    # again when each server process starts, in case the database was not reachable at import.
    migrate()
    app.register_lifespan_task(migrate)
    app.register_lifespan_task(housekeeping)
    directory.set_kiosque_source(kiosque_store.directory_source)
    review.register(app)
