"""« Trouver une Maison des Solidarités »: the directory of MDS and points d'accueil in Haute-Garonne.

Pure Python (no Reflex). Public entry points:

- ``await`` :func:`nearest` → :class:`NearestPlaces` or :class:`SearchProblem` (typed, texts in the
  person's language): the one search, for the locator page and the HTTP API;
- :func:`nearest_offline`: the same for a town or postcode, without an event loop (server-rendered
  pages);
- :func:`nearest_body` (a typed answer → ``(status, body)`` JSON of ``GET /api/v1/places/nearest``)
  and :func:`nearest_payload` (both at once, for the command line and scripts);
- :func:`export_structures` → ``GET /api/v1/places`` (data·inclusion structures v1);
- :func:`query_kind`, :func:`bounded_limit`: the kind and limit rules, for screens that are lenient;
- :func:`get_directory`, :func:`opening_status`, message helpers (:func:`address_notice`, ...).
"""

from .answers import Directions, KiosqueDate, NearestPlaces, PlaceAnswer, SearchProblem, Understood
from .api import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    bounded_limit,
    export_structures,
    nearest,
    nearest_offline,
    nearest_payload,
    query_kind,
)
from .errors import FieldError
from .geocoder import BanGeocoder, GeocodedAddress
from .hours import OpeningStatus, StatusCode, opening_status
from .kiosques import parse_kiosque, upcoming_by_place
from .loader import Directory, DirectoryDataError, get_directory, load_directory
from .messages import address_notice, kind_label, mds_explained, suggestions_header
from .models import QUERY_KINDS, Commune, HoursKind, Kiosque, Place, PlaceKind
from .payloads import nearest_body
from .towns import MAX_QUERY_LENGTH

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "MAX_QUERY_LENGTH",
    "QUERY_KINDS",
    "BanGeocoder",
    "Commune",
    "Directions",
    "Directory",
    "DirectoryDataError",
    "FieldError",
    "GeocodedAddress",
    "HoursKind",
    "Kiosque",
    "KiosqueDate",
    "NearestPlaces",
    "OpeningStatus",
    "Place",
    "PlaceAnswer",
    "PlaceKind",
    "SearchProblem",
    "StatusCode",
    "Understood",
    "address_notice",
    "bounded_limit",
    "export_structures",
    "get_directory",
    "kind_label",
    "load_directory",
    "mds_explained",
    "nearest",
    "nearest_body",
    "nearest_offline",
    "nearest_payload",
    "opening_status",
    "parse_kiosque",
    "query_kind",
    "suggestions_header",
    "upcoming_by_place",
]
