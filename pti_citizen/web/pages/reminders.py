"""« Me rappeler mes déclarations »: choose the month of the RSA claim, see the coming quarterly
declarations, download them as a calendar file (``GET /api/v1/reminders/declaration.ics``).

An ordinary form sent in the URL (``?mois=12&annee=2026``): no script, nothing kept; the page
answers with the months and the download link, or with what is wrong next to the field.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlencode

from pti_citizen import routes
from pti_citizen.directory.kiosques import PARIS
from pti_citizen.handover import calendar
from pti_citizen.i18n import format_month, format_month_year, gettext_for
from pti_citizen.web.pages.html import Child, h
from pti_citizen.web.pages.shell import link

MAX_QUERY_BYTES = 256
MONTH_FIELD, YEAR_FIELD = "mois", "annee"


def _asked(query: str) -> tuple[str, str] | None:
    """The two fields as sent, or ``None`` when the form was not sent (or the query is not ours)."""
    if not query or len(query) > MAX_QUERY_BYTES:
        return None
    try:
        fields = parse_qs(query, max_num_fields=4)
    except ValueError:
        return None
    if MONTH_FIELD not in fields and YEAR_FIELD not in fields:
        return None
    month = (fields.get(MONTH_FIELD) or [""])[0].strip()[:2]
    year = (fields.get(YEAR_FIELD) or [""])[0].strip()[:4]
    return month, year


def _claim_text(month: str, year: str) -> str:
    """``("3", "2026")`` → ``2026-03``; anything else stays as typed, for the core to refuse."""
    if month.isdigit() and year.isdigit():
        return f"{year}-{int(month):02d}"
    return f"{year}-{month}"


def _form(lang: str, today: dt.date, month: str, year: str, error: str) -> Child:
    _ = gettext_for(lang)
    chosen_month = month or str(today.month)
    chosen_year = year or str(today.year)
    years = range(today.year + 1, calendar.FIRST_CLAIM_MONTH.year - 1, -1)
    described = "reminder-help reminder-error" if error else "reminder-help"
    return h(
        "form",
        h(
            "fieldset",
            h("legend", _("Le mois de votre demande de RSA")),
            h(
                "p",
                _("Vous ne savez plus ? Regardez la date sur votre courrier de la CAF ou de la MSA."),
                id="reminder-help",
                class_="hint",
            ),
            h("label", _("Mois"), for_="reminder-month"),
            h(
                "select",
                [
                    h("option", format_month(m, lang), value=str(m), selected=str(m) == chosen_month)
                    for m in range(1, 13)
                ],
                id="reminder-month",
                name=MONTH_FIELD,
                aria_describedby=described,
                aria_invalid="true" if error else None,
            ),
            h("label", _("Année"), for_="reminder-year"),
            h(
                "select",
                [h("option", str(y), value=str(y), selected=str(y) == chosen_year) for y in years],
                id="reminder-year",
                name=YEAR_FIELD,
                aria_describedby=described,
                aria_invalid="true" if error else None,
            ),
            h("p", error, id="reminder-error", class_="field-error") if error else None,
        ),
        h("button", _("Voir mes dates"), type="submit", class_="button"),
        method="get",
        action=f"{routes.path(lang, routes.REMINDERS)}#reminder-dates",
        class_="filters no-print",
    )


def reminders_main(lang: str, query: str, today: dt.date | None = None) -> list[Child]:
    _ = gettext_for(lang)
    today = today or dt.datetime.now(PARIS).date()
    asked = _asked(query)
    month, year = asked or ("", "")
    error, dates = "", []
    claim = None
    if asked is not None:
        try:
            claim = calendar.parse_claim_month(_claim_text(month, year), lang, today)
        except calendar.ReminderError as problem:
            error = problem.message
    if claim is not None:
        months = calendar.declaration_months(claim, today)
        download = f"{calendar.DECLARATION_ICS_PATH}?" + urlencode(
            {"claim_month": f"{claim:%Y-%m}", "lang": lang}
        )
        dates = [
            h(
                "h2",
                _("Vos prochaines déclarations"),
                id="reminder-dates",
                tabindex="-1",
                data_autofocus=True,
            ),
            h("ul", [h("li", format_month_year(m, lang)) for m in months]),
            h(
                "p",
                _(
                    "Le jour exact est à vérifier : la CAF vous envoie un courriel quand la déclaration est prête. En cas de doute, appelez la CAF au 3230 ou la MSA."
                ),
                class_="note",
            ),
            h(
                "p",
                link(
                    _("Ajouter ces dates à mon agenda"),
                    href=download,
                    download="rsa-declarations.ics",
                    class_="button",
                ),
            ),
            h(
                "p",
                _(
                    "Votre téléphone ouvre le fichier dans son agenda. Chaque rappel arrive le matin du 1er jour du mois."
                ),
                class_="hint",
            ),
        ]
    guide = routes.path(lang, routes.SECTIONS["demarches"], "declaration-trimestrielle")
    return [
        h("h1", _("Me rappeler mes déclarations")),
        h(
            "p",
            _(
                "Tous les 3 mois, vous faites votre déclaration trimestrielle de ressources. Recevez un rappel dans l'agenda de votre téléphone."
            ),
            class_="lead",
        ),
        h("p", _("Nous ne gardons rien : ni la date, ni votre nom. Vous n'avez pas besoin de compte.")),
        _form(lang, today, month, year, error),
        *dates,
        h("p", link(_("Comment faire ma déclaration trimestrielle"), href=guide)),
    ]
