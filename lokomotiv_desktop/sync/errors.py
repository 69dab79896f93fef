"""What can go wrong talking to lokomotiv-server, said in plain Danish.

`kind` is for the program (the status bar, the CLI exit code); `message` is for a person.
"""
from __future__ import annotations

import httpx


class SyncError(Exception):
    def __init__(self, kind: str, message: str, status: int | None = None,
                 code: str | None = None):
        super().__init__(message)
        self.kind = kind  # offline | unauthorized | forbidden | upgrade | rate_limited | invalid | server
        self.message = message
        self.status = status
        self.code = code  # the server's machine code, e.g. "token_expired"


def offline(server_url: str, exc: Exception) -> SyncError:
    if isinstance(exc, httpx.TimeoutException):
        what = f"Serveren {server_url} svarer ikke (tidsgrænsen blev overskredet)."
    else:
        what = f"Kan ikke få forbindelse til serveren {server_url}."
    return SyncError(
        "offline", f"{what} Dine ændringer er gemt lokalt og sendes ved næste synkronisering."
    )


def _server_said(response: httpx.Response, key: str) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    if isinstance(body, dict) and isinstance(body.get(key), str):
        return body[key]
    return ""


_LOGIN_AGAIN = "Log ind igen under Synkronisering (eller med 'lokomotiv login')."
_UNAUTHORIZED = {
    "bad_credentials": "Forkert brugernavn eller adgangskode.",
    "token_expired": "Dit login er udløbet, fordi det ikke har været brugt i lang tid. "
                     + _LOGIN_AGAIN,
}


def from_response(response: httpx.Response) -> SyncError:
    """The error for a non-2xx answer; the server's own Danish message is kept."""
    status = response.status_code
    said, code = _server_said(response, "error"), _server_said(response, "code") or None
    detail = f" ({said})" if said else ""
    if status == 401:
        # Revoked: logged out elsewhere, or the password, role or municipalities changed.
        message = _UNAUTHORIZED.get(code or "", "Dit login gælder ikke længere (det er "
                                    "tilbagekaldt eller udløbet). " + _LOGIN_AGAIN)
        return SyncError("unauthorized", message, status, code)
    if status == 403:
        return SyncError("forbidden", f"Ingen adgang: serveren afviste forespørgslen.{detail}",
                         status, code)
    if status == 426:
        return SyncError(
            "upgrade",
            "Serveren kræver en nyere version af Lokomotiv. Opdater Lokomotiv; du kan arbejde "
            f"videre offline imens.{detail}",
            status,
        )
    if status == 429:
        return SyncError("rate_limited", f"For mange forsøg. Vent lidt, og prøv igen.{detail}",
                         status)
    if status == 422:
        return SyncError("invalid", f"Serveren afviste data som ugyldige.{detail}", status)
    return SyncError("server", f"Serverfejl (HTTP {status}). Prøv igen senere.{detail}", status)
