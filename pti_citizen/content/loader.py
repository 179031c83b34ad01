"""Reading the content folder into a rendered ``Site``: once per process, then shared by every request."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pti_citizen import routes
from pti_citizen.content.model import ContentError, Document, Glossary, Page, Problem, Site
from pti_citizen.content.render import (
    GLOSSARY_SECTION,
    GLOSSARY_SLUG,
    GlossaryLinker,
    LinkTargets,
    prepare,
    render,
)
from pti_citizen.content.schema import read_document, read_glossary
from pti_citizen.i18n import LANGUAGES

CONTENT_DIR = Path(__file__).resolve().parent


def read_content(root: Path = CONTENT_DIR) -> tuple[list[Document], dict[str, Glossary], list[Problem]]:
    """Every valid page and glossary under ``root``, and the problems of the files that are not valid."""
    documents: list[Document] = []
    glossaries: dict[str, Glossary] = {}
    problems: list[Problem] = []
    pages_dir = root / "pages"
    for lang_dir in sorted(p for p in pages_dir.iterdir() if p.is_dir()) if pages_dir.is_dir() else []:
        if lang_dir.name not in LANGUAGES:
            problems.append(
                Problem(lang_dir, f"unknown language folder; expected one of {list(LANGUAGES)}", "languages")
            )
            continue
        for file in sorted(lang_dir.glob("*.md")):
            document, found = read_document(file, lang_dir.name)
            problems += found
            if document is not None:
                documents.append(document)
    for lang in LANGUAGES:
        file = root / "glossary" / f"{lang}.yaml"
        if not file.is_file():
            problems.append(Problem(file, "the glossary of this language is missing", "languages"))
            continue
        glossary, found = read_glossary(file, lang)
        problems += found
        if glossary is not None:
            glossaries[lang] = glossary
    return documents, glossaries, problems


def build_site(documents: list[Document], glossaries: dict[str, Glossary]) -> Site:
    """Render every page; links are resolved against all pages, so every page is prepared first."""
    prepared = {(d.lang, d.slug): prepare(d.body) for d in documents}
    targets = LinkTargets()
    for d in documents:
        targets.sections.setdefault(d.lang, {})[d.slug] = d.meta.section
        targets.anchors[(d.lang, d.slug)] = prepared[(d.lang, d.slug)].anchors
    for lang, glossary in glossaries.items():
        targets.glossary_ids[lang] = {entry.id for entry in glossary.entries}
    linkers = {lang: GlossaryLinker(lang, glossary.entries) for lang, glossary in glossaries.items()}
    site = Site(glossaries=dict(glossaries))
    for d in documents:
        is_glossary_page = d.slug == GLOSSARY_SLUG and d.meta.section == GLOSSARY_SECTION
        rendered = render(
            prepared[(d.lang, d.slug)], d.lang, targets, None if is_glossary_page else linkers.get(d.lang)
        )
        meta = d.meta
        site.pages_by_key[(d.lang, d.slug)] = Page(
            lang=d.lang,
            slug=d.slug,
            file=d.file,
            url=routes.content_page(d.lang, meta.section, d.slug),
            title=meta.title,
            summary=meta.summary,
            section=meta.section,
            order=meta.order,
            sources=meta.sources,
            checked_on=meta.checked_on,
            review_status=meta.review_status,
            kind=meta.kind,
            checklist=meta.checklist,
            translation_of=meta.translation_of,
            source_checked_on=meta.source_checked_on,
            html=rendered.html,
            plain_text=rendered.plain_text,
            headings=prepared[(d.lang, d.slug)].headings,
            blocks=rendered.blocks,
            broken_links=rendered.broken_links,
        )
    return site


@cache
def load_site(root: Path = CONTENT_DIR) -> Site:
    """The rendered site (cached). Raises ``ContentError`` when a file cannot be read as content."""
    documents, glossaries, problems = read_content(root)
    if problems:
        raise ContentError(problems)
    return build_site(documents, glossaries)
