"""Who holds an item (issue 13): the handover that has it now, issued or reserved, and every
handover it went through, newest first; the item list gets the holder in the same query."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from lending import at, lend
from sqlalchemy import event

from desktop.models import catalogue, custody
from desktop.models.catalogue import ItemFilter
from desktop.models.codes import HandoverStatus, ItemStatus, ReturnCondition
from desktop.models.errors import NotFoundError
from desktop.models.store import Store
from factories import OTHER_SCHOOL, SCHOOL, add_item, seed_catalogue


@pytest.fixture
def school(store: Store) -> Store:
    seed_catalogue(store)
    return store


@contextmanager
def statements(store: Store) -> Iterator[list[str]]:
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", before)


def test_an_item_nobody_ever_had_has_no_holder_and_no_history(school: Store) -> None:
    item_id = add_item(school)
    found = custody.item_custody(school, SCHOOL, item_id)
    assert found.holder is None and found.handovers == ()
    [row] = custody.item_rows(school, [item_id])
    assert row.holder is None


def test_the_learner_it_is_issued_to_holds_it(school: Store) -> None:
    item_id = add_item(school, status=ItemStatus.IN_USE, inventory_no="RĀVĢ-0007")
    app_id, handover_id = lend(school, item_id, learner="Ērika Ķēniņa", learner_class="9.a",
                               issued="2026-09-03", deadline=date(2027, 5, 31))
    holder = custody.item_custody(school, SCHOOL, item_id).holder
    assert holder is not None
    assert holder.handover_id == handover_id and holder.application_id == app_id
    assert holder.application_number == f"P-2026-{app_id:06d}"
    assert (holder.learner_name, holder.learner_class) == ("Ērika Ķēniņa", "9.a")
    assert holder.status is HandoverStatus.ISSUED and holder.issued and not holder.reserved
    assert holder.since == at("2026-09-03")
    assert holder.return_deadline == date(2027, 5, 31)
    assert holder.act_number == f"P-2026-{app_id:06d}-A1"
    assert not holder.overdue(date(2027, 5, 31)) and holder.overdue(date(2027, 6, 1))


@pytest.mark.parametrize("status", [HandoverStatus.PREPARING, HandoverStatus.PREPARED])
def test_a_reserved_item_is_held_as_reserved(school: Store, status: HandoverStatus) -> None:
    item_id = add_item(school, status=ItemStatus.RESERVED)
    lend(school, item_id, status=status, created="2026-09-10", act=False)
    holder = custody.item_custody(school, SCHOOL, item_id).holder
    assert holder is not None and holder.status is status
    assert holder.reserved and not holder.issued
    assert holder.since == at("2026-09-10")  # reserved since, not issued
    assert holder.act_number is None
    assert not holder.overdue(date(2030, 1, 1))  # nothing to return before it is issued


def test_the_history_lists_every_handover_newest_first(school: Store) -> None:
    item_id = add_item(school, status=ItemStatus.IN_USE)
    first, _ = lend(school, item_id, learner="Pēteris Ozoliņš", created="2024-09-02",
                    issued="2024-09-02", returned="2025-06-10",
                    condition=ReturnCondition.RETURNED_WORKING_ORDER)
    refused, _ = lend(school, item_id, learner="Anna Vītola", created="2025-08-25",
                      status=HandoverStatus.CANCELLED, act=False)
    second, _ = lend(school, item_id, learner="Marta Šķēle", created="2025-09-01",
                     issued="2025-09-01", returned="2026-05-29",
                     condition=ReturnCondition.DAMAGED)
    now, _ = lend(school, item_id, learner="Žanis Ģērķis", created="2026-09-01",
                  issued="2026-09-02", deadline=date(2027, 5, 31))
    lend(school, add_item(school), learner="Cits Izglītojamais")  # another item's
    found = custody.item_custody(school, SCHOOL, item_id)
    assert [h.application_id for h in found.handovers] == [now, second, refused, first]
    assert found.holder == found.handovers[0]
    returned = found.handovers[1]
    assert returned.learner_name == "Marta Šķēle"
    assert returned.issued_at == at("2025-09-01") and returned.returned_at == at("2026-05-29")
    assert returned.return_condition is ReturnCondition.DAMAGED
    assert returned.status is HandoverStatus.RETURNED and not returned.holds
    assert found.handovers[2].status is HandoverStatus.CANCELLED
    assert found.handovers[2].issued_at is None


def test_a_lost_device_has_no_holder_but_keeps_its_history(school: Store) -> None:
    item_id = add_item(school, status=ItemStatus.LOST)
    lend(school, item_id, status=HandoverStatus.LOST, issued="2026-09-02")
    found = custody.item_custody(school, SCHOOL, item_id)
    assert found.holder is None
    assert [h.status for h in found.handovers] == [HandoverStatus.LOST]


def test_an_issued_handover_wins_over_a_stray_reservation(school: Store) -> None:
    """Two workstations' changes may meet on one item; the device is with whom it was
    issued to."""
    item_id = add_item(school, status=ItemStatus.IN_USE)
    issued, _ = lend(school, item_id, issued="2026-09-02", created="2026-09-01")
    lend(school, item_id, status=HandoverStatus.PREPARED, created="2026-09-05")
    [row] = custody.item_rows(school, [item_id])
    assert row.holder is not None and row.holder.application_id == issued


def test_item_rows_carry_the_holder_from_one_query_whatever_the_count(school: Store) -> None:
    ids = [add_item(school, inventory_no=f"RĀVĢ-{n:04d}") for n in range(40)]
    apps = {item_id: lend(school, item_id, learner=f"Līga Bērziņa {n}",
                          issued="2026-09-02")[0]
            for n, item_id in enumerate(ids) if n % 3 == 0}
    with statements(school) as few:
        custody.item_rows(school, ids[:3])
    with statements(school) as many:
        rows = custody.item_rows(school, list(reversed(ids)))
    assert len(many) == len(few)  # not a query per row
    assert [r.id for r in rows] == list(reversed(ids))  # in the order asked for
    assert {r.id: r.holder.application_id for r in rows if r.holder} == apps
    # everything else as the catalogue's own rows say it
    plain = catalogue.item_rows(school, ids)
    assert [r.editable_values() for r in custody.item_rows(school, ids)] == [
        r.editable_values() for r in plain]
    assert custody.item(school, SCHOOL, ids[0]).holder is not None


def test_the_search_finds_an_item_by_its_holder(school: Store) -> None:
    lent = add_item(school, status=ItemStatus.IN_USE, inventory_no="RĀVĢ-0001")
    reserved = add_item(school, status=ItemStatus.RESERVED, inventory_no="RĀVĢ-0002")
    add_item(school, inventory_no="RĀVĢ-0003")
    app_id, _ = lend(school, lent, learner="Jānis Bērziņš", learner_class="7.b",
                     issued="2026-09-02")
    lend(school, reserved, learner="Oskars Kalniņš", learner_class="10.c",
         status=HandoverStatus.PREPARED)
    returned = add_item(school, inventory_no="RĀVĢ-0004")
    lend(school, returned, learner="Jānis Bērziņš", issued="2025-09-01",
         returned="2026-05-29", status=HandoverStatus.RETURNED)

    def found(text: str) -> list[str]:
        return custody.item_ids(school, SCHOOL, ItemFilter(text=text))

    assert found("berzins") == [lent]  # diacritics and case folded; returned ones not
    assert found("Kalniņš 10.c") == [reserved]
    assert found(f"P-2026-{app_id:06d}") == [lent]
    assert found("RĀVĢ-0003") == [custody.item_ids(school, SCHOOL)[2]]
    assert found("lenovo") == custody.item_ids(school, SCHOOL)  # the item's own fields
    assert custody.item_ids(school, SCHOOL, ItemFilter(status=ItemStatus.RESERVED)) == [
        reserved]


def test_another_schools_item_is_not_found(school: Store) -> None:
    item_id = add_item(school, institution=OTHER_SCHOOL)
    with pytest.raises(NotFoundError):
        custody.item_custody(school, SCHOOL, item_id)
    with pytest.raises(NotFoundError):
        custody.item(school, SCHOOL, item_id)
