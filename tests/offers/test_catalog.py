"""Filtering by need and by commune, the « à vérifier » flag, languages, and the data·inclusion export."""

import re

import pytest
from data_inclusion.schema.v1 import Service

from pti_citizen.i18n import LANGUAGES
from pti_citizen.offers import (
    NEEDS,
    OfferQueryError,
    export_services,
    filter_offers,
    load_offers,
    need_labels,
)
from pti_citizen.offers.territory import territory
from tests.offers.readability import sentences, word_count

TOULOUSE, MURET, LABEGE, CAZERES, SAINT_GAUDENS = "31555", "31395", "31254", "31135", "31483"
TISSEO = "mob-tisseo-demandeurs-emploi"
NOU_VELO = "mob-nou-velo-pays-sud-toulousain"
SAMPLE_COMMUNES = (None, TOULOUSE, MURET, LABEGE, CAZERES, SAINT_GAUDENS, "31017")
ARABIC = re.compile(r"[\u0600-\u06FF]")


def ids(views):
    return {v.id for v in views}


def shown():
    return [o for o in load_offers() if o.verification != "excluded"]


@pytest.mark.parametrize("need", list(NEEDS))
def test_filter_by_need_returns_exactly_the_offers_tagged_with_it(need):
    expected = {o.id for o in shown() if need in o.record.needs}
    assert expected, f"no offer answers the need {need!r}"
    assert ids(filter_offers("fr", needs={need})) == expected


def test_several_needs_are_a_union_and_no_need_means_all():
    expected = {o.id for o in shown() if {"permis", "sante-mentale"} & set(o.record.needs)}
    assert ids(filter_offers("fr", needs={"permis", "sante-mentale"})) == expected
    assert ids(filter_offers("fr")) == {o.id for o in shown()}


def test_toulouse_sees_tisseo_and_comminges_does_not():
    toulouse = ids(filter_offers("fr", insee=TOULOUSE))
    assert TISSEO in toulouse
    assert NOU_VELO not in toulouse
    assert TISSEO not in ids(filter_offers("fr", insee=SAINT_GAUDENS))


def test_muret_and_labege_are_on_the_tisseo_network():
    # France Bleu (12/2017): the Muretain Agglo joined Tisséo; the Sicoval is a Tisséo member.
    assert TISSEO in ids(filter_offers("fr", insee=MURET))
    assert TISSEO in ids(filter_offers("fr", insee=LABEGE))


def test_cazeres_sees_nou_velo():
    assert NOU_VELO in ids(filter_offers("fr", needs={"vehicule"}, insee=CAZERES))


def test_commune_filter_matches_the_zone_data_for_every_commune():
    t = territory()
    for insee in t.commune_names:
        visible = ids(filter_offers("fr", insee=insee))
        for offer in shown():
            zone = offer.record.zone
            if zone.kind == "epci":
                expected = t.epci_of_commune[insee] in zone.codes
            elif zone.kind == "communes":
                expected = insee in zone.codes
            else:
                expected = True
            assert (offer.id in visible) == expected, (insee, offer.id)


def test_excluded_offers_never_appear():
    excluded = {o.id for o in load_offers() if o.verification == "excluded"}
    assert excluded
    for lang in LANGUAGES:
        for insee in SAMPLE_COMMUNES:
            for need in [None, *NEEDS]:
                views = filter_offers(lang, needs={need} if need else None, insee=insee)
                assert not ids(views) & excluded
    assert not {s["id"].split("--", 1)[1] for s in export_services(include_to_check=True)} & excluded


def test_to_check_offers_are_flagged_and_reachable_in_every_language():
    for lang in LANGUAGES:
        views = filter_offers(lang)
        to_check = [v for v in views if v.verification == "to_check"]
        assert to_check
        for view in to_check:
            assert view.to_check and view.to_check_label and view.to_check_explanation
            assert view.phone or view.web
        for view in views:
            if view.verification == "verified":
                assert not view.to_check and view.to_check_label is None


def test_verified_offers_come_first():
    flags = [v.to_check for v in filter_offers("fr")]
    assert flags == sorted(flags)


def test_every_language_is_complete_and_translated():
    french = {v.id: v for v in filter_offers("fr")}
    for lang in LANGUAGES:
        views = filter_offers(lang)
        assert ids(views) == set(french)
        labels = need_labels(lang)
        assert set(labels) == set(NEEDS) and all(labels.values())
        for view in views:
            for field in ("name", "what", "who", "how", "area"):
                value = getattr(view, field)
                assert value and value.strip(), (lang, view.id, field)
                if lang != "fr" and field in ("what", "who", "how"):  # names and places may stay as they are
                    assert value != getattr(french[view.id], field), (lang, view.id, field)
                if lang == "ar":
                    assert ARABIC.search(value), (view.id, field)
            assert (view.place is None) == (french[view.id].place is None)
            assert view.checked_on_label
    assert need_labels("en") != need_labels("fr")
    assert ARABIC.search(" ".join(need_labels("ar").values()))
    assert ARABIC.search(filter_offers("ar", needs={"soins"})[-1].to_check_label)


def test_french_texts_follow_the_falc_sentence_limits():
    counts = []
    for view in filter_offers("fr"):
        for field in ("name", "what", "who", "how", "area"):
            for sentence in sentences(getattr(view, field)):
                n = word_count(sentence)
                assert n <= 25, (view.id, sentence)
                counts.append(n)
    assert sum(counts) / len(counts) <= 15


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_unknown_need_or_commune_gives_a_field_message_in_the_users_language(lang):
    with pytest.raises(OfferQueryError) as need_error:
        filter_offers(lang, needs={"teleportation"})
    assert need_error.value.field == "needs" and "teleportation" in need_error.value.message
    with pytest.raises(OfferQueryError) as insee_error:
        filter_offers(lang, insee="75056")
    assert insee_error.value.field == "insee" and "75056" in insee_error.value.message
    if lang == "ar":
        assert ARABIC.search(need_error.value.message) and ARABIC.search(insee_error.value.message)
    if lang == "en":
        assert need_error.value.message != "Ce besoin n'existe pas : teleportation."


def test_an_unsupported_language_falls_back_to_french():
    assert [v.name for v in filter_offers("de")] == [v.name for v in filter_offers("fr")]


def test_export_is_valid_data_inclusion_and_only_verified_by_default():
    verified = {o.id for o in load_offers() if o.verification == "verified"}
    services = export_services()
    assert {s["id"].split("--", 1)[1] for s in services} == verified
    for service in services:
        Service.model_validate(service, context={"ignore_warnings": False})
    ids_ = [s["id"] for s in services]
    assert len(ids_) == len(set(ids_))
