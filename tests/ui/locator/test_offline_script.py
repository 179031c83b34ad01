"""The locator's offline search (``assets/locator-offline.js``, issue #14 item 8) gives the core's answers.

Node runs the browser script on the data the core writes (``directory.offline_data``) for thousands of
queries — every commune by name, postcode and INSEE code, a typo in every word of every name, positions,
odd input, four languages — and each answer must equal ``directory.nearest``'s, as the page shows it:
how the query was understood, the places in order with their distance and opening status, the error
and its suggestions. The browser test (tests/e2e/test_locator_offline.py) checks the page part.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pti_citizen.directory import NearestPlaces, get_directory, nearest
from pti_citizen.directory.normalize import normalize
from pti_citizen.directory.offline import STATUS_DAYS, offline_data
from pti_citizen.i18n import format_number
from pti_citizen.languages import LANGUAGES
from pti_citizen.ui.locator.view import pieces, share_query
from tests.directory.test_typos import _typos_of

SCRIPT = Path(__file__).resolve().parents[3] / "assets" / "locator-offline.js"
PARIS = ZoneInfo("Europe/Paris")
NOW = dt.datetime(2026, 12, 24, 11, 45, tzinfo=PARIS)  # open, closing at noon; Christmas tomorrow
DRIVER = r"""
const fs = require("fs");
const {Engine} = require(process.argv[2]);
const engine = new Engine(JSON.parse(fs.readFileSync(process.argv[3], "utf8")));
const asked = JSON.parse(fs.readFileSync(0, "utf8"));
const out = {
  answers: asked.answers.map((c) => engine.answer(c.q, c.lang, c)),
  normalized: asked.normalize.map((text) => engine.normalize(text)),
  parts: asked.parts.map((p) => engine.frenchParts(p.text, p.lang, p.names)),
  numbers: asked.numbers.map((n) => engine.formatNumber(n.value, engine.data.texts[n.lang])),
};
process.stdout.write(JSON.stringify(out));
"""


def _ms(moment: dt.datetime) -> int:
    return int(moment.timestamp() * 1000)


@pytest.fixture(scope="module")
def run_script(tmp_path_factory):
    node = shutil.which("node")
    assert node, "node is needed to run the browser script (it comes with npm, which setup.sh uses)"
    folder = tmp_path_factory.mktemp("offline")
    data = folder / "data.json"
    data.write_text(json.dumps(offline_data(NOW), ensure_ascii=False), encoding="utf-8")
    driver = folder / "driver.js"
    driver.write_text(DRIVER, encoding="utf-8")

    def run(answers=(), normalize=(), parts=(), numbers=()) -> dict:
        asked = {
            "answers": list(answers),
            "normalize": list(normalize),
            "parts": list(parts),
            "numbers": list(numbers),
        }
        done = subprocess.run(
            [node, str(driver), str(SCRIPT), str(data)],
            input=json.dumps(asked, ensure_ascii=False),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return run


def _core(q: str | None, lang: str, limit: int, now: dt.datetime, lat=None, lon=None) -> dict:
    """``directory.nearest``'s answer, as the page shows it (the fields the script gives)."""
    answer = asyncio.run(nearest(q=q, lat=lat, lon=lon, limit=limit, lang=lang, now=now, kiosques=()))
    if not isinstance(answer, NearestPlaces):
        return {
            "ok": False,
            "code": answer.errors[0].code,
            "error": " ".join(e.message for e in answer.errors),
            "header": answer.suggestions_header or "",
            "suggestions": [
                {
                    "name": c.name,
                    "insee": c.insee,
                    "postcodes": list(c.postcodes),
                    "query": f"insee:{c.insee}",
                }
                for c in answer.suggestions
            ],
        }
    understood = answer.understood
    resolution = understood.resolution
    cards = []
    for item in answer.items:
        place, parent = item.place, item.parent
        cards.append(
            {
                "id": place.id,
                "name": place.name,
                "kind": place.kind.value,
                "kind_label": item.kind_label,
                "distance_text": item.distance_text,
                "address": place.address,
                "status_code": item.status.code.value,
                "status_text": item.status.text,
                "phone": place.phone,
                "phone_href": place.phone_href,
                # A position's route planner starts from it online; offline it starts empty.
                "directions_url": None if resolution.precise else item.directions.openstreetmap,
                "geo_url": item.directions.geo,
                "parent_name": parent.name if parent else "",
                "parent_phone": parent.phone if parent else "",
                "parent_phone_href": parent.phone_href if parent else "",
            }
        )
    postcode = resolution.type.value == "postcode"
    return {
        "ok": True,
        "town": understood.town,
        "type": resolution.type.value,
        "fallback": resolution.fallback,
        "explanation": understood.explanation,
        "hint": understood.hint or "",
        "notice": answer.notice,
        "empty": answer.empty_message or "",
        "cards": cards,
        "other_towns": [{"name": c.name, "query": f"insee:{c.insee}"} for c in understood.other_towns]
        if postcode
        else [],
        "share": "" if lat is not None else share_query(understood),
    }


def _same(script: dict, core: dict) -> dict:
    """The script's answer, with only the fields the core gives (and no route from a position)."""
    if not core["ok"]:
        return {key: script.get(key) for key in core}
    kept = {key: script.get(key) for key in core if key != "cards"}
    kept["cards"] = [
        {
            key: (None if core_card["directions_url"] is None and key == "directions_url" else card.get(key))
            for key in core_card
        }
        for card, core_card in zip(script.get("cards", []), core["cards"], strict=False)
    ]
    if len(script.get("cards", [])) != len(core["cards"]):
        kept["cards"].append("different number of places")
    return kept


def _compare(run_script, cases: list[dict]) -> None:
    for case in cases:
        case.setdefault("lang", "fr")
        case.setdefault("limit", 5)
        case.setdefault("now", NOW)
    answers = run_script(
        answers=[
            {
                "q": c.get("q"),
                "lang": c["lang"],
                "limit": c["limit"],
                "now": _ms(c["now"]),
                "lat": c.get("lat"),
                "lon": c.get("lon"),
            }
            for c in cases
        ]
    )["answers"]
    wrong = []
    for case, script in zip(cases, answers, strict=True):
        core = _core(
            case.get("q"), case["lang"], case["limit"], case["now"], case.get("lat"), case.get("lon")
        )
        if _same(script, core) != core:
            wrong.append(
                (case.get("q") or (case.get("lat"), case.get("lon")), case["lang"], _same(script, core), core)
            )
    assert not wrong, f"{len(wrong)} of {len(cases)} answers differ; first: {wrong[0]}"


COMMUNES = get_directory().towns.communes


def test_every_commune_by_name_postcode_and_insee_code(run_script):
    cases = [{"q": c.name} for c in COMMUNES]
    cases += [{"q": f"insee:{c.insee}"} for c in COMMUNES]
    cases += [{"q": postcode} for postcode in sorted({p for c in COMMUNES for p in c.postcodes})]
    cases += [{"q": normalize(c.name).upper().replace("SAINT ", "ST ")} for c in COMMUNES[::7]]
    _compare(run_script, cases)


def test_a_typo_in_every_word_of_every_name(run_script):
    cases = []
    for commune in COMMUNES:
        typos = list(_typos_of(commune.name))
        cases += [{"q": q} for q in typos[::3]]
        longest = max(normalize(commune.name).split(), key=len)
        if len(longest) >= 5:
            cases.append({"q": longest[:2] + longest[3:]})  # one word of the name, a letter missing
    assert len(cases) > 1000
    _compare(run_script, cases)


ODD = [
    "",
    "   ",
    "st gaudans",
    "ST-GAUDANS",
    "saintgaudans",
    "bagneres luchon",
    "luchn",
    "portet",
    "la salvetat",
    "saint",
    "zzzzqqq",
    "!!!",
    "31 800",
    "31800 Saint-Gaudens",
    "3 rue de la Mairie, 31600 Muret",
    "mairie de muret",
    "toulouse 31000",
    "٣١٨٠٠",  # Arabic digits
    "۳۱۸۰۰",  # Persian digits
    "75001",
    "31999",
    "31555",  # Toulouse's INSEE code, typed as a postcode
    "insee:3148",
    "insee:31999",
    "INSEE = 2a004",
    "43.6,1.44",
    "43.1;0.72",
    "48.8566,2.3522",
    "91,1.4",
    "{town} {query}",
    "Œillet",
    "l'isle-en-dodon",
    "L’ISLE EN DODON",
    "\u00a0muret\u3000",
    "a" * 300,
    "x y z w v u",
    "ste foy de peyrolieres",
]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_odd_input_in_every_language(run_script, lang):
    _compare(run_script, [{"q": q, "lang": lang} for q in ODD])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_positions_near_and_far(run_script, lang):
    cases = [{"lat": c.lat + 0.01, "lon": c.lon - 0.02, "lang": lang} for c in COMMUNES[::11]]
    cases += [{"lat": 48.85, "lon": 2.35, "lang": lang}, {"lat": 95.0, "lon": 1.0, "lang": lang}]
    _compare(run_script, cases)


def test_more_places_and_other_moments(run_script):
    moments = [
        NOW,
        dt.datetime(2026, 12, 24, 18, 0, tzinfo=PARIS),  # closed, Christmas tomorrow
        dt.datetime(2026, 12, 25, 9, 0, tzinfo=PARIS),  # a public holiday
        dt.datetime(2026, 12, 27, 23, 59, tzinfo=PARIS),  # a Sunday night
        NOW + dt.timedelta(days=STATUS_DAYS - 1),
    ]
    cases = [
        {"q": town, "limit": limit, "now": moment, "lang": lang}
        for town in ("Toulouse", "Saint-Gaudens", "31250", "Bagnères-de-Luchon")
        for limit in (5, 10, 80)
        for moment in moments
        for lang in ("fr", "ar")
    ]
    _compare(run_script, cases)


def test_after_its_days_the_data_says_to_call_instead_of_guessing(run_script):
    later = NOW + dt.timedelta(days=STATUS_DAYS + 1)
    answers = run_script(answers=[{"q": "Muret", "lang": "fr", "now": _ms(later)}])["answers"]
    assert {card["status_text"] for card in answers[0]["cards"]} == {"Appelez avant de venir."}


def test_the_script_folds_text_as_the_core_does(run_script):
    samples = [
        *ODD,
        *(c.name for c in COMMUNES),
        "Œuvre ÆSOP straße",
        "ﬁnal ſaint",
        "Çà et là",
        "e\u0301cole",
    ]
    assert run_script(normalize=samples)["normalized"] == [normalize(s) for s in samples]


def test_the_script_finds_french_where_the_core_does(run_script):
    texts = []
    for lang in ("ar", "en", "es"):
        for q in ("Muret", "31250", "tolouse", "insee:31483", "31555", "Saint-Gaudens"):
            answer = _core(q, lang, 5, NOW)
            town = answer.get("town") or ""
            said = (answer.get(key) for key in ("explanation", "error", "hint", "notice"))
            texts.extend({"text": text, "lang": lang, "names": [town]} for text in said if text)
    texts.append(
        {
            "text": "العنوان: 44 avenue Jacques Douzans, 31600 Muret « Maison des Solidarités (MDS) »",
            "lang": "ar",
            "names": [],
        }
    )
    found = run_script(parts=texts)["parts"]
    expected = [
        [{"text": p.text, "fr": p.fr} for p in pieces(t["text"], t["lang"], tuple(t["names"]))] for t in texts
    ]
    assert found == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_distances_are_rounded_and_written_as_the_core_does(run_script, lang):
    # Halves round to even, as babel does (0.25 → 0,2; 0.35 → 0,4), thousands are grouped.
    values = [
        0.0,
        0.05,
        0.15,
        0.25,
        0.35,
        1.25,
        2.45,
        9.95,
        12.95,
        99.95,
        999.95,
        1234.5,
        12345.25,
        0.94999,
        1e-7,
    ]
    values += [i * 0.123456789 for i in range(1, 200)]
    found = run_script(numbers=[{"value": v, "lang": lang} for v in values])["numbers"]
    assert found == [format_number(v, lang, 1) for v in values]
