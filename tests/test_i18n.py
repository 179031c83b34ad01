import datetime as dt

import pytest
from babel import Locale

from pti_citizen import i18n


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ar-MA,ar;q=0.9,fr;q=0.5", "ar"),
        ("es-419", "es"),
        ("en-GB,en;q=0.9", "en"),
        ("de-DE,de;q=0.9,en;q=0.3", "en"),
        ("de-DE, ar-MA;q=0.5", "ar"),
        ("fr-CH", "fr"),
        ("zz", "fr"),
        ("", "fr"),
        (None, "fr"),
        ("en;q=0, es;q=0.2", "es"),
        ("en;q=abc, ar", "ar"),
    ],
)
def test_negotiate(header, expected):
    assert i18n.negotiate(header) == expected


def test_cldr_formats():
    assert i18n.format_euros(651.69, "fr") == "651,69\xa0€"
    assert i18n.format_euros(1368.555, "fr") == "1\u202f368,56\xa0€"  # rounded half up, to the cent
    assert i18n.format_euros(651.69, "en") == "€651.69"
    assert i18n.format_date(dt.date(2026, 4, 1), "fr") == "1er avril 2026"
    assert i18n.format_date(dt.date(2026, 4, 2), "fr") == "2 avril 2026"
    assert i18n.format_date(dt.date(2026, 4, 1), "es") == "1 de abril de 2026"


@pytest.mark.parametrize("code", list(i18n.LANGUAGES))
def test_each_language_is_written_in_the_direction_cldr_gives(code):
    cldr = Locale.parse(code).character_order  # "right-to-left" for Arabic, Hebrew, Persian…
    assert i18n.text_direction(code) == ("rtl" if cldr == "right-to-left" else "ltr")
    assert i18n.text_direction(f"{code}-XX") == i18n.text_direction(code)


def test_direction_and_normalization():
    assert i18n.text_direction("ar") == "rtl"
    assert i18n.text_direction("fr") == "ltr"
    assert i18n.normalize_language("AR-ma") == "ar"
    assert i18n.normalize_language("xx") == "fr"


def test_french_is_the_source_and_other_catalogs_translate():
    assert i18n.gettext_for("fr")("Écouter") == "Écouter"
    assert i18n.gettext_for("en")("Écouter") == "Listen"
    assert i18n.gettext_for("ar")("Écouter") != "Écouter"
