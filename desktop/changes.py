"""The one signal that says what changed, so that every view decides for itself what to reload.

Every core operation returns an ``Outcome`` and every sync a ``SyncReport``; both carry
``.changes`` (an ``OpChanges``, Qt-free, in ``desktop.models.changes``). Whoever ran the
operation publishes it here with itself as the source::

    changes.publish(outcome.changes, source=self)

and every view that shows something of the store subscribes to ``changed(changes, source)``
and reloads what it shows only if the changes touch it. The source may skip its own refresh
(it already shows what it did). This is Anki's ``operation_did_execute(changes, handler)``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.models.changes import OpChanges

EVERYTHING = OpChanges(everything=True)


def changes_of(result: object, fallback: OpChanges = EVERYTHING) -> OpChanges:
    """The ``.changes`` of an operation's result; ``fallback`` for a result that has none
    (when in doubt, everything: a needless reload is better than a stale screen)."""
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, OpChanges) else fallback


class ChangeBus(QObject):
    """Carries ``(OpChanges, source)`` from whoever changed the store to every view."""

    changed = Signal(object, object)  # OpChanges, the object that made the change (or None)

    def publish(self, changes: OpChanges | None, source: object = None) -> None:
        """Tell every subscriber; nothing is said when nothing changed."""
        if changes:
            self.changed.emit(changes, source)


class WhenSeen(QObject):
    """Runs ``reload`` now if ``widget`` is on screen, or else the next time it is shown:
    hidden sections never compete with the visible one for the workers."""

    def __init__(self, widget: QWidget, reload: Callable[[], None], *,
                 stale: bool = False) -> None:
        super().__init__(widget)
        self._widget = widget
        self._reload = reload
        self.stale = stale
        widget.installEventFilter(self)

    def request(self) -> None:
        if self._widget.isVisible():
            self.stale = False
            self._reload()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._reload()
        return False
