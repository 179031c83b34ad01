"""Elements written for the server-rendered pages (``web/pages/html.py``) as Reflex components: the
Reflex pages take their skip link, header and footer from the same template (``web/pages/shell.py``),
so that the two kinds of pages cannot drift apart."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import reflex as rx

from pti_citizen.ui.components.links import link
from pti_citizen.web.pages.html import Element, Node, Trusted

#: HTML attribute → Reflex prop. Anything else (aria-*, data-*, lang, hreflang) goes through
#: ``custom_attrs`` as written: an unknown keyword would become CSS in Reflex.
_PROPS = {
    "class": "class_name",
    "href": "href",
    "for": "html_for",
    "tabindex": "tab_index",
    "maxlength": "max_length",
    "rows": "rows",
    "id": "id",
    "type": "type",
    "role": "role",
    "name": "name",
    "value": "value",
    "rel": "rel",
    "hidden": "hidden",
    "selected": "selected",
}
#: Props Reflex types as numbers.
_NUMBERS = {"tab_index", "max_length", "rows"}
#: Attributes React spells in camel case.
_REACT_NAMES = {"hreflang": "hrefLang"}


def to_component(node: Node, events: Mapping[str, Mapping[str, Any]] | None = None) -> rx.Component | str:
    """``events`` adds event triggers to elements by id: ``{"kiosk-erase": {"on_click": [...]}}``."""
    if isinstance(node, Trusted):
        return rx.html(str(node))
    if not isinstance(node, Element):
        return node
    props: dict[str, Any] = {}
    custom: dict[str, Any] = {}
    for name, value in node.attrs:
        if name in _PROPS:
            prop = _PROPS[name]
            props[prop] = int(value) if prop in _NUMBERS else value
        else:
            custom[_REACT_NAMES.get(name, name)] = value
    if custom:
        props["custom_attrs"] = custom
    props.update((events or {}).get(str(node.attr("id") or ""), {}))
    children = [to_component(child, events) for child in node.children]
    if node.tag == "a":
        return link(*children, **props)
    return getattr(rx.el, node.tag)(*children, **props)
