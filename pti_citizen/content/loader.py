"""Reading the content folder into a rendered ``Site``: once per process and month, then shared by every
request (the month picks the figures in force: a page shows the amounts of the month it is served in)."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import yaml

from pti_citizen import routes
from pti_citizen.content.figures import FigureBook, figures_for
from pti_citizen.content.model import (
    SOURCE_LANGUAGE,
    ContentError,
    Document,
    Glossary,
    Page,
    Problem,
    Site,
    Source,
    meta_values,
)
from pti_citizen.content.render import (
    GLOSSARY_SECTION,
    GLOSSARY_SLUG,
    FrenchNames,
    GlossaryLinker,
    LinkTargets,
    prepare,
    render,
)
from pti_citizen.content.schema import read_document, read_glossary
from pti_citizen.i18n import LANGUAGES

CONTENT_DIR = Path(__file__).resolve().parent
#: French names kept as they are inside en/es/ar texts (besides the French glossary's words).
FRENCH_NAMES_FILE = "french_names.yaml"


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


def read_french_names(root: Path = CONTENT_DIR) -> tuple[str, ...]:
    """The names of ``french_names.yaml`` (an absent file means none)."""
    file = root / FRENCH_NAMES_FILE
    if not file.is_file():
        return ()
    data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    return tuple(str(name) for name in data.get("names", []) if str(name).strip())


def french_names_of(glossaries: dict[str, Glossary], extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Every way the French glossary writes its words, and the extra names."""
    french = glossaries.get(SOURCE_LANGUAGE)
    words = [v for e in french.entries for v in (e.term, *e.aliases)] if french else []
    return (*words, *extra)


def this_month(today: dt.date | None = None) -> dt.date:
    return (today or dt.date.today()).replace(day=1)


def _with_figure_sources(
    sources: tuple[Source, ...], book: FigureBook, keys: list[str]
) -> tuple[Source, ...]:
    """The page's sources, then the engine's sources of the figures it shows (each place once)."""
    out, places = list(sources), {s.url or s.ref or s.title for s in sources}
    for key in keys:
        figure = book.get(key)
        for source in figure.sources if figure else ():
            place = source.url or source.ref or source.title
            if place not in places:
                places.add(place)
                out.append(source)
    return tuple(out)


def build_site(
    documents: list[Document],
    glossaries: dict[str, Glossary],
    month: dt.date | None = None,
    french_names: tuple[str, ...] = (),
    figures: FigureBook | None = None,
) -> Site:
    """Render every page; links are resolved against all pages, so every page is prepared first.

    ``month``: whose figures the pages show (default: this month); ``french_names``: names to mark
    ``lang="fr"`` in en/es/ar pages besides the French glossary's words; ``figures``: another book of
    figures than the engine's for that month (tests of a revaluation).
    """
    book = figures or figures_for(this_month(month))
    names = french_names_of(glossaries, french_names)
    markers = {lang: FrenchNames(lang, names) for lang in LANGUAGES if lang != SOURCE_LANGUAGE}
    prepared = {(d.lang, d.slug): prepare(d.body) for d in documents}
    targets = LinkTargets()
    for d in documents:
        targets.sections.setdefault(d.lang, {})[d.slug] = d.meta.section
        targets.anchors[(d.lang, d.slug)] = prepared[(d.lang, d.slug)].anchors
    for lang, glossary in glossaries.items():
        targets.glossary_ids[lang] = {entry.id for entry in glossary.entries}
    linkers = {lang: GlossaryLinker(lang, glossary.entries) for lang, glossary in glossaries.items()}
    site = Site(glossaries=dict(glossaries), french_names=markers)
    for d in documents:
        is_glossary_page = d.slug == GLOSSARY_SLUG and d.meta.section == GLOSSARY_SECTION
        rendered = render(
            prepared[(d.lang, d.slug)],
            d.lang,
            targets,
            None if is_glossary_page else linkers.get(d.lang),
            figures=book,
            french=markers.get(d.lang),
        )
        meta = meta_values(d.meta)
        meta["sources"] = _with_figure_sources(d.meta.sources, book, [f.key for f in rendered.figures])
        site.pages_by_key[(d.lang, d.slug)] = Page(
            **meta,
            lang=d.lang,
            slug=d.slug,
            file=d.file,
            url=routes.content_page(d.lang, d.meta.section, d.slug),
            html=rendered.html,
            plain_text=rendered.plain_text,
            headings=prepared[(d.lang, d.slug)].headings,
            blocks=rendered.blocks,
            broken_links=rendered.broken_links,
            figures=rendered.figures,
            stray_braces=rendered.stray_braces,
            figures_month=book.month,
        )
    return site


def load_site(root: Path = CONTENT_DIR, month: dt.date | None = None) -> Site:
    """The rendered site for ``month`` (default: this month), cached per month: after 1 April the pages
    show the new amounts. Raises ``ContentError`` when a file cannot be read as content."""
    return _load_site(root, this_month(month))


@cache
def _load_site(root: Path, month: dt.date) -> Site:
    documents, glossaries, problems = read_content(root)
    if problems:
        raise ContentError(problems)
    return build_site(documents, glossaries, month, read_french_names(root))
