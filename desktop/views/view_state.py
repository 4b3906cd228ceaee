"""What a list looks like to the user (selection, current row, scroll position), kept across a
reload of its model.

A model reset (new rows from a background query) clears the selection and scrolls to the
top. ``capture`` notes the selected and current rows and the row at the top by their ids
before the reset; ``restore`` finds those ids among the new rows and puts everything back
where those rows still exist. Rows are named by a key (an application or item id), never by
their position, which a reload changes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView

KeyAt = Callable[[int], Any]  # a row -> its key (an id), or None
RowOf = Callable[[Any], int]  # a key -> its row, or -1


@dataclass(frozen=True)
class ViewState:
    selected: list[Hashable] = field(default_factory=list)
    current: Hashable | None = None
    current_column: int = 0
    # The row the list is scrolled by: the current row when it is in sight (it stays at the
    # same height in the window), else the row at the top.
    anchor: Hashable | None = None
    anchor_offset: int = 0  # rows between the top of the window and the anchor
    top_row: int = -1
    horizontal: int = 0

    @property
    def empty(self) -> bool:
        return not self.selected and self.current is None and self.anchor is None

    @property
    def keys(self) -> list[Hashable]:
        """The keys ``restore`` looks up: the selected, the current and the anchor row's."""
        extra = [k for k in (self.current, self.anchor) if k is not None]
        return list(dict.fromkeys([*self.selected, *extra]))


# A few keys are looked up one by one (list.index: C speed, ~0.7 ms for a key missing from
# 100,000); more in one pass over the list (~5 ms), never a dict of every key (~12 ms).
FEW_KEYS = 4


def locate(keys: Sequence[Hashable], wanted: Iterable[Hashable]) -> dict[Hashable, int]:
    """The rows of those ``wanted`` keys that are in ``keys`` (the new rows' keys, in order).
    Plain Python: the inbox calls it on the worker that read the keys."""
    wanted = set(wanted)
    wanted.discard(None)
    if not wanted:
        return {}
    if len(wanted) <= FEW_KEYS:
        found: dict[Hashable, int] = {}
        for key in wanted:
            with contextlib.suppress(ValueError):  # not among the new rows
                found[key] = keys.index(key)
        return found
    return {key: row for row, key in enumerate(keys) if key in wanted}


def top_row(state: ViewState, row_of: RowOf) -> int:
    """The row ``restore`` scrolls to the top: where the anchor row went; without it, about
    the same place in the list (-1: the state says nothing about the scroll)."""
    if state.top_row < 0:
        return -1
    anchor = row_of(state.anchor) if state.anchor is not None else -1
    return max(anchor - state.anchor_offset, 0) if anchor >= 0 else state.top_row


def capture(view: QAbstractItemView, key_at: KeyAt) -> ViewState:
    """The keys of the selected rows, of the current row and of the row at the top."""
    model = view.model()
    selection = view.selectionModel()
    if model is None or selection is None or model.rowCount() == 0:
        return ViewState()
    selected: list[Hashable] = []
    spans = selection.selection()
    for n in range(spans.size()):
        span = spans.at(n)
        for row in range(span.top(), span.bottom() + 1):
            key = key_at(row)
            if key is not None:
                selected.append(key)
    current_index = selection.currentIndex()
    current = key_at(current_index.row()) if current_index.isValid() else None
    viewport = view.viewport().rect()
    top_row = view.indexAt(viewport.topLeft()).row()
    bottom_row = view.indexAt(viewport.bottomLeft()).row()
    if bottom_row < 0:  # the rows end above the bottom of the window
        bottom_row = model.rowCount() - 1
    anchor, offset = (key_at(top_row) if top_row >= 0 else None), 0
    if current is not None and top_row >= 0 and top_row <= current_index.row() <= bottom_row:
        anchor, offset = current, current_index.row() - top_row
    return ViewState(list(dict.fromkeys(selected)), current,
                     current_index.column() if current_index.isValid() else 0,
                     anchor, offset, top_row, view.horizontalScrollBar().value())


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """[3, 4, 5, 9] -> [(3, 5), (9, 9)]"""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def restore(view: QAbstractItemView, state: ViewState, row_of: RowOf) -> bool:
    """Select, make current and scroll to what ``state`` names, where those rows still
    exist; returns whether the current row was found again."""
    model = view.model()
    selection = view.selectionModel()
    if model is None or selection is None or state.empty:
        return False
    last_column = max(model.columnCount() - 1, 0)
    flags = QItemSelectionModel.SelectionFlag
    found = False
    if state.current is not None:
        row = row_of(state.current)
        if row >= 0:
            selection.setCurrentIndex(model.index(row, state.current_column), flags.NoUpdate)
            found = True
    if state.selected:
        chosen = QItemSelection()
        for top, bottom in _runs([r for key in state.selected if (r := row_of(key)) >= 0]):
            chosen.select(model.index(top, 0), model.index(bottom, last_column))
        selection.select(chosen, flags.ClearAndSelect)
    rows = model.rowCount()
    top = top_row(state, row_of)
    if rows and top >= 0:
        # After a reset the view lays its rows out later (a posted event), so its scroll
        # range would still be the old list's: scrolling further than the old list was long
        # would stop short. The layout is done now instead (it is only postponed work).
        view.doItemsLayout()
        view.scrollTo(model.index(min(top, rows - 1), 0),
                      QAbstractItemView.ScrollHint.PositionAtTop)
    view.horizontalScrollBar().setValue(state.horizontal)
    return found
