"""« Me déplacer, me soigner »: local and national offers as data·inclusion services, filtered by need and commune.

Pure Python (no Reflex). Facts and decisions live in ``data/offers.yaml``, texts in
``data/texts/<lang>.yaml``, commune → EPCI membership in ``data/territories_31.json``.
"""

from pti_citizen.offers.catalog import (
    Offer,
    OfferQueryError,
    OfferView,
    SourceView,
    export_services,
    filter_offers,
    load_offers,
)
from pti_citizen.offers.needs import NEEDS, need_labels
from pti_citizen.offers.records import OffersDataError
from pti_citizen.offers.search import OfferSearch, search_offers

__all__ = [
    "NEEDS",
    "Offer",
    "OfferQueryError",
    "OfferSearch",
    "OfferView",
    "OffersDataError",
    "SourceView",
    "export_services",
    "filter_offers",
    "load_offers",
    "need_labels",
    "search_offers",
]
