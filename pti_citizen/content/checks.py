"""Every rule the content must follow before it ships, as one function that lists the problems.

Run by the tests, and by hand: ``python -m pti_citizen.content.checks [--stats]``.
Each problem names its file and, for text rules, the sentence, so that a reviewer can fix it directly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html as html_lib
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from pti_citizen import routes
from pti_citizen.content.figures import KINDS, amounts_held, figures_for
from pti_citizen.content.loader import CONTENT_DIR, build_site, read_content, read_french_names, this_month
from pti_citizen.content.model import SOURCE_LANGUAGE, Document, Glossary, Page, Problem, Site, TextBlock
from pti_citizen.content.readability import (
    MAX_MEAN_WORDS,
    MAX_SENTENCE_WORDS,
    count_words,
    is_url,
    measure,
    split_sentences,
)
from pti_citizen.content.render import GLOSSARY_SECTION, GLOSSARY_SLUG, figure_text, raw_html
from pti_citizen.i18n import LANGUAGES

_WORD_TOKEN = re.compile(r"\w+")


def check_content(root: Path = CONTENT_DIR, today: dt.date | None = None) -> list[Problem]:
    """All problems of the content under ``root``; an empty list means it may ship."""
    return _check(root, today)[0]


def _check(root: Path, today: dt.date | None) -> tuple[list[Problem], Site]:
    today = today or dt.date.today()
    documents, glossaries, problems = read_content(root)
    problems += _future_dates(documents, glossaries.values(), today)
    problems += _same_pages_in_every_language(root, documents)
    problems += _translations_follow_french(documents, glossaries)
    problems += _same_glossary_in_every_language(glossaries)
    problems += _no_raw_html(documents)
    site = build_site(documents, glossaries, this_month(today), read_french_names(root))
    problems += _links(site)
    problems += _no_clash_with_app_routes(site)
    problems += _headings(site)
    problems += _glossary_page(root, site)
    problems += _french_readability(site, glossaries.get(SOURCE_LANGUAGE))
    problems += _french_acronyms_in_glossary(site, glossaries.get(SOURCE_LANGUAGE))
    problems += _figures(documents, site)
    problems += _amounts_written_by_hand(site, today)
    problems += _french_figures_have_a_source(site)
    problems += _unconfirmed_figures_say_so(site)
    return problems, site


def _future_dates(documents: list[Document], glossaries: Iterable[Glossary], today: dt.date) -> list[Problem]:
    dated = [(d.file, d.meta.checked_on, d.meta.source_checked_on) for d in documents]
    dated += [(g.file, g.checked_on, g.source_checked_on) for g in glossaries]
    problems = []
    for file, checked_on, source_checked_on in dated:
        for key, day in (("checked_on", checked_on), ("source_checked_on", source_checked_on)):
            if day is not None and day > today:
                problems.append(Problem(file, f"{key} {day} is in the future (today is {today})", "dates"))
    return problems


def _same_pages_in_every_language(root: Path, documents: list[Document]) -> list[Problem]:
    by_slug: dict[str, dict[str, Document]] = defaultdict(dict)
    for d in documents:
        by_slug[d.slug][d.lang] = d
    problems = []
    for slug, versions in sorted(by_slug.items()):
        for lang in LANGUAGES:
            if lang not in versions:
                file = root / "pages" / lang / f"{slug}.md"
                problems.append(Problem(file, f"page {slug!r} is missing in {lang!r}", "languages"))
        french = versions.get(SOURCE_LANGUAGE)
        if french is None:
            continue
        for d in versions.values():
            for key in ("section", "kind", "order"):
                if getattr(d.meta, key) != getattr(french.meta, key):
                    message = f"{key} {getattr(d.meta, key)!r} differs from the French {getattr(french.meta, key)!r}"
                    problems.append(Problem(d.file, message, "languages"))
            ids, french_ids = [i.id for i in d.meta.checklist], [i.id for i in french.meta.checklist]
            if ids != french_ids:
                message = f"checklist ids {ids} differ from the French {french_ids}"
                problems.append(Problem(d.file, message, "languages"))
    return problems


def _stale(file: Path, followed: dt.date | None, french_checked_on: dt.date, what: str) -> list[Problem]:
    if followed is None or followed == french_checked_on:
        return []
    if followed < french_checked_on:
        message = (
            f"stale translation: it follows the French {what} of {followed}, but the French was checked "
            f"again on {french_checked_on}; update the text, then source_checked_on"
        )
    else:
        message = f"source_checked_on {followed} does not match the French checked_on {french_checked_on}"
    return [Problem(file, message, "translation")]


def _translations_follow_french(documents: list[Document], glossaries: dict[str, Glossary]) -> list[Problem]:
    french = {d.slug: d for d in documents if d.lang == SOURCE_LANGUAGE}
    problems = []
    for d in documents:
        if d.lang != SOURCE_LANGUAGE and d.slug in french:
            problems += _stale(d.file, d.meta.source_checked_on, french[d.slug].meta.checked_on, "page")
    french_glossary = glossaries.get(SOURCE_LANGUAGE)
    if french_glossary is not None:
        for lang, glossary in glossaries.items():
            if lang != SOURCE_LANGUAGE:
                problems += _stale(
                    glossary.file, glossary.source_checked_on, french_glossary.checked_on, "glossary"
                )
    return problems


def _same_glossary_in_every_language(glossaries: dict[str, Glossary]) -> list[Problem]:
    french = glossaries.get(SOURCE_LANGUAGE)
    if french is None:
        return []
    french_ids = {e.id for e in french.entries}
    problems = []
    for lang, glossary in glossaries.items():
        ids = {e.id for e in glossary.entries}
        problems += [
            Problem(glossary.file, f"entry {missing!r} is missing in {lang!r}", "languages")
            for missing in sorted(french_ids - ids)
        ]
        problems += [
            Problem(glossary.file, f"entry {extra!r} is not in the French glossary", "languages")
            for extra in sorted(ids - french_ids)
        ]
    return problems


def _no_raw_html(documents: list[Document]) -> list[Problem]:
    return [
        Problem(d.file, f"raw HTML is not allowed (it would be shown as text): {fragment[:60]!r}", "html")
        for d in documents
        for fragment in raw_html(d.body)
    ]


def _links(site: Site) -> list[Problem]:
    return [
        Problem(
            page.file,
            f"broken link {href!r}: use page:<slug>[#anchor], glossaire:<id>, app:<feature>, "
            f"tel:, mailto: or an https:// address that exists in {page.lang!r}",
            "links",
        )
        for page in site.pages_by_key.values()
        for href in page.broken_links
    ]


def _no_clash_with_app_routes(site: Site) -> list[Problem]:
    """A page of a section served at ``/<lang>/<slug>`` must not take the path of an app feature."""
    route_values = [
        value for name, value in vars(routes).items() if name.isupper() and isinstance(value, str)
    ]
    taken = {value.split("/")[0] for value in route_values if value} | {
        s for s in routes.SECTIONS.values() if s
    }
    return [
        Problem(page.file, f"slug {page.slug!r} is already the path of an app feature or section", "links")
        for page in site.pages_by_key.values()
        if routes.SECTIONS[page.section] == "" and page.slug in taken
    ]


def _headings(site: Site) -> list[Problem]:
    """The UI shows the title as the only h1; body headings start at h2 and never skip a level."""
    problems = []
    for page in site.pages_by_key.values():
        previous = 1
        for heading in page.headings:
            if heading.level > previous + 1 or heading.level == 1:
                message = f"heading « {heading.text} » is level {heading.level} after level {previous}"
                problems.append(Problem(page.file, message, "headings"))
            previous = heading.level
    return problems


def _glossary_page(root: Path, site: Site) -> list[Problem]:
    problems = []
    for lang in LANGUAGES:
        page = site.page(lang, GLOSSARY_SLUG)
        if page is None:
            file = root / "pages" / lang / f"{GLOSSARY_SLUG}.md"
            problems.append(Problem(file, "the glossary page is missing", "languages"))
        elif page.url != routes.path(lang, routes.GLOSSARY):
            problems.append(
                Problem(page.file, f"the glossary page must be in section {GLOSSARY_SECTION!r}", "links")
            )
        else:
            ids = {e.id for e in site.glossary(lang)}
            for heading in page.headings:
                if heading.id in ids:
                    message = f"heading id {heading.id!r} clashes with a glossary entry anchor"
                    problems.append(Problem(page.file, message, "headings"))
    return problems


_DATA = re.compile(r"<data\b[^>]*>.*?</data>", re.S)
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[\s\u00a0\u202f\u200f\u200e]+")
#: « 1 433,72 € », « 6 € », « €1,200.50 », « 1.629,23 € », « 30 % ».
_AMOUNT = re.compile(
    r"(?<![\d.,])(?:€\s?(?P<after>\d{1,3}(?:[,.\s\u00a0\u202f]\d{3})*(?:[.,]\d{1,2})?)"
    r"|(?P<before>\d{1,3}(?:[,.\s\u00a0\u202f]\d{3})*(?:[.,]\d{1,2})?)\s?(?P<unit>€|%))"
)


def hand_written_text(page: Page) -> str:
    """What the page says besides the figures read from the engine (and its summary and checklist)."""
    body = html_lib.unescape(_TAG.sub(" ", _DATA.sub(" ", page.html)))
    return " ".join([page.summary, body, *(item.label for item in page.checklist)])


def figures_in(text: str) -> list[tuple[str, Decimal, str]]:
    """``(as written, value, unit)`` of each amount in € and each percentage of ``text``."""
    found = []
    for match in _AMOUNT.finditer(text):
        digits = match.group("after") or match.group("before")
        unit = "%" if match.group("unit") == "%" else "€"
        written = " ".join(match.group(0).replace("\u202f", " ").replace("\u00a0", " ").split())
        found.append((written, _number(digits), unit))
    return found


def _number(digits: str) -> Decimal:
    digits = _SPACES.sub("", digits)
    last = max(digits.rfind(","), digits.rfind("."))
    if last != -1 and len(digits) - last - 1 in (1, 2):
        whole, cents = digits[:last], digits[last + 1 :]
        return Decimal(re.sub(r"\D", "", whole) + "." + cents)
    return Decimal(re.sub(r"\D", "", digits))


def _squeeze(text: str) -> str:
    return _SPACES.sub("", text).replace("’", "'")


def _figures(documents: list[Document], site: Site) -> list[Problem]:
    """Placeholders that cannot be read, and placeholders outside the body (titles are not rendered)."""
    problems = [
        Problem(page.file, f"figure {{{{ {use.kind}: {use.key} }}}}: {use.problem}", "figures")
        for page in site.pages_by_key.values()
        for use in page.figures
        if use.problem
    ]
    problems += [
        Problem(
            page.file,
            f"cannot read this placeholder (write {{{{ montant: rsa.… }}}}): {text.strip()[:80]!r}",
            "figures",
        )
        for page in site.pages_by_key.values()
        for text in page.stray_braces
    ]
    for d in documents:
        fields = [d.meta.title, d.meta.summary, *(item.label for item in d.meta.checklist)]
        if any("{{" in text for text in fields):
            message = "figures are read in the body only, not in the title, summary or checklist"
            problems.append(Problem(d.file, message, "figures"))
    return problems


def _amounts_written_by_hand(site: Site, today: dt.date) -> list[Problem]:
    """An engine amount typed in a page (in any language) would not follow the next revaluation."""
    known = amounts_held(today)
    problems = []
    for page in site.pages_by_key.values():
        for written, value, unit in figures_in(hand_written_text(page)):
            if unit == "€" and value in known:
                message = (
                    f"the amount {written.strip()!r} is one of the engine's figures: write it as "
                    "{{ montant: <name> }} (python -m pti_citizen.content.checks --figures lists the names) "
                    "so that it follows the revaluation"
                )
                problems.append(Problem(page.file, message, "figures"))
    return problems


def _french_figures_have_a_source(site: Site) -> list[Problem]:
    """Each amount or percentage a French page writes by hand is written in one of its sources too."""
    problems = []
    for page in site.pages(SOURCE_LANGUAGE):
        sourced = " ".join(_squeeze(f"{s.title} {s.ref or ''}") for s in page.sources)
        for written, _, _ in figures_in(hand_written_text(page)):
            if _squeeze(written) not in sourced:
                message = (
                    f"the figure {written.strip()!r} has no source: add the source that gives it, with the figure "
                    "in its title or ref, or read it from the engine with {{ montant: … }}"
                )
                problems.append(Problem(page.file, message, "sources"))
    return problems


def _unconfirmed_figures_say_so(site: Site) -> list[Problem]:
    """A French page showing a figure not confirmed (decree not read, newer revaluation due, not held yet)
    must say « à vérifier » with whom to check."""
    problems = []
    for page in site.pages(SOURCE_LANGUAGE):
        book = figures_for(page.figures_month) if page.figures_month else None
        unconfirmed = sorted(
            {use.key for use in page.figures if book and (f := book.get(use.key)) and f.to_check}
        )
        if unconfirmed and "à vérifier" not in page.plain_text:
            message = f"shows figures not confirmed ({', '.join(unconfirmed)}) without saying « à vérifier »"
            problems.append(Problem(page.file, message, "figures"))
    return problems


def page_blocks(page: Page) -> list[TextBlock]:
    """What a reader reads on the page: the body, then the checklist (rendered as a list)."""
    return [*page.blocks, *(TextBlock("item", item.label) for item in page.checklist)]


def _french_readability(site: Site, glossary: Glossary | None) -> list[Problem]:
    problems = []
    for page in site.pages(SOURCE_LANGUAGE):
        summary = split_sentences(page.summary)
        if len(summary) != 1 or count_words(page.summary) > MAX_SENTENCE_WORDS:
            message = (
                f"the summary must be 1 sentence of at most {MAX_SENTENCE_WORDS} words: « {page.summary} »"
            )
            problems.append(Problem(page.file, message, "readability"))
        problems += _readability_of(page.file, page_blocks(page))
    if glossary is not None:
        blocks = [TextBlock("paragraph", entry.definition) for entry in glossary.entries]
        problems += _readability_of(glossary.file, blocks)
    return problems


def _readability_of(file: Path, blocks: list[TextBlock]) -> list[Problem]:
    measured = measure(blocks)
    problems = [
        Problem(file, f"sentence of {s.words} words (max {MAX_SENTENCE_WORDS}): « {s.text} »", "readability")
        for s in measured.sentences
        if s.words > MAX_SENTENCE_WORDS
    ]
    if measured.mean_words > MAX_MEAN_WORDS:
        longest = measured.longest
        message = (
            f"mean sentence length {measured.mean_words:.1f} words (max {MAX_MEAN_WORDS:.0f}); "
            f"longest: « {longest.text} »"
        )
        problems.append(Problem(file, message, "readability"))
    return problems


def acronyms(text: str) -> set[str]:
    """ALL-CAPS words of 2 letters or more (« RSA », « C2S »), URLs left out."""
    words = " ".join(token for token in text.split() if not is_url(token))
    return {
        token
        for token in _WORD_TOKEN.findall(words)
        if token == token.upper() and sum(c.isalpha() for c in token) >= 2 and "_" not in token
    }


def _french_acronyms_in_glossary(site: Site, glossary: Glossary | None) -> list[Problem]:
    if glossary is None:
        return []
    known = set()
    for entry in glossary.entries:
        for variant in (entry.term, *entry.aliases):
            known |= acronyms(variant)
    problems = []
    texts = [
        (
            page.file,
            [TextBlock("heading", page.title), TextBlock("paragraph", page.summary), *page_blocks(page)],
        )
        for page in site.pages(SOURCE_LANGUAGE)
    ]
    texts.append((glossary.file, [TextBlock("paragraph", e.definition) for e in glossary.entries]))
    for file, blocks in texts:
        reported = set()
        for block in blocks:
            for sentence in split_sentences(block.text):
                for acronym in sorted(acronyms(sentence) - known - reported):
                    reported.add(acronym)
                    message = f"acronym {acronym!r} is not in the glossary: « {sentence} »"
                    problems.append(Problem(file, message, "acronyms"))
    return problems


def readability_report(site: Site, lang: str = SOURCE_LANGUAGE) -> list[tuple[str, int, int, float, int]]:
    """``(slug, sentences, words, mean words per sentence, longest)`` per page, for the figures."""
    rows = []
    for page in site.pages(lang):
        measured = measure(page_blocks(page))
        longest = measured.longest.words if measured.longest else 0
        rows.append((page.slug, len(measured.sentences), measured.words, measured.mean_words, longest))
    return rows


def figure_lines(month: dt.date) -> list[str]:
    """One line per amount or number a page may write in ``month``: placeholder, value in French, sources
    (any of them may also be written ``{{ date: … }}``, the day its value came into force)."""
    book, lines = figures_for(month), []
    for figure in book:
        kind = next((kind for kind, units in KINDS.items() if units and figure.unit in units), None)
        if kind is None:  # a rate: the engine uses it, a page shows the amounts made from it
            continue
        shown = figure_text(book, kind, figure.key, SOURCE_LANGUAGE)[0]
        flag = " [à vérifier]" if figure.to_check else ""
        sources = "; ".join(source.title for source in figure.sources)
        lines.append(f"{{{{ {kind}: {figure.key} }}}}  {shown} ({figure.unit}){flag}  {sources}")
    return lines


def _print_figures(month_text: str) -> int:
    try:
        month = dt.date.fromisoformat(f"{month_text}-01") if month_text else this_month()
    except ValueError:
        print(f"not a month: {month_text!r} (write YYYY-MM)", file=sys.stderr)
        return 2
    lines = figure_lines(month)
    print("\n".join(lines) if lines else f"no figure held for {month:%Y-%m}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the plain-language content before it ships.")
    parser.add_argument("--root", type=Path, default=CONTENT_DIR, help="content folder (pages/, glossary/)")
    parser.add_argument("--stats", action="store_true", help="print pages, words and sentence lengths")
    parser.add_argument(
        "--figures",
        nargs="?",
        const="",
        metavar="YYYY-MM",
        help="only list the figures a page may write, with their value that month (default: this month)",
    )
    args = parser.parse_args(argv)
    if args.figures is not None:
        return _print_figures(args.figures)
    problems, site = _check(args.root, None)
    for problem in problems:
        print(problem)
    if args.stats:
        for lang in LANGUAGES:
            rows = readability_report(site, lang)
            words = sum(row[2] for row in rows)
            print(f"\n[{lang}] {len(rows)} pages, {words} words, {len(site.glossary(lang))} glossary entries")
            for slug, sentences, page_words, mean, longest in rows:
                print(
                    f"  {slug:32s} {sentences:4d} sentences {page_words:5d} words  mean {mean:4.1f}  max {longest}"
                )
    print(f"\n{len(problems)} problem(s)" if problems else "\nContent OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
