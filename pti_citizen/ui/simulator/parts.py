"""Small building blocks shared by the wizard and the result page."""

from __future__ import annotations

import re

import reflex as rx

from pti_citizen.ui.simulator.texts import Words

_PLACEHOLDER = re.compile(r"(\{[a-z_]+\})")


def fill(template: str, **values) -> list:
    """A translated sentence with live values in it: ``fill("Question {n} sur {total}", n=var, …)``."""
    parts = []
    for piece in _PLACEHOLDER.split(template):
        if not piece:
            continue
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else ""
        parts.append(values.get(name, piece))
    return parts


def both(words: Words) -> rx.Component:
    """The « vous » and « la personne que vous aidez » variants; the CSS shows the one of the way of use."""
    if words.self == words.helper:
        return rx.fragment(words.self)
    return rx.fragment(
        rx.el.span(words.self, class_name="for-self"),
        rx.el.span(words.helper, class_name="for-helper"),
    )


def both_blocks(self_text: str, helper_text: str, **props) -> rx.Component:
    """Two paragraphs, one per audience (for whole sentences shown as blocks)."""
    class_name = props.pop("class_name", "")
    return rx.fragment(
        rx.el.p(self_text, class_name=f"for-self {class_name}".strip(), **props),
        rx.el.p(helper_text, class_name=f"for-helper {class_name}".strip(), **props),
    )


def error_message(errors: dict[str, str], code: rx.Var, prefix: str) -> rx.Component:
    """The message of an error code, after a prefix only screen readers hear (« Erreur : »)."""
    cases = [
        (key, rx.fragment(rx.el.span(prefix, " ", class_name="visually-hidden"), text))
        for key, text in errors.items()
    ]
    return rx.match(code, *cases, rx.fragment())
