"""French inside a server-rendered page in another language: marked ``lang="fr"`` (a voice says it in
French) and, in a right-to-left page, isolated with ``<bdi dir="ltr">`` so that « 44 avenue Jacques
Douzans » and « Maison des Solidarités (MDS) » keep their order in Arabic (issue #14, item 3).

Where the French is: ``french_text.py`` (the same definition as the Reflex pages'
``ui/components/french.py``). The template's header and footer are built with these functions, so the
Reflex pages, which take them from ``shell.py``, are marked the same way.

- :func:`marked`: a page's own text (a translated sentence keeping French names);
- :func:`french`: a French value from the data (an offer's name, a town, a source's title).
"""

from __future__ import annotations

from pti_citizen.french_text import quotes_held, right_to_left
from pti_citizen.languages import SOURCE_LANGUAGE
from pti_citizen.web.pages.html import Child, h


def french(value: str, lang: str) -> Child:
    """A French value in a ``lang`` page."""
    if lang == SOURCE_LANGUAGE or not value:
        return value
    if right_to_left(lang):
        return h("bdi", value, lang=SOURCE_LANGUAGE, dir="ltr")
    return h("span", value, lang=SOURCE_LANGUAGE)


def marked(lang: str, text: str) -> Child:
    """A page's own ``text`` in ``lang``, its French parts marked (« … » holding their words)."""
    from pti_citizen.content import load_site  # the finder knows the glossary's and french_names' names

    text = quotes_held(text)
    if lang == SOURCE_LANGUAGE or not text:
        return text
    parts = load_site().parts(lang, text)
    if not any(part.lang for part in parts):
        return text
    # One inline box: in a flex parent (a button, a link drawn as a box) the words still wrap together.
    return h("span", [french(part.text, lang) if part.lang else part.text for part in parts])
