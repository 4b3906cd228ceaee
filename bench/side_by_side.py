"""One table of figures measured with encryption off and on, side by side (issue 15).

The benches measure each scenario once per mode and print a row per figure: the plain store's
value, the encrypted store's, their ratio (what encryption costs), the target and whether both
meet it. A mode that was not run (``--encryption off`` or ``on``) shows a dash.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

__all__ = ["MODES", "Row", "add_encryption_option", "format_table", "modes"]

MODES = ("off", "on")
Value = float | str | None


def add_encryption_option(parser: argparse.ArgumentParser, default: str = "both") -> None:
    parser.add_argument("--encryption", choices=("off", "on", "both"), default=default,
                        help="measure with a plain store, an encrypted one (a random key), or "
                             f"both side by side (default {default})")


def modes(choice: str) -> tuple[str, ...]:
    return MODES if choice == "both" else (choice,)


@dataclass(frozen=True)
class Row:
    """A figure in both modes; ``limit`` is its target (the value must not exceed it)."""

    name: str
    off: Value
    on: Value
    unit: str = ""  # "s", "ms", "MB", "×", or "" for a count
    limit: float | None = None
    shared: bool = False  # one measurement shown in both columns: no ratio

    def cell(self, value: Value) -> str:
        if value is None:
            return "–"
        if isinstance(value, str):
            return value
        if self.unit == "s":
            return f"{value:.2f} s"
        if self.unit == "×":
            return f"{value:.2f}×"
        if self.unit:
            return f"{value:.0f} {self.unit}"
        return f"{value:,.0f}"

    def ratio(self) -> str:
        if not self.unit or self.shared:
            return ""  # a count, or one figure for both: not a cost of encryption
        if isinstance(self.off, float | int) and isinstance(self.on, float | int) and self.off > 0:
            return f"{self.on / self.off:.2f}×"
        return ""

    def target(self) -> str:
        if self.limit is None:
            return ""
        if self.unit == "×":
            return f"≤ {self.limit:g}×"
        return f"≤ {self.limit:g} {self.unit}".rstrip()

    def verdict(self) -> str:
        if self.limit is None:
            return ""
        measured = {m: v for m, v in zip(MODES, (self.off, self.on), strict=True)
                    if isinstance(v, float | int)}
        failed = [m for m, v in measured.items() if v > self.limit]
        if not measured:
            return ""
        if not failed:
            return "yes"
        return "NO" if len(failed) == len(measured) else f"NO ({', '.join(failed)})"


def format_table(rows: list[Row]) -> str:
    header = ("figure", "off", "on", "on/off", "target", "ok")
    cells = [(r.name, r.cell(r.off), r.cell(r.on), r.ratio(), r.target(), r.verdict())
             for r in rows]
    widths = [max(len(c[i]) for c in [header, *cells]) for i in range(len(header))]
    lines = []
    for line in [header, None, *cells]:
        if line is None:
            lines.append("  ".join("-" * w for w in widths).rstrip())
            continue
        name, *rest = line
        parts = [name.ljust(widths[0])] + [c.rjust(w) for c, w in zip(rest[:-1], widths[1:-1],
                                                                        strict=True)]
        parts.append(rest[-1])
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)
