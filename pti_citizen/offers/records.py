"""The offers data files, read and checked: our own record model plus data·inclusion v1 validation.

A record that breaks either model makes ``load_records`` raise ``OffersDataError`` naming the offer
and the field, so a social worker editing the YAML sees what to fix.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

import yaml
from data_inclusion.schema.v1 import (
    Frais,
    ModeAccueil,
    ModeMobilisation,
    PersonneMobilisatrice,
    Public,
    Thematique,
    TypeService,
)
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, model_validator

from pti_citizen.i18n import LANGUAGES
from pti_citizen.offers.needs import NEED_THEMATIQUES
from pti_citizen.offers.territory import Territory

Verification = Literal["verified", "to_check", "excluded"]


class OffersDataError(ValueError):
    """The offers data files are malformed; the message names the offer and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Zone(_Strict):
    kind: Literal["communes", "epci", "departement", "region", "france"]
    codes: tuple[str, ...] = ()

    @model_validator(mode="after")
    def codes_match_kind(self) -> Zone:
        if self.kind in ("communes", "epci") and not self.codes:
            raise ValueError(f"a zone of kind {self.kind!r} needs codes")
        if self.kind not in ("communes", "epci") and self.codes:
            raise ValueError(f"a zone of kind {self.kind!r} takes no codes")
        return self


class Contact(_Strict):
    phone: str | None = Field(default=None, pattern=r"^(\d{4}|0\d( \d\d){4})$")
    web: HttpUrl | None = None
    place: bool = False  # the text gives a place to go (texts/<lang>.yaml "place")
    ask_mds: bool = False  # the Maison des solidarités is a way in (the UI links the MDS finder)


class Source(_Strict):
    url: HttpUrl | None = None
    ref: str | None = None
    title: str | None = None

    @model_validator(mode="after")
    def url_or_ref(self) -> Source:
        if not (self.url or self.ref):
            raise ValueError("a source needs a url or a ref")
        if self.url and not self.title:
            raise ValueError("a source url needs a title")
        return self


class Structure(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str


class ServiceFields(_Strict):
    """The data·inclusion enumerations of one service (values checked against the package enums)."""

    type: TypeService
    thematiques: frozenset[Thematique] = Field(min_length=1)
    frais: Frais
    publics: frozenset[Public] = Field(min_length=1)
    modes_accueil: frozenset[ModeAccueil] = Field(min_length=1)
    modes_mobilisation: frozenset[ModeMobilisation] = Field(min_length=1)
    mobilisable_par: frozenset[PersonneMobilisatrice] = Field(min_length=1)


class OfferRecord(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    verification: Verification
    checked_on: dt.date
    reason: str = Field(min_length=3)
    needs: tuple[str, ...] = ()
    zone: Zone | None = None
    structure: Structure | None = None
    service: ServiceFields | None = None
    contact: Contact | None = None
    sources: tuple[Source, ...] = ()

    @property
    def shown(self) -> bool:
        return self.verification != "excluded"

    @model_validator(mode="after")
    def shown_offers_are_complete(self) -> OfferRecord:
        if not self.shown:
            return self
        for name in ("zone", "structure", "service", "contact"):
            if getattr(self, name) is None:
                raise ValueError(f"a shown offer needs {name!r}")
        if not self.needs:
            raise ValueError("a shown offer needs at least one need")
        if not self.sources:
            raise ValueError("a shown offer needs at least one source")
        unknown = [n for n in self.needs if n not in NEED_THEMATIQUES]
        if unknown:
            raise ValueError(f"unknown need keys {unknown}")
        for need in self.needs:
            if not NEED_THEMATIQUES[need] & self.service.thematiques:
                raise ValueError(f"need {need!r} has none of its thématiques on this offer")
        contact = self.contact
        if self.verification == "to_check" and not (contact.phone or contact.web):
            raise ValueError("an offer « à vérifier » needs a phone or a web contact")
        if not (contact.phone or contact.web or contact.place or contact.ask_mds):
            raise ValueError("a shown offer needs a way to reach it (phone, web, place or MDS)")
        return self


class OfferText(_Strict):
    name: str = Field(min_length=3, max_length=150)
    what: str = Field(min_length=5)
    who: str = Field(min_length=3)
    how: str = Field(min_length=3)
    area: str = Field(min_length=3)
    place: str | None = None


def _read_yaml(path: Path):
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise OffersDataError(f"{path.name}: {error}") from error


def _explain(where: str, error: ValidationError) -> OffersDataError:
    details = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or '(record)'}: {e['msg']}" for e in error.errors()
    )
    return OffersDataError(f"{where}: {details}")


def load_records(
    data_dir: Path, territory: Territory
) -> tuple[tuple[OfferRecord, ...], dict[str, dict[str, OfferText]]]:
    """Read ``offers.yaml`` and ``texts/<lang>.yaml`` from ``data_dir`` and check them together."""
    raw = _read_yaml(data_dir / "offers.yaml")
    if not isinstance(raw, list):
        raise OffersDataError("offers.yaml: expected a list of offers")
    records: list[OfferRecord] = []
    for position, item in enumerate(raw):
        where = f"offers.yaml #{position + 1} ({item.get('id', '?') if isinstance(item, dict) else '?'})"
        try:
            record = OfferRecord.model_validate(item)
        except ValidationError as error:
            raise _explain(where, error) from error
        if record.zone and record.zone.kind == "epci":
            unknown = [c for c in record.zone.codes if c not in territory.epci_names]
            if unknown:
                raise OffersDataError(f"{where}: zone.codes: unknown EPCI {unknown}")
        if record.zone and record.zone.kind == "communes":
            unknown = [c for c in record.zone.codes if not territory.is_known(c)]
            if unknown:
                raise OffersDataError(f"{where}: zone.codes: unknown communes {unknown}")
        records.append(record)
    ids = [r.id for r in records]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise OffersDataError(f"offers.yaml: duplicate ids {duplicates}")

    shown = {r.id: r for r in records if r.shown}
    texts: dict[str, dict[str, OfferText]] = {}
    for lang in LANGUAGES:
        raw_texts = _read_yaml(data_dir / "texts" / f"{lang}.yaml") or {}
        if not isinstance(raw_texts, dict):
            raise OffersDataError(f"texts/{lang}.yaml: expected a mapping of offer id to texts")
        missing = sorted(set(shown) - set(raw_texts))
        extra = sorted(set(raw_texts) - set(shown))
        if missing or extra:
            raise OffersDataError(
                f"texts/{lang}.yaml: missing texts for {missing}, texts for unknown or excluded offers {extra}"
            )
        texts[lang] = {}
        for offer_id, item in raw_texts.items():
            try:
                text = OfferText.model_validate(item)
            except ValidationError as error:
                raise _explain(f"texts/{lang}.yaml ({offer_id})", error) from error
            if shown[offer_id].contact.place and not text.place:
                raise OffersDataError(
                    f"texts/{lang}.yaml ({offer_id}): place: the offer's contact is a place, say which"
                )
            texts[lang][offer_id] = text
    return tuple(records), texts
