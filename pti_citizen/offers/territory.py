"""Which communes of Haute-Garonne an offer's zone covers.

Commune → EPCI membership comes from @etalab/decoupage-administratif 6.0.0 (COG 2026), copied into
``data/territories_31.json`` by ``tools/offers/build_territories_31.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

#: Zone kinds, from the most local to the widest (the UI lists local offers first).
ZONE_KINDS = ("communes", "epci", "departement", "region", "france")


@dataclass(frozen=True)
class Territory:
    departement: str
    region_departements: tuple[str, ...]
    commune_names: dict[str, str]
    epci_of_commune: dict[str, str]
    epci_names: dict[str, str]

    def is_known(self, insee: str) -> bool:
        return insee in self.commune_names

    def covers(self, kind: str, codes: tuple[str, ...], insee: str) -> bool:
        """Does a zone (kind + codes) include the commune ``insee`` (a known 31 commune)?"""
        if kind in ("france", "region", "departement"):
            # Every known commune is in Haute-Garonne, hence in Occitanie and in France.
            return self.is_known(insee)
        if kind == "epci":
            return self.epci_of_commune.get(insee) in codes
        if kind == "communes":
            return insee in codes
        raise ValueError(f"unknown zone kind {kind!r}")

    def eligibility_codes(self, kind: str, codes: tuple[str, ...]) -> list[str]:
        """The data·inclusion ``zone_eligibilite`` list for a zone."""
        if kind == "france":
            return ["france"]
        if kind == "region":
            return list(self.region_departements)
        if kind == "departement":
            return [self.departement]
        return list(codes)


def load_territory(path: Path | None = None) -> Territory:
    raw = json.loads((path or DATA_DIR / "territories_31.json").read_text(encoding="utf-8"))
    epci_of: dict[str, str] = {}
    for epci in raw["epci"]:
        for code in epci["communes_31"]:
            epci_of[code] = epci["code"]
    return Territory(
        departement=raw["departement"],
        region_departements=tuple(raw["region"]["departements"]),
        commune_names={c["code"]: c["nom"] for c in raw["communes"]},
        epci_of_commune=epci_of,
        epci_names={e["code"]: e["nom"] for e in raw["epci"]},
    )


@cache
def territory() -> Territory:
    return load_territory()
