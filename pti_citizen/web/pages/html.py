"""HTML as a small tree of elements: text and attribute values are escaped when the tree is written out,
and only fragments marked :class:`Trusted` (the content renderer's output) are written as they are.

Attributes are given as keyword arguments: a trailing ``_`` is dropped (``class_``, ``for_``) and other
underscores become hyphens (``aria_label`` → ``aria-label``, ``data_checklist`` → ``data-checklist``).
``True`` writes a bare attribute (``hidden``), ``False`` and ``None`` leave it out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

#: Elements without content or end tag.
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)

AttrValue = str | int | bool | None


class Trusted(str):
    """HTML that is already safe (rendered by ``content.render`` with raw HTML off): written as is."""

    __slots__ = ()


@dataclass(frozen=True, slots=True)
class Element:
    tag: str
    attrs: tuple[tuple[str, str | bool], ...]
    children: tuple[Node, ...]

    def attr(self, name: str) -> str | bool | None:
        return next((value for key, value in self.attrs if key == name), None)


Node = Element | Trusted | str
Child = Node | None | Iterable["Child"]


def attribute_name(python_name: str) -> str:
    return python_name.rstrip("_").replace("_", "-")


def h(tag: str, *children: Child, attrs: dict[str, AttrValue] | None = None, **kwargs: AttrValue) -> Element:
    """``h("p", "Bonjour", class_="lead")``; ``attrs`` takes names that are not Python identifiers."""
    pairs: list[tuple[str, str | bool]] = []
    for name, value in [*((attribute_name(k), v) for k, v in kwargs.items()), *(attrs or {}).items()]:
        if value is None or value is False:
            continue
        pairs.append((name, True if value is True else str(value)))
    return Element(tag, tuple(pairs), tuple(_flatten(children)))


def _flatten(children: Iterable[Child]) -> Iterable[Node]:
    for child in children:
        if child is None:
            continue
        if isinstance(child, Element | str):
            yield child
        else:
            yield from _flatten(child)


def fragment(*children: Child) -> tuple[Node, ...]:
    """Several nodes side by side, without a wrapping element."""
    return tuple(_flatten(children))


def render(*nodes: Child) -> str:
    out: list[str] = []
    for node in _flatten(nodes):
        _write(node, out)
    return "".join(out)


def _write(node: Node, out: list[str]) -> None:
    if isinstance(node, Trusted):
        out.append(node)
        return
    if isinstance(node, str):
        out.append(escape(node, quote=False))
        return
    out.append("<" + node.tag)
    for name, value in node.attrs:
        out.append(f" {name}" if value is True else f' {name}="{escape(value, quote=True)}"')
    out.append(">")
    if node.tag in VOID:
        return
    for child in node.children:
        _write(child, out)
    out.append(f"</{node.tag}>")


def document(html_attrs: dict[str, str], head: Child, body: Child) -> str:
    """A whole page: doctype, ``<html>`` with its attributes, head and body."""
    root = h("html", h("head", head), h("body", body), attrs=dict(html_attrs))
    return "<!DOCTYPE html>" + render(root)
