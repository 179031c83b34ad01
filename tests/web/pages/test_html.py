"""The markup writer: text and attribute values are escaped, only trusted fragments are not."""

from __future__ import annotations

from pti_citizen.web.pages.html import Trusted, document, fragment, h, render


def test_text_and_attributes_are_escaped():
    node = h("p", "<script>alert(1)</script> & co", title='"><img src=x onerror=alert(1)>')
    assert render(node) == (
        '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>'
    )


def test_trusted_fragments_are_written_as_they_are():
    assert (
        render(h("div", Trusted("<p>déjà <strong>sûr</strong></p>")))
        == "<div><p>déjà <strong>sûr</strong></p></div>"
    )


def test_attribute_names_booleans_and_void_elements():
    node = h(
        "input",
        type="checkbox",
        class_="a",
        for_="x",
        aria_label="Étiquette",
        data_checklist="guide:papier",
        checked=True,
        hidden=False,
        value=None,
        attrs={"hrefLang": "ar"},
    )
    assert render(node) == (
        '<input type="checkbox" class="a" for="x" aria-label="Étiquette" data-checklist="guide:papier" checked hrefLang="ar">'
    )


def test_children_nest_flatten_and_skip_nothing():
    node = h("ul", [h("li", "a"), None, [h("li", "b"), (h("li", "c"),)]], fragment("d", None))
    assert render(node) == "<ul><li>a</li><li>b</li><li>c</li>d</ul>"


def test_a_document_has_its_doctype_language_and_direction():
    text = document({"lang": "ar", "dir": "rtl"}, h("title", "ع"), h("main", "نص"))
    assert (
        text
        == '<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>ع</title></head><body><main>نص</main></body></html>'
    )
