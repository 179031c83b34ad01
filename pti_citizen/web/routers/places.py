"""``GET /api/v1/places/nearest`` and ``GET /api/v1/places``: the directory of MDS and points d'accueil,
with the upcoming Kiosques Insertion (the calendar of ``services``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from pti_citizen import directory
from pti_citizen.services import Services
from pti_citizen.web.http import API_PREFIX, json_response, language


class NearestQuery(BaseModel):
    """As typed by a person or a script: the directory checks the values and explains what is wrong,
    in the reader's language; here only the sizes are bounded."""

    q: str | None = Field(None, max_length=200, description="town, postcode, insee:CODE or lat,lon")
    lat: str | None = Field(None, max_length=40)
    lon: str | None = Field(None, max_length=40)
    limit: str = Field("5", max_length=6)
    kind: str | None = Field(None, max_length=40)
    lang: str | None = Field(None, max_length=10)


def router(services: Services) -> APIRouter:
    api = APIRouter(prefix=f"{API_PREFIX}/places")

    @api.get("/nearest", summary="Nearest MDS, points d'accueil and Kiosques Insertion")
    async def nearest(request: Request, query: Annotated[NearestQuery, Query()]) -> JSONResponse:
        answer = await directory.nearest(
            q=query.q,
            lat=query.lat,
            lon=query.lon,
            limit=query.limit,
            kind=query.kind,
            lang=language(request, query.lang),
            kiosques=services.kiosques.current(),
        )
        return json_response(*directory.nearest_body(answer))

    @api.get("", summary="Every place as data·inclusion structures (schema v1)")
    async def places() -> JSONResponse:
        return JSONResponse(directory.export_structures(), headers={"Cache-Control": "public, max-age=3600"})

    return api
