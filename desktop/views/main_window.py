"""The main window: navigation on the left, the section on the right, sync state below."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from desktop.icons import icon
from desktop.settings import SettingsStore


class MainWindow(QMainWindow):
    """Sections are added by the composition root; the window only arranges them."""

    def __init__(self, *, school_name: str, user_label: str, settings: SettingsStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Resursi — {0}").format(school_name))
        self.setMinimumSize(QSize(900, 560))

        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Sadaļas"))
        self.navigation.setIconSize(QSize(22, 22))
        self._fit_navigation()
        self.stack = QStackedWidget()
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        # A plain row, not a splitter: the navigation's width is fixed, and a splitter would
        # hand it a share of a 1366 px screen as a blank strip beside it.
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.school_label = QLabel(school_name)
        self.user_label = QLabel(user_label)
        self.connection_icon = QLabel()
        self.connection_icon.setPixmap(icon("offline").pixmap(16, 16))
        self.connection_label = QLabel(self.tr("Bezsaistē"))
        self.sync_label = QLabel()
        # The one place a background failure is told (non-modal: work goes on meanwhile).
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet("color: #a52a2a; font-weight: bold;")
        self.error_label.setAccessibleName(self.tr("Kļūda"))
        self.error_label.hide()
        self._error_timer = QTimer(self, singleShot=True, interval=self.ERROR_SHOWN_MS)
        self._error_timer.timeout.connect(self.clear_error)
        bar = self.statusBar()
        bar.addWidget(self.school_label)
        bar.addWidget(self.user_label)
        bar.addWidget(self.error_label, 1)
        bar.addPermanentWidget(self.connection_icon)
        bar.addPermanentWidget(self.connection_label)
        bar.addPermanentWidget(self.sync_label)

        self.setWindowIcon(icon("app"))
        self.sync_action = QAction(icon("sync"), self.tr("Sinhronizēt tagad"), self)
        self.sync_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.sync_action.setToolTip(self.tr("Sinhronizēt ar centrālo servisu (F5)"))
        self.sync_action.setEnabled(False)
        self.toolbar = self.addToolBar(self.tr("Darbības"))
        self.toolbar.setObjectName("actions")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setIconSize(QSize(20, 20))
        self.toolbar.addAction(self.sync_action)
        self.toolbar.addSeparator()

        self.application_menu: QMenu | None = None  # made when the first actions come
        self.quit_action = QAction(icon("sign-out"), self.tr("Iziet"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.addAction(self.quit_action)
        self._restore_geometry()

    def add_section(self, title: str, page: QWidget, shortcut: str | None = None,
                    icon_name: str | None = None) -> None:
        item = QListWidgetItem(title)
        if icon_name:
            item.setIcon(icon(icon_name))
        self.navigation.addItem(item)
        self._fit_navigation()
        self.stack.addWidget(page)
        if shortcut:
            action = QAction(title, self)
            action.setShortcut(QKeySequence(shortcut))
            row = self.navigation.count() - 1
            action.triggered.connect(lambda: self.navigation.setCurrentRow(row))
            self.addAction(action)
        if self.navigation.count() == 1:
            self.navigation.setCurrentRow(0)

    NAVIGATION_LEAST = 120

    def _fit_navigation(self) -> None:
        """As wide as the longest section's title and its icon, not more: on a 1366 px
        laptop at 125 % every pixel it does not take is the inbox's."""
        metrics = self.navigation.fontMetrics()
        icon_width = self.navigation.iconSize().width()
        padding = 3 * metrics.height() // 2 + 12  # the item's margins and the icon's gap
        widest = max((metrics.horizontalAdvance(self.navigation.item(row).text())
                      for row in range(self.navigation.count())), default=0)
        for row in range(self.navigation.count()):
            self.navigation.item(row).setSizeHint(QSize(widest + icon_width + padding, 36))
        frame = 2 * self.navigation.frameWidth()
        self.navigation.setFixedWidth(
            max(widest + icon_width + padding + frame + 4, self.NAVIGATION_LEAST))

    def show_section(self, page: QWidget) -> None:
        row = self.stack.indexOf(page)
        if row >= 0:
            self.navigation.setCurrentRow(row)

    def add_actions(self, actions: list[QAction]) -> None:
        """Actions on the selected applications: on the toolbar, in the "Pieteikums" menu
        (where their shortcuts are written beside them) and with their shortcuts; a group
        added after another is set apart by a separator in the menu."""
        if self.application_menu is None:
            self.application_menu = self.menuBar().addMenu(self.tr("P&ieteikums"))
        elif actions:
            self.application_menu.addSeparator()
        for action in actions:
            self.toolbar.addAction(action)
            self.application_menu.addAction(action)
            self.addAction(action)

    def show_connection(self, online: bool, text: str) -> None:
        """Online/offline in words and colour (never colour alone)."""
        self.connection_label.setText(text)
        self.connection_label.setStyleSheet("" if online else "color: #a86a00;")
        self.connection_icon.setPixmap(icon("online" if online else "offline").pixmap(16, 16))

    def show_sync_running(self, running: bool) -> None:
        self.sync_action.setEnabled(not running)
        self.sync_action.setText(self.tr("Sinhronizē…") if running
                                 else self.tr("Sinhronizēt tagad"))

    ERROR_SHOWN_MS = 20_000

    def show_error(self, text: str) -> None:
        """Say in the status bar that something did not work (for 20 s, or until the next
        one); the whole text stays in the tooltip."""
        self.error_label.setText(text)
        self.error_label.setToolTip(text)
        self.error_label.show()
        self._error_timer.start()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def show_sync_counts(self, waiting: int, conflicts: int) -> None:
        text = self.tr("Gaida sinhronizāciju: {0}").format(waiting)
        if conflicts:
            text += "  ·  " + self.tr("Konflikti: {0}").format(conflicts)
        self.sync_label.setText(text)
        self.sync_label.setStyleSheet("color: #a52a2a;" if conflicts else "")

    def _restore_geometry(self) -> None:
        geometry = self._settings.window_geometry()
        if geometry is not None and self.restoreGeometry(geometry):
            return
        # First start: most of the screen, so the inbox and the detail both fit side by side.
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        width = min(1560, int(available.width() * 0.92)) if available else 1400
        height = min(980, int(available.height() * 0.9)) if available else 860
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.set_window_geometry(self.saveGeometry())
        super().closeEvent(event)


