"""The offers for what a person typed: needs ticked and a town as written (« st gaudens », « 31800 »).

The town is understood by the directory's rules (``directory.towns``): the same towns, postcodes and
suggestions as the locator. Pure Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pti_citizen.directory import get_directory
from pti_citizen.directory.towns import QueryProblem

from .catalog import OfferView, filter_offers

MAX_TOWN_TEXT = 80
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class OfferSearch:
    offers: tuple[OfferView, ...]
    #: The commune the offers are for (its name), or ``None`` for every commune.
    town: str | None = None
    #: What was typed, when it is no town of Haute-Garonne (then ``offers`` is empty).
    unknown_town: str | None = None
    #: Towns whose names are close to what was typed.
    suggestions: tuple[str, ...] = ()


def search_offers(lang: str, needs: Iterable[str] = (), town: str = "") -> OfferSearch:
    """Offers matching ``needs`` (all if none) and open to ``town`` (all if empty). Raises
    ``OfferQueryError`` (message in ``lang``) for a need that does not exist."""
    text = town.strip()[:MAX_TOWN_TEXT]
    if not text:
        return OfferSearch(tuple(filter_offers(lang, needs=needs)))
    found = get_directory().towns.resolve(text)
    if isinstance(found, QueryProblem) or found.commune is None:
        suggestions = found.suggestions[:MAX_SUGGESTIONS] if isinstance(found, QueryProblem) else ()
        return OfferSearch((), unknown_town=text, suggestions=tuple(c.name for c in suggestions))
    offers = filter_offers(lang, needs=needs, insee=found.commune.insee)
    return OfferSearch(tuple(offers), town=found.commune.name)
