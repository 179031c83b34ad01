"""Extract the Haute-Garonne (31) commune → EPCI membership from @etalab/decoupage-administratif.

Run from the repo root after `npm pack @etalab/decoupage-administratif@6.0.0` and unpacking it:
    python tools/offers/build_territories_31.py /tmp/dec/package > pti_citizen/offers/data/territories_31.json
Only the 31 subset is kept (Licence Ouverte data): communes (code, name) and the EPCI holding them,
plus the départements of the Occitanie region (for region-wide offers).
"""

import hashlib
import json
import sys
from pathlib import Path

root = Path(sys.argv[1])
communes = json.loads((root / "data/communes.json").read_text())
epcis = json.loads((root / "data/epci.json").read_text())
departements = json.loads((root / "data/departements.json").read_text())

c31 = sorted(
    ({"code": c["code"], "nom": c["nom"]} for c in communes
     if c.get("departement") == "31" and c["type"] == "commune-actuelle"),
    key=lambda c: c["code"],
)
codes31 = {c["code"] for c in c31}
epci31 = []
for e in epcis:
    members = sorted(m["code"] for m in e["membres"] if m["code"] in codes31)
    if members:
        epci31.append({"code": e["code"], "nom": e["nom"], "type": e["type"], "communes_31": members,
                       "communes_hors_31": sum(1 for m in e["membres"] if m["code"] not in codes31)})
epci31.sort(key=lambda e: e["code"])
region = sorted(d["code"] for d in departements if d["region"] == "76")
out = {
    "provenance": {
        "package": "npm @etalab/decoupage-administratif@6.0.0 (millésime 2026)",
        "files": ["data/communes.json", "data/epci.json", "data/departements.json"],
        "licence": "données : Licence Ouverte (Etalab) ; code : MIT",
        "upstream_sources": "INSEE COG 2026, DGCL (EPCI), INSEE populations",
        "tarball_sha256": sys.argv[2] if len(sys.argv) > 2 else None,
        "extracted_by": "tools/offers/build_territories_31.py",
        "extracted_on": "2026-11-29",
    },
    "departement": "31",
    "region": {"code": "76", "nom": "Occitanie", "departements": region},
    "communes": c31,
    "epci": epci31,
}
json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
sys.stdout.write("\n")
