"""``python -m pti_citizen.simulator [--lang xx] < household.json``: one RSA estimate as JSON.

Exit 0 with the result on stdout; exit 2 with ``{"errors": [...]}`` for invalid input or JSON.
"""

from __future__ import annotations

import argparse
import json
import sys

from pti_citizen import safe_json
from pti_citizen.i18n import LANGUAGES, normalize_language

from .api import OK, estimate_payload
from .validation import json_error

EXIT_INVALID = 2
MAX_INPUT_BYTES = 64 * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pti_citizen.simulator",
        description="Estimate the RSA for one household read as JSON on stdin "
        "(see /work/shared/contracts/rsa-simulator.md).",
    )
    parser.add_argument(
        "--lang",
        default=None,
        help=f'language of the texts ({", ".join(LANGUAGES)}); a "lang" field in the JSON wins',
    )
    parser.add_argument("--indent", type=int, default=2, help="JSON indentation (0: one line)")
    args = parser.parse_args(argv)

    # One household is a few hundred bytes: more than this is not one (read no further).
    raw = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    try:
        payload = safe_json.loads(raw, max_bytes=MAX_INPUT_BYTES)
    except safe_json.JSONRefused as error:
        body = {"errors": [json_error(error.lineno, error.colno, normalize_language(args.lang))]}
        status = None
    else:
        status, body = estimate_payload(payload, args.lang)
    sys.stdout.write(json.dumps(body, ensure_ascii=False, indent=args.indent or None) + "\n")
    return 0 if status == OK else EXIT_INVALID


if __name__ == "__main__":
    sys.exit(main())
