"""What a « Est-ce que cette page est claire ? » answer may contain, checked before anything is stored.

The answer comes over the websocket from the browser, so anything can arrive: wrong types, huge
strings, unknown pages. Each problem gets a field-level message in the person's language; nothing is
stored until every field is valid. The comment is masked (see ``masking``) here, so that no code path
can store a comment that was not masked.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from pti_citizen.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, gettext_for

from .masking import mask_personal_data, normalize_text
from .territory import territory_of_place

DOMAIN = "feedback"
ANSWERS = ("oui", "non")
#: Ways of use, as ``assets/app.js`` stores them in ``localStorage.pti_mode``.
MODES = ("moi", "aidant", "mediateur")
MAX_COMMENT_LENGTH = 500
#: Anything longer than this is not a comment typed in our form: refused without reading it further.
MAX_RAW_LENGTH = 4 * MAX_COMMENT_LENGTH
MAX_PAGE_LENGTH = 120


#: « Ce qui manque » choices: stable key → French label (the UI translates the label).
MISSING_CHOICES: dict[str, str] = {
    "exemple": N_("Un exemple"),
    "etapes": N_("Les étapes, dans l'ordre"),
    "mots": N_("Des mots plus simples"),
    "montant": N_("Un montant ou une date"),
    "contact": N_("Qui contacter, où aller"),
    "mon-cas": N_("Une réponse pour ma situation"),
    "autre": N_("Autre chose"),
}


@dataclass(frozen=True)
class Answer:
    """The first step: which page, in which language, how the site is used, and the answer."""

    page: str
    lang: str
    mode: str | None
    answer: str


@dataclass(frozen=True)
class Details:
    """The optional second step; ``comment`` is already masked."""

    comment: str | None
    missing: tuple[str, ...]
    territory: str | None

    @property
    def empty(self) -> bool:
        return not (self.comment or self.missing or self.territory)


def _messages(lang: str):
    return gettext_for(lang if lang in LANGUAGES else DEFAULT_LANGUAGE, DOMAIN)


def check_answer(
    page: Any, lang: Any, answer: Any, mode: Any, known_pages: Collection[str]
) -> tuple[Answer | None, dict[str, str]]:
    """``(Answer, {})`` or ``(None, {field: message})``; ``lang`` falls back to French for messages."""
    ui_lang = lang if isinstance(lang, str) and lang in LANGUAGES else DEFAULT_LANGUAGE
    _ = _messages(ui_lang)
    errors: dict[str, str] = {}
    if not isinstance(page, str) or len(page) > MAX_PAGE_LENGTH or page not in known_pages:
        errors["page"] = _("Cette page n'est pas connue du site. Votre avis n'a pas été envoyé.")
    if not isinstance(lang, str) or lang not in LANGUAGES:
        errors["lang"] = _("Cette langue n'est pas proposée par le site. Votre avis n'a pas été envoyé.")
    if answer not in ANSWERS:
        errors["answer"] = _("Répondez « Oui » ou « Non ».")
    if errors:
        return None, errors
    return Answer(page=page, lang=lang, mode=mode if mode in MODES else None, answer=answer), {}


def _missing_keys(value: Any) -> list[str] | None:
    """Keys ticked in « Ce qui manque », from a list of keys or from form fields ``manque-<key>``."""
    if value is None or value == "":
        return []
    if isinstance(value, dict):
        value = [key for key, ticked in value.items() if ticked]
    if isinstance(value, str) or not isinstance(value, Iterable):
        return None
    keys = list(value)
    if len(keys) > len(MISSING_CHOICES) or not all(isinstance(k, str) for k in keys):
        return None
    return keys


def check_details(
    comment: Any, missing: Any, place_id: Any, lang: str
) -> tuple[Details | None, dict[str, str]]:
    """The comment (masked), the « ce qui manque » keys and the territory of the chosen MDS, if any."""
    _ = _messages(lang)
    errors: dict[str, str] = {}
    text: str | None = None
    if comment is not None and not isinstance(comment, str):
        errors["comment"] = _("Ce commentaire ne peut pas être lu. Écrivez seulement du texte.")
    elif comment:
        if len(comment) > MAX_RAW_LENGTH:
            count = len(comment)
        else:
            text = normalize_text(comment)
            count = len(text)
        if count > MAX_COMMENT_LENGTH:
            errors["comment"] = _(
                "Votre commentaire a {count} caractères. Le maximum est {max}. Raccourcissez-le, s'il vous plaît."
            ).format(count=count, max=MAX_COMMENT_LENGTH)
            text = None
    keys = _missing_keys(missing)
    if keys is None or any(key not in MISSING_CHOICES for key in keys):
        errors["missing"] = _("Ce choix n'est pas dans la liste. Cochez seulement les cases proposées.")
    territory = None
    if place_id not in (None, ""):
        territory = territory_of_place(place_id) if isinstance(place_id, str) else None
        if territory is None:
            errors["territory"] = _(
                "Cette Maison des Solidarités n'est pas dans la liste. Choisissez-en une dans la liste, ou « Je ne sais pas »."
            )
    if errors:
        return None, errors
    ordered = tuple(key for key in MISSING_CHOICES if key in set(keys or ()))
    masked = mask_personal_data(text) if text else None
    return Details(comment=masked or None, missing=ordered, territory=territory), {}


def refusal_message(reason: str, lang: str) -> str:
    """Why nothing was stored: ``"client"``/``"global"`` (rate limits), anything else (storage failed)."""
    _ = _messages(lang)
    if reason == "client":
        return _(
            "Vous avez envoyé beaucoup d'avis en peu de temps. Attendez quelques minutes, puis réessayez."
        )
    if reason == "global":
        return _("Le site reçoit beaucoup d'avis en ce moment. Réessayez un peu plus tard.")
    return _("Votre avis n'a pas pu être enregistré. Réessayez plus tard.")
