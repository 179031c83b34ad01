from __future__ import annotations

import pytest

from pti_citizen import routes
from pti_citizen.languages import LANGUAGES


@pytest.mark.parametrize(
    ("url_path", "lang"),
    [
        ("/ar/simulateur", "ar"),
        ("/es/", "es"),
        ("en/trouver-une-mds/", "en"),
        ("/fr", "fr"),
        ("/de/simulateur", "fr"),
        ("/simulateur", "fr"),
        ("/", "fr"),
        ("", "fr"),
    ],
)
def test_the_language_of_a_page_is_the_first_segment_of_its_path(url_path, lang):
    assert routes.language_of(url_path) == lang


def test_a_path_and_its_language_go_both_ways():
    for lang in LANGUAGES:
        assert routes.language_of(routes.path(lang, routes.SIMULATOR_RESULT)) == lang
