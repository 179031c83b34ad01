"""Every log line of a worker: one line, nothing of the client's, capped (issue #13 item 5)."""

from __future__ import annotations

import io
import logging

import pytest

from pti_citizen import logs
from pti_citizen.settings import Settings

TOKEN = "0b8e7c1e-5f2a-4c3d-9e8f-1a2b3c4d5e6f"


@pytest.mark.parametrize(
    ("message", "never"),
    [
        (
            f"Error processing event queue entry for Event(token='{TOKEN}', name='x', payload={{'comment': 'secret'}})",
            ("secret", TOKEN),
        ),
        ("client 203.0.113.7 and 2001:db8:1:2::5 sent it", ("203.0.113.7", "2001:db8")),
        ("[Reflex Frontend Exception]\n 2026-01-01 INFO fake line\nmore", ("\n",)),
        ("mail me at jean.dupont@example.org or 06 12 34 56 78", ("jean.dupont", "06 12 34")),
        (
            'Received event data as a string. Event data: {"answers_json": "{\\"age\\":\\"30\\"}"}',
            ("age", "30"),
        ),
        ("x" * 5000, ()),
    ],
)
def test_a_message_keeps_nothing_of_the_client(message, never):
    line = logs.safe_message(message, 300)
    assert len(line) <= 300 and "\n" not in line and "\r" not in line
    for text in never:
        assert text not in line


def test_a_traceback_is_one_line_of_where_not_what():
    try:
        raise ValueError("the comment was: appelez le 0612345678")
    except ValueError:
        import sys

        summary = logs.exception_summary(sys.exc_info())
    assert summary.startswith("ValueError at ") and "0612345678" not in summary and "\n" not in summary


def test_records_of_any_logger_pass_the_gate_and_are_capped():
    logs.install(Settings(log_lines_per_minute=10, log_line_chars=120))
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    other = logging.getLogger("some.library")
    other.addHandler(handler)
    other.propagate = False
    try:
        try:
            raise RuntimeError(f"payload {TOKEN}")
        except RuntimeError:
            other.exception("failed for 192.0.2.1\nINFO forged")
        for i in range(30):
            other.warning("line %d", i)
    finally:
        other.removeHandler(handler)
        logs.install(Settings())
    lines = stream.getvalue().splitlines()
    assert len(lines) <= 10, lines
    assert "192.0.2.1" not in stream.getvalue() and TOKEN not in stream.getvalue()
    assert "Traceback" not in stream.getvalue() and "RuntimeError at" in lines[0]
    assert all(len(line) <= 120 for line in lines)
