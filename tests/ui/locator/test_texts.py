"""The page's words: every language has every sentence, and the result count agrees in number."""

from __future__ import annotations

import pytest
from babel import Locale

from pti_citizen.directory import MAX_LIMIT
from pti_citizen.i18n import LANGUAGES, format_number
from pti_citizen.ui.locator.texts import summaries, texts


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_sentence_exists_in_every_language(lang):
    french, words = texts("fr"), texts(lang)
    assert words.keys() == french.keys()
    assert all(value.strip() for value in words.values())
    if lang != "fr":
        same = [key for key in french if words[key] == french[key]]
        assert not same, f"{lang} still in French: {same}"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_result_count_agrees_with_the_language_plural_rules(lang):
    found = summaries(lang, MAX_LIMIT)
    assert set(found) == {str(n) for n in range(MAX_LIMIT + 1)}
    for count, text in found.items():
        assert "{town}" in text
        assert format_number(int(count), lang, 0) in text
    # Two counts in the same CLDR plural category read the same once the number is taken out
    # (a catalog whose Plural-Forms disagree with CLDR would mix « 1 lieux » and « 2 lieu »).
    locale = Locale.parse(lang)
    by_category: dict[str, set[str]] = {}
    for count, text in found.items():
        bare = text.replace(format_number(int(count), lang, 0), "#", 1)
        by_category.setdefault(locale.plural_form(int(count)), set()).add(bare)
    assert all(len(forms) == 1 for forms in by_category.values()), by_category
    if lang in ("fr", "en", "es"):
        assert by_category["one"] != by_category["other"]
