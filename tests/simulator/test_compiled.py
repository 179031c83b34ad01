"""The engine compiled by scripts/setup.sh is the one that runs, gives what the Python gives, and
never hides an edited source."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pti_citizen.simulator import compiled, estimate_payload

from .conftest import TODAY
from .grid import edge_households_v2, households_v2

ROOT = Path(__file__).resolve().parents[2]
REBUILD = "run scripts/setup.sh (or python scripts/compile_engine.py)"

#: Runs in a fresh process after ``compiled.from_source_prelude()``: the engine from its Python source
#: only, on the households given.
PURE_PYTHON = """
import datetime, json, sys
from pti_citizen.simulator import estimate_payload
households = json.loads(sys.stdin.read())
today = datetime.date.fromisoformat({today!r})
print(json.dumps([estimate_payload(h, today=today) for h in households]))
"""


def test_the_build_is_current_and_loaded():
    assert compiled.MANIFEST.exists(), f"the engine is not compiled: {REBUILD}"
    assert compiled.stale_modules() == {}, f"compiled from older sources: {REBUILD}"
    manifest = compiled.read_manifest()
    assert set(manifest) == {compiled.module_name(path) for path in compiled.sources()}
    imported = {name for name in manifest if name in sys.modules}
    assert imported, "the estimate imports none of the engine's modules?"
    assert set(compiled.compiled_modules()) == imported


def test_the_compiled_engine_gives_what_its_python_source_gives():
    households = [
        {**household, "lang": lang}
        for lang, household in zip(
            ("fr", "ar", "en", "es") * 100, households_v2(300, seed=11) + edge_households_v2(), strict=False
        )
    ]
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            compiled.from_source_prelude() + PURE_PYTHON.format(today=TODAY.isoformat()),
        ],
        input=json.dumps(households),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    from_source = json.loads(completed.stdout)
    here = json.loads(json.dumps([estimate_payload(household, today=TODAY) for household in households]))
    assert len(from_source) == len(households)
    for household, ours, theirs in zip(households, here, from_source, strict=True):
        assert ours == theirs, household


def test_an_edited_source_runs_as_python_until_the_next_build(tmp_path):
    copy = tmp_path / "pti_citizen"
    shutil.copytree(ROOT / "pti_citizen", copy, ignore=shutil.ignore_patterns("__pycache__"))
    rounding = copy / "simulator" / "rounding.py"
    assert compiled.extension_of(rounding) is not None, f"the engine is not compiled: {REBUILD}"
    rounding.write_text(rounding.read_text(encoding="utf-8") + "\nEDITED = True\n", encoding="utf-8")
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from pti_citizen.simulator import compiled, engine, rounding\n"
        "print(rounding.__file__, engine.__file__, getattr(rounding, 'EDITED', False))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    rounding_file, engine_file, edited = completed.stdout.split()
    assert rounding_file == str(rounding)  # the edited .py, not the .so built from the old one
    assert edited == "True"
    engine_file = Path(engine_file)
    assert compiled.extension_of(engine_file.with_suffix(".py")) == engine_file  # the others stay compiled


def test_a_module_without_a_record_is_stale(tmp_path, monkeypatch):
    source = tmp_path / "rules.py"
    source.write_text("X = 1\n", encoding="utf-8")
    extension = source.with_suffix(compiled.importlib.machinery.EXTENSION_SUFFIXES[0])
    extension.write_bytes(b"")
    monkeypatch.setattr(compiled, "ROOT", tmp_path)
    monkeypatch.setattr(compiled, "MANIFEST", tmp_path / "compiled.json")
    name = compiled.module_name(source)
    assert name == "pti_citizen.simulator.rules"
    assert compiled.stale_modules() == {name: source}  # no manifest: never trust the .so
    compiled.MANIFEST.write_text(json.dumps({name: compiled.digest(source)}), encoding="utf-8")
    assert compiled.stale_modules() == {}
    source.write_text("X = 2\n", encoding="utf-8")
    assert compiled.stale_modules() == {name: source}
    spec = compiled.SourceWhenStale(compiled.stale_modules()).find_spec(name)
    assert spec.origin == str(source)
    assert compiled.SourceWhenStale({}).find_spec(name) is None
    compiled.MANIFEST.write_text("not json", encoding="utf-8")
    assert compiled.read_manifest() == {}


@pytest.mark.parametrize("name", ["__init__.py", "__main__.py", "compiled.py"])
def test_what_decides_is_never_compiled(name):
    assert all(path.name != name for path in compiled.sources())


def test_a_compiled_module_left_out_or_without_its_source_is_never_used(tmp_path, monkeypatch):
    suffix = compiled.importlib.machinery.EXTENSION_SUFFIXES[0]
    kept, gone = tmp_path / "texts.py", tmp_path / "old.py"
    kept.write_text("X = 1\n", encoding="utf-8")
    for source in (kept, gone):
        source.with_suffix(suffix).write_bytes(b"")
    monkeypatch.setattr(compiled, "ROOT", tmp_path)
    monkeypatch.setattr(compiled, "MANIFEST", tmp_path / "compiled.json")
    monkeypatch.setattr(compiled, "NOT_COMPILED", frozenset({"texts.py"}))  # compiled once, left out since
    names = {compiled.module_name(source): source for source in (kept, gone)}
    compiled.MANIFEST.write_text(
        json.dumps({"pti_citizen.simulator.texts": compiled.digest(kept)}),  # its record is current
        encoding="utf-8",
    )
    assert compiled.stale_modules() == names
    finder = compiled.SourceWhenStale(compiled.stale_modules())
    assert finder.find_spec("pti_citizen.simulator.texts").origin == str(kept)
    with pytest.raises(ModuleNotFoundError, match="its source is gone"):
        finder.find_spec("pti_citizen.simulator.old")
