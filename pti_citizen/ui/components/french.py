"""French inside a page in another language: marked ``lang="fr"`` (a voice says it in French) and, in a
right-to-left page, isolated with ``<bdi dir="ltr">`` so that « 44 avenue Jacques Douzans » and
« Maison des Solidarités (MDS) » keep their order in Arabic. Where the French is: ``french_text.py``.

- :func:`marked`: a page's own text, built once per language;
- :func:`french`: a French value from the data (a place's name, an address, a town);
- :func:`pieces`: a sentence of the state, already cut into ``Piece`` records (``ui/locator/view.py``).
"""

from __future__ import annotations

import reflex as rx

from pti_citizen.french_text import quotes_held, right_to_left
from pti_citizen.languages import SOURCE_LANGUAGE


def _site_parts(lang: str, text: str):
    # The content's finder knows the French names of the glossary and of french_names.yaml.
    from pti_citizen.content.loader import load_site

    return load_site().parts(lang, text)


def french(value, lang: str, **props) -> rx.Component:
    """A French value (text or Var) in a ``lang`` page."""
    if lang == SOURCE_LANGUAGE:
        return rx.el.span(value, **props)
    if right_to_left(lang):
        return rx.el.bdi(value, lang=SOURCE_LANGUAGE, dir="ltr", **props)
    return rx.el.span(value, lang=SOURCE_LANGUAGE, **props)


def marked(lang: str, text: str) -> rx.Component:
    """A page's own ``text`` in ``lang``, its French parts marked (« … » holding their words)."""
    text = quotes_held(text)
    parts = _site_parts(lang, text) if lang != SOURCE_LANGUAGE else ()
    if not any(part.lang for part in parts):
        return rx.fragment(text)
    # One inline box: in a flex parent (a button, a link drawn as a box) the words still wrap together.
    return rx.el.span(*[french(part.text, lang) if part.lang else part.text for part in parts])


def pieces(parts: rx.Var, lang: str) -> rx.Component:
    """A state sentence's ``Piece`` list (``text``, ``fr``)."""
    if lang == SOURCE_LANGUAGE:
        return rx.foreach(parts, lambda piece: rx.fragment(piece.text))
    return rx.foreach(
        parts, lambda piece: rx.cond(piece.fr, french(piece.text, lang), rx.fragment(piece.text))
    )
