"""Stock refusal and deferral reasons (issue 16): the defaults until a school keeps its own
list, every change one transaction with its audit row, and revision 0012 on an old store."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models import stock_reasons as sr
from desktop.models.codes import StaffRole
from desktop.models.errors import InputError, PermissionDeniedError
from desktop.models.journal import Actor
from desktop.models.schema import AuditEntry, StockReason
from desktop.models.store import open_store
from factories import ADMIN, DESK, OTHER_SCHOOL, REVIEWER

OWN = "Pieteikums iesniegts pēc 15. septembra — lūdzam pieteikties nākamajā mācību gadā"


def _audit(store) -> list[tuple[str, dict]]:
    with store.read() as s:
        return [(a.action, a.details) for a in s.scalars(
            select(AuditEntry).order_by(AuditEntry.id))]


def _rows(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(StockReason)) or 0


def test_a_school_without_a_list_is_offered_the_defaults(store) -> None:
    refuse = sr.stock_reasons(store, REVIEWER, "refuse")
    assert refuse.defaults
    assert refuse.texts[:3] == ("Iesniedzējs neatbilst mērķa grupai", "Nav pieejamu resursu",
                                "Izglītojamais nemācās šajā skolā")
    assert sr.reason_texts(store, REVIEWER, "defer")[:2] == [
        "Gaidām papildu resursu piegādi", "Jāprecizē iesniedzēja dati"]
    assert _rows(store) == 0 and _audit(store) == []  # reading writes nothing


def test_the_first_change_keeps_the_defaults_as_the_schools_own_list(store) -> None:
    held = sr.add_reason(store, REVIEWER, "refuse", f"  {OWN}\n")
    assert not held.defaults
    assert held.texts == (*sr.DEFAULTS["refuse"], OWN)
    assert sr.stock_reasons(store, REVIEWER, "refuse") == held
    # the other kind and the other school still get the defaults
    assert sr.stock_reasons(store, REVIEWER, "defer").defaults
    other = Actor("anna", OTHER_SCHOOL, StaffRole.REVIEWER)
    assert sr.stock_reasons(store, other, "refuse").defaults
    assert _audit(store) == [("stock_reason_add", {
        "kind": "refuse", "position": len(sr.DEFAULTS["refuse"]), "text": OWN})]


def test_edit_move_and_remove_each_one_audited_change(store) -> None:
    first, second = sr.DEFAULTS["defer"][:2]
    held = sr.edit_reason(store, ADMIN, "defer", 1, "Jāprecizē iesniedzēja tālrunis un e-pasts",
                          shown=second)
    assert held.texts[:2] == (first, "Jāprecizē iesniedzēja tālrunis un e-pasts")
    held = sr.move_reason(store, ADMIN, "defer", 1, -1)
    assert held.texts[:2] == ("Jāprecizē iesniedzēja tālrunis un e-pasts", first)
    held = sr.remove_reason(store, ADMIN, "defer", 1, shown=first)
    assert first not in held.texts
    with store.read() as s:
        positions = list(s.scalars(select(StockReason.position).where(
            StockReason.kind == "defer").order_by(StockReason.position)))
    assert positions == list(range(len(held.texts)))
    assert [a for a, _ in _audit(store)] == [
        "stock_reason_edit", "stock_reason_move", "stock_reason_remove"]
    assert _audit(store)[1][1] == {"kind": "defer", "from": 1, "to": 0,
                                   "text": "Jāprecizē iesniedzēja tālrunis un e-pasts"}


def test_nothing_changed_writes_nothing(store) -> None:
    first = sr.DEFAULTS["refuse"][0]
    assert sr.edit_reason(store, REVIEWER, "refuse", 0, f" {first} ").defaults
    assert sr.move_reason(store, REVIEWER, "refuse", 0, -1).defaults  # first stays first
    assert sr.reset_reasons(store, REVIEWER, "refuse").defaults
    assert _rows(store) == 0 and _audit(store) == []


def test_removing_every_reason_or_resetting_brings_the_defaults_back(store) -> None:
    held = sr.add_reason(store, REVIEWER, "refuse", OWN)
    for _ in range(len(held.texts) - 1):
        held = sr.remove_reason(store, REVIEWER, "refuse", 0)
    assert held.texts == (OWN,) and not held.defaults
    assert sr.reset_reasons(store, REVIEWER, "refuse").defaults
    assert _rows(store) == 0
    assert _audit(store)[-1] == ("stock_reasons_reset", {"kind": "refuse", "removed": 1})


@pytest.mark.parametrize(("call", "message"), [
    (lambda s: sr.add_reason(s, REVIEWER, "refuse", "   "), "Jāieraksta pamatojuma teksts"),
    (lambda s: sr.add_reason(s, REVIEWER, "refuse", "x" * 2001), "atļauts ne vairāk kā 2000"),
    (lambda s: sr.add_reason(s, REVIEWER, "refuse", "nav  PIEEJAMU resursu"),
     "Šāds pamatojums sarakstā jau ir: „Nav pieejamu resursu“"),
    (lambda s: sr.edit_reason(s, REVIEWER, "refuse", 0, "Cits teksts", shown="Vecs teksts"),
     "saraksts pa to laiku ir mainījies"),
    (lambda s: sr.remove_reason(s, REVIEWER, "refuse", 17), "saraksts pa to laiku ir mainījies"),
    (lambda s: sr.stock_reasons(s, REVIEWER, "grant"), "Nav tādu gatavo pamatojumu veida"),
])
def test_bad_input_is_refused_and_changes_nothing(store, call, message) -> None:
    with pytest.raises(InputError) as caught:
        call(store)
    assert message in caught.value.message_lv
    assert _rows(store) == 0 and _audit(store) == []


def test_the_list_has_a_limit(store) -> None:
    for n in range(sr.MAX_STOCK_REASONS - len(sr.DEFAULTS["defer"])):
        sr.add_reason(store, REVIEWER, "defer", f"Gaidām izziņu Nr. {n}")
    with pytest.raises(InputError, match="at most 30"):
        sr.add_reason(store, REVIEWER, "defer", "Vēl viens — pārāk daudz")


def test_the_desk_may_read_but_not_change_the_list(store) -> None:
    assert sr.stock_reasons(store, DESK, "refuse").defaults
    with pytest.raises(PermissionDeniedError):
        sr.add_reason(store, DESK, "refuse", OWN)
    assert _rows(store) == 0


def test_a_store_at_0011_upgrades_with_no_stock_reasons(data_dir: Path) -> None:
    old = open_store(data_dir, target_revision="0011")
    with old.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "stock_reasons" not in tables
    old.close()

    store = open_store(data_dir)
    try:
        assert sr.stock_reasons(store, REVIEWER, "refuse").defaults
        held = sr.add_reason(store, REVIEWER, "refuse", OWN)
        assert held.texts[-1] == OWN
    finally:
        store.close()
