"""The server app in-process, reached through httpx transports, and a faulty network in
front of it: requests dropped, answers lost after the server committed, duplicated, and
delayed so they arrive later, out of order."""
from __future__ import annotations

import random
import warnings
from collections import Counter

import httpx

with warnings.catch_warnings():
    # Starlette 1.x nudges towards "httpx2"; the httpx it warns about is what we ship.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

# Loopback: a login over http to another machine is refused (sync/transport.py).
BASE_URL = "http://127.0.0.1:8765"


class AppTransport(httpx.BaseTransport):
    """Synchronous httpx transport into an ASGI app (through Starlette's TestClient, which
    runs the app on its own event loop thread)."""

    def __init__(self, app):
        self._client = TestClient(app, base_url=BASE_URL, raise_server_exceptions=True)
        self._client.__enter__()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() not in ("host", "content-length")}
        answer = self._client.request(request.method, str(request.url), content=body,
                                      headers=headers)
        return httpx.Response(answer.status_code, headers=answer.headers,
                              content=answer.content)

    def close(self) -> None:
        self._client.__exit__(None, None, None)


class DownTransport(httpx.BaseTransport):
    """A server that cannot be reached at all."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)


FAULTS = ("drop_request", "drop_answer", "duplicate", "delay")


class FaultyNetwork(httpx.BaseTransport):
    """Wraps a transport. While `faulty`, each request meets a fault with probability
    `rate`; delayed requests are delivered later, before some later request or on heal()."""

    def __init__(self, inner: httpx.BaseTransport, rnd: random.Random, rate: float = 0.3):
        self.inner = inner
        self.rnd = rnd
        self.rate = rate
        self.faulty = False
        self.delayed: list[httpx.Request] = []
        self.seen: Counter[str] = Counter()

    def _copy(self, request: httpx.Request) -> httpx.Request:
        return httpx.Request(request.method, request.url, headers=request.headers,
                             content=request.read())

    def _deliver(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(self._copy(request))
        response.read()
        return response

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.delayed and self.rnd.random() < 0.5:
            self._deliver(self.delayed.pop(self.rnd.randrange(len(self.delayed))))
        if not self.faulty or self.rnd.random() >= self.rate:
            return self._deliver(request)
        fault = self.rnd.choice(FAULTS)
        self.seen[fault] += 1
        if fault == "drop_request":
            raise httpx.ConnectError("simulated: request lost", request=request)
        if fault == "drop_answer":
            self._deliver(request)  # the server did the work; the client never hears
            raise httpx.ReadTimeout("simulated: answer lost", request=request)
        if fault == "duplicate":
            self._deliver(request)
            return self._deliver(request)
        self.delayed.append(self._copy(request))
        raise httpx.ReadTimeout("simulated: request delayed", request=request)

    def heal(self) -> None:
        """Stops faults and delivers everything still on its way (in random order)."""
        self.faulty = False
        self.rnd.shuffle(self.delayed)
        while self.delayed:
            self._deliver(self.delayed.pop())


class ScriptedNetwork(FaultyNetwork):
    """Faults on cue, for explicit scenarios: `plan(...)` the fate of the next requests
    (one of FAULTS, or "deliver"); a delayed request waits until `deliver_delayed()`."""

    def __init__(self, inner: httpx.BaseTransport):
        super().__init__(inner, random.Random(0))
        self.plans: list[str] = []

    def plan(self, *fates: str) -> None:
        assert all(f in (*FAULTS, "deliver") for f in fates), fates
        self.plans += fates

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        fate = self.plans.pop(0) if self.plans else "deliver"
        if fate == "deliver":
            return self._deliver(request)
        self.seen[fate] += 1
        if fate == "drop_request":
            raise httpx.ConnectError("scripted: request lost", request=request)
        if fate == "drop_answer":
            self._deliver(request)
            raise httpx.ReadTimeout("scripted: answer lost", request=request)
        if fate == "duplicate":
            self._deliver(request)
            return self._deliver(request)
        self.delayed.append(self._copy(request))
        raise httpx.ReadTimeout("scripted: request delayed", request=request)

    def deliver_delayed(self) -> None:
        """The late requests arrive now, oldest first."""
        while self.delayed:
            self._deliver(self.delayed.pop(0))
