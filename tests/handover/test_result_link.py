"""Result links carry every benefit's amount and never an answer; old links still open (the RSA
alone); anything hand-edited or truncated is refused, never crashes."""

from __future__ import annotations

import datetime as dt
import urllib.parse
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pti_citizen import handover
from pti_citizen.handover import result_link as link
from pti_citizen.simulator import REGISTRY, estimate, parse_household

TODAY = dt.date(2026, 12, 7)
MOTHER = {
    "month": "2026-12",
    "applicant": {"age": 30, "nationality": "fr", "earned_income": 600},
    "children": [7, 3],
    "housing": {"status": "tenant", "housing_benefit": 450},
}


def parse(query: str) -> handover.SharedResult:
    return handover.parse_result_query(query, today=TODAY)


def mother_estimate():
    household, errors = parse_household(MOTHER, "fr")
    assert errors == []
    return estimate(household, "fr", today=TODAY)


def test_a_link_carries_every_benefits_amount_and_no_answer():
    result = mother_estimate()
    query = handover.query_of(result)
    fields = urllib.parse.parse_qs(query, keep_blank_values=True)
    assert set(fields) == {"v", "mois", "n", *(benefit.name for benefit in REGISTRY)}
    for answer in ("30", "600", "450", "tenant", "fr", "7"):
        assert f"={answer}&" not in query + "&"
    shared = parse(query)
    assert shared.month == dt.date(2026, 12, 1) and not shared.legacy
    assert shared.amounts == tuple(
        (benefit.name, Decimal(str(benefit.monthly_amount)).quantize(Decimal("0.01")))
        for benefit in result.benefits
    )
    assert shared.total == Decimal(str(result.total_monthly_amount)).quantize(Decimal("0.01"))
    assert set(shared.due) == {"rsa", "prime_activite", "allocations_familiales", "asf"}
    assert shared.next_steps == result.next_steps
    # Reading a link and writing it again gives the same link (the QR code draws what the page shows).
    assert handover.result_query(shared) == query


def test_old_links_open_as_the_rsa_alone():
    shared = parse("m=573.49&e=1&n=caf,c2s&mois=2026-11")
    assert shared.legacy and shared.amounts == (("rsa", Decimal("573.49")),)
    assert shared.next_steps == ("apply_caf", "c2s")
    assert parse("m=0.00&e=0&n=mds&mois=2026-11").due == ()
    # Written again, an old link becomes a version 2 link with the same outcome.
    again = parse(handover.result_query(shared))
    assert again.amounts == shared.amounts and not again.legacy


def test_other_keys_are_ignored():
    assert parse("v=2&mois=2026-11&rsa=573.49&n=apply_caf&fbclid=abc").amount("rsa") == Decimal("573.49")
    assert parse("?m=573.49&e=1&n=caf,c2s&mois=2026-11&utm_source=x").amount("rsa") == Decimal("573.49")


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("", link.MISSING),
        ("m=573.49&e=1&n=caf", link.MISSING),
        ("m=573.49&m=1.00&e=1&n=caf&mois=2026-11", link.REPEATED),
        ("m=573.4&e=1&n=caf&mois=2026-11", link.AMOUNT),
        ("m=1e3&e=1&n=caf&mois=2026-11", link.AMOUNT),
        ("m=573.49&e=yes&n=caf&mois=2026-11", link.ELIGIBLE),
        ("m=573.49&e=0&n=caf&mois=2026-11", link.INCONSISTENT),
        ("m=573.49&e=1&n=caf,caf&mois=2026-11", link.NEXT_STEPS),
        ("m=573.49&e=1&n=bank&mois=2026-11", link.NEXT_STEPS),
        ("m=573.49&e=1&n=caf&mois=2026-13", link.MONTH),
        ("v=3&mois=2026-11&rsa=1.00&n=", link.VERSION_UNKNOWN),
        ("v=2&v=2&mois=2026-11&rsa=1.00&n=", link.REPEATED),
        ("v=2&mois=2026-11&n=apply_caf", link.MISSING),
        ("v=2&mois=2026-11&rsa=1.00", link.MISSING),
        ("v=2&mois=2026-11&unknown=1.00&n=", link.MISSING),
        ("v=2&mois=2026-11&rsa=1.00&rsa=2.00&n=", link.REPEATED),
        ("v=2&mois=2026-11&rsa=-1.00&n=", link.AMOUNT),
        ("v=2&mois=2026-11&rsa=100000.00&n=", link.AMOUNT),
        ("v=2&mois=2026-11&asf=12&n=", link.AMOUNT),
        ("v=2&mois=2026-11&rsa=1.00&n=apply_caf,apply_caf", link.NEXT_STEPS),
        ("v=2&mois=2026-11&rsa=1.00&n=<script>", link.NEXT_STEPS),
        ("v=2&mois=2026-11&rsa=1.00&n=apply_caf,", link.NEXT_STEPS),
        ("v=2&mois=2026-11&rsa=1.00&n=" + ",".join(f"c{i}" for i in range(17)), link.NEXT_STEPS),
        ("v=2&mois=2019-05&rsa=1.00&n=", link.MONTH),
        ("v=2&mois=2099-05&rsa=1.00&n=", link.MONTH),
        ("v=2&mois=2026-11&rsa=1.00&n=" + "a" * 600, link.MISSING),
    ],
)
def test_refused_links(query, code):
    with pytest.raises(handover.ShareLinkError) as caught:
        parse(query)
    assert caught.value.code == code


@given(st.text(max_size=200))
def test_any_query_gives_a_result_or_a_refusal(query):
    for candidate in (query, "v=2&mois=2026-11&" + query):
        try:
            shared = parse(candidate)
        except handover.ShareLinkError as error:
            assert error.code
        else:
            assert all(amount >= 0 for _, amount in shared.amounts) and shared.amounts


def test_qr_code_is_an_svg_of_the_link():
    svg = handover.qr_code_svg("https://example.org/fr/simulateur/resultat?v=2&mois=2026-11&rsa=573.49&n=")
    assert b"<svg" in svg and b"<path" in svg
