"""The device picker as the issuing desk shows it: in the panel beside the case list.

On a 1366×768 laptop at 125 % that panel is about 350 logical pixels wide, and on a laptop
alone the applicant's window covers the case list and leaves just that panel in sight. The
picker therefore shows only what tells devices of one kind apart on the shelf: the inventory
number in full (it is read off the label), the model, the serial number and the location;
every cell's full text is in its tooltip. Hidden: the kind (the application's, the same on
every row), the status ("Pieejams" on every row) and how the device came back last time.
While the picker is shown the desk widens the panel to ``wanted_width`` (see
``DeskPage._make_room``) and gives the room back afterwards.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from desktop.views.device_picker import DevicePicker

_FIT = QHeaderView.ResizeMode.ResizeToContents
_HEADING = QHeaderView.ResizeMode.Interactive  # as wide as its heading: long models elided
_REST = QHeaderView.ResizeMode.Stretch
COLUMNS = {"inventory_no": _FIT, "model": _HEADING, "serial_no": _FIT, "location": _REST}
MIN_ROWS = 3  # in sight however short the panel: the dialogs' taller table would not fit
LOCATION_MAX = 170  # a long location is elided rather than taking the case list's room
_PADDING = 16  # a heading's margins


def fit_columns(picker: DevicePicker) -> None:
    """Hide the columns the desk does without and size the others (see the docstring)."""
    table = picker.table
    header = table.horizontalHeader()
    header.setStretchLastSection(False)  # the last section, the notes, is hidden
    for column, (key, *_rest) in enumerate(picker.model.columns):
        mode = COLUMNS.get(key)
        table.setColumnHidden(column, mode is None)
        if mode is not None:
            header.setSectionResizeMode(column, mode)
        if mode is _HEADING:  # its text with the margins, not the sort arrow's room too
            header.resizeSection(column, _heading_width(picker, column))
    table.setMinimumHeight(header.sizeHint().height() + 2 * table.frameWidth()
                           + MIN_ROWS * table.verticalHeader().defaultSectionSize())


def _heading_width(picker: DevicePicker, column: int) -> int:
    title = str(picker.model.headerData(column, Qt.Orientation.Horizontal))
    return picker.table.horizontalHeader().fontMetrics().horizontalAdvance(title) + _PADDING


def wanted_width(picker: DevicePicker) -> int:
    """How wide the picker would show its rows without eliding a number or a serial and with
    room for the location (up to ``LOCATION_MAX``), from its rows even while hidden."""
    table = picker.table
    header = table.horizontalHeader()
    width = 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width()
    for column, (key, *_rest) in enumerate(picker.model.columns):
        mode = COLUMNS.get(key)
        if mode is _FIT:
            width += max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        elif mode is _HEADING:
            width += header.sectionSize(column)
        elif mode is _REST:
            width += min(LOCATION_MAX, max(table.sizeHintForColumn(column),
                                           _heading_width(picker, column)))
    return width
