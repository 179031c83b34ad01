"""Logs that keep the privacy page's promise: no address, no token, no answer — whatever a client
sends, and whichever library writes the line.

Our own code logs event names, sizes and outcomes only (``edge.refused reason=body_too_large``,
``feedback.answer outcome=refused``…). Reflex and its libraries are less careful: an unknown event
name used to log the whole event (token, client address, headers, payload), and a frontend error its
text with its newlines (fake log lines). So every log record of the process, from any logger, passes
one gate, installed once per worker (:func:`install`, from the app module):

- **one line**: control characters (line breaks included) are escaped, the line is cut at
  ``PTI_LOG_LINE_CHARS``; a traceback becomes one line of exception type and frames, without its
  message (a message can quote the client's data);
- **no data**: what follows a payload's start (``{'``, ``{"``, ``Event(``…) is dropped; IP
  addresses, UUIDs (tab tokens), e-mails, long numbers and long opaque strings are replaced by a
  marker;
- **capped**: at most ``PTI_LOG_LINES_PER_MINUTE`` lines per worker (and as many warnings and
  errors, counted apart); the lines dropped are counted and reported at the start of the next line
  written. The logs go to the process's standard
  output and error (systemd-journald or the container runtime rotates them, docs/reliability.md).
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import time
import traceback
import unicodedata

from pti_citizen.settings import Settings, get_settings

_PAYLOAD = re.compile(r"""(\{['"]|\[\{|\bEvent\(|\bpayload=|\brouter_data=|\bvars=|Event data:|Traceback)""")
_REDACTIONS = (
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I), "[token]"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    (re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"), "[ip]"),
    (re.compile(r"(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])", re.I), "[ip]"),
    (re.compile(r"\b[A-Za-z0-9_-]{20,}\b"), "[id]"),
    (re.compile(r"\d(?:[ .\-]?\d){5,}"), "[number]"),
)
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_MAX_FRAMES = 6


def _escaped(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def safe_message(text: str, max_chars: int = 300) -> str:
    """One log line with nothing of the client's in it."""
    text = text[: 8 * max_chars]
    cut = _PAYLOAD.search(text)
    dropped = len(text) - cut.start() if cut else 0
    if cut:
        text = text[: cut.start()].rstrip() + f" [{dropped} chars of data left out]"
    for pattern, marker in _REDACTIONS:
        text = pattern.sub(marker, text)
    text = _escaped(text)
    return text if len(text) <= max_chars else text[: max_chars - 1] + "…"


def exception_summary(exc_info) -> str:
    """``ValueError at json/decoder.py:353 in raw_decode < web/routers/simulator.py:62 in estimate``:
    where, not what (an exception's message may quote the client's data)."""
    kind, _value, tb = exc_info
    frames = traceback.extract_tb(tb)[-_MAX_FRAMES:] if tb else []
    where = " < ".join(
        f"{'/'.join(frame.filename.split('/')[-2:])}:{frame.lineno} in {frame.name}"
        for frame in reversed(frames)
    )
    name = kind.__name__ if isinstance(kind, type) else "Exception"
    return f"{name} at {where}" if where else name


class _Budget:
    """Lines per minute for this process, counted apart for warnings and errors (a flood of refusals
    must not hide an error); what is over is counted, then reported."""

    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self.window = 0
        self.used = {False: 0, True: 0}
        self.dropped = 0
        self.lock = threading.Lock()

    def allow(self, levelno: int = logging.INFO) -> tuple[bool, int]:
        """Whether a line may be written, and how many were dropped before it (to report)."""
        serious = levelno >= logging.WARNING
        with self.lock:
            window = int(time.monotonic() // 60)
            if window != self.window:
                self.window, self.used = window, {False: 0, True: 0}
            if self.used[serious] >= self.per_minute:
                self.dropped += 1
                return False, 0
            self.used[serious] += 1
            reported, self.dropped = self.dropped, 0
            return True, reported


_installed: dict[str, object] = {}


def install(settings: Settings | None = None) -> None:
    """Route every log record of this process through the gate above (idempotent)."""
    settings = settings or get_settings()
    max_chars = settings.log_line_chars
    budget = _Budget(settings.log_lines_per_minute)
    _installed["budget"] = budget
    if "factory" in _installed:
        _installed["max_chars"] = max_chars
        return
    _installed["max_chars"] = max_chars
    previous = logging.getLogRecordFactory()

    def factory(*args, **kwargs) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not break logging
            message = str(record.msg)
        if record.exc_info and record.exc_info != (None, None, None):
            message = f"{message} | {exception_summary(record.exc_info)}"
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        record.msg, record.args = safe_message(message, int(_installed["max_chars"])), ()
        return record

    logging.setLogRecordFactory(factory)
    _installed["factory"] = factory

    handle = logging.Handler.handle

    def capped_handle(self, record: logging.LogRecord):
        keep = getattr(record, "_pti_keep", None)
        if keep is None:
            keep, reported = _installed["budget"].allow(record.levelno)
            record._pti_keep = keep
            if keep and reported:
                record.msg = f"logs.dropped count={reported} | {record.msg}"
        return handle(self, record) if keep else False

    logging.Handler.handle = capped_handle  # type: ignore[method-assign]

    # Our own events (INFO and up) to standard error, one line each (the root logger has no handler
    # in a worker: nothing is written twice).
    ours = logging.getLogger("pti_citizen")
    if not any(getattr(h, "_pti", False) for h in ours.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler._pti = True  # type: ignore[attr-defined]
        ours.addHandler(handler)
        ours.setLevel(logging.INFO)

    # Uncaught errors in threads and at top level: through logging too, never as a raw traceback.
    def thread_hook(args) -> None:
        logging.getLogger("pti_citizen.uncaught").error(
            "thread error", exc_info=(args.exc_type, args.exc_value, args.exc_traceback)
        )

    def process_hook(kind, value, tb) -> None:
        logging.getLogger("pti_citizen.uncaught").error("uncaught error", exc_info=(kind, value, tb))

    threading.excepthook = thread_hook
    sys.excepthook = process_hook
