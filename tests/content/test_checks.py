"""The checks pass on the shipped content, and each rule fails on a copy broken on purpose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from pti_citizen.content.checks import acronyms, check_content, main
from pti_citizen.content.loader import CONTENT_DIR
from pti_citizen.content.schema import split_front_matter


def test_the_shipped_content_passes_every_check():
    problems = check_content()
    assert problems == [], "\n".join(str(p) for p in problems)


def test_the_hand_written_mini_site_passes_every_check(mini_content):
    assert check_content(mini_content) == []


@pytest.fixture(params=["mini", "shipped"])
def root(request, mini_content, tmp_path) -> Path:
    """Each broken-copy test runs on the tiny site and on a copy of the real content."""
    if request.param == "mini":
        return mini_content
    return request.getfixturevalue("content_copy")


def french_page(root: Path) -> Path:
    """A French content page other than the glossary page."""
    return next(f for f in sorted((root / "pages" / "fr").glob("*.md")) if f.stem != "mots-du-rsa")


def edit_front_matter(file: Path, change) -> None:
    front, body = split_front_matter(file.read_text(encoding="utf-8"))
    meta = yaml.safe_load(front)
    change(meta)
    file.write_text(
        f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n{body}", encoding="utf-8"
    )


def append_to_body(file: Path, text: str) -> None:
    file.write_text(file.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def problems_of(root: Path, check: str, today: dt.date | None = None):
    found = check_content(root, today=today)
    assert found, "the broken copy should fail"
    return [p for p in found if p.check == check], found


def test_a_page_without_source_fails(root):
    file = french_page(root)
    edit_front_matter(file, lambda meta: meta.pop("sources"))
    matching, _ = problems_of(root, "sources")
    assert [p.file for p in matching] == [file]


def test_a_source_without_title_or_https_fails(root):
    file = french_page(root)
    edit_front_matter(
        file, lambda meta: meta.update(sources=[{"url": "http://www.caf.fr"}, {"title": "sans lien"}])
    )
    matching, _ = problems_of(root, "sources")
    assert len(matching) == 2 and {p.file for p in matching} == {file}


def test_a_date_in_the_future_fails(root):
    file = french_page(root)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    edit_front_matter(file, lambda meta: meta.update(checked_on=tomorrow.isoformat()))
    matching, _ = problems_of(root, "dates")
    assert [p.file for p in matching] == [file]
    assert "in the future" in matching[0].message


@pytest.mark.parametrize("bad_date", ["2026-02-30", "29/11/2026", "bientôt"])
def test_a_date_that_is_not_a_real_date_fails(root, bad_date):
    file = french_page(root)
    edit_front_matter(file, lambda meta: meta.update(checked_on=bad_date))
    matching, _ = problems_of(root, "dates")
    assert [p.file for p in matching] == [file]


def test_a_review_status_outside_the_allowed_set_fails(root):
    file = french_page(root)
    edit_front_matter(file, lambda meta: meta.update(review_status="validé"))
    matching, _ = problems_of(root, "review-status")
    assert [p.file for p in matching] == [file]


def test_a_misspelt_key_fails(root):
    file = french_page(root)
    edit_front_matter(file, lambda meta: meta.update({"checked-on": "2026-01-01"}))
    matching, _ = problems_of(root, "front-matter")
    assert [p.file for p in matching] == [file] and "checked-on" in matching[0].message


THIRTY_WORDS = (
    "Quand vous recevez une lettre de la caisse qui vous demande des papiers pour votre dossier, "
    "vous devez répondre vite et envoyer tous les papiers demandés avant la date écrite."
)


def test_a_thirty_word_sentence_fails_and_is_quoted(root):
    assert len(THIRTY_WORDS.split()) == 30
    file = french_page(root)
    append_to_body(file, THIRTY_WORDS)
    matching, found = problems_of(root, "readability")
    assert {p.file for p in matching} == {file}
    assert any("30 words" in p.message and THIRTY_WORDS in p.message for p in matching)
    assert {p.check for p in found} == {"readability"}


def test_a_page_whose_sentences_are_too_long_on_average_fails(mini_content):
    # 20-word sentences: each under the 25-word limit, but the page average is over 15.
    sentence = "Vous pouvez demander de l'aide à la personne qui vous suit quand vous ne comprenez pas une lettre reçue."
    assert len(sentence.split()) == 20
    file = mini_content / "pages" / "fr" / "contact.md"
    append_to_body(file, " ".join([sentence] * 6))
    matching, _ = problems_of(mini_content, "readability")
    assert len(matching) == 1 and "mean sentence length" in matching[0].message


@pytest.mark.parametrize(
    "link", ["[voir](page:n-existe-pas)", "[mot](glossaire:n-existe-pas)", "[outil](app:n-existe-pas)"]
)
def test_a_broken_internal_link_fails(root, link):
    file = french_page(root)
    append_to_body(file, f"Vous pouvez {link} ici.")
    matching, found = problems_of(root, "links")
    assert [p.file for p in matching] == [file]
    assert {p.check for p in found} == {"links"}


def test_a_stale_translation_fails(root):
    file = root / "pages" / "en" / french_page(root).name

    def make_older(meta):
        meta["source_checked_on"] = dt.date.fromisoformat(str(meta["source_checked_on"])) - dt.timedelta(
            days=1
        )

    edit_front_matter(file, make_older)
    matching, _ = problems_of(root, "translation")
    assert [p.file for p in matching] == [file] and "stale" in matching[0].message


def test_a_translation_must_say_what_it_translates(root):
    file = root / "pages" / "ar" / french_page(root).name
    edit_front_matter(file, lambda meta: meta.pop("translation_of"))
    matching, _ = problems_of(root, "translation")
    assert [p.file for p in matching] == [file]


def test_a_page_missing_in_one_language_fails(root):
    file = root / "pages" / "es" / french_page(root).name
    file.unlink()
    matching, _ = problems_of(root, "languages")
    assert file in [p.file for p in matching]


def test_a_glossary_entry_missing_in_one_language_fails(root):
    file = root / "glossary" / "ar.yaml"
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    data["entries"] = data["entries"][1:]
    file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    matching, _ = problems_of(root, "languages")
    assert [p.file for p in matching] == [file]


def test_raw_html_fails(root):
    file = french_page(root)
    append_to_body(file, 'Un texte <span style="color:red">rouge</span>.')
    matching, found = problems_of(root, "html")
    assert {p.file for p in matching} == {file}
    assert {p.check for p in found} == {"html"}


def test_an_acronym_missing_from_the_glossary_fails_and_names_its_sentence(root):
    file = french_page(root)
    append_to_body(file, "Demandez la ZRPX.")
    matching, _ = problems_of(root, "acronyms")
    assert [p.file for p in matching] == [file] and "« Demandez la ZRPX. »" in matching[0].message


def test_a_heading_that_skips_a_level_fails(root):
    file = french_page(root)
    append_to_body(file, "#### Trop bas")
    matching, _ = problems_of(root, "headings")
    assert [p.file for p in matching] == [file]


def test_acronyms_are_capital_words_of_two_letters_or_more():
    text = "La CAF et la C2S, l'APL, selon l'art. L262-2 ; pas À ni 2026 ; voir https://www.caf.fr/RSA."
    assert acronyms(text) == {"CAF", "C2S", "APL"}


def test_the_command_prints_figures_and_exits_0_on_the_shipped_content(capsys):
    assert main(["--stats"]) == 0
    out = capsys.readouterr().out
    assert "Content OK" in out and "[fr]" in out


def test_the_command_exits_1_and_names_the_file_when_something_is_wrong(mini_content, capsys):
    append_to_body(mini_content / "pages" / "fr" / "contact.md", "<b>gras</b>")
    assert main(["--root", str(mini_content)]) == 1
    assert str(mini_content / "pages" / "fr" / "contact.md") in capsys.readouterr().out


def test_the_content_folder_is_inside_the_package():
    assert (CONTENT_DIR / "pages").is_dir() and (CONTENT_DIR / "glossary").is_dir()
