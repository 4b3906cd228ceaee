"""The applicant's screen on one monitor and on two (issue 13), and its way back to a neutral
welcome page.

One monitor (a 1366×768 laptop at 125 %: 1093×614 logical pixels, less the task bar) gets a
window sized from the screen's available geometry beside the staff's controls, with a visible
close control and the instructions never cut off; a second monitor gets the full screen as
before. The monitors are the screen's ``screens`` callable (QGuiApplication.screens in the
app), so a test can pose as either setup."""

from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from desktop.desk import HandoverWatch, desk_services
from desktop.tasks import TaskRunner
from desktop.views.customer_screen import CustomerScreen, beside_geometry
from desktop.views.desk_page import DeskPage
from factories import DESK, seed_catalogue

URL = "https://e.latvija.lv/resursi/pieteikumi/1042/sanemsana"
LAPTOP = QRect(0, 0, 1093, 584)  # 1366×768 at 125 %, a 30-pixel task bar at the bottom
NAME = "Līga Šķēle-Ņikitina"


class _Laptop:
    """The one monitor of a laptop, as far as the screen asks about it."""

    def availableGeometry(self) -> QRect:
        return QRect(LAPTOP)

    def geometry(self) -> QRect:
        return QRect(0, 0, 1093, 614)

    def name(self) -> str:
        return "eDP-1"


def _decode(screen: CustomerScreen) -> list[str]:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    screen.grab().save(buffer, "PNG")
    return [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(bytes(buffer.data()))))]


def _texts(screen: CustomerScreen) -> str:
    return " ".join(label.text() for label in screen.findChildren(QLabel))


@pytest.fixture
def laptop(qtbot) -> CustomerScreen:
    screen = CustomerScreen(screens=lambda: [_Laptop()])
    qtbot.addWidget(screen)
    screen.show_card(NAME, "Windows portatīvais dators", URL)
    return screen


def test_the_window_is_sized_from_the_screen_and_leaves_the_staff_controls(qtbot) -> None:
    window = beside_geometry(LAPTOP)
    assert LAPTOP.contains(window)
    assert window.top() >= 24  # room for the title bar, whose close box stays on screen
    assert window.height() >= LAPTOP.height() - 60  # as tall as the screen allows
    # beside the staff's controls (the desk's right-hand panel), not over all of it
    assert window.left() - LAPTOP.left() <= 8 and window.width() <= 0.65 * LAPTOP.width()
    small = beside_geometry(QRect(0, 0, 800, 560))
    assert QRect(0, 0, 800, 560).contains(small)


def test_one_monitor_fits_the_laptop_with_the_instructions_in_sight(qtbot, laptop) -> None:
    assert laptop.one_monitor
    with qtbot.waitSignal(laptop.code.painted, timeout=2000):
        laptop.show_on(0)
    assert not laptop.isFullScreen()
    assert laptop.geometry() == beside_geometry(LAPTOP)
    assert laptop.close_button.isVisible()
    # everything in sight without scrolling: the name, the code, all three steps
    assert laptop.scroll_area.verticalScrollBar().maximum() == 0
    viewport = laptop.scroll_area.viewport()
    for label in (laptop.name, laptop.steps):
        bottom = label.mapTo(viewport, label.rect().bottomLeft()).y()
        assert 0 <= bottom <= viewport.height(), label.objectName()
    assert "Apstiprinu saņemšanu" in laptop.steps.text()
    assert laptop.code.height() >= 220
    assert _decode(laptop) == [URL]


def test_a_window_made_smaller_scrolls_to_the_instructions(qtbot, laptop) -> None:
    laptop.show_on(0)
    laptop.resize(380, 330)
    qtbot.waitUntil(lambda: laptop.scroll_area.verticalScrollBar().maximum() > 0, timeout=2000)
    laptop.scroll_area.ensureWidgetVisible(laptop.steps)
    viewport = laptop.scroll_area.viewport()
    assert laptop.steps.mapTo(viewport, laptop.steps.rect().bottomLeft()).y() <= (
        viewport.height())


def test_the_close_control_closes_the_window(qtbot, laptop) -> None:
    laptop.show_on(0)
    assert laptop.close_button.isVisible() and laptop.close_button.text()
    laptop.close_button.click()
    assert not laptop.isVisible()


def test_two_monitors_full_screen_on_the_applicants(qtbot) -> None:
    primary = QGuiApplication.primaryScreen()
    screen = CustomerScreen(screens=lambda: [primary, primary])
    qtbot.addWidget(screen)
    assert not screen.one_monitor
    screen.show_card(NAME, "Planšetdators", URL)
    screen.show_on(1, full_screen=True)
    assert screen.isFullScreen()
    assert not screen.close_button.isVisible()  # nothing for the applicant to close
    screen.showNormal()
    screen.show_on(1, full_screen=False)  # a window on the second monitor
    assert not screen.isFullScreen() and screen.close_button.isVisible()
    assert primary.availableGeometry().contains(screen.geometry())


def test_confirmed_then_welcome_after_the_timer(qtbot) -> None:
    screen = CustomerScreen(screens=lambda: [_Laptop()], welcome_after_ms=12_345)
    qtbot.addWidget(screen)
    screen.show_card(NAME, "Planšetdators", URL)
    screen.show_confirmed()
    assert screen.confirmed and NAME in _texts(screen)
    assert screen.welcome_timer.isActive() and screen.welcome_timer.interval() == 12_345
    screen.welcome_timer.timeout.emit()
    assert screen.welcoming and NAME not in _texts(screen) and screen.code.url == ""
    assert "Laipni lūdzam" in _texts(screen)


def test_the_next_applicant_is_not_wiped_by_the_last_ones_timer(qtbot) -> None:
    screen = CustomerScreen(screens=lambda: [_Laptop()])
    qtbot.addWidget(screen)
    screen.show_card("Jānis Bērziņš", "Planšetdators", URL)
    screen.show_confirmed()
    screen.show_card(NAME, "Planšetdators", URL.replace("1042", "7"))
    assert not screen.welcome_timer.isActive()
    assert NAME in _texts(screen) and not screen.welcoming


@pytest.mark.parametrize(("monitors", "full", "chosen"), [(1, False, 0), (2, True, 1)])
def test_the_desk_offers_full_screen_only_with_a_second_monitor(qtbot, store, monitors, full,
                                                                chosen) -> None:
    seed_catalogue(store)
    primary = QGuiApplication.primaryScreen()
    customer = CustomerScreen(screens=lambda: [primary] * monitors)
    tasks = TaskRunner()
    watch = HandoverWatch(tasks, lambda hid: None, lambda hid: None)
    page = DeskPage(tasks, desk_services(store, lambda: DESK, url_template=lambda: URL),
                    watch, customer)
    qtbot.addWidget(page)
    qtbot.addWidget(customer)
    assert page.screen_choice.count() == monitors
    assert page.full_screen.isChecked() is full
    assert page.screen_choice.currentIndex() == chosen
    page.close()
    tasks.wait()


def test_on_one_monitor_it_stays_above_the_staff_window_without_taking_the_keyboard(
        qtbot, laptop) -> None:
    staff = QLabel("Izsniegšana")
    qtbot.addWidget(staff)
    staff.show()
    laptop.show_on(0, staff=staff)
    assert laptop.windowHandle().transientParent() is staff.windowHandle()
    primary = QGuiApplication.primaryScreen()
    two = CustomerScreen(screens=lambda: [primary, primary])
    qtbot.addWidget(two)
    two.show_on(1, full_screen=True, staff=staff)  # the applicant's own monitor: on its own
    assert two.windowHandle().transientParent() is None
