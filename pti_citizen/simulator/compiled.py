"""The engine's modules compiled to C (Cython), used only while they match their Python source.

``scripts/setup.sh`` compiles the simulator's modules with Cython (``scripts/compile_engine.py``):
the same Python code, which takes 66–80 % of the time it takes from source (docs/performance.md, « The engine compiled »).
Each ``<module>.<abi>.so`` sits beside its ``<module>.py``, and Python would import it first even
after the ``.py`` is edited. So the build writes ``compiled.json``, the SHA-256 of each compiled
source, and :class:`SourceWhenStale` (installed by the package's ``__init__``) loads the ``.py``
instead of any ``.so`` whose source has changed since. Without a build (or after
``scripts/compile_engine.py --clean``) everything runs from the Python source: the same results.

This module and the package's ``__init__`` files are never compiled.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import sys
from pathlib import Path

PACKAGE = "pti_citizen.simulator"
ROOT = Path(__file__).resolve().parent
MANIFEST = ROOT / "compiled.json"
#: Never compiled: what decides which modules load compiled, and what runs as a command.
NOT_COMPILED = frozenset({"__init__.py", "__main__.py", "compiled.py"})


def sources() -> list[Path]:
    """The modules to compile: every Python module of the package, except ``NOT_COMPILED``."""
    return sorted(path for path in ROOT.rglob("*.py") if path.name not in NOT_COMPILED)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def module_name(path: Path) -> str:
    """``benefits/rsa/rules.py`` → ``pti_citizen.simulator.benefits.rsa.rules``."""
    return ".".join((PACKAGE, *path.relative_to(ROOT).with_suffix("").parts))


def extension_of(path: Path) -> Path | None:
    """The compiled module beside ``path``, if any."""
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        candidate = path.with_suffix(suffix)
        if candidate.exists():
            return candidate
    return None


def read_manifest() -> dict[str, str]:
    """Module name → SHA-256 of the source it was compiled from (empty without a build)."""
    try:
        found = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def extensions() -> list[Path]:
    """Every compiled module in the package, whether or not its source is still compiled."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(path for path in ROOT.rglob("*.so") if path.name.endswith(suffixes))


def stale_modules() -> dict[str, Path]:
    """Compiled modules that must not be used — their source changed, is no longer compiled, or has
    no record: module name → its Python source (which may be gone)."""
    manifest = read_manifest()
    compiled = set(sources())
    stale = {}
    for extension in extensions():
        source = extension.with_name(extension.name.split(".", 1)[0] + ".py")
        name = module_name(source)
        # ``sources()`` lists only files that exist: a source gone is never in ``compiled``.
        if source not in compiled or manifest.get(name) != digest(source):
            stale[name] = source
    return stale


def compiled_modules() -> list[str]:
    """The modules loaded from compiled code in this process (docs, tests, benchmarks)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if name.startswith(PACKAGE + ".") and str(getattr(module, "__file__", "")).endswith(suffixes)
    )


class SourceWhenStale:
    """A meta path finder: the Python source for the modules in ``stale``; any other module is left
    to Python's own finders (``from_source_prelude`` gives it every module)."""

    def __init__(self, stale: dict[str, Path]) -> None:
        self.stale = stale

    def find_spec(self, fullname: str, path=None, target=None):
        source = self.stale.get(fullname)
        if source is None:
            return None
        if not source.exists():
            raise ModuleNotFoundError(f"{fullname} is compiled but its source is gone", name=fullname)
        return importlib.util.spec_from_file_location(fullname, source)


def install() -> None:
    """Run once by the package's ``__init__``, before it imports any module of its own."""
    if any(isinstance(finder, SourceWhenStale) for finder in sys.meta_path):
        return
    stale = stale_modules()
    if stale:
        sys.meta_path.insert(0, SourceWhenStale(stale))


def from_source_prelude() -> str:
    """Python code that makes a fresh process run the whole engine from its source, as if nothing
    were compiled: the bench and the tests compare both engines with it. It loads this file alone,
    since it must run before anything imports the package, and ends with the package imported."""
    return (
        "import importlib.util as _util, sys as _sys\n"
        f"_spec = _util.spec_from_file_location('compiled_alone', {str(Path(__file__).resolve())!r})\n"
        "_alone = _util.module_from_spec(_spec)\n"
        "_spec.loader.exec_module(_alone)\n"
        "_sys.meta_path.insert(0, _alone.SourceWhenStale({_alone.module_name(p): p for p in _alone.sources()}))\n"
        f"_sys.path.insert(0, {str(ROOT.parents[1])!r})\n"
        "from pti_citizen.simulator import compiled as _compiled\n"
        "assert _compiled.compiled_modules() == [], _compiled.compiled_modules()\n"
    )
