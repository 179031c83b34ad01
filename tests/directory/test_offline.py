"""The directory as data for the browser's offline search (issue #14, item 8): the core writes it, so
the statuses and sentences the browser shows are the core's. (The script's rules on this data are
compared with ``nearest`` in tests/ui/locator/test_offline_script.py.)"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from pti_citizen.directory import get_directory, opening_status
from pti_citizen.directory.offline import STATUS_DAYS, offline_data
from pti_citizen.languages import LANGUAGES

PARIS = ZoneInfo("Europe/Paris")
NOW = dt.datetime(2026, 12, 20, 15, 7, tzinfo=PARIS)


def _status_at(data: dict, place: dict, moment: dt.datetime, lang: str) -> str:
    ms = moment.timestamp() * 1000
    spans = [span for span in data["statuses"]["spans"][place["hours"]] if span[0] <= ms]
    return data["statuses"]["texts"][lang][spans[-1][1]]


def test_every_status_is_the_cores_at_any_moment_of_the_window():
    data = offline_data(NOW)
    places = {p.id: p for p in get_directory().places}
    start = dt.datetime(2026, 12, 20, tzinfo=PARIS)
    rng = random.Random(14)
    moments = [start + dt.timedelta(minutes=rng.randrange(STATUS_DAYS * 24 * 60)) for _ in range(300)]
    moments += [dt.datetime(2026, 12, 25, 9, 0, tzinfo=PARIS), dt.datetime(2027, 1, 1, 12, 0, tzinfo=PARIS)]
    for moment in moments:
        for place in data["places"][::7]:
            for lang in LANGUAGES:
                assert (
                    _status_at(data, place, moment, lang)
                    == opening_status(places[place["id"]], moment, lang).text
                )
    assert data["statuses"]["until"] == (start + dt.timedelta(days=STATUS_DAYS)).timestamp() * 1000


def test_the_sentences_are_the_cores_with_holes_for_the_values():
    data = offline_data(NOW)
    assert data["texts"]["fr"]["explanation"]["town"] == "Lieux les plus proches du centre de {town}."
    assert "{query}" in data["texts"]["ar"]["problems"]["unknown_town"]
    assert data["texts"]["fr"]["hints"]["31555"].startswith("Il y a 22 lieux à Toulouse.")
    assert data["texts"]["fr"]["number"] == {"group": "\u202f", "decimal": ","}
    assert set(data["texts"]) == set(LANGUAGES) and data["rtl"] == ["ar"]
