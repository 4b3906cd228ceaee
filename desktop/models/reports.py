"""The four reports, as plain rows: open applications, items, issued devices, overdue returns.

Each report is a ``Report``: column headers in the user's language (Latvian, or English with
``language="en"``), rows of plain values (str, int, date), and the series its bar chart shows. The screen, the CSV file and the PDF all draw from the
same ``Report``, so they cannot disagree. CSV files are UTF-8 with a byte-order mark and
semicolons, which is what a spreadsheet in a Latvian locale opens as columns.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import and_, exists, select

from desktop.models.codes import ApplicationStatus, HandoverStatus, ItemStatus
from desktop.models.csv_cells import neutral
from desktop.models.schema import Application, Handover, Item, ResourceKind
from desktop.models.store import Store

Value = str | int | date | None

REPORT_KINDS = ("applications", "items", "issued", "overdue")

TITLES: dict[str, str] = {
    "applications": "Atvērtie pieteikumi pa statusiem un resursu veidiem",
    "items": "Resursi pa statusiem",
    "issued": "Izsniegtie resursi pa klasēm",
    "overdue": "Kavēta atgriešana",
}

# Open: not decided yet, or granted and waiting for the handover (not yet issued).
OPEN_STATUSES = (ApplicationStatus.SUBMITTED, ApplicationStatus.POSTPONED,
                 ApplicationStatus.CONFIRMED)
_HANDED_OUT = (HandoverStatus.ISSUED, HandoverStatus.RETURNED, HandoverStatus.LOST,
               HandoverStatus.STOLEN)
NO_CLASS = "Bez klases"  # staff, and learners whose class is not known
OVERDUE_BUCKETS = ((7, "1–7 dienas"), (30, "8–30 dienas"), (90, "31–90 dienas"),
                   (None, "vairāk nekā 90 dienas"))
TOTAL = "Kopā"

# The core has no Qt translator: a report's fixed texts are kept here in English too, keyed by
# the Latvian text (the Latvian stays the source, as in the views' tr() strings).
ENGLISH: dict[str, str] = {
    TITLES["applications"]: "Open applications by status and device type",
    TITLES["items"]: "Devices by status",
    TITLES["issued"]: "Issued devices by class",
    TITLES["overdue"]: "Overdue returns",
    NO_CLASS: "No class",
    "1–7 dienas": "1–7 days",
    "8–30 dienas": "8–30 days",
    "31–90 dienas": "31–90 days",
    "vairāk nekā 90 dienas": "more than 90 days",
    TOTAL: "Total",
    "Resursa veids": "Device type",
    "Statuss": "Status",
    "Klase": "Class",
    "Pieteikums": "Application",
    "Izglītojamais": "Learner",
    "Inventāra Nr.": "Inventory no.",
    "Jāatgriež līdz": "Due back by",
    "Nokavētas dienas": "Days overdue",
    "Atvērtie pieteikumi pa statusiem": "Open applications by status",
    "Resursi pa statusiem": "Devices by status",
    "Izsniegtie resursi pa klasēm": "Issued devices by class",
    "Nokavējuma ilgums": "How long overdue",
}


def is_total_row(row: Sequence[Value]) -> bool:
    """Whether ``row`` is a report's closing "Kopā"/"Total" row (drawn bold)."""
    return bool(row) and row[0] in (TOTAL, ENGLISH[TOTAL])


def text(latvian: str, language: str = "lv") -> str:
    """A report's fixed text in ``language`` ("lv" or "en"); Latvian when there is no English."""
    return ENGLISH.get(latvian, latvian) if language == "en" else latvian


@dataclass(frozen=True)
class Report:
    """One report, ready for the screen, a CSV file or a PDF."""

    kind: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    chart_title: str
    chart: tuple[tuple[str, int], ...]  # (label, value) bars
    numeric: frozenset[int] = field(default_factory=frozenset)  # right-aligned columns
    generated_on: date | None = None

    @property
    def total(self) -> int:
        return sum(v for _, v in self.chart)


class ReportKindError(ValueError):
    def __init__(self, kind: str) -> None:
        super().__init__(f"unknown report {kind!r}; choose one of {', '.join(REPORT_KINDS)}")
        self.message_lv = (f"Nezināms pārskats „{kind}“; izvēlieties kādu no: "
                           f"{', '.join(REPORT_KINDS)}")


def _kind_labels(store: Store, language: str = "lv") -> dict[str, str]:
    """Each resource kind's name; in English the Latvian name stands in for a missing one."""
    query = select(ResourceKind.code, ResourceKind.label_lv, ResourceKind.label_en)
    with store.read() as s:
        return {code: (english if language == "en" and english else latvian) or code
                for code, latvian, english in s.execute(query)}


def _by_label(kinds: dict[str, str]) -> Callable[[str], str]:
    """Sort key for kind codes: their label, case-folded (the code when it has no label)."""
    def key(code: str) -> str:
        return kinds.get(code, code).casefold()
    return key


def _class_key(name: str, no_class: str = NO_CLASS) -> tuple[int, str]:
    """Natural order of classes: 2.a before 10.a; those without a class last."""
    if name == no_class:
        return (10_000, "")
    m = re.match(r"\s*(\d+)", name)
    return (int(m.group(1)) if m else 9_999, name.casefold())


def applications_report(store: Store, institution_id: str, today: date | None = None,
                        language: str = "lv") -> Report:
    kinds = _kind_labels(store, language)
    handed_out = exists().where(Handover.application_id == Application.id,
                                Handover.status.in_([s.value for s in _HANDED_OUT]))
    with store.read() as s:
        found = s.execute(
            select(Application.kind_code, Application.status)
            .where(Application.institution_id == institution_id,
                   Application.status.in_([st.value for st in OPEN_STATUSES]),
                   # a granted application whose device went out is no longer "open"
                   ~and_(Application.status == ApplicationStatus.CONFIRMED.value, handed_out))
        ).all()
    counts: dict[str, Counter[ApplicationStatus]] = defaultdict(Counter)
    for kind, status in found:
        counts[kind][ApplicationStatus(status)] += 1
    rows: list[tuple[Value, ...]] = []
    for kind in sorted(counts, key=_by_label(kinds)):
        c = counts[kind]
        rows.append((kinds.get(kind, kind), *(c[st] for st in OPEN_STATUSES),
                     sum(c.values())))
    by_status = Counter(ApplicationStatus(st) for _, st in found)
    total = text(TOTAL, language)
    totals: tuple[Value, ...] = (total, *(by_status[st] for st in OPEN_STATUSES), len(found))
    return Report(
        kind="applications", title=text(TITLES["applications"], language),
        columns=(text("Resursa veids", language),
                 *(st.label(language) for st in OPEN_STATUSES), total),
        rows=(*rows, totals) if rows else (),
        chart_title=text("Atvērtie pieteikumi pa statusiem", language),
        chart=tuple((st.label(language), by_status[st]) for st in OPEN_STATUSES),
        numeric=frozenset(range(1, len(OPEN_STATUSES) + 2)), generated_on=today,
    )


def items_report(store: Store, institution_id: str, today: date | None = None,
                 language: str = "lv") -> Report:
    kinds = _kind_labels(store, language)
    with store.read() as s:
        found = s.execute(select(Item.kind_code, Item.status)
                          .where(Item.institution_id == institution_id)).all()
    kind_codes = sorted({k for k, _ in found}, key=_by_label(kinds))
    counts: dict[ItemStatus, Counter[str]] = defaultdict(Counter)
    for kind, status in found:
        counts[ItemStatus(status)][kind] += 1
    total = text(TOTAL, language)
    rows: list[tuple[Value, ...]] = [
        (st.label(language), *(counts[st][k] for k in kind_codes), sum(counts[st].values()))
        for st in ItemStatus if counts[st]]
    if rows:
        rows.append((total, *(sum(counts[st][k] for st in counts) for k in kind_codes),
                     len(found)))
    return Report(
        kind="items", title=text(TITLES["items"], language),
        columns=(text("Statuss", language), *(kinds.get(k, k) for k in kind_codes), total),
        rows=tuple(rows), chart_title=text("Resursi pa statusiem", language),
        chart=tuple((st.label(language), sum(counts[st].values()))
                    for st in ItemStatus if counts[st]),
        numeric=frozenset(range(1, len(kind_codes) + 2)), generated_on=today,
    )


def issued_report(store: Store, institution_id: str, today: date | None = None,
                  language: str = "lv") -> Report:
    kinds = _kind_labels(store, language)
    no_class = text(NO_CLASS, language)
    with store.read() as s:
        found = s.execute(
            select(Application.learner_class, Item.kind_code)
            .join(Handover, Handover.application_id == Application.id)
            .outerjoin(Item, Item.id == Handover.item_id)
            .where(Application.institution_id == institution_id,
                   Handover.status == HandoverStatus.ISSUED.value)
        ).all()
    by_class: dict[str, Counter[str]] = defaultdict(Counter)
    for learner_class, kind in found:
        by_class[(learner_class or "").strip() or no_class][kind or "?"] += 1
    kind_codes = sorted({k or "?" for _, k in found}, key=_by_label(kinds))
    classes = sorted(by_class, key=lambda name: _class_key(name, no_class))
    rows: list[tuple[Value, ...]] = [
        (name, *(by_class[name][k] for k in kind_codes), sum(by_class[name].values()))
        for name in classes]
    if rows:
        rows.append((text(TOTAL, language),
                     *(sum(c[k] for c in by_class.values()) for k in kind_codes), len(found)))
    return Report(
        kind="issued", title=text(TITLES["issued"], language),
        columns=(text("Klase", language), *(kinds.get(k, k) for k in kind_codes),
                 text(TOTAL, language)),
        rows=tuple(rows), chart_title=text("Izsniegtie resursi pa klasēm", language),
        chart=tuple((name, sum(by_class[name].values())) for name in classes),
        numeric=frozenset(range(1, len(kind_codes) + 2)), generated_on=today,
    )


def overdue_report(store: Store, institution_id: str, today: date | None = None,
                   language: str = "lv") -> Report:
    """Issued devices whose return date has passed, the longest overdue first."""
    today = today or date.today()
    kinds = _kind_labels(store, language)
    with store.read() as s:
        found = s.execute(
            select(Application.number, Application.learner_name, Application.learner_class,
                   Item.inventory_no, Item.kind_code, Handover.return_deadline)
            .join(Handover, Handover.application_id == Application.id)
            .outerjoin(Item, Item.id == Handover.item_id)
            .where(Application.institution_id == institution_id,
                   Handover.status == HandoverStatus.ISSUED.value,
                   Handover.return_deadline < today)
            .order_by(Handover.return_deadline, Application.number)
        ).all()
    rows: list[tuple[Value, ...]] = []
    buckets: Counter[str] = Counter()
    for number, learner, learner_class, inventory_no, kind, deadline in found:
        assert deadline is not None  # the query keeps only deadlines before today
        late = (today - deadline).days
        rows.append((number, learner, learner_class or "—", inventory_no or "—",
                     kinds.get(kind or "", kind or "—"), deadline, late))
        buckets[_bucket(late)] += 1
    return Report(
        kind="overdue", title=text(TITLES["overdue"], language),
        columns=tuple(text(c, language) for c in (
            "Pieteikums", "Izglītojamais", "Klase", "Inventāra Nr.", "Resursa veids",
            "Jāatgriež līdz", "Nokavētas dienas")),
        rows=tuple(rows), chart_title=text("Nokavējuma ilgums", language),
        chart=tuple((text(label, language), buckets[label]) for _, label in OVERDUE_BUCKETS),
        numeric=frozenset({6}), generated_on=today,
    )


def _bucket(days: int) -> str:
    for limit, label in OVERDUE_BUCKETS:
        if limit is None or days <= limit:
            return label
    raise AssertionError("unreachable")  # pragma: no cover


_BUILDERS: dict[str, Callable[[Store, str, date | None, str], Report]] = {
    "applications": applications_report,
    "items": items_report,
    "issued": issued_report,
    "overdue": overdue_report,
}


def build_report(store: Store, kind: str, institution_id: str,
                 today: date | None = None, language: str = "lv") -> Report:
    """The report called ``kind`` (one of ``REPORT_KINDS``) for one school, its titles,
    columns and labels in ``language`` ("lv" or "en")."""
    try:
        builder = _BUILDERS[kind]
    except KeyError:
        raise ReportKindError(kind) from None
    return builder(store, institution_id, today or date.today(), language)


# -- CSV ---------------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def write_csv(out: TextIO, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write a header and rows; return the number of rows. Dates as DD.MM.YYYY."""
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([neutral(c) for c in columns])
    n = 0
    for row in rows:
        writer.writerow([neutral(_cell(v)) for v in row])
        n += 1
    return n


def report_csv(report: Report) -> bytes:
    """The report as CSV bytes (UTF-8 with BOM, semicolons)."""
    buffer = io.StringIO()
    write_csv(buffer, report.columns, report.rows)
    return buffer.getvalue().encode("utf-8-sig")


def save_csv(report: Report, path: Path) -> Path:
    path.write_bytes(report_csv(report))
    return path
