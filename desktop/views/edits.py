"""Noticing that a person changed a form field, whatever kind of field it is."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


def when_edited(widget: QWidget, slot: Callable[[], None]) -> None:
    """Call ``slot`` each time ``widget``'s value is changed (typed, chosen or ticked)."""
    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(lambda _text: slot())
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _index: slot())
    elif isinstance(widget, QDateEdit):
        widget.dateChanged.connect(lambda _day: slot())
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(lambda _on: slot())


def clear_invalid(widget: QWidget) -> None:
    """Take away the red outline a refused value left on ``widget``."""
    if widget.property("invalid"):
        widget.setProperty("invalid", False)
        widget.setStyleSheet("")
