"""What can go wrong talking to lokomotiv-server, said in plain Danish.

`kind` is for the program (the status bar, the CLI exit code); `message` is for a person.
"""
from __future__ import annotations

import httpx


class SyncError(Exception):
    def __init__(self, kind: str, message: str, status: int | None = None):
        super().__init__(message)
        self.kind = kind  # offline | unauthorized | forbidden | upgrade | rate_limited | invalid | server
        self.message = message
        self.status = status


def offline(server_url: str, exc: Exception) -> SyncError:
    if isinstance(exc, httpx.TimeoutException):
        what = f"Serveren {server_url} svarer ikke (tidsgrænsen blev overskredet)."
    else:
        what = f"Kan ikke få forbindelse til serveren {server_url}."
    return SyncError(
        "offline", f"{what} Dine ændringer er gemt lokalt og sendes ved næste synkronisering."
    )


def _server_message(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    if isinstance(body, dict) and isinstance(body.get("error"), str):
        return body["error"]
    return ""


def from_response(response: httpx.Response) -> SyncError:
    """The error for a non-2xx answer; the server's own Danish message is kept."""
    status = response.status_code
    said = _server_message(response)
    detail = f" ({said})" if said else ""
    if status == 401:
        return SyncError("unauthorized",
                         f"Dit login er udløbet eller tilbagekaldt. Log ind igen.{detail}", status)
    if status == 403:
        return SyncError("forbidden", f"Ingen adgang: serveren afviste forespørgslen.{detail}",
                         status)
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
