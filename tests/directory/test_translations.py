"""The ``directory`` gettext domain is complete in en, es and ar, not fuzzy, and compiled."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from pti_citizen.i18n import LOCALES_DIR, TRANSLATIONS

PACKAGE = Path(__file__).resolve().parents[2] / "pti_citizen" / "directory"
KEYWORDS = {"_": None, "N_": None, "_n": (1, 2)}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _msgids_in_code() -> set:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(PACKAGE, keywords=KEYWORDS):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def _catalog(lang: str):
    with (LOCALES_DIR / lang / "LC_MESSAGES" / "directory.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def _key(message):
    return message.id if isinstance(message.id, str) else tuple(message.id)


def _strings(message) -> tuple:
    return tuple(message.string) if isinstance(message.string, list | tuple) else (message.string,)


def test_template_is_up_to_date():
    with (LOCALES_DIR / "directory.pot").open("rb") as handle:
        template = {_key(m) for m in read_po(handle) if m.id}
    assert template == _msgids_in_code()


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_catalog_complete_not_fuzzy_placeholders_kept(lang):
    catalog = _catalog(lang)
    messages = {_key(m): m for m in catalog if m.id}
    assert set(messages) == _msgids_in_code()
    for key, message in messages.items():
        assert not message.fuzzy, key
        strings = _strings(message)
        if isinstance(key, tuple):
            assert len(strings) == catalog.num_plurals, key
        assert strings and all(s.strip() for s in strings), key
        source = key if isinstance(key, str) else key[-1]
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == set(PLACEHOLDER.findall(source)), (key, string)
    assert not list(catalog.check())  # babel's own python-format checks


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_compiled_catalog_matches_the_po(lang):
    catalog = _catalog(lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)  # compiles without error
    with (LOCALES_DIR / lang / "LC_MESSAGES" / "directory.mo").open("rb") as handle:
        shipped = {_key(m): _strings(m) for m in read_mo(handle) if m.id}
    assert shipped == {_key(m): _strings(m) for m in catalog if m.id}


def test_arabic_has_its_six_plural_forms():
    assert _catalog("ar").num_plurals == 6
