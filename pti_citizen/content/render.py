"""Markdown → safe HTML for one language: internal links resolved with routes.py, glossary terms linked.

Raw HTML is never passed through (markdown-it runs with ``html: False``), so a content file cannot inject
markup. Internal links use schemes (``page:``, ``glossaire:``, ``app:``) so that no file hard-codes a path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pti_citizen import routes
from pti_citizen.content.model import GlossaryEntry, Heading, TextBlock
from pti_citizen.content.text import slugify

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


@dataclass
class Rendered:
    html: str
    blocks: tuple[TextBlock, ...]
    broken_links: tuple[str, ...]

    @property
    def plain_text(self) -> str:
        return "\n".join(block.text for block in self.blocks)


def render(
    prepared: Prepared,
    lang: str,
    targets: LinkTargets,
    linker: GlossaryLinker | None,
) -> Rendered:
    """HTML and text blocks of a prepared body; ``linker=None`` turns glossary linking off (glossary page)."""
    broken: list[str] = []
    linked: set[str] = set()
    in_heading = False
    for token in prepared.tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline" and token.children:
            token.children = _rewrite_inline(token.children, lang, prepared.anchors, targets, broken)
            if lang == "fr":
                for child in token.children:
                    if child.type == "text":
                        child.content = _FRENCH_NO_BREAK.sub(NO_BREAK_SPACE, child.content)
            if linker is not None and not in_heading:
                token.children = _link_glossary(token.children, linker, linked)
    html = _MD.renderer.render(prepared.tokens, _MD.options, {})
    return Rendered(html=html, blocks=_blocks(prepared.tokens), broken_links=tuple(broken))


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
        if child.type == "link_open":
            depth += 1
            if child.meta and child.meta.get("glossary_id"):
                linked.add(child.meta["glossary_id"])
        elif child.type == "link_close":
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
