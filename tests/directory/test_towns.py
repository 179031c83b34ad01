"""Town search, offline: names, postcodes, INSEE codes and coordinates (contract: places.md)."""

from __future__ import annotations

import csv
import unicodedata

import pytest

from pti_citizen.directory.loader import DATA_DIR
from pti_citizen.directory.towns import Problem, QueryProblem, Resolution, Resolved


def _communes():
    with (DATA_DIR / "communes_31.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


COMMUNES = _communes()
POSTCODE_TOWNS: dict[str, list[dict]] = {}
for _row in COMMUNES:
    for _postcode in _row["codes_postaux"].split("|"):
        POSTCODE_TOWNS.setdefault(_postcode, []).append(_row)


def _shouted_without_accents(name: str) -> str:
    """How the name looks when typed in capitals on a keyboard without accents, « St » for Saint."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    plain = plain.replace("Saint-", "St ").replace("Sainte-", "Ste ")
    return plain.replace("-", " ").replace("'", " ").upper()


def _resolved(directory, query) -> Resolution:
    result = directory.towns.resolve(query)
    assert isinstance(result, Resolution), (query, result)
    return result


def _problem(directory, query) -> QueryProblem:
    result = directory.towns.resolve(query)
    assert isinstance(result, QueryProblem), (query, result)
    return result


def test_every_commune_resolves_by_insee_name_and_postcode(directory):
    for row in COMMUNES:
        code = row["code_insee"]
        assert _resolved(directory, f"insee:{code}").commune.insee == code
        assert _resolved(directory, row["nom"]).commune.insee == code
        assert _resolved(directory, _shouted_without_accents(row["nom"])).commune.insee == code
        for postcode in row["codes_postaux"].split("|"):
            by_postcode = _resolved(directory, postcode)
            assert by_postcode.type is Resolved.POSTCODE
            assert code in [town.insee for town in by_postcode.postcode_towns]


@pytest.mark.parametrize("postcode", sorted(POSTCODE_TOWNS))
def test_postcode_resolves_to_its_most_populated_town(directory, postcode):
    expected = max(POSTCODE_TOWNS[postcode], key=lambda row: int(row["population"]))
    resolution = _resolved(directory, postcode)
    assert resolution.commune.insee == expected["code_insee"]
    assert {t.insee for t in resolution.postcode_towns} == {r["code_insee"] for r in POSTCODE_TOWNS[postcode]}
    populations = [town.population for town in resolution.postcode_towns]
    assert populations == sorted(populations, reverse=True)


@pytest.mark.parametrize(
    "query",
    [
        "st gaudens",
        "SAINT GAUDENS",
        "Saint-Gaudens",
        "saint-gaudens",
        "  Saint Gaudens ",
        "31800 Saint-Gaudens",
    ],
)
def test_saint_gaudens_spellings(directory, query):
    assert _resolved(directory, query).commune.name == "Saint-Gaudens"


def test_postcode_31800_is_saint_gaudens_with_its_neighbours(directory):
    resolution = _resolved(directory, "31800")
    assert resolution.type is Resolved.POSTCODE and resolution.commune.name == "Saint-Gaudens"
    assert len(resolution.postcode_towns) == len(POSTCODE_TOWNS["31800"]) > 1
    assert _resolved(directory, "31 800").commune.name == "Saint-Gaudens"


def test_insee_31483_is_saint_gaudens(directory):
    assert _resolved(directory, "insee:31483").commune.name == "Saint-Gaudens"
    assert _resolved(directory, "INSEE: 31483").commune.name == "Saint-Gaudens"


def test_31250_is_a_postcode_not_labastide_clermont_insee(directory):
    # 31250 is Revel's postcode and Labastide-Clermont's INSEE code: a bare number is a postcode.
    resolution = _resolved(directory, "31250")
    assert resolution.commune.name == "Revel"
    names = {town.name for town in resolution.postcode_towns}
    assert names == {row["nom"] for row in POSTCODE_TOWNS["31250"]}
    assert "Vaudreuille" in names and "Labastide-Clermont" not in names
    assert _resolved(directory, "insee:31250").commune.name == "Labastide-Clermont"


def test_insee_code_typed_as_postcode_gets_a_hint(directory):
    problem = _problem(directory, "31555")
    assert problem.code is Problem.UNKNOWN_POSTCODE and problem.status == 404
    assert problem.insee_match.name == "Toulouse" and problem.suggestions[0].name == "Toulouse"


def test_toulouse_has_six_postcodes(directory):
    for postcode in ("31000", "31100", "31200", "31300", "31400", "31500"):
        assert _resolved(directory, postcode).commune.name == "Toulouse"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("l'union", "L'Union"),
        ("L UNION", "L'Union"),
        ("lunion", "L'Union"),
        ("l’isle-en-dodon", "L'Isle-en-Dodon"),
        ("isle en dodon", "L'Isle-en-Dodon"),
        ("bagneres de luchon", "Bagnères-de-Luchon"),
        ("CASTELNAU D ESTRETEFONDS", "Castelnau-d'Estrétefonds"),
        ("ste foy de peyrolieres", "Sainte-Foy-de-Peyrolières"),
        ("villefranche", "Villefranche-de-Lauragais"),
    ],
)
def test_accent_case_hyphen_apostrophe_insensitive(directory, query, name):
    assert _resolved(directory, query).commune.name == name


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("tolouse", "Toulouse"),
        ("tuolouse", "Toulouse"),
        ("colomeirs", "Colomiers"),
        ("saint gaudins", "Saint-Gaudens"),
    ],
)
def test_typos_get_suggestions_not_answers(directory, typo, expected):
    problem = _problem(directory, typo)
    assert problem.code is Problem.UNKNOWN_TOWN and problem.status == 404
    assert expected in [c.name for c in problem.suggestions]


def test_unique_start_of_a_name_resolves_and_says_so(directory):
    resolution = _resolved(directory, "colomier")
    assert resolution.commune.name == "Colomiers" and resolution.partial_match
    assert not _resolved(directory, "Colomiers").partial_match


def test_unclear_names_are_ambiguous(directory):
    problem = _problem(directory, "la salvetat")
    assert problem.code is Problem.AMBIGUOUS_TOWN and problem.status == 422
    assert {c.name for c in problem.suggestions} == {"La Salvetat-Saint-Gilles", "La Salvetat-Lauragais"}
    assert "Bagnères-de-Luchon" in [c.name for c in _problem(directory, "luchon").suggestions]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("", Problem.EMPTY),
        ("   ", Problem.EMPTY),
        ("75001", Problem.POSTCODE_OUTSIDE),
        ("31999", Problem.UNKNOWN_POSTCODE),
        ("insee:99999", Problem.UNKNOWN_INSEE),
        ("insee:12", Problem.BAD_INSEE),
        ("48.8566,2.3522", Problem.OUT_OF_AREA),
        ("91,1.4", Problem.BAD_COORDINATES),
        ("zzzzqqq", Problem.UNKNOWN_TOWN),
        ("!!!", Problem.UNKNOWN_TOWN),
    ],
)
def test_problems(directory, query, code):
    assert _problem(directory, query).code is code


def test_coordinates(directory):
    resolution = _resolved(directory, "43.6045, 1.4440")
    assert resolution.type is Resolved.COORDINATES and resolution.precise
    assert resolution.commune.name == "Toulouse"
    assert (resolution.lat, resolution.lon) == (43.6045, 1.444)


def test_town_named_inside_free_text(directory):
    assert directory.towns.find_name_in_text("3 rue du Pont Vieux, Saint-Gaudens").name == "Saint-Gaudens"
    assert directory.towns.find_name_in_text("4 avenue Foch 31800").name == "Saint-Gaudens"
    assert directory.towns.find_name_in_text("nowhere street") is None
