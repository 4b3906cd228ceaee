"""The kind's check-in checklist editor on the catalogue's "Resursu veidi" tab."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop.models import kind_checklists
from desktop.models.schema import OfferedKind, OutboxCommand
from desktop.models.store import Store
from desktop.tasks import TaskRunner
from desktop.views.kind_checklist import KindChecklistBox
from factories import ADMIN, DESK, seed_catalogue
from qt_helpers import type_text


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture
def school(store: Store) -> Store:
    seed_catalogue(store)
    return store


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


def _box(qtbot, tasks: TaskRunner, store: Store, actor=ADMIN) -> KindChecklistBox:
    box = KindChecklistBox(
        tasks, load=lambda kind_id: kind_checklists.kind_checklist(store, actor, kind_id),
        save=lambda kind_id, entries: kind_checklists.set_check_in_checklist(
            store, actor, kind_id, entries),
        can_edit=lambda: actor is ADMIN)
    qtbot.addWidget(box)
    box.show()
    return box


def _stored(store: Store, kind_id: str = "ok-win") -> list[str]:
    with store.read() as s:
        kind = s.get(OfferedKind, kind_id)
        assert kind is not None
        return list(kind.check_in_checklist)


def _shown(box: KindChecklistBox) -> list[str]:
    return [box.list.item(n).text() for n in range(box.list.count())]


def test_an_administrator_builds_the_checklist_by_keyboard_and_saves_it(
        qtbot, tasks, school) -> None:
    box = _box(qtbot, tasks, school)
    with qtbot.waitSignal(box.loaded, timeout=3000):
        box.show_kind("ok-win")
    assert _shown(box) == [] and not box.save_button.isEnabled()
    for name in ("Lādētājs", "Soma", "Irbulis"):
        box.new_entry.setFocus()
        type_text(box.new_entry, name)
        qtbot.keyClick(box.new_entry, Qt.Key.Key_Return)
    assert _shown(box) == ["Lādētājs", "Soma", "Irbulis"] and box.new_entry.text() == ""
    box.list.setCurrentRow(2)
    box.up_button.click()
    assert _shown(box) == ["Lādētājs", "Irbulis", "Soma"]
    assert box.save_button.isEnabled()
    with qtbot.waitSignal(box.saved, timeout=3000):
        box.save_button.click()
    assert _stored(school) == ["Lādētājs", "Irbulis", "Soma"]
    assert not box.save_button.isEnabled()
    with school.read() as s:
        assert [c.command for c in s.scalars(select(OutboxCommand))] == [
            "set_check_in_checklist"]

    box.list.setCurrentRow(1)
    qtbot.keyClick(box.list, Qt.Key.Key_Delete)
    assert _shown(box) == ["Lādētājs", "Soma"]


def test_a_duplicate_is_named_and_not_added(qtbot, tasks, school) -> None:
    box = _box(qtbot, tasks, school)
    with qtbot.waitSignal(box.loaded, timeout=3000):
        box.show_kind("ok-win")
    type_text(box.new_entry, "Lādētājs")
    box.add_button.click()
    type_text(box.new_entry, "LĀDĒTĀJS")
    box.add_button.click()
    assert _shown(box) == ["Lādētājs"]
    assert box.error.isVisible() and "jau ir" in box.error.text()
    assert box.new_entry.text() == "LĀDĒTĀJS"  # left to correct
    assert box.new_entry.maxLength() == 60


def test_the_fifteenth_entry_is_the_last(qtbot, tasks, school) -> None:
    kind_checklists.set_check_in_checklist(school, ADMIN, "ok-win",
                                           [f"Daļa Nr. {n}" for n in range(15)])
    box = _box(qtbot, tasks, school)
    with qtbot.waitSignal(box.loaded, timeout=3000):
        box.show_kind("ok-win")
    assert box.list.count() == 15
    assert not box.add_button.isEnabled() and not box.new_entry.isEnabled()
    assert "15" in box.count_label.text()


def test_the_desk_reads_it_but_cannot_change_it(qtbot, tasks, school) -> None:
    kind_checklists.set_check_in_checklist(school, ADMIN, "ok-win", ["Lādētājs", "Soma"])
    box = _box(qtbot, tasks, school, actor=DESK)
    with qtbot.waitSignal(box.loaded, timeout=3000):
        box.show_kind("ok-win")
    assert _shown(box) == ["Lādētājs", "Soma"]
    for widget in (box.new_entry, box.add_button, box.remove_button, box.up_button,
                   box.down_button, box.save_button):
        assert not widget.isEnabled()
    assert "administrator" in box.save_button.toolTip()


def test_another_kind_shows_its_own_list(qtbot, tasks, school) -> None:
    kind_checklists.set_check_in_checklist(school, ADMIN, "ok-tab", ["Lādētājs", "Vāciņš"])
    box = _box(qtbot, tasks, school)
    with qtbot.waitSignal(box.loaded, timeout=3000):
        box.show_kind("ok-win")
    with qtbot.waitSignal(box.loaded, timeout=3000):
        box.show_kind("ok-tab")
    assert _shown(box) == ["Lādētājs", "Vāciņš"]
    box.show_kind(None)
    assert _shown(box) == [] and not box.new_entry.isEnabled()


def test_showing_the_same_kind_again_keeps_unsaved_edits(qtbot, tasks, school) -> None:
    box = _box(qtbot, tasks, school)
    with qtbot.waitSignal(box.loaded, timeout=3000):
        box.show_kind("ok-win")
    type_text(box.new_entry, "Lādētājs")
    box.add_button.click()
    box.show_kind("ok-win")  # the page reloaded its kinds (another change was saved)
    assert _shown(box) == ["Lādētājs"] and box.save_button.isEnabled()
    with qtbot.waitSignal(box.loaded, timeout=3000):
        box.show_kind("ok-tab")  # another kind: its own list
    assert _shown(box) == []
