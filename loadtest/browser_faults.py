"""The fault test, seen in a real browser: what a person sees when Redis stops, comes back empty,
and when a worker dies — with screenshots. A manual check (needs a built server on its own port
with Redis and several workers, which the default suite does not start):

    PTI_PORT=3105 PTI_WORKERS=2 PTI_REDIS_PORT=6392 scripts/run-workers.sh &
    python -m loadtest.browser_faults --host http://127.0.0.1:3105 --redis-port 6392 --out /tmp/faults

It stops that Redis with ``redis-cli shutdown nosave`` and starts a new, empty one on the same port
(left running), and SIGKILLs the worker that holds the page's websocket.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import psutil
from playwright.sync_api import expect, sync_playwright

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, wait_for_app
from tests.e2e.test_simulator import SINGLE_TENANT, Wizard


def _workers(port: int) -> list[psutil.Process]:
    for conn in psutil.net_connections("tcp"):
        if conn.status == psutil.CONN_LISTEN and conn.laddr.port == port and conn.pid:
            root = psutil.Process(conn.pid)
            while root.parent() is not None and root.parent().cmdline() == root.cmdline():
                root = root.parent()
            return root.children()
    raise SystemExit(f"nothing listens on {port}")


def _worker_with_a_websocket(port: int) -> psutil.Process:
    for worker in _workers(port):
        connections = getattr(worker, "net_connections", worker.connections)("tcp")
        if any(c.status == psutil.CONN_ESTABLISHED and c.laddr.port == port for c in connections):
            return worker
    raise SystemExit("no worker holds a websocket")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", required=True)
    parser.add_argument("--redis-port", type=int, required=True)
    parser.add_argument("--out", default="/tmp/pti-faults")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = int(args.host.rsplit(":", 1)[1])
    steps = SINGLE_TENANT

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        wizard = Wizard(page, args.host, "fr").open()
        for question, value in steps[:3]:
            wizard.answer(question, value)
        wizard.expect_question(steps[3][0])

        # 1. Redis stops: the next answer cannot be saved.
        subprocess.run(["redis-cli", "-p", str(args.redis_port), "shutdown", "nosave"], check=False)
        time.sleep(0.5)
        wizard.answer(*steps[3])
        alert = page.locator("#server-problem")
        expect(alert).to_be_visible(timeout=15_000)
        print("Redis down →", alert.inner_text())
        print("  offline banner:", repr(page.locator("#connection-status").inner_text()))
        page.screenshot(path=out / "1-redis-down.png", full_page=True)
        wizard.expect_question(steps[3][0])

        # 2. Redis back, empty: the page sends its answers back, the person answers again.
        subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(args.redis_port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(1)
        wizard.answer(*steps[3])
        wizard.expect_question(steps[3][0])  # the click was set aside, the question is the same
        page.screenshot(path=out / "2-redis-back.png", full_page=True)
        wizard.answer(*steps[3])
        wizard.expect_question(steps[4][0])
        stored = page.evaluate("() => sessionStorage.getItem('pti_simulateur_reponses')")
        print("Redis back (empty) → answers in the tab:", stored)

        # 3. The worker holding the page's websocket dies.
        victim = _worker_with_a_websocket(port)
        # Granian stops everything if a worker dies twice within 5.5 s; create_time() can be ~1 s off.
        time.sleep(max(0.0, 7 - (time.time() - victim.create_time())))
        os.kill(victim.pid, signal.SIGKILL)
        print("killed worker", victim.pid)
        for question, value in steps[4:]:
            wizard.answer(question, value)
        page.wait_for_url(re.compile(r"/fr/simulateur/resultat/?$"))
        wait_for_app(page)
        expect(page.locator("#result-amount")).to_be_visible(timeout=15_000)
        print("after the worker died → result:", page.locator("#result-amount").inner_text())
        page.screenshot(path=out / "3-result-after-kill.png", full_page=True)
        browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
