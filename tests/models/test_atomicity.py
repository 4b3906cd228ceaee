"""A failure in the middle of an operation leaves the state, history, audit and outbox as they
were, and the store keeps working afterwards.

The failures are real ones inside the operation's own transaction, not a mocked operation:
``record`` (the journal) is wrapped so that it writes everything and then raises, with and
without flushing those rows into the open transaction first; and a ``before_flush`` listener
makes the final flush at commit fail as soon as an outbox command is in it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

import desktop.models.decisions
import desktop.models.handovers
import desktop.models.inventory
import desktop.models.operations
from desktop.models import journal
from desktop.models.codes import (
    ApplicationStatus,
    CancelReason,
    HandoverStatus,
    ItemStatus,
    ReturnCondition,
)
from desktop.models.decisions import defer, grant, refuse
from desktop.models.handovers import (
    acknowledge_incident,
    cancel_handover,
    prepare_handover,
    record_return,
)
from desktop.models.inventory import (
    change_item_status,
    create_item,
    edit_item,
    set_accepting_applications,
)
from desktop.models.schema import (
    Application,
    AuditEntry,
    Handover,
    Item,
    OutboxCommand,
    StatusHistory,
)
from desktop.models.store import DB_FILENAME, Store, open_store
from desktop.models.workflow import ItemAction
from factories import (
    ADMIN,
    DESK,
    REVIEWER,
    add_application,
    add_handover,
    add_item,
    seed_catalogue,
    snapshot,
)

NOW = datetime(2026, 9, 10, 9, 15, tzinfo=UTC)
OPERATION_MODULES = (desktop.models.operations, desktop.models.inventory)
REAL_RECORD = journal.record


class Boom(RuntimeError):
    """The failure injected in the middle of an operation."""


# --- fixtures and helpers ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    template = open_store(folder)
    seed_catalogue(template)
    template.close()
    assert not (folder / f"{DB_FILENAME}-wal").exists()
    return folder / DB_FILENAME


@pytest.fixture
def seeded(seeded_template: Path, data_dir: Path) -> Iterator[Store]:
    """A fresh migrated store with the factories' catalogue (a copy of a template)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(seeded_template, data_dir / DB_FILENAME)
    store = open_store(data_dir)
    yield store
    store.close()




def journal_counts(store: Store) -> tuple[int, int, int]:
    with store.read() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m))
            for m in (StatusHistory, AuditEntry, OutboxCommand)
        )


def handover_case(store: Store, status: HandoverStatus, item_status: ItemStatus) -> tuple:
    app_id = add_application(store, status=ApplicationStatus.CONFIRMED)
    item_id = add_item(store, status=item_status)
    return app_id, add_handover(store, app_id, item_id, status), item_id


# Each case builds its starting state and returns the call that changes it, plus a check of
# the state after a successful retry.
Case = tuple[Callable[[], object], Callable[[], None]]


def _grant_with_item(store: Store) -> Case:
    app_id = add_application(store)
    item_id = add_item(store)

    def after() -> None:
        with store.read() as s:
            assert s.get(Application, app_id).status is ApplicationStatus.CONFIRMED
            assert s.get(Item, item_id).status is ItemStatus.RESERVED
            assert s.scalar(select(func.count()).select_from(Handover)) == 1

    return (lambda: grant(store, REVIEWER, app_id, item_id=item_id, now=NOW)), after


def _refuse(store: Store) -> Case:
    app_id = add_application(store)

    def after() -> None:
        with store.read() as s:
            app = s.get(Application, app_id)
            assert app.status is ApplicationStatus.DECLINED
            assert app.decision_reason == "Nav pieejamu ierīču; mēģiniet pēc ziemas brīvlaika"

    return (lambda: refuse(store, REVIEWER, app_id,
                           "Nav pieejamu ierīču; mēģiniet pēc ziemas brīvlaika", now=NOW)), after


def _defer(store: Store) -> Case:
    app_id = add_application(store)

    def after() -> None:
        with store.read() as s:
            app = s.get(Application, app_id)
            assert app.status is ApplicationStatus.POSTPONED
            assert app.revisit_on == date(2026, 11, 2)

    return (lambda: defer(store, REVIEWER, app_id, "Gaidām piegādi; atkārtoti novembrī",
                          revisit_on=date(2026, 11, 2), now=NOW)), after


def _prepare_handover(store: Store) -> Case:
    app_id = add_application(store, status=ApplicationStatus.CONFIRMED)
    item_id = add_item(store)  # no handover yet: it is created, the item reserved, prepared

    def after() -> None:
        with store.read() as s:
            (handover,) = s.scalars(select(Handover)).all()
            assert handover.status is HandoverStatus.PREPARED
            assert s.get(Item, item_id).status is ItemStatus.RESERVED

    return (lambda: prepare_handover(store, DESK, app_id, item_id=item_id, now=NOW)), after


def _cancel_handover(store: Store) -> Case:
    _, handover_id, item_id = handover_case(store, HandoverStatus.PREPARED, ItemStatus.RESERVED)

    def after() -> None:
        with store.read() as s:
            assert s.get(Handover, handover_id).status is HandoverStatus.CANCELLED
            assert s.get(Item, item_id).status is ItemStatus.AVAILABLE

    return (lambda: cancel_handover(store, DESK, handover_id, CancelReason.OTHER,
                                    notes="Iesniedzējs pārdomāja", now=NOW)), after


def _record_return(store: Store) -> Case:
    _, handover_id, item_id = handover_case(store, HandoverStatus.ISSUED, ItemStatus.IN_USE)

    def after() -> None:
        with store.read() as s:
            assert s.get(Handover, handover_id).status is HandoverStatus.RETURNED
            assert s.get(Item, item_id).status is ItemStatus.DAMAGED

    return (lambda: record_return(store, DESK, handover_id, ReturnCondition.DAMAGED,
                                  notes="Saplaisājis ekrāns", now=NOW)), after


def _acknowledge_incident(store: Store) -> Case:
    _, handover_id, item_id = handover_case(store, HandoverStatus.STOLEN, ItemStatus.IN_USE)

    def after() -> None:
        with store.read() as s:
            assert s.get(Handover, handover_id).incident_acknowledged_at == NOW
            assert s.get(Item, item_id).status is ItemStatus.STOLEN

    return (lambda: acknowledge_incident(store, DESK, handover_id, now=NOW)), after


ITEM_VALUES = {"kind_code": "windows_laptop", "inventory_no": "RĀVĢ-2026/042", "year": 2025,
               "acquisition_value": "599.00", "location": "Bibliotēka"}


def _create_item(store: Store) -> Case:
    def after() -> None:
        with store.read() as s:
            (item,) = s.scalars(select(Item)).all()
            assert item.inventory_no == "RĀVĢ-2026/042"
            assert item.status is ItemStatus.NEW

    return (lambda: create_item(store, ADMIN, dict(ITEM_VALUES), now=NOW)), after


def _edit_item(store: Store) -> Case:
    item_id = add_item(store)

    def after() -> None:
        with store.read() as s:
            assert s.get(Item, item_id).location == "Bibliotēka"

    return (lambda: edit_item(store, ADMIN, item_id, dict(ITEM_VALUES), now=NOW)), after


def _change_item_status(store: Store) -> Case:
    item_id = add_item(store)

    def after() -> None:
        with store.read() as s:
            assert s.get(Item, item_id).status is ItemStatus.UNDER_REPAIR

    return (lambda: change_item_status(store, ADMIN, item_id, ItemAction.SEND_TO_REPAIR,
                                       reason="Neieslēdzas; nodots remontā", now=NOW)), after


def _set_accepting(store: Store) -> Case:
    def after() -> None:
        from desktop.models.schema import OfferedKind

        with store.read() as s:
            assert s.get(OfferedKind, "ok-win").accepting_applications is False

    return (lambda: set_accepting_applications(store, ADMIN, "ok-win", False, now=NOW)), after


CASES: dict[str, Callable[[Store], Case]] = {
    "grant-with-item": _grant_with_item,
    "refuse": _refuse,
    "defer": _defer,
    "prepare_handover": _prepare_handover,
    "cancel_handover": _cancel_handover,
    "record_return": _record_return,
    "acknowledge_incident": _acknowledge_incident,
    "create_item": _create_item,
    "edit_item": _edit_item,
    "change_item_status": _change_item_status,
    "set_accepting_applications": _set_accepting,
}


class RecordThenFail:
    """Stands in for ``journal.record``: does the real work, optionally flushes, then fails."""

    def __init__(self, *, flush: bool) -> None:
        self.flush = flush
        self.calls = 0

    def __call__(self, session: Session, *args: Any, **kwargs: Any) -> str | None:
        self.calls += 1
        command_id = REAL_RECORD(session, *args, **kwargs)
        pending = {type(obj) for obj in session.new}
        # Everything the operation writes is in the session by now.
        assert {AuditEntry, OutboxCommand} <= pending, pending
        if kwargs.get("changes"):
            assert StatusHistory in pending
        if self.flush:
            session.flush()
            # The rows are really in the open transaction, not only in the session.
            assert session.scalar(
                select(func.count()).select_from(OutboxCommand)
                .where(OutboxCommand.command_id == command_id)
            ) == 1
        raise Boom("failure after the journal was written")


class FailOnOutboxFlush:
    """A ``before_flush`` listener that fails the flush carrying an outbox command."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, session: Session, flush_context: Any, instances: Any) -> None:
        if any(isinstance(obj, OutboxCommand) for obj in session.new):
            self.calls += 1
            # The state change is in the same flush (or an earlier one of this transaction).
            assert any(isinstance(obj, AuditEntry) for obj in session.new)
            raise Boom("the flush with the outbox command failed")


@contextmanager
def failing_outbox_flush() -> Iterator[FailOnOutboxFlush]:
    """Every Session's flush fails while an outbox command is in it, inside this block."""
    listener = FailOnOutboxFlush()
    event.listen(Session, "before_flush", listener)
    try:
        yield listener
    finally:
        event.remove(Session, "before_flush", listener)


def assert_no_lock_left(store: Store) -> None:
    """No connection still holds the write lock: another writer can begin at once."""
    conn = sqlcipher.connect(store.path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def retry_succeeds(store: Store, call: Callable[[], object], after: Callable[[], None]) -> None:
    """The same operation, without the failure, succeeds and journals exactly once."""
    counts = journal_counts(store)
    outcome = call()
    after()
    history, audit, outbox = journal_counts(store)
    assert audit == counts[1] + 1
    assert outbox == counts[2] + 1
    assert history >= counts[0]
    with store.read() as s:
        cmd = s.scalars(select(OutboxCommand).order_by(OutboxCommand.id.desc())).first()
        assert cmd.command_id == outcome.command_id  # type: ignore[attr-defined]


CASE_IDS = [pytest.param(name, id=name) for name in CASES]


# --- the tests --------------------------------------------------------------------------------


@pytest.mark.parametrize("flush", [pytest.param(False, id="pending"),
                                   pytest.param(True, id="flushed")])
@pytest.mark.parametrize("case", CASE_IDS)
def test_failure_after_the_journal_changes_nothing(
    seeded: Store, monkeypatch: pytest.MonkeyPatch, case: str, flush: bool
) -> None:
    call, after = CASES[case](seeded)
    before = snapshot(seeded)
    failing = RecordThenFail(flush=flush)
    with monkeypatch.context() as m:
        for module in OPERATION_MODULES:
            m.setattr(module, "record", failing)
        with pytest.raises(Boom):
            call()
    assert failing.calls == 1
    assert snapshot(seeded) == before
    assert_no_lock_left(seeded)
    retry_succeeds(seeded, call, after)


@pytest.mark.parametrize("case", CASE_IDS)
def test_failure_in_the_final_flush_changes_nothing(seeded: Store, case: str) -> None:
    call, after = CASES[case](seeded)
    before = snapshot(seeded)
    with failing_outbox_flush() as listener, pytest.raises(Boom):
        call()
    assert listener.calls == 1
    assert snapshot(seeded) == before
    assert_no_lock_left(seeded)
    retry_succeeds(seeded, call, after)


def test_failure_does_not_poison_the_store(
    seeded: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a failed grant, other operations (and the same grant) go through normally."""
    app_id = add_application(seeded)
    item_id = add_item(seeded)
    other_app = add_application(seeded)
    before = snapshot(seeded)
    with monkeypatch.context() as m:
        m.setattr(desktop.models.operations, "record", RecordThenFail(flush=True))
        with pytest.raises(Boom):
            grant(seeded, REVIEWER, app_id, item_id=item_id, now=NOW)
        # A module that was not patched keeps working during the failure, too.
        created = create_item(seeded, ADMIN, dict(ITEM_VALUES), now=NOW)
    assert created.command_id is not None
    after_create = snapshot(seeded)
    assert after_create["applications"] == before["applications"]
    assert after_create["handovers"] == before["handovers"] == []

    refused = refuse(seeded, REVIEWER, other_app, "Pieteikums dublējas ar citu", now=NOW)
    granted = grant(seeded, REVIEWER, app_id, item_id=item_id, now=NOW)
    prepared = prepare_handover(seeded, DESK, app_id, now=NOW)
    assert (refused.status, granted.status, prepared.status) == (
        "declined", "confirmed", "prepared")
    with seeded.read() as s:
        commands = s.scalars(select(OutboxCommand.command).order_by(OutboxCommand.id)).all()
        assert commands == ["upsert_item", "refuse", "grant", "prepare_handover"]
        assert s.get(Item, item_id).status is ItemStatus.RESERVED
    assert_no_lock_left(seeded)


def test_flush_failure_then_a_reopened_store_sees_nothing(seeded: Store, data_dir: Path) -> None:
    """Nothing of the failed transaction reached the file (checked through a new store)."""
    app_id = add_application(seeded)
    item_id = add_item(seeded)
    before = snapshot(seeded)
    with failing_outbox_flush(), pytest.raises(Boom):
        grant(seeded, REVIEWER, app_id, item_id=item_id, now=NOW)
    seeded.close()
    reopened = open_store(data_dir)
    try:
        assert snapshot(reopened) == before
    finally:
        reopened.close()
