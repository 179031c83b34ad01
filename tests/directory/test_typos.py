"""Typos in town names (issue #14, item 9): one in any word of a compound name, after « st » too, over
all 586 communes; a typo gets suggestions, never an answer; exact names still resolve."""

from __future__ import annotations

import pytest

from pti_citizen.directory.normalize import normalize
from pti_citizen.directory.towns import Problem, QueryProblem, Resolution
from pti_citizen.directory.typos import common_letters, name_match, typos_allowed, word_match
from tests.directory.test_towns import COMMUNES

NAMES = [row["nom"] for row in COMMUNES]


def _changed(word: str, how: str) -> str:
    """A typo in the middle of ``word``: a letter changed, dropped, doubled or two letters swapped."""
    middle = len(word) // 2
    if how == "change":
        return word[:middle] + ("x" if word[middle] != "x" else "z") + word[middle + 1 :]
    if how == "drop":
        return word[:middle] + word[middle + 1 :]
    if how == "double":
        return word[: middle + 1] + word[middle:]
    return word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]


def _typos_of(name: str):
    """Every query with one typo in one word of ``name`` (words of 4 letters or more), « Saint » as « st »."""
    words = normalize(name).split()
    for index, word in enumerate(words):
        if len(word) < 4:
            continue
        for how in ("change", "drop", "double", "swap"):
            typed = list(words)
            typed[index] = _changed(word, how)
            if typed[0] == "saint":
                typed[0] = "st"
            if typed != words:
                yield " ".join(typed)


def _is_a_name_or_its_start(directory, query: str) -> bool:
    """A typo can make another real name (« vaux » → « daux ») or the start of one: then it is no typo."""
    key = normalize(query)
    return any(k.startswith(key) or f" {key} " in f" {k} " for k in directory.towns.by_name)


@pytest.mark.parametrize("name", NAMES)
def test_a_typo_in_any_word_suggests_the_town(directory, name):
    for query in _typos_of(name):
        if _is_a_name_or_its_start(directory, query):
            continue
        result = directory.towns.resolve(query)
        assert isinstance(result, QueryProblem), f"{query!r} was answered, not suggested: {result}"
        assert result.code is Problem.UNKNOWN_TOWN and result.status == 404
        suggested = [c.name for c in result.suggestions]
        assert name in suggested, (query, suggested)


def test_every_commune_still_resolves_exactly_by_name(directory):
    # The typo tolerance comes after the exact rules: no exact name is taken for a typo.
    for name in NAMES:
        result = directory.towns.resolve(name)
        assert isinstance(result, Resolution) and result.commune.name == name
        assert not result.partial_match


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("st gaudans", "Saint-Gaudens"),
        ("saint gaudans", "Saint-Gaudens"),
        ("sant gaudens", "Saint-Gaudens"),
        ("ST-GAUDANS", "Saint-Gaudens"),
        ("gaudans", "Saint-Gaudens"),  # one word of the name, with a typo
        ("saintgaudans", "Saint-Gaudens"),  # glued
        ("bagneres luchn", "Bagnères-de-Luchon"),  # « de » left out, typo in the last word
        ("bagneres de luchn", "Bagnères-de-Luchon"),
        ("castanet tolossan", "Castanet-Tolosan"),
        ("portet sru garonne", "Portet-sur-Garonne"),
        ("villefranche de lauragias", "Villefranche-de-Lauragais"),
        ("ste foy de peyrolieres x", None),  # a word that is in no name: nothing
        ("tolouse", "Toulouse"),
        ("colomeirs", "Colomiers"),
    ],
)
def test_typos_in_compound_names(directory, typed, first):
    result = directory.towns.resolve(typed)
    assert isinstance(result, QueryProblem) and result.code is Problem.UNKNOWN_TOWN
    suggested = [c.name for c in result.suggestions]
    assert (suggested[0] if suggested else None) == first, suggested


def test_a_typo_shared_by_several_towns_lists_them_best_first(directory):
    # « luchn » fits four towns of the Luchon valley equally: all are offered, the biggest first.
    suggested = [c.name for c in directory.towns.resolve("luchn").suggestions]
    assert suggested[:4] == ["Bagnères-de-Luchon", "Montauban-de-Luchon", "Juzet-de-Luchon", "Cier-de-Luchon"]
    # Fewer typos come first, whatever the size of the town: « ouret » is Couret with one letter
    # missing, and Muret with one letter changed: the likelier spelling first.
    assert [c.name for c in directory.towns.resolve("ouret").suggestions][:2] == ["Couret", "Muret"]


def test_nothing_close_gets_no_suggestion(directory):
    for typed in ("zzzzqqq", "!!!", "a " * 100, "x" * 200, "de la sur"):
        result = directory.towns.resolve(typed)
        assert isinstance(result, QueryProblem)
        assert result.suggestions == () or typed == "de la sur"


def test_words_compare_by_their_common_letters():
    assert common_letters("gaudans", "gaudens") == 6
    assert common_letters("guadens", "gaudens") == 6  # two letters swapped
    assert word_match("gaudans", "gaudens").typos == 1
    assert word_match("tolouse", "toulouse").typos == 1
    assert word_match("tuluse", "toulouse").typos == 2  # long words forgive two
    assert word_match("colmer", "colomiers") is None  # three is too many
    assert word_match("du", "de") is None  # « de », « la »: exact only
    assert word_match("sru", "sur").typos == 1
    assert [typos_allowed(n) for n in (1, 2, 3, 7, 8, 20)] == [0, 0, 1, 1, 2, 2]


def test_typed_words_fit_consecutive_words_of_a_name():
    name = ["bagneres", "de", "luchon"]
    assert name_match(["bagneres", "luchon"], name).whole
    assert name_match(["luchon"], name) is not None and not name_match(["luchon"], name).whole
    assert name_match(["luchon", "bagneres"], name) is None  # order counts
    assert name_match(["bagneres", "x", "luchon"], name) is None  # every typed word must fit
