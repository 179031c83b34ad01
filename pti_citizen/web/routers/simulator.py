"""``POST /api/v1/rights/estimate`` (also ``/rsa/estimate``) and ``GET /api/v1/rsa/qr.svg``: the rights
estimate, and the QR code of a shared result link (amount and next steps only, never the answers);
``GET /r/<code>``: the short address typed from paper, sent on to that result page.

The QR code opens on another device, so it holds an absolute link: its origin is the browser's
(``origins.for_links``), or ``PTI_PUBLIC_URL``. Made from a request's own ``Host`` (nothing
configured), the image is ``private``: no shared cache keeps a QR code a client's header chose."""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field, create_model

from pti_citizen import routes, safe_json, simulator
from pti_citizen.handover import ShareLinkError, parse_result_query, qr_code_svg, result_query, short_code
from pti_citizen.i18n import gettext_for
from pti_citizen.services import Services
from pti_citizen.simulator.validation import json_error
from pti_citizen.web.http import API_PREFIX, json_response, language, too_large

MAX_BODY_BYTES = 64 * 1024


class _ResultLinkBase(BaseModel):
    """The query of a shared result link, checked again by ``parse_result_query``."""

    v: str | None = Field(None, max_length=2, description="link version: 2 (absent: version 1)")
    mois: str = Field(..., max_length=10, description="month of the estimate, YYYY-MM")
    n: str = Field("", max_length=400, description="next-step codes, comma-separated")
    m: str | None = Field(None, max_length=20, description="version 1: the RSA's monthly amount")
    e: str | None = Field(None, max_length=2, description="version 1: 1 if eligible, else 0")
    lang: str | None = Field(None, max_length=10)


#: One amount per registered benefit (``rsa=11.31&prime_activite=359.10…``): the model follows the
#: engine's registry, so a new benefit needs nothing here.
ResultLinkQuery = create_model(
    "ResultLinkQuery",
    __base__=_ResultLinkBase,
    **{
        benefit.name: (str | None, Field(None, max_length=12, description=f"{benefit.name}: € a month"))
        for benefit in simulator.REGISTRY
    },
)


def router(services: Services) -> APIRouter:
    api = APIRouter(prefix=API_PREFIX)
    estimate_doc = {
        "responses": {
            200: {"model": simulator.EstimateOutput, "description": "Every benefit, explained step by step"},
            422: {"model": simulator.ErrorsOutput, "description": "Field-level errors; nothing computed"},
        },
        "openapi_extra": {
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EstimateInput"}}},
            }
        },
    }

    @api.post(
        "/rights/estimate",
        summary="Estimate the RSA, the prime d'activité and the family benefits of a household",
        **estimate_doc,
    )
    @api.post(
        "/rsa/estimate",
        summary="Estimate the RSA, the prime d'activité and the family benefits of a household "
        "(same as /rights/estimate)",
        **estimate_doc,
    )
    async def estimate(request: Request) -> JSONResponse:
        lang = language(request)
        # The edge guard (web/guards.py) has already refused a larger body while reading it.
        raw = await request.body()
        try:
            payload = safe_json.loads(raw, max_bytes=MAX_BODY_BYTES)
        except safe_json.JSONRefused as error:
            if error.kind == "size":
                return too_large(request)
            # Too deep, not UTF-8 or not JSON: where it went wrong, never a traceback.
            return json_response(422, {"errors": [json_error(error.lineno, error.colno, lang)]})
        status, body = simulator.estimate_payload(payload, lang)
        return json_response(status, body)

    @api.get(
        "/rsa/qr.svg",
        summary="QR code of a shared result link (amount and next steps only, never the answers)",
        response_class=Response,
        responses={200: {"content": {"image/svg+xml": {}}}, 422: {"model": simulator.ErrorsOutput}},
    )
    async def result_qr_code(request: Request, link: Annotated[ResultLinkQuery, Query()]) -> Response:
        lang = language(request, link.lang)
        given = {key: value for key, value in link.model_dump(exclude={"lang"}).items() if value is not None}
        try:
            shared = parse_result_query(urlencode(given, safe=","), today=dt.date.today())
        except ShareLinkError:
            _ = gettext_for(lang)
            return json_response(
                422, {"errors": [{"field": "query", "message": _("Ce lien ne marche pas.")}]}
            )
        origin = services.origins.for_links(request.url.scheme, request.headers.get("host"))
        url = f"{origin.origin}{routes.path(lang, routes.SIMULATOR_RESULT)}?{result_query(shared)}"
        cache = "public, max-age=86400" if origin.shareable else "private, max-age=86400"
        headers = {"Cache-Control": cache, "Vary": "Host"}
        return Response(qr_code_svg(url), media_type="image/svg+xml", headers=headers)

    return api


def short_links() -> APIRouter:
    """``/r/<code>``, outside the API's prefix: what a person types from paper."""
    api = APIRouter()

    @api.get(short_code.PATH + "{code}", include_in_schema=False)
    async def typed_result(request: Request, code: str) -> RedirectResponse:
        lang = language(request)
        try:
            query = result_query(short_code.decode(code))
        except ShareLinkError:
            query = "code=inconnu"  # the result page says « Ce lien ne marche pas » in the reader's language
        return RedirectResponse(
            f"{routes.path(lang, routes.SIMULATOR_RESULT)}?{query}",
            status_code=302,
            headers={"Cache-Control": "no-store", "Vary": "Accept-Language"},
        )

    return api
