"""Every error leaves the server as JSON `{"error": <Danish text>, "code": <code>}`."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

_STATUS_TEXT = {
    400: ("Ugyldig forespørgsel.", "bad_request"),
    401: ("Du er ikke logget ind, eller dit login er udløbet. Log ind igen.", "unauthorized"),
    403: ("Du har ikke adgang til dette.", "forbidden"),
    404: ("Adressen findes ikke på serveren.", "not_found"),
    405: ("Metoden er ikke tilladt her.", "method_not_allowed"),
    413: ("Forespørgslen er for stor.", "too_large"),
    429: ("For mange forsøg. Vent lidt, og prøv igen.", "rate_limited"),
}

INTERNAL_MESSAGE = ("Der skete en fejl på serveren. Synkronisér igen; det, der allerede er "
                    "gemt, bliver ikke dobbelt.")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers


def error_response(status: int, code: str, message: str, headers: dict | None = None,
                   details: list[str] | None = None) -> JSONResponse:
    body: dict = {"error": message, "code": code}
    if details:
        body["details"] = details
    return JSONResponse(body, status_code=status, headers=headers)


def _describe(error: dict) -> str:
    where = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
    return f"{where or 'indhold'}: {error.get('msg', 'ugyldig værdi')}"


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        details = [_describe(e) for e in exc.errors()][:20]
        message = "Ugyldige data i forespørgslen; intet er gemt. " + "; ".join(details[:3])
        return error_response(422, "validation", message, details=details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        message, code = _STATUS_TEXT.get(exc.status_code, ("Fejl.", "error"))
        return error_response(exc.status_code, code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        # It cannot know whether the request's transaction committed (an answer that failed
        # after it did): it must not say nothing was saved. A resend is safe either way.
        return error_response(500, "internal", INTERNAL_MESSAGE)
