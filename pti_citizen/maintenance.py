"""``python -m pti_citizen.maintenance``: what must be checked again, and the feedback that must go.

Lists the content pages whose ``checked_on`` is more than 6 months old, the offers and places not
re-checked in 6 months, and the simulator parameters once their expected revaluation date has
passed (the same figures as the review space, ``/equipe``). Then deletes feedback older than 24
months (the app also does it every day; running it from cron is a second safety net).

    python -m pti_citizen.maintenance              # report + delete old feedback
    python -m pti_citizen.maintenance --report     # report only, no database needed
    python -m pti_citizen.maintenance --json       # the same, for scripts
    python -m pti_citizen.maintenance --strict     # exit 1 if anything is stale (for CI or cron mail)

The database is ``PTI_DATABASE_URL`` (SQLite ``pti_citizen.db`` by default); its schema is brought
up to date first, so the command also works on a fresh database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from pti_citizen.directory.kiosques import PARIS
from pti_citizen.feedback.freshness import FreshnessReport, freshness_report
from pti_citizen.feedback.retention import FEEDBACK_RETENTION_MONTHS, STALE_AFTER_MONTHS, feedback_cutoff

EXIT_STALE = 1
EXIT_DATABASE = 3
LABELS = {
    "pages": "Pages de contenu",
    "offers": "Offres (transport, santé)",
    "places": "Lieux (MDS, points d'accueil)",
    "parameters": "Paramètres du simulateur",
}
GROUP_OF_KIND = {"page": "pages", "offer": "offers", "place": "places", "parameters": "parameters"}


def _text(report: FreshnessReport, deleted: int | None, cutoff: dt.date | None) -> str:
    lines = [
        f"Fraîcheur au {report.today.isoformat()} : vérifié avant le {report.cutoff.isoformat()} "
        f"(plus de {STALE_AFTER_MONTHS} mois) = à revérifier.",
    ]
    counts = report.counts()
    for key, label in LABELS.items():
        lines.append(f"- {label} : {counts[key]} à revérifier sur {report.checked.get(key, 0)}")
        lines.extend(
            f"    {item.id} — {item.title} ({item.date.isoformat()})"
            for item in report.items
            if GROUP_OF_KIND[item.kind] == key
        )
    lines.append(
        f"Simulateur : prochaine revalorisation attendue le {report.parameters_valid_until.isoformat()}"
        + (
            " — dépassée, mettez à jour : "
            + ", ".join(f"pti_citizen/{item.id}" for item in report.parameters)
            if report.parameters
            else "."
        )
    )
    if deleted is not None:
        lines.append(
            f"Avis effacés (datés d'avant le {cutoff.isoformat()}, plus de {FEEDBACK_RETENTION_MONTHS} mois) : {deleted}"
        )
    return "\n".join(lines)


def _json(report: FreshnessReport, deleted: int | None, cutoff: dt.date | None) -> str:
    body = {
        "today": report.today.isoformat(),
        "stale_before": report.cutoff.isoformat(),
        "counts": report.counts(),
        "checked": report.checked,
        "parameters_valid_until": report.parameters_valid_until.isoformat(),
        "items": [
            {"kind": i.kind, "id": i.id, "title": i.title, "date": i.date.isoformat()} for i in report.items
        ],
        "feedback_deleted": deleted,
        "feedback_deleted_before": cutoff.isoformat() if cutoff else None,
    }
    return json.dumps(body, ensure_ascii=False, indent=2)


def purge_feedback(today: dt.date, url: str | None = None) -> tuple[int, dt.date]:
    from pti_citizen.db import feedback_store, migrations

    migrations.upgrade(url)
    cutoff = feedback_cutoff(today)
    return feedback_store.delete_older_than(cutoff, url), cutoff


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pti_citizen.maintenance", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--report", action="store_true", help="only list what to re-check; do not touch the database"
    )
    parser.add_argument("--json", action="store_true", help="JSON output")
    parser.add_argument("--strict", action="store_true", help=f"exit {EXIT_STALE} when something is stale")
    parser.add_argument(
        "--today", type=dt.date.fromisoformat, default=None, help="pretend today is YYYY-MM-DD"
    )
    args = parser.parse_args(argv)

    today = args.today or dt.datetime.now(PARIS).date()
    report = freshness_report(today)
    deleted, cutoff = None, None
    if not args.report:
        import sqlalchemy as sa

        try:
            deleted, cutoff = purge_feedback(today)
        except sa.exc.SQLAlchemyError as error:
            print(
                f"Base de données inaccessible ({type(error).__name__}) : aucun avis effacé.", file=sys.stderr
            )
            return EXIT_DATABASE
    print(_json(report, deleted, cutoff) if args.json else _text(report, deleted, cutoff))
    return EXIT_STALE if args.strict and report.items else 0


if __name__ == "__main__":
    sys.exit(main())
