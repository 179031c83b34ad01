"""Sentence splitting and word counting, the base of the FALC sentence-length rule."""

from __future__ import annotations

from pti_citizen.content.model import TextBlock
from pti_citizen.content.readability import count_words, measure, split_sentences


def test_sentences_end_at_full_stops_question_and_exclamation_marks():
    assert split_sentences("Vous déclarez vos revenus. C'est obligatoire ! Et ensuite ? La CAF paie…") == [
        "Vous déclarez vos revenus.",
        "C'est obligatoire !",
        "Et ensuite ?",
        "La CAF paie…",
    ]


def test_closing_quotes_stay_with_their_sentence():
    assert split_sentences("Cliquez sur « Valider. » Puis attendez.") == [
        "Cliquez sur « Valider. »",
        "Puis attendez.",
    ]


def test_abbreviations_and_addresses_do_not_end_a_sentence():
    assert split_sentences("Voir l'art. L262-2 du code. Allez sur caf.fr pour cela.") == [
        "Voir l'art. L262-2 du code.",
        "Allez sur caf.fr pour cela.",
    ]


def test_words_are_tokens_with_a_letter_or_digit_and_urls_are_not_words():
    assert count_words("Le RSA : 651,69 € par mois — voir https://www.caf.fr et www.msa.fr") == 7


def test_headings_and_list_items_are_sentences_of_their_own():
    blocks = [
        TextBlock("heading", "Les papiers à préparer"),
        TextBlock("item", "Votre pièce d'identité"),
        TextBlock("item", "Votre RIB"),
        TextBlock("paragraph", "Gardez-les près de vous. Vous en aurez besoin."),
    ]
    measured = measure(blocks)
    assert [s.words for s in measured.sentences] == [4, 3, 2, 4, 4]
    assert measured.mean_words == 17 / 5
    assert measured.longest.text == "Les papiers à préparer"
