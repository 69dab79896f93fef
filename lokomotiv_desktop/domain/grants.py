"""The association's financing as arithmetic (issue 13): a member municipality's basic grant
is the year's rate times its P-number count (the count entered by hand when there is one,
else the CVR extract's), plus the activity grant of the tasks it ordered. Kroner are
Decimals rounded to øre, and print the Danish way: "12.340,00 kr."."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

from .validation import ValidationError

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "resources" / "data" / "grants.json"
_ØRE = Decimal("0.01")
_MAX = Decimal("1000000000000")
_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


def money(value: Decimal | int | float | str) -> Decimal:
    """A stored or computed amount rounded to øre (floats via their shortest text)."""
    if isinstance(value, float):
        value = repr(value)
    return Decimal(value).quantize(_ØRE, rounding=ROUND_HALF_UP)


def kroner(amount: Decimal | int | float | str) -> str:
    """'12.340,00 kr.': dots between thousands, a comma before the øre."""
    value = money(amount)
    sign = "-" if value < 0 else ""
    whole, øre = f"{abs(value):.2f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"{sign}{'.'.join(groups)},{øre} kr."


def parse_kroner(field_name: str, value: object, label: str = "Beløbet") -> Decimal:
    """What a person types: '10', '10,50', '12.340,50', '12340.5' or '12.340 kr.'."""
    text = str(value if value is not None else "").strip().lower()
    text = text.removesuffix("kr.").removesuffix("kr").strip().replace(" ", "")
    if not text:
        raise ValidationError(field_name, f"{label} mangler. Skriv fx 12.340,50.")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError(field_name, f"{label} «{value}» er ikke et beløb. "
                              "Skriv fx 12.340,50.") from None
    if not amount.is_finite() or amount < 0:
        raise ValidationError(field_name, f"{label} kan ikke være negativt.")
    if amount != amount.quantize(_ØRE):
        raise ValidationError(field_name, f"{label} kan højst have to decimaler (øre).")
    if amount >= _MAX:
        raise ValidationError(field_name, f"{label} {value} er for stort.")
    return money(amount)


@dataclass(frozen=True)
class ActivityLine:
    task: str
    amount: Decimal


@dataclass(frozen=True)
class PnrCount:
    counted: int | None = None          # live P-units in the CVR extract ...
    counted_on: date | None = None      # ... on this date
    override: int | None = None         # entered by hand (the extract may be partial) ...
    reason: str = ""                    # ... and why

    @property
    def used(self) -> int | None:
        return self.override if self.override is not None else self.counted


@dataclass(frozen=True)
class Grant:
    per_pnr: Decimal
    pnr: PnrCount
    activities: tuple[ActivityLine, ...] = field(default_factory=tuple)

    @property
    def basic(self) -> Decimal:
        return money(self.per_pnr * (self.pnr.used or 0))

    @property
    def activity_total(self) -> Decimal:
        return money(sum((line.amount for line in self.activities), Decimal(0)))

    @property
    def total(self) -> Decimal:
        return self.basic + self.activity_total


def load(path: Path = DEFAULT_PATH) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def default_rate(year: int, path: Path = DEFAULT_PATH) -> Decimal | None:
    """The rate grants.json gives for the year, or None."""
    rate = load(path).get("rates", {}).get(str(year))
    return money(rate) if rate is not None else None
