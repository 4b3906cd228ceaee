"""The screen turned to the applicant: a neutral welcome page; then their name, the resource, a
large QR code of the e-service page where they confirm receipt, and short instructions; then
"Saņemts", which gives way to the welcome page again after ``welcome_after_ms`` (the
``welcome_timer``) or at once on ``show_welcome``.

A separate top-level window. It is given only what it shows (a name, a resource, a URL): no
other person's data can reach it, and the welcome page names nobody.

Where it goes depends on the monitors (``screens``: QGuiApplication.screens unless a test
poses as another setup). A second monitor is turned to the applicant: the window fills it.
A laptop alone gets a window sized from the screen's available geometry over the left part of
the staff window (the list of cases, which the applicant need not see), leaving the desk's own
controls on the right in sight; smaller type, a scroll area so that the instructions are never
cut off, and a close button.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QScreen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.documents import qr

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
WELCOME_AFTER_MS = 20_000  # "Saņemts" stays long enough to be read, then names nobody
# A window beside the staff window on one monitor (logical pixels): the share of the screen's
# width it takes on the left, within these bounds, below room for the window manager's title
# bar (the close box must stay on the screen). The share covers the navigation and the desk's
# list of cases (other families' names) in a maximised staff window, not the desk's controls.
BESIDE_SHARE = 0.62
BESIDE_WIDTH = (380, 760)
TITLE_BAR = 32
FRAME = 4  # the window's border
WINDOW_SIZE = QSize(720, 900)  # a window on a second monitor, at most

_WHITE = "#ffffff"
_STYLE = (
    "#customer_screen, #page, #pages, #scroll, #viewport{{background:{white};border:none}}"
    "#close_bar{{background:#eef1f5}}"
    "QLabel{{color:#1d2433}}"
    "QLabel#name{{font-size:{name}px;font-weight:600}}"
    "QLabel#resource{{font-size:{resource}px;color:#4a5366}}"
    "QLabel#steps{{font-size:{steps}px}}"
    "QLabel#done_mark{{font-size:{mark}px;color:#2e7d32}}"
    "QLabel#done_title, QLabel#welcome_title{{font-size:{title}px;font-weight:600}}"
    "QLabel#done_title{{color:#2e7d32}}"
    "QLabel#done_text, QLabel#welcome_text{{font-size:{text}px}}"
    "QLabel#welcome_text{{color:#4a5366}}")
_LOOKS = {  # (font sizes, margins, spacing)
    False: (dict(name=30, resource=20, steps=17, mark=120, title=34, text=19), (40, 30), 14),
    True: (dict(name=24, resource=17, steps=15, mark=80, title=28, text=16), (20, 12), 8),
}


def beside_geometry(available: QRect) -> QRect:
    """The window (its client area) on a monitor shared with the staff window: as tall as the
    screen's ``available`` area allows under a title bar, on its left (see the module
    docstring), as wide as ``BESIDE_SHARE`` of it within ``BESIDE_WIDTH``."""
    low, high = BESIDE_WIDTH
    width = min(available.width() - 2 * FRAME, max(low, min(high, round(available.width() * BESIDE_SHARE))))
    top = available.top() + TITLE_BAR
    return QRect(available.left() + FRAME, top, width,
                 available.bottom() + 1 - FRAME - top)


def _window_on(available: QRect) -> QRect:
    """A window on a second monitor: at most ``WINDOW_SIZE``, within the monitor."""
    top = available.top() + TITLE_BAR
    return QRect(available.left() + FRAME, top,
                 min(WINDOW_SIZE.width(), available.width() - 2 * FRAME),
                 min(WINDOW_SIZE.height(), available.bottom() + 1 - FRAME - top))


class QrWidget(QWidget):
    """Paints a QR code as crisp squares at any size.

    The code is one pixel per module (segno's PNG at scale 1, quiet zone included), drawn
    scaled by a whole number of device pixels without smoothing, so the edges stay sharp for
    a phone's camera.
    """

    painted = Signal()  # after the code is on screen (for the bench and tests)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self.url = ""
        self.setMinimumSize(220, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(self.tr("QR kods saņemšanas apstiprināšanai"))

    def set_url(self, url: str) -> None:
        self.url = url
        image = QImage()
        if url:  # (not fromData: its stub types the format as bytes, which Qt refuses)
            image.loadFromData(qr.png(url, scale=1, border=QUIET_ZONE), "PNG")
        self._image = image
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        drawn = not self._image.isNull()
        if drawn:
            count = self._image.width()
            module = max(1, min(self.width(), self.height()) // count)
            side = module * count
            target = QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.drawImage(target, self._image)
        painter.end()
        if drawn:
            self.painted.emit()


def _centred(name: str, text: str = "") -> QLabel:
    """A centred, wrapping label the style sheet finds by its object name."""
    label = QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def _page(*widgets: QWidget | None) -> tuple[QWidget, QVBoxLayout]:
    """A page of the stack; None stands for a stretch."""
    page = QWidget()
    page.setObjectName("page")
    layout = QVBoxLayout(page)
    for widget in widgets:
        if widget is None:
            layout.addStretch(1)
        else:
            layout.addWidget(widget, 1 if isinstance(widget, QrWidget) else 0)
    return page, layout


class CustomerScreen(QWidget):
    """See the module docstring. ``show_card``, then ``show_confirmed``, then back to the
    welcome page by itself; Esc leaves full screen."""

    def __init__(self, parent: QWidget | None = None, *,
                 screens: Callable[[], Sequence[Any]] | None = None,
                 welcome_after_ms: int = WELCOME_AFTER_MS) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        # QScreen-like objects (availableGeometry, name): QGuiApplication.screens in the app
        self.screens: Callable[[], Sequence[Any]] = screens or QGuiApplication.screens
        self.setWindowTitle(self.tr("Iesniedzēja ekrāns"))
        self.setObjectName("customer_screen")
        self.setAutoFillBackground(True)

        self.welcome_title = _centred("welcome_title", self.tr("Laipni lūdzam!"))
        self.welcome_text = _centred("welcome_text", self.tr(
            "Kad darbinieks būs sagatavojis resursu, šeit parādīsies QR kods saņemšanas "
            "apstiprināšanai."))
        welcome, wl = _page(None, self.welcome_title, self.welcome_text, None)

        self.name = _centred("name")
        self.resource = _centred("resource")
        self.code = QrWidget()
        self.steps = _centred("steps")
        self.steps.setText(self.tr(
            "1. Noskenējiet QR kodu ar sava tālruņa kameru.<br>"
            "2. Pierakstieties portālā latvija.gov.lv.<br>"
            "3. Pārbaudiet resursu un nospiediet „Apstiprinu saņemšanu“."))
        waiting, ql = _page(self.name, self.resource, self.code, self.steps)

        self.done_name = _centred("name")
        mark = _centred("done_mark", "✓")
        self.done_title = _centred("done_title", self.tr("Saņemts"))
        self.done_text = _centred("done_text", self.tr(
            "Paldies! Saņemšana apstiprināta. Pieņemšanas-nodošanas akts ir noformēts."))
        done, dl = _page(None, self.done_name, mark, self.done_title, self.done_text, None)
        self._page_layouts = (wl, ql, dl)

        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        for page in (welcome, waiting, done):
            self.pages.addWidget(page)
        self._welcome, self._waiting, self._done = welcome, waiting, done
        # the pages scroll rather than lose the instructions off a small screen's bottom
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.viewport().setObjectName("viewport")
        self.scroll_area.setWidget(self.pages)

        self.close_button = QPushButton(self.tr("Aizvērt"))
        self.close_button.setToolTip(self.tr("Aizvērt iesniedzēja ekrānu"))
        self.close_button.clicked.connect(self.close)
        self.close_bar = QWidget()
        self.close_bar.setObjectName("close_bar")
        self.close_bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        bar = QHBoxLayout(self.close_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addStretch(1)
        bar.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.close_bar)
        layout.addWidget(self.scroll_area, 1)

        self.welcome_timer = QTimer(self, singleShot=True, interval=welcome_after_ms)
        self.welcome_timer.timeout.connect(self.show_welcome)
        self._leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._leave.activated.connect(self._leave_full_screen)
        self._compact: bool | None = None
        self._set_look(compact=self.one_monitor)
        self.pages.setCurrentWidget(welcome)
        self.resize(WINDOW_SIZE)

    # -- what it shows -----------------------------------------------------------------------
    @property
    def confirmed(self) -> bool:
        return self.pages.currentWidget() is self._done

    @property
    def welcoming(self) -> bool:
        """The neutral page: nobody's name, no code."""
        return self.pages.currentWidget() is self._welcome

    def show_card(self, applicant_name: str, resource: str, url: str) -> None:
        """Replace whatever was shown: one applicant at a time."""
        self.welcome_timer.stop()  # the last applicant's timer must not clear this one
        self.name.setText(applicant_name)
        self.done_name.setText(applicant_name)
        self.resource.setText(resource)
        self.code.set_url(url)
        self.pages.setCurrentWidget(self._waiting)

    def show_confirmed(self) -> None:
        self.pages.setCurrentWidget(self._done)
        self.welcome_timer.start()

    def show_welcome(self) -> None:
        """Nothing of the last applicant stays on the screen."""
        self.welcome_timer.stop()
        for label in (self.name, self.done_name, self.resource):
            label.clear()
        self.code.set_url("")
        self.pages.setCurrentWidget(self._welcome)

    clear = show_welcome

    # -- where it is shown -------------------------------------------------------------------
    @property
    def one_monitor(self) -> bool:
        """The staff window and this one share the only monitor."""
        return len(self.screens()) < 2

    def show_on(self, screen_index: int | None = None, *, full_screen: bool = False,
                staff: QWidget | None = None) -> None:
        """Show on the chosen monitor (the applicant's), full screen if asked; on a laptop
        alone, beside the staff's controls (see the module docstring), kept above the
        ``staff`` window (a click on the desk does not bury it, the desk's own dialogs still
        come on top)."""
        screens = list(self.screens())
        single = len(screens) < 2
        self._set_look(compact=single)
        self._stay_above(staff.window() if single and staff is not None else None)
        chosen: Any = None
        if single:
            chosen = screens[0] if screens else None
        elif screen_index is not None and 0 <= screen_index < len(screens):
            chosen = screens[screen_index]
            if isinstance(chosen, QScreen):
                self.setScreen(chosen)
        if chosen is not None and not full_screen:
            available = chosen.availableGeometry()
            if self.isFullScreen():
                self.showNormal()
            self.setGeometry(beside_geometry(available) if single else _window_on(available))
        elif chosen is not None:
            self.move(chosen.availableGeometry().topLeft())
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self._show_close_bar()
        if QGuiApplication.platformName() != "offscreen":  # which cannot stack windows
            self.raise_()  # not activated: the scanner types into the staff window

    def _stay_above(self, staff: QWidget | None) -> None:
        self.winId()  # the native window, whose stacking is set
        handle = self.windowHandle()
        if handle is not None:
            # None unties it (Qt takes a null window; the stub does not say so)
            handle.setTransientParent(
                staff.windowHandle() if staff is not None else None)  # type: ignore[arg-type]

    def _leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.WindowStateChange:
            self._show_close_bar()
        super().changeEvent(event)

    def _show_close_bar(self) -> None:
        # nothing for the applicant to close on their own monitor; on the laptop the staff
        # close it themselves
        self.close_bar.setVisible(not self.isFullScreen() or self.one_monitor)

    def _set_look(self, *, compact: bool) -> None:
        if compact is self._compact:
            return
        self._compact = compact
        sizes, (side, ends), spacing = _LOOKS[compact]
        self.setStyleSheet(_STYLE.format(white=_WHITE, **sizes))
        for layout in self._page_layouts:
            layout.setContentsMargins(side, ends, side, ends)
            layout.setSpacing(spacing)
