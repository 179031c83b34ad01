"""« Trouver une Maison des Solidarités »: the directory of MDS and points d'accueil in Haute-Garonne.

Pure Python (no Reflex). Public entry points for the UI and the HTTP API:

- :func:`nearest_payload` / :func:`nearest_payload_async` → ``(status, body)`` for
  ``GET /api/v1/places/nearest``;
- :func:`export_structures` → ``GET /api/v1/places`` (data·inclusion structures v1);
- :func:`get_directory`, :func:`opening_status`, message helpers (:func:`address_notice`, ...).
"""

from .api import DEFAULT_LIMIT, MAX_LIMIT, export_structures, nearest_payload, nearest_payload_async
from .geocoder import BanGeocoder, GeocodedAddress
from .hours import OpeningStatus, StatusCode, opening_status
from .kiosques import parse_kiosque, upcoming_by_place
from .loader import Directory, DirectoryDataError, get_directory, load_directory
from .messages import address_notice, kind_label, mds_explained, suggestions_header
from .models import QUERY_KINDS, Commune, HoursKind, Kiosque, Place, PlaceKind
from .payloads import place_payload

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_LIMIT",
    "QUERY_KINDS",
    "BanGeocoder",
    "Commune",
    "Directory",
    "DirectoryDataError",
    "GeocodedAddress",
    "HoursKind",
    "Kiosque",
    "OpeningStatus",
    "Place",
    "PlaceKind",
    "StatusCode",
    "address_notice",
    "export_structures",
    "get_directory",
    "kind_label",
    "load_directory",
    "mds_explained",
    "nearest_payload",
    "nearest_payload_async",
    "opening_status",
    "parse_kiosque",
    "place_payload",
    "suggestions_header",
    "upcoming_by_place",
]
