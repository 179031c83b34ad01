"""The ``simulator`` gettext domain: every en/es/ar entry translated, not fuzzy, and compiled."""

from __future__ import annotations

import io
import string

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from pti_citizen.i18n import LOCALES_DIR
from pti_citizen.simulator.explanation import all_msgids
from pti_citizen.simulator.validation import MESSAGES

TRANSLATED = ("en", "es", "ar")


def catalog(lang: str):
    with (LOCALES_DIR / lang / "LC_MESSAGES" / "simulator.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _key(value):
    return tuple(value) if isinstance(value, (list, tuple)) else value


def source_messages() -> set[str]:
    return set(all_msgids()) | set(MESSAGES.values())


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_entry_is_translated_and_not_fuzzy(lang):
    for message in catalog(lang):
        if not message.id:
            continue
        assert not message.fuzzy, message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(text.strip() for text in strings), message.id


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_source_sentence_is_in_the_catalog(lang):
    ids = set()
    for message in catalog(lang):
        if message.id:
            ids.update(message.id if isinstance(message.id, tuple) else (message.id,))
    assert source_messages() <= ids
    assert not ids - source_messages(), "obsolete entries: run pybabel update"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_placeholders(lang):
    for message in catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(placeholders(text) for text in ids))
        for text in strings:
            found = placeholders(text)
            assert found <= expected, (message.id, text)
            # A plural form may spell the number out ("one child"); every other value must be shown.
            assert expected - {"n"} <= found, (message.id, text)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogs_compile_and_the_mo_files_are_up_to_date(lang):
    po = catalog(lang)
    buffer = io.BytesIO()
    write_mo(buffer, po)
    with (LOCALES_DIR / lang / "LC_MESSAGES" / "simulator.mo").open("rb") as handle:
        committed = read_mo(handle)
    compiled = {_key(message.id): _key(message.string) for message in po if message.id}
    shipped = {_key(message.id): _key(message.string) for message in committed if message.id}
    assert shipped == compiled, "run: pybabel compile -d locales -D simulator"
