"""Signing in to the central service, then choosing the school for users who serve several.

The dialog never talks to the network itself: it is given a ``sign_in`` callable that the
task runner runs off the GUI thread, and shows what it answers (the schools and roles) or the
reason it failed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import TaskRunner


@dataclass(frozen=True)
class School:
    """One membership from the token: a school and what this user may do there."""

    institution_id: str
    name: str
    role_label: str
    # An offline start whose role could not be confirmed (see desktop.accounts): viewing only
    read_only: bool = False


SignIn = Callable[[str, str, str], list[School]]


class SignInDialog(QDialog):
    """Server, user name and password; then, when the user serves several schools, which one."""

    def __init__(
        self,
        tasks: TaskRunner,
        sign_in: SignIn,
        *,
        check_server: Callable[[str], str],
        server_url: str = "",
        username: str = "",
        last_institution: str = "",
        keyring_warning: str | None = None,
        resume: Callable[[], list[School]] | None = None,
        notice: str | None = None,
        fixed_account: bool = False,
        icon: QIcon | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._sign_in = sign_in
        self._check_server = check_server
        self._last_institution = last_institution
        self._resume = resume
        # Renewing a kept sign-in goes straight to the school worked for last time; a typed
        # password (a new sign-in, maybe another user) always asks.
        self._renewing = False
        self._busy = False
        # Offline without a confirmed role: the school offered for viewing only, until the
        # user types a password to sign in afresh instead.
        self._read_only: School | None = None
        self.schools: list[School] = []
        self.chosen: School | None = None
        self.server_url = ""
        self.setWindowTitle(self.tr("Pierakstīšanās — Resursi"))
        if icon is not None:
            self.setWindowIcon(icon)
        self.setMinimumWidth(460)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._credentials_page(server_url, username, keyring_warning))
        self.pages.addWidget(self._school_page())
        self.pages.currentChanged.connect(self._fit_page)
        self._fit_page(0)

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Pierakstīties"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Atcelt"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._next)
        self.buttons.rejected.connect(self.reject)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Paziņojums"))
        self.message.hide()

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Izglītības resursu izsniegšana"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if fixed_account:
            # renewing the sign-in of the user already at work: only the password is asked
            for fixed in (self.server, self.username):
                fixed.setReadOnly(True)
                fixed.setEnabled(False)
        if notice:
            self._show(notice, error=False)
        (self.password if username else self.username if server_url else self.server).setFocus()

    # -- pages -----------------------------------------------------------------------------
    def _credentials_page(self, server_url: str, username: str,
                          keyring_warning: str | None) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(0, 8, 0, 0)
        self.server = QLineEdit(server_url)
        self.server.setPlaceholderText("https://resursi.example.lv")
        self.username = QLineEdit(username)
        self.username.setPlaceholderText(self.tr("piemēram, ilze.kalnina"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.textChanged.connect(self._name_ok_button)
        form.addRow(self.tr("Centrālā servisa adrese:"), self.server)
        form.addRow(self.tr("Lietotājvārds:"), self.username)
        form.addRow(self.tr("Parole:"), self.password)
        if keyring_warning:
            warning = QLabel(keyring_warning)
            warning.setWordWrap(True)
            warning.setStyleSheet("color: #a86a00;")
            form.addRow(warning)
        return page

    def _school_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(QLabel(self.tr("Jūs strādājat vairākās iestādēs. Izvēlieties, kurā "
                                        "strādāsiet tagad:")))
        self.school_list = QListWidget()
        self.school_list.setAccessibleName(self.tr("Iestādes"))
        self.school_list.setSpacing(3)
        self.school_list.setMinimumHeight(180)
        self.school_list.itemActivated.connect(lambda _item: self._next())
        layout.addWidget(self.school_list)
        return page

    def _fit_page(self, index: int) -> None:
        # A stacked widget is as tall as its tallest page; the dialog should fit the one shown.
        for i in range(self.pages.count()):
            policy = (QSizePolicy.Policy.Preferred if i == index
                      else QSizePolicy.Policy.Ignored)
            page = self.pages.widget(i)
            if page is not None:  # (never: i is below count())
                page.setSizePolicy(policy, policy)
        self.pages.adjustSize()
        self.adjustSize()

    # -- flow ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        resume, self._resume = self._resume, None
        if resume is not None:  # a sign-in kept in the keyring: renew it instead of asking
            self.server_url = self.server.text().strip().rstrip("/")
            self._renewing = True
            self._set_busy(True)
            self._show(self.tr("Atjauno pierakstīšanos…"), error=False)
            self._tasks.run(resume, on_done=self._signed_in, on_error=self._resume_failed)

    def _resume_failed(self, exc: Exception) -> None:
        if not self.isVisible():
            return
        self._set_busy(False)
        self._show(self.tr("Lūdzu, pierakstieties vēlreiz: {0}").format(
            getattr(exc, "message_lv", None) or type(exc).__name__), error=True)
        self.password.setFocus()

    def _next(self) -> None:
        if self._busy:
            return
        if self._read_only is not None and not self.password.text():
            self.chosen = self._read_only
            self.accept()
            return
        if self.pages.currentIndex() == 1:
            item = self.school_list.currentItem()
            if item is None:
                self._show(self.tr("Izvēlieties iestādi."), error=True)
                return
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()
            return
        try:
            server = self._check_server(self.server.text())
        except ValueError as exc:
            self._show(getattr(exc, "message_lv", str(exc)), error=True)
            self.server.setFocus()
            return
        user = self.username.text().strip()
        if not user:
            self._show(self.tr("Ierakstiet lietotājvārdu."), error=True)
            self.username.setFocus()
            return
        if not self.password.text():
            self._show(self.tr("Ierakstiet paroli."), error=True)
            self.password.setFocus()
            return
        self.server_url = server
        self._renewing = False
        self._set_busy(True)
        self._show(self.tr("Pierakstās…"), error=False)
        self._tasks.run(self._sign_in, server, user, self.password.text(),
                        on_done=self._signed_in, on_error=self._failed)

    def _signed_in(self, schools: list[School]) -> None:
        if not self.isVisible():  # cancelled while the answer was on its way
            return
        self._set_busy(False)
        self.password.clear()  # not kept in the widget once used
        self.schools = schools
        if not schools:
            self._show(self.tr("Šim lietotājam nav tiesību strādāt nevienā iestādē. "
                               "Sazinieties ar iestādes administratoru."), error=True)
            return
        remembered = [s for s in schools if s.institution_id == self._last_institution]
        if len(schools) == 1 or (remembered and self._renewing):
            chosen = remembered[0] if remembered else schools[0]
            if chosen.read_only:
                self._offer_read_only(chosen)
                return
            self._read_only = None
            self.chosen = chosen
            self.accept()
            return
        self._read_only = None
        self.school_list.clear()
        for school in schools:
            item = QListWidgetItem(f"{school.name}\n{school.role_label}")
            item.setData(Qt.ItemDataRole.UserRole, school)
            self.school_list.addItem(item)
            if school.institution_id == self._last_institution:
                self.school_list.setCurrentItem(item)
        if self.school_list.currentItem() is None:
            self.school_list.setCurrentRow(0)
        self.message.hide()
        self.pages.setCurrentIndex(1)
        self.ok_button.setText(self.tr("Turpināt"))
        self.school_list.setFocus()

    def _offer_read_only(self, school: School) -> None:
        """Said, never done silently: working offline as nobody, or signing in afresh."""
        self._read_only = school
        self._show(self.tr(
            "Nav savienojuma ar centrālo servisu, un pēdējās pierakstīšanās lomu nevar "
            "apstiprināt. Varat turpināt tikai skatīšanai; lai strādātu, pierakstieties vēlreiz, "
            "kad būs savienojums."), error=True)
        self._name_ok_button()
        self.ok_button.setFocus()

    def _name_ok_button(self) -> None:
        if self._read_only is not None and self.pages.currentIndex() == 0:
            self.ok_button.setText(self.tr("Pierakstīties") if self.password.text()
                                   else self.tr("Turpināt tikai skatīšanai"))

    def _failed(self, exc: Exception) -> None:
        if not self.isVisible():
            return
        self._set_busy(False)
        reason = getattr(exc, "message_lv", None) or self.tr(
            "Pierakstīties neizdevās ({0}).").format(type(exc).__name__)
        self._show(reason, error=True)
        self.password.selectAll()
        self.password.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy)
        for field in (self.server, self.username, self.password):
            # a fixed field (renewing the sign-in at work) stays greyed: it is not to be typed
            field.setEnabled(not busy and not field.isReadOnly())

    def _show(self, text: str, *, error: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #a52a2a;" if error else "")
        self.message.show()
        # a wrapped message of several lines must push the buttons down, not overlap the form
        self.adjustSize()



class SignOutChoice(Enum):
    """What the user chose when decisions were still waiting to be sent at sign-out."""

    SYNC_FIRST = "sync"
    SIGN_OUT = "sign_out"
    CANCEL = "cancel"


class _SignOutCount(QObject):
    """The count's sentence, a plural (%n) that lupdate finds only through ``self.tr``."""

    def unsent(self, pending: int) -> str:
        return self.tr("%n lēmumi vēl nav nosūtīti centrālajam servisam.", "", pending)


def sign_out_question(parent: QWidget | None, pending: int, can_sync: bool) -> QMessageBox:
    """The question asked before signing out with ``pending`` decisions not yet sent; the
    first way (send them first) is left out when there is nothing to send them with."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Warning, translate("SignOut", "Izrakstīties?"),
                      _SignOutCount().unsent(pending), QMessageBox.StandardButton.NoButton,
                      parent)
    box.setInformativeText(translate(
        "SignOut", "Tie paliek šajā datorā un tiks nosūtīti pēc nākamās pierakstīšanās. Lai "
                   "tie nonāktu servisā jau tagad, vispirms sinhronizējiet."))
    if can_sync:
        first = box.addButton(translate("SignOut", "Vispirms sinhronizēt"),
                              QMessageBox.ButtonRole.AcceptRole)
        first.setObjectName(SignOutChoice.SYNC_FIRST.value)
    anyway = box.addButton(translate("SignOut", "Izrakstīties tik un tā"),
                           QMessageBox.ButtonRole.DestructiveRole)
    anyway.setObjectName(SignOutChoice.SIGN_OUT.value)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)  # Qt's own "Atcelt"
    cancel.setObjectName(SignOutChoice.CANCEL.value)
    box.setDefaultButton(first if can_sync else cancel)
    box.setEscapeButton(cancel)
    return box


def ask_sign_out(parent: QWidget | None, pending: int, can_sync: bool) -> SignOutChoice:
    """Ask (modal) and answer the choice; closing the box is "cancel"."""
    box = sign_out_question(parent, pending, can_sync)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    try:
        return SignOutChoice(clicked.objectName()) if clicked else SignOutChoice.CANCEL
    except ValueError:
        return SignOutChoice.CANCEL
