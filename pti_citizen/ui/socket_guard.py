"""What a websocket may send, checked where Reflex receives it — before an event is queued, parsed
into state or written to a log.

The edge (``web/guards.py``) has already bounded the message (``PTI_MAX_MESSAGE_BYTES``), the
``Origin``, the token and the number of sessions. Here, the content:

- an event must name a handler the app has; anything else is dropped and logged as
  ``event.refused reason=unknown`` (Reflex would log the whole event — token, address, payload);
- browser-storage values the page sends back (``vars`` of the page's first event and of
  ``update_vars_internal``) must be vars the app keeps in browser storage, as text of at most
  ``PTI_MAX_STORAGE_BYTES``; others are dropped (the var keeps its default), so a client cannot park
  a megabyte of « answers » in its session and make every later event re-read it;
- a frontend error report is logged as its event name only (its text is the client's: it could
  hold fake log lines or personal data).

``install(app)`` wraps the app's event namespace (``pti_citizen.py``).
"""

from __future__ import annotations

import logging
from typing import Any

from reflex.state import State

from pti_citizen.settings import get_settings

logger = logging.getLogger(__name__)

#: Events that carry browser storage as ``payload["vars"]``.
_STORAGE_EVENTS = (
    f"{State.get_full_name()}.hydrate_and_load",
    f"{State.get_full_name()}.reflex___state____update_vars_internal_state.update_vars_internal",
)


def _handlers(app) -> dict[str, Any]:
    return app._registration_context.event_handlers


def _is_storage_var(full_name: str) -> bool:
    from reflex_base.constants.state import FIELD_MARKER

    state_name, _, var_name = full_name.rpartition(".")
    try:
        cls = State.get_class_substate(state_name)
    except (ValueError, KeyError, AttributeError):
        return False
    return cls._is_client_storage(var_name.removesuffix(FIELD_MARKER))


def clean_storage(values: Any, max_bytes: int) -> tuple[dict[str, str], int]:
    """The browser-storage values to apply, and how many were dropped."""
    if not isinstance(values, dict):
        return {}, 1
    kept = {
        name: value
        for name, value in values.items()
        if isinstance(name, str)
        and len(name) <= 200
        and isinstance(value, str)
        and len(value.encode("utf-8", "surrogatepass")) <= max_bytes
        and _is_storage_var(name)
    }
    return kept, len(values) - len(kept)


def clean_event(app, data: Any) -> dict | None:
    """The event to process, with its storage values bounded, or ``None`` to drop it."""
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        logger.info("event.refused reason=shape")
        return None
    name = data["name"]
    if name not in _handlers(app):
        logger.info("event.refused reason=unknown")
        return None
    payload = data.get("payload")
    if payload is not None and not isinstance(payload, dict):
        logger.info("event.refused reason=payload")
        return None
    if name in _STORAGE_EVENTS and payload and "vars" in payload:
        kept, dropped = clean_storage(payload["vars"], get_settings().max_storage_bytes)
        if dropped:
            logger.info("event.storage_dropped count=%d limit=%d", dropped, get_settings().max_storage_bytes)
        data = {**data, "payload": {**payload, "vars": kept}}
    return data


def install(app) -> None:
    """Wrap ``app.event_namespace``'s connect, event and client-error handlers; bound Socket.IO's own
    message size to the edge's."""
    namespace = app.event_namespace
    if namespace is None:  # a stateless app has no websocket
        return
    app.sio.eio.max_http_buffer_size = get_settings().max_message_bytes
    on_connect, on_event = namespace.on_connect, namespace.on_event

    async def guarded_connect(sid: str, environ: dict, auth: Any = None):
        if isinstance(auth, dict) and "event" in auth:
            boot = clean_event(app, auth.get("event"))
            auth = (
                {**auth, "event": boot}
                if boot is not None
                else {k: v for k, v in auth.items() if k != "event"}
            )
        return await on_connect(sid, environ, auth)

    async def guarded_event(sid: str, data: Any):
        event = clean_event(app, data)
        if event is not None:
            await on_event(sid, event)

    async def quiet_client_error(sid: str, data: Any = None):
        logger.info("frontend.client_error")

    namespace.on_connect = guarded_connect
    namespace.on_event = guarded_event
    namespace.on_client_error = quiet_client_error


def frontend_exception_handler(exception: Exception) -> None:
    """For ``rx.App(frontend_exception_handler=...)``: the type of a browser-side error, not its text."""
    logger.warning("frontend.exception type=%s", type(exception).__name__[:40])
