"""argparse in Danish: its own words (usage, headings, -h, error messages) translated.

argparse reads every string it prints through ``gettext`` under its English msgids, and
Python ships no Danish catalogue for them. ``install()`` points argparse's two lookups at
the table below, before any parser is built (the headings are read at construction).
Only argparse's module is touched; gettext stays as it was for everything else.
"""
from __future__ import annotations

import argparse

# Every msgid of argparse in Python 3.11-3.13, by the English text it stands for.
MESSAGES = {
    "usage: ": "brug: ",
    "positional arguments": "positionelle argumenter",
    "options": "valgfrie argumenter",
    "optional arguments": "valgfrie argumenter",
    "show this help message and exit": "vis denne hjælp og afslut",
    "show program's version number and exit": "vis programmets version og afslut",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "disse argumenter skal angives: %s",
    "one of the arguments %s is required": "et af argumenterne %s skal angives",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "not allowed with argument %s": "kan ikke bruges sammen med argumentet %s",
    "ignored explicit argument %r": "ignorerede det udtrykkelige argument %r",
    "expected one argument": "forventede ét argument",
    "expected at most one argument": "forventede højst ét argument",
    "expected at least one argument": "forventede mindst ét argument",
    "ambiguous option: %(option)s could match %(matches)s":
        "tvetydigt tilvalg: %(option)s kan betyde %(matches)s",
    "unexpected option string: %s": "uventet tilvalg: %s",
    # The type's name is Python's (int, Path): the value alone says more to a user.
    "invalid %(type)s value: %(value)r": "ugyldig værdi: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ugyldigt valg: %(value)r (vælg mellem %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "ukendt kommando %(parser_name)r (vælg mellem %(choices)s)",
    "can't open '%(filename)s': %(error)s": "kan ikke åbne '%(filename)s': %(error)s",
    'argument "-" with mode %r': 'argument "-" med tilstanden %r',
    # Mistakes in our own parser definitions: a developer reads these, but in one language.
    ".__call__() not defined": ".__call__() er ikke defineret",
    "conflicting subparser: %s": "underkommandoen findes allerede: %s",
    "conflicting subparser alias: %s": "aliasset findes allerede: %s",
    "cannot merge actions - two groups are named %r":
        "kan ikke flette handlinger - to grupper hedder %r",
    "'required' is an invalid argument for positionals":
        "'required' kan ikke bruges på positionelle argumenter",
    "dest= is required for options like %r": "dest= skal angives for tilvalg som %r",
    "invalid conflict_resolution value: %r": "ugyldig værdi for conflict_resolution: %r",
    "mutually exclusive arguments must be optional":
        "gensidigt udelukkende argumenter skal være valgfrie",
    "cannot have multiple subparser arguments": "der kan kun være ét sæt underkommandoer",
    "%r is not callable": "%r kan ikke kaldes",
}
PLURALS = {
    ("expected %s argument", "expected %s arguments"):
        ("forventede %s argument", "forventede %s argumenter"),
    ("conflicting option string: %s", "conflicting option strings: %s"):
        ("tilvalget findes allerede: %s", "tilvalgene findes allerede: %s"),
}


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    one, many = PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else many


def install() -> None:
    """Idempotent; call before building parsers."""
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
