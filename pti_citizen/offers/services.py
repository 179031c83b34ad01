"""Our offers as data·inclusion v1 *services*, validated by the ``data-inclusion-schema`` package.

Validation runs with warnings turned into errors (``ignore_warnings: False``) so that the export
is clean enough to be published as open data.
"""

from __future__ import annotations

from data_inclusion.schema.v1 import Service
from pydantic import ValidationError

from pti_citizen.offers.records import OfferRecord, OffersDataError, OfferText
from pti_citizen.offers.territory import Territory

SOURCE = "pti-citizen-31"


def to_service(record: OfferRecord, text: OfferText, territory: Territory) -> Service:
    """Build and validate the data·inclusion service of one shown offer (French texts)."""
    fields = record.service
    contact = record.contact
    description = f"{text.what}\n\n{text.who}"
    how = text.how if not text.place else f"{text.how} {text.place}."
    first_url = next((s.url for s in record.sources if s.url), None)
    data = {
        "source": SOURCE,
        "structure_id": f"{SOURCE}--{record.structure.id}",
        "id": f"{SOURCE}--{record.id}",
        "nom": text.name,
        "description": description,
        "lien_source": str(first_url) if first_url else None,
        "date_maj": record.checked_on,
        "type": fields.type,
        "thematiques": set(fields.thematiques),
        "frais": fields.frais,
        "publics": set(fields.publics),
        "publics_precisions": text.who,
        "telephone": contact.phone,
        "modes_accueil": set(fields.modes_accueil),
        "zone_eligibilite": territory.eligibility_codes(record.zone.kind, record.zone.codes),
        "lien_mobilisation": str(contact.web) if contact.web else None,
        "modes_mobilisation": set(fields.modes_mobilisation),
        "mobilisable_par": set(fields.mobilisable_par),
        "mobilisation_precisions": how,
    }
    try:
        return Service.model_validate(data, context={"ignore_warnings": False})
    except ValidationError as error:
        details = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors())
        raise OffersDataError(f"offer {record.id}: not a valid data·inclusion service: {details}") from error
