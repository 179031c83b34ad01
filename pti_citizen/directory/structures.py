"""Places as data·inclusion ``structures`` (schema v1), the format France's inclusion services share."""

from __future__ import annotations

from typing import Any

from data_inclusion.schema.v1 import ReseauPorteur, Structure

from .models import Place, PlaceKind

#: Producer id we publish under; the original producer is named in ``data/README.md``.
SOURCE = "pti-citizen"


def _description(place: Place, parent: Place | None) -> str:
    text = (
        "Service du Conseil départemental de la Haute-Garonne, "
        f"direction territoriale {place.direction_territoriale}."
    )
    if parent is not None:
        text += f" Point d'accueil de proximité rattaché à la {parent.name}."
    if place.hours_source and place.opening_hours is None:
        text += f" Horaires selon la source : « {place.hours_source} »."
    return text


def structure_fields(place: Place, parent: Place | None) -> dict[str, Any]:
    return {
        "source": SOURCE,
        "id": f"{SOURCE}--{place.id}",
        "nom": place.name,
        "date_maj": place.checked,
        "description": _description(place, parent),
        "commune": place.commune,
        "code_postal": place.postcode,
        "code_insee": place.insee,
        "adresse": place.street_address,
        "longitude": place.lon,
        "latitude": place.lat,
        "telephone": place.phone_e164,
        "horaires_accueil": place.opening_hours,
        "reseaux_porteurs": {ReseauPorteur.DEPARTEMENTS, ReseauPorteur.MAISONS_DES_SOLIDARITES},
    }


def to_structure(place: Place, parent: Place | None) -> Structure:
    """Validated structure; warnings (e.g. a name ending with a dot) count as errors here."""
    if place.kind is PlaceKind.POINT_ACCUEIL and parent is None:
        raise ValueError(f"{place.id}: a point d'accueil needs its parent MDS")
    return Structure.model_validate(structure_fields(place, parent), context={"ignore_warnings": False})
