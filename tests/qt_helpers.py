"""Helpers for pytest-qt tests."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard would, Latvian letters included.

    QTest.keyClicks maps characters through an ASCII table and aborts on ā, č, ē…; a key
    event carrying the text is what a real keyboard layout delivers for them.
    """
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def deliver_queued() -> None:
    """Deliver every event already posted to the GUI thread, queued signals from workers
    included: what a test waits for when it asks "did anything arrive?", without a sleep.

    Only what was posted before the call is certain to be delivered, so call it after the
    worker has finished (``TaskRunner.wait``/``shutdown``), when its signals are posted.
    """
    QCoreApplication.sendPostedEvents()


def accepting_reason_dialog(reason: str, revisit: object = None) -> type:
    """A stand-in for the refuse or defer dialog: the reviewer typed ``reason`` (and for a
    deferral ``revisit``) and pressed the button; it takes whatever the real one is given."""
    from PySide6.QtWidgets import QDialog

    class Accepting:
        def __init__(self, *args: object, **kwargs: object) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

        def reason(self) -> str:
            return reason

        def values(self) -> tuple[str, object]:
            return reason, revisit

    return Accepting
