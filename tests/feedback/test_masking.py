"""Personal data in comments is masked before storage: e-mails, phones, social security numbers,
IBANs, CAF numbers, long numbers and street addresses. Reference values are built here from the
published formats (ISO 13616 IBAN check digits, NIR key = 97 − number mod 97, French numbering plan),
not taken from the masking code."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pti_citizen.feedback.masking import (
    ADDRESS_MARK,
    EMAIL_MARK,
    IBAN_MARK,
    MARKS,
    NIR_MARK,
    NUMBER_MARK,
    PHONE_MARK,
    mask_personal_data,
)

# Any 6 digits or more, with the usual separators between them: must never survive masking.
DIGIT_RUN = re.compile(r"\d(?:[ \t.\-/_]{0,3}\d){5,}")


def iban(country: str, bban: str) -> str:
    """ISO 13616: check digits = 98 − (BBAN + country + "00", letters as 10..35) mod 97."""
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


def nir(body13: str) -> str:
    """INSEE social security number with its key (97 − number mod 97; 2A/2B count as 19/18)."""
    number = int(body13.replace("2A", "19").replace("2B", "18"))
    return f"{body13}{97 - number % 97:02d}"


def grouped(value: str, sizes: list[int], sep: str = " ") -> str:
    parts, i = [], 0
    for size in sizes:
        parts.append(value[i : i + size])
        i += size
    if i < len(value):
        parts.append(value[i:])
    return sep.join(p for p in parts if p)


def test_reference_builders_match_known_examples():
    # The French example IBAN of the ECBS registry, and the example NIR of fr.wikipedia.org
    # (« Numéro de sécurité sociale en France »: 2 55 08 14 168 025 38).
    assert iban("FR", "30006000011234567890189") == "FR7630006000011234567890189"
    assert nir("2550814168025") == "255081416802538"


@pytest.mark.parametrize(
    ("text", "secret", "mark"),
    [
        ("écrivez-moi : jean.dupont@example.org merci", "jean.dupont@example.org", EMAIL_MARK),
        ("mail JEAN_DUPONT+rsa@mail.example.fr", "example.fr", EMAIL_MARK),
        ("jean.dupont (at) example point org", "example", EMAIL_MARK),
        ("appelez le 06 12 34 56 78 svp", "06 12 34 56 78", PHONE_MARK),
        ("tel 06.12.34.56.78", "06.12.34.56.78", PHONE_MARK),
        ("tel 0612345678", "0612345678", PHONE_MARK),
        ("+33 6 12 34 56 78", "6 12 34 56 78", PHONE_MARK),
        ("+33 (0)5 61 00 00 00", "61 00 00 00", PHONE_MARK),
        ("0033 7 12 34 56 78", "12 34 56 78", PHONE_MARK),
        ("mon numéro CAF : 1234567", "1234567", NUMBER_MARK),
        ("n° allocataire 7654321 merci", "7654321", NUMBER_MARK),
        ("numéro de dossier: 0123456", "0123456", NUMBER_MARK),
        ("je suis né le 12/05/1985", "12/05/1985", NUMBER_MARK),
        ("J'habite 12 rue des Lilas, Muret", "rue des Lilas", ADDRESS_MARK),
        ("au 3 bis avenue de Muret à Toulouse", "avenue de Muret", ADDRESS_MARK),
        ("5, impasse du Moulin", "impasse du Moulin", ADDRESS_MARK),
    ],
)
def test_personal_data_is_replaced_by_a_marker(text, secret, mark):
    masked = mask_personal_data(text)
    assert secret.lower() not in masked.lower()
    assert mark in masked


@pytest.mark.parametrize("sizes", [[4, 4, 4, 4, 4, 4, 3], [27]])
def test_ibans_are_masked_grouped_or_not(sizes):
    value = iban("FR", "30006000011234567890189")
    masked = mask_personal_data(f"mon RIB {grouped(value, sizes)} pour le virement")
    assert IBAN_MARK in masked and "3000" not in masked


def test_social_security_numbers_are_masked():
    for body in ("1850578006084", "2690299341732", "1770799123456"):
        value = nir(body)
        for text in (value, grouped(value, [1, 2, 2, 2, 3, 3, 2])):
            masked = mask_personal_data(f"numéro sécu {text}")
            assert NIR_MARK in masked or NUMBER_MARK in masked
            assert not DIGIT_RUN.search(masked)


def test_digits_of_other_scripts_and_invisible_characters_do_not_hide_a_phone_number():
    for text in (
        "٠٦١٢٣٤٥٦٧٨",
        "０６１２３４５６７８",
        "06\u200b12\u200b34\u200b56\u200b78",
        "06\u00a012\u00a034\u00a056\u00a078",
    ):
        masked = mask_personal_data(text)
        assert PHONE_MARK in masked, text


@pytest.mark.parametrize(
    "text",
    [
        "Le montant de 651,69 € n'est pas clair.",
        "J'ai appelé le 3949 et on m'a dit d'attendre 15 jours.",
        "Le 1er avril 2026, le RSA augmente ?",
        "Je ne comprends pas le mot « référent ».",
        "J'ai 3 enfants et 2 places en crèche.",
        "لا أفهم هذه الصفحة، الرجاء شرح أبسط.",
        "No entiendo la diferencia entre CAF y MSA.",
    ],
)
def test_ordinary_comments_are_kept_as_written(text):
    assert mask_personal_data(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .-/_@abcdefXYZéà+()\n\t٣٤０\u200b")), max_size=120))
def test_no_run_of_six_digits_or_email_survives(text):
    masked = mask_personal_data(text)
    assert not DIGIT_RUN.search(masked)
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w-]+", masked)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_masking_is_idempotent_and_never_crashes(text):
    once = mask_personal_data(text)
    assert mask_personal_data(once) == once


@settings(max_examples=100, deadline=None)
@given(
    before=st.text(alphabet=st.characters(categories=["L", "Zs"]), max_size=40),
    after=st.text(alphabet=st.characters(categories=["L", "Zs"]), max_size=40),
    digits=st.text(alphabet="0123456789", min_size=8, max_size=8),
    prefix=st.sampled_from(["06", "07", "01", "05", "09"]),
)
def test_french_mobile_and_landline_numbers_anywhere_in_a_sentence(before, after, digits, prefix):
    number = grouped(prefix + digits, [2, 2, 2, 2, 2])
    masked = mask_personal_data(f"{before} {number} {after}")
    assert number not in masked
    assert any(mark in masked for mark in MARKS)


@pytest.mark.parametrize(
    ("text", "secret", "mark"),
    [
        ("jean point dupont at gmail point com", "gmail", EMAIL_MARK),
        ("jean.dupont at gmail.com", "gmail.com", EMAIL_MARK),
        ("jean@gmail。com", "gmail", EMAIL_MARK),
        ("06,12,34,56,78", "12,34", PHONE_MARK),
        ("06    12    34    56    78", "34", PHONE_MARK),
        ("06\n12\n34\n56\n78", "34", PHONE_MARK),
        ("06–12–34–56–78", "34", PHONE_MARK),
        ("06|12|34|56|78", "34", PHONE_MARK),
        ("0\u03016\u0301 1\u03012\u0301 3\u03014\u0301 5\u03016\u0301 7\u03018\u0301", "\u0301", PHONE_MARK),
        ("FR76,3000,6000,0112,3456,7890,189", "3000", IBAN_MARK),
        ("2,55,08,14,168,025,38", "168", NIR_MARK),
    ],
)
def test_the_bypasses_of_issue_13_are_masked(text, secret, mark):
    """Issue #13 item 8: each of these was stored verbatim."""
    masked = mask_personal_data(text)
    assert mark in masked and secret not in masked
    assert not DIGIT_RUN.search(masked)


def test_amounts_with_commas_stay_readable():
    assert mask_personal_data("Je touche 1 234,56 € par mois") == "Je touche 1 234,56 € par mois"


@pytest.mark.parametrize(
    "text", [".@0.0", "jean.@mail.fr", "écrivez à .jean@mail.fr", "jean..dupont@mail.fr"]
)
def test_an_address_with_stray_dots_is_masked_too(text):
    """Dots typed in haste before the « @ » (found by the property above) do not let an address through."""
    masked = mask_personal_data(text)
    assert "@" not in masked
    assert EMAIL_MARK in masked
