"""Command line: ``python -m pti_citizen.directory nearest QUERY [--limit N] [--kind KIND] [--explain]``.

Prints a JSON list of places (exit 0), or ``{"errors": [...], "suggestions": [...]}`` (exit 2).
``--explain`` writes how the query was understood to stderr, so stdout stays plain JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from .api import DEFAULT_LIMIT, export_structures, nearest_payload
from .errors import FieldError, error_body
from .geocoder import BanGeocoder

EXIT_USAGE = 2


class _JsonArgumentParser(argparse.ArgumentParser):
    """Bad options also answer in JSON, like a bad query."""

    def error(self, message: str):
        print(
            json.dumps(
                error_body([FieldError("arguments", "bad_arguments", message)], "fr"), ensure_ascii=False
            )
        )
        sys.exit(EXIT_USAGE)


def _parser() -> argparse.ArgumentParser:
    parser = _JsonArgumentParser(prog="python -m pti_citizen.directory", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_JsonArgumentParser)
    nearest = commands.add_parser("nearest", help="nearest MDS, points d'accueil and kiosques")
    nearest.add_argument("query", help="town, postcode, insee:31483, 'lat,lon' or (with --online) an address")
    nearest.add_argument("--limit", default=str(DEFAULT_LIMIT), help="1 to 80 (default 5)")
    nearest.add_argument("--kind", default=None, help="mds, point_accueil or kiosque")
    nearest.add_argument("--explain", action="store_true", help="print how the query was understood (stderr)")
    nearest.add_argument("--lang", default="fr", help="fr, en, es or ar")
    nearest.add_argument("--now", default=None, help="ISO date-time for opening status (Europe/Paris)")
    nearest.add_argument("--online", action="store_true", help="try street addresses with the BAN geocoder")
    commands.add_parser("export", help="every place as data·inclusion structures (JSON)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "export":
        print(json.dumps(export_structures(), ensure_ascii=False, indent=2))
        return 0
    now = None
    if args.now:
        try:
            now = dt.datetime.fromisoformat(args.now)
        except ValueError:
            body = error_body(
                [FieldError("now", "bad_now", f"--now {args.now!r} is not an ISO date-time")], "fr"
            )
            print(json.dumps(body, ensure_ascii=False))
            return EXIT_USAGE
    geocoder = BanGeocoder() if args.online else None
    # A bare 5-digit query is a postcode; argparse hands the text over unchanged.
    status, body = nearest_payload(
        args.query, limit=args.limit, kind=args.kind, lang=args.lang, now=now, geocoder=geocoder
    )
    if status != 200:
        print(json.dumps(body, ensure_ascii=False, indent=2))
        return EXIT_USAGE
    if args.explain:
        resolved = body["resolved"]
        lines = [resolved["explanation"], resolved["hint"], body["notice"]]
        if resolved["towns"]:
            lines.append(", ".join(town["name"] for town in resolved["towns"]))
        print("\n".join(line for line in lines if line), file=sys.stderr)
    print(json.dumps(body["items"], ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
