"""Pages are registered as builders: the compile builds them, a server process never does.

Built at import, every page of every language stayed in each server process — 41 000 components,
about 48 MiB a worker never uses (docs/performance.md, « Server memory »)."""

from __future__ import annotations

import subprocess
import sys

from tests.processes import ROOT

COUNT = """
import gc
import reflex as rx
from pti_citizen.pti_citizen import app
gc.collect()
from pti_citizen.languages import LANGUAGES
print(sum(1 for route in app._unevaluated_pages if route.startswith(tuple(f"{code}/" for code in LANGUAGES))), sum(1 for o in gc.get_objects() if isinstance(o, rx.Component)))
"""


def test_importing_the_app_builds_no_page():
    # A fresh interpreter, as a server process starts: other tests build pages in this one.
    out = subprocess.run([sys.executable, "-c", COUNT], cwd=ROOT, capture_output=True, text=True, check=True)
    pages, components = (int(n) for n in out.stdout.split()[-2:])
    # Every Reflex page of every language is registered (simulator, result, locator); the content
    # pages are server-rendered and not Reflex's.
    assert pages >= 3 * 4
    # What is left: the document's head, the app's wraps, a few shared pieces (about 600 today).
    assert components < 2000
