"""The house rules that keep the next change cheap, checked on the source (docs/architecture.md):

- configuration is read in one place: ``os.environ`` only in ``pti_citizen/settings.py``;
- the languages are listed in one place: no list of language codes outside ``pti_citizen/languages.py``;
- the UI calls typed services: nothing under ``ui/`` imports a ``*_payload`` function (the JSON is for
  ``web/`` and the command lines);
- layers point one way: the core imports neither Reflex nor ``ui/``, and ``web/`` does not import ``ui/``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pti_citizen.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "pti_citizen"
APP_SOURCES = sorted([*PACKAGE.rglob("*.py"), ROOT / "rxconfig.py", *(ROOT / "alembic").rglob("*.py")])
SETTINGS = PACKAGE / "settings.py"
REGISTRY = PACKAGE / "languages.py"


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


# -- configuration ---------------------------------------------------------------------------------


def environment_reads(tree: ast.Module) -> list[int]:
    """Lines that read the process environment: ``os.environ``, ``os.getenv``, ``from os import environ``."""
    names = ("environ", "getenv", "environb", "getenvb")
    lines = []
    for node in ast.walk(tree):
        through_os = (
            isinstance(node, ast.Attribute)
            and node.attr in names
            and isinstance(node.value, ast.Name)
            and node.value.id == "os"
        )
        from_os = isinstance(node, ast.ImportFrom) and node.module == "os"
        if through_os or (from_os and any(alias.name in names for alias in node.names)):
            lines.append(node.lineno)
    return lines


def test_the_environment_is_read_only_by_the_settings_module():
    found = {
        _relative(path): lines
        for path in APP_SOURCES
        if path != SETTINGS and (lines := environment_reads(_tree(path)))
    }
    assert found == {}, "read configuration through pti_citizen.settings.get_settings()"


def test_the_environment_check_sees_every_form():
    code = "import os\nfrom os import getenv\na = os.environ['X']\nb = os.getenv('Y')\n"
    assert environment_reads(ast.parse(code)) == [2, 3, 4]


# -- languages ---------------------------------------------------------------------------------------


def language_lists(tree: ast.Module, codes=frozenset(LANGUAGES)) -> list[int]:
    """Lines of a literal collection (list, tuple, set, dict keys) holding two or more language codes."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [key for key in node.keys if key is not None]
        else:
            continue
        named = {item.value for item in items if isinstance(item, ast.Constant) and item.value in codes}
        if len(named) >= 2:
            lines.append(node.lineno)
    return lines


def test_no_language_list_outside_the_registry():
    found = {
        _relative(path): lines
        for path in APP_SOURCES
        if path != REGISTRY and (lines := language_lists(_tree(path)))
    }
    assert found == {}, "read the languages from pti_citizen.languages.LANGUAGES"


@pytest.mark.parametrize("script", sorted((ROOT / "scripts").glob("*.sh")), ids=lambda p: p.name)
def test_no_language_list_in_the_scripts(script):
    words = "|".join(map(re.escape, LANGUAGES))
    listing = re.compile(rf"\b({words})\b[\s,]+\b({words})\b")
    found = [line for line in script.read_text().splitlines() if listing.search(line)]
    assert found == [], "scripts read the languages with python -m pti_citizen.languages"


def test_the_language_check_sees_a_list_a_dict_and_a_literal():
    code = 'A = ("fr", "en")\nB = {"es": 1, "ar": 2}\nC: Literal["fr", "ar"]\nD = ("fr", "eu", "non_eu")\n'
    assert language_lists(ast.parse(code)) == [1, 2, 3]


# -- typed services for the UI -------------------------------------------------------------------------


def payload_imports(tree: ast.Module) -> list[str]:
    """``*_payload`` functions (or a ``payloads`` module) that a module imports or calls through a module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if (node.module or "").endswith("payloads"):
                found.append(node.module)
            found += [alias.name for alias in node.names if alias.name.endswith(("_payload", "payloads"))]
        elif isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if alias.name.endswith("payloads")]
        elif isinstance(node, ast.Attribute) and node.attr.endswith("_payload"):
            found.append(node.attr)
    return found


def test_the_ui_uses_typed_services_not_json_payloads():
    sources = (PACKAGE / "ui").rglob("*.py")
    found = {_relative(path): names for path in sources if (names := payload_imports(_tree(path)))}
    assert found == {}, "call the core's typed service (e.g. directory.nearest), not its JSON"


def test_the_payload_check_sees_imports_and_calls():
    code = "from pti_citizen.directory import nearest_payload\nimport x.payloads\ny = simulator.estimate_payload({})\n"
    assert payload_imports(ast.parse(code)) == ["nearest_payload", "x.payloads", "estimate_payload"]


# -- layers --------------------------------------------------------------------------------------------


def _imported_modules(tree: ast.Module) -> set[str]:
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def test_layers_point_one_way():
    problems = []
    for path in PACKAGE.rglob("*.py"):
        part = path.relative_to(PACKAGE).parts[0]
        modules = _imported_modules(_tree(path))
        if part in ("ui", "pti_citizen.py"):
            continue
        if any(m == "pti_citizen.ui" or m.startswith("pti_citizen.ui.") for m in modules):
            problems.append(f"{_relative(path)} imports the UI")
        if part != "web" and any(m == "reflex" or m.startswith("reflex.") for m in modules):
            problems.append(f"{_relative(path)} imports Reflex")
    assert problems == []
