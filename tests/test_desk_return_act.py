"""A return and its return act are one transaction: no act, no return (the device stays out)."""

from __future__ import annotations

import os
import stat
import tempfile
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

import desktop.desk
from desktop.desk import paper_act, take_back
from desktop.models import desk
from desktop.models.codes import HandoverStatus, ItemStatus
from desktop.models.decisions import grant
from desktop.models.schema import AuditEntry, Document, Handover, Item, OutboxCommand
from factories import DESK, REVIEWER, add_application, add_item, seed_catalogue

NOW = datetime(2026, 9, 3, 8, 0, tzinfo=UTC)


@pytest.fixture
def issued(store):
    seed_catalogue(store)
    item_id = add_item(store, inventory_no="RAVĢ-0077")
    app_id = add_application(store, learner="Ērika Ķuze", submitter="Ģirts Ķuze")
    grant(store, REVIEWER, app_id, item_id=item_id, return_deadline=date(2027, 6, 30), now=NOW)
    handover_id = desk.start_handover(store, DESK, app_id).handover_id
    with store.write() as s:  # the applicant confirmed on the e-service (a pull brings it)
        h = s.get(Handover, handover_id)
        h.status, h.issued_at = HandoverStatus.ISSUED, NOW
        s.get(Item, item_id).status = ItemStatus.IN_USE
    return store, handover_id, item_id


def _counts(store):
    with store.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t))
                     for t in (OutboxCommand, AuditEntry, Document))


def test_return_and_its_act_commit_together(issued):
    store, handover_id, item_id = issued
    path = take_back(store, DESK, handover_id, "returned_working_order", None, "Ilze Ābele")
    assert path.exists() and path.name.endswith("-R.pdf")
    with store.read() as s:
        assert s.get(Handover, handover_id).status is HandoverStatus.RETURNED
        assert s.get(Item, item_id).status is ItemStatus.AVAILABLE
        assert s.scalar(select(func.count()).select_from(Document)
                        .where(Document.handover_id == handover_id)) == 1


def test_an_act_that_cannot_be_made_leaves_the_device_out(issued, monkeypatch):
    store, handover_id, item_id = issued
    before = _counts(store)

    def broken(_data):
        raise OSError("the fonts folder is unreadable")

    monkeypatch.setattr(desktop.desk, "return_act_pdf", broken)
    with pytest.raises(OSError):
        take_back(store, DESK, handover_id, "damaged", "Ieplaisājis ekrāns")
    with store.read() as s:
        assert s.get(Handover, handover_id).status is HandoverStatus.ISSUED
        assert s.get(Item, item_id).status is ItemStatus.IN_USE
    assert _counts(store) == before


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_paper_act_goes_to_a_private_folder_of_its_own(issued, tmp_path, monkeypatch):
    """Issue 14 (medium): paper acts went to a fixed /tmp/resursi-print/ (644, kept, and a
    planted symlink there was followed)."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / "resursi-print").symlink_to(tmp_path / "planted", target_is_directory=True)
    store, handover_id, _ = issued
    first = paper_act(store, DESK, handover_id, "Ilze Ābele")
    second = paper_act(store, DESK, handover_id, "Ilze Ābele")
    assert first.parent != second.parent  # a fresh folder each time, never a fixed name
    assert first.parent.parent == tmp_path and not (tmp_path / "planted").exists()
    assert stat.S_IMODE(first.parent.stat().st_mode) == 0o700
    assert first.read_bytes().startswith(b"%PDF")
