"""Reading one content file: its front matter (or a glossary file) into typed values, or a list of problems.

Strict on purpose: an unknown key is most often a typo (``checked-on``) that would silently drop a date.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from pti_citizen.content.model import (
    KINDS,
    REVIEW_STATUSES,
    SOURCE_LANGUAGE,
    ChecklistItem,
    Document,
    Glossary,
    GlossaryEntry,
    PageMeta,
    Problem,
    Source,
)
from pti_citizen.content.text import SLUG_PATTERN
from pti_citizen.i18n import LANGUAGES
from pti_citizen.routes import SECTIONS

_REQUIRED_PAGE_KEYS = ("title", "summary", "section", "order", "sources", "checked_on", "review_status")
_OPTIONAL_PAGE_KEYS = ("kind", "checklist", "translation_of", "source_checked_on")
_GLOSSARY_FILE_KEYS = ("checked_on", "review_status", "entries", "translation_of", "source_checked_on")
_GLOSSARY_ENTRY_KEYS = ("id", "term", "aliases", "definition", "sources")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps dates as text, so that ``2026-02-30`` becomes a clear problem, not a crash."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Collector:
    """Gathers the problems of one file so that a reviewer sees all of them at once."""

    def __init__(self, file: Path, check: str):
        self.file = file
        self.check = check  # the rule named by a missing or mistyped key
        self.problems: list[Problem] = []

    def add(self, check: str, message: str) -> None:
        self.problems.append(Problem(self.file, message, check))

    def text(self, data: dict, key: str, where: str = "", *, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.add(self.check, f"{where}missing key '{key}'")
            return None
        if not isinstance(value, str) or not value.strip():
            self.add(self.check, f"{where}'{key}' must be a non-empty text")
            return None
        return value.strip()

    def date(self, data: dict, key: str, *, required: bool = True) -> dt.date | None:
        value = data.get(key)
        if value is None:
            if required:
                self.add("dates", f"missing key '{key}'")
            return None
        text = str(value)
        if not _ISO_DATE.match(text):
            self.add("dates", f"'{key}' must be a date written YYYY-MM-DD, not {text!r}")
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.add("dates", f"'{key}' is not a real date: {text}")
            return None

    def review_status(self, data: dict) -> str | None:
        status = self.text(data, "review_status")
        if status is not None and status not in REVIEW_STATUSES:
            allowed = " | ".join(REVIEW_STATUSES)
            self.add("review-status", f"review_status {status!r} is not one of: {allowed}")
            return None
        return status

    def sources(self, value: Any, where: str = "", *, required: bool = True) -> tuple[Source, ...]:
        if value is None and not required:
            return ()
        if not isinstance(value, list) or not value:
            self.add("sources", f"{where}'sources' must list at least one source (url + title, or ref)")
            return ()
        found = []
        for number, item in enumerate(value, start=1):
            label = f"{where}source {number}: "
            if not isinstance(item, dict):
                self.add("sources", f"{label}must be a mapping with url + title, or ref")
                continue
            unknown = set(item) - {"url", "title", "ref", "lang"}
            if unknown:
                self.add("sources", f"{label}unknown keys {sorted(unknown)}")
            url, ref, title = item.get("url"), item.get("ref"), item.get("title")
            lang = item.get("lang", SOURCE_LANGUAGE)
            if lang not in LANGUAGES:
                self.add("sources", f"{label}lang must be one of {list(LANGUAGES)}, not {lang!r}")
                continue
            if url is None and ref is None:
                self.add("sources", f"{label}needs a 'url' or a 'ref'")
                continue
            if url is not None and (not isinstance(url, str) or not url.startswith("https://")):
                self.add("sources", f"{label}url must start with https://, not {url!r}")
                continue
            if ref is not None and (not isinstance(ref, str) or not ref.strip()):
                self.add("sources", f"{label}'ref' must be a non-empty text")
                continue
            if title is not None and (not isinstance(title, str) or not title.strip()):
                self.add("sources", f"{label}'title' must be a non-empty text")
                continue
            if url is not None and title is None:
                self.add("sources", f"{label}a url needs a short 'title'")
                continue
            found.append(
                Source(title=(title or ref).strip(), url=url, ref=ref.strip() if ref else None, lang=lang)
            )
        return tuple(found)

    def translation(self, data: dict, lang: str) -> tuple[str | None, dt.date | None]:
        if lang == SOURCE_LANGUAGE:
            for key in ("translation_of", "source_checked_on"):
                if key in data:
                    self.add("translation", f"'{key}' is only for translations; French is the source")
            return None, None
        translation_of = data.get("translation_of")
        if translation_of != SOURCE_LANGUAGE:
            self.add("translation", f"a translation must say 'translation_of: {SOURCE_LANGUAGE}'")
        return translation_of, self.date(data, "source_checked_on")


def split_front_matter(text: str) -> tuple[str, str] | None:
    """``(yaml, markdown)`` or ``None`` when the file does not start with a ``---`` block."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    if end == -1:
        if text.endswith("\n---"):
            return text[4:-4], ""
        return None
    return text[4:end], text[end + 5 :]


def _load_yaml(text: str, collector: _Collector) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        collector.add("front-matter", f"YAML cannot be read: {error}")
        return None


def read_document(file: Path, lang: str) -> tuple[Document | None, list[Problem]]:
    """A page file → its document, or ``None`` and the reasons."""
    collector = _Collector(file, "front-matter")
    slug = file.stem
    if not SLUG_PATTERN.match(slug):
        collector.add("front-matter", f"file name {slug!r} must be lowercase words joined by hyphens")
    parts = split_front_matter(file.read_text(encoding="utf-8"))
    if parts is None:
        collector.add("front-matter", "the file must start with a front matter between two '---' lines")
        return None, collector.problems
    data = _load_yaml(parts[0], collector)
    if data is None:
        if not collector.problems:
            collector.add("front-matter", "the front matter is empty")
        return None, collector.problems
    if not isinstance(data, dict):
        collector.add("front-matter", "the front matter must be a mapping of keys")
        return None, collector.problems
    meta = _page_meta(data, lang, collector)
    if collector.problems or meta is None:
        return None, collector.problems
    return Document(lang=lang, slug=slug, file=file, meta=meta, body=parts[1]), []


def _page_meta(data: dict, lang: str, c: _Collector) -> PageMeta | None:
    unknown = set(data) - set(_REQUIRED_PAGE_KEYS) - set(_OPTIONAL_PAGE_KEYS)
    if unknown:
        c.add("front-matter", f"unknown keys {sorted(unknown)}")
    title, summary = c.text(data, "title"), c.text(data, "summary")
    section = c.text(data, "section")
    if section is not None and section not in SECTIONS:
        c.add("front-matter", f"section {section!r} is not one of {sorted(SECTIONS)}")
    order = data.get("order")
    if order is None:
        c.add("front-matter", "missing key 'order'")
    elif not isinstance(order, int) or isinstance(order, bool):
        c.add("front-matter", f"'order' must be a whole number, not {order!r}")
    sources = c.sources(data.get("sources"))
    checked_on = c.date(data, "checked_on")
    status = c.review_status(data)
    kind = data.get("kind", "page")
    if kind not in KINDS:
        c.add("front-matter", f"kind {kind!r} is not one of {list(KINDS)}")
    elif kind == "guide" and section != "demarches":
        c.add("front-matter", "a guide belongs to the section 'demarches'")
    checklist = _checklist(data.get("checklist"), kind, c)
    translation_of, source_checked_on = c.translation(data, lang)
    if c.problems:
        return None
    return PageMeta(
        title=title,
        summary=summary,
        section=section,
        order=order,
        sources=sources,
        checked_on=checked_on,
        review_status=status,
        kind=kind,
        checklist=checklist,
        translation_of=translation_of,
        source_checked_on=source_checked_on,
    )


def _checklist(value: Any, kind: str, c: _Collector) -> tuple[ChecklistItem, ...]:
    if value is None:
        return ()
    if kind != "guide":
        c.add("front-matter", "'checklist' is only for pages with 'kind: guide'")
        return ()
    if not isinstance(value, list):
        c.add("front-matter", "'checklist' must be a list of {id, label}")
        return ()
    items, seen = [], set()
    for number, item in enumerate(value, start=1):
        where = f"checklist item {number}: "
        if not isinstance(item, dict) or set(item) != {"id", "label"}:
            c.add("front-matter", f"{where}must have exactly the keys 'id' and 'label'")
            continue
        item_id, label = c.text(item, "id", where), c.text(item, "label", where)
        if item_id is None or label is None:
            continue
        if not SLUG_PATTERN.match(item_id):
            c.add("front-matter", f"{where}id {item_id!r} must be lowercase words joined by hyphens")
        elif item_id in seen:
            c.add("front-matter", f"{where}id {item_id!r} is used twice")
        seen.add(item_id)
        items.append(ChecklistItem(id=item_id, label=label))
    return tuple(items)


def read_glossary(file: Path, lang: str) -> tuple[Glossary | None, list[Problem]]:
    """A ``glossary/<lang>.yaml`` file → its glossary, or ``None`` and the reasons."""
    c = _Collector(file, "glossary")
    data = _load_yaml(file.read_text(encoding="utf-8"), c)
    if not isinstance(data, dict):
        if not c.problems:
            c.add("glossary", "the glossary must be a mapping with checked_on, review_status and entries")
        return None, c.problems
    unknown = set(data) - set(_GLOSSARY_FILE_KEYS)
    if unknown:
        c.add("glossary", f"unknown keys {sorted(unknown)}")
    checked_on = c.date(data, "checked_on")
    status = c.review_status(data)
    translation_of, source_checked_on = c.translation(data, lang)
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        c.add("glossary", "'entries' must list at least one entry")
        raw_entries = []
    entries, seen = [], set()
    for number, raw in enumerate(raw_entries, start=1):
        entry = _glossary_entry(raw, number, c)
        if entry is None:
            continue
        if entry.id in seen:
            c.add("glossary", f"entry id {entry.id!r} is used twice")
        seen.add(entry.id)
        entries.append(entry)
    if c.problems:
        return None, c.problems
    glossary = Glossary(
        lang=lang,
        file=file,
        checked_on=checked_on,
        review_status=status,
        entries=tuple(entries),
        translation_of=translation_of,
        source_checked_on=source_checked_on,
    )
    return glossary, []


def _glossary_entry(raw: Any, number: int, c: _Collector) -> GlossaryEntry | None:
    if not isinstance(raw, dict):
        c.add("glossary", f"entry {number} must be a mapping")
        return None
    where = f"entry {raw.get('id', number)}: "
    before = len(c.problems)
    unknown = set(raw) - set(_GLOSSARY_ENTRY_KEYS)
    if unknown:
        c.add("glossary", f"{where}unknown keys {sorted(unknown)}")
    entry_id = c.text(raw, "id", where)
    if entry_id is not None and not SLUG_PATTERN.match(entry_id):
        c.add("glossary", f"{where}id must be lowercase words joined by hyphens")
    term, definition = c.text(raw, "term", where), c.text(raw, "definition", where)
    aliases = raw.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        c.add("glossary", f"{where}'aliases' must be a list of texts")
        aliases = []
    sources = c.sources(raw.get("sources"), where, required=False)
    if len(c.problems) > before:
        return None
    return GlossaryEntry(
        id=entry_id,
        term=term,
        definition=" ".join(definition.split()),
        aliases=tuple(a.strip() for a in aliases),
        sources=sources,
    )
