"""The site's languages and gettext domains: the one list every other part reads.

Adding a language (Portuguese, say) is one line in :data:`LANGUAGES`, then data: the catalogs
(``scripts/i18n.sh update && scripts/i18n.sh compile``), the content pages
(``pti_citizen/content/pages/pt/``), the glossary (``content/glossary/pt.yaml``) and the offers'
texts (``offers/data/texts/pt.yaml``). The tests then fail until each of those is complete.

``python -m pti_citizen.languages translations|domains`` prints the lists for ``scripts/i18n.sh``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, also the first part of every page path (``/ar/…``)
    name: str  # in the language itself, for the language menu
    direction: Literal["ltr", "rtl"] = "ltr"


@dataclass(frozen=True)
class Domain:
    """A gettext catalog (``locales/<lang>/LC_MESSAGES/<name>.po``) and the code it is extracted from."""

    name: str
    sources: tuple[str, ...]


#: Source language first: msgids, content and data are written in French and translated from it.
LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language("fr", "Français"),
        Language("en", "English"),
        Language("es", "Español"),
        Language("ar", "العربية", "rtl"),
    )
}
SOURCE_LANGUAGE = next(iter(LANGUAGES))
#: The languages translated from the source (each has a catalog per domain).
TRANSLATIONS: tuple[str, ...] = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)

#: One catalog per feature, so that features keep separate catalogs.
DOMAINS: tuple[Domain, ...] = (
    Domain(
        "messages",
        (
            "pti_citizen/ui/layout.py",
            "pti_citizen/ui/document.py",
            "pti_citizen/ui/pages",
            "pti_citizen/ui/components",
            "pti_citizen/ui/state",
            "pti_citizen/web",
            "pti_citizen/pti_citizen.py",
        ),
    ),
    Domain("ui_locator", ("pti_citizen/ui/locator",)),
    Domain("ui_simulator", ("pti_citizen/ui/simulator",)),
    Domain("feedback", ("pti_citizen/feedback", "pti_citizen/ui/feedback")),
    Domain("simulator", ("pti_citizen/simulator",)),
    Domain("directory", ("pti_citizen/directory",)),
    Domain("offers", ("pti_citizen/offers",)),
    Domain("handover", ("pti_citizen/handover",)),
    Domain("content", ("pti_citizen/content",)),
)


def main(argv: list[str]) -> int:
    what = argv[0] if argv else ""
    if what == "translations":
        print("\n".join(TRANSLATIONS))
    elif what == "domains":
        print("\n".join(f"{domain.name}\t{' '.join(domain.sources)}" for domain in DOMAINS))
    else:
        print("usage: python -m pti_citizen.languages translations|domains", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
