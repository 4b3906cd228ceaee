"""The screen turned to the applicant: their name, the resource, a large QR code of the
e-service page where they confirm receipt, and short instructions; then "Saņemts".

A separate top-level window that can go full screen on a second monitor. It is given only
what it shows (a name, a resource, a URL): no other person's data can reach it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QShortcut,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from desktop.documents import qr

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


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
    """A centred label the style sheet finds by its object name."""
    label = QLabel(text, alignment=Qt.AlignmentFlag.AlignCenter)
    label.setObjectName(name)
    return label


class CustomerScreen(QWidget):
    """See the module docstring. ``show_card`` then ``show_confirmed``; Esc leaves full screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Resursa saņemšana"))
        self.setObjectName("customer_screen")
        self.setStyleSheet(
            "#customer_screen{background:#ffffff}"
            "QLabel{color:#1d2433}"
            "QLabel#name{font-size:30px;font-weight:600}"
            "QLabel#resource{font-size:20px;color:#4a5366}"
            "QLabel#steps{font-size:17px}"
            "QLabel#done_mark{font-size:120px;color:#2e7d32}"
            "QLabel#done_title{font-size:34px;font-weight:600;color:#2e7d32}"
            "QLabel#done_text{font-size:19px}")
        self.setAutoFillBackground(True)
        self.name = _centred("name")
        self.resource = _centred("resource")
        self.resource.setWordWrap(True)
        self.code = QrWidget()
        self.steps = _centred("steps")
        self.steps.setWordWrap(True)
        self.steps.setText(self.tr(
            "1. Noskenējiet QR kodu ar sava tālruņa kameru.<br>"
            "2. Pierakstieties portālā latvija.lv.<br>"
            "3. Pārbaudiet resursu un nospiediet „Apstiprinu saņemšanu”."))

        waiting = QWidget()
        wl = QVBoxLayout(waiting)
        wl.setContentsMargins(40, 30, 40, 30)
        wl.setSpacing(14)
        wl.addWidget(self.name)
        wl.addWidget(self.resource)
        wl.addWidget(self.code, 1)
        wl.addWidget(self.steps)

        done = QWidget()
        dl = QVBoxLayout(done)
        dl.setContentsMargins(40, 30, 40, 30)
        dl.addStretch(1)
        self.done_name = _centred("name")
        mark = _centred("done_mark", "✓")
        self.done_title = _centred("done_title", self.tr("Saņemts"))
        self.done_text = _centred("done_text")
        self.done_text.setWordWrap(True)
        self.done_text.setText(self.tr(
            "Paldies! Saņemšana apstiprināta. Pieņemšanas-nodošanas akts ir noformēts."))
        for w in (self.done_name, mark, self.done_title, self.done_text):
            dl.addWidget(w)
        dl.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(waiting)
        self.pages.addWidget(done)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._leave.activated.connect(self._leave_full_screen)
        self.resize(720, 900)

    def _leave_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()

    @property
    def confirmed(self) -> bool:
        return self.pages.currentIndex() == 1

    def show_card(self, applicant_name: str, resource: str, url: str) -> None:
        """Replace whatever was shown: one applicant at a time."""
        self.name.setText(applicant_name)
        self.done_name.setText(applicant_name)
        self.resource.setText(resource)
        self.code.set_url(url)
        self.pages.setCurrentIndex(0)

    def show_confirmed(self) -> None:
        self.pages.setCurrentIndex(1)

    def clear(self) -> None:
        """Nothing of the last applicant stays on the screen."""
        for label in (self.name, self.done_name, self.resource):
            label.clear()
        self.code.set_url("")
        self.pages.setCurrentIndex(0)

    def show_on(self, screen_index: int | None = None, *, full_screen: bool = False) -> None:
        """Show on the chosen monitor (the applicant's), full screen if asked."""
        screens = QGuiApplication.screens()
        if screen_index is not None and 0 <= screen_index < len(screens):
            self.setScreen(screens[screen_index])
            self.move(screens[screen_index].availableGeometry().topLeft())
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        if QGuiApplication.platformName() != "offscreen":  # which cannot stack windows
            self.raise_()
