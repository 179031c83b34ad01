"""Where live sessions are kept: memory with one worker, Redis with several — never on disk.

Reflex's default (« disk ») writes every session, answers included, into .states/ for an hour and
rescans that folder every 2 s: slower with each visit, and personal data on disk.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.processes import ROOT

PROBE = "import rxconfig; m = rxconfig.config.state_manager_mode; print(getattr(m, 'value', m))"


def _mode(**env: str) -> str:
    environ = {k: v for k, v in os.environ.items() if k != "REFLEX_REDIS_URL"} | env
    run = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=environ, capture_output=True, text=True, check=True
    )
    return run.stdout.strip()


def test_one_worker_keeps_sessions_in_memory_only():
    assert _mode() == "memory"


def test_several_workers_share_sessions_through_redis():
    assert _mode(REFLEX_REDIS_URL="redis://127.0.0.1:6379/0") == "redis"


def test_the_session_store_reads_redis_answers_in_c():
    """With several workers every event reads and writes the tab's states through redis-py; hiredis
    parses Redis's answers in C instead of Python (requirements.txt, docs/performance.md « hiredis »)."""
    import redis.asyncio.connection as connection
    import redis.utils

    assert redis.utils.HIREDIS_AVAILABLE, "hiredis is missing (requirements.txt)"
    assert connection.DefaultParser.__name__ == "_AsyncHiredisParser"
