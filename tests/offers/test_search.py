"""Offers for what a person typed: a town understood like the locator understands it, a clear refusal
with close names for a town that is not in Haute-Garonne."""

from __future__ import annotations

from pti_citizen.directory import get_directory
from pti_citizen.offers import filter_offers, search_offers


def test_no_town_means_every_commune():
    assert [o.id for o in search_offers("fr").offers] == [o.id for o in filter_offers("fr")]


def test_a_town_as_typed_is_the_commune_of_the_directory():
    found = search_offers("fr", ["soins"], "st gaudens")
    insee = get_directory().towns.resolve("Saint-Gaudens").commune.insee
    assert found.town == "Saint-Gaudens" and found.unknown_town is None
    assert [o.id for o in found.offers] == [o.id for o in filter_offers("fr", needs=["soins"], insee=insee)]


def test_a_postcode_works_too():
    assert search_offers("es", (), "31800").town == "Saint-Gaudens"


def test_an_unknown_town_gets_close_names_and_no_offer():
    found = search_offers("fr", (), "tolouse")
    assert found.offers == () and found.unknown_town == "tolouse"
    assert "Toulouse" in found.suggestions and len(found.suggestions) <= 5


def test_what_is_typed_is_bounded():
    assert len(search_offers("fr", (), "x" * 5000).unknown_town) == 80
