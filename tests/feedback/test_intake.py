"""Storing what a person sends, through the limits: the flood of issue #13 item 4 end to end, on
the real table (SQLite), as the widget and any JSON endpoint store it."""

from __future__ import annotations

import asyncio
import datetime as dt

from pti_citizen.counters import Counters
from pti_citizen.db import feedback_store
from pti_citizen.db.feedback_store import DatabaseFeedback
from pti_citizen.feedback.export import ExportFilter
from pti_citizen.feedback.intake import FeedbackIntake
from pti_citizen.feedback.ratelimit import FeedbackLimiter
from pti_citizen.feedback.submission import check_answer, check_details

PAGE = "droits/montant-du-rsa"
DAY = dt.date(2026, 12, 7)


def test_a_flood_from_five_addresses_leaves_the_question_open_and_the_figures_clean(db_url):
    intake = FeedbackIntake(FeedbackLimiter(Counters()), DatabaseFeedback(db_url))
    no, _ = check_answer(PAGE, "fr", "non", None, {PAGE})
    yes, _ = check_answer(PAGE, "fr", "oui", "moi", {PAGE})

    async def attack_then_a_person():
        outcomes = [
            await intake.answer(no, DAY, f"bot-{n}-{i}", f"198.51.100.{n}")
            for n in range(5)
            for i in range(60)
        ]
        person = await intake.answer(yes, DAY, "a-person", "203.0.113.9")
        details, _ = check_details("La page est claire.", [], None, "fr")
        return outcomes, person, await intake.details(person.row_id, details, "a-person", "203.0.113.9")

    outcomes, person, added = asyncio.run(attack_then_a_person())
    assert all(o.row_id for o in outcomes)  # nothing refused: 60 per address is the refusal line
    assert person.row_id and added.refused is None and added.stored  # the question stays up for others
    everything = ExportFilter()
    (count,) = feedback_store.page_counts(everything, db_url)
    assert (count.total, count.no) == (1, 0)  # the flood's 300 « non » do not count
    assert feedback_store.apart_count(everything, db_url) == 300
    assert [r.comment for r in feedback_store.rows(everything, db_url)] == ["La page est claire."]


def test_a_store_that_fails_is_told_as_such(db_url):
    class Broken(DatabaseFeedback):
        def add_answer(self, answer, today, *, apart):
            from pti_citizen.feedback.intake import FeedbackStoreUnavailable

            raise FeedbackStoreUnavailable("OperationalError")

    intake = FeedbackIntake(FeedbackLimiter(Counters()), Broken(db_url))
    no, _ = check_answer(PAGE, "fr", "non", None, {PAGE})
    assert asyncio.run(intake.answer(no, DAY, "tab", "192.0.2.1")).refused == "storage"
