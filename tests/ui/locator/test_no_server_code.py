"""The locator sends no code to the browser: the Content-Security-Policy forbids ``eval``, and Reflex
runs ``rx.call_script``/``rx.call_function`` *returned by an event handler* with ``eval``. Code the
page needs is compiled into it (chained on a button) or lives in ``assets/locator.js``.

The browser tests prove it end to end (any CSP violation fails them); this catches it before a build.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import pti_citizen.ui.locator as locator

SOURCES = sorted(Path(locator.__file__).parent.glob("*.py"))
SENDS_CODE = {"call_script", "run_script", "call_function", "toast"}


def _called_name(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _code_sent_from_functions(tree: ast.Module) -> list[str]:
    functions = [f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)]
    return [
        f"{function.name}() line {node.lineno}: {_called_name(node)}"
        for function in functions
        for node in ast.walk(function)
        if isinstance(node, ast.Call) and _called_name(node) in SENDS_CODE
    ]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_no_function_builds_code_for_the_browser(source):
    assert _code_sent_from_functions(ast.parse(source.read_text())) == []


def test_the_check_sees_a_handler_that_returns_a_script():
    handler = "class S:\n    def share(self):\n        return rx.call_script('navigator.share()')\n"
    assert _code_sent_from_functions(ast.parse(handler)) == ["share() line 3: call_script"]


def test_the_browser_side_exists_and_is_precached():
    from pti_citizen.ui.locator.state import GPS_FORM_ID, SHARE_BUTTON_ID, SHARE_FORM_ID
    from pti_citizen.web.pwa import STATIC_FILES

    script = Path(locator.__file__).parents[3] / "assets" / "locator.js"
    text = script.read_text()
    assert "/locator.js" in STATIC_FILES
    for name in (GPS_FORM_ID, SHARE_FORM_ID, SHARE_BUTTON_ID, "data-locator-signals"):
        assert f'"{name}"' in text
    assert "eval(" not in text and "new Function" not in text


def test_the_offline_search_sends_no_code_either():
    # assets/locator-offline.js builds its regular expressions from the core's data, never code.
    text = (Path(locator.__file__).parents[3] / "assets" / "locator-offline.js").read_text()
    assert "eval(" not in text and "new Function" not in text and "innerHTML" not in text
