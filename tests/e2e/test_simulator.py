"""The rights simulator in the browser (issues #11 and #14): the wizard asks what the engine needs, in
four parts; the result shows every benefit with its steps, the total, who decides, the CAF's phone
and the nearest MDS; « Et si je travaille ? » compares now and with a job; share, QR and print carry
every amount and no answer; keyboard only, in French and in Arabic; offline, the buttons say they
wait; a shared terminal says what its reset does; 320 px at every text size; axe at 0.

Elements are found by role and accessible name, with the words from the app's catalogs. Expected
amounts come from the engine's typed service (checked against OpenFisca-France and the law in
``tests/simulator``): here the question is whether the pages show them, all of them, right.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pti_citizen.handover import qr_code_svg
from pti_citizen.i18n import format_euros
from pti_citizen.simulator import answers as a
from pti_citizen.simulator import estimate, make_job, what_if
from pti_citizen.ui.simulator import texts
from tests.e2e.a11y import HORIZONTAL_OVERFLOW_JS, SMALL_TARGETS_JS, axe_violations
from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

P = a.limits()

#: « Mère seule, 2 enfants (7 et 3 ans), 600 € de salaire, 450 € d'APL, pas de pension alimentaire »
MOTHER = [
    ("couple", "single"),
    ("applicant.age", "30"),
    ("children", "2"),
    (a.CHILDREN_AGES, ["7", "3"]),
    ("pregnant", "no"),
    ("isolated_since_months", "long"),
    ("applicant.nationality", "fr"),
    ("applicant.student", "no"),
    ("housing.status", "tenant"),
    ("housing.housing_benefit", "450"),
    ("applicant.earned_income", "600"),
    ("applicant.earned_income_stopped", "goes_on"),
    ("applicant.other_income", "0"),
    ("child_support_received", "0"),
]
MOTHER_DUE = ("rsa", "prime_activite", "allocations_familiales", "asf")
#: The job of « Et si je travaille ? »: 20 hours a week at 12 € net an hour.
JOB = {"hours_per_week": "20", "hourly_wage": "12"}

#: A father of 58 living alone, entered by his son in « J'aide quelqu'un » (issue #14, item 5).
FATHER = [
    ("couple", "single"),
    ("applicant.age", "58"),
    ("children", "0"),
    ("pregnant", "no"),
    ("applicant.nationality", "fr"),
    ("applicant.student", "no"),
    ("housing.status", "owner"),
    ("applicant.earned_income", "0"),
    ("applicant.other_income", "0"),
]


def digits(text: str) -> str:
    return re.sub(r"[^0-9]", "", text)


def loose(text: str) -> re.Pattern:
    """An accessible name with its French names isolated (<bdi>): spaces may appear around them."""
    return re.compile(r"\s*".join(re.escape(char) for char in text.replace(" ", "")))


def money(amount: float, lang: str) -> str:
    return digits(format_euros(amount, lang))


def mother_estimate(lang: str, audience: str = "self"):
    household = a.household(dict(MOTHER), lang, audience)
    assert household is not None
    return household, estimate(household, lang, audience)


def estimate_father():
    household = a.household(dict(FATHER), "fr", "helper")
    assert household is not None
    return household, estimate(household, "fr", "helper")


class Wizard:
    """Drives the wizard by visible labels in the page's language (from the app's catalogs)."""

    def __init__(self, page, app_url: str, lang: str, *, keyboard: bool = False, check_axe: bool = False):
        self.page, self.app_url, self.lang = page, app_url, lang
        self.keyboard, self.check_axe = keyboard, check_axe
        self.q = texts.question_texts(lang, P)
        self.t = texts.page_texts(lang)
        self.sections = texts.section_names(lang)
        self.errors = texts.error_texts(lang)
        self.problems: list[str] = []
        self.steps: list[str] = []

    def open(self) -> Wizard:
        self.page.goto(f"{self.app_url}/{self.lang}/simulateur")
        wait_for_app(self.page)
        expect(self.page.get_by_role("heading", level=1, name=self.t["title"])).to_be_visible()
        return self

    def heading(self):
        return self.page.locator("[data-question]").get_by_role("heading", level=2)

    def expect_question(self, question: str) -> None:
        expect(self.page.locator("[data-question]")).to_have_attribute("data-question", question)
        text = self.q[question]
        titles = [text.title.self, text.title.helper] + ([text.eu.title.self] if text.eu else [])
        expect(self.heading()).to_contain_text(re.compile("|".join(re.escape(title) for title in titles)))

    def _audit(self, where: str) -> None:
        if self.check_axe:
            self.problems += [f"{where}: {v}" for v in axe_violations(self.page)]
            self.problems += [f"{where}: small target {v}" for v in self.page.evaluate(SMALL_TARGETS_JS)]

    def tab_to(self, accessible: str = "", *, field_id: str | None = None, most: int = 80) -> None:
        for _ in range(most):
            self.page.keyboard.press("Tab")
            found = self.page.evaluate(
                "() => { const e = document.activeElement; return [e.id, (e.innerText || '').trim()]; }"
            )
            if (field_id and found[0] == field_id) or (not field_id and found[1].startswith(accessible)):
                return
        raise AssertionError(f"Tab never reached {accessible or field_id}")

    def answer(self, question: str, value) -> None:
        self.expect_question(question)
        if self.keyboard and question != a.FIRST:
            # Focus moves to the new question, so that a screen reader reads it and Tab starts there.
            expect(self.heading()).to_be_focused()
        self.steps.append(self.page.locator(".progress-text").inner_text())
        self._audit(question)
        spec, text, page = a.BY_ID[question], self.q[question], self.page
        if spec.kind == a.CHOICE or (spec.kind == a.COUNT and value in spec.choices):
            choices = text.eu.choices if text.eu and self._nationality(spec) == "eu" else text.choices
            label = choices[value]
            if self.keyboard:
                self.tab_to(label)
                page.keyboard.press("Enter")
            else:
                page.get_by_role("button", name=label, exact=True).click()
            return
        if spec.kind == a.AGES:
            for index, age in enumerate(value):
                if self.keyboard:
                    self.tab_to(field_id=f"child-{index}")
                    page.keyboard.type(age)
                else:
                    page.get_by_label(text.field.format(n=index + 1), exact=True).fill(age)
            if self.keyboard:
                page.keyboard.press("Enter")
            else:
                page.get_by_role("button", name=self.t["continue"]).click()
            return
        if self.keyboard:
            self.tab_to(field_id="answer-input")
            page.keyboard.press("Control+A")
            page.keyboard.type(value)
            page.keyboard.press("Enter")
        else:
            page.get_by_label(text.field, exact=True).fill(value)
            submit = self.t["count_submit"] if spec.kind == a.COUNT else self.t["continue"]
            page.get_by_role("button", name=submit).click()

    def _nationality(self, spec: a.Question) -> str:
        if spec.name != "residence_permit_years":
            return ""
        stored = json.loads(self.page.evaluate("() => sessionStorage.getItem('pti_simulateur_reponses')"))
        return stored.get(f"{spec.person}.nationality", "")

    def run(self, journey) -> None:
        for question, value in journey:
            self.answer(question, value)
        self.page.wait_for_url(re.compile(rf"/{self.lang}/simulateur/resultat/?$"))
        expect(self.page.locator("#result-title")).to_be_visible()
        self._audit("result")


def set_mode(page, app_url: str, mode: str, **extra: str) -> None:
    page.goto(f"{app_url}/fr/")
    wait_for_app(page)
    items = {"pti_mode": mode, **extra}
    page.evaluate(
        "(items) => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }", items
    )


def benefit_card(page, label: str):
    return page.get_by_role("article", name=label)


def check_every_benefit(page, result, lang: str, t: dict) -> None:
    """Each due benefit: its amount and its steps; each benefit not due: why; the total."""
    for benefit in result.benefits:
        card = benefit_card(page, benefit.label)
        expect(card).to_be_visible()
        if benefit.eligible:
            expect(card.locator(".amount-line .amount")).to_have_text(
                re.compile(r".*".join(re.escape(ch) for ch in money(benefit.monthly_amount, lang)))
            )
            expect(card.get_by_role("heading", name=t["detail"])).to_be_visible()
            lines = card.locator("ol.steps > li")
            expect(lines).to_have_count(len([s for s in benefit.steps if s.code != "estimate_only"]))
            expect(card.get_by_text(benefit.decided_by)).to_be_visible()
        else:
            expect(card.get_by_text(t["not_due"])).to_be_visible()
            for reason in benefit.reasons:
                expect(card.get_by_text(reason.text)).to_be_visible()
    assert digits(page.locator("#result-amount").inner_text()) == money(result.total_monthly_amount, lang)


def steps_add_up(page, name: str) -> None:
    """The column of figures of a card: the last base + plus − minus is the amount (to the cent)."""
    figures = page.locator(f".benefit-{name} ol.steps > li").evaluate_all(
        """(items) => items.map((li) => [li.className, (li.querySelector('.step-figure') || {}).innerText || ''])"""
    )
    total = 0
    result = None
    for class_name, figure in figures:
        cents = int(digits(figure) or 0)
        if "step-base" in class_name:
            total = cents
        elif "step-plus" in class_name:
            total += cents
        elif "step-minus" in class_name:
            total -= cents
        elif "step-result" in class_name:
            result = cents
    assert result is not None and total == result, (name, figures)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_the_mother_of_issue_11_keyboard_only(page, app_url, lang):
    """Issue #11's journey, keyboard only: every question, the result with RSA, prime d'activité,
    allocations familiales and ASF and their steps, then « Et si je travaille ? » with 20 hours."""
    page.set_viewport_size({"width": 390, "height": 844})
    wizard = Wizard(page, app_url, lang, keyboard=True).open()
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        lang,
        "rtl" if lang == "ar" else "ltr",
    ]
    wizard.run(MOTHER)
    t = wizard.t
    household, result = mother_estimate(lang)
    # Issue #14, item 2: the focus is on the result's heading, which says the total.
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_be_focused()
    expect(heading).to_contain_text(t["own_title_self"])
    assert money(result.total_monthly_amount, lang) in digits(heading.inner_text())
    assert {b.name for b in result.benefits if b.eligible} == set(MOTHER_DUE)
    check_every_benefit(page, result, lang, t)
    for name in MOTHER_DUE:
        steps_add_up(page, name)
    expect(page.get_by_text(t["estimate_only"])).to_be_visible()

    # « Et si je travaille ? »: 20 hours a week at 12 € an hour, typed with the keyboard only.
    wizard.tab_to(field_id="job-hours-per-week", most=200)
    page.keyboard.type(JOB["hours_per_week"])
    wizard.tab_to(field_id="job-hourly-wage")
    page.keyboard.type(JOB["hourly_wage"])
    job, _ = make_job(**JOB)
    comparison = what_if(household, job, lang)
    table = page.get_by_role("table", name=t["work_table"])
    expect(table).to_be_visible()
    rows = {
        t["work_earnings"]: (comparison.now.earnings, comparison.with_job.earnings),
        t["work_rsa"]: (comparison.now.rsa, comparison.with_job.rsa),
        t["work_prime"]: (comparison.now.prime_activite, comparison.with_job.prime_activite),
        t["work_family"]: (comparison.now.family_benefits, comparison.with_job.family_benefits),
        t["work_total"]: (comparison.now.total, comparison.with_job.total),
    }
    for label, (now, later) in rows.items():
        cells = table.get_by_role("row", name=re.compile(re.escape(label))).get_by_role("cell")
        expect(cells.nth(0)).to_have_text(re.compile(".*" + ".*".join(money(now, lang)) + ".*"))
        expect(cells.nth(1)).to_have_text(re.compile(".*" + ".*".join(money(later, lang)) + ".*"))
    notes = {note.code: note.text for note in comparison.notes}
    expect(page.get_by_role("status").filter(has_text=notes["summary"])).to_be_visible()
    expect(page.get_by_text(notes["delay"])).to_be_visible()
    # The bars are drawn for the eye only; the table is what screen readers read.
    expect(page.locator(".bars")).to_have_attribute("aria-hidden", "true")
    # Nonsense hours are refused next to the field, and recomputed when corrected.
    hours = page.get_by_label(t["work_hours"])
    hours.fill("90")
    expect(hours).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#job-hours-per-week-error")).to_contain_text("48")
    expect(table).to_be_hidden()
    hours.fill("20")
    expect(table).to_be_visible()


EXAMPLES = {
    example["name"]: example["expected"]
    for example in json.loads(
        (Path(__file__).parents[1] / "simulator" / "data" / "rsa-examples.json").read_text(encoding="utf-8")
    )
}
SINGLE_TENANT = [
    ("couple", "single"),
    ("applicant.age", "30"),
    ("children", "0"),
    ("pregnant", "no"),
    ("applicant.nationality", "fr"),
    ("applicant.student", "no"),
    ("housing.status", "tenant"),
    ("housing.housing_benefit", "250"),
    ("applicant.earned_income", "0"),
    ("applicant.other_income", "0"),
]
COUPLE_WITH_SALARY = [
    ("couple", "couple"),
    ("applicant.age", "35"),
    ("partner.age", "33"),
    ("children", "2"),
    (a.CHILDREN_AGES, ["8", "5"]),
    ("applicant.nationality", "fr"),
    ("partner.nationality", "fr"),
    ("applicant.student", "no"),
    ("partner.student", "no"),
    ("housing.status", "tenant"),
    ("housing.housing_benefit", "0"),
    ("applicant.earned_income", "1 000 €"),
    ("applicant.earned_income_stopped", "goes_on"),
    ("partner.earned_income", "0"),
    ("applicant.other_income", "0"),
    ("partner.other_income", "0"),
]
SINGLE_PARENT_BABY = [
    ("couple", "single"),
    ("applicant.age", "28"),
    ("children", "1"),
    (a.CHILDREN_AGES, ["1"]),
    ("applicant.nationality", "fr"),
    ("applicant.student", "no"),
    ("housing.status", "tenant"),
    ("housing.housing_benefit", "0"),
    ("applicant.earned_income", "0"),
    ("applicant.other_income", "0"),
    ("child_support_received", "0"),
]
# Contract version 1's examples, computed with OpenFisca-France for October 2026 (the RSA amounts in
# force from 1 April 2026 to 31 March 2027 hold for the month the wizard estimates):
# 651,69 − forfait logement 78,20 = 573,49;
# couple with 2 children: 1 215,54 with the allocations familiales (153,01, estimated here to the same
# figure), minus the 1 000 € salary counted in full by the RSA (art. L262-3 CASF);
# single parent with a baby, given « 0 € of family benefits » as version 1 did: RSA majoré 1 115,80.
V1_JOURNEYS = [
    pytest.param(
        SINGLE_TENANT,
        EXAMPLES["single, 30, tenant, housing benefit 250 (forfait logement 12%)"]["monthly_amount"],
        None,
        "fr",
        False,
        id="single-tenant-fr",
    ),
    pytest.param(
        COUPLE_WITH_SALARY,
        round(
            EXAMPLES["couple 35/33 with 2 children (8, 5), family benefits 153.01"]["monthly_amount"] - 1000,
            2,
        ),
        None,
        "ar",
        True,
        id="couple-salary-ar-keyboard",
    ),
    pytest.param(
        SINGLE_PARENT_BABY,
        EXAMPLES["single parent, 28, baby aged 1, separated 4 months ago (RSA majoré)"]["monthly_amount"],
        "0",
        "fr",
        False,
        id="single-parent-family-given-fr",
    ),
]


@pytest.mark.parametrize(("journey", "rsa", "family_given", "lang", "keyboard"), V1_JOURNEYS)
def test_version_1_journeys_keep_the_rsa_of_the_law(
    page, app_url, journey, rsa, family_given, lang, keyboard
):
    wizard = Wizard(page, app_url, lang, keyboard=keyboard).open()
    wizard.run(journey)
    t = wizard.t
    if family_given is not None:
        page.get_by_text(t["family_known"]).click()
        page.get_by_label(t["family_known_field"]).fill(family_given)
        page.get_by_role("button", name=t["family_known_submit"]).click()
        expect(page.get_by_text(t["family_given"])).to_be_visible()
    card = page.locator(".benefit-rsa").first
    expect(card.locator(".amount-line .amount")).to_have_text(
        re.compile(r".*".join(re.escape(ch) for ch in digits(f"{rsa:.2f}")))
    )
    steps_add_up(page, "rsa")
    assert axe_violations(page) == []


def _progress_numbers(steps: list[str]) -> list[tuple[int, int]]:
    found = []
    for text in steps:
        numbers = [int(n) for n in re.findall(r"\d+", digits_ascii(text))]
        found.append((numbers[0], numbers[1]))
    return found


def digits_ascii(text: str) -> str:
    return text.translate({0x0660 + i: str(i) for i in range(10)})


def test_progress_never_promises_a_total_it_cannot_keep(page, app_url):
    """Issue #14, item 6: four parts, always four, and never going back."""
    wizard = Wizard(page, app_url, "fr").open()
    wizard.run(MOTHER)
    numbers = _progress_numbers(wizard.steps)
    assert {total for _, total in numbers} == {4}
    assert [n for n, _ in numbers] == sorted(n for n, _ in numbers)
    assert wizard.steps[0] == wizard.t["progress"].format(n=1, total=4, section=wizard.sections["household"])
    assert axe_violations(page) == []


def test_the_result_takes_the_focus_and_says_the_amount(page, app_url):
    """Issue #14, item 2, with a mouse: after the last answer the focus is not left on the page."""
    wizard = Wizard(page, app_url, "fr").open()
    wizard.run(MOTHER)
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_be_focused()
    assert page.evaluate("document.activeElement.id") == "result-title"
    _, result = mother_estimate("fr")
    expect(heading).to_have_accessible_name(re.compile(re.escape(wizard.t["total_self"])))
    assert money(result.total_monthly_amount, "fr") in digits(heading.inner_text())


def test_a_son_helping_his_father_is_not_asked_about_a_pregnancy(page, app_url):
    """Issue #14, item 5: the question about a birth fits anyone, in the helper's words."""
    set_mode(page, app_url, "aidant")
    wizard = Wizard(page, app_url, "fr", check_axe=True).open()
    for question, value in FATHER[:3]:
        wizard.answer(question, value)
    wizard.expect_question("pregnant")
    heading = wizard.heading()
    expect(heading).to_contain_text(
        "Une naissance est-elle attendue dans le foyer de la personne que vous aidez ?"
    )
    assert "enceinte" not in page.locator("main").inner_text().lower()
    for question, value in FATHER[3:]:
        wizard.answer(question, value)
    page.wait_for_url(re.compile(r"/fr/simulateur/resultat/?$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(wizard.t["own_title_helper"])
    expect(page.get_by_text(wizard.t["own_title_self"])).to_be_hidden()
    # Without work, no prime d'activité: the card says why, and where to talk about it.
    _, result = estimate_father()
    prime = benefit_card(page, result.benefit("prime_activite").label)
    expect(prime.get_by_text(wizard.t["not_due"])).to_be_visible()
    expect(prime.get_by_role("link", name=wizard.t["locator_link"])).to_have_attribute(
        "href", "/fr/trouver-une-mds"
    )
    assert wizard.problems == []


def test_a_shared_terminal_says_what_its_reset_does(page, app_url):
    """Issue #14, item 7: no « elles s'effacent quand vous fermez l'onglet » in kiosk mode."""
    t = texts.page_texts("fr")
    page.goto(f"{app_url}/fr/simulateur")
    wait_for_app(page)
    expect(page.get_by_text(t["privacy"])).to_be_visible()
    expect(page.get_by_text(t["privacy_kiosk"])).to_be_hidden()
    set_mode(page, app_url, "mediateur")
    page.goto(f"{app_url}/fr/simulateur")
    wait_for_app(page)
    expect(page.get_by_text(t["privacy_kiosk"])).to_be_visible()
    expect(page.get_by_text(t["privacy"])).to_be_hidden()
    assert "fermez l'onglet" not in page.locator("main").inner_text()
    assert axe_violations(page) == []


def test_offline_the_buttons_say_they_wait_and_nothing_typed_is_lost(context, page, app_url):
    """Issue #14, item 8: without a connection, the wizard's buttons are not active-looking and
    silent; the answers and what is typed stay; the journey goes on when the connection is back."""
    wizard = Wizard(page, app_url, "fr").open()
    wizard.answer("couple", "single")
    wizard.expect_question("applicant.age")
    field = page.get_by_label(wizard.q["applicant.age"].field, exact=True)
    field.fill("3")
    context.set_offline(True)
    note = page.get_by_role("status").filter(has_text=wizard.t["offline"])
    expect(note).to_be_visible(timeout=30_000)
    submit = page.get_by_role("button", name=wizard.t["offline_button"])
    expect(submit).to_be_disabled()
    expect(page.get_by_role("button", name=wizard.t["back"])).to_be_disabled()
    field.press("End")
    field.type("0")  # typing still works offline
    assert axe_violations(page) == []
    context.set_offline(False)
    expect(note).to_be_hidden(timeout=30_000)
    expect(field).to_have_value("30")
    page.get_by_role("button", name=wizard.t["continue"]).click()
    wizard.expect_question("children")
    stored = json.loads(page.evaluate("() => sessionStorage.getItem('pti_simulateur_reponses')"))
    assert stored == {"couple": "single", "applicant.age": "30"}


#: Visible text runs in Latin letters of the page's main part that are neither marked French
#: (``lang="fr"``) nor isolated (``<bdi dir="ltr">``); web addresses are read as written.
UNMARKED_LATIN_JS = """
(selector) => {
  const out = [];
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const address = /[\\w.\\-]+\\.(fr|gouv|com|org|eu|net)/g;
  let node;
  while ((node = walker.nextNode())) {
    const text = node.textContent.replace(address, '');
    if (!/[A-Za-zÀ-ÿ]/.test(text)) continue;
    const el = node.parentElement;
    if (!el || el.closest('.visually-hidden, script') || el.getClientRects().length === 0) continue;
    if (el.closest('[lang="fr"], bdi[dir="ltr"]')) continue;
    out.push(node.textContent.trim().slice(0, 80));
  }
  return out;
}
"""


def test_who_to_call_and_the_nearest_mds_in_arabic(page, app_url):
    """Issue #14, items 10 and 3: the CAF's 3230, the nearest MDS to the town given with its phone
    and today's hours; French names and the address isolated in the Arabic page."""
    wizard = Wizard(page, app_url, "ar").open()
    wizard.run(MOTHER)
    t = wizard.t
    expect(page.get_by_role("link", name=loose(t["caf_phone_link"]))).to_have_attribute("href", "tel:3230")
    page.get_by_label(t["mds_search_field"]).fill("Muret")
    page.get_by_role("button", name=loose(t["mds_search_submit"])).click()
    card = page.locator(".mds-card")
    expect(card).to_be_visible()
    name = card.locator(".mds-name bdi")
    expect(name).to_have_text("Maison des Solidarités de Muret")
    assert name.get_attribute("lang") == "fr" and name.get_attribute("dir") == "ltr"
    address = card.locator(".mds-address bdi")
    expect(address).to_have_text("44 avenue Jacques Douzans, 31600 Muret")
    assert address.get_attribute("lang") == "fr"
    call = card.get_by_role("link", name=re.compile(re.escape(t["mds_call"])))
    expect(call).to_have_attribute("href", "tel:+33562116240")
    expect(card.locator(".mds-status")).not_to_be_empty()
    # The locator opens on the same town.
    expect(page.get_by_role("link", name=t["mds_more"])).to_have_attribute(
        "href", "/ar/trouver-une-mds?q=Muret&kind=mds"
    )
    # Issue #14, item 3: every French name (the engine's sentences, the MDS, the links) is marked
    # and isolated, and so is every amount.
    page.get_by_label(t["work_hours"]).fill("20")
    page.get_by_label(t["work_wage"]).fill("12")
    expect(page.get_by_role("table", name=t["work_table"])).to_be_visible()
    assert page.evaluate(UNMARKED_LATIN_JS, "main .result") == []
    amounts = page.locator(".benefit-card .amount, #result-amount, .work-table td bdi, .step-figure")
    assert amounts.count() > 10
    assert set(amounts.evaluate_all("(all) => all.map((e) => e.tagName)")) == {"BDI"}
    # Reload: the town is kept in this tab, the MDS found again.
    page.reload()
    wait_for_app(page)
    expect(page.locator(".mds-card .mds-name")).to_have_text("Maison des Solidarités de Muret")
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_no_horizontal_scroll_at_320_px_at_every_text_size(page, app_url, lang):
    """Issue #14, item 4: the wizard, the result with its amounts, the comparison and the MDS."""
    page.set_viewport_size({"width": 320, "height": 720})
    wizard = Wizard(page, app_url, lang).open()
    for question, value in MOTHER[:3]:
        wizard.answer(question, value)
    problems = []
    for size in ("1", "2", "3", "4"):
        page.evaluate("(s) => { document.documentElement.dataset.textSize = s; }", size)
        overflow = page.evaluate(HORIZONTAL_OVERFLOW_JS)
        if overflow["scroll"] > overflow["width"]:
            problems.append(("wizard", size, overflow))
    page.evaluate("() => { document.documentElement.dataset.textSize = '1'; }")
    for question, value in MOTHER[3:]:
        wizard.answer(question, value)
    page.wait_for_url(re.compile(rf"/{lang}/simulateur/resultat/?$"))
    t = wizard.t
    page.get_by_label(t["work_hours"]).fill("20")
    page.get_by_label(t["work_wage"]).fill("12")
    expect(page.get_by_role("table", name=t["work_table"])).to_be_visible()
    page.get_by_label(t["mds_search_field"]).fill("Saint-Gaudens")
    page.get_by_role("button", name=loose(t["mds_search_submit"])).click()
    expect(page.locator(".mds-card")).to_be_visible()
    for size in ("1", "2", "3", "4"):
        page.evaluate("(s) => { document.documentElement.dataset.textSize = s; }", size)
        overflow = page.evaluate(HORIZONTAL_OVERFLOW_JS)
        if overflow["scroll"] > overflow["width"]:
            problems.append(("result", size, overflow))
    assert problems == []


def _shared_link(page) -> str:
    return page.locator(".qr-link").get_attribute("href")


def test_mediator_hands_over_a_qr_code_with_every_amount_and_no_answer(browser, page, app_url):
    set_mode(page, app_url, "mediateur")
    wizard = Wizard(page, app_url, "fr").open()
    wizard.run(MOTHER)
    t = wizard.t
    _, result = mother_estimate("fr")
    qr = page.get_by_role("img", name=t["qr_alt"])
    expect(qr).to_be_visible()
    assert qr.get_attribute("src").startswith("/api/v1/rsa/qr.svg?")  # our own origin: no data: image
    link = _shared_link(page)
    parsed = urllib.parse.urlsplit(link)
    query = urllib.parse.parse_qs(parsed.query, keep_blank_values=True)
    # Only the outcome travels: every benefit's amount, the next steps, the month. No answer.
    assert set(query) == {"v", "mois", "n", *(benefit.name for benefit in result.benefits)}
    for benefit in result.benefits:
        assert query[benefit.name] == [f"{benefit.monthly_amount:.2f}"]
    for answer_text in ("450", "600", "=30", "tenant"):
        assert answer_text not in parsed.query
    served = page.request.get(app_url + qr.get_attribute("src"))
    assert served.headers["content-type"].startswith("image/svg+xml")
    assert served.body() == qr_code_svg(link)
    assert axe_violations(page) == []

    phone = browser.new_context(viewport={"width": 360, "height": 740})
    other = phone.new_page()
    other.goto(app_url + parsed.path + "?" + parsed.query)
    wait_for_app(other)
    expect(other.get_by_role("heading", level=1)).to_contain_text(t["shared_title"])
    for benefit in result.benefits:
        expect(benefit_card(other, benefit.label)).to_be_visible()
    assert digits(other.locator("#result-amount").inner_text()) == money(result.total_monthly_amount, "fr")
    expect(other.get_by_role("link", name=t["guide_link"])).to_be_visible()
    body = other.locator("main").inner_text()
    for answer_text in ("aide au logement", "30 ans", "450"):
        assert answer_text not in body
    assert other.evaluate("() => sessionStorage.getItem('pti_simulateur_reponses')") in (None, "")
    assert axe_violations(other) == []
    phone.close()


def test_an_old_link_still_opens_as_the_rsa_alone(page, app_url):
    t = texts.page_texts("ar")
    page.goto(f"{app_url}/ar/simulateur/resultat?m=1115.80&e=1&n=caf,msa,c2s&mois=2026-11")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text(t["shared_title"])
    expect(page.get_by_text(t["shared_legacy"])).to_be_visible()
    assert digits(page.locator("#result-amount").inner_text()) == "111580"
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    "query",
    [
        "?v=2&mois=2026-11&rsa=abc&n=",
        "?m=573.49&e=0&n=caf&mois=2026-11",
        "?v=2&mois=2026-13&rsa=1.00&n=",
        "?v=2&mois=2026-11&rsa=1.00&n=%3Cscript%3E",
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


def test_result_without_answers_sends_back_to_the_questions(page, app_url):
    t = texts.page_texts("fr")
    page.goto(f"{app_url}/fr/simulateur/resultat")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1, name=t["incomplete_title"])).to_be_visible()
    expect(page.get_by_role("link", name=t["resume"])).to_have_attribute("href", "/fr/simulateur")


def test_share_copies_a_link_and_print_keeps_every_amount(browser, app_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    page = context.new_page()
    wizard = Wizard(page, app_url, "fr").open()
    wizard.run(MOTHER)
    t = wizard.t
    _, result = mother_estimate("fr")
    page.get_by_role("button", name=t["share"]).click()
    if page.evaluate("() => navigator.share ? 'web-share' : 'clipboard'") == "clipboard":
        expect(page.get_by_role("status").filter(has_text=t["copied"])).to_be_visible()
        copied = urllib.parse.urlsplit(page.evaluate("() => navigator.clipboard.readText()"))
        assert copied.path.rstrip("/") == "/fr/simulateur/resultat"
        assert urllib.parse.parse_qs(copied.query)["asf"] == [f"{result.benefit('asf').monthly_amount:.2f}"]
    page.emulate_media(media="print")
    # Printed, the result is the one-page recap (issue 17; tests/e2e/test_recap.py): every amount is on it.
    recap = page.get_by_role("region", name=t["recap_title"])
    for benefit in result.benefits:
        if benefit.eligible:
            line = recap.locator(".recap-benefits li").filter(has_text=benefit.label)
            expect(line).to_be_visible()
            assert money(benefit.monthly_amount, "fr") in digits(line.inner_text())
    assert money(result.total_monthly_amount, "fr") in digits(recap.inner_text())
    expect(recap.get_by_text(t["recap_estimate"])).to_be_visible()
    for hidden in (t["print"], t["share"], t["mds_search_submit"]):
        expect(page.get_by_role("button", name=hidden)).to_be_hidden()
    expect(page.get_by_role("heading", name=t["work_title"])).to_be_hidden()
    expect(page.locator("header")).to_be_hidden()
    context.close()


def test_reload_and_back_keep_the_answers(page, app_url):
    wizard = Wizard(page, app_url, "fr").open()
    for question, value in MOTHER[:3]:
        wizard.answer(question, value)
    wizard.expect_question(a.CHILDREN_AGES)
    page.reload()
    wait_for_app(page)
    wizard.expect_question(a.CHILDREN_AGES)
    stored = json.loads(page.evaluate("() => sessionStorage.getItem('pti_simulateur_reponses')"))
    assert stored == {"couple": "single", "applicant.age": "30", "children": "2"}
    page.get_by_role("button", name=wizard.t["back"]).click()
    wizard.expect_question("children")
    expect(page.get_by_role("button", name="2", exact=True)).to_have_attribute("aria-pressed", "true")
    expect(wizard.heading()).to_be_focused()
    page.get_by_role("button", name=wizard.t["back"]).click()
    wizard.expect_question("applicant.age")
    expect(page.get_by_label(wizard.q["applicant.age"].field, exact=True)).to_have_value("30")
    page.get_by_role("button", name=wizard.t["back"]).click()
    wizard.expect_question("couple")
    expect(page.get_by_role("button", name=wizard.t["back"])).to_have_count(0)
    wizard.answer("couple", "single")
    expect(page.get_by_label(wizard.q["applicant.age"].field, exact=True)).to_have_value("30")


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_invalid_money_gets_a_message_next_to_the_field(page, app_url, lang):
    wizard = Wizard(page, app_url, lang, check_axe=True).open()
    for question, value in MOTHER[:9]:
        wizard.answer(question, value)
    wizard.expect_question("housing.housing_benefit")
    field = page.get_by_label(wizard.q["housing.housing_benefit"].field, exact=True)
    for typed, code in [
        ("-50", "money_negative"),
        ("abc", "money_not_a_number"),
        ("1,200", "money_ambiguous"),
        ("3,14159", "money_decimals"),
        ("", "money_required"),
        ("2 000 000", "money_too_big"),
    ]:
        field.fill(typed)
        page.get_by_role("button", name=wizard.t["continue"]).click()
        expect(page.locator("#answer-error")).to_contain_text(wizard.errors[code])
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_be_focused()
        wizard.expect_question("housing.housing_benefit")
    assert axe_violations(page) == []
    # The « nothing » button answers 0 in one press.
    page.get_by_role("button", name=wizard.q["housing.housing_benefit"].none).click()
    wizard.expect_question("applicant.earned_income")
    stored = json.loads(page.evaluate("() => sessionStorage.getItem('pti_simulateur_reponses')"))
    assert stored["housing.housing_benefit"] == "0"


def test_more_than_five_children_and_a_wrong_age(page, app_url):
    wizard = Wizard(page, app_url, "fr").open()
    wizard.answer("couple", "couple")
    wizard.answer("applicant.age", "40")
    wizard.answer("partner.age", "41")
    wizard.answer("children", "6")
    wizard.expect_question(a.CHILDREN_AGES)
    for index in range(6):
        page.get_by_label(wizard.q[a.CHILDREN_AGES].field.format(n=index + 1), exact=True).fill(
            "30" if index == 2 else "4"
        )
    page.get_by_role("button", name=wizard.t["continue"]).click()
    third = page.get_by_label(wizard.q[a.CHILDREN_AGES].field.format(n=3), exact=True)
    expect(third).to_have_attribute("aria-invalid", "true")
    expect(third).to_be_focused()
    expect(page.locator("#error-child-2")).to_contain_text(wizard.errors[a.CHILD_AGE_RANGE])
    assert axe_violations(page) == []


def test_every_question_screen_passes_axe_in_arabic(page, app_url):
    """A journey that meets the partner's, the residence and the worked hours' questions, the income
    stopped, the « nothing » buttons, then the result with every part open."""
    page.set_viewport_size({"width": 320, "height": 720})
    wizard = Wizard(page, app_url, "ar", check_axe=True).open()
    couple = [
        ("couple", "couple"),
        ("applicant.age", "22"),
        ("partner.age", "23"),
        ("children", "0"),
        ("pregnant", "no"),
        ("applicant.nationality", "non_eu"),
        ("applicant.refugee", "no"),
        ("applicant.residence_permit_years", "enough"),
        ("partner.nationality", "eu"),
        ("partner.residence_permit_years", "enough"),
        ("applicant.student", "no"),
        ("partner.student", "no"),
        ("applicant.worked_hours_last_3_years", "less"),
        ("partner.worked_hours_last_3_years", "enough"),
        ("housing.status", "owner_with_loan"),
        ("housing.housing_benefit", "120"),
        ("applicant.earned_income", "0"),
        ("partner.earned_income", "650,50"),
        ("partner.earned_income_stopped", "stopped"),
        ("applicant.other_income", "0"),
        ("partner.other_income", "0"),
    ]
    wizard.run(couple)
    t = wizard.t
    page.get_by_text(t["family_known"]).click()
    page.get_by_label(t["family_known_field"]).fill("abc")
    page.get_by_role("button", name=t["family_known_submit"]).click()
    family = page.get_by_label(t["family_known_field"])
    expect(family).to_have_attribute("aria-invalid", "true")
    expect(family).to_be_focused()  # a refused form puts the focus on its field
    hours = page.get_by_label(t["work_hours"])
    hours.fill("60")
    expect(hours).to_have_value("60")  # what is typed stays, whatever the server answers
    expect(hours).to_have_attribute("aria-invalid", "true", timeout=15_000)
    expect(hours).to_be_focused()  # checked while typing: the focus stays in the field
    page.get_by_label(t["mds_search_field"]).fill("Toulousse")
    page.get_by_role("button", name=loose(t["mds_search_submit"])).click()
    expect(page.locator("#mds-error")).to_be_visible()
    wizard._audit("result with errors")
    assert wizard.problems == []


def _no_answer_left(page) -> None:
    stored = page.evaluate(
        "() => [...Object.entries(sessionStorage), ...Object.entries(localStorage)].map(([k, v]) => k + '=' + v)"
    )
    leftovers = [item for item in stored if "simulateur" in item or "couple" in item]
    assert leftovers == [], leftovers


def test_kiosk_button_erases_every_answer_and_the_result(page, app_url):
    set_mode(page, app_url, "mediateur")
    wizard = Wizard(page, app_url, "fr").open()
    wizard.run(MOTHER)
    page.get_by_label(wizard.t["mds_search_field"]).fill("Muret")
    page.get_by_role("button", name=loose(wizard.t["mds_search_submit"])).click()
    expect(page.locator(".mds-card")).to_be_visible()
    page.get_by_role("button", name="Terminer et tout effacer").click()
    page.wait_for_url(re.compile(r"/fr/?$"))
    wait_for_app(page)
    _no_answer_left(page)
    page.goto(f"{app_url}/fr/simulateur/resultat")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1, name=wizard.t["incomplete_title"])).to_be_visible()
    page.goto(f"{app_url}/fr/simulateur")
    wait_for_app(page)
    wizard.expect_question("couple")
    expect(page.locator("button[aria-pressed='true']")).to_have_count(0)
