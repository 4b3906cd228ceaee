"""Spreadsheet-safe cells in every CSV export (reports, audit log) and their import check."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from desktop.models.csv_cells import is_formula, neutral
from desktop.models.reports import write_csv


@pytest.mark.parametrize(("cell", "written"), [
    ("=HYPERLINK(\"http://x.lv\")", "'=HYPERLINK(\"http://x.lv\")"),
    ("+cmd|' /c calc'!A0", "'+cmd|' /c calc'!A0"), ("@SUM(1)", "'@SUM(1)"),
    ("-2+3", "'-2+3"), ("\t=1", "'\t=1"), ("Jānis Bērziņš", "Jānis Bērziņš"),
    ("+37120000000", "'+37120000000"), ("", "")])
def test_neutral(cell: str, written: str) -> None:
    assert neutral(cell) == written


@pytest.mark.parametrize(("cell", "formula"), [
    ("=1+1", True), ("@SUM(1)", True), ("+cmd|' /c calc'!A0", True), ("-2+3", True),
    (" =1", True), ("-5", False), ("+37120000000", False), ("649,99", False),
    ("Ķīmijas kabinets", False), ("2.b", False)])
def test_is_formula(cell: str, formula: bool) -> None:
    assert is_formula(cell) is formula


def test_report_and_audit_csv_cells_are_written_as_text() -> None:
    out = io.StringIO()
    write_csv(out, ["Vārds", "Datums"], [["=HYPERLINK(\"http://x.lv\")", date(2026, 9, 3)],
                                         ["Līga Šķēle-Ņikitina", None]])
    rows = list(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))
    assert rows == [["Vārds", "Datums"], ["'=HYPERLINK(\"http://x.lv\")", "03.09.2026"],
                    ["Līga Šķēle-Ņikitina", ""]]
