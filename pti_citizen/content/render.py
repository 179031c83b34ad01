"""Markdown → safe HTML for one language: internal links resolved with routes.py, glossary terms linked,
figures read from the engine, French names marked for voices.

Raw HTML is never passed through (markdown-it runs with ``html: False``), so a content file cannot inject
markup. Internal links use schemes (``page:``, ``glossaire:``, ``app:``) so that no file hard-codes a path.
Figures are written ``{{ montant: rsa.montant_forfaitaire }}`` and rendered as
``<data value="651.69" data-figure="rsa.montant_forfaitaire">651,69 €</data>`` in the reader's language.
In en/es/ar pages, French names (the French glossary's words, ``french_names.yaml``; in Arabic every run of
Latin letters) are marked ``lang="fr"`` so that a voice reads them in French, and isolated in right-to-left
pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pti_citizen import routes
from pti_citizen.content.figures import KINDS, FigureBook
from pti_citizen.content.model import GlossaryEntry, Heading, TextBlock
from pti_citizen.content.text import slugify
from pti_citizen.french_text import TextPart, french_parts, french_spans, names_pattern, quotes_held
from pti_citizen.i18n import N_, format_date, format_euros, format_number, gettext_for, text_direction

_MD = MarkdownIt("commonmark", {"html": False})
#: Only used to find raw HTML in a file, so the checks can name it; never to render.
_MD_FINDING_HTML = MarkdownIt("commonmark", {"html": True})

#: ``app:<name>`` targets → route of the app feature.
APP_TARGETS: dict[str, str] = {
    "simulateur": routes.SIMULATOR,
    "trouver-une-mds": routes.LOCATOR,
    "se-deplacer-se-soigner": routes.OFFERS,
    "mode": routes.WAY_OF_USE,
}
GLOSSARY_SECTION_SEGMENT, GLOSSARY_SLUG = routes.GLOSSARY.rsplit("/", 1)
GLOSSARY_SECTION = next(
    key for key, segment in routes.SECTIONS.items() if segment == GLOSSARY_SECTION_SEGMENT
)

_EXPLICIT_ID = re.compile(r"\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$")

# French typography: no line break before « ? ! : ; » % € », after « «, or inside « 1 433,72 »; on a
# 320 px screen a lone « ? » or « € » at the start of a line is hard to read.
_FRENCH_NO_BREAK = re.compile(r" (?=[?!:;»%€])|(?<=«) |(?<=\d) (?=\d{3}(?!\d))")
NO_BREAK_SPACE = "\u00a0"


@dataclass
class Prepared:
    """A parsed body whose headings already have their ids (other pages' links may point at them).

    ``render`` rewrites the tokens in place: render each ``Prepared`` once.
    """

    tokens: list[Token]
    headings: tuple[Heading, ...]

    @property
    def anchors(self) -> set[str]:
        return {h.id for h in self.headings}


def prepare(body: str) -> Prepared:
    """Parse, and give each heading a stable id: ``{#id}`` written after it, or one made from its text."""
    tokens = _MD.parse(body)
    headings, used = [], set()
    for position, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[position + 1]
        explicit = _EXPLICIT_ID.search(inline.content)
        if explicit:
            inline.content = inline.content[: explicit.start()]
            last = inline.children[-1] if inline.children else None
            if last is not None and last.type == "text":
                last.content = _EXPLICIT_ID.sub("", last.content)
            anchor = explicit.group(1)
        else:
            anchor = slugify(inline.content) or f"section-{len(headings) + 1}"
        base, number = anchor, 2
        while anchor in used:
            anchor, number = f"{base}-{number}", number + 1
        used.add(anchor)
        token.attrSet("id", anchor)
        headings.append(Heading(level=int(token.tag[1]), id=anchor, text=inline.content.strip()))
    return Prepared(tokens=tokens, headings=tuple(headings))


def raw_html(body: str) -> list[str]:
    """The raw HTML fragments of a body (which the renderer would show as text)."""
    found = []
    for token in _MD_FINDING_HTML.parse(body):
        if token.type == "html_block":
            found.append(token.content.strip())
        found += [child.content for child in token.children or [] if child.type == "html_inline"]
    return found


@dataclass
class LinkTargets:
    """What internal links may point at, per language: page sections, heading anchors, glossary ids."""

    sections: dict[str, dict[str, str]] = field(default_factory=dict)
    anchors: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    glossary_ids: dict[str, set[str]] = field(default_factory=dict)

    def resolve(self, href: str, lang: str, own_anchors: set[str]) -> tuple[str | None, bool]:
        """``(url, external)``; ``url`` is ``None`` for a broken or forbidden link."""
        if href.startswith("#"):
            return (href if href[1:] in own_anchors else None), False
        if href.startswith("https://"):
            return href, True
        scheme, _, rest = href.partition(":")
        if scheme in ("tel", "mailto") and rest:
            return href, False
        if scheme == "page":
            slug, _, anchor = rest.partition("#")
            section = self.sections.get(lang, {}).get(slug)
            if section is None or (anchor and anchor not in self.anchors.get((lang, slug), set())):
                return None, False
            url = routes.content_page(lang, section, slug)
            return (f"{url}#{anchor}" if anchor else url), False
        if scheme == "glossaire":
            if rest in self.glossary_ids.get(lang, set()):
                return f"{routes.path(lang, routes.GLOSSARY)}#{rest}", False
            return None, False
        if scheme == "app" and rest in APP_TARGETS:
            return routes.path(lang, APP_TARGETS[rest]), False
        return None, False


class GlossaryLinker:
    """Finds glossary terms in running text: acronyms (no lowercase) match exactly, words in any case."""

    def __init__(self, lang: str, entries: tuple[GlossaryEntry, ...] | list[GlossaryEntry]):
        self.lang = lang
        self._exact: dict[str, str] = {}
        self._folded: dict[str, str] = {}
        patterns = []
        variants = [(variant, entry.id) for entry in entries for variant in (entry.term, *entry.aliases)]
        for variant, entry_id in sorted(variants, key=lambda v: -len(v[0])):
            key = _normalize_apostrophes(variant)
            body = re.escape(key).replace("'", "['’]").replace(r"\ ", r"\s+")
            if lang == "ar" and _ARABIC_LETTER.match(key):
                # Arabic has no case: « upper() == key » would take every word for an acronym.
                self._folded.setdefault(_squash(key).casefold(), entry_id)
                patterns.append(_arabic_with_proclitics(key, body))
            elif key.upper() == key:
                self._exact.setdefault(_squash(key), entry_id)
                patterns.append(body)
            else:
                self._folded.setdefault(_squash(key).casefold(), entry_id)
                patterns.append(f"(?i:{body})")
        self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)") if patterns else None

    def entry_id(self, matched: str) -> str | None:
        key = _squash(_normalize_apostrophes(matched))
        found = self._exact.get(key) or self._folded.get(key.casefold())
        if found is None and self.lang == "ar":
            readings = _without_proclitics(key.casefold())
            found = next((self._folded[r] for r in readings if r in self._folded), None)
        return found

    def split(self, text: str, linked: set[str]) -> list[Token]:
        """``text`` as tokens, with a link around the first occurrence of each term not yet in ``linked``."""
        if self._pattern is None:
            return [_text_token(text)]
        out, start = [], 0
        for match in self._pattern.finditer(text):
            entry_id = self.entry_id(match.group(0))
            if entry_id is None or entry_id in linked:
                continue
            linked.add(entry_id)
            if match.start() > start:
                out.append(_text_token(text[start : match.start()]))
            href = f"{routes.path(self.lang, routes.GLOSSARY)}#{entry_id}"
            opening = Token("link_open", "a", 1)
            opening.attrs = {"href": href, "class": "glossary-term"}
            out += [opening, _text_token(match.group(0)), Token("link_close", "a", -1)]
            start = match.end()
        if start < len(text):
            out.append(_text_token(text[start:]))
        return out


# Arabic writes « and », « so », « with », « for », « like » as letters joined to the next word
# (« والأسرة », « بالأسرة », « للأسرة »): a glossary term must still be found there.
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_PROCLITICS = "(?:[وف]?[بكل]?)"


def _arabic_with_proclitics(key: str, body: str) -> str:
    if key.startswith("ال"):
        # « ل » + « ال » is written « لل » (the alif drops): « للأسرة ».
        return f"(?:[وف]?لل{re.escape(key[2:])}|{_PROCLITICS}{body})"
    return f"{_PROCLITICS}{body}"


def _without_proclitics(word: str) -> list[str]:
    """The readings of ``word`` without its joined prefixes, longest prefix last."""
    readings = []
    rest = word
    if rest.startswith(("و", "ف")):
        rest = rest[1:]
        readings.append(rest)
    if rest.startswith("لل"):
        readings.append("ا" + rest[1:])
    if rest.startswith(("ب", "ك", "ل")):
        readings.append(rest[1:])
    return readings


def _normalize_apostrophes(text: str) -> str:
    return text.replace("’", "'")


def _squash(text: str) -> str:
    return " ".join(text.split())


def _text_token(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


#: Shown in place of a figure the engine does not hold (yet): never a guessed number.
TO_CHECK = N_("à vérifier")
CONTENT_DOMAIN = "content"

#: ``{{ montant: rsa.montant_forfaitaire }}``: a kind, a colon, a key ``<benefit>.<name>``.
PLACEHOLDER = re.compile(r"\{\{\s*([^\s:{}]+)\s*:\s*([^\s{}]+)\s*\}\}")
_BRACES = re.compile(r"\{\{|\}\}")
_KEY = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$")


def to_check_label(lang: str) -> str:
    return gettext_for(lang, CONTENT_DOMAIN)(TO_CHECK)


@dataclass(frozen=True)
class FigureUse:
    """A placeholder met in a page: what it asked for, and what was wrong with it (``problem``)."""

    kind: str
    key: str
    problem: str | None = None


def figure_text(book: FigureBook, kind: str, key: str, lang: str) -> tuple[str, str | None, str | None]:
    """``(text shown, machine value or None, problem or None)`` for one placeholder."""
    if kind not in KINDS:
        return to_check_label(lang), None, f"unknown kind {kind!r}: use one of {sorted(KINDS)}"
    if not _KEY.match(key):
        return (
            to_check_label(lang),
            None,
            f"malformed key {key!r}: write <benefit>.<name>, e.g. rsa.age_minimum",
        )
    figure = book.get(key)
    if figure is None:
        return (
            to_check_label(lang),
            None,
            f"unknown figure {key!r} (list them: python -m pti_citizen.content.checks --figures)",
        )
    units = KINDS[kind]
    if units is not None and figure.unit is not None and figure.unit not in units:
        return to_check_label(lang), None, f"{key!r} is not a {kind} (its unit is {figure.unit})"
    if figure.value is None:
        return to_check_label(lang), None, None
    if kind == "date":
        return format_date(figure.since, lang), figure.since.isoformat(), None
    if kind == "montant":
        return format_euros(figure.value, lang), f"{figure.value:.2f}", None
    digits = max(0, -figure.value.as_tuple().exponent) if isinstance(figure.value, Decimal) else 0
    return format_number(figure.value, lang, digits=digits), str(figure.value), None


def _figures(children: list[Token], book: FigureBook, lang: str, used: list[FigureUse]) -> list[Token]:
    out: list[Token] = []
    for child in children:
        if child.type != "text" or "{{" not in child.content:
            out.append(child)
            continue
        start = 0
        for match in PLACEHOLDER.finditer(child.content):
            kind, key = match.group(1), match.group(2)
            text, value, problem = figure_text(book, kind, key, lang)
            used.append(FigureUse(kind, key, problem))
            if match.start() > start:
                out.append(_text_token(child.content[start : match.start()]))
            opening = Token("figure_open", "data", 1)
            opening.attrs = {"value": value, "data-figure": key} if value else {"data-figure": key}
            out += [opening, _text_token(text), Token("figure_close", "data", -1)]
            start = match.end()
        if start < len(child.content):
            out.append(_text_token(child.content[start:]))
    return out


class FrenchNames:
    """Finds the French words kept inside an en/es/ar text, so that they can be marked ``lang="fr"``.

    In English and Spanish: the French glossary's words (not its all-capital acronyms, which voices read
    letter by letter anyway) and the names listed in ``french_names.yaml``. In Arabic: every run of Latin
    letters, since nothing else in an Arabic page is written in Latin letters.
    """

    def __init__(self, lang: str, names: list[str] | tuple[str, ...]):
        self.lang = lang
        self.isolate = text_direction(lang) == "rtl"
        self._pattern = names_pattern(n for n in names if n.strip() and n.upper() != n)

    def spans(self, text: str) -> list[tuple[int, int]]:
        # In Arabic every Latin run, with an address's number, brackets and commas (french_text.py).
        return french_spans(text, self.lang, self._pattern)

    def parts(self, text: str) -> tuple[TextPart, ...]:
        """``text`` cut into parts, French ones carrying ``lang="fr"`` (for titles, summaries, glossary)."""
        return french_parts(text, self.lang, self._pattern)

    def split(self, text: str) -> list[Token]:
        out, start = [], 0
        for begin, end in self.spans(text):
            if begin > start:
                out.append(_text_token(text[start:begin]))
            tag = "bdi" if self.isolate else "span"
            opening = Token("french_open", tag, 1)
            opening.attrs = {"lang": "fr", "dir": "ltr"} if self.isolate else {"lang": "fr"}
            out += [opening, _text_token(text[begin:end]), Token("french_close", tag, -1)]
            start = end
        if start < len(text):
            out.append(_text_token(text[start:]))
        return out or [_text_token(text)]


def _mark_french(children: list[Token], names: FrenchNames) -> list[Token]:
    out: list[Token] = []
    in_figure = 0
    for child in children:
        if child.type == "figure_open":
            in_figure += 1
        elif child.type == "figure_close":
            in_figure -= 1
        if child.type == "text" and not in_figure:
            out += names.split(child.content)
        else:
            out.append(child)
    return out


@dataclass
class Rendered:
    html: str
    blocks: tuple[TextBlock, ...]
    broken_links: tuple[str, ...]
    #: Every placeholder of the body, in order (with its problem, if any).
    figures: tuple[FigureUse, ...] = ()
    #: ``{{`` or ``}}`` left in the text: a placeholder the renderer could not read.
    stray_braces: tuple[str, ...] = ()

    @property
    def plain_text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


def render(
    prepared: Prepared,
    lang: str,
    targets: LinkTargets,
    linker: GlossaryLinker | None,
    figures: FigureBook | None = None,
    french: FrenchNames | None = None,
) -> Rendered:
    """HTML and text blocks of a prepared body; ``linker=None`` turns glossary linking off (glossary page).

    ``figures``: the month's figures that placeholders read (``None``: placeholders stay as text and are
    reported); ``french``: how to find French names in an en/es/ar text (``None``: nothing is marked).
    """
    broken: list[str] = []
    linked: set[str] = set()
    used: list[FigureUse] = []
    stray: list[str] = []
    in_heading = False
    for token in prepared.tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline" and token.children:
            token.children = _rewrite_inline(token.children, lang, prepared.anchors, targets, broken)
            if figures is not None:
                token.children = _figures(token.children, figures, lang, used)
            stray += [c.content for c in token.children if c.type == "text" and _BRACES.search(c.content)]
            for child in token.children:
                if child.type == "text":
                    # Every language: « … » holds its words; French: no break before ? ! : ; » either.
                    child.content = (
                        _FRENCH_NO_BREAK.sub(NO_BREAK_SPACE, child.content)
                        if lang == "fr"
                        else quotes_held(child.content)
                    )
            # French names first, so that a name around a glossary word (« Président du Conseil
            # départemental ») stays whole; the glossary link then goes inside it.
            if french is not None and lang != "fr":
                token.children = _mark_french(token.children, french)
            if linker is not None and not in_heading:
                token.children = _link_glossary(token.children, linker, linked)
    html = _MD.renderer.render(prepared.tokens, _MD.options, {})
    return Rendered(
        html=html,
        blocks=_blocks(prepared.tokens),
        broken_links=tuple(broken),
        figures=tuple(used),
        stray_braces=tuple(stray),
    )


def _rewrite_inline(
    children: list[Token], lang: str, anchors: set[str], targets: LinkTargets, broken: list[str]
) -> list[Token]:
    """Resolve each link; a broken one keeps its text but loses its link (and is reported)."""
    out: list[Token] = []
    dropping: list[bool] = []  # one flag per open link: was it dropped?
    for child in children:
        if child.type == "link_open":
            href = str(child.attrGet("href") or "")
            url, external = targets.resolve(href, lang, anchors)
            glossary_id = href.partition(":")[2] if href.startswith("glossaire:") else None
            if url is None:
                broken.append(href)
                dropping.append(True)
                continue
            child.attrs = {"href": url}
            if glossary_id:
                child.attrs["class"] = "glossary-term"
                child.meta = {"glossary_id": glossary_id}
            if external:
                child.attrs["rel"] = "noopener"
            dropping.append(False)
        elif child.type == "link_close" and dropping and dropping.pop():
            continue
        elif child.type == "image":
            broken.append(f"image {child.attrGet('src')} (images are not supported in content)")
            out.append(_text_token(child.content))
            continue
        out.append(child)
    return out


def _link_glossary(children: list[Token], linker: GlossaryLinker, linked: set[str]) -> list[Token]:
    out: list[Token] = []
    depth = 0
    for child in children:
        if child.type in ("link_open", "figure_open"):
            depth += 1
            if child.meta and child.meta.get("glossary_id"):
                linked.add(child.meta["glossary_id"])
        elif child.type in ("link_close", "figure_close"):
            depth -= 1
        if child.type == "text" and depth == 0:
            out += linker.split(child.content, linked)
        else:
            out.append(child)
    return out


def _blocks(tokens: list[Token]) -> tuple[TextBlock, ...]:
    blocks, in_heading, list_depth = [], False, 0
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "list_item_open":
            list_depth += 1
        elif token.type == "list_item_close":
            list_depth -= 1
        elif token.type == "inline":
            text = _squash("".join(_inline_text(child) for child in token.children or []))
            if text:
                kind = "heading" if in_heading else "item" if list_depth else "paragraph"
                blocks.append(TextBlock(kind=kind, text=text))
    return tuple(blocks)


def _inline_text(token: Token) -> str:
    if token.type in ("text", "code_inline"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return " "
    return ""
