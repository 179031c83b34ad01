"""Compile the rights engine's Python modules to C with Cython, in place (run by scripts/setup.sh).

    python scripts/compile_engine.py [--force] [--clean]

The code stays plain Python, reviewed and tested as such; Cython turns each module into a C
extension that runs the same code in 66–80 % of the time (docs/performance.md, « The engine
compiled »). The build writes ``pti_citizen/simulator/compiled.json`` last: the SHA-256 of every
source compiled. ``pti_citizen/simulator/compiled.py`` loads a compiled module only while its source
still has that digest, so an edited ``.py`` runs as Python until the next build. Nothing is built
when every compiled module is current. ``--clean`` removes the compiled modules (pure Python again).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "engine"


def _compiled_module():
    """``pti_citizen/simulator/compiled.py`` alone (importing the package would load the engine)."""
    spec = importlib.util.spec_from_file_location(
        "_engine_compiled", ROOT / "pti_citizen/simulator/compiled.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def clean(compiled) -> int:
    removed = 0
    for extension in compiled.extensions():  # also those of a module since removed or left out
        extension.unlink()
        removed += 1
    compiled.MANIFEST.unlink(missing_ok=True)
    shutil.rmtree(BUILD, ignore_errors=True)
    return removed


def build(compiled) -> None:
    from Cython.Build import cythonize
    from setuptools import Extension, setup

    sources = compiled.sources()
    digests = {compiled.module_name(path): compiled.digest(path) for path in sources}
    extensions = [
        Extension(
            compiled.module_name(path),
            [str(path.relative_to(ROOT))],
            # No debug information: a third of the size; -O2 as Python itself is built.
            extra_compile_args=["-O2", "-g0"],
        )
        for path in sources
    ]
    os.chdir(ROOT)
    modules = cythonize(
        extensions,
        build_dir=str(BUILD / "c"),
        language_level=3,
        nthreads=os.cpu_count() or 1,
        quiet=True,
        # Python semantics kept: functions bind as methods and introspect as Python ones, and type
        # annotations stay documentation (a `float` parameter does not become a C double).
        compiler_directives={"binding": True, "annotation_typing": False},
    )
    setup(
        name="pti-citizen-engine",
        packages=[],
        py_modules=[],
        ext_modules=modules,
        script_args=[
            "-q",
            "build_ext",
            "--inplace",
            "--build-temp",
            str(BUILD / "temp"),
            "-j",
            str(os.cpu_count() or 1),
        ],
    )
    # Written last: a build that fails half-way leaves no record, so nothing compiled is used.
    compiled.MANIFEST.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--force", action="store_true", help="build even when every compiled module is current"
    )
    parser.add_argument("--clean", action="store_true", help="remove the compiled modules and stop")
    args = parser.parse_args()
    compiled = _compiled_module()
    if args.clean:
        print(f"compile_engine: removed {clean(compiled)} compiled modules")
        return 0
    sources = compiled.sources()
    missing = [path for path in sources if compiled.extension_of(path) is None]
    if not args.force and not missing and not compiled.stale_modules():
        print(f"compile_engine: {len(sources)} modules compiled and current")
        return 0
    start = time.perf_counter()
    clean(compiled)
    build(compiled)
    print(f"compile_engine: {len(sources)} modules compiled in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
