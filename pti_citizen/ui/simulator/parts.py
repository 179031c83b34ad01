"""Small building blocks shared by the wizard and the result page."""

from __future__ import annotations

import re

import reflex as rx

from pti_citizen.ui.simulator import view
from pti_citizen.ui.simulator.texts import Words

_PLACEHOLDER = re.compile(r"(\{[a-z_]+\})")


def fill(template: str, **values) -> list:
    """A translated sentence with live values in it: ``fill("Estimation pour {month}.", month=var)``."""
    parts = []
    for piece in _PLACEHOLDER.split(template):
        if not piece:
            continue
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else ""
        parts.append(values.get(name, piece))
    return parts


def _segment(segment: view.Segment) -> rx.Component | str:
    if segment.isolate:
        return rx.el.bdi(segment.text, lang=segment.lang or None, dir="ltr")
    if segment.lang:
        return rx.el.span(segment.text, lang=segment.lang)
    return segment.text


def marked(lang: str, text: str) -> rx.Component:
    """A sentence of the page, its French names marked ``lang="fr"`` (isolated in Arabic), at build time."""
    return rx.fragment(*[_segment(segment) for segment in view.segments(lang, text)])


def sentence(text: rx.Var) -> rx.Component:
    """A sentence the state sends as ``view.Text``: its French names and amounts marked the same way."""

    def one(segment: rx.Var) -> rx.Component:
        return rx.cond(
            segment["isolate"],
            rx.el.bdi(segment["text"], lang=rx.cond(segment["lang"] != "", segment["lang"], None), dir="ltr"),
            rx.cond(
                segment["lang"] != "",
                rx.el.span(segment["text"], lang=segment["lang"]),
                rx.fragment(segment["text"]),
            ),
        )

    return rx.foreach(text, one)


def both(words: Words, lang: str = "fr") -> rx.Component:
    """The « vous » and « la personne que vous aidez » variants; the CSS shows the one of the way of use."""
    if words.self == words.helper:
        return marked(lang, words.self)
    return rx.fragment(
        rx.el.span(marked(lang, words.self), class_name="for-self"),
        rx.el.span(marked(lang, words.helper), class_name="for-helper"),
    )


def both_blocks(self_text: str, helper_text: str, lang: str = "fr", **props) -> rx.Component:
    """Two paragraphs, one per audience (for whole sentences shown as blocks)."""
    class_name = props.pop("class_name", "")
    return rx.fragment(
        rx.el.p(marked(lang, self_text), class_name=f"for-self {class_name}".strip(), **props),
        rx.el.p(marked(lang, helper_text), class_name=f"for-helper {class_name}".strip(), **props),
    )


def error_message(errors: dict[str, str], code: rx.Var, prefix: str) -> rx.Component:
    """The message of an error code, after a prefix only screen readers hear (« Erreur : »)."""
    cases = [
        (key, rx.fragment(rx.el.span(prefix, " ", class_name="visually-hidden"), text))
        for key, text in errors.items()
    ]
    return rx.match(code, *cases, rx.fragment())
