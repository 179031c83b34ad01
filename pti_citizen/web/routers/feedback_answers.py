"""``POST /api/v1/feedback/answers`` and ``POST /api/v1/feedback/details``: « Est-ce que cette page est
claire ? » from the server-rendered pages, which open no websocket and have no server session.

The same checks, masking and limits as the websocket widget (``ui/feedback/state.py``): both store
through ``services.feedback`` (``feedback/intake.py``: limits shared by the workers, floods set apart).
The answer (« oui »/« non ») is stored at once and answered with a signed receipt
(``feedback/receipts.py``); the optional comment, « ce qui manque » and MDS come with that receipt and
fill the same row, once. The per-visit limit counts a random id the tab draws for its visit (as
Reflex's session token is); the per-address limit, the client's network — the address the edge guard
resolved (``web/guards.py``: behind a trusted proxy, the forwarded one). The body is read up to 12 KiB
and parsed with bounds (``safe_json``: no nesting or number can make it raise). Nothing here is logged
but event names and outcomes (``feedback/intake.py``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from collections.abc import Callable, Collection
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from pti_citizen import safe_json
from pti_citizen.feedback.pages import known_pages
from pti_citizen.feedback.receipts import make_receipt, read_receipt
from pti_citizen.feedback.submission import (
    ANSWERS,
    MISSING_CHOICES,
    MODES,
    check_answer,
    check_details,
    refusal_message,
)
from pti_citizen.i18n import LANGUAGES
from pti_citizen.services import Services
from pti_citizen.web.http import API_PREFIX

ANSWERS_PATH = f"{API_PREFIX}/feedback/answers"
DETAILS_PATH = f"{API_PREFIX}/feedback/details"
#: A comment is at most 2 000 characters before it is refused unread (4 bytes each in UTF-8), plus the rest.
MAX_BODY_BYTES = 12 * 1024
RECEIPT_KEY_NAME = "feedback-receipts"
PARIS = ZoneInfo("Europe/Paris")
_VISIT = re.compile(r"[A-Za-z0-9_-]{16,64}")
_NO_STORE = {"Cache-Control": "no-store"}
#: HTTP status of each refusal of ``services.feedback``.
_STATUS = {"client": 429, "global": 429, "storage": 503}


class AnswerIn(BaseModel):
    page: str = Field(max_length=120, description="path after /<lang>/, e.g. droits/montant-du-rsa")
    lang: str = Field(description="language of the page", json_schema_extra={"enum": list(LANGUAGES)})
    answer: str = Field(json_schema_extra={"enum": list(ANSWERS)})
    mode: str | None = Field(
        None, description="way of use chosen on the device", json_schema_extra={"enum": [*MODES, None]}
    )
    visit: str = Field(description="random id the tab draws for its visit (16–64 of A–Z a–z 0–9 _ -)")


class AnswerOut(BaseModel):
    receipt: str = Field(description="send it with the details of this answer")


class DetailsIn(BaseModel):
    receipt: str = Field(max_length=80)
    page: str = Field(max_length=120)
    lang: str = Field(json_schema_extra={"enum": list(LANGUAGES)})
    visit: str
    comment: str | None = Field(None, description="masked before storage; 500 characters at most")
    missing: list[str] = Field(
        default_factory=list, json_schema_extra={"items": {"enum": list(MISSING_CHOICES)}}
    )
    mds: str | None = Field(None, description="id of a Maison des Solidarités; only its territory is kept")


class DetailsOut(BaseModel):
    stored: bool = Field(description="false when details were already given for this answer (kept once)")


class FeedbackFieldError(BaseModel):
    field: str
    message: str


class FeedbackErrors(BaseModel):
    errors: list[FeedbackFieldError]


def _errors(status: int, errors: dict[str, str]) -> JSONResponse:
    body = {"errors": [{"field": field, "message": message} for field, message in errors.items()]}
    return JSONResponse(body, status_code=status, headers=_NO_STORE)


def _message_lang(value: object) -> str:
    return value if isinstance(value, str) and value in LANGUAGES else "fr"


def _cannot(lang: str) -> str:
    """« Votre avis n'a pas pu être enregistré. Réessayez plus tard. »: a request our pages never send."""
    return refusal_message("storage", lang)


async def _json_object(request: Request, lang_hint: str) -> dict[str, Any] | JSONResponse:
    """The body as a JSON object, read only if it is small enough."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return _errors(413, {"body": _cannot(lang_hint)})
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_BODY_BYTES:
            return _errors(413, {"body": _cannot(lang_hint)})
    try:
        body = safe_json.loads(raw, max_bytes=MAX_BODY_BYTES)
    except safe_json.JSONRefused:
        body = None
    if not isinstance(body, dict):
        return _errors(422, {"body": _cannot(lang_hint)})
    return body


def _today() -> dt.date:
    return dt.datetime.now(PARIS).date()


def router(
    services: Services,
    *,
    receipt_key: Callable[[], bytes] | None = None,
    pages: Callable[[], Collection[str]] = known_pages,
    today: Callable[[], dt.date] = _today,
) -> APIRouter:
    """Both endpoints. They store through ``services.feedback`` (the websocket widget's too); the
    receipt key is read on first use (it lives in the database)."""
    from pti_citizen.db.key_store import shared_key

    api = APIRouter()
    intake = services.feedback
    database = services.settings.database_url

    def signing_key() -> bytes:
        return receipt_key() if receipt_key else shared_key(RECEIPT_KEY_NAME, database)

    def clients(request: Request, visit: object) -> tuple[str, str | None] | None:
        if not isinstance(visit, str) or not _VISIT.fullmatch(visit):
            return None
        return "visit:" + visit, request.client.host if request.client else None

    refused_responses = {
        422: {
            "model": FeedbackErrors,
            "description": "Field-level errors in the page's language; nothing stored",
        },
        413: {"model": FeedbackErrors, "description": "Body larger than 12 KiB: not read"},
        429: {
            "model": FeedbackErrors,
            "description": "Too many answers from this visit, address, or overall",
        },
        503: {"model": FeedbackErrors, "description": "The database cannot store it now"},
    }

    @api.post(
        ANSWERS_PATH,
        summary="Answer « Est-ce que cette page est claire ? » (oui / non)",
        status_code=201,
        responses={
            201: {"model": AnswerOut, "description": "Stored; the receipt adds the details"},
            **refused_responses,
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": AnswerIn.model_json_schema()}},
            }
        },
    )
    async def feedback_answer(request: Request) -> JSONResponse:
        body = await _json_object(request, "fr")
        if isinstance(body, JSONResponse):
            return body
        lang = _message_lang(body.get("lang"))
        checked, errors = check_answer(
            body.get("page"), body.get("lang"), body.get("answer"), body.get("mode"), pages()
        )
        who = clients(request, body.get("visit"))
        if who is None:
            errors = {**errors, "visit": _cannot(lang)}
        if checked is None or who is None:
            return _errors(422, errors)
        stored = await intake.answer(checked, today(), *who)
        if stored.refused or stored.row_id is None:
            reason = stored.refused or "storage"
            return _errors(_STATUS[reason], {"request": refusal_message(reason, lang)})
        try:
            key = await asyncio.to_thread(signing_key)
        except sa.exc.SQLAlchemyError:
            return _errors(503, {"request": refusal_message("storage", lang)})
        receipt = make_receipt(key, stored.row_id, checked.lang, checked.page)
        return JSONResponse({"receipt": receipt}, status_code=201, headers=_NO_STORE)

    @api.post(
        DETAILS_PATH,
        summary="Add the optional comment, « ce qui manque » and MDS to an answer (once)",
        responses={
            200: {"model": DetailsOut, "description": "Stored (or already given)"},
            **refused_responses,
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": DetailsIn.model_json_schema()}},
            }
        },
    )
    async def feedback_details(request: Request) -> JSONResponse:
        body = await _json_object(request, "fr")
        if isinstance(body, JSONResponse):
            return body
        lang = _message_lang(body.get("lang"))
        page = body.get("page")
        details, errors = check_details(body.get("comment"), body.get("missing"), body.get("mds"), lang)
        who = clients(request, body.get("visit"))
        if who is None:
            errors = {**errors, "visit": _cannot(lang)}
        row_id = None
        if isinstance(page, str) and lang == body.get("lang"):
            try:
                key = await asyncio.to_thread(signing_key)
            except sa.exc.SQLAlchemyError:
                return _errors(503, {"request": refusal_message("storage", lang)})
            row_id = read_receipt(key, body.get("receipt"), lang, page)
        if row_id is None:
            errors = {**errors, "receipt": _cannot(lang)}
        if details is None or who is None or row_id is None:
            return _errors(422, errors)
        if details.empty:
            return JSONResponse({"stored": False}, headers=_NO_STORE)
        added = await intake.details(row_id, details, *who)
        if added.refused:
            return _errors(_STATUS[added.refused], {"request": refusal_message(added.refused, lang)})
        return JSONResponse({"stored": added.stored}, headers=_NO_STORE)

    return api
