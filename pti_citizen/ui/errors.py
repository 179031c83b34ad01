"""When an event fails on the server (a bug, the database or Redis gone), people get a polite message
in their language — not Reflex's English toast — and the log gets the error type, never the answers.

No ``from __future__ import annotations`` here: Reflex checks this handler's annotations at runtime.
"""

import logging

import reflex as rx
from reflex.event import EventSpec

logger = logging.getLogger("pti_citizen")


def report_backend_error(exception: Exception) -> EventSpec:
    # The exception's message may quote what someone typed: log its type and origin only.
    frame = exception.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    where = f"{frame.tb_frame.f_code.co_filename}:{frame.tb_lineno}" if frame is not None else "?"
    logger.error("event failed: %s at %s", type(exception).__name__, where)
    return rx.call_script("window.pti && window.pti.serverProblem()")
