"""Servers the tests start themselves (the app, its backend workers, Redis, PostgreSQL): a free port,
a process in its own session logging to a file, a wait until it answers, a stop that takes its
children with it."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def require_tool(found: object, message: str) -> None:
    """A Debian tool a test needs is missing: a failure in CI (setup must have installed it), a skip
    on a developer's machine."""
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def start(command: Sequence[str], env: Mapping[str, str], log: Path) -> subprocess.Popen:
    """``command`` from the project's root in a session of its own, so that :func:`stop` reaches
    the workers it forks."""
    return subprocess.Popen(
        list(command),
        cwd=ROOT,
        env=dict(env),
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )


def wait_for_http(url: str, proc: subprocess.Popen, log: Path, timeout: float, name: str) -> None:
    """Until ``url`` answers 200; fails with the end of the log if ``proc`` stops or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"{name} stopped (rc={proc.returncode}):\n{log.read_text()[-4000:]}")
        with contextlib.suppress(OSError), urllib.request.urlopen(url, timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.5)
    pytest.fail(f"{name} did not answer {url} in {timeout:g} s:\n{log.read_text()[-4000:]}")


def stop(proc: subprocess.Popen, timeout: float) -> None:
    """SIGTERM to the whole session, SIGKILL if it is still there after ``timeout`` seconds."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=timeout)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
