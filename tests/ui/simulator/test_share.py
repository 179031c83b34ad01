"""Result links carry the outcome only, and anything hand-edited or truncated is refused, never crashes."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pti_citizen.simulator import estimate_payload
from pti_citizen.ui.simulator import share

FIRST = dt.date(2023, 4, 1)
TODAY = dt.date(2026, 11, 29)


def parse(query: str) -> share.SharedResult:
    return share.parse_share_query(query, first_month=FIRST, today=TODAY)


def test_round_trip_of_an_engine_result_without_any_answer():
    household = {
        "month": "2026-11",
        "applicant": {"age": 30, "nationality": "fr", "earned_income": 500},
        "housing": {"status": "tenant", "housing_benefit": 250},
    }
    status, result = estimate_payload(household, "fr", today=TODAY)
    assert status == 200
    query = share.share_query(result)
    # Nothing the person answered is in the link: only amount, eligibility, next steps and month.
    assert set(urllib.parse.parse_qs(query, keep_blank_values=True)) == {"m", "e", "n", "mois"}
    for answer in ("30", "500", "250", "tenant", "fr"):
        assert f"={answer}" not in query
    shared = parse(query)
    # 651,69 − 78,20 (12 % forfait logement, capped by the 250 € benefit) − 500 = 73,49.
    assert shared.amount == Decimal("73.49")
    assert shared.eligible is True
    assert shared.next_steps == ("apply_caf", "apply_msa", "c2s", "prime_activite")
    assert shared.month == dt.date(2026, 11, 1)


def test_not_eligible_link():
    shared = parse("m=0.00&e=0&n=mds&mois=2026-11")
    assert (shared.amount, shared.eligible, shared.next_steps) == (Decimal(0), False, ("contact_mds",))


def test_other_keys_are_ignored():
    assert parse("?m=573.49&e=1&n=caf,c2s&mois=2026-11&fbclid=abc").amount == Decimal("573.49")


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("", share.MISSING),
        ("m=573.49&e=1&n=caf", share.MISSING),
        ("m=573.49&m=1.00&e=1&n=caf&mois=2026-11", share.REPEATED),
        ("m=573.4&e=1&n=caf&mois=2026-11", share.AMOUNT),
        ("m=573&e=1&n=caf&mois=2026-11", share.AMOUNT),
        ("m=-5.00&e=1&n=caf&mois=2026-11", share.AMOUNT),
        ("m=1e3&e=1&n=caf&mois=2026-11", share.AMOUNT),
        ("m=100000.00&e=1&n=caf&mois=2026-11", share.AMOUNT),
        ("m=0573.49&e=1&n=caf&mois=2026-11", share.AMOUNT),
        ("m=573.49&e=yes&n=caf&mois=2026-11", share.ELIGIBLE),
        ("m=573.49&e=0&n=caf&mois=2026-11", share.INCONSISTENT),
        ("m=0.00&e=1&n=caf&mois=2026-11", share.INCONSISTENT),
        ("m=573.49&e=1&n=caf,caf&mois=2026-11", share.NEXT_STEPS),
        ("m=573.49&e=1&n=bank&mois=2026-11", share.NEXT_STEPS),
        ("m=573.49&e=1&n=caf,&mois=2026-11", share.NEXT_STEPS),
        ("m=573.49&e=1&n=<script>&mois=2026-11", share.NEXT_STEPS),
        ("m=573.49&e=1&n=caf&mois=2026-13", share.MONTH),
        ("m=573.49&e=1&n=caf&mois=2026-1", share.MONTH),
        ("m=573.49&e=1&n=caf&mois=2019-05", share.MONTH),
        ("m=573.49&e=1&n=caf&mois=2099-05", share.MONTH),
        ("m=573.49&e=1&n=caf&mois=0000-05", share.MONTH),
        ("m=573.49&e=1&n=caf&mois=" + "9" * 400, share.MISSING),
    ],
)
def test_refused_links(query, code):
    with pytest.raises(share.ShareLinkError) as caught:
        parse(query)
    assert caught.value.code == code


@given(st.text(max_size=120))
def test_any_query_gives_a_result_or_a_refusal(query):
    try:
        shared = parse(query)
    except share.ShareLinkError as error:
        assert error.code
    else:
        assert shared.amount >= 0


def test_qr_code_is_an_svg_of_the_link():
    svg = share.qr_code_svg("http://localhost:3000/fr/simulateur/resultat?m=573.49&e=1&n=caf&mois=2026-11")
    assert svg.lstrip().startswith(b"<?xml") or svg.lstrip().startswith(b"<svg")
    assert b"<svg" in svg and b"<path" in svg


def test_qr_code_path_stays_on_our_origin_and_holds_no_answer():
    result = {"monthly_amount": 573.49, "eligible": True, "next_steps": ["apply_caf"], "month": "2026-11"}
    path = share.qr_code_path("ar", result)
    assert path.startswith("/api/v1/rsa/qr.svg?lang=ar&")
    assert set(urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)) == {"lang", "m", "e", "n", "mois"}
