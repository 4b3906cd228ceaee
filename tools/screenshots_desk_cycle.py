"""Render one applicant after another at the issuing desk on a laptop alone (offscreen, Latvian
demo data, a 1366×768 screen at 125 %: QT_SCALE_FACTOR=1.25 and the offscreen platform given
that one screen, so the applicant's screen sizes itself from it as it would on the laptop).

    python -m tools.screenshots_desk_cycle [--out docs/screenshots] [--lang lv|en]

Writes, in the main window as it is maximised on that screen:
- applicant-screen-one-monitor.png: the whole laptop screen while the desk waits for the
  confirmation, the applicant's window (QR code, steps, close button) over the list, the
  desk's own controls beside it;
- desk-issued.png: the confirmation came: the banner, "Izsniegts", "Nākamais iesniedzējs";
- desk-next-applicant.png: after "Nākamais iesniedzējs": nothing of the last applicant stays,
  the search waits for the next one;
- applicant-screen-welcome.png: the applicant's window back on its welcome page.
``--lang en`` writes the same with an ``-en`` suffix through the English translation compiled
from ``--ts``.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

SCREEN = (1366, 768)  # physical pixels
SCALE = "1.25"
STAFF = "Ģirts Ļaviņš"
TEMPLATE = "https://e.latvija.lv/resursi/pieteikumi/{application_id}/sanemsana"


def _one_laptop_screen() -> None:
    """The offscreen platform with one 1366×768 screen (set before QApplication exists)."""
    config = Path(tempfile.mkdtemp(prefix="resursi-screen-")) / "screens.json"
    config.write_text(json.dumps({"screens": [{
        "name": "eDP-1", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ.setdefault("QT_SCALE_FACTOR", SCALE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", "--language", dest="lang", choices=("lv", "en"), default="lv")
    parser.add_argument("--ts", type=Path, default=Path("desktop/i18n/resursi_en.ts"),
                        help="the Qt Linguist source of the English translation")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    _one_laptop_screen()

    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    from bench.desk_bench import SCHOOL, _item_id
    from bench.desk_bench import _seed as seed_school
    from desktop.desk import HandoverWatch, desk_services, produce_act
    from desktop.models import desk
    from desktop.models.codes import HandoverStatus, ItemStatus, StaffRole
    from desktop.models.journal import Actor
    from desktop.models.schema import Handover, Item
    from desktop.models.store import open_store
    from desktop.settings import SettingsStore
    from desktop.tasks import TaskRunner
    from desktop.views.customer_screen import CustomerScreen
    from desktop.views.desk_page import DeskPage
    from desktop.views.main_window import MainWindow
    from tools.shots import english as _english

    qt_app = QApplication.instance() or QApplication([])
    actor = Actor("desk.girts", SCHOOL, StaffRole.DESK)

    def settle(seconds: float = 0.3) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            qt_app.processEvents()
            time.sleep(0.01)

    suffix = "" if args.lang == "lv" else "-en"
    written: list[Path] = []

    def save(image: QImage, name: str) -> None:
        target = out / f"{name}{suffix}.png"
        image.save(str(target))
        written.append(target)
        print(f"{target}: {image.width()}×{image.height()} px")

    def laptop(windows: list[QWidget]) -> QImage:
        """The laptop's screen: each window drawn where it is, a title bar above the
        applicant's (the offscreen platform draws no window decorations)."""
        screen = qt_app.primaryScreen()
        ratio = screen.devicePixelRatio()
        image = QImage(round(screen.geometry().width() * ratio),
                       round(screen.geometry().height() * ratio), QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor("#3b4252"))
        painter = QPainter(image)
        for window in windows:
            frame = window.geometry()
            if window is customer:
                bar = QRect(frame.left() - 1, frame.top() - 30, frame.width() + 2, 30)
                painter.fillRect(bar, QColor("#2e3440"))
                painter.fillRect(QRect(frame.left() - 1, frame.top(), frame.width() + 2,
                                       frame.height() + 1), QColor("#2e3440"))
                painter.setPen(QColor("#eceff4"))
                font = QFont(painter.font())
                font.setBold(True)
                painter.setFont(font)
                painter.drawText(bar.adjusted(10, 0, -40, 0), Qt.AlignmentFlag.AlignVCenter,
                                 window.windowTitle())
                painter.drawText(bar.adjusted(0, 0, -12, 0), Qt.AlignmentFlag.AlignVCenter
                                 | Qt.AlignmentFlag.AlignRight, "✕")
            painter.drawPixmap(QPoint(frame.left(), frame.top()), window.grab())
        painter.end()
        return image

    with tempfile.TemporaryDirectory(prefix="resursi-desk-cycle-shots-") as folder:
        translator = _english(Path(folder), args.ts) if args.lang == "en" else None
        store = open_store(Path(folder) / "data")
        ids = seed_school(store, 14)
        tasks = TaskRunner()
        watch = HandoverWatch(tasks, lambda hid: desk.handover_state(store, actor, hid),
                              lambda hid: produce_act(store, actor, hid, STAFF), poll_ms=200)
        services = desk_services(store, lambda: actor, url_template=lambda: TEMPLATE,
                                 staff_name=lambda: STAFF)
        customer = CustomerScreen()  # the screens QGuiApplication reports: the laptop's one
        page = DeskPage(tasks, services, watch, customer)
        page.print_file = lambda _parent, _path: True
        window = MainWindow(school_name="Rīgas Āgenskalna Valsts ģimnāzija",
                            user_label=STAFF, settings=SettingsStore.in_memory())
        window.add_section(page.tr("Izsniegšana"), page, icon_name="desk")
        window.setGeometry(qt_app.primaryScreen().availableGeometry())
        window.show()
        page.cases.reload()
        settle()

        target = ids[3]
        page.cases.table.setCurrentIndex(
            page.cases.model.index_of(lambda r: r.application_id == target))
        settle(0.2)
        with store.read() as s:
            page.scan.setText(s.get(Item, _item_id(3)).inventory_no)  # type: ignore[union-attr]
        page.start_button.click()
        settle(0.8)
        assert customer.isVisible() and customer.one_monitor, "no applicant's window"
        save(laptop([window, customer]), "applicant-screen-one-monitor")

        handover_id = page.card.handover_id  # type: ignore[union-attr]
        with store.write() as s:  # what the pull writes once the applicant confirmed
            h = s.get(Handover, handover_id)
            h.status, h.issued_at = HandoverStatus.ISSUED, datetime.now(UTC)
            s.get(Item, h.item_id).status = ItemStatus.IN_USE  # type: ignore[union-attr]
        settle(1.2)
        assert page.act_path is not None, "the act was not filed"
        customer.hide()  # the desk as the staff see it once the applicant turned away
        save(window.grab().toImage(), "desk-issued")

        customer.welcome_timer.timeout.emit()  # the delay over
        customer.show_on(0)
        settle(0.3)
        save(customer.grab().toImage(), "applicant-screen-welcome")

        page.next_button.click()
        settle(0.6)
        save(window.grab().toImage(), "desk-next-applicant")

        window.close()
        customer.close()
        tasks.shutdown(5000)
        store.close()
        del translator
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
