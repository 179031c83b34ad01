"""Every shipped catalog is complete (no empty, no fuzzy entry), compiles, and its .mo is up to date."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from pti_citizen.i18n import LANGUAGES, LOCALES_DIR

CATALOGS = sorted(LOCALES_DIR.glob("*/LC_MESSAGES/*.po"))
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def test_every_language_has_every_domain():
    domains = {p.stem for p in LOCALES_DIR.glob("*.pot")}
    assert "messages" in domains
    for lang in LANGUAGES:
        if lang == "fr":
            continue  # French is the source language: msgids are French
        present = {p.stem for p in (LOCALES_DIR / lang / "LC_MESSAGES").glob("*.po")}
        assert domains <= present, f"{lang} lacks {domains - present}"


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_catalog_complete_and_compiled(po_path: Path):
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=po_path.parts[-3])
    pot_path = LOCALES_DIR / f"{po_path.stem}.pot"
    with pot_path.open("rb") as fh:
        template = read_po(fh)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        if not message.string or (isinstance(message.string, tuple) and not all(message.string)):
            problems.append(f"untranslated: {message.id!r}")
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        source = message.id if isinstance(message.id, str) else message.id[0]
        target = message.string if isinstance(message.string, str) else message.string[0]
        if target and set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(target)):
            problems.append(f"placeholders differ: {message.id!r}")
    missing = {m.id for m in template if m.id} - {m.id for m in catalog if m.id}
    problems += [f"not merged from the template: {m!r}" for m in missing]
    assert not problems, "\n".join(problems)

    compiled = io.BytesIO()
    write_mo(compiled, catalog)  # raises if the catalog cannot compile
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} missing: run scripts/i18n.sh compile"
    with mo_path.open("rb") as fh:
        shipped = read_mo(fh)

    def as_key(value):
        return tuple(value) if isinstance(value, (list, tuple)) else value

    shipped_strings = {as_key(m.id): as_key(m.string) for m in shipped if m.id}
    expected = {as_key(m.id): as_key(m.string) for m in catalog if m.id}
    assert shipped_strings == expected, f"{mo_path} is stale: run scripts/i18n.sh compile"
