"""One signal carries what changed; each view decides for itself what to reload (issue 11)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QStackedWidget

from bench.seed import seed
from desktop.app import Application
from desktop.changes import EVERYTHING, ChangeBus, WhenSeen, changes_of
from desktop.models.changes import OpChanges
from desktop.models.store import open_store


def test_nothing_is_said_when_nothing_changed(qtbot) -> None:
    bus = ChangeBus()
    heard: list[tuple[OpChanges, object]] = []
    bus.changed.connect(lambda changes, source: heard.append((changes, source)))
    bus.publish(OpChanges())
    bus.publish(None)
    assert heard == []
    source = object()
    bus.publish(OpChanges.of(applications=[7, None], outbox=True), source)
    assert heard == [(OpChanges(applications=frozenset({7}), outbox=True), source)]


def test_a_result_without_changes_counts_as_everything() -> None:
    class Outcome:
        changes = OpChanges.of(items=["ā-1"])

    assert changes_of(Outcome()) == OpChanges(items=frozenset({"ā-1"}))
    assert changes_of(Path("akts.pdf")) == EVERYTHING
    assert changes_of(None, OpChanges(outbox=True)) == OpChanges(outbox=True)


def test_a_hidden_view_reloads_when_it_is_next_seen(qtbot) -> None:
    stack = QStackedWidget()
    front, back = QLabel("Pieteikumi"), QLabel("Katalogs")
    stack.addWidget(front)
    stack.addWidget(back)
    qtbot.addWidget(stack)
    stack.show()
    reloads: list[str] = []
    seen = WhenSeen(back, lambda: reloads.append("katalogs"))
    seen.request()
    seen.request()
    assert reloads == [] and seen.stale  # hidden: nothing read yet
    stack.setCurrentWidget(back)
    assert reloads == ["katalogs"]  # once, when it came into sight
    seen.request()
    assert reloads == ["katalogs", "katalogs"]  # in sight: at once
    stack.setCurrentWidget(front)
    stack.setCurrentWidget(back)
    assert len(reloads) == 2  # nothing changed meanwhile: not read again


def test_the_views_follow_a_change_made_elsewhere(qtbot, qapp, tmp_path: Path) -> None:
    seed(tmp_path / "data", 200)
    store = open_store(tmp_path / "data")
    app = Application(qapp, store)
    qtbot.addWidget(app.window)
    try:
        with qtbot.waitSignal(app.inbox.loaded, timeout=10000):
            app.start()
        inbox = app.inbox
        with qtbot.waitSignal(app.detail.loaded, timeout=5000):
            inbox.table.selectRow(3)
        chosen = inbox.model.id_at(3)
        syncs: list[str] = []
        counts: list[str] = []

        class Sync:
            def sync_now(self) -> None:
                syncs.append("tagad")

            def stop(self) -> None:
                pass

        app.sync = Sync()  # type: ignore[assignment]
        app.refresh_sync_counts = lambda: counts.append("skaits")  # type: ignore[method-assign]
        catalogue_reads: list[str] = []
        app.catalogue.reload_items = lambda: catalogue_reads.append("inventārs")  # type: ignore[method-assign]

        # the desk (say) changed this application and queued a command
        with qtbot.waitSignal(inbox.loaded, timeout=5000), \
                qtbot.waitSignal(app.detail.loaded, timeout=5000) as shown:
            app.changes.publish(OpChanges.of(applications=[chosen], items=["ī-1"],
                                             outbox=True), app.desk)
        assert shown.args == [chosen]
        assert inbox.selected_ids() == [chosen]  # the inbox reloaded, the place kept
        assert syncs == ["tagad"] and counts == ["skaits"]  # told the service soon
        assert catalogue_reads == []  # a hidden section waits until it is looked at
        app.window.show_section(app.catalogue)
        assert catalogue_reads == ["inventārs"]

        # what a sync brought does not start another sync
        app.changes.publish(OpChanges(outbox=True), app.sync)
        assert syncs == ["tagad"] and counts == ["skaits", "skaits"]
        # a change of nothing the detail shows leaves it alone
        loaded: list[int] = []
        app.detail.loaded.connect(loaded.append)
        app.changes.publish(OpChanges.of(applications=[chosen + 100_000]), None)
        app.tasks.wait()
        assert loaded == []
    finally:
        app.window.close()
        app.shutdown()
