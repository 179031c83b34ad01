"""The database: migrations from empty (SQLite; PostgreSQL DDL offline), models in step with the
migration scripts, the feedback round trip, retention, and Kiosques Insertion in the directory."""

from __future__ import annotations

import datetime as dt
import io
import threading
from concurrent.futures import ThreadPoolExecutor
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from alembic import command
from pti_citizen import directory
from pti_citizen.db import feedback_store, key_store, kiosque_store, migrations
from pti_citizen.db.engine import engine
from pti_citizen.db.kiosque_store import DatabaseKiosques
from pti_citizen.feedback.export import ExportFilter
from pti_citizen.feedback.submission import check_answer, check_details
from pti_citizen.kiosques import KiosqueCalendar, check_kiosque

PARIS = ZoneInfo("Europe/Paris")
PAGES = frozenset({"droits/montant-du-rsa", "demarches/declaration-trimestrielle"})


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path, monkeypatch):
    """An empty database migrated as the app does on start, on SQLite and on PostgreSQL (a server of
    the test session, or ``PTI_TEST_POSTGRES_URL``; its public schema is dropped first)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
        with engine(url).begin() as connection:
            connection.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    monkeypatch.setenv("PTI_DATABASE_URL", url)
    migrations.upgrade(url)
    return url


def store(
    url,
    page="droits/montant-du-rsa",
    lang="fr",
    answer="non",
    day=dt.date(2026, 3, 2),
    comment=None,
    mds=None,
):
    checked, _ = check_answer(page, lang, answer, "moi", PAGES)
    row_id = feedback_store.add_answer(checked, day, url)
    if comment or mds:
        details, _ = check_details(comment, [], mds, lang)
        assert feedback_store.add_details(row_id, details, url)
    return row_id


def test_migrations_create_the_tables_from_an_empty_database(db_url):
    tables = set(sa.inspect(engine(db_url)).get_table_names())
    assert {"feedback", "kiosque", "server_key", "alembic_version"} <= tables
    assert migrations.upgrade(db_url) == migrations.head()  # running again changes nothing


def test_a_shared_key_is_drawn_once_and_every_process_reads_the_same(db_url):
    key_store._shared_key.cache_clear()
    first = key_store.shared_key("test-key", db_url)
    key_store._shared_key.cache_clear()  # as another worker would: nothing in memory
    assert key_store.shared_key("test-key", db_url) == first and len(first) == key_store.KEY_BYTES
    assert key_store.shared_key("another-key", db_url) != first


def test_workers_drawing_a_key_at_the_same_instant_end_with_one_key(db_url):
    draw = key_store._shared_key.__wrapped__  # no cache: each call is a process starting
    start = threading.Barrier(6)

    def worker(_):
        start.wait()
        return draw("raced-key", db_url)

    with ThreadPoolExecutor(max_workers=6) as pool:
        keys = set(pool.map(worker, range(6)))
    assert len(keys) == 1


def test_no_column_keeps_a_network_or_browser_identifier(db_url):
    columns = {c["name"] for c in sa.inspect(engine(db_url)).get_columns("feedback")}
    assert columns == {
        "id",
        "created_on",
        "page",
        "lang",
        "mode",
        "answer",
        "comment",
        "missing",
        "territory",
        "details_given",
        "set_apart",
    }


def test_models_and_migration_scripts_agree(db_url):
    config = migrations.alembic_config()
    command.check(config)  # raises if autogenerate would write a new migration


def test_migrations_render_for_postgresql(monkeypatch):
    monkeypatch.setenv("PTI_DATABASE_URL", "postgresql://user:pw@db.invalid/pti")
    config = migrations.alembic_config()
    config.output_buffer = buffer = io.StringIO()
    command.upgrade(config, "head", sql=True)
    sql = buffer.getvalue()
    assert "CREATE TABLE feedback" in sql and "CREATE TABLE kiosque" in sql and "SERIAL" in sql


def test_feedback_round_trip_with_masking(db_url):
    store(db_url, comment="Appelez-moi au 06 12 34 56 78", mds="mds31-056")
    (row,) = feedback_store.rows(ExportFilter(), db_url)
    assert row.comment == "Appelez-moi au [téléphone masqué]" and row.territory == "Sud Toulousain"
    assert (row.page, row.lang, row.mode, row.answer) == ("droits/montant-du-rsa", "fr", "moi", "non")


def test_details_are_added_once_only(db_url):
    row_id = store(db_url)
    first, _ = check_details("premier", [], None, "fr")
    second, _ = check_details("second", [], None, "fr")
    assert feedback_store.add_details(row_id, first, db_url)
    assert not feedback_store.add_details(row_id, second, db_url)
    assert [r.comment for r in feedback_store.rows(ExportFilter(), db_url)] == ["premier"]


def test_counts_filters_and_latest_comments(db_url):
    store(db_url, answer="non", comment="a", mds="mds31-056")  # Sud Toulousain
    store(db_url, answer="oui", mds="mds31-056")
    store(db_url, answer="non", comment="b", mds="mds31-037", day=dt.date(2026, 4, 2))  # Comminges
    store(db_url, page="demarches/declaration-trimestrielle", answer="oui", lang="es")
    counts = feedback_store.page_counts(ExportFilter(), db_url)
    assert [(c.page, c.lang, c.total, c.no) for c in counts] == [
        ("droits/montant-du-rsa", "fr", 3, 2),
        ("demarches/declaration-trimestrielle", "es", 1, 0),
    ]
    south = ExportFilter(territory="Sud Toulousain")
    assert [(c.total, c.no) for c in feedback_store.page_counts(south, db_url)] == [(2, 1)]
    q1 = ExportFilter(start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 31))
    assert len(list(feedback_store.rows(q1, db_url))) == 3
    assert [c.comment for c in feedback_store.latest_comments(ExportFilter(), url=db_url)] == ["b", "a"]


def test_retention_deletes_only_what_is_older(db_url):
    store(db_url, day=dt.date(2024, 11, 28))
    store(db_url, day=dt.date(2024, 11, 29))
    assert feedback_store.delete_older_than(dt.date(2024, 11, 29), db_url) == 1
    assert feedback_store.count(db_url) == 1


def test_published_kiosques_reach_the_directory_and_drop_out_when_past(db_url):
    now = dt.datetime.now(PARIS)
    day = (now + dt.timedelta(days=7)).date()
    draft, errors = check_kiosque(
        {
            "place_id": "mds31-056",
            "date": day.isoformat(),
            "start": "09:30",
            "end": "12:00",
            "summary": "Venez choisir votre accompagnement.",
            "languages": ["fr", "ar"],
        },
        now,
    )
    assert errors == {}
    calendar = KiosqueCalendar(DatabaseKiosques(db_url), directory.get_directory().kiosques)
    kiosque_id = calendar.publish(draft)
    status, body = directory.nearest_payload(q="Muret", limit=1, kind="kiosque", kiosques=calendar.current())
    assert status == 200
    (item,) = body["items"]
    assert item["id"] == "mds31-056"
    assert [k["date"] for k in item["kiosques"]] == [day.isoformat()]
    # Past meetings drop out by themselves; a cancelled one at once.
    assert [s.id for s in kiosque_store.upcoming(now, db_url)] == [kiosque_id]
    assert kiosque_store.upcoming(now + dt.timedelta(days=8), db_url) == []
    assert calendar.cancel(kiosque_id)
    status, body = directory.nearest_payload(q="Muret", limit=1, kind="kiosque", kiosques=calendar.current())
    assert body["items"] == []


def test_directory_still_answers_when_the_database_cannot_be_read(tmp_path):
    unreadable = DatabaseKiosques(f"sqlite:///{tmp_path / 'missing' / 'nowhere.db'}")
    calendar = KiosqueCalendar(unreadable, directory.get_directory().kiosques)
    assert calendar.current() == directory.get_directory().kiosques


def test_answers_set_apart_stay_out_of_the_figures_and_the_export(db_url):
    """A flood's rows are kept, but never counted, ratioed or exported (issue #13 item 4)."""
    from pti_citizen.feedback.export import ExportFilter
    from pti_citizen.feedback.submission import check_answer, check_details

    page = "droits/montant-du-rsa"
    no, _ = check_answer(page, "fr", "non", None, {page})
    yes, _ = check_answer(page, "fr", "oui", None, {page})
    counted = feedback_store.add_answer(yes, dt.date(2026, 3, 2), db_url)
    flood = [feedback_store.add_answer(no, dt.date(2026, 3, 2), db_url) for _ in range(3)]
    late = feedback_store.add_answer(no, dt.date(2026, 3, 2), db_url, apart=True)
    details, _ = check_details("commentaire d'un script", [], None, "fr")
    feedback_store.add_details(flood[0], details, db_url)
    assert feedback_store.set_apart(flood, db_url) == 3
    everything = ExportFilter()
    (count,) = feedback_store.page_counts(everything, db_url)
    assert (count.total, count.no) == (1, 0)
    assert feedback_store.latest_comments(everything, url=db_url) == []
    assert [r.answer for r in feedback_store.rows(everything, db_url)] == ["oui"]
    assert feedback_store.apart_count(everything, db_url) == 4
    assert counted not in flood and late not in flood
