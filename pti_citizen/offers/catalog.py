"""Loading the offers once, filtering them by need and commune, and the views the UI renders.

Only ``verified`` offers are stated as fact; ``to_check`` offers always carry the « à vérifier »
flag; ``excluded`` offers never leave this module except in ``load_offers()`` (for review).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pti_citizen.i18n import LANGUAGES, N_, format_date, gettext_for, normalize_language
from pti_citizen.offers.needs import DOMAIN, NEEDS, need_labels
from pti_citizen.offers.records import OfferRecord, OffersDataError, OfferText, load_records
from pti_citizen.offers.services import to_service
from pti_citizen.offers.territory import DATA_DIR, ZONE_KINDS, Territory, load_territory

TO_CHECK_LABEL = N_("À vérifier")
TO_CHECK_EXPLANATION = N_(
    "Nous n'avons pas pu confirmer que cette offre existe toujours. Appelez ou regardez le site avant de vous déplacer."
)


class OfferQueryError(ValueError):
    """A filter value the user (or the URL) gave is not valid; ``message`` is in the user's language."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Offer:
    """One record with its texts in every language (internal; the UI uses ``OfferView``)."""

    record: OfferRecord
    texts: dict[str, OfferText]

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def verification(self) -> str:
        return self.record.verification


@dataclass(frozen=True)
class SourceView:
    title: str
    url: str | None


@dataclass(frozen=True)
class OfferView:
    """What the UI shows for one offer, in one language."""

    id: str
    lang: str
    name: str
    what: str
    who: str
    how: str
    area: str
    place: str | None
    needs: tuple[str, ...]
    need_labels: tuple[str, ...]
    verification: str  # "verified" or "to_check"
    to_check: bool
    to_check_label: str | None  # « À vérifier » in the user's language, only when to_check
    to_check_explanation: str | None
    phone: str | None
    web: str | None
    ask_mds: bool  # show a link to the MDS finder (app:trouver-une-mds)
    sources: tuple[SourceView, ...]
    checked_on: dt.date
    checked_on_label: str


@dataclass(frozen=True)
class Catalog:
    offers: tuple[Offer, ...]
    territory: Territory


def _build_catalog(data_dir: Path) -> Catalog:
    territory = load_territory(data_dir / "territories_31.json")
    records, texts = load_records(data_dir, territory)
    offers = []
    for record in records:
        offer_texts = {lang: texts[lang][record.id] for lang in LANGUAGES} if record.shown else {}
        if record.shown:
            to_service(record, offer_texts["fr"], territory)  # fails loudly on a malformed record
        offers.append(Offer(record=record, texts=offer_texts))
    return Catalog(offers=tuple(offers), territory=territory)


@cache
def _default_catalog() -> Catalog:
    return _build_catalog(DATA_DIR)


def catalog(data_dir: Path | None = None) -> Catalog:
    return _default_catalog() if data_dir is None else _build_catalog(data_dir)


def load_offers(data_dir: Path | None = None) -> tuple[Offer, ...]:
    """Every record, excluded ones included (with their reason), validated. Raises ``OffersDataError``."""
    return catalog(data_dir).offers


def _view(offer: Offer, lang: str) -> OfferView:
    _ = gettext_for(lang, DOMAIN)
    text = offer.texts[lang]
    record = offer.record
    labels = need_labels(lang)
    to_check = record.verification == "to_check"
    return OfferView(
        id=record.id,
        lang=lang,
        name=text.name,
        what=text.what,
        who=text.who,
        how=text.how,
        area=text.area,
        place=text.place,
        needs=record.needs,
        need_labels=tuple(labels[n] for n in record.needs),
        verification=record.verification,
        to_check=to_check,
        to_check_label=_(TO_CHECK_LABEL) if to_check else None,
        to_check_explanation=_(TO_CHECK_EXPLANATION) if to_check else None,
        phone=record.contact.phone,
        web=str(record.contact.web) if record.contact.web else None,
        ask_mds=record.contact.ask_mds,
        sources=tuple(
            SourceView(title=s.title or s.ref or "", url=str(s.url) if s.url else None)
            for s in record.sources
        ),
        checked_on=record.checked_on,
        checked_on_label=format_date(record.checked_on, lang),
    )


def _check_needs(needs: Iterable[str] | None, lang: str) -> set[str]:
    wanted = set(needs or ())
    unknown = sorted(wanted - set(NEEDS))
    if unknown:
        _ = gettext_for(lang, DOMAIN)
        raise OfferQueryError(
            "needs", _("Ce besoin n'existe pas : {value}.").format(value=", ".join(unknown))
        )
    return wanted


def _check_insee(insee: str | None, territory: Territory, lang: str) -> str | None:
    if insee is None or insee == "":
        return None
    code = str(insee).strip().upper()
    if not territory.is_known(code):
        _ = gettext_for(lang, DOMAIN)
        raise OfferQueryError(
            "insee", _("Nous ne trouvons pas cette commune en Haute-Garonne : {value}.").format(value=insee)
        )
    return code


def filter_offers(lang: str, needs: Iterable[str] | None = None, insee: str | None = None) -> list[OfferView]:
    """Shown offers matching any of ``needs`` (all if empty) and open to the commune ``insee`` (all if None).

    Verified offers come first, then the most local ones, then by name. Raises ``OfferQueryError``
    (field ``needs`` or ``insee``) with a message in ``lang`` for a value that does not exist.
    """
    lang = normalize_language(lang)
    current = catalog()
    wanted = _check_needs(needs, lang)
    commune = _check_insee(insee, current.territory, lang)
    matches = []
    for offer in current.offers:
        record = offer.record
        if not record.shown:
            continue
        if wanted and not wanted & set(record.needs):
            continue
        if commune and not current.territory.covers(record.zone.kind, record.zone.codes, commune):
            continue
        matches.append(offer)
    matches.sort(
        key=lambda o: (
            o.record.verification != "verified",
            ZONE_KINDS.index(o.record.zone.kind),
            o.texts[lang].name.casefold(),
        )
    )
    return [_view(offer, lang) for offer in matches]


_SET_FIELDS = {"thematiques", "publics", "modes_accueil", "modes_mobilisation", "mobilisable_par"}


def export_services(include_to_check: bool = False) -> list[dict]:
    """Shown offers as data·inclusion v1 service dicts (JSON-ready), verified ones only by default."""
    current = catalog()
    services = []
    for offer in current.offers:
        if offer.verification == "verified" or (include_to_check and offer.verification == "to_check"):
            service = to_service(offer.record, offer.texts["fr"], current.territory)
            dumped = service.model_dump(mode="json", exclude_none=True)
            # Sets come out in random order; sort them so that the export is stable between runs.
            services.append({k: sorted(v) if k in _SET_FIELDS else v for k, v in dumped.items()})
    return services


__all__ = [
    "Offer",
    "OfferQueryError",
    "OfferView",
    "OffersDataError",
    "SourceView",
    "export_services",
    "filter_offers",
    "load_offers",
]
