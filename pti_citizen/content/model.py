"""The shapes of reviewed content: what the UI reads, and what the checks report.

Frozen dataclasses so that a loaded site can be cached and shared between requests safely.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from pathlib import Path

from pti_citizen.content.text import strip_accents
from pti_citizen.french_text import TextPart
from pti_citizen.routes import SECTIONS

#: Review states, from the least to the most reviewed. Only texts checked with readers may claim the last one.
REVIEW_STATUSES = ("draft", "relu par l'équipe", "validé avec des allocataires")
KINDS = ("page", "guide")
SOURCE_LANGUAGE = "fr"


@dataclass(frozen=True)
class Problem:
    """One thing a reviewer must fix, with the file it is in; ``check`` names the rule that failed."""

    file: Path
    message: str
    check: str

    def __str__(self) -> str:
        return f"{self.file}: [{self.check}] {self.message}"


class ContentError(Exception):
    """The content cannot be loaded; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Source:
    """A web page (``url`` + ``title``) or a legal reference (``ref``) that backs the facts of a page.

    ``lang``: the language of the title (our sources are French; a voice reads them in French).
    """

    title: str
    url: str | None = None
    ref: str | None = None
    lang: str = SOURCE_LANGUAGE


@dataclass(frozen=True)
class ChecklistItem:
    """A document to prepare; ``id`` is the same in every language so ticks survive a language switch."""

    id: str
    label: str


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str


@dataclass(frozen=True)
class TextBlock:
    """A heading, paragraph or list item as plain text: the unit of reading aloud and of readability."""

    kind: str  # "heading" | "paragraph" | "item"
    text: str


@dataclass(frozen=True)
class PageMeta:
    title: str
    summary: str
    section: str
    order: int
    sources: tuple[Source, ...]
    checked_on: dt.date
    review_status: str
    kind: str = "page"
    checklist: tuple[ChecklistItem, ...] = ()
    translation_of: str | None = None
    source_checked_on: dt.date | None = None


def meta_values(meta: PageMeta) -> dict:
    """The front-matter fields of ``meta`` as keyword arguments (no deep copy, unlike ``asdict``)."""
    return {f.name: getattr(meta, f.name) for f in fields(PageMeta)}


@dataclass(frozen=True)
class Document:
    """A content file once its front matter is valid, before rendering."""

    lang: str
    slug: str
    file: Path
    meta: PageMeta
    body: str


@dataclass(frozen=True, kw_only=True)
class Page(PageMeta):
    """A page as the UI shows it: its front matter plus where it lives and what it renders to."""

    lang: str
    slug: str
    file: Path
    url: str
    html: str
    plain_text: str
    headings: tuple[Heading, ...]
    blocks: tuple[TextBlock, ...]
    #: Internal links the renderer could not resolve (rendered as plain text); the checks report them.
    broken_links: tuple[str, ...] = ()
    #: The placeholders of the body (``{{ montant: rsa.… }}``), with their problems; the checks report them.
    figures: tuple = ()
    #: ``{{``/``}}`` the renderer could not read as a placeholder; the checks report them.
    stray_braces: tuple[str, ...] = ()
    #: The month whose figures the page shows.
    figures_month: dt.date | None = None


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Glossary:
    """One language's glossary file: its entries and the dates that tie a translation to the French."""

    lang: str
    file: Path
    checked_on: dt.date
    review_status: str
    entries: tuple[GlossaryEntry, ...]
    translation_of: str | None = None
    source_checked_on: dt.date | None = None


@dataclass
class Site:
    """Every page and glossary of every language, rendered once and then only read."""

    pages_by_key: dict[tuple[str, str], Page] = field(default_factory=dict)
    glossaries: dict[str, Glossary] = field(default_factory=dict)
    #: Per language, how to cut a text into parts with its French names marked (see ``parts``).
    french_names: dict = field(default_factory=dict)

    def parts(self, lang: str, text: str) -> tuple[TextPart, ...]:
        """``text`` (a title, a summary, a glossary definition) cut so that French names carry ``lang``."""
        names = self.french_names.get(lang)
        return names.parts(text) if names is not None else (TextPart(text),)

    def pages(self, lang: str, section: str | None = None) -> list[Page]:
        """Pages of one language (optionally one section): sections in menu order, then each index's order."""
        found = [
            p
            for (page_lang, _), p in self.pages_by_key.items()
            if page_lang == lang and section in (None, p.section)
        ]
        sections = list(SECTIONS)
        return sorted(found, key=lambda p: (sections.index(p.section), p.order, p.slug))

    def page(self, lang: str, slug: str) -> Page | None:
        """The page, or ``None`` so that the UI can answer « page introuvable »."""
        return self.pages_by_key.get((lang, slug))

    def slugs(self, lang: str) -> set[str]:
        return {slug for page_lang, slug in self.pages_by_key if page_lang == lang}

    def glossary(self, lang: str) -> list[GlossaryEntry]:
        """Entries in alphabetical order of their term (accents ignored), for the « Les mots du RSA » page."""
        glossary = self.glossaries.get(lang)
        if glossary is None:
            return []
        return sorted(glossary.entries, key=lambda e: _sort_key(e.term))


def _sort_key(text: str) -> str:
    return strip_accents(text.casefold())
