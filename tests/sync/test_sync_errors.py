"""What the laptop says for the server's refusals of a login or a token."""
from __future__ import annotations

import httpx

from lokomotiv_desktop.sync.errors import from_response


def _answer(status: int, code: str, error: str = "nej") -> httpx.Response:
    return httpx.Response(status, json={"error": error, "code": code})


def test_an_expired_token_is_told_apart_and_asks_to_log_in_again():
    said = from_response(_answer(401, "token_expired"))
    assert (said.kind, said.code, said.status) == ("unauthorized", "token_expired", 401)
    assert "udløbet" in said.message and "Log ind igen" in said.message


def test_a_revoked_token_asks_to_log_in_again():
    said = from_response(_answer(401, "unauthorized"))
    assert said.code == "unauthorized" and "tilbagekaldt" in said.message
    assert "Log ind igen" in said.message


def test_a_wrong_password_says_so_and_not_that_a_login_expired():
    said = from_response(_answer(401, "bad_credentials"))
    assert said.message == "Forkert brugernavn eller adgangskode."
