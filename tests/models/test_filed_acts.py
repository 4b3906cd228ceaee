"""The school's filed acts (the desk's act list) and the overdue list with contacts: what is
listed, newest first, found by numbers and names without diacritics, whether the file is here,
and the overdue CSV (BOM, semicolons, defused formula cells)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.models import acts, desk
from desktop.models.codes import ApplicationStatus, HandoverStatus, ItemStatus, ReturnCondition
from desktop.models.decisions import grant
from desktop.models.handovers import record_return
from desktop.models.schema import Application, Handover, Item, new_id
from desktop.models.store import Store
from factories import (
    DESK,
    OTHER_SCHOOL,
    REVIEWER,
    add_application,
    add_handover,
    add_item,
    seed_catalogue,
)

NOW = datetime(2026, 9, 3, 9, 0, tzinfo=UTC)
PDF = b"%PDF-1.4 akts"


@pytest.fixture
def seeded(store: Store) -> Store:
    seed_catalogue(store)
    return store


def _issued(store: Store, learner: str, submitter: str, *, issued_at: datetime,
            inventory_no: str | None = None, learner_class: str = "7.b") -> tuple[int, str, str]:
    """A granted application whose device was handed over at ``issued_at``: (app, handover,
    act number)."""
    item_id = add_item(store, inventory_no=inventory_no)
    app_id = add_application(store, learner=learner, submitter=submitter,
                             learner_class=learner_class)
    grant(store, REVIEWER, app_id, item_id=item_id, return_deadline=date(2027, 6, 30), now=NOW)
    card = desk.start_handover(store, DESK, app_id, now=NOW)
    with store.write() as s:
        h = s.get(Handover, card.handover_id)
        assert h is not None
        h.status, h.issued_at = HandoverStatus.ISSUED, issued_at
        item = s.get(Item, item_id)
        assert item is not None
        item.status = ItemStatus.IN_USE
    return app_id, card.handover_id, card.act_number


@pytest.fixture
def school(seeded: Store) -> dict[str, tuple[int, str, str]]:
    """Three acts filed here (one also returned), one filed on another workstation and not
    fetched yet, and a handover only prepared (no act)."""
    cases = {
        "zanis": _issued(seeded, "Žanis Ģērķis", "Līga Ģērķe", issued_at=NOW - timedelta(days=30),
                         inventory_no="RAVĢ-0042"),
        "anna": _issued(seeded, "Anna Ozoliņa", "Pēteris Ozoliņš", issued_at=NOW - timedelta(days=20)),
        "kristaps": _issued(seeded, "Kristaps Šķēle", "Ērika Šķēle",
                            issued_at=NOW - timedelta(days=10), learner_class="9.a"),
        "remote": _issued(seeded, "Ņikita Čakste", "Ūna Čakste", issued_at=NOW - timedelta(days=5)),
    }
    for key in ("zanis", "anna", "kristaps"):
        desk.file_act(seeded, DESK, cases[key][1], PDF + key.encode(), now=NOW)
    with seeded.write() as s:  # another workstation filed it: the id came, the file did not yet
        h = s.get(Handover, cases["remote"][1])
        assert h is not None
        h.act_document_id, h.act_sha256 = new_id(), "0" * 64
    record_return(seeded, DESK, cases["anna"][1], ReturnCondition.RETURNED_WORKING_ORDER,
                  now=NOW)
    desk.file_act(seeded, DESK, cases["anna"][1], PDF + b" atgriezts", returned=True, now=NOW)
    prepared_item = add_item(seeded)
    prepared = add_application(seeded, learner="Gatis Ļaudis")
    grant(seeded, REVIEWER, prepared, item_id=prepared_item, now=NOW)
    desk.start_handover(seeded, DESK, prepared, now=NOW)
    return cases


def _numbers(rows: list[acts.ActRow]) -> list[str]:
    return [r.learner_name for r in rows]


def test_every_filed_act_newest_first(seeded: Store, school) -> None:
    rows = acts.acts(seeded, DESK)
    assert _numbers(rows) == ["Ņikita Čakste", "Kristaps Šķēle", "Anna Ozoliņa", "Žanis Ģērķis"]
    zanis = rows[3]
    app_id, handover_id, act_number = school["zanis"]
    assert (zanis.handover_id, zanis.application_id, zanis.act_number) == (
        handover_id, app_id, act_number)
    assert zanis.applicant_name == "Līga Ģērķe" and zanis.inventory_no == "RAVĢ-0042"
    assert zanis.application_number.startswith("P-2026-")
    assert zanis.status is HandoverStatus.ISSUED and zanis.issued_at == NOW - timedelta(days=30)
    assert zanis.available and not zanis.returned_act_available
    assert not zanis.issued_on_paper


def test_the_act_filed_elsewhere_is_listed_and_not_available(seeded: Store, school) -> None:
    remote = acts.acts(seeded, DESK)[0]
    assert remote.handover_id == school["remote"][1]
    assert not remote.available and not remote.returned_act_available


def test_a_returned_case_has_both_acts(seeded: Store, school) -> None:
    (anna,) = acts.acts(seeded, DESK, "ozolina")
    assert anna.status is HandoverStatus.RETURNED
    assert anna.available and anna.returned_act_available


def test_an_act_filed_before_acts_were_shared_is_found_by_its_title(seeded: Store,
                                                                    school) -> None:
    with seeded.write() as s:
        h = s.get(Handover, school["zanis"][1])
        assert h is not None
        h.act_document_id = None
    (zanis,) = acts.acts(seeded, DESK, "žanis")
    assert zanis.available


def test_a_damaged_file_is_not_available(seeded: Store, school) -> None:
    path = desk.act_path(seeded, DESK, school["kristaps"][1])
    assert path is not None
    path.write_bytes(b"%PDF-1.4 changed")
    (kristaps,) = acts.acts(seeded, DESK, "šķēle")
    assert not kristaps.available
    path.unlink()
    assert not acts.acts(seeded, DESK, "skele")[0].available


@pytest.mark.parametrize("text", ["ģērķis", "gerkis", "GĒRĶE", "līga", "liga gerke",
                                  "RAVĢ-0042", "ravĢ-0042"])
def test_found_by_names_without_diacritics_and_the_scanned_label(seeded: Store, school,
                                                                 text: str) -> None:
    assert _numbers(acts.acts(seeded, DESK, text)) == ["Žanis Ģērķis"]


def test_found_by_application_and_act_number(seeded: Store, school) -> None:
    app_id, _, act_number = school["kristaps"]
    with seeded.read() as s:
        app = s.get(Application, app_id)
        assert app is not None
        number = app.number
    assert _numbers(acts.acts(seeded, DESK, number)) == ["Kristaps Šķēle"]
    assert _numbers(acts.acts(seeded, DESK, act_number)) == ["Kristaps Šķēle"]
    assert _numbers(acts.acts(seeded, DESK, act_number.lower())) == ["Kristaps Šķēle"]
    assert _numbers(acts.acts(seeded, DESK, "ērika 9.a")) == ["Kristaps Šķēle"]
    assert acts.acts(seeded, DESK, "Ņina Ķirse") == []
    assert acts.acts(seeded, DESK, "%") == []  # a LIKE wildcard is a plain character


def test_limit_and_another_schools_acts(seeded: Store, school) -> None:
    assert len(acts.acts(seeded, DESK, limit=2)) == 2
    other = add_application(seeded, institution=OTHER_SCHOOL, status=ApplicationStatus.CONFIRMED,
                            learner="Žanis Ģērķis")
    handover_id = add_handover(seeded, other, None, HandoverStatus.ISSUED)
    with seeded.write() as s:
        h = s.get(Handover, handover_id)
        assert h is not None
        h.act_number, h.act_document_id = "P-2026-999999-A1", new_id()
    assert _numbers(acts.acts(seeded, DESK, "žanis")) == ["Žanis Ģērķis"]
    assert all(r.handover_id != handover_id for r in acts.acts(seeded, DESK))


def test_signed_on_paper_is_said(seeded: Store, school) -> None:
    with seeded.write() as s:
        h = s.get(Handover, school["zanis"][1])
        assert h is not None
        h.issued_on_paper = True
    assert acts.acts(seeded, DESK, "žanis")[0].issued_on_paper


# -- overdue ---------------------------------------------------------------------------------


def _late(store: Store, learner: str, submitter: str, days: int, *, phone: str | None,
          email: str | None) -> str:
    app_id = add_application(store, status=ApplicationStatus.CONFIRMED, learner=learner,
                             submitter=submitter)
    handover_id = add_handover(store, app_id, add_item(store, status=ItemStatus.IN_USE),
                               HandoverStatus.ISSUED)
    with store.write() as s:
        h = s.get(Handover, handover_id)
        app = s.get(Application, app_id)
        assert h is not None and app is not None
        h.return_deadline = date(2026, 9, 30) - timedelta(days=days)
        app.phone, app.email = phone, email
    return handover_id


def test_overdue_rows_carry_phone_and_email(seeded: Store) -> None:
    late = _late(seeded, "Oskars Vītols", "Dace Vītola", 21, phone="+37129111111",
                 email="dace.vitola@example.lv")
    later = _late(seeded, "Ēriks Ļoļa", "Inese Ļoļa", 40, phone=None, email=None)
    _late(seeded, "Māra Zīle", "Jānis Zīle", 0, phone=None, email=None)  # due today: not late
    rows = acts.overdue_rows(seeded, DESK, today=date(2026, 9, 30))
    assert [r.handover_id for r in rows] == [later, late]
    assert (rows[1].phone, rows[1].email, rows[1].days_overdue) == (
        "+37129111111", "dace.vitola@example.lv", 21)
    # the same rows as the desk's list, with the e-mail added
    plain = desk.overdue(seeded, DESK, today=date(2026, 9, 30))
    assert [r.handover_id for r in plain] == [r.handover_id for r in rows]


def test_overdue_csv_has_a_bom_latvian_headers_and_defused_cells(seeded: Store, tmp_path) -> None:
    _late(seeded, "=HYPERLINK(\"http://x\")", "@Ūna Čakste", 3, phone="+37129111111",
          email="-una@example.lv")
    rows = acts.overdue_rows(seeded, DESK, today=date(2026, 9, 30))
    target = tmp_path / "kavētie.csv"
    assert acts.save_overdue_csv(rows, target) == 1
    content = target.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert table[0] == list(acts.OVERDUE_CSV_COLUMNS)
    assert table[0][:2] == ["Pieteikums", "Izglītojamais"] and "E-pasts" in table[0]
    row = dict(zip(table[0], table[1], strict=True))
    assert row["Izglītojamais"] == "'=HYPERLINK(\"http://x\")"
    assert row["Iesniedzējs"] == "'@Ūna Čakste"
    assert row["Tālrunis"] == "'+37129111111"  # a phone keeps its + as text
    assert row["E-pasts"] == "'-una@example.lv"
    assert row["Atgriešanas termiņš"] == "27.09.2026" and row["Kavētas dienas"] == "3"
    assert not list(tmp_path.glob("*.part"))
