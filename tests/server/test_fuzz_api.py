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
EXAMPLES = int(os.environ.get("LOKOMOTIV_FUZZ_EXAMPLES", 300 if SOAK else 12))
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


def _run_seed(what: str) -> int | None:
    """None in make test (derandomized); in the soak a fresh seed, printed."""
    env_seed = os.environ.get("LOKOMOTIV_FUZZ_SEED")
    run_seed = int(env_seed) if env_seed else (random.randrange(2**32) if SOAK else None)
    if run_seed is not None:
        print(f"\n{what} seed {run_seed} (LOKOMOTIV_FUZZ_SEED={run_seed} replays it)")
    return run_seed


def test_fuzzed_requests_get_no_server_error_and_answers_match_the_schema(fuzz_server):
    run_seed = _run_seed("schemathesis")
    statuses = _run(fuzz_server, _tokens(fuzz_server), run_seed)
    print(f"schemathesis: {sum(statuses.values())} requests, statuses {dict(statuses)}")
    assert not [s for s in statuses if s >= 500]
    # Not vacuous: the fuzzer got through to the endpoints, with valid and invalid input.
    assert statuses[200] and statuses[422] and sum(statuses.values()) >= 100


def _changes():
    """Changes shaped like a laptop's (real tables and fields, current stamps, a few row
    ids), with values of every JSON kind: deeper into push than the schema alone gets."""
    import time
    import uuid

    from hypothesis import strategies as st

    from lokomotiv_desktop.sync.tables import SYNCED_TABLES

    ids = [str(uuid.UUID(int=i)) for i in range(1, 5)] + [cid("fuzz1"), cid("fuzz2")]
    values = st.one_of(
        st.none(), st.booleans(), st.integers(-(2**63), 2**63 - 1), st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20), st.sampled_from(["615", "630", "", "1", "abc", *ids]))

    @st.composite
    def change(draw):
        spec = SYNCED_TABLES[draw(st.sampled_from(sorted(SYNCED_TABLES)))]
        fields = draw(st.dictionaries(st.sampled_from(spec.all_fields), values, min_size=1,
                                      max_size=8))
        n = draw(st.integers(0, 99_999))
        stamp = draw(st.one_of(st.just(f"{time.time_ns() // 1_000_000:013d}.{n:05d}.f"),
                               st.text(max_size=25)))
        return {"change_id": f"fuzz-{n}-{draw(st.integers(0, 9))}", "table": spec.name,
                "row_id": draw(st.sampled_from(ids)), "fields": fields,
                "clocks": dict.fromkeys(fields, stamp), "base": {}}

    @st.composite
    def edit(draw):  # a plausible edit of a stored company, so that some get applied
        plausible = {"name": st.text(min_size=1, max_size=20), "notes": st.text(max_size=20),
                     "city": st.text(max_size=20), "phase": st.integers(1, 5)}
        fields = draw(st.fixed_dictionaries({}, optional=plausible).filter(bool))
        n = draw(st.integers(0, 99_999))
        stamp = f"{time.time_ns() // 1_000_000:013d}.{n:05d}.f"
        return {"change_id": f"fuzz-edit-{n}", "table": "company",
                "row_id": draw(st.sampled_from(ids[-2:])), "fields": fields,
                "clocks": dict.fromkeys(fields, stamp), "base": {}}

    return st.lists(st.one_of(change(), edit()), min_size=1, max_size=6)


def test_fuzzed_pushes_never_break_a_pull(fuzz_server):
    """Whatever a push stores, every account can still pull (a stored row that breaks
    /pull stops a whole municipality's sync)."""
    from fastapi.testclient import TestClient
    from hypothesis import strategies as st

    tokens = _tokens(fuzz_server)
    heads = {role: {**HEADERS, "Authorization": f"Bearer {token}"}
             for role, token in tokens.items()}

    outcomes: Counter = Counter()
    run_seed = _run_seed("push fuzz")
    with TestClient(fuzz_server, raise_server_exceptions=False) as client:
        @settings(max_examples=EXAMPLES * 8, deadline=None, database=None,
                  derandomize=run_seed is None, suppress_health_check=list(HealthCheck))
        @given(changes=_changes(), role=st.sampled_from(sorted(tokens)))
        def push_then_pull(changes, role):
            response = client.post("/api/v1/push", headers=heads[role],
                                   json={"device_id": "fuzz", "changes": changes})
            assert response.status_code < 500, response.text
            if response.status_code == 200:
                outcomes.update(r["status"] for r in response.json()["results"])
            for pulling in heads.values():
                response = client.get("/api/v1/pull", headers=pulling,
                                      params={"since": 0, "limit": 5000})
                assert response.status_code == 200, (changes, response.text)

        (push_then_pull if run_seed is None else seed(run_seed)(push_then_pull))()
    print(f"fuzzed pushes: {dict(outcomes)}")
    # Not vacuous: some got merged into stored rows (applied or with a conflict), some refused.
    assert outcomes["applied"] + outcomes["conflict"] and outcomes["rejected"]
