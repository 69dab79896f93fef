"""Schemathesis against the app in-process (ASGI, no network), with a valid token per role:
whatever a client sends, the server answers without a 5xx and as its OpenAPI schema says.

In `make test` the run is bounded and derandomized (the same requests every run); `make
soak` (LOKOMOTIV_SOAK=1) runs many more from a fresh seed, printed so a failure can be
replayed with LOKOMOTIV_FUZZ_SEED=<seed>."""
from __future__ import annotations

import os
import random
import warnings
from collections import Counter

import pytest

with warnings.catch_warnings():  # schemathesis' dependencies nudge about deprecations
    warnings.simplefilter("ignore")
    import schemathesis
    from hypothesis import HealthCheck, Phase, given, seed, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis.checks import not_a_server_error
    from schemathesis.generation import GenerationMode
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_headers_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

from .conftest import HEADERS, Api, cid, company

SOAK = bool(os.environ.get("LOKOMOTIV_SOAK"))
# Examples per operation, role and generation mode.
EXAMPLES = int(os.environ.get("LOKOMOTIV_FUZZ_EXAMPLES", 300 if SOAK else 15))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]
# Logging out would end the token the rest of the run needs; it has no input to fuzz.
SKIPPED = {("POST", "/api/v1/logout")}
LOGIN = ("POST", "/api/v1/login")


@pytest.fixture
def fuzz_server(tmp_path):
    from lokomotiv_desktop.server.accounts import add_user
    from lokomotiv_desktop.server.app import create_app
    from lokomotiv_desktop.server.backend import open_backend

    backend = open_backend(f"sqlite:///{tmp_path / 'shared.db'}")
    backend.init_schema()
    for name, role, municipalities in (("anna", "konsulent", ["615"]),
                                       ("kim", "koordinator", []), ("ada", "admin", [])):
        from .conftest import PASSWORD

        add_user(backend, name, PASSWORD, role, municipalities)
    yield create_app(backend)
    backend.close()


def _tokens(app) -> dict[str, str]:
    """Logs each role in, and gives the store a few rows so that pulls return real items."""
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        apis = {role: Api(client, user, f"{user}-fuzz")
                for role, user in (("konsulent", "anna"), ("koordinator", "kim"),
                                   ("admin", "ada"))}
        anna = apis["konsulent"]
        anna.push(company(anna, cid("fuzz1")), company(anna, cid("fuzz2"), phase=2))
        anna.push(anna.change("contact", "0190f000-0000-7000-8000-00000000f001",
                              company_id=cid("fuzz1"), name="Eva Fuzz"))
        return {role: api.token for role, api in apis.items()}


def _fuzzer(strategy, headers: dict, statuses: Counter, run_seed: int | None):
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              derandomize=run_seed is None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), print_blob=True)
    @given(case=strategy)
    def call(case):
        response = case.call(headers=headers)
        statuses[response.status_code] += 1
        case.validate_response(response, checks=CHECKS, headers=headers)

    return call if run_seed is None else seed(run_seed)(call)


def _run(app, tokens: dict[str, str], run_seed: int | None) -> Counter:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    statuses: Counter = Counter()
    for result in schema.get_all_operations():
        operation = result.ok()
        where = (operation.method.upper(), operation.path)
        if where in SKIPPED:
            continue
        # Logging in needs no token: once is enough.
        roles = {"anonym": None} if where == LOGIN else tokens
        for role, token in roles.items():
            headers = {**HEADERS, **({"Authorization": f"Bearer {token}"} if token else {})}
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                try:
                    _fuzzer(operation.as_strategy(generation_mode=mode), headers, statuses,
                            run_seed)()
                except Unsatisfiable:
                    assert mode is GenerationMode.NEGATIVE  # e.g. no input to get wrong
                except Exception as exc:
                    exc.add_note(f"{where[0]} {where[1]} as {role}, {mode.value}, "
                                 f"seed {run_seed}")
                    raise
    return statuses


def test_fuzzed_requests_get_no_server_error_and_answers_match_the_schema(fuzz_server):
    env_seed = os.environ.get("LOKOMOTIV_FUZZ_SEED")
    run_seed = int(env_seed) if env_seed else (random.randrange(2**32) if SOAK else None)
    if run_seed is not None:
        print(f"\nschemathesis seed {run_seed} (LOKOMOTIV_FUZZ_SEED={run_seed} replays it)")
    statuses = _run(fuzz_server, _tokens(fuzz_server), run_seed)
    print(f"schemathesis: {sum(statuses.values())} requests, statuses {dict(statuses)}")
    assert not [s for s in statuses if s >= 500]
    # Not vacuous: the fuzzer got through to the endpoints, with valid and invalid input.
    assert statuses[200] and statuses[422] and sum(statuses.values()) >= 100
