"""The HTTP API (FastAPI): the endpoints of docs/sync-protocol.md over a Backend."""

from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import JSONResponse

from ..sync.messages import (
    API_PREFIX,
    DEFAULT_PULL_LIMIT,
    HEADER_PROTOCOL,
    HEADER_SCHEMA,
    MAX_INT,
    MAX_PULL_LIMIT,
    MIN_PROTOCOL_VERSION,
    PROTOCOL_VERSION,
    AccessLogRequest,
    AccessLogResponse,
    AuditResponse,
    EraseRequest,
    EraseResponse,
    ErrorResponse,
    LoginRequest,
    LoginResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    StatusResponse,
)
from . import accounts, errors
from .access_audit import AuditRefused, read_audit, store_access_log
from .accounts import DEFAULT_TOKEN_IDLE_DAYS, Caller, TokenExpired
from .backend import Backend
from .erase import EraseRefused, erase
from .limits import BodyLimit
from .login_limits import LoginLimiter
from .push import OutOfScope, apply_push
from .schema import SCHEMA_VERSION
from .storage import append_audit, now_iso, pull_page

_UPDATE_MESSAGE = ("Din version af Lokomotiv er for gammel til serveren. Opdater Lokomotiv; "
                   "indtil da kan du arbejde videre uden synkronisering.")
_ERROR_RESPONSES = {
    code: {"model": ErrorResponse} for code in (400, 401, 403, 404, 413, 422, 426, 429)
}


def create_app(backend: Backend, min_schema: int = 1, limiter: LoginLimiter | None = None,
               token_idle_days: float = DEFAULT_TOKEN_IDLE_DAYS) -> FastAPI:
    app = FastAPI(
        title="lokomotiv-server",
        version=str(PROTOCOL_VERSION),
        description=(
            "Det fælles lager, som Lokomotiv synkroniserer med. Hver forespørgsel under "
            f"{API_PREFIX} skal have headerne {HEADER_PROTOCOL} og {HEADER_SCHEMA}."
        ),
        responses=_ERROR_RESPONSES,
    )
    app.state.backend = backend
    app.state.limiter = limiter or LoginLimiter()
    errors.install(app)
    app.add_middleware(BodyLimit)  # 413 beyond MAX_PUSH_BYTES, 422 for NaN (server/limits.py)

    @app.middleware("http")
    async def _check_versions(request: Request, call_next):
        if request.url.path.startswith(API_PREFIX + "/"):
            refusal = _version_refusal(request, min_schema)
            if refusal is not None:
                return refusal
        return await call_next(request)

    def caller(request: Request) -> Caller:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        try:
            found = accounts.authenticate(backend, token, token_idle_days) \
                if scheme.lower() == "bearer" else None
        except TokenExpired:
            raise errors.ApiError(
                401, "token_expired", f"Dit login er udløbet, fordi det ikke er brugt i "
                f"{token_idle_days:g} {'dag' if token_idle_days == 1 else 'dage'}. "
                "Log ind igen.", {"WWW-Authenticate": "Bearer"},
            ) from None
        if found is None:
            raise errors.ApiError(401, "unauthorized", errors._STATUS_TEXT[401][0],
                                  {"WWW-Authenticate": "Bearer"})
        return found

    Auth = Annotated[Caller, Depends(caller)]

    @app.post(API_PREFIX + "/login", response_model=LoginResponse)
    def login(body: LoginRequest, request: Request) -> LoginResponse:
        address = request.client.host if request.client else "?"
        wait = app.state.limiter.retry_after(body.user, address)
        if wait:
            raise errors.ApiError(429, "rate_limited",
                                  f"For mange mislykkede logins. Prøv igen om {wait} sekunder.",
                                  {"Retry-After": str(wait)})
        issued = accounts.login(backend, body.user, body.password, body.device_id,
                                body.device_name)
        if issued is None:
            app.state.limiter.failed(body.user, address)
            raise errors.ApiError(401, "bad_credentials", "Forkert brugernavn eller adgangskode.")
        app.state.limiter.succeeded(body.user, address)
        token, role, municipalities = issued
        return LoginResponse(token=token, user=body.user, role=role,
                             municipalities=municipalities)

    @app.post(API_PREFIX + "/logout", status_code=204)
    def logout(who: Auth) -> None:
        with backend.write() as db:
            accounts.revoke_token(db, who.token_hash)
            append_audit(db, [(now_iso(), who.account, who.device_id, "logout",
                               None, None, None, "")])

    @app.get(API_PREFIX + "/status", response_model=StatusResponse)
    def status(who: Auth) -> StatusResponse:
        return StatusResponse(
            protocol=PROTOCOL_VERSION, schema_version=SCHEMA_VERSION,
            server_time=datetime.now(UTC).isoformat(timespec="seconds"),
            user=who.account, role=who.role, municipalities=list(who.municipalities),
        )

    @app.post(API_PREFIX + "/push", response_model=PushResponse)
    def push(body: PushRequest, who: Auth):
        try:
            # The device is the token's: a body naming another device is not believed.
            results = apply_push(backend, who, who.device_id, body.changes, body.cursor)
        except OutOfScope:
            with backend.write() as db:
                append_audit(db, [(now_iso(), who.account, who.device_id, "push_refused",
                                   None, None, None, f"{len(body.changes)} ændringer uden for "
                                   "dine kommuner")])
            raise errors.ApiError(
                403, "scope", "Alle ændringerne hører til kommuner, du ikke har adgang til; "
                "intet er gemt.") from None
        # The results are validated models already: skip FastAPI's second validation pass.
        return JSONResponse({"results": [r.model_dump() for r in results]})

    @app.get(API_PREFIX + "/pull", response_model=PullResponse)
    def pull(who: Auth, since: Annotated[int, Query(ge=0, le=MAX_INT)] = 0,
             limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT):
        with backend.read() as db:
            items, next_seq, more = pull_page(db, since, limit, who.scopes, who.device_id)
        # Already plain JSON from the database: skip re-validating a big page.
        return JSONResponse({"items": items, "next": next_seq, "more": more})

    @app.post(API_PREFIX + "/erase", response_model=EraseResponse)
    def erase_row(body: EraseRequest, who: Auth) -> EraseResponse:
        try:
            erased = erase(backend, who, body.table, body.row_id)
        except EraseRefused as refused:
            raise errors.ApiError(refused.status, refused.code, refused.message) from None
        return EraseResponse(erased=erased)

    @app.post(API_PREFIX + "/access-log", response_model=AccessLogResponse)
    def access_log(body: AccessLogRequest, who: Auth) -> AccessLogResponse:
        return AccessLogResponse(stored=store_access_log(backend, who, body.entries))

    @app.get(API_PREFIX + "/audit", response_model=AuditResponse)
    def audit(who: Auth, person: Annotated[str | None, Query(max_length=64)] = None,
              limit: Annotated[int, Query(ge=1, le=10_000)] = 1000) -> AuditResponse:
        try:
            return AuditResponse(rows=read_audit(backend, who, person, limit))
        except AuditRefused as refused:
            raise errors.ApiError(403, "forbidden", refused.message) from None

    return app


def _version_refusal(request: Request, min_schema: int) -> JSONResponse | None:
    protocol = _int_header(request, HEADER_PROTOCOL)
    schema = _int_header(request, HEADER_SCHEMA)
    if protocol is None or schema is None or protocol < MIN_PROTOCOL_VERSION \
            or schema < min_schema:
        return errors.error_response(426, "upgrade_required", _UPDATE_MESSAGE)
    if protocol > PROTOCOL_VERSION:
        return errors.error_response(
            400, "server_too_old",
            "Serveren er ældre end din Lokomotiv og kender ikke dens protokol; "
            "serveren skal opdateres.")
    return None


def _int_header(request: Request, name: str) -> int | None:
    try:
        return int(request.headers.get(name, ""))
    except ValueError:
        return None
