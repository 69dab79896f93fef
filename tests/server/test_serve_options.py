"""`lokomotiv-server serve`: the idle time of tokens and the trusted proxy reach the app
and uvicorn (proxy headers are off unless a proxy is named)."""
from __future__ import annotations

import pytest

from lokomotiv_desktop.server import cli


@pytest.fixture
def started(monkeypatch, db_url, backend):
    import uvicorn

    from lokomotiv_desktop.server import app as app_module

    seen = {}
    real_create_app = app_module.create_app

    def create_app(*args, **kwargs):
        seen["app"] = kwargs
        return real_create_app(*args, **kwargs)

    class Config:
        def __init__(self, app, **kwargs):
            seen["uvicorn"] = kwargs

    monkeypatch.setattr(app_module, "create_app", create_app)
    monkeypatch.setattr(uvicorn, "Config", Config)
    monkeypatch.setattr(uvicorn.Server, "__init__", lambda self, config: None)
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets: None)
    monkeypatch.setattr(cli.signal, "signal", lambda sig, handler: None)  # pytest's stay

    def _serve(*extra: str) -> dict:
        assert cli.main(["serve", "--db", db_url, "--port", "0", *extra]) == 0
        return seen
    return _serve


def test_by_default_no_forwarded_header_is_believed_and_tokens_idle_30_days(started):
    seen = started()
    assert seen["uvicorn"]["proxy_headers"] is False
    assert seen["app"]["token_idle_days"] == 30


def test_a_named_proxy_and_idle_time_are_passed_on(started):
    seen = started("--trusted-proxy", "10.0.0.1", "--token-idle-days", "7")
    assert seen["uvicorn"]["proxy_headers"] is True
    assert seen["uvicorn"]["forwarded_allow_ips"] == "10.0.0.1"
    assert seen["app"]["token_idle_days"] == 7


@pytest.mark.parametrize("days", ["0", "-3", "nej"])
def test_an_idle_time_that_is_not_positive_is_refused(days, capsys):
    with pytest.raises(SystemExit):
        cli.main(["serve", "--db", "sqlite:///x.db", "--token-idle-days", days])
    assert "positivt antal dage" in capsys.readouterr().err
