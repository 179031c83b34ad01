"""The public JSON API (FastAPI), mounted in front of the Reflex app.

Every answer comes from the pure-Python core; this module only speaks HTTP: status codes,
``Accept-Language``, and an OpenAPI description at ``/api/v1/openapi.json`` (no third-party docs UI).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from pti_citizen import directory, routes, simulator
from pti_citizen.i18n import gettext_for, negotiate, normalize_language
from pti_citizen.simulator.validation import json_error
from pti_citizen.ui.simulator import share
from pti_citizen.web.feedback_export import add_feedback_export
from rxconfig import config

API_PREFIX = "/api/v1"
MAX_BODY_BYTES = 64 * 1024


def _language(request: Request, explicit: str | None = None) -> str:
    if explicit:
        return normalize_language(explicit)
    return negotiate(request.headers.get("accept-language"))


def _json(status: int, body: Any) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


def _validation_errors(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's own checks (query length…) answer in our shape and the reader's language."""
    _ = gettext_for(_language(request, request.query_params.get("lang")))
    errors = []
    for problem in exc.errors():
        location = [str(part) for part in problem.get("loc", ()) if part not in ("query", "body")]
        if problem.get("type") == "string_too_long":
            message = _("Ce texte est trop long.")
        else:
            message = _("Cette valeur n'est pas valable.")
        errors.append({"field": ".".join(location) or "request", "message": message})
    return _json(422, {"errors": errors})


def _http_errors(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    _ = gettext_for(_language(request))
    message = (
        _("Cette adresse n'existe pas.") if exc.status_code == 404 else _("Cette demande n'est pas possible.")
    )
    return _json(exc.status_code, {"errors": [{"field": "request", "message": message}]})


def create_api() -> FastAPI:
    api = FastAPI(
        title="pti_citizen — Le RSA et moi",
        version="1",
        description="Estimate of the RSA, the prime d'activité and the family benefits, and places of "
        "Haute-Garonne. Facts and figures come with their sources.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
        exception_handlers={RequestValidationError: _validation_errors, StarletteHTTPException: _http_errors},
    )

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
        f"{API_PREFIX}/rights/estimate",
        summary="Estimate the RSA, the prime d'activité and the family benefits of a household",
        **estimate_doc,
    )
    @api.post(
        f"{API_PREFIX}/rsa/estimate",
        summary="Estimate the RSA, the prime d'activité and the family benefits of a household "
        "(same as /rights/estimate)",
        **estimate_doc,
    )
    async def estimate(request: Request) -> JSONResponse:
        lang = _language(request)
        raw = await request.body()
        if len(raw) > MAX_BODY_BYTES:
            return _json(413, {"errors": [{"field": "body", "message": "too large"}]})
        try:
            payload = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            return _json(422, {"errors": [json_error(1, 1, lang)]})
        except json.JSONDecodeError as error:
            return _json(422, {"errors": [json_error(error.lineno, error.colno, lang)]})
        status, body = simulator.estimate_payload(payload, lang)
        return _json(status, body)

    @api.get(f"{API_PREFIX}/places/nearest", summary="Nearest MDS, points d'accueil and Kiosques Insertion")
    async def nearest(
        request: Request,
        q: str | None = Query(None, max_length=200, description="town, postcode, insee:CODE or lat,lon"),
        lat: str | None = Query(None, max_length=40),
        lon: str | None = Query(None, max_length=40),
        limit: str = Query("5", max_length=6),
        kind: str | None = Query(None, max_length=40),
        lang: str | None = Query(None, max_length=10),
    ) -> JSONResponse:
        status, body = await directory.nearest_payload_async(
            q=q, lat=lat, lon=lon, limit=limit, kind=kind, lang=_language(request, lang)
        )
        return _json(status, body)

    @api.get(f"{API_PREFIX}/places", summary="Every place as data·inclusion structures (schema v1)")
    async def places() -> JSONResponse:
        return JSONResponse(directory.export_structures(), headers={"Cache-Control": "public, max-age=3600"})

    @api.get(
        f"{API_PREFIX}/rsa/qr.svg",
        summary="QR code of a shared result link (amount and next steps only, never the answers)",
        response_class=Response,
        responses={200: {"content": {"image/svg+xml": {}}}, 422: {"model": simulator.ErrorsOutput}},
    )
    async def result_qr_code(
        request: Request,
        m: str = Query(..., max_length=20, description="estimated monthly amount, e.g. 573.49"),
        e: str = Query(..., max_length=2, description="1 if eligible, else 0"),
        n: str = Query("", max_length=60, description="next-step codes, comma-separated"),
        mois: str = Query(..., max_length=10, description="month of the estimate, YYYY-MM"),
        lang: str | None = Query(None, max_length=10),
    ) -> Response:
        lang = _language(request, lang)
        query = urlencode({"m": m, "e": e, "n": n, "mois": mois}, safe=",")
        table = simulator.default_table()
        try:
            share.parse_share_query(query, first_month=table.first_day, today=dt.date.today())
        except share.ShareLinkError:
            _ = gettext_for(lang)
            return _json(422, {"errors": [{"field": "query", "message": _("Ce lien ne marche pas.")}]})
        url = f"{(config.deploy_url or '').rstrip('/')}{routes.path(lang, routes.SIMULATOR_RESULT)}?{query}"
        headers = {"Cache-Control": "public, max-age=86400"}
        return Response(share.qr_code_svg(url), media_type="image/svg+xml", headers=headers)

    add_feedback_export(api)  # GET /api/v1/feedback/export.csv (team only)
    _document_raw_body_models(api)
    return api


def _document_raw_body_models(api: FastAPI) -> None:
    """The estimate reads its raw body (to translate every error), so FastAPI cannot see its model:
    put the input model and the models it refers to into the OpenAPI components ourselves."""
    build = api.openapi

    def openapi() -> dict:
        if api.openapi_schema:
            return api.openapi_schema
        document = build()
        schemas = document.setdefault("components", {}).setdefault("schemas", {})
        model = simulator.EstimateInput.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(model.pop("$defs", {}))
        schemas["EstimateInput"] = model
        api.openapi_schema = document
        return document

    api.openapi = openapi
