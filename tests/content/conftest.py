"""Content folders built in tmp_path: a tiny hand-written site, and copies of the shipped content to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pti_citizen.content.loader import CONTENT_DIR
from pti_citizen.i18n import LANGUAGES

CHECKED_ON = "2026-11-01"


def write_page(root: Path, lang: str, slug: str, meta: dict, body: str) -> Path:
    file = root / "pages" / lang / f"{slug}.md"
    file.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    file.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return file


def page_meta(lang: str, title: str, section: str = "droits", order: int = 10, **extra) -> dict:
    meta = {
        "title": title,
        "summary": "Une phrase courte qui dit de quoi parle la page.",
        "section": section,
        "order": order,
        "sources": [{"url": "https://www.service-public.fr/particuliers/vosdroits/F19778", "title": "RSA"}],
        "checked_on": CHECKED_ON,
        "review_status": "draft",
    }
    if lang != "fr":
        meta |= {"translation_of": "fr", "source_checked_on": CHECKED_ON}
    return meta | extra


GLOSSARY_ENTRIES = [
    {
        "id": "rsa",
        "term": "RSA",
        "aliases": ["revenu de solidarité active"],
        "definition": "Une aide en argent.",
    },
    {
        "id": "caf",
        "term": "CAF",
        "aliases": ["Caisse d'allocations familiales"],
        "definition": "Elle paie le RSA.",
    },
    {"id": "rsa-majore", "term": "RSA majoré", "definition": "Un RSA plus élevé pour un parent seul."},
    {"id": "referent-unique", "term": "référent unique", "definition": "La personne qui vous suit."},
]

#: A body that uses every kind of link and glossary situation the renderer must handle.
RIGHTS_BODY = """\
## Qui paie le RSA ?

Le RSA est payé par le Département. La CAF fait les calculs.
Votre référent unique vous aide. Le RSA majoré existe aussi.

- [Estimer mon RSA](app:simulateur)
- [La CAF](https://www.caf.fr) explique le RSA.
- [Les mots du RSA](page:mots-du-rsa)
- [Le mot CAF](glossaire:caf)

## Référent unique

Encore la CAF et le référent unique.
"""


def write_glossary(root: Path, lang: str, entries: list[dict] | None = None) -> Path:
    data = {"checked_on": CHECKED_ON, "review_status": "draft"}
    if lang != "fr":
        data |= {"translation_of": "fr", "source_checked_on": CHECKED_ON}
    data["entries"] = entries if entries is not None else GLOSSARY_ENTRIES
    file = root / "glossary" / f"{lang}.yaml"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return file


@pytest.fixture
def mini_content(tmp_path: Path) -> Path:
    """Two pages and a glossary page in every language (same French text: only structure matters here)."""
    root = tmp_path / "content"
    for lang in LANGUAGES:
        write_glossary(root, lang)
        write_page(
            root, lang, "mots-du-rsa", page_meta(lang, "Les mots du RSA", order=99), "Les mots à connaître.\n"
        )
        write_page(
            root, lang, "rsa-c-est-quoi", page_meta(lang, "Le RSA, c'est quoi ?", order=10), RIGHTS_BODY
        )
        write_page(
            root,
            lang,
            "contact",
            page_meta(lang, "Contact", section="info", order=5),
            "Appelez votre Maison des solidarités.\n",
        )
    return root


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A copy of the shipped content, to break one rule at a time."""
    root = tmp_path / "content"
    for folder in ("pages", "glossary"):
        shutil.copytree(CONTENT_DIR / folder, root / folder)
    return root
