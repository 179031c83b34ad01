"""``python -m pti_citizen.maintenance`` on the shipped content, and its deletion of old feedback."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from pti_citizen import maintenance
from pti_citizen.db import feedback_store
from pti_citizen.feedback.export import ExportFilter
from pti_citizen.feedback.submission import check_answer

ROOT = Path(__file__).resolve().parents[1]


def test_command_runs_on_the_shipped_content_and_a_fresh_database(tmp_path):
    env = {**os.environ, "PTI_DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "pti_citizen.maintenance", "--json"],
        cwd=tmp_path,  # not the repository: paths must not depend on the current directory
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body["checked"]["pages"] > 0 and body["checked"]["offers"] > 0 and body["checked"]["places"] > 0
    assert body["feedback_deleted"] == 0
    assert (tmp_path / "fresh.db").exists()


def test_strict_fails_when_something_is_stale(capsys):
    assert maintenance.main(["--report", "--strict", "--today", "2040-01-01"]) == maintenance.EXIT_STALE
    text = capsys.readouterr().out
    assert "Pages de contenu" in text and "à revérifier" in text and "dépassée" in text


def test_feedback_older_than_24_months_is_deleted(db_url, capsys):
    answer, _ = check_answer("droits/montant-du-rsa", "fr", "oui", None, {"droits/montant-du-rsa"})
    for day in (dt.date(2024, 6, 1), dt.date(2024, 6, 2), dt.date(2024, 6, 3)):
        feedback_store.add_answer(answer, day, db_url)
    assert maintenance.main(["--today", "2026-06-02", "--json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["feedback_deleted"] == 1 and body["feedback_deleted_before"] == "2024-06-02"
    remaining = feedback_store.rows(ExportFilter(), db_url)
    assert [r.created_on for r in remaining] == [dt.date(2024, 6, 2), dt.date(2024, 6, 3)]


def test_an_unreachable_database_is_reported(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("PTI_DATABASE_URL", f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}")
    assert maintenance.main([]) == maintenance.EXIT_DATABASE
    assert "Base de données inaccessible" in capsys.readouterr().err
