"""The public JSON API (FastAPI), mounted in front of the Reflex app: one router per domain
(``web/routers``), errors in our shape and the reader's language (``web/http.py``), and an OpenAPI
description at ``/api/v1/openapi.json`` (no third-party docs UI). ``tests/web/openapi.json`` is its
snapshot: ``python -m pti_citizen.web.api > tests/web/openapi.json`` after a deliberate change.

Every answer comes from the pure-Python core; the routers only speak HTTP.
"""

from __future__ import annotations

import json

from fastapi import FastAPI

from pti_citizen import simulator
from pti_citizen.services import Services, services
from pti_citizen.web.http import API_PREFIX, EXCEPTION_HANDLERS
from pti_citizen.web.routers import feedback, feedback_answers, places, reminders
from pti_citizen.web.routers import simulator as simulator_routes


def create_api(app_services: Services | None = None) -> FastAPI:
    app_services = app_services or services()
    api = FastAPI(
        title="pti_citizen — Le RSA et moi",
        version="1",
        description="Estimate of the RSA, the prime d'activité and the family benefits, and places of "
        "Haute-Garonne. Facts and figures come with their sources.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
        exception_handlers=EXCEPTION_HANDLERS,
    )
    api.include_router(simulator_routes.router(app_services))
    api.include_router(simulator_routes.short_links())
    api.include_router(places.router(app_services))
    api.include_router(reminders.router(app_services))  # calendar files, nothing stored
    api.include_router(feedback.router(app_services))  # team only: bearer secret
    api.include_router(feedback_answers.router(app_services))  # the question on server-rendered pages
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


if __name__ == "__main__":
    print(json.dumps(create_api().openapi(), indent=1, sort_keys=True, ensure_ascii=False))
