"""« Écouter »: pages read aloud with the browser's speech synthesis, in the page's language, with
pause, stop and speed — and a clear message when the device has no voice for that language.

Headless Chromium has no voices, so the test installs a recording stand-in for speechSynthesis."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import wait_for_app

pytestmark = pytest.mark.e2e

FAKE_SPEECH = """
(() => {
  window.__spoken = []; window.__cancelled = 0;
  const voices = (window.__voices || [{lang: 'fr-FR', name: 'Test FR'}]);
  const fake = {
    paused: false,
    getVoices() { return voices; },
    speak(u) { window.__spoken.push({text: u.text, lang: u.lang, rate: u.rate}); },
    cancel() { window.__cancelled += 1; window.__spoken = []; },
    pause() { this.paused = true; },
    resume() { this.paused = false; },
  };
  Object.defineProperty(window, 'speechSynthesis', {value: fake, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""


def test_reads_the_page_in_its_language_with_pause_stop_and_speed(page, app_url):
    page.add_init_script(FAKE_SPEECH)
    page.goto(f"{app_url}/fr/droits/accompagnement")
    wait_for_app(page)
    page.get_by_role("button", name="Écouter").click()
    status = page.locator("#listen-status")
    expect(status).to_have_text("Lecture en cours.")
    spoken = page.evaluate("window.__spoken")
    title = page.get_by_role("heading", level=1).inner_text()
    assert spoken and spoken[0]["text"] == title and spoken[0]["lang"] == "fr-FR"
    assert all("Aller au contenu" not in s["text"] for s in spoken)  # only the main content is read

    page.get_by_role("button", name="Pause").click()
    expect(status).to_have_text("Lecture en pause.")
    assert page.evaluate("window.speechSynthesis.paused") is True
    page.get_by_role("button", name="Reprendre").click()
    expect(status).to_have_text("Lecture en cours.")

    page.get_by_role("button", name="Arrêter").click()
    expect(status).to_have_text("Lecture arrêtée.")
    page.get_by_label("Vitesse").select_option(label="Rapide")
    page.get_by_role("button", name="Écouter").click()
    assert page.evaluate("window.__spoken[0].rate") == 1.25


def test_says_so_when_the_device_has_no_voice_for_the_language(page, app_url):
    page.add_init_script(FAKE_SPEECH)  # a French voice only
    page.goto(f"{app_url}/ar/droits/accompagnement")
    wait_for_app(page)
    page.locator("#listen-toggle").click()
    status = page.locator("#listen-status")
    expect(status).not_to_be_empty()
    assert "voix" not in status.inner_text()  # in Arabic, not French
    assert page.evaluate("window.__spoken") == []
