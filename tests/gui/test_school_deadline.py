"""The school's default return deadline on the catalogue's "Resursu veidi" tab."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate

from desktop.models.lifecycle import default_return_deadline
from desktop.models.schema import OutboxCommand
from desktop.models.school_settings import set_default_return_deadline
from desktop.models.store import Store
from desktop.tasks import TaskRunner
from desktop.views.school_deadline import SchoolDeadlineBox
from factories import ADMIN, REVIEWER, seed_catalogue

TODAY = date(2026, 12, 7)


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


def _box(qtbot, tasks: TaskRunner, store: Store, actor=ADMIN) -> SchoolDeadlineBox:
    box = SchoolDeadlineBox(
        tasks, load=lambda: default_return_deadline(store, actor),
        save=lambda day: set_default_return_deadline(store, actor, day),
        can_edit=lambda: actor is ADMIN, today=lambda: TODAY)
    qtbot.addWidget(box)
    box.reload()
    qtbot.waitUntil(lambda: box.day.minimumDate() == QDate(2026, 12, 7), timeout=3000)
    return box


def test_an_administrator_sets_the_schools_default(qtbot, tasks, school) -> None:
    box = _box(qtbot, tasks, school)
    assert not box.enabled.isChecked() and not box.save_button.isEnabled()
    assert box.day.date() == QDate(2027, 5, 31)  # the school year's end is offered
    box.enabled.setChecked(True)
    assert box.save_button.isEnabled()
    with qtbot.waitSignal(box.saved, timeout=3000):
        box.save_button.click()
    assert default_return_deadline(school, ADMIN) == date(2027, 5, 31)
    assert not box.save_button.isEnabled()  # nothing left to save
    with school.read() as s:
        [cmd] = s.query(OutboxCommand).all()
        assert cmd.command == "set_default_return_deadline"
    for name in (box.enabled, box.day):
        assert name.accessibleName()


def test_a_reviewer_reads_it_only(qtbot, tasks, school) -> None:
    set_default_return_deadline(school, ADMIN, date(2027, 6, 15))
    box = _box(qtbot, tasks, school, REVIEWER)
    qtbot.waitUntil(lambda: box.enabled.isChecked(), timeout=3000)
    assert box.day.date() == QDate(2027, 6, 15)
    assert not box.enabled.isEnabled() and not box.day.isEnabled()
    assert not box.save_button.isEnabled()
    assert "administrators" in box.save_button.toolTip()
