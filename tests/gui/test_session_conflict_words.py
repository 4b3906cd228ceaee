"""A conflict said in plain words: who changed what at the central service, what the user's own
decision was, and what to do now; never "version 3 … based on version 2"."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from desktop.models.codes import ApplicationStatus, HandoverStatus
from desktop.tasks import TaskRunner
from desktop.views.conflicts_panel import ConflictsPanel, conflict_explanation
from sync.conflicts import ConflictView

REASON = "Nav pieejamu ierīču; mēģiniet pēc ziemas brīvlaika"
DECIDED = datetime(2026, 11, 12, 8, 15, tzinfo=UTC)


def _conflict(**changes: object) -> ConflictView:
    values: dict[str, object] = dict(
        command_id="c-1", application_id=17, aggregate_type="application", aggregate_id="17",
        command="refuse", payload={"reason": REASON}, decided_by="ilze.bērziņa",
        decided_at=DECIDED, http_status=412, title="Precondition Failed",
        detail="the application is at version 3, the command was based on version 2",
        local_status="declined", server_status=ApplicationStatus.WITHDRAWN,
        server_handover_statuses=[], server_version=3, waiting_behind=0,
        application_number="P-2026-000017")
    values.update(changes)
    return ConflictView(**values)  # type: ignore[arg-type]


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


def test_a_withdrawal_meanwhile_names_the_applicant_the_decision_and_the_way_out() -> None:
    text = conflict_explanation(_conflict())
    assert "Iesniedzējs" in text and "atsauca" in text
    assert "„Atteikt“" in text and "ilze.bērziņa" in text
    assert "Piemērot vēlreiz" in text and "Atmest" in text
    assert "version" not in text and "versij" not in text


def test_another_decision_meanwhile_names_the_new_status() -> None:
    text = conflict_explanation(_conflict(server_status=ApplicationStatus.CONFIRMED))
    assert "Cits darbinieks" in text and "„Piešķirts“" in text


def test_a_refused_action_can_only_be_discarded() -> None:
    text = conflict_explanation(_conflict(
        command="prepare_handover", http_status=409, detail=None,
        server_status=ApplicationStatus.CONFIRMED,
        server_handover_statuses=[HandoverStatus.CANCELLED]))
    assert "vairs nav atļauta" in text and "Atmest" in text
    assert "Piemērot vēlreiz" not in text


def test_the_panel_shows_the_words_and_no_version_numbers(qtbot, tasks) -> None:
    panel = ConflictsPanel(tasks, load=lambda: [_conflict()], reapply=print, discard=print)
    panel.setMinimumSize(300, 300)
    panel.resize(1100, 600)
    qtbot.addWidget(panel)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.reload()
    assert panel.explanation.isVisible()
    assert "atsauca" in panel.explanation.text()
    shown = panel.server_box.text() + panel.decision_box.text() + panel.explanation.text()
    assert "based on" not in shown and "Versija" not in shown
