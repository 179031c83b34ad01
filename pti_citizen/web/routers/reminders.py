"""``GET /api/v1/reminders/declaration.ics`` and ``GET /api/v1/reminders/kiosque.ics``: calendar files
for the quarterly declaration and for a Kiosque Insertion (``handover/calendar.py``).

Everything the file holds comes from the query and the directory: nothing is stored, nothing is
logged, the answer is not kept by any cache on the way (``no-store``). Sizes are bounded by the
query model before the core reads anything.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from pti_citizen.directory import get_directory
from pti_citizen.directory.kiosques import PARIS
from pti_citizen.handover import calendar
from pti_citizen.services import Services
from pti_citizen.web.http import API_PREFIX, json_response, language

ICS_MEDIA_TYPE = "text/calendar; charset=utf-8"
ICS_RESPONSES = {
    200: {"content": {"text/calendar": {}}, "description": "An iCalendar file (RFC 5545)"},
    404: {"description": "No such Kiosque Insertion announced (any more)"},
    422: {"description": "Field-level errors in the reader's language"},
}


class DeclarationQuery(BaseModel):
    claim_month: str | None = Field(None, max_length=calendar.MAX_FIELD_CHARS, description="YYYY-MM")
    count: str | None = Field(None, max_length=4, description=f"1 to {calendar.MAX_COUNT} (default 4)")
    lang: str | None = Field(None, max_length=10)


class KiosqueQuery(BaseModel):
    id: str | None = Field(None, max_length=80, description="as the locator writes it: place.YYYYMMDD.HHMM")
    lang: str | None = Field(None, max_length=10)


def ics_response(body: bytes, filename: str) -> Response:
    return Response(
        body,
        media_type=ICS_MEDIA_TYPE,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


def _problem(error: calendar.ReminderError, status: int = 422) -> JSONResponse:
    return json_response(status, {"errors": [{"field": error.field, "message": error.message}]})


def _one(request: Request, name: str) -> str | None:
    """The field as sent once; sent several times, the values joined, for the core to refuse as
    badly written (the model, which keeps the last one, has already bounded each)."""
    values = request.query_params.getlist(name)
    return ",".join(values) if values else None


def router(services: Services) -> APIRouter:
    api = APIRouter(prefix=f"{API_PREFIX}/reminders")

    def origin(request: Request) -> str:
        """The browser's origin (or ``PTI_PUBLIC_URL``): the file's links open on the phone that saves
        it, never on the build-time ``localhost`` (as the QR code's, issue #14 item 1)."""
        return services.origins.for_links(request.url.scheme, request.headers.get("host")).origin

    @api.get(
        "/declaration.ics",
        summary="Calendar file: the next quarterly declarations (DTR) after a claim month",
        response_class=Response,
        responses=ICS_RESPONSES,
    )
    async def declaration(request: Request, query: Annotated[DeclarationQuery, Query()]) -> Response:
        lang = language(request, query.lang)
        now = dt.datetime.now(PARIS)
        try:
            month = calendar.parse_claim_month(_one(request, "claim_month"), lang, now.date())
            count = calendar.parse_count(_one(request, "count"), lang)
        except calendar.ReminderError as error:
            return _problem(error)
        reminders = calendar.declaration_reminders(month, lang, now.date(), origin(request), count)
        body = calendar.to_ics(reminders, lang, calendar.declarations_name(lang), now)
        return ics_response(body, "rsa-declarations.ics")

    @api.get(
        "/kiosque.ics",
        summary="Calendar file: one announced Kiosque Insertion",
        response_class=Response,
        responses=ICS_RESPONSES,
    )
    async def kiosque(request: Request, query: Annotated[KiosqueQuery, Query()]) -> Response:
        lang = language(request, query.lang)
        now = dt.datetime.now(PARIS)
        try:
            found, place = calendar.find_kiosque(
                query.id, services.kiosques.current(), get_directory().by_id, lang, now
            )
        except calendar.ReminderError as error:
            return _problem(error, 404 if error.code == "unknown" else 422)
        reminder = calendar.kiosque_reminder(found, place, lang, origin(request))
        body = calendar.to_ics([reminder], lang, reminder.summary, now)
        return ics_response(body, "kiosque-insertion.ics")

    return api
