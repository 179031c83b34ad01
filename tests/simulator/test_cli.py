"""``python -m pti_citizen.simulator < household.json``: exit codes and JSON on stdout."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .test_contract_examples import EXAMPLES, PPA_WITHOUT_HOUSING, RIGHTS

ROOT = Path(__file__).resolve().parents[2]


def simulator(stdin: bytes | str, *args: str) -> tuple[int, dict]:
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    completed = subprocess.run(
        [sys.executable, "-m", "pti_citizen.simulator", *args],
        input=data,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert completed.stderr == b"", completed.stderr.decode()
    return completed.returncode, json.loads(completed.stdout)


def test_valid_household_prints_the_result():
    example = EXAMPLES[1]
    code, result = simulator(json.dumps(example["input"]))
    assert code == 0
    assert result["monthly_amount"] == pytest.approx(example["expected"]["monthly_amount"], abs=0.02)
    assert result["eligible"] is True
    assert result["currency"] == "EUR"


def test_invalid_input_exits_2_with_field_errors():
    payload = dict(EXAMPLES[0]["input"], applicant={"age": -4, "nationality": "fr"})
    code, body = simulator(json.dumps(payload))
    assert code == 2
    assert body == {"errors": [{"field": "applicant.age", "message": "L'âge doit être entre 16 et 120 ans."}]}


@pytest.mark.parametrize("text", ["", "{", "{'month': '2026-10'}", "NaN NaN", "\xff\xfe"])
def test_invalid_json_exits_2(text):
    code, body = simulator(text.encode("latin-1"))
    assert code == 2
    assert body["errors"][0]["field"] == "body"


def test_not_an_object_exits_2():
    code, body = simulator("[1, 2, 3]")
    assert code == 2
    assert body["errors"][0]["field"] == "body"


def test_lang_option_and_lang_field():
    payload = json.dumps(EXAMPLES[0]["input"])
    _, english = simulator(payload, "--lang", "en")
    assert english["lang"] == "en"
    assert english["steps"][-2]["text"].startswith("You could receive about")
    _, spanish = simulator(json.dumps(dict(EXAMPLES[0]["input"], lang="es")), "--lang", "en")
    assert spanish["lang"] == "es"


def test_one_line_output():
    completed = subprocess.run(
        [sys.executable, "-m", "pti_citizen.simulator", "--indent", "0"],
        input=json.dumps(EXAMPLES[0]["input"]).encode(),
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0
    assert completed.stdout.decode().count("\n") == 1


@pytest.mark.parametrize(
    "stdin",
    ["[" * 3000 + "]" * 3000, '{"applicant": {"age": ' + "9" * 5000 + "}}", "NaN", b"\xff"],
    ids=["nested", "5000 digits", "nan", "not utf-8"],
)
def test_hostile_json_exits_2_with_a_field_message_and_no_traceback(stdin):
    code, body = simulator(stdin)  # simulator() also checks that nothing went to stderr
    assert code == 2 and body["errors"] and all(e["field"] and e["message"] for e in body["errors"])


def test_version_2_examples_through_the_command():
    """All 12 version-2 examples in one process each, as the independent checks run them."""
    for example in RIGHTS:
        code, result = simulator(json.dumps(example["input"]))
        assert code == 0, example["name"]
        for name, expected in example["expected"].items():
            if name == "prime_activite" and example["name"] in PPA_WITHOUT_HOUSING:
                continue  # the law's figure: see test_contract_examples.py
            assert result["benefits"][name]["eligible"] is expected["eligible"], (example["name"], name)
            assert result["benefits"][name]["monthly_amount"] == pytest.approx(
                expected["monthly_amount"], abs=0.02
            ), (example["name"], name)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"child_support_received": -5}, "child_support_received"),
        ({"family_benefits": "beaucoup"}, "family_benefits"),
        (
            {"applicant": {"age": 30, "nationality": "fr", "earned_income_stopped": "yes"}},
            "applicant.earned_income_stopped",
        ),
    ],
)
def test_version_2_field_errors_exit_2(change, field):
    code, body = simulator(json.dumps({**RIGHTS[3]["input"], **change}))
    assert code == 2
    assert [error["field"] for error in body["errors"]] == [field]
