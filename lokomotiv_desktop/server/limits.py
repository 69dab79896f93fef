"""The door: a request body larger than the limit is refused (413) before the app reads it,
and a JSON body holding NaN or Infinity (not JSON, though Python's parser takes them) is
refused (422) before anything parses it into a value the laptops could not store.

A pure ASGI middleware: it counts the bytes as they arrive (a chunked body has no
Content-Length, and a Content-Length may lie), so at most `max_bytes` are ever held."""
from __future__ import annotations

import json

from ..sync.messages import MAX_PUSH_BYTES
from .errors import error_response


class _NonFinite(ValueError):
    pass


def _refuse_constant(name: str) -> float:
    raise _NonFinite(name)


def too_large_message(max_bytes: int) -> str:
    size = f"{max_bytes / 2**20:g} MiB" if max_bytes >= 2**20 else f"{max_bytes // 1024} KiB"
    return (f"Forespørgslen er for stor (over {size}); serveren har ikke "
            "læst den, og intet fra den er gemt. Send færre ændringer ad gangen.")


_NON_FINITE_MESSAGE = ("Ugyldige data i forespørgslen; intet er gemt. NaN og Infinity er ikke "
                       "tal, serveren kan gemme.")


class BodyLimit:
    def __init__(self, app, max_bytes: int = MAX_PUSH_BYTES):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self._declared(scope) > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away before it had sent its request
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if _holds_non_finite(scope, body):
            response = error_response(422, "validation", _NON_FINITE_MESSAGE,
                                      details=["indhold: NaN og Infinity er ikke tilladt"])
            await response(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    @staticmethod
    def _declared(scope) -> int:
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    return int(value)
                except ValueError:
                    return 0  # the server below refuses a malformed header itself
        return 0

    async def _refuse(self, scope, receive, send) -> None:
        response = error_response(413, "too_large", too_large_message(self.max_bytes),
                                  headers={"Connection": "close"})
        await response(scope, receive, send)


def _holds_non_finite(scope, body: bytes) -> bool:
    """Whether a JSON body holds a NaN or (-)Infinity literal. The full parse runs only when
    the bytes occur at all (e.g. inside a text value), so an ordinary push costs a scan."""
    if b"NaN" not in body and b"Infinity" not in body:
        return False
    content_type = dict(scope.get("headers", ())).get(b"content-type", b"")
    if content_type and b"json" not in content_type.lower():
        return False  # not read as JSON (without a type, a lenient app would read it so)
    try:
        json.loads(body, parse_constant=_refuse_constant)
    except _NonFinite:
        return True
    except ValueError:
        return False  # not JSON at all: the app's own validation says so
    return False


def _replay(body: bytes, receive):
    """The body read here, handed to the app as one message; then whatever comes next
    (a disconnect) from the client."""
    sent = False

    async def replayed():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
