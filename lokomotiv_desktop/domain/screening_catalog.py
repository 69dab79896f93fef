"""The screening catalog: FVU subjects and trin, test tools, their outcomes, dyslexia results
and class sizes. Read from resources/data/screening.json, because several of these facts are
UNCONFIRMED (DOMAIN.md) and must change without a code change.

The parse_* functions turn what a person typed or an imported sheet holds into a stored code,
or raise ValidationError with a Danish message that lists the valid choices.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from .text import fold_danish
from .validation import ValidationError

# Domain may not import lokomotiv_desktop.paths, so find the shipped file the same way here.
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "resources" / "data" / "screening.json"

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
# Keyboards without Danish letters give "o" for ø and "a" for å as often as "oe" and "aa".
_PLAIN = str.maketrans({"ø": "o", "Ø": "O", "å": "a", "Å": "A"})


def choice_key(text: object) -> str:
    """What two spellings of one choice share: folded (æ->ae, ø->oe, å->aa), any case,
    without spaces or punctuation ("VLV-2" and "vlv2" meet; so do "Grøn" and "groen")."""
    return _NOT_ALNUM.sub("", fold_danish(str(text if text is not None else "")))


def choice_keys(name: str) -> set[str]:
    """The keys a name is found by: its folded form and the one with ø/å typed as o/a."""
    return {choice_key(name), choice_key(name.translate(_PLAIN))} - {""}


def join_choices(items: Iterable[object]) -> str:
    """'a, b eller c': how a Danish message lists the valid choices."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " eller " + words[-1]


@dataclass(frozen=True)
class Subject:
    code: str
    label: str
    trin: tuple[int, ...]  # empty: the subject has no trin (FVU-start)


@dataclass(frozen=True)
class Tool:
    code: str
    label: str
    subjects: tuple[str, ...] | None  # None: usable for any subject

    def fits(self, subject: str) -> bool:
        return self.subjects is None or subject in self.subjects


@dataclass(frozen=True)
class Outcome:
    code: str
    label: str
    places: bool  # the person goes on a class (hold) in the screened subject
    refer_dyslexia: bool  # the outcome suggests a referral to Ordblindetesten


@dataclass(frozen=True)
class DyslexiaResult:
    code: str  # rød / gul / grøn
    label: str


class Catalog:
    """One loaded screening.json. Immutable after construction; get it from catalog()."""

    def __init__(self, data: dict):
        self.version: int = int(data["version"])
        self.subjects: tuple[Subject, ...] = tuple(
            Subject(s["code"], s["label"], tuple(int(t) for t in s["trin"]))
            for s in data["subjects"])
        self.tools: tuple[Tool, ...] = tuple(
            Tool(t["code"], t["label"],
                 None if t.get("subjects") is None else tuple(t["subjects"]))
            for t in data["tools"])
        self._outcomes: dict[str, tuple[Outcome, ...]] = {
            t["code"]: tuple(Outcome(o["code"], o["label"], bool(o["places"]),
                                     bool(o["refer_dyslexia"])) for o in t["outcomes"])
            for t in data["tools"]}
        dyslexia = data["dyslexia"]
        self.dyslexia_results: tuple[DyslexiaResult, ...] = tuple(
            DyslexiaResult(r["code"], r["label"]) for r in dyslexia["results"])
        self.dyslexia_valid_years: int = int(dyslexia["valid_years"])
        sizes = data["class_size"]
        self.class_min: int = int(sizes["min"])
        self.class_max: int = int(sizes["max"])
        self.obu_max: int = int(sizes["obu_max"])

        self._subjects = {s.code: s for s in self.subjects}
        self._tools = {t.code: t for t in self.tools}
        self._subject_keys = _index((s["code"], [s["code"], s["label"], *s.get("aliases", ())])
                                    for s in data["subjects"])
        # "FVU-læsning" and "læsning" are both found: the prefix is optional when typed.
        for key, code in list(self._subject_keys.items()):
            if key.startswith("fvu"):
                self._subject_keys.setdefault(key[3:], code)
        self._tool_keys = _index((t["code"], [t["code"], t["label"], *t.get("aliases", ())])
                                 for t in data["tools"])
        self._outcome_keys = {
            t["code"]: _index((o["code"], [o["code"], o["label"], *o.get("aliases", ())])
                              for o in t["outcomes"])
            for t in data["tools"]}
        self._dyslexia_keys = _index((r["code"], [r["code"], r["label"]])
                                     for r in dyslexia["results"])
        self._check()

    def _check(self) -> None:
        # A broken data file must fail at load, not when a consultant saves a screening.
        for tool in self.tools:
            for code in tool.subjects or ():
                if code not in self._subjects:
                    raise ValueError(f"screening.json: tool {tool.code} names unknown "
                                     f"subject {code!r}")
        if not 1 <= self.class_min <= self.class_max or self.obu_max < 1:
            raise ValueError("screening.json: class sizes need 1 <= min <= max, obu_max >= 1")

    # Look-ups by stored code --------------------------------------------------------------

    def subject(self, code: str) -> Subject:
        return self._subjects[code]

    def tool(self, code: str) -> Tool:
        return self._tools[code]

    def outcomes_for(self, tool_code: str) -> tuple[Outcome, ...]:
        return self._outcomes[tool_code]

    def outcome(self, tool_code: str, code: str) -> Outcome:
        return next(o for o in self._outcomes[tool_code] if o.code == code)

    def subject_label(self, code: str) -> str:
        """The label, or the code itself for a subject the catalog no longer has."""
        subject = self._subjects.get(code)
        return subject.label if subject else code

    # Parsing what people type -------------------------------------------------------------

    def parse_subject(self, text: object) -> str:
        key = choice_key(text)
        code = self._subject_keys.get(key) or self._subject_keys.get(key.removeprefix("fvu"))
        if code:
            return code
        choices = join_choices(s.label for s in self.subjects)
        if not key:
            raise ValidationError("subject", f"Fag mangler; vælg {choices}.")
        raise ValidationError("subject", f"Ukendt fag «{_shown(text)}»; vælg {choices}.")

    def parse_tool(self, text: object, subject: str) -> str:
        subject = self.parse_subject(subject)
        label = self.subject_label(subject)
        fitting = [t for t in self.tools if t.fits(subject)]
        code = self._tool_keys.get(choice_key(text))
        if code is None:
            what = "mangler" if not choice_key(text) else f"«{_shown(text)}» kendes ikke"
            raise ValidationError(
                "tool", f"Testværktøj {what}; vælg {join_choices(t.label for t in fitting)} "
                        f"til {label}.")
        tool = self._tools[code]
        if not tool.fits(subject):
            used_for = join_choices(self.subject_label(s) for s in tool.subjects or ())
            raise ValidationError(
                "tool", f"{tool.label} bruges til {used_for}; vælg "
                        f"{join_choices(t.label for t in fitting)} til {label}.")
        return code

    def parse_outcome(self, text: object, tool: str) -> str:
        tool_code = self._tool_keys.get(choice_key(tool))
        if tool_code is None:
            raise ValidationError(
                "tool", f"Ukendt testværktøj «{_shown(tool)}»; vælg "
                        f"{join_choices(t.label for t in self.tools)}.")
        key = choice_key(text)
        code = self._outcome_keys[tool_code].get(key)
        if code:
            return code
        label = self._tools[tool_code].label
        choices = join_choices(o.label for o in self._outcomes[tool_code])
        if not key:
            raise ValidationError("outcome", f"Udfald mangler for {label}; vælg {choices}.")
        known_elsewhere = any(key in keys for keys in self._outcome_keys.values())
        if known_elsewhere:
            raise ValidationError(
                "outcome", f"Udfaldet «{_shown(text)}» hører ikke til {label}; vælg {choices}.")
        raise ValidationError(
            "outcome", f"Ukendt udfald «{_shown(text)}» for {label}; vælg {choices}.")

    def parse_trin(self, value: object, subject: str, *, required: bool = False) -> int | None:
        """Empty gives None (the school places the trin after the screening) unless
        required; FVU-start takes no trin at all."""
        subject_ = self._subjects[self.parse_subject(subject)]
        if isinstance(value, bool):  # a ticked box is no trin
            raise ValidationError("trin", f"Trin skal være et tal: «{value}».")
        raw = "" if value is None else str(value).strip()
        raw = re.sub(r"^trin\s*", "", raw, flags=re.IGNORECASE)
        if re.fullmatch(r"[0-9]+\.0+", raw):  # 2.0 from a spreadsheet cell
            raw = raw.split(".")[0]
        choices = join_choices(subject_.trin)
        if not subject_.trin:
            if raw:
                raise ValidationError("trin", f"{subject_.label} har ingen trin.")
            return None
        if not raw:
            if required:
                raise ValidationError("trin", f"Trin mangler for {subject_.label}; vælg {choices}.")
            return None
        if not (raw.isascii() and raw.isdigit()):
            raise ValidationError(
                "trin", f"Trin skal være et tal: «{_shown(value)}»; vælg {choices}.")
        trin = int(raw)
        if trin not in subject_.trin:
            raise ValidationError(
                "trin", f"Trin {trin} findes ikke i {subject_.label}; vælg {choices}.")
        return trin

    def parse_dyslexia_result(self, text: object) -> str:
        code = self._dyslexia_keys.get(choice_key(text))
        if code:
            return code
        choices = join_choices(f"{r.code} ({r.label})" for r in self.dyslexia_results)
        if not choice_key(text):
            raise ValidationError("dyslexia_result",
                                  f"Resultat af ordblindetesten mangler; vælg {choices}.")
        raise ValidationError("dyslexia_result",
                              f"Ukendt resultat af ordblindetesten «{_shown(text)}»; "
                              f"vælg {choices}.")

    def dyslexia_valid_until(self, result_date: date) -> date:
        return add_years(result_date, self.dyslexia_valid_years)


def _index(entries: Iterable[tuple[str, list[str]]]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for code, names in entries:
        for name in names:
            for key in choice_keys(name):
                keys.setdefault(key, code)
    return keys


def _shown(value: object) -> str:
    return str(value if value is not None else "").strip()


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@cache
def _load(path: Path) -> Catalog:
    with path.open(encoding="utf-8") as handle:
        return Catalog(json.load(handle))


def catalog(path: Path | str | None = None) -> Catalog:
    """The catalog, read once per file (the shipped one unless a test passes its own)."""
    return _load(Path(path).resolve() if path is not None else DEFAULT_PATH)


def parse_subject(text: object) -> str:
    return catalog().parse_subject(text)


def parse_tool(text: object, subject: str) -> str:
    return catalog().parse_tool(text, subject)


def parse_outcome(text: object, tool: str) -> str:
    return catalog().parse_outcome(text, tool)


def parse_trin(value: object, subject: str, *, required: bool = False) -> int | None:
    return catalog().parse_trin(value, subject, required=required)


def parse_dyslexia_result(text: object) -> str:
    return catalog().parse_dyslexia_result(text)


def dyslexia_valid_until(result_date: date) -> date:
    return catalog().dyslexia_valid_until(result_date)
