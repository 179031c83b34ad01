"""POST /api/v1/feedback/answers and /details (the server-rendered pages' widget): the same checks,
masking and limits as the websocket widget, with a signed receipt instead of a server session."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient

from pti_citizen.db import key_store
from pti_citizen.db.engine import engine
from pti_citizen.feedback.receipts import make_receipt
from pti_citizen.services import Services
from pti_citizen.settings import Settings, Window
from pti_citizen.web.api import create_api
from pti_citizen.web.guards import EdgeGuard
from pti_citizen.web.routers.feedback_answers import ANSWERS_PATH, DETAILS_PATH, MAX_BODY_BYTES, router

PAGE = "droits/montant-du-rsa"
VISIT = "0123456789abcdef0123456789abcdef"
DAY = dt.date(2026, 12, 7)


def rows(url: str) -> list[dict]:
    with engine(url).connect() as connection:
        result = connection.execute(
            sa.text(
                "SELECT id, page, lang, mode, answer, comment, missing, territory, details_given FROM feedback"
            )
        )
        return [dict(row._mapping) for row in result]


def make_client(database: str, proxy_hops: int = 0, **limits) -> TestClient:
    """The two endpoints alone behind the edge guard (which resolves the client's address), on
    ``database``, with the feedback limits given (the defaults otherwise)."""
    services = Services.build(Settings(database_url=database, trusted_proxy_hops=proxy_hops, **limits))
    api = FastAPI()
    api.include_router(router(services, today=lambda: DAY))
    return TestClient(EdgeGuard(api, services))


@pytest.fixture
def client(db_url):
    return make_client(db_url)


def answer(client, **changes):
    body = {"page": PAGE, "lang": "fr", "answer": "non", "mode": "aidant", "visit": VISIT, **changes}
    return client.post(ANSWERS_PATH, json=body)


def details(client, receipt, **changes):
    body = {"receipt": receipt, "page": PAGE, "lang": "fr", "visit": VISIT, **changes}
    return client.post(DETAILS_PATH, json=body)


def test_an_answer_is_stored_at_once_and_its_details_fill_the_same_row(client, db_url):
    given = answer(client)
    assert given.status_code == 201 and given.headers["cache-control"] == "no-store"
    receipt = given.json()["receipt"]
    assert [
        (r["page"], r["lang"], r["mode"], r["answer"], bool(r["details_given"])) for r in rows(db_url)
    ] == [(PAGE, "fr", "aidant", "non", False)]
    sent = details(
        client,
        receipt,
        comment="Pas clair. Écrivez-moi : jean.dupont@example.org ou 06 12 34 56 78.",
        missing=["mots", "exemple"],
        mds="mds31-056",
    )
    assert sent.status_code == 200 and sent.json() == {"stored": True}
    (row,) = rows(db_url)
    assert "jean.dupont" not in row["comment"] and "06 12 34" not in row["comment"]
    assert "[courriel masqué]" in row["comment"] and "[téléphone masqué]" in row["comment"]
    assert (row["missing"], row["territory"], bool(row["details_given"])) == (
        "exemple,mots",
        "Sud Toulousain",
        True,
    )


def test_details_are_kept_once(client, db_url):
    receipt = answer(client).json()["receipt"]
    assert details(client, receipt, comment="premier").json() == {"stored": True}
    assert details(client, receipt, comment="second").json() == {"stored": False}
    assert [r["comment"] for r in rows(db_url)] == ["premier"]


def test_empty_details_store_nothing_and_keep_the_answer_open(client, db_url):
    receipt = answer(client).json()["receipt"]
    assert details(client, receipt, comment="", missing=[], mds=None).json() == {"stored": False}
    assert details(client, receipt, comment="ensuite").json() == {"stored": True}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"page": "nulle-part"}, "page"),
        ({"lang": "de"}, "lang"),
        ({"answer": "peut-être"}, "answer"),
        ({"answer": 1}, "answer"),
        ({"visit": "court"}, "visit"),
        ({"visit": None}, "visit"),
        ({"page": "x" * 10_000}, "page"),
        ({"page": ["droits"]}, "page"),
        ({"lang": {}}, "lang"),
    ],
)
def test_a_bad_answer_is_refused_with_a_field_message_and_nothing_stored(client, db_url, change, field):
    refused = answer(client, **change)
    assert refused.status_code == 422
    errors = {e["field"]: e["message"] for e in refused.json()["errors"]}
    assert errors.get(field)
    assert rows(db_url) == []


def test_messages_are_in_the_language_of_the_page(client):
    refused = answer(client, lang="ar", answer="peut-être")
    (error,) = refused.json()["errors"]
    assert error["field"] == "answer" and "Oui" not in error["message"]  # « نعم » or « لا »


@pytest.mark.parametrize(
    "body", [b"", b"[]", b"not json", b'"text"', b"\xff\xfe", json.dumps({"a": 1}).encode()]
)
def test_a_body_that_is_not_an_answer_gets_field_messages(client, body, db_url):
    refused = client.post(ANSWERS_PATH, content=body, headers={"content-type": "application/json"})
    assert refused.status_code == 422
    assert all(e["field"] and e["message"] for e in refused.json()["errors"])
    assert rows(db_url) == []


@pytest.mark.parametrize(
    "body",
    [
        "[" * 5000 + "]" * 5000,
        '{"p":' * 2000 + "1" + "}" * 2000,
        '{"page": "droits/montant-du-rsa", "lang": "fr", "answer": ' + "9" * 5000 + "}",
        '{"page": "droits/montant-du-rsa", "lang": "fr", "answer": NaN}',
    ],
    ids=["nested brackets", "nested objects", "5000 digits", "NaN"],
)
def test_hostile_json_is_a_field_message_not_a_crash(client, db_url, body, caplog):
    """Issue #13 item 2 on this endpoint: ``json.loads`` raised ``RecursionError`` (a 500) on 5 000
    nested brackets, which fit in its 12 KiB."""
    for path in (ANSWERS_PATH, DETAILS_PATH):
        refused = client.post(path, content=body, headers={"content-type": "application/json"})
        assert refused.status_code == 422
        assert all(e["field"] and e["message"] for e in refused.json()["errors"])
    assert rows(db_url) == []
    assert not [r for r in caplog.records if r.exc_info]


def test_a_body_too_large_is_not_read(client, db_url):
    big = json.dumps({"page": PAGE, "comment": "a" * MAX_BODY_BYTES}).encode()
    for path in (ANSWERS_PATH, DETAILS_PATH):
        refused = client.post(path, content=big, headers={"content-type": "application/json"})
        assert refused.status_code == 413 and refused.json()["errors"][0]["message"]
    assert rows(db_url) == []


def test_an_oversized_comment_is_refused_with_its_size(client, db_url):
    receipt = answer(client).json()["receipt"]
    refused = details(client, receipt, comment="é" * 501)
    assert refused.status_code == 422
    (error,) = refused.json()["errors"]
    assert error["field"] == "comment" and "501" in error["message"] and "500" in error["message"]
    assert not rows(db_url)[0]["details_given"]


@pytest.mark.parametrize("change", [{"lang": {}}, {"lang": None}, {"page": 3}, {"page": None}, {"visit": []}])
def test_details_of_any_shape_get_field_messages(client, db_url, change):
    receipt = answer(client).json()["receipt"]
    refused = details(client, receipt, comment="pirate", **change)
    assert refused.status_code == 422 and all(e["field"] and e["message"] for e in refused.json()["errors"])
    assert rows(db_url)[0]["comment"] is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"missing": ["rien"]}, "missing"),
        ({"missing": "exemple"}, "missing"),
        ({"mds": "pa31-001"}, "territory"),
    ],
)
def test_bad_details_are_refused_next_to_their_field(client, db_url, change, field):
    receipt = answer(client).json()["receipt"]
    refused = details(client, receipt, **change)
    assert refused.status_code == 422
    assert field in {e["field"] for e in refused.json()["errors"]}
    assert not rows(db_url)[0]["details_given"]


def test_a_receipt_cannot_be_made_up_or_moved_to_another_answer_or_page(client, db_url):
    first = answer(client).json()["receipt"]
    other = answer(client, page="demarches/declaration-trimestrielle").json()["receipt"]
    row_id = int(first.split(".")[0])
    forged = [
        f"{row_id}.AAAAAAAAAAAAAAAAAAAAAA",  # a guessed signature
        make_receipt(b"\0" * 32, row_id, "fr", PAGE),  # signed with another key
        other,  # a real receipt, for another page
        f"{row_id + 1}.{first.split('.')[1]}",  # a real signature on another row
        "1",
        "x" * 500,
        None,
        12,
    ]
    for receipt in forged:
        refused = details(client, receipt, comment="pirate")
        assert refused.status_code == 422, receipt
        assert "receipt" in {e["field"] for e in refused.json()["errors"]}
    # The right receipt, with another language: refused too (it was given for the French page).
    assert details(client, first, lang="en", comment="pirate").status_code == 422
    assert all(r["comment"] is None for r in rows(db_url))


def test_the_receipt_key_is_shared_by_every_process(client, db_url):
    """A second worker (its own caches, the same database) reads the same key: the receipt works there."""
    receipt = answer(client).json()["receipt"]
    key_store._shared_key.cache_clear()
    assert details(client, receipt, comment="sur un autre processus").json() == {"stored": True}


def test_one_visit_is_limited_like_a_websocket_session(db_url):
    client = make_client(db_url, feedback_limit_session=(Window(3, 600),))
    codes = [answer(client).status_code for _ in range(4)]
    assert codes == [201, 201, 201, 429]
    refused = answer(client)
    assert "beaucoup d'avis" in refused.json()["errors"][0]["message"]
    assert len(rows(db_url)) == 3
    # Another visit from the same address is still welcome, up to the address limit.
    assert answer(client, visit="f" * 32).status_code == 201


def test_new_visits_from_one_address_are_caught_by_the_address_limit(db_url):
    client = make_client(db_url, feedback_limit_address=(Window(2, 600),))
    codes = [answer(client, visit=f"{i:032d}").status_code for i in range(3)]
    assert codes == [201, 201, 429]


def test_details_count_in_the_same_limits(db_url):
    client = make_client(db_url, feedback_limit_session=(Window(2, 600),))
    receipt = answer(client).json()["receipt"]
    assert details(client, receipt, comment="un").status_code == 200
    second = answer(client, page="contact").json()
    assert answer(client, page="accessibilite").status_code == 429
    assert "receipt" not in second and second["errors"][0]["field"] == "request"


def test_behind_a_trusted_proxy_the_forwarded_address_is_limited(db_url):
    client = make_client(db_url, proxy_hops=1, feedback_limit_address=(Window(1, 600),))
    first = {"X-Forwarded-For": "203.0.113.5"}
    assert client.post(ANSWERS_PATH, json=_body(VISIT), headers=first).status_code == 201
    assert client.post(ANSWERS_PATH, json=_body("a" * 32), headers=first).status_code == 429
    other = {"X-Forwarded-For": "198.51.100.7"}
    assert client.post(ANSWERS_PATH, json=_body("b" * 32), headers=other).status_code == 201


def _body(visit: str) -> dict:
    return {"page": PAGE, "lang": "fr", "answer": "oui", "visit": visit}


def test_a_database_down_is_a_polite_503_not_a_crash(tmp_path):
    refused = make_client(f"sqlite:///{tmp_path / 'missing' / 'no.db'}").post(ANSWERS_PATH, json=_body(VISIT))
    assert refused.status_code == 503
    assert (
        refused.json()["errors"][0]["message"]
        == "Votre avis n'a pas pu être enregistré. Réessayez plus tard."
    )


def test_the_public_api_documents_both_operations(db_url):
    document = (
        TestClient(create_api(Services.build(Settings(database_url=db_url))))
        .get("/api/v1/openapi.json")
        .json()
    )
    for path in (ANSWERS_PATH, DETAILS_PATH):
        operation = document["paths"][path]["post"]
        assert operation["requestBody"]["content"]["application/json"]["schema"]["properties"]
        assert {"422", "429"} <= set(operation["responses"])
