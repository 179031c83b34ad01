"""The data files: our record model, data·inclusion v1 validation, and decisions traceable to the sources."""

import json

import pytest
import yaml
from data_inclusion.schema.v1 import Service

from pti_citizen.i18n import LANGUAGES
from pti_citizen.offers import OffersDataError, load_offers
from pti_citizen.offers.services import to_service
from pti_citizen.offers.territory import DATA_DIR, territory

SOURCE_ENTRIES = json.loads((DATA_DIR / "source" / "offers_31.json").read_text(encoding="utf-8"))


def test_every_source_entry_has_exactly_one_decision():
    assert sorted(o.id for o in load_offers()) == sorted(e["id"] for e in SOURCE_ENTRIES)


def test_entries_not_found_or_empty_in_the_source_are_excluded():
    decisions = {o.id: o.verification for o in load_offers()}
    for entry in SOURCE_ENTRIES:
        if entry["status"].startswith("NON TROUVÉ") or entry["what"] is None:
            assert decisions[entry["id"]] == "excluded", entry["id"]


def test_entries_the_source_says_not_to_publish_are_not_shown_as_fact():
    decisions = {o.id: o.verification for o in load_offers()}
    for entry in SOURCE_ENTRIES:
        status = entry["status"].lower()
        if "ne pas publier" in status or "à vérifier" in status:
            assert decisions[entry["id"]] != "verified", entry["id"]


def test_the_driving_licence_aid_reported_ended_in_april_2026_is_not_shown_as_fact():
    # A written question to the Government (23 January 2026) reports France Travail's board ending it on
    # 1 April 2026; no 2026 source says otherwise (issue #12).
    offer = next(o for o in load_offers() if o.id == "mob-ft-aide-permis-b")
    assert offer.verification != "verified"
    assert "1er avril 2026" in offer.texts["fr"].what
    assert offer.record.contact.phone == "3949"


def test_every_decision_is_dated_and_explained():
    for offer in load_offers():
        assert offer.record.checked_on.year >= 2026
        assert len(offer.record.reason) > 10


def test_every_shown_offer_is_a_valid_data_inclusion_service():
    for offer in load_offers():
        if offer.verification == "excluded":
            continue
        service = to_service(offer.record, offer.texts["fr"], territory())
        # Round-trip through the package's own model, warnings as errors.
        again = Service.model_validate(service.model_dump(), context={"ignore_warnings": False})
        assert again.id.endswith(offer.id)
        assert again.zone_eligibilite


def test_shown_offers_cite_their_sources_and_urls_of_the_source_entry():
    by_id = {e["id"]: e for e in SOURCE_ENTRIES}
    for offer in load_offers():
        if offer.verification == "excluded":
            continue
        ours = {str(s.url).rstrip("/") for s in offer.record.sources if s.url}
        theirs = {s["url"].rstrip("/") for s in by_id[offer.id]["sources"]}
        assert ours & theirs, f"{offer.id} keeps none of the researcher's source URLs"


def _rewrite(data_dir, offer_id, change):
    path = data_dir / "offers.yaml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    record = next(r for r in records if r["id"] == offer_id)
    change(record)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.mark.parametrize(
    ("offer_id", "change", "field"),
    [
        ("sante-c2s-rsa", lambda r: r["service"].update(thematiques=["sante--inexistante"]), "thematiques"),
        ("sante-c2s-rsa", lambda r: r["service"].update(publics=["tous-publics", "femmes"]), "publics"),
        ("sante-c2s-rsa", lambda r: r.update(verification="maybe"), "verification"),
        ("sante-c2s-rsa", lambda r: r.update(needs=["teleportation"]), "need"),
        ("sante-c2s-rsa", lambda r: r.update(needs=["permis"]), "permis"),
        ("sante-c2s-rsa", lambda r: r.update(checked_on="2999-01-01"), "date_maj"),
        ("sante-pfidass", lambda r: r.update(contact={"ask_mds": True}), "phone or a web"),
        ("mob-tisseo-demandeurs-emploi", lambda r: r["zone"].update(codes=["999999999"]), "EPCI"),
        ("sante-c2s-rsa", lambda r: r["contact"].update(phone="36 46"), "phone"),
        ("sante-c2s-rsa", lambda r: r.update(sources=[{"title": "no url"}]), "source"),
    ],
)
def test_a_broken_record_fails_to_load_with_its_id_and_field(data_copy, offer_id, change, field):
    _rewrite(data_copy, offer_id, change)
    with pytest.raises(OffersDataError) as error:
        load_offers(data_copy)
    assert offer_id in str(error.value)
    assert field in str(error.value)


def test_a_name_ending_with_a_period_fails_data_inclusion_validation(data_copy):
    path = data_copy / "texts" / "fr.yaml"
    texts = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts["sante-c2s-rsa"]["name"] = "Complémentaire santé solidaire."
    path.write_text(yaml.safe_dump(texts, allow_unicode=True), encoding="utf-8")
    with pytest.raises(OffersDataError, match=r"sante-c2s-rsa.*nom"):
        load_offers(data_copy)


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_a_missing_translation_fails_to_load(data_copy, lang):
    path = data_copy / "texts" / f"{lang}.yaml"
    texts = yaml.safe_load(path.read_text(encoding="utf-8"))
    del texts["sante-pmi-cd31"]
    path.write_text(yaml.safe_dump(texts, allow_unicode=True), encoding="utf-8")
    with pytest.raises(OffersDataError, match=rf"{lang}\.yaml.*sante-pmi-cd31"):
        load_offers(data_copy)


def test_texts_for_an_excluded_offer_are_refused(data_copy):
    path = data_copy / "texts" / "en.yaml"
    texts = yaml.safe_load(path.read_text(encoding="utf-8"))
    texts["mob-etre-mobile-cest-permis"] = dict(texts["sante-pmi-cd31"])
    path.write_text(yaml.safe_dump(texts, allow_unicode=True), encoding="utf-8")
    with pytest.raises(OffersDataError, match="mob-etre-mobile-cest-permis"):
        load_offers(data_copy)
