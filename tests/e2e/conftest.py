"""Browser tests: a production build of the app, served on its own port, driven by Debian's Chromium.

The server starts once per test session (or set PTI_BASE_URL to test a server you already run).
"""

from __future__ import annotations

import os
import subprocess
import urllib.request
from pathlib import Path

import pytest

from pti_citizen.languages import LANGUAGES
from tests.processes import ROOT, free_port, start, stop, wait_for_http

CHROMIUM = os.environ.get("PTI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LANGS = tuple(LANGUAGES)
#: The team's secret for /equipe and the CSV export on the test server (or the one PTI_BASE_URL runs with).
REVIEW_SECRET = os.environ.get("PTI_REVIEW_SECRET") or "e2e-review-secret-not-for-production"
#: The partner's site that the test server lets frame the embeds (tests/e2e/test_embed.py serves its
#: page on this port: a site on this machine, as the app is, so that Chromium's local network checks
#: do not stand in for the CSP). A server started elsewhere (PTI_BASE_URL) needs
#: PTI_EMBED_ORIGINS=http://localhost:<PTI_EMBED_PARTNER_PORT> too.
EMBED_PARTNER_PORT = int(os.environ.get("PTI_EMBED_PARTNER_PORT") or free_port())
EMBED_PARTNER = f"http://localhost:{EMBED_PARTNER_PORT}"


def start_server(
    tmp_dir: Path, extra_env: dict[str, str] | None = None
) -> tuple[subprocess.Popen, str, Path]:
    port = free_port()
    log = tmp_dir / f"server-{port}.log"
    env = {
        **os.environ,
        "PTI_PORT": str(port),
        "PTI_DATABASE_URL": f"sqlite:///{tmp_dir / 'e2e.db'}",
        "PTI_REVIEW_SECRET": REVIEW_SECRET,
        "PTI_EMBED_ORIGINS": EMBED_PARTNER,
        # Every page of the suite is opened from 127.0.0.1: the per-client limits would take it for a
        # flood (they are tested in tests/reliability/test_hostile_input.py).
        "PTI_SESSIONS_PER_CLIENT": "100000/600",
        "PTI_CONNECTIONS_PER_CLIENT": "10000",
        "PTI_FEEDBACK_USUAL_ADDRESS": "100000/600",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_CHECK_LATEST_VERSION": "false",
        **(extra_env or {}),
    }
    bun = ROOT / "tools" / "node_modules" / ".bin" / "bun"
    if bun.exists():
        env.setdefault("REFLEX_BUN_PATH", str(bun))
    command = ["reflex", "run", "--env", "prod", "--frontend-port", str(port), "--backend-port", str(port)]
    proc = start(command, env, log)
    url = f"http://127.0.0.1:{port}"
    wait_for_http(f"{url}/ping", proc, log, 420, "the app server")
    wait_for_http(f"{url}/fr/", proc, log, 420, "the app server")
    return proc, url, log


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """``(url, log file)``; the log is ``None`` for a server started elsewhere (PTI_BASE_URL)."""
    if url := os.environ.get("PTI_BASE_URL"):
        yield url.rstrip("/"), None
        return
    proc, url, log = start_server(tmp_path_factory.mktemp("server"))
    try:
        yield url, log
    finally:
        stop(proc, timeout=15)


@pytest.fixture(scope="session")
def app_url(app_server):
    return app_server[0]


@pytest.fixture(scope="session")
def base_url(app_url):
    return app_url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site_routes(app_url) -> list[str]:
    """Every page of every language, as the service worker lists them (the app's own registry)."""
    import json
    import re

    with urllib.request.urlopen(f"{app_url}/sw.js") as response:
        script = response.read().decode()
    config = json.loads(re.search(r"const CONFIG = (\{.*?\});\n", script).group(1))
    return config["pages"]


CSP_PROBE = """document.addEventListener('securitypolicyviolation', (e) => console.error(
  'CSP violation: ' + e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sample || '')));"""


@pytest.fixture(autouse=True)
def no_csp_violation(request):
    """Every browser test also proves that the Content-Security-Policy blocks nothing the app does."""
    if not {"page", "context"} & set(request.fixturenames):
        yield
        return
    seen = watch_csp(request.getfixturevalue("context"))
    yield
    assert not seen, "the browser reported Content-Security-Policy violations:\n" + "\n".join(seen)


def watch_csp(context) -> list[str]:
    """The CSP violations this browser context reports, as they happen (for contexts a test opens
    itself with ``browser.new_context``, which the autouse fixture does not see)."""
    seen: list[str] = []
    context.add_init_script(CSP_PROBE)

    def on_console(message) -> None:
        if message.type == "error" and (
            "CSP violation" in message.text or "Content Security Policy" in message.text
        ):
            seen.append(message.text)

    context.on("console", on_console)
    return seen


def wait_for_app(page) -> None:
    """Wait until the page's own scripts are in charge: app.js has run and, on a Reflex page, React has
    hydrated it (app.js sets ``window.pti.ready`` then; a server-rendered page has nothing to wait
    for), and the 404 page has set its title."""
    page.wait_for_function(
        """() => window.pti !== undefined && window.pti.ready === true
            && document.querySelector('main') !== null && document.title !== ''"""
    )
