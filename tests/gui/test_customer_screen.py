"""The applicant-facing screen: only their name, the resource, a QR code that decodes to the
URL, the instructions; then "Saņemts"; and nothing of them stays after ``clear``."""

from __future__ import annotations

import io

import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtWidgets import QLabel

from desktop.views.customer_screen import CustomerScreen, QrWidget

URL = "https://e.latvija.lv/resursi/pieteikumi/1042/sanemsana"


def _decode(widget: QrWidget | CustomerScreen) -> list[str]:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(bytes(buffer.data()))))]


def _texts(screen: CustomerScreen) -> str:
    return " ".join(label.text() for label in screen.findChildren(QLabel)
                    if label.isVisibleTo(screen))


def test_shows_the_applicant_resource_and_a_code_that_decodes(qtbot) -> None:
    screen = CustomerScreen()
    qtbot.addWidget(screen)
    screen.resize(640, 820)
    screen.show_card("Līga Šķēle-Ņikitina", "Windows portatīvais dators", URL)
    with qtbot.waitSignal(screen.code.painted, timeout=2000):
        screen.show()
    assert _decode(screen) == [URL]
    text = _texts(screen)
    assert "Līga Šķēle-Ņikitina" in text and "Windows portatīvais dators" in text
    assert "latvija.gov.lv" in text and "QR kodu" in text
    assert not screen.confirmed


def test_code_stays_readable_when_small(qtbot) -> None:
    widget = QrWidget()
    qtbot.addWidget(widget)
    widget.set_url(URL)
    widget.resize(230, 230)
    widget.show()
    assert _decode(widget) == [URL]


def test_confirmed_then_cleared(qtbot) -> None:
    screen = CustomerScreen()
    qtbot.addWidget(screen)
    screen.show_card("Jānis Bērziņš", "Planšetdators", URL)
    screen.show()
    screen.show_confirmed()
    assert screen.confirmed
    text = _texts(screen)
    assert "Saņemts" in text and "Jānis Bērziņš" in text
    screen.clear()
    assert not screen.confirmed
    assert "Jānis Bērziņš" not in " ".join(lbl.text() for lbl in screen.findChildren(QLabel))
    assert screen.code.url == "" and _decode(screen.code) == []


def test_next_applicant_replaces_the_last(qtbot) -> None:
    screen = CustomerScreen()
    qtbot.addWidget(screen)
    screen.show_card("Jānis Bērziņš", "Planšetdators", URL)
    screen.show_confirmed()
    screen.show_card("Anna Ozoliņa", "Chromebook portatīvais dators", URL.replace("1042", "7"))
    screen.show()
    labels = " ".join(lbl.text() for lbl in screen.findChildren(QLabel))
    assert "Jānis" not in labels and "Anna Ozoliņa" in labels and not screen.confirmed
    assert _decode(screen) == [URL.replace("1042", "7")]


def test_show_on_a_chosen_screen(qtbot) -> None:
    screen = CustomerScreen()
    qtbot.addWidget(screen)
    screen.show_card("Anna Ozoliņa", "Planšetdators", URL)
    screen.show_on(0)
    assert screen.isVisible() and not screen.isFullScreen()
    screen.show_on(99, full_screen=True)  # a monitor unplugged since: stays where it is
    assert screen.isVisible()
