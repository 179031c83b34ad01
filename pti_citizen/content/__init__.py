"""Plain-language content (rights pages, guides, glossary) as reviewed data: loader and checks.

Pure Python: the UI calls ``load_site()`` and renders ``Page.html``; it never parses Markdown itself.
"""

from pti_citizen.content.loader import CONTENT_DIR, load_site
from pti_citizen.content.model import (
    REVIEW_STATUSES,
    ChecklistItem,
    ContentError,
    GlossaryEntry,
    Heading,
    Page,
    Site,
    Source,
)

__all__ = [
    "CONTENT_DIR",
    "REVIEW_STATUSES",
    "ChecklistItem",
    "ContentError",
    "GlossaryEntry",
    "Heading",
    "Page",
    "Site",
    "Source",
    "load_site",
]
