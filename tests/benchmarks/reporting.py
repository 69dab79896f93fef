"""One line per figure: ours, the baseline measured in the same run, the target, PASS/FAIL."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_TARGET = re.compile(r"^\s*(<=|>=|<|>)\s*([0-9][0-9_.,]*)\s*(x?)\s*$")


def check(target: str, value: float, baseline: float | None) -> bool:
    """`target` is "<= 30" (in the figure's unit), ">= 50000", or "<= 4x" (times the baseline)."""
    match = _TARGET.match(target)
    if not match:
        raise ValueError(f"target {target!r}: write e.g. '<= 30', '>= 50000' or '<= 4x'")
    operator, number, times = match.groups()
    limit = float(number.replace("_", "").replace(",", ""))
    if times:
        if not baseline:
            raise ValueError(f"target {target!r} needs a baseline value")
        limit *= baseline
    return {"<=": value <= limit, ">=": value >= limit,
            "<": value < limit, ">": value > limit}[operator]


def _number(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}" if value < 10 else f"{value:.1f}"


@dataclass
class Reporter:
    failed: list[str] = field(default_factory=list)
    passed: int = 0
    skipped: list[str] = field(default_factory=list)

    def scoped(self, module: str) -> ScopedReport:
        return ScopedReport(self, module)

    def line(self, name: str, value: float, unit: str, baseline_value: float | None,
             baseline_label: str, target: str) -> bool:
        ok = check(target, value, baseline_value)
        baseline = ("baseline " + _number(baseline_value) + f" {unit} ({baseline_label})"
                    if baseline_value is not None else f"baseline: {baseline_label}")
        ratio = (f" = {value / baseline_value:.1f}x" if baseline_value else "")
        verdict = "PASS" if ok else "FAIL"
        print(f"{name:<28} {_number(value):>10} {unit:<7}| {baseline}{ratio} "
              f"| target {target.strip()} {'' if 'x' in target else unit} {verdict}", flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed.append(name)
        return ok

    def error(self, module: str) -> None:
        print(f"{module:<28} ERROR (see the traceback above)", flush=True)
        self.failed.append(module)

    def summary(self) -> int:
        print(f"== {self.passed} passed, {len(self.failed)} failed, "
              f"{len(self.skipped)} skipped"
              + (f" (failed: {', '.join(self.failed)})" if self.failed else ""))
        return 1 if self.failed else 0


@dataclass
class ScopedReport:
    """What a benchmark's run() receives: call it for a figure, .skip() when it cannot run."""

    reporter: Reporter
    module: str

    def __call__(self, name: str, value: float, unit: str, baseline_value: float | None,
                 baseline_label: str, target: str) -> bool:
        return self.reporter.line(f"{self.module}.{name}", value, unit, baseline_value,
                                  baseline_label, target)

    def skip(self, name: str, reason: str) -> None:
        print(f"{self.module + '.' + name:<28} SKIPPED: {reason}", flush=True)
        self.reporter.skipped.append(f"{self.module}.{name}")

    def note(self, text: str) -> None:
        print(f"   # {text}", flush=True)
