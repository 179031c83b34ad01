"""Any input gets an answer (200, 404 or 422) with readable messages; nothing raises."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from pti_citizen.directory import nearest_payload
from pti_citizen.languages import LANGUAGES

from .conftest import paris

NOW = paris(2026, 12, 1, 10, 0)
_values = st.one_of(st.none(), st.text(max_size=40), st.integers(-1000, 1000), st.floats(allow_nan=True))


@settings(max_examples=300, deadline=None)
@given(
    q=st.one_of(
        st.none(), st.text(max_size=300), st.from_regex(r"\d{5}|insee:\w{0,6}|-?\d{1,3}\.\d+,-?\d{1,3}\.\d+")
    ),
    limit=_values,
    kind=st.one_of(
        st.none(), st.sampled_from(["mds", "point_accueil", "kiosque", "MDS", ""]), st.text(max_size=10)
    ),
    lang=st.one_of(st.none(), st.sampled_from([*LANGUAGES, "zz"])),
)
def test_nearest_payload_never_raises(q, limit, kind, lang):
    status, body = nearest_payload(q, limit=limit, kind=kind, lang=lang, now=NOW)
    assert status in (200, 404, 422)
    json.dumps(body)
    if status != 200:
        assert body["errors"] and all(error["message"] for error in body["errors"])


@settings(max_examples=100, deadline=None)
@given(lat=_values, lon=_values)
def test_coordinates_never_raise(lat, lon):
    status, _ = nearest_payload(lat=lat, lon=lon, now=NOW)
    assert status in (200, 422)
