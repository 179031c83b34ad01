"""The wizard « Est-ce que j'ai droit au RSA ? » in the browser: three journeys with their amounts, in
French and Arabic (one of them keyboard only), reload and back keep the answers, money input errors,
result page (print, share, mediator QR code), shared links, and the kiosk erase.

Expected amounts come from the contract examples computed with OpenFisca-France
(``tests/simulator/data/rsa-examples.json``, copied from /work/shared/contracts) and from the law's
parameters in force since 1 April 2026 (décret n° 2026-220: 651,69 € for one person; art. R262-1
CASF: +50 % for the 2nd person, +30 % for the 3rd and 4th; art. R262-9: forfait logement 12 %),
never from the app's own output. The examples are for October 2026; the wizard estimates the
current month, so a guard checks that the same amounts are in force now.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import urllib.parse
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pti_citizen.simulator import default_table
from pti_citizen.ui.simulator import flow, texts
from tests.e2e.a11y import HORIZONTAL_OVERFLOW_JS, SMALL_TARGETS_JS, axe_violations
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

EXAMPLES = {
    example["name"]: example
    for example in json.loads(
        (Path(__file__).parents[1] / "simulator" / "data" / "rsa-examples.json").read_text(encoding="utf-8")
    )
}
P = flow.parameters()
SALARY = Decimal("1000")
FAMILY_BENEFITS = Decimal("153.01")


def _example(name: str) -> dict:
    return EXAMPLES[name]["expected"]


def _amounts_in_force_are_those_of_the_examples() -> None:
    table, today = default_table(), dt.date.today()
    assert table.for_month(today.year, today.month) == table.for_month(2026, 10), (
        "the RSA amounts in force this month differ from October 2026: update the expected amounts"
    )


#: (question, answer) in the order the wizard asks them. Answers are button codes or typed text.
SINGLE_TENANT = [
    ("couple", "single"),
    ("age", "30"),
    ("children_count", "0"),
    ("pregnant", "no"),
    ("nationality", "fr"),
    ("student", "no"),
    ("housing", "tenant"),
    ("housing_benefit", "250"),
    ("earned", "0"),
    ("other_income", "0"),
]
# 651,69 − min(250, 12 % × 651,69 = 78,20) = 573,49 (example « single, 30, tenant, housing benefit 250 »).
SINGLE_TENANT_AMOUNT = Decimal(
    str(_example("single, 30, tenant, housing benefit 250 (forfait logement 12%)")["monthly_amount"])
)

COUPLE_WITH_SALARY = [
    ("couple", "couple"),
    ("age", "35"),
    ("partner_age", "33"),
    ("children_count", "2"),
    ("children_ages", ["8", "5"]),
    ("nationality", "fr"),
    ("partner_nationality", "fr"),
    ("student", "no"),
    ("partner_student", "no"),
    ("housing", "tenant"),
    ("housing_benefit", "0"),
    ("earned", "1 000 €"),
    ("partner_earned", "0"),
    ("other_income", "0"),
    ("family_benefits", "153,01"),
]
# Base for a couple with 2 children: 651,69 × 2,1 = 1 368,55 (OpenFisca rsa_socle of the example
# « couple 35/33 with 2 children (8, 5), family benefits 153.01 »), minus 153,01 and the 1 000 € salary.
COUPLE_AMOUNT = (
    Decimal(
        str(_example("couple 35/33 with 2 children (8, 5), family benefits 153.01")["openfisca"]["rsa_socle"])
    )
    - FAMILY_BENEFITS
    - SALARY
)

SINGLE_PARENT_BABY = [
    ("couple", "single"),
    ("age", "28"),
    ("children_count", "1"),
    ("children_ages", ["1"]),
    ("nationality", "fr"),
    ("student", "no"),
    ("housing", "tenant"),
    ("housing_benefit", "0"),
    ("earned", "0"),
    ("other_income", "0"),
    ("family_benefits", "0"),
]
# RSA majoré: 651,69 × (128,412 % + 42,804 %) = 1 115,80 (example « single parent, 28, baby aged 1 »).
SINGLE_PARENT_AMOUNT = Decimal(
    str(_example("single parent, 28, baby aged 1, separated 4 months ago (RSA majoré)")["monthly_amount"])
)


def digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


class Wizard:
    """Drives the wizard by visible labels in the page's language (from the app's catalogs)."""

    def __init__(self, page, app_url: str, lang: str, *, keyboard: bool = False, check_axe: bool = False):
        self.page, self.app_url, self.lang = page, app_url, lang
        self.keyboard, self.check_axe = keyboard, check_axe
        self.q = texts.question_texts(lang, P)
        self.t = texts.page_texts(lang)
        self.errors = texts.error_texts(lang, P)
        self.problems: list[str] = []

    def open(self) -> Wizard:
        self.page.goto(f"{self.app_url}/{self.lang}/simulateur")
        wait_for_app(self.page)
        expect(self.page.get_by_role("heading", level=1, name=self.t["title"])).to_be_visible()
        return self

    def expect_question(self, question: str) -> None:
        expect(self.page.locator("[data-question]")).to_have_attribute("data-question", question)
        text = self.q[question]
        titles = [text.title.self] + ([text.couple_title.self] if text.couple_title else [])
        expect(self.page.get_by_role("heading", level=2)).to_contain_text(
            re.compile("|".join(re.escape(title) for title in titles))
        )

    def _audit(self, where: str) -> None:
        if self.check_axe:
            self.problems += [f"{where}: {v}" for v in axe_violations(self.page)]
            self.problems += [f"{where}: small target {v}" for v in self.page.evaluate(SMALL_TARGETS_JS)]

    def _tab_to(self, accessible: str, *, field_id: str | None = None) -> None:
        for _ in range(40):
            self.page.keyboard.press("Tab")
            found = self.page.evaluate(
                "() => { const e = document.activeElement; return [e.id, (e.innerText || '').trim()]; }"
            )
            if (field_id and found[0] == field_id) or (not field_id and found[1].startswith(accessible)):
                return
        raise AssertionError(f"Tab never reached {accessible or field_id}")

    def answer(self, question: str, value) -> None:
        self.expect_question(question)
        if self.keyboard and question != flow.FIRST:
            # Focus moves to the new question, so that a screen reader reads it and Tab starts there.
            expect(self.page.get_by_role("heading", level=2)).to_be_focused()
        self._audit(question)
        spec = flow.BY_ID[question]
        text = self.q[question]
        page = self.page
        if spec.kind in (flow.CHOICE, flow.COUNT) and value in spec.choices:
            label = text.choices[value]
            if self.keyboard:
                self._tab_to(label)
                page.keyboard.press("Enter")
            else:
                page.get_by_role("button", name=label, exact=True).click()
            return
        if spec.kind == flow.AGES:
            for index, age in enumerate(value):
                label = text.field.format(n=index + 1)
                if self.keyboard:
                    self._tab_to("", field_id=f"child-{index}")
                    page.keyboard.type(age)
                else:
                    page.get_by_label(label, exact=True).fill(age)
            if self.keyboard:
                page.keyboard.press("Enter")
            else:
                page.get_by_role("button", name=self.t["continue"]).click()
            return
        if self.keyboard:
            self._tab_to("", field_id="answer-input")
            page.keyboard.press("Control+A")
            page.keyboard.type(value)
            page.keyboard.press("Enter")
        else:
            page.get_by_label(text.field, exact=True).fill(value)
            page.get_by_role("button", name=self.t["continue"]).click()

    def run(self, journey, *, eligible: bool = True) -> None:
        for question, value in journey:
            self.answer(question, value)
        self.page.wait_for_url(re.compile(rf"/{self.lang}/simulateur/resultat/?$"))
        verdict = self.t["eligible_self"] if eligible else self.t["not_eligible_self"]
        expect(self.page.get_by_text(verdict)).to_be_visible()
        expect(self.page.locator("#result-amount")).to_have_count(1 if eligible else 0)
        self._audit("result")


def set_mode(page, app_url: str, mode: str, **extra: str) -> None:
    page.goto(f"{app_url}/fr/")
    wait_for_app(page)
    items = {"pti_mode": mode, **extra}
    page.evaluate(
        "(items) => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }", items
    )


@pytest.mark.parametrize(
    ("journey", "expected", "lang", "keyboard"),
    [
        pytest.param(SINGLE_TENANT, SINGLE_TENANT_AMOUNT, "fr", False, id="single-tenant-fr"),
        pytest.param(SINGLE_TENANT, SINGLE_TENANT_AMOUNT, "ar", False, id="single-tenant-ar"),
        pytest.param(COUPLE_WITH_SALARY, COUPLE_AMOUNT, "fr", False, id="couple-salary-fr"),
        pytest.param(COUPLE_WITH_SALARY, COUPLE_AMOUNT, "ar", True, id="couple-salary-ar-keyboard"),
        pytest.param(SINGLE_PARENT_BABY, SINGLE_PARENT_AMOUNT, "fr", True, id="single-parent-fr-keyboard"),
        pytest.param(SINGLE_PARENT_BABY, SINGLE_PARENT_AMOUNT, "ar", False, id="single-parent-ar"),
    ],
)
def test_journey_shows_the_amount_of_the_law(page, app_url, journey, expected, lang, keyboard):
    _amounts_in_force_are_those_of_the_examples()
    page.set_viewport_size({"width": 390, "height": 844})
    wizard = Wizard(page, app_url, lang, keyboard=keyboard, check_axe=not keyboard).open()
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        lang,
        "rtl" if lang == "ar" else "ltr",
    ]
    wizard.run(journey)
    t = wizard.t
    amount = page.locator("#result-amount").inner_text()
    assert digits(amount) == digits(f"{expected:.2f}"), amount
    # CLDR money format of the language: 573,49 € in French, Latin digits with a point in Arabic.
    decimal_mark = "," if lang == "fr" else "."
    assert f"{decimal_mark}{int(expected * 100) % 100:02d}" in amount and "€" in amount
    expect(page.get_by_text(t["eligible_self"])).to_be_visible()
    expect(page.get_by_text(t["estimate_only"])).to_be_visible()
    expect(page.get_by_role("heading", name=t["detail"])).to_be_visible()
    expect(page.get_by_role("link", name=t["guide_link"])).to_have_attribute(
        "href", f"/{lang}/demarches/demander-le-rsa-en-ligne"
    )
    expect(page.get_by_role("link", name=t["c2s_link"])).to_have_attribute(
        "href", f"/{lang}/demarches/complementaire-sante-solidaire"
    )
    expect(page.get_by_role("link", name=t["locator_link"]).first).to_have_attribute(
        "href", f"/{lang}/trouver-une-mds"
    )
    works = any(question.endswith("earned") and value.strip() not in ("", "0") for question, value in journey)
    expect(page.get_by_text(t["prime_self"])).to_have_count(1 if works else 0)
    assert wizard.problems == []


def test_helper_mode_speaks_of_the_person_helped(page, app_url):
    set_mode(page, app_url, "aidant")
    wizard = Wizard(page, app_url, "fr").open()
    helper_title = wizard.q["couple"].title.helper
    expect(page.get_by_role("heading", level=2)).to_contain_text(helper_title)
    expect(page.get_by_text(wizard.q["couple"].title.self)).to_be_hidden()
    for question, value in SINGLE_TENANT:
        page.locator("[data-question]").get_by_role("heading", level=2).wait_for()
        expect(page.get_by_role("heading", level=2)).to_contain_text(wizard.q[question].title.helper)
        spec = flow.BY_ID[question]
        if spec.kind in (flow.CHOICE, flow.COUNT):
            page.get_by_role("button", name=wizard.q[question].choices[value], exact=True).click()
        else:
            page.get_by_label(wizard.q[question].field, exact=True).fill(value)
            page.get_by_role("button", name=wizard.t["continue"]).click()
    page.wait_for_url(re.compile(r"/fr/simulateur/resultat/?$"))
    expect(page.get_by_text(wizard.t["eligible_helper"])).to_be_visible()
    # The engine was told the audience: its sentences speak of the person helped too.
    expect(page.get_by_text("La personne que vous aidez touche une aide au logement")).to_be_visible()
    assert axe_violations(page) == []


def test_reload_and_back_keep_the_answers(page, app_url):
    wizard = Wizard(page, app_url, "fr").open()
    for question, value in SINGLE_TENANT[:3]:
        wizard.answer(question, value)
    wizard.expect_question("pregnant")
    expect(page.get_by_text("Question 4 sur")).to_be_visible()

    page.reload()
    wait_for_app(page)
    wizard.expect_question("pregnant")
    stored = page.evaluate("() => sessionStorage.getItem('pti_simulateur_reponses')")
    assert json.loads(stored) == {"couple": "single", "age": "30", "children_count": "0"}

    page.get_by_role("button", name=wizard.t["back"]).click()
    wizard.expect_question("children_count")
    expect(
        page.get_by_role("button", name=wizard.q["children_count"].choices["0"], exact=True)
    ).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("heading", level=2)).to_be_focused()
    page.get_by_role("button", name=wizard.t["back"]).click()
    wizard.expect_question("age")
    expect(page.get_by_label(wizard.q["age"].field, exact=True)).to_have_value("30")
    page.get_by_role("button", name=wizard.t["back"]).click()
    wizard.expect_question("couple")
    expect(
        page.get_by_role("button", name=wizard.q["couple"].choices["single"], exact=True)
    ).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name=wizard.t["back"])).to_have_count(0)
    # Going forward again keeps every later answer.
    wizard.answer("couple", "single")
    expect(page.get_by_label(wizard.q["age"].field, exact=True)).to_have_value("30")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_invalid_money_gets_a_message_next_to_the_field(page, app_url, lang):
    wizard = Wizard(page, app_url, lang, check_axe=True).open()
    for question, value in SINGLE_TENANT[:7]:
        wizard.answer(question, value)
    wizard.expect_question("housing_benefit")
    field = page.get_by_label(wizard.q["housing_benefit"].field, exact=True)
    cases = [
        ("-50", "money_negative"),
        ("abc", "money_not_a_number"),
        ("1,200", "money_ambiguous"),
        ("12,345", "money_ambiguous"),
        ("3,14159", "money_decimals"),
        ("", "money_required"),
        ("2 000 000", "money_too_big"),
    ]
    for typed, code in cases:
        field.fill(typed)
        page.get_by_role("button", name=wizard.t["continue"]).click()
        message = page.locator("#answer-error")
        expect(message).to_contain_text(wizard.errors[code])
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_be_focused()
        assert "answer-error" in field.get_attribute("aria-describedby")
        wizard.expect_question("housing_benefit")
    assert axe_violations(page) == []
    # Every way of writing the same amount is accepted (with no-break spaces too).
    field.fill("1\u202f200,50\u00a0€")
    page.get_by_role("button", name=wizard.t["continue"]).click()
    wizard.expect_question("earned")
    page.get_by_role("button", name=wizard.t["back"]).click()
    expect(field).to_have_value("1\u202f200,50\u00a0€")
    expect(field).to_have_attribute("aria-invalid", "false")
    assert wizard.problems == []


def test_invalid_ages_get_messages(page, app_url):
    wizard = Wizard(page, app_url, "fr").open()
    wizard.answer("couple", "single")
    age = page.get_by_label(wizard.q["age"].field, exact=True)
    for typed, code in [("trente", flow.WHOLE_NUMBER), ("12", flow.AGE_RANGE), ("", flow.REQUIRED)]:
        age.fill(typed)
        page.get_by_role("button", name=wizard.t["continue"]).click()
        expect(page.locator("#answer-error")).to_contain_text(wizard.errors[code])
    age.fill("30")
    page.get_by_role("button", name=wizard.t["continue"]).click()
    page.get_by_label(wizard.q["children_count"].field).fill("6")
    page.get_by_role("button", name=wizard.t["count_submit"]).click()
    wizard.expect_question("children_ages")
    for index in range(6):
        page.get_by_label(wizard.q["children_ages"].field.format(n=index + 1), exact=True).fill(
            "30" if index == 2 else "4"
        )
    page.get_by_role("button", name=wizard.t["continue"]).click()
    third = page.get_by_label(wizard.q["children_ages"].field.format(n=3), exact=True)
    expect(third).to_have_attribute("aria-invalid", "true")
    expect(third).to_be_focused()
    expect(page.locator("#error-child-2")).to_contain_text(wizard.errors[flow.CHILD_AGE_RANGE])
    expect(page.get_by_label(wizard.q["children_ages"].field.format(n=1), exact=True)).to_have_attribute(
        "aria-invalid", "false"
    )
    assert axe_violations(page) == []
    # Back: the typed number is still there; a number chosen with a button is not typed in the field.
    page.get_by_role("button", name=wizard.t["back"]).click()
    wizard.expect_question("children_count")
    more = page.get_by_label(wizard.q["children_count"].field)
    expect(more).to_have_value("6")
    wizard.answer("children_count", "2")
    wizard.expect_question("children_ages")
    expect(page.get_by_label(wizard.q["children_ages"].field.format(n=3), exact=True)).to_have_count(0)
    page.get_by_role("button", name=wizard.t["back"]).click()
    expect(more).to_have_value("")
    expect(page.get_by_role("button", name="2", exact=True)).to_have_attribute("aria-pressed", "true")


def _shared_link(page) -> str:
    return page.get_by_role("link", name=re.compile(r"resultat\?m=")).get_attribute("href")


def test_mediator_hands_over_a_qr_code_that_opens_the_result_without_the_answers(browser, page, app_url):
    set_mode(page, app_url, "mediateur")
    wizard = Wizard(page, app_url, "fr").open()
    wizard.run(SINGLE_TENANT)
    t = wizard.t
    qr = page.get_by_role("img", name=t["qr_alt"])
    expect(qr).to_be_visible()
    assert qr.get_attribute("src").startswith("/api/v1/rsa/qr.svg?")  # our own origin: no data: image
    link = _shared_link(page)
    parsed = urllib.parse.urlsplit(link)
    query = urllib.parse.parse_qs(parsed.query, keep_blank_values=True)
    # Only the outcome travels: amount, eligibility, next steps, month. No answer.
    assert set(query) == {"m", "e", "n", "mois"}
    assert query["m"] == [f"{SINGLE_TENANT_AMOUNT:.2f}"] and query["e"] == ["1"]
    assert "250" not in link and "30" not in parsed.query.replace(query["m"][0], "")
    # The QR code is the same link (segno is deterministic: same text, same symbol).
    from pti_citizen.ui.simulator.share import qr_code_svg

    served = page.request.get(app_url + qr.get_attribute("src"))
    assert served.headers["content-type"].startswith("image/svg+xml")
    assert served.body() == qr_code_svg(link)
    assert axe_violations(page) == []

    phone = browser.new_context(viewport={"width": 360, "height": 740})
    other = phone.new_page()
    other.goto(app_url + parsed.path + "?" + parsed.query)
    wait_for_app(other)
    expect(other.get_by_role("heading", level=1, name=t["shared_title"])).to_be_visible()
    expect(other.locator("#result-amount")).to_have_text(re.compile(r"573,49\s€"))
    expect(other.get_by_role("link", name=t["guide_link"])).to_be_visible()
    body = other.locator("main").inner_text()
    for answer_text in ("aide au logement", "Pour une personne seule", "30 ans", "250"):
        assert answer_text not in body
    assert other.evaluate("() => sessionStorage.getItem('pti_simulateur_reponses')") in (None, "")
    assert axe_violations(other) == []
    phone.close()


@pytest.mark.parametrize(
    "query",
    [
        "?m=abc&e=1&n=caf&mois=2026-11",
        "?m=573.49&e=0&n=caf&mois=2026-11",
        "?m=573.49&e=1&n=caf,caf&mois=2026-11",
        "?m=573.49&e=1&n=caf&mois=2026-13",
        "?m=573.49&e=1&n=%3Cscript%3E&mois=2026-11",
        "?m=573.49",
    ],
)
def test_bad_result_links_get_a_clear_message(page, app_url, query):
    t = texts.page_texts("fr")
    page.goto(f"{app_url}/fr/simulateur/resultat{query}")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1, name=t["bad_link_title"])).to_be_visible()
    expect(page.get_by_text(t["bad_link"])).to_be_visible()
    expect(page.locator("#result-amount")).to_have_count(0)


def test_shared_link_in_arabic_and_outdated_amounts(page, app_url):
    t = texts.page_texts("ar")
    page.goto(f"{app_url}/ar/simulateur/resultat?m=1115.80&e=1&n=caf,msa,c2s&mois=2027-06")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1, name=t["shared_title"])).to_be_visible()
    assert digits(page.locator("#result-amount").inner_text()) == "111580"
    # June 2027 is after the next 1 April we have no amounts for: the page says so plainly.
    expect(page.get_by_text(t["outdated"])).to_be_visible()
    assert axe_violations(page) == []


def test_result_without_answers_sends_back_to_the_questions(page, app_url):
    t = texts.page_texts("fr")
    page.goto(f"{app_url}/fr/simulateur/resultat")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1, name=t["incomplete_title"])).to_be_visible()
    expect(page.get_by_role("link", name=t["resume"])).to_have_attribute("href", "/fr/simulateur")


def test_share_copies_a_link_without_answers_and_print_keeps_the_result(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = context.new_page()
    wizard = Wizard(page, app_url, "fr").open()
    wizard.run(SINGLE_PARENT_BABY)
    t = wizard.t
    page.get_by_role("button", name=t["share"]).click()
    status = page.get_by_role("status").filter(has_text=t["copied"])
    shared = page.evaluate("() => navigator.share ? 'web-share' : 'clipboard'")
    if shared == "clipboard":
        expect(status).to_be_visible()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        parsed = urllib.parse.urlsplit(copied)
        assert parsed.path.rstrip("/") == "/fr/simulateur/resultat"
        assert set(urllib.parse.parse_qs(parsed.query)) == {"m", "e", "n", "mois"}
        assert urllib.parse.parse_qs(parsed.query)["m"] == [f"{SINGLE_PARENT_AMOUNT:.2f}"]
    page.emulate_media(media="print")
    expect(page.locator("#result-amount")).to_be_visible()
    expect(page.get_by_text(t["estimate_only"])).to_be_visible()
    expect(page.get_by_role("button", name=t["print"])).to_be_hidden()
    expect(page.get_by_role("button", name=wizard.t["share"])).to_be_hidden()
    expect(page.locator("header")).to_be_hidden()
    context.close()


def _no_answer_left(page) -> None:
    stored = page.evaluate(
        "() => [...Object.entries(sessionStorage), ...Object.entries(localStorage)].map(([k, v]) => k + '=' + v)"
    )
    leftovers = [item for item in stored if "simulateur" in item or '"age"' in item or "couple" in item]
    assert leftovers == [], leftovers


def _wizard_is_empty(page, wizard: Wizard) -> None:
    page.goto(f"{wizard.app_url}/fr/simulateur")
    wait_for_app(page)
    page.wait_for_timeout(1000)  # the state has hydrated from (empty) storage
    wizard.expect_question("couple")
    expect(page.get_by_text("Question 1 sur")).to_be_visible()
    expect(
        page.locator("button[aria-pressed='true']").filter(has_text=wizard.q["couple"].choices["single"])
    ).to_have_count(0)
    wizard.answer("couple", "couple")
    expect(page.get_by_label(wizard.q["age"].field, exact=True)).to_have_value("")


def test_kiosk_button_erases_every_answer(page, app_url):
    set_mode(page, app_url, "mediateur")
    wizard = Wizard(page, app_url, "fr").open()
    for question, value in SINGLE_TENANT[:4]:
        wizard.answer(question, value)
    assert page.evaluate("() => sessionStorage.getItem('pti_simulateur_reponses')")
    page.get_by_role("button", name="Terminer et tout effacer").click()
    page.wait_for_url(re.compile(r"/fr/?$"))
    wait_for_app(page)
    _no_answer_left(page)
    _wizard_is_empty(page, wizard)


def test_kiosk_idle_timer_erases_every_answer_and_the_result(page, app_url):
    set_mode(page, app_url, "mediateur", pti_kiosk_idle="6")
    wizard = Wizard(page, app_url, "fr").open()
    wizard.run(SINGLE_TENANT)
    # Nobody touches the screen: after 6 s the terminal erases everything and goes home.
    page.wait_for_url(re.compile(r"/fr/?$"), timeout=20_000)
    wait_for_app(page)
    _no_answer_left(page)
    page.goto(f"{app_url}/fr/simulateur/resultat")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1, name=wizard.t["incomplete_title"])).to_be_visible()
    page.evaluate("() => localStorage.setItem('pti_kiosk_idle', '600')")
    _wizard_is_empty(page, wizard)


def test_answers_survive_a_lost_connection(context, page, app_url):
    wizard = Wizard(page, app_url, "fr").open()
    for question, value in SINGLE_TENANT[:2]:
        wizard.answer(question, value)
    wizard.expect_question("children_count")  # the last answer reached the server
    context.set_offline(True)
    # The socket is down: the shell says so, and the answer given now waits for the connection.
    expect(page.locator("#connection-status")).to_contain_text("hors connexion", timeout=20_000)
    wizard.answer("children_count", "0")
    page.wait_for_timeout(1500)
    wizard.expect_question("children_count")
    context.set_offline(False)
    expect(page.locator("[data-question]")).to_have_attribute("data-question", "pregnant", timeout=20_000)
    expect(page.locator("#connection-status")).to_have_text("")
    stored = json.loads(page.evaluate("() => sessionStorage.getItem('pti_simulateur_reponses')"))
    assert stored == {"couple": "single", "age": "30", "children_count": "0"}


def test_wizard_fits_320_px_and_200_percent_zoom(page, app_url):
    page.set_viewport_size({"width": 320, "height": 700})
    wizard = Wizard(page, app_url, "ar").open()
    for question, value in SINGLE_TENANT[:2]:
        wizard.answer(question, value)
    page.set_viewport_size({"width": 640, "height": 400})
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    overflow = page.evaluate(HORIZONTAL_OVERFLOW_JS)
    assert overflow["scroll"] <= overflow["width"], overflow


def test_every_question_screen_passes_axe_in_arabic(page, app_url):
    """A journey that meets every question the wizard can ask (back and a changed answer included)."""
    page.set_viewport_size({"width": 320, "height": 720})
    wizard = Wizard(page, app_url, "ar", check_axe=True).open()
    young_couple = [
        ("couple", "couple"),
        ("age", "22"),
        ("partner_age", "23"),
        ("children_count", "0"),
        ("pregnant", "no"),
        ("nationality", "non_eu"),
        ("refugee", "no"),
        ("permit", "enough"),
        ("partner_nationality", "eu"),
        ("partner_eu_residence", "enough"),
    ]
    for question, value in young_couple:
        wizard.answer(question, value)
    # Back to the partner's nationality, changed: the permit questions follow, the EU one is skipped.
    wizard.expect_question("student")
    page.get_by_role("button", name=wizard.t["back"]).click()
    wizard.expect_question("partner_eu_residence")
    page.get_by_role("button", name=wizard.t["back"]).click()
    for question, value in [
        ("partner_nationality", "non_eu"),
        ("partner_refugee", "no"),
        ("partner_permit", "less"),
        ("student", "no"),
        ("partner_student", "no"),
        ("hours", "enough"),
        ("partner_hours", "less"),
        ("housing", "owner"),
        ("earned", "0"),
        ("partner_earned", "0"),
        ("other_income", "0"),
    ]:
        wizard.answer(question, value)
    page.wait_for_url(re.compile(r"/ar/simulateur/resultat/?$"))
    expect(page.locator("#result-amount")).to_be_visible()
    wizard._audit("result")
    overflow = page.evaluate(HORIZONTAL_OVERFLOW_JS)
    assert overflow["scroll"] <= overflow["width"], overflow

    single_parent = [
        ("couple", "single"),
        ("age", "40"),
        ("children_count", "1"),
        ("children_ages", ["7"]),
        ("pregnant", "no"),
        ("isolated", "recent"),
        ("nationality", "eu"),
        ("eu_residence", "enough"),
        ("student", "yes"),
        ("housing", "housed_free"),
        ("earned", "0"),
        ("other_income", "0"),
        ("family_benefits", "0"),
    ]
    wizard.open()
    page.get_by_role("button", name=wizard.t["restart"]).click()
    for question, value in single_parent:
        wizard.answer(question, value)
    page.wait_for_url(re.compile(r"/ar/simulateur/resultat/?$"))
    expect(page.locator("#result-amount")).to_be_visible()
    wizard._audit("result")
    assert wizard.problems == []


def test_keyboard_reaches_every_wizard_control_with_visible_focus(page, app_url):
    from tests.e2e.a11y import tab_through

    page.set_viewport_size({"width": 390, "height": 800})
    wizard = Wizard(page, app_url, "fr").open()
    wizard.answer("couple", "single")
    wizard.answer("age", "30")
    wizard.expect_question("children_count")
    expect(page.get_by_role("heading", level=2)).to_be_focused()
    visited = tab_through(page)
    assert not [v["key"] for v in visited if not v["visible"]]
    ids = {v["id"] for v in visited}
    assert "answer-input" in ids
    labels = [v["key"] for v in visited if v["tag"] in ("BUTTON", "SUMMARY")]
    for label in (
        wizard.q["children_count"].choices["0"],
        wizard.t["back"],
        wizard.t["restart"],
        wizard.t["why"],
    ):
        assert any(label in key for key in labels), label


def test_not_eligible_result_says_why_and_where_to_get_help(page, app_url):
    wizard = Wizard(page, app_url, "es", check_axe=True).open()
    student = [(q, "yes" if q == "student" else v) for q, v in SINGLE_TENANT]
    wizard.run([(q, "0" if q == "housing_benefit" else v) for q, v in student], eligible=False)
    t = wizard.t
    reasons = page.get_by_role("region", name=t["why_not"]).get_by_role("listitem")
    expect(reasons).to_have_count(1)
    expect(page.get_by_role("link", name=t["locator_link"])).to_have_attribute("href", "/es/trouver-une-mds")
    expect(page.get_by_role("link", name=t["guide_link"])).to_have_count(0)
    expect(page.get_by_text(t["estimate_only"])).to_be_visible()
    assert wizard.problems == []
