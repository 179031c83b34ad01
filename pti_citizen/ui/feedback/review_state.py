"""State of the team's review space (``/equipe``): sign-in with the shared secret, answers per page,
latest comments, CSV export, freshness figures. The Kiosques Insertion part has its own state
(``ui/kiosques/state.py``), which asks this one whether the team is signed in.

Every handler that reads or changes data checks the sign-in on the server; the browser only ever
receives what a signed-in member of the team may see. Signing in lasts for the live session and
ends after an hour without action (or with « Terminer et tout effacer » on a shared terminal).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time

import reflex as rx
import sqlalchemy as sa

from pti_citizen.db import feedback_store
from pti_citizen.directory.kiosques import PARIS
from pti_citizen.feedback.export import ExportFilter, feedback_csv, parse_filter
from pti_citizen.feedback.freshness import freshness_report
from pti_citizen.feedback.ratelimit import client_key
from pti_citizen.feedback.secret import Gate
from pti_citizen.feedback.submission import MISSING_CHOICES
from pti_citizen.i18n import LANGUAGES, format_date, format_number
from pti_citizen.services import services

SESSION_SECONDS = 3600
MODE_LABELS = {"moi": "pour soi", "aidant": "aidant", "mediateur": "médiation"}
KIND_LABELS = {"page": "Page", "offer": "Offre", "place": "Lieu", "parameters": "Paramètres"}


def _now() -> dt.datetime:
    return dt.datetime.now(PARIS)


def _percent(part: int, whole: int) -> str:
    return f"{format_number(100 * part / whole, 'fr', 0)} %" if whole else "–"


def _language_name(code: str) -> str:
    return LANGUAGES[code].name if code in LANGUAGES else code


class ReviewState(rx.State):
    status: str = "loading"  # loading | off | weak | open (is a secret configured on the server?)
    signed_in: bool = False
    login_error: str = ""
    territory: str = ""
    start: str = ""
    end: str = ""
    filter_errors: dict[str, str] = rx.field(default_factory=dict)
    totals: str = ""
    counts: list[dict[str, str]] = rx.field(default_factory=list)
    comments: list[dict[str, str]] = rx.field(default_factory=list)
    export_notice: str = ""
    freshness: list[dict[str, str]] = rx.field(default_factory=list)
    freshness_summary: dict[str, str] = rx.field(default_factory=dict)
    _last_action: float = 0.0

    # -- access ---------------------------------------------------------------------------------

    def _authorized(self) -> bool:
        if not self.signed_in or services().review_gate.status() is not Gate.OPEN:
            self.signed_in = False
            return False
        if time.monotonic() - self._last_action > SESSION_SECONDS:
            self._sign_out()
            self.login_error = "Votre session a expiré. Entrez de nouveau le code de l'équipe."
            return False
        self._last_action = time.monotonic()
        return True

    def _sign_out(self) -> None:
        self.reset()
        self.status = services().review_gate.status().value

    def _client(self) -> str:
        session = self.router.session
        return client_key("review:" + (session.client_ip or session.client_token))

    @rx.event
    async def load(self):
        self.status = services().review_gate.status().value
        if self._authorized():
            await self._refresh()

    @rx.event
    async def sign_in(self, form: dict):
        given = form.get("secret") if isinstance(form, dict) else None
        result = services().review_gate.check(self._client(), given)
        self.status = services().review_gate.status().value
        if result is Gate.OPEN:
            self.signed_in, self.login_error = True, ""
            self._last_action = time.monotonic()
            await self._refresh()
            return rx.set_focus("equipe-title")
        self.login_error = {
            Gate.WRONG: "Ce code n'est pas le bon. Vérifiez-le et réessayez.",
            Gate.LOCKED: "Trop d'essais ratés. L'accès est bloqué 15 minutes. Réessayez ensuite.",
        }.get(result, "L'espace équipe est désactivé sur ce serveur.")
        return rx.set_focus("equipe-secret")

    @rx.event
    def sign_out(self):
        self._sign_out()

    # -- data -----------------------------------------------------------------------------------

    def _filter(self) -> ExportFilter:
        checked, _errors = parse_filter(self.territory, self.start, self.end)
        return checked or ExportFilter()

    async def _refresh(self) -> None:
        where = self._filter()
        now = _now()
        try:
            counts = await asyncio.to_thread(feedback_store.page_counts, where)
            comments = await asyncio.to_thread(feedback_store.latest_comments, where)
        except sa.exc.SQLAlchemyError:
            self.export_notice = "La base de données ne répond pas. Réessayez dans un moment."
            return
        total, no = sum(c.total for c in counts), sum(c.no for c in counts)
        self.totals = (
            f"{total} réponse{'s' if total > 1 else ''}, dont {no} « non » ({_percent(no, total)})."
            if total
            else "Aucune réponse pour cette période."
        )
        self.counts = [
            {
                "page": c.page,
                # « demarches/ » and « declaration-trimestrielle »: a narrow screen may end a line between.
                "page_start": c.page.rpartition("/")[0] + c.page.rpartition("/")[1],
                "page_end": c.page.rpartition("/")[2],
                "href": f"/{c.lang}/{c.page}",
                "lang": _language_name(c.lang),
                "total": str(c.total),
                "no": str(c.no),
                "ratio": _percent(c.no, c.total),
            }
            for c in counts
        ]
        self.comments = [
            {
                "date": format_date(r.created_on, "fr"),
                "page": r.page,
                "page_start": r.page.rpartition("/")[0] + r.page.rpartition("/")[1],
                "page_end": r.page.rpartition("/")[2],
                "lang": _language_name(r.lang),
                "mode": MODE_LABELS.get(r.mode or "", "non dit"),
                "answer": r.answer,
                "missing": ", ".join(MISSING_CHOICES[m].lower() for m in r.missing if m in MISSING_CHOICES),
                "territory": r.territory or "non dit",
                "comment": r.comment or "",
            }
            for r in comments
        ]
        self._refresh_freshness(now.date())

    def _refresh_freshness(self, today: dt.date) -> None:
        report = freshness_report(today)
        self.freshness = [
            {"kind": KIND_LABELS[i.kind], "id": i.id, "title": i.title, "date": format_date(i.date, "fr")}
            for i in report.items
        ]
        counts, checked = report.counts(), report.checked
        self.freshness_summary = {
            "cutoff": format_date(report.cutoff, "fr"),
            "pages": f"{counts['pages']} sur {checked['pages']}",
            "offers": f"{counts['offers']} sur {checked['offers']}",
            "places": f"{counts['places']} sur {checked['places']}",
            "parameters": (
                f"revalorisation attendue le {format_date(report.parameters_valid_until, 'fr')}"
                + (" : dépassée, à mettre à jour" if report.parameters else " : à jour")
            ),
        }

    @rx.event
    async def apply_filter(self, form: dict):
        if not self._authorized():
            return
        form = form if isinstance(form, dict) else {}
        territory, start, end = (str(form.get(k, "") or "") for k in ("territory", "from", "to"))
        checked, errors = parse_filter(territory, start, end)
        self.filter_errors = errors
        if checked is None:
            return
        self.territory, self.start, self.end = territory, start, end
        self.export_notice = ""
        await self._refresh()

    @rx.event
    async def export_csv(self):
        if not self._authorized():
            return None
        where = self._filter()
        try:
            rows = await asyncio.to_thread(lambda: list(feedback_store.rows(where)))
        except sa.exc.SQLAlchemyError:
            self.export_notice = "La base de données ne répond pas. Réessayez dans un moment."
            return None
        self.export_notice = f"Fichier prêt : {len(rows)} avis."
        return rx.download(data=feedback_csv(rows), filename=where.filename(), mime_type="text/csv")
