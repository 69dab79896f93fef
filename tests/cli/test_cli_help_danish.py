"""`lokomotiv --help`, every subcommand's help and argparse's errors are Danish."""
from __future__ import annotations

import argparse

import pytest

from lokomotiv_desktop.cli import build_parser, main

# What argparse itself can print in English (its msgids and the version action's help).
ARGPARSE_ENGLISH = [
    "usage:", "options:", "optional arguments", "positional arguments",
    "show this help message", "show program's version", "error:",
    "the following arguments are required", "is required", "unrecognized arguments",
    "invalid choice", "choose from", "expected one argument", "expected at most",
    "expected at least", "ambiguous option", "could match", "not allowed with",
    "ignored explicit argument", "unexpected option string", "can't open", "invalid ",
    "exit status",
]


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


COMMANDS = [path for path, _ in _commands(build_parser())]


def _english_in(text: str) -> list[str]:
    return [phrase for phrase in ARGPARSE_ENGLISH if phrase in text]


def test_every_command_is_walked():
    assert ("visit", "add") in COMMANDS and ("sync",) in COMMANDS and len(COMMANDS) > 15


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "lokomotiv")
def test_help_is_danish(path, capsys):
    with pytest.raises(SystemExit) as exited:
        main([*path, "--help"])
    assert exited.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("brug: lokomotiv")
    assert "vis denne hjælp og afslut" in shown
    assert _english_in(shown) == []


def test_every_value_has_a_danish_metavar():
    """argparse would print the English dest (DATE, NEXT_STEP, cvr) where none is given."""
    missing = [
        (" ".join(path), action.dest)
        for path, parser in _commands(build_parser())
        for action in parser._actions
        if action.nargs != 0 and action.metavar is None and not action.choices
        and not isinstance(action, argparse._SubParsersAction)
    ]
    assert missing == []


@pytest.mark.parametrize("argv, danish", [
    (["visit", "add"], "disse argumenter skal angives: CVR, --kind"),
    (["nosuchcommand"], "ugyldigt valg: 'nosuchcommand' (vælg mellem"),
    (["search", "x", "--nosuchoption"], "ukendte argumenter: --nosuchoption"),
    (["demo", "--companies", "mange"], "ugyldig værdi: 'mange'"),
    (["visit", "add", "13748136", "--kind"], "forventede ét argument"),
])
def test_usage_errors_are_danish(argv, danish, capsys):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "brug: lokomotiv" in err and ": fejl: " in err and danish in err
    assert _english_in(err) == []
