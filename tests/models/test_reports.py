"""The four reports: what counts as open, issued, overdue; CSV bytes as a spreadsheet reads them."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from sqlalchemy import select

from desktop.models.codes import ApplicationStatus, HandoverStatus, ItemStatus
from desktop.models.reports import (
    NO_CLASS,
    REPORT_KINDS,
    ReportKindError,
    build_report,
    report_csv,
)
from desktop.models.schema import Handover
from desktop.models.store import Store
from factories import SCHOOL, add_application, add_handover, add_item, seed_catalogue

TODAY = date(2026, 11, 20)


@pytest.fixture
def school(store: Store) -> Store:
    seed_catalogue(store)
    return store


def _issue(store: Store, learner_class: str | None, deadline: date | None,
           kind: str = "windows_laptop", learner: str = "Jānis Bērziņš") -> int:
    app_id = add_application(store, status=ApplicationStatus.CONFIRMED, kind=kind,
                             learner=learner, learner_class=learner_class)  # type: ignore[arg-type]
    item = add_item(store, kind=kind, status=ItemStatus.IN_USE)
    h_id = add_handover(store, app_id, item, HandoverStatus.ISSUED)
    with store.write() as s:
        h = s.get(Handover, h_id)
        assert h is not None
        h.return_deadline = deadline
    return app_id


def test_open_applications_by_status_and_kind(school: Store) -> None:
    add_application(school, status=ApplicationStatus.SUBMITTED)
    add_application(school, status=ApplicationStatus.SUBMITTED, kind="chromebook_laptop")
    add_application(school, status=ApplicationStatus.POSTPONED)
    add_application(school, status=ApplicationStatus.CONFIRMED)  # waiting for the desk
    add_application(school, status=ApplicationStatus.DECLINED)  # closed: not counted
    add_application(school, status=ApplicationStatus.SUBMITTED, institution="4313900999")
    _issue(school, "5.a", date(2027, 6, 1))  # granted and handed out: no longer open

    r = build_report(school, "applications", SCHOOL, TODAY)
    assert r.columns == ("Resursa veids", "Iesniegts", "Atlikta izskatīšana", "Piešķirts",
                         "Kopā")
    assert r.rows == (
        ("Chromebook portatīvais dators", 1, 0, 0, 1),
        ("Windows portatīvais dators", 1, 1, 1, 3),
        ("Kopā", 2, 1, 1, 4),
    )
    assert r.chart == (("Iesniegts", 2), ("Atlikta izskatīšana", 1), ("Piešķirts", 1))
    assert r.total == 4


def test_items_by_status_per_kind(school: Store) -> None:
    for status in (ItemStatus.AVAILABLE, ItemStatus.AVAILABLE, ItemStatus.IN_USE,
                   ItemStatus.DAMAGED):
        add_item(school, status=status)
    add_item(school, kind="tablet", status=ItemStatus.AVAILABLE)
    add_item(school, status=ItemStatus.LOST, institution="4313900999")
    r = build_report(school, "items", SCHOOL, TODAY)
    assert r.columns == ("Statuss", "Planšetdators", "Windows portatīvais dators", "Kopā")
    assert r.rows == (
        ("Pieejams", 1, 2, 3),
        ("Lietošanā", 0, 1, 1),
        ("Bojāts", 0, 1, 1),
        ("Kopā", 1, 4, 5),
    )
    assert dict(r.chart) == {"Pieejams": 3, "Lietošanā": 1, "Bojāts": 1}


def test_issued_devices_per_class_in_natural_order(school: Store) -> None:
    _issue(school, "10.a", None)
    _issue(school, "2.b", None)
    _issue(school, "2.b", None, kind="chromebook_laptop")
    _issue(school, None, None)  # an employee: no class
    r = build_report(school, "issued", SCHOOL, TODAY)
    assert [row[0] for row in r.rows] == ["2.b", "10.a", NO_CLASS, "Kopā"]
    assert r.rows[0] == ("2.b", 1, 1, 2)
    assert r.rows[-1] == ("Kopā", 1, 3, 4)
    assert r.chart == (("2.b", 2), ("10.a", 1), (NO_CLASS, 1))


def test_overdue_returns_longest_first_with_buckets(school: Store) -> None:
    _issue(school, "7.b", date(2026, 11, 19), learner="Anna Kalniņa")  # 1 day late
    _issue(school, "9.c", date(2026, 6, 1), learner="Ēriks Šņore")  # 172 days
    _issue(school, "9.c", date(2026, 11, 20))  # due today: not late yet
    _issue(school, "9.c", None)  # no return date
    r = build_report(school, "overdue", SCHOOL, TODAY)
    assert [(row[1], row[5], row[6]) for row in r.rows] == [
        ("Ēriks Šņore", date(2026, 6, 1), 172),
        ("Anna Kalniņa", date(2026, 11, 19), 1),
    ]
    assert dict(r.chart) == {"1–7 dienas": 1, "8–30 dienas": 0, "31–90 dienas": 0,
                             "vairāk nekā 90 dienas": 1}


def test_reports_in_english(school: Store) -> None:
    add_application(school, status=ApplicationStatus.SUBMITTED)
    add_item(school, status=ItemStatus.AVAILABLE)
    _issue(school, None, date(2026, 6, 1), learner="Ēriks Šņore")  # no class, 172 days late

    r = build_report(school, "applications", SCHOOL, TODAY, language="en")
    assert r.title == "Open applications by status and device type"
    assert r.columns == ("Device type", "Submitted", "Postponed", "Granted", "Total")
    assert r.rows[0][0] == "Windows laptop" and r.rows[-1][0] == "Total"
    assert r.chart_title == "Open applications by status"

    r = build_report(school, "items", SCHOOL, TODAY, language="en")
    assert r.columns == ("Status", "Windows laptop", "Total")
    assert [row[0] for row in r.rows] == ["Available", "In use", "Total"]

    r = build_report(school, "issued", SCHOOL, TODAY, language="en")
    assert (r.title, r.columns[0]) == ("Issued devices by class", "Class")
    assert [row[0] for row in r.rows] == ["No class", "Total"]

    r = build_report(school, "overdue", SCHOOL, TODAY, language="en")
    assert r.columns == ("Application", "Learner", "Class", "Inventory no.", "Device type",
                         "Due back by", "Days overdue")
    assert r.rows[0][4] == "Windows laptop"
    assert dict(r.chart) == {"1–7 days": 0, "8–30 days": 0, "31–90 days": 0,
                             "more than 90 days": 1}
    # the data stays as recorded; every fixed text is English
    fixed = [r.title, r.chart_title, *r.columns, *(label for label, _ in r.chart)]
    assert not [t for t in fixed if re.search(r"[āčēģīķļņšūž]", t)], fixed


def test_csv_opens_as_columns_with_latvian_letters(school: Store) -> None:
    _issue(school, "9.c", date(2026, 6, 1), learner="Ēriks Šņore")
    data = report_csv(build_report(school, "overdue", SCHOOL, TODAY))
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so spreadsheets pick UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Pieteikums", "Izglītojamais"]
    assert rows[1][1:3] == ["Ēriks Šņore", "9.c"]
    assert rows[1][5:] == ["01.06.2026", "172"]


def test_empty_store_gives_empty_reports(school: Store) -> None:
    for kind in REPORT_KINDS:
        r = build_report(school, kind, SCHOOL, TODAY)
        assert r.rows == ()
        assert r.total == 0


def test_unknown_report_is_refused_in_latvian(school: Store) -> None:
    with pytest.raises(ReportKindError) as err:
        build_report(school, "learners", SCHOOL, TODAY)
    assert "Nezināms pārskats" in err.value.message_lv


def test_reports_on_the_seeded_school_add_up(tmp_path) -> None:
    from bench.seed import DEFAULT_INSTITUTION, seed
    from desktop.models.schema import Application
    from desktop.models.store import open_store

    seed(tmp_path / "seed", 400)
    store = open_store(tmp_path / "seed")
    try:
        issued = build_report(store, "issued", DEFAULT_INSTITUTION, TODAY)
        with store.read() as s:
            count = len(s.scalars(select(Handover.id).join(Application).where(
                Application.institution_id == DEFAULT_INSTITUTION,
                Handover.status == HandoverStatus.ISSUED.value)).all())
        assert issued.total == count > 0
        assert issued.rows[-1][-1] == count
        items = build_report(store, "items", DEFAULT_INSTITUTION, TODAY)
        assert items.rows[-1][-1] == items.total
    finally:
        store.close()
