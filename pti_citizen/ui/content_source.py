"""Bridge between the content core and the pages (titles for menus and footers)."""

from __future__ import annotations


def info_page_titles(lang: str) -> list[tuple[str, str]]:
    try:
        from pti_citizen.content.loader import load_site
    except ImportError:  # content core not merged yet
        return []
    return [(page.slug, page.title) for page in load_site().pages(lang, section="info")]
