"""One way for a layer to change a page's body: hold the answer's start, gather its body (in pieces, or
the file Granian would send itself), and send the start and the body as the layer rewrote them.
``links.py`` (the browser's origin) and ``preloads.py`` (module preloads after the first paint) use it."""

from __future__ import annotations

from collections.abc import Callable

from starlette.types import Message, Send


def rewriting_send(
    send: Send,
    hold: Callable[[Message], bool],
    finish: Callable[[Message, bytes], tuple[Message, bytes]],
) -> Send:
    """A ``send`` that holds the answer whose start ``hold`` accepts and sends ``finish(start, body)``
    instead; any other answer passes as it is (``hold`` may adjust its start's headers)."""
    held: dict[str, Message] = {}
    chunks: list[bytes] = []

    async def send_rewritten(message: Message) -> None:
        kind = message["type"]
        if kind == "http.response.start" and hold(message):
            held["start"] = message
            return
        if "start" not in held:
            await send(message)
            return
        if kind == "http.response.body":
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
        elif kind == "http.response.pathsend":  # a file Granian would send itself
            with open(message["path"], "rb") as file:  # noqa: PTH123  (a built page, a few kB)
                body = file.read()
        else:
            await send(message)
            return
        start, body = finish(held.pop("start"), body)
        await send(start)
        await send({"type": "http.response.body", "body": body})

    return send_rewritten
