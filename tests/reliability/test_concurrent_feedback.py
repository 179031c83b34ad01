"""300 people answer « Est-ce que cette page est claire ? » at the same instant, on two workers
writing to one SQLite database: every answer the page said was stored is in the table, once, whole.

The server of this folder raises the feedback limits through configuration (PTI_FEEDBACK_LIMIT_*,
see conftest.py): 300 answers from one test address would otherwise be refused by design after 60.
"""

from __future__ import annotations

import json
import subprocess
import sys

import sqlalchemy as sa

from tests.processes import ROOT

WRITERS = 300


def _rows(database) -> list[tuple]:
    engine = sa.create_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as db:
            return db.execute(
                sa.text("SELECT id, page, lang, mode, answer, comment, missing, details_given FROM feedback")
            ).all()
    finally:
        engine.dispose()


def test_every_accepted_answer_is_stored_once_and_whole(backend):
    before = {row[0] for row in _rows(backend.database)}
    run = subprocess.run(
        [sys.executable, "-m", "loadtest.feedback_burst", "--host", backend.url, "--writers", str(WRITERS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    burst = json.loads(run.stdout)
    records = burst["records"]
    print({key: value for key, value in burst.items() if key != "records"})  # figures for docs/reliability.md

    assert burst["connected"] == WRITERS and burst["errors"] == 0, [
        r["error"] for r in records if r["error"]
    ][:5]
    assert (
        burst["stored"] == WRITERS and burst["details_stored"] == WRITERS
    )  # no limit reached, nothing failed

    new = [row for row in _rows(backend.database) if row[0] not in before]
    # As many rows as answers the pages said were stored: none lost, none doubled.
    assert len(new) == burst["stored"]
    # Each row is whole: its answer and its details arrived together and belong to one writer.
    by_comment = {row[5]: row for row in new}
    assert len(by_comment) == len(new)
    for record in records:
        row = by_comment[record["comment"]]
        _id, page, lang, mode, answer, _comment, missing, details_given = row
        assert (page, lang, mode, answer, missing, details_given) == (
            record["page"],
            record["lang"],
            "moi",
            record["answer"],
            record["missing"],
            1,
        )
