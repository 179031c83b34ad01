"""``python -m pti_citizen.directory nearest QUERY``: JSON list, exit 2 with errors (contract)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pti_citizen.directory", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_nearest_prints_a_json_list():
    result = _run("nearest", "st gaudens", "--limit", "3", "--now", "2026-12-01T10:00")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert isinstance(items, list) and len(items) == 3
    assert items[0]["name"] == "Maison des Solidarités de Saint-Gaudens" and items[0]["open_now"] is True


def test_explain_goes_to_stderr_and_keeps_stdout_json():
    result = _run("nearest", "31250", "--explain", "--kind", "mds")
    assert result.returncode == 0
    assert {item["kind"] for item in json.loads(result.stdout)} == {"mds"}
    assert "Revel" in result.stderr and "plus peuplée" in result.stderr
    assert "Votre MDS dépend de votre adresse" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("nearest", "tolouse"),
        ("nearest", "Muret", "--limit", "0"),
        ("nearest", "Muret", "--limit", "lots"),
        ("nearest", "Muret", "--kind", "mairie"),
        ("nearest", "Muret", "--now", "yesterday"),
        ("nearest",),
        ("nowhere",),
    ],
)
def test_errors_exit_2_with_json(args):
    result = _run(*args)
    assert result.returncode == 2
    body = json.loads(result.stdout)
    assert body["errors"] and "suggestions" in body


def test_unknown_town_suggests_names():
    body = json.loads(_run("nearest", "tolouse", "--lang", "es").stdout)
    assert "Toulouse" in body["suggestions"] and body["errors"][0]["message"].startswith("No encontramos")


def test_export_prints_structures():
    result = _run("export")
    assert result.returncode == 0 and len(json.loads(result.stdout)) == 80
