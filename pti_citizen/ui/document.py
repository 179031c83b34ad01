"""What every page shares in ``<html>`` and ``<head>``: language, direction, manifest, scripts.

Reflex 0.10 renders one document root for all pages, so ``lang``/``dir`` come from the URL through
react-router's ``useLocation`` (this works in the prerendered HTML and after client-side navigation).
"""

from __future__ import annotations

import json

import reflex as rx
from reflex.vars.base import VarData

from pti_citizen.i18n import DEFAULT_LANGUAGE, LANGUAGES
from pti_citizen.web.pages.shell import DISPLAY_PREFS_JS, THEME_COLOR

_ROUTER = VarData(imports={"react-router": ["useLocation"]})
_PATH_LANG = "useLocation().pathname.split('/')[1]"
_LANGS_JS = json.dumps(list(LANGUAGES))
_DIRS_JS = json.dumps({code: language.direction for code, language in LANGUAGES.items()})

#: Language of the current URL, French for anything else (e.g. the 404 page of ``/de/…``).
path_language = rx.Var(
    f"((s) => ({_LANGS_JS}.includes(s) ? s : '{DEFAULT_LANGUAGE}'))({_PATH_LANG})",
    _var_data=_ROUTER,
).to(str)
path_direction = rx.Var(f"((s) => ({_DIRS_JS}[s] ?? 'ltr'))({_PATH_LANG})", _var_data=_ROUTER).to(str)


def head_components() -> list[rx.Component]:
    return [
        rx.el.meta(name="viewport", content="width=device-width, initial-scale=1"),
        rx.el.meta(name="theme-color", content=THEME_COLOR),
        rx.el.link(rel="manifest", href="/manifest-" + path_language + ".webmanifest"),
        rx.el.link(rel="icon", href="/favicon.ico", sizes="any"),
        rx.el.link(rel="icon", href="/icon.svg", type="image/svg+xml"),
        rx.el.link(rel="apple-touch-icon", href="/apple-touch-icon.png"),
        rx.el.script(DISPLAY_PREFS_JS),
        rx.el.script(src="/app.js", defer=True),
        # The locator's browser side (position, share, address bar, focus): no code comes from the server.
        rx.el.script(src="/locator.js", defer=True),
    ]


def html_attributes() -> dict[str, rx.Var]:
    return {"lang": path_language, "dir": path_direction}
