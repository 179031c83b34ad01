"""State of the team's review space (``/equipe``): sign-in with the shared secret, answers per page,
latest comments, CSV export, freshness figures. The Kiosques Insertion part has its own state
(``ui/kiosques/state.py``), which asks this one whether the team is signed in.

Every handler that reads or changes data checks the sign-in on the server; the browser only ever
receives what a signed-in member of the team may see. Signing in is bound to the websocket
connection it was made on (its server-issued id, never in a URL or a log): a tab token reused by
another connection — read from a closed tab, or from a proxy's log — is signed out and its data
wiped before anything is sent (``connection_bound``, ``ui/session_guard.py``). It ends after
``PTI_REVIEW_IDLE_SECONDS`` (15 minutes) without action, with « Se déconnecter », with the
connection, or with « Terminer et tout effacer » on a shared terminal.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from typing import ClassVar

import reflex as rx
import sqlalchemy as sa

from pti_citizen.db import feedback_store
from pti_citizen.directory.kiosques import PARIS
from pti_citizen.feedback.export import ExportFilter, feedback_csv, parse_filter
from pti_citizen.feedback.freshness import freshness_report
from pti_citizen.feedback.secret import Alert, Gate
from pti_citizen.feedback.submission import MISSING_CHOICES
from pti_citizen.i18n import LANGUAGES, format_date, format_number
from pti_citizen.services import services

MODE_LABELS = {"moi": "pour soi", "aidant": "aidant", "mediateur": "médiation"}
KIND_LABELS = {"page": "Page", "offer": "Offre", "place": "Lieu", "parameters": "Paramètres"}


def _now() -> dt.datetime:
    return dt.datetime.now(PARIS)


def _percent(part: int, whole: int) -> str:
    return f"{format_number(100 * part / whole, 'fr', 0)} %" if whole else "–"


def _language_name(code: str) -> str:
    return LANGUAGES[code].name if code in LANGUAGES else code


def _moment(epoch: float) -> str:
    moment = dt.datetime.fromtimestamp(epoch, PARIS)
    return f"{format_date(moment.date(), 'fr')} à {moment:%H} h {moment:%M}"


def alert_text(alert: Alert) -> str:
    """What the team reads when someone tries secrets: figures, and what to do."""
    waiting = (
        f" {alert.clients_waiting} adresse{'s' if alert.clients_waiting > 1 else ''} "
        f"{'ont' if alert.clients_waiting > 1 else 'a'} dû attendre 15 minutes."
        if alert.clients_waiting
        else ""
    )
    return (
        f"Attention : {alert.failures} essais de code ratés entre le {_moment(alert.first)} "
        f"et le {_moment(alert.last)}.{waiting} L'accès de l'équipe reste ouvert avec le bon code. "
        "Si ces essais ne viennent pas de l'équipe, changez le code (PTI_REVIEW_SECRET) "
        "et prévenez le service informatique."
    )


class ReviewState(rx.State):
    #: Reset when another connection picks up this session (``ui/session_guard.py``).
    connection_bound: ClassVar[bool] = True

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
    #: Wrong secrets tried recently (``ReviewGate.alert``), and answers kept out of the figures.
    alert: str = ""
    apart_notice: str = ""
    _last_action: float = 0.0
    #: The connection signed in on (server-issued Socket.IO id).
    _sid: str = ""

    # -- access ---------------------------------------------------------------------------------

    def _connection(self) -> str:
        return self.router.session.session_id

    def _authorized(self) -> bool:
        if not self.signed_in or services().review_gate.status() is not Gate.OPEN:
            self.signed_in = False
            return False
        if self._sid != self._connection():
            self._sign_out()
            return False
        if time.monotonic() - self._last_action > services().settings.review_idle_seconds:
            self._sign_out()
            self.login_error = "Votre session a expiré. Entrez de nouveau le code de l'équipe."
            return False
        self._last_action = time.monotonic()
        return True

    def _sign_out(self) -> None:
        self.reset()
        self.status = services().review_gate.status().value

    @rx.event
    async def load(self):
        self.status = services().review_gate.status().value
        if self._authorized():
            await self._refresh()

    @rx.event
    async def sign_in(self, form: dict):
        given = form.get("secret") if isinstance(form, dict) else None
        self._sign_out()  # a new sign-in starts from nothing, bound to this connection only
        result = await services().review_gate.check(self.router.session.client_ip or None, given)
        if result is Gate.OPEN:
            self.signed_in, self.login_error = True, ""
            self._sid = self._connection()
            self._last_action = time.monotonic()
            await self._refresh()
            return rx.set_focus("equipe-title")
        self.login_error = {
            Gate.WRONG: "Ce code n'est pas le bon. Vérifiez-le et réessayez.",
            Gate.LOCKED: "Trop d'essais ratés depuis cette connexion. Attendez 15 minutes, puis réessayez.",
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
        alert = await services().review_gate.alert()
        self.alert = alert_text(alert) if alert else ""
        try:
            counts = await asyncio.to_thread(feedback_store.page_counts, where)
            comments = await asyncio.to_thread(feedback_store.latest_comments, where)
            apart = await asyncio.to_thread(feedback_store.apart_count, where)
        except sa.exc.SQLAlchemyError:
            self.export_notice = "La base de données ne répond pas. Réessayez dans un moment."
            return
        self.apart_notice = (
            f"{apart} avis reçu{'s' if apart > 1 else ''} pendant un afflux inhabituel "
            f"(beaucoup d'avis d'une même adresse, ou de tout le site en peu de temps) "
            f"{'sont mis' if apart > 1 else 'est mis'} de côté : {'ils ne comptent' if apart > 1 else 'il ne compte'} "
            "ni dans les chiffres ni dans l'export."
            if apart
            else ""
        )
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
