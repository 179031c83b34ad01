"""Commune → EPCI membership, checked against independent facts (COG 2026 counts, public sources)."""

from pti_citizen.offers.territory import territory

TOULOUSE, BLAGNAC, MURET, LABEGE, CAZERES, SAINT_GAUDENS = (
    "31555",
    "31069",
    "31395",
    "31254",
    "31135",
    "31483",
)
TOULOUSE_METROPOLE, SICOVAL, MURETAIN = "243100518", "243100633", "200068641"


def test_all_586_communes_of_the_2026_cog_each_belong_to_one_epci():
    t = territory()
    assert len(t.commune_names) == 586  # SOURCES.md: communes_31.csv, COG 2026
    assert set(t.epci_of_commune) == set(t.commune_names)


def test_toulouse_metropole_has_37_communes():
    # Toulouse Métropole has 37 communes (Wikipédia, Toulouse Métropole article).
    members = [c for c, e in territory().epci_of_commune.items() if e == TOULOUSE_METROPOLE]
    assert len(members) == 37
    assert TOULOUSE in members and BLAGNAC in members


def test_known_memberships():
    t = territory()
    assert t.epci_of_commune[MURET] == MURETAIN
    assert t.epci_of_commune[LABEGE] == SICOVAL
    assert t.epci_of_commune[SAINT_GAUDENS] not in (TOULOUSE_METROPOLE, SICOVAL, MURETAIN)


def test_zone_kinds():
    t = territory()
    assert t.covers("france", (), SAINT_GAUDENS)
    assert t.covers("departement", (), CAZERES)
    assert t.covers("epci", (TOULOUSE_METROPOLE,), TOULOUSE)
    assert not t.covers("epci", (TOULOUSE_METROPOLE,), CAZERES)
    assert t.covers("communes", (CAZERES,), CAZERES)
    assert not t.covers("communes", (CAZERES,), TOULOUSE)
    assert "31" in t.eligibility_codes("region", ())
