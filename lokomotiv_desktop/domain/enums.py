"""Enumerations of the domain, with their Danish display names."""
from __future__ import annotations

from enum import IntEnum, StrEnum


class Phase(IntEnum):
    """The five phases a company moves through with the association."""

    AFKLARING = 1
    MOTIVATION = 2
    ENGAGEMENT = 3
    GENNEMFOERELSE = 4
    OPFOELGNING = 5

    @property
    def label(self) -> str:
        return PHASE_NAMES[self]

    @classmethod
    def parse(cls, text: str | int) -> Phase:
        """Accepts 1-5 or a phase name in any case, with or without Danish letters."""
        raw = str(text).strip()
        if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= 5:
            return cls(int(raw))
        folded = _fold(raw)
        for phase, name in PHASE_NAMES.items():
            # "Gennemførelse", "gennemfoerelse" and "Gennemforelse" (ø typed as o) all match
            if folded in (_fold(name), _fold(name.replace("ø", "o").replace("Ø", "O"))):
                return phase
        names = ", ".join(f"{p.value} {n}" for p, n in PHASE_NAMES.items())
        raise ValueError(f"Ukendt fase «{text}». Brug et tal 1-5 eller et navn: {names}.")


PHASE_NAMES = {
    Phase.AFKLARING: "Afklaring",
    Phase.MOTIVATION: "Motivation",
    Phase.ENGAGEMENT: "Engagement",
    Phase.GENNEMFOERELSE: "Gennemførelse",
    Phase.OPFOELGNING: "Opfølgning",
}


class ContactRole(StrEnum):
    LEDER = "leder"
    HR = "hr"
    TR = "tr"
    AMBASSADOER = "ambassadør"
    ANDET = "andet"

    @property
    def label(self) -> str:
        return CONTACT_ROLE_NAMES[self]

    @classmethod
    def parse(cls, text: str) -> ContactRole:
        folded = _fold(text.strip())
        for role in cls:
            if folded in (_fold(role.value), _fold(role.label)):
                return role
        choices = ", ".join(r.label for r in cls)
        raise ValueError(f"Ukendt rolle «{text}». Vælg en af: {choices}.")


CONTACT_ROLE_NAMES = {
    ContactRole.LEDER: "Leder",
    ContactRole.HR: "HR",
    ContactRole.TR: "TR (tillidsrepræsentant)",
    ContactRole.AMBASSADOER: "Ambassadør",
    ContactRole.ANDET: "Andet",
}


class EmployeeBand(StrEnum):
    """Employee size bands as the CVR register reports them."""

    B0 = "0"
    B1_4 = "1-4"
    B5_9 = "5-9"
    B10_19 = "10-19"
    B20_49 = "20-49"
    B50_99 = "50-99"
    B100_199 = "100-199"
    B200_499 = "200-499"
    B500_999 = "500-999"
    B1000 = "1000+"

    @classmethod
    def for_count(cls, count: int) -> EmployeeBand:
        for band in reversed(list(cls)):
            if count >= band.lower:
                return band
        return cls.B0

    @property
    def lower(self) -> int:
        return int(self.value.rstrip("+").split("-")[0])


def _fold(text: str) -> str:
    from .text import fold_danish

    return fold_danish(text)
