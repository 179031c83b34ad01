"""The receipt of an answer: only the server can make one, for one answer, one page, one language."""

from __future__ import annotations

import pytest

from pti_citizen.feedback.receipts import MAX_RECEIPT_LENGTH, make_receipt, read_receipt

KEY = bytes(range(32))
PAGE = "droits/montant-du-rsa"


def test_a_receipt_gives_back_its_answer():
    receipt = make_receipt(KEY, 42, "fr", PAGE)
    assert read_receipt(KEY, receipt, "fr", PAGE) == 42
    assert len(receipt) <= MAX_RECEIPT_LENGTH and receipt.startswith("42.")


@pytest.mark.parametrize(
    ("key", "lang", "page"),
    [(bytes(32), "fr", PAGE), (KEY, "ar", PAGE), (KEY, "fr", "droits/rsa-c-est-quoi")],
)
def test_it_is_worth_nothing_with_another_key_language_or_page(key, lang, page):
    assert read_receipt(key, make_receipt(KEY, 42, "fr", PAGE), lang, page) is None


def test_its_signature_does_not_fit_another_answer():
    signature = make_receipt(KEY, 42, "fr", PAGE).split(".")[1]
    assert read_receipt(KEY, f"43.{signature}", "fr", PAGE) is None


@pytest.mark.parametrize(
    "receipt",
    [
        None,
        42,
        "",
        "42",
        "42.",
        ".abc",
        "0.AAAAAAAAAAAAAAAAAAAAAA",
        "-1.AAAAAAAAAAAAAAAAAAAAAA",
        "42.AAAAAAAAAAAAAAAAAAAAAA",
        "4" * 30 + ".AAAAAAAAAAAAAAAAAAAAAA",
        "x" * 10_000,
        "42.é" * 5,
    ],
)
def test_anything_else_is_not_a_receipt(receipt):
    assert read_receipt(KEY, receipt, "fr", PAGE) is None
