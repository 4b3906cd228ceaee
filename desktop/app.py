"""Composition root: the one place that builds the store, the task runner and the views and
wires them together. Views receive plain callables, never a Session or the store itself.
"""

from __future__ import annotations

import gc
import logging
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QSplitter, QWidget

from desktop import app_version
from desktop.changes import EVERYTHING, ChangeBus
from desktop.cli_export import export_report
from desktop.deciding import Decisions
from desktop.desk import (
    HandoverWatch,
    acts_service,
    desk_services,
    file_missing_acts,
    produce_act,
)
from desktop.documents.labels import Label, label_sheet_pdf
from desktop.i18n import install_translator
from desktop.icons import icon
from desktop.lifecycle import Lifecycle
from desktop.models import (
    audit_queries,
    catalogue,
    custody,
    details,
    document_templates,
    inventory,
    inventory_csv,
    kind_checklists,
    lifecycle,
    notes,
    queries,
    reports,
    retention,
    school_settings,
)
from desktop.models import desk as desk_queries
from desktop.models.changes import OpChanges
from desktop.models.codes import StaffRole
from desktop.models.errors import PermissionDeniedError
from desktop.models.inbox_window import InboxSource
from desktop.models.journal import Actor
from desktop.models.permissions import Permission, allows
from desktop.models.store import Store, StoreError
from desktop.models.store_key import (
    MemorySecrets,
    PassphraseRequest,
    SecretStore,
    default_secrets,
    open_data_folder,
)
from desktop.models.wipe import wipe_data_folder
from desktop.models.workstation import identity
from desktop.settings import (
    APP_NAME,
    SettingsStore,
    check_server_url,
    default_data_dir,
    next_return_deadline,
)
from desktop.startup import StartFacts, prepare_queries, start_facts
from desktop.tasks import TaskRunner, error_text
from desktop.views.audit_page import AuditLogPage
from desktop.views.catalogue_page import CataloguePage, CatalogueServices
from desktop.views.conflicts_panel import ConflictsPanel
from desktop.views.customer_screen import CustomerScreen
from desktop.views.desk_page import DeskPage
from desktop.views.desk_print import remove_stale_viewer_copies
from desktop.views.detail_page import ApplicationDetailView
from desktop.views.inbox_page import InboxPage
from desktop.views.item_editor import ItemEditorServices
from desktop.views.main_window import MainWindow
from desktop.views.passphrase_dialog import PassphraseDialog
from desktop.views.reports_page import ReportsPage
from desktop.views.settings_dialog import SettingsDialog
from desktop.views.sign_in_dialog import SignInDialog, SignOutChoice, ask_sign_out
from desktop.views.stock_reasons_dialog import StockReasonsDialog, stock_reasons_service
from desktop.views.workstations_dialog import WorkstationsDialog
from desktop.workstations import load_workstations

if TYPE_CHECKING:
    from desktop.accounts import Account, Renewal
    from desktop.syncing import SyncController
    from sync.client import CentralClient
    from sync.credentials import Credentials
    from sync.protocol import TokenResponse

# The sync (its client, the wire models, requests, the keyring) and the sign-in's services are
# imported where they are first used, after the main window is on screen (issue 17): the
# window's first rows wait for none of them.

log = logging.getLogger(__name__)

RETENTION_DELAY_MS = 30_000
DEMO_USER = "admin"
DEMO_PASSWORD = "demo"  # the reference server's published demo account, not a secret
DEMO_INSTITUTION = "4313900123"


def _conflicts() -> ModuleType:
    """sync.conflicts (and the wire models it reads), at the Conflicts section's first read."""
    from sync import conflicts

    return conflicts


def _memory_credentials() -> Credentials:
    from sync.credentials import MemoryCredentials

    return MemoryCredentials()


def demo_data_dir() -> tempfile.TemporaryDirectory[str]:
    """A fresh folder per demo run, removed at exit: the demo never touches real data."""
    return tempfile.TemporaryDirectory(prefix="resursi-demo-", ignore_cleanup_errors=True)


def catalogue_services(store: Store, institution_id: str | Callable[[], str],
                       actor: Callable[[], Actor], language: str = "lv") -> CatalogueServices:
    """The Catalogue section's callables, bound to the store and the school (a name, or a
    callable that says it at each call)."""
    school_of: Callable[[], str] = (institution_id if callable(institution_id)
                                    else lambda: institution_id)

    def save_item(item_id: str | None, values: dict[str, object]) -> object:
        if item_id is None:
            return inventory.create_item(store, actor(), values)
        return inventory.edit_item(store, actor(), item_id, values)

    def labels(ids: list[str], layout: str, start: int) -> bytes:
        school = queries.institution_name(store, school_of()) or school_of()
        rows = catalogue.item_rows(store, ids, language)
        return label_sheet_pdf(
            [Label(r.inventory_no, school,
                   " ".join(p for p in (r.manufacturer, r.model) if p) or r.kind_label)
             for r in rows], layout, start_at=start)

    return CatalogueServices(
        load_kinds=lambda: catalogue.offered_kinds(store, school_of()),
        load_availability=lambda: catalogue.availability(store, school_of(), language),
        load_conflicts=lambda: catalogue.catalogue_conflicts(store, school_of()),
        query_items=lambda f: custody.items(store, school_of(), f, language),
        kind_choices=partial(catalogue.kind_choices, store, language),
        set_accepting=lambda kind_id, on: inventory.set_accepting_applications(
            store, actor(), kind_id, on),
        set_target_group=lambda kind_id, group: catalogue.set_target_group(
            store, actor(), kind_id, group),
        school_deadline=lambda: lifecycle.default_return_deadline(store, actor()),
        set_school_deadline=lambda day: school_settings.set_default_return_deadline(
            store, actor(), day),
        kind_checklist=lambda kind_id: kind_checklists.kind_checklist(store, actor(), kind_id),
        set_kind_checklist=lambda kind_id, entries: kind_checklists.set_check_in_checklist(
            store, actor(), kind_id, entries),
        templates=lambda: document_templates.document_templates(store, school_of(),
                                                                language=language),
        save_template=lambda offered_kind_id, **values: (
            document_templates.save_document_template(store, actor(), offered_kind_id,
                                                      **values)),
        item_editor=ItemEditorServices(
            save=save_item,
            change_status=lambda item_id, action, reason: inventory.change_item_status(
                store, actor(), item_id, action, reason=reason),
            load_item=lambda item_id: custody.item(store, school_of(), item_id, language),
            load_history=partial(catalogue.item_history, store),
            load_custody=lambda item_id: custody.item_custody(store, school_of(), item_id),
        ),
        preview_import=lambda path: inventory_csv.preview_file(store, school_of(), path),
        commit_import=lambda preview: inventory_csv.commit(store, actor(), preview),
        export_csv=lambda path: inventory_csv.export_file(store, school_of(), path),
        label_pdf=labels,
    )


@dataclass
class Connection:
    """Where to sync and as whom; the password is only used for the first sign-in."""

    server_url: str
    username: str
    password: str | None
    institution_id: str
    credentials: Credentials
    role: StaffRole | None = None  # known after sign-in (the token carries it)
    ca_bundle: str = ""
    # (id, host name) of this computer, when the sign-in has read it already
    workstation: tuple[str, str] | None = None


class Application:
    """The running app: owns the store, the task runner, the sync and the main window."""

    def __init__(self, qt_app: QApplication, store: Store, *, language: str = "lv",
                 connection: Connection | None = None,
                 preferences: SettingsStore | None = None,
                 secrets: SecretStore | None = None) -> None:
        self.qt_app = qt_app
        self.store = store
        # Where the data folder's key is kept: what a revoked workstation's wipe forgets.
        self.secrets = secrets
        self.revoked = False
        self.language = language
        self.connection = connection
        self.tasks = TaskRunner(qt_app)
        # What changed, from whoever changed it to every view that shows it.
        self.changes = ChangeBus()
        self.client: CentralClient | None = None
        self.sync: SyncController | None = None
        # The one settings object, made by run_gui (the user's) or the demo (its own file);
        # without one nothing is written anywhere (tests, tools).
        self.preferences = preferences or SettingsStore.in_memory()
        self.sign_out_requested = False
        # The dialog that renews a lapsed sign-in: one at a time, and asked for by a failing
        # sync only once (until a sign-in succeeds), so a cancelled one is not pushed again.
        self.sign_in_dialog: SignInDialog | None = None
        self._asked_sign_in = False
        #: asked before signing out with decisions not yet sent; tests replace it
        self.ask_sign_out = ask_sign_out
        self._sign_out_after_sync = False
        prepare_queries()
        # Nothing here reads the store: the GUI thread never runs a query. The school's name,
        # the kinds and classes for the filters (and, without a sign-in, the school itself)
        # are read in the background by start() and filled in when they arrive.
        institution = connection.institution_id if connection else None
        self.school_id = institution or ""
        remembered = self.preferences.load()
        school = (remembered.institution_name
                  if institution and remembered.institution_id == institution else "")
        self.window = MainWindow(
            school_name=school or "…",
            user_label=connection.username if connection else "",
            settings=self.preferences,
        )
        # A background failure that its view does not handle itself is said in the status bar.
        self.tasks.set_error_display(
            lambda exc: self.window.show_error(error_text(exc, self.language)))
        self.inbox = InboxPage(
            self.tasks,
            institution_id=institution or "",
            # Only the rows on screen are read, from indexes (issue 17): the cost does not
            # grow with the store.
            source=InboxSource(store, language=language, school=self._school),
            count_statuses=lambda: queries.status_counts(store, self._school()),
            language=language,
            settings=self.preferences,
            settings_scope=f"{connection.username if connection else 'local'}/"
                           f"{institution or ''}",
            changes=self.changes,
        )
        self.detail = ApplicationDetailView(
            lambda app_id: details.application_detail(store, self._school(), app_id,
                                                      language=language),
            tasks=self.tasks, changes=self.changes,
            document_file=lambda doc_id: details.document_file(store, self._require_actor(),
                                                               doc_id),
            read_file=lambda path: store.vault.read(path),  # sealed acts, opened in memory
            can_hand_over=lambda: (a := self.actor()) is not None
            and allows(a.role, Permission.HAND_OVER),
            save_notes=lambda app_id, text, started_from: notes.set_application_notes(
                store, self._require_actor(), app_id, text, expected_notes=started_from),
            can_annotate=lambda: (a := self.actor()) is not None
            and allows(a.role, Permission.ANNOTATE),
        )
        self.inbox.currentApplicationChanged.connect(self.detail.show_application)
        self.inbox.applicationActivated.connect(self.detail.show_application)
        # a duplicate's link in the detail: shown and audited as any other opened application
        self.detail.applicationRequested.connect(self._show_application)
        applications = QSplitter(Qt.Orientation.Horizontal)
        applications.addWidget(self.inbox)
        applications.addWidget(self.detail)
        applications.setStretchFactor(0, 3)
        applications.setStretchFactor(1, 2)
        self.detail.setMinimumWidth(440)
        applications.setChildrenCollapsible(False)
        applications.setObjectName("applications_splitter")
        self._remember_splitter(applications)
        self._applications = applications
        self.conflicts = ConflictsPanel(
            self.tasks,
            load=lambda: _conflicts().list_conflicts(store, self._school()),
            reapply=lambda command_id: _conflicts().reapply(store, self._require_actor(),
                                                            command_id),
            discard=lambda command_id: _conflicts().discard(store, self._require_actor(),
                                                            command_id),
            language=language, changes=self.changes,
        )
        username = connection.username if connection else "local"
        self.reports = ReportsPage(
            self.tasks,
            load=lambda kind, language: reports.build_report(store, kind, self._school(),
                                                             language=language),
            export=lambda kind, fmt, path: export_report(store, username, self._school(),
                                                         kind, fmt, path),
            language=language, changes=self.changes,
        )
        self.audit = AuditLogPage(
            self.tasks, institution_id=self.school_id,
            load_page=partial(audit_queries.audit_page, store),
            load_choices=lambda: audit_queries.audit_choices(store, self._school()),
            load_deletions=partial(audit_queries.deletion_runs, store),
            export=lambda f, path: audit_queries.export_csv(store, self._require_actor(), f,
                                                            path),
            language=language, changes=self.changes,
        )
        self.catalogue = CataloguePage(
            self.tasks, catalogue_services(store, self._school, self._require_actor,
                                           language),
            can_edit=lambda: (a := self.actor()) is not None
            and allows(a.role, Permission.EDIT_CATALOGUE),
            language=language, changes=self.changes)
        self.catalogue.open_application.connect(self._show_application)
        staff = connection.username if connection else "local"
        # The applicant-facing screen: a window of its own (a second monitor turned to the
        # applicant) that shows one person's name, the resource and the QR code, nothing else.
        self.customer_screen = CustomerScreen()
        self.desk_watch = HandoverWatch(
            self.tasks,
            lambda hid: desk_queries.handover_state(store, self._require_actor(), hid),
            lambda hid: produce_act(store, self._require_actor(), hid, staff),
            watch_sync=lambda on: self.sync.watch(on) if self.sync is not None else None,
            parent=self.window)
        self.desk = DeskPage(
            self.tasks,
            desk_services(store, self._require_actor,
                          url_template=lambda: self.preferences.load().qr_url_template,
                          staff_name=lambda: staff,
                          sign_on_paper=lambda hid, label, act: self.lifecycle.sign_on_paper(
                              hid, label, act),
                          change_deadline=lambda ids, current, label:
                              self.lifecycle.change_deadline(ids, current, label),
                          record_incident=lambda hid, label: self.lifecycle.record_incident(
                              hid, label),
                          remind_return=lambda ids: self.lifecycle.remind_return(ids),
                          acts=acts_service(store, self._require_actor), language=language),
            self.desk_watch, self.customer_screen, changes=self.changes, language=language)
        self._add_sections()
        if (actor := self.actor()) is not None and actor.role is StaffRole.DESK:
            self.window.show_section(self.desk)  # the issuing desk is where this role works
        # Every view follows the changes itself (a hidden section reads the store when it is
        # next looked at); what is left here: the status bar, and a sync soon after a local
        # change, so that the central service hears of it.
        self.changes.changed.connect(self._follow_changes)
        self.changes.changed.connect(self.desk_watch.follow_changes)
        self.inbox.currentApplicationChanged.connect(self._record_view)
        # A label scanned into the inbox search (a keyboard-wedge scanner types the inventory
        # number and Enter) opens that item in the catalogue.
        self.inbox.search.returnPressed.connect(self._scanned_into_search)
        # Retention runs at start and then daily while the app stays open.
        self.retention_timer = QTimer(self.window)
        self.retention_timer.setInterval(24 * 60 * 60 * 1000)
        self.retention_timer.timeout.connect(self.run_retention)
        self.decisions = Decisions(self.tasks, store, self.inbox, self.window, self.actor,
                                   self.changes, language=language)
        self._add_program_menu()  # first in the menu bar, then "Pieteikums"
        self.window.add_actions(self.decisions.actions)
        self.lifecycle = Lifecycle(
            self.tasks, store, self.inbox, self.window, self.actor, self.changes,
            settings_deadline=lambda: next_return_deadline(
                self.preferences.load().return_deadline_day, date.today()),
            staff_name=lambda: staff, language=language)
        self.window.add_actions(self.lifecycle.actions)
        self.inbox.add_actions(self.decisions.actions)
        self.inbox.add_actions(self.lifecycle.actions)
        for summary in (self.lifecycle.finished, self.decisions.finished):
            summary.connect(lambda text: self.window.statusBar().showMessage(text, 10_000))
        self.lifecycle.connect_detail(self.detail)

    def _add_sections(self) -> None:
        """The navigation, in the order of a school's day; a section the role may not use at
        all is left out rather than shown empty."""
        translate = self.qt_app.translate
        sections: list[tuple[str, QWidget, str]] = [
            (translate("app", "Pieteikumi"), self._applications, "applications"),
            (translate("app", "Katalogs"), self.catalogue, "catalogue"),
            (translate("app", "Pārskati"), self.reports, "reports"),
            (translate("app", "Konflikti"), self.conflicts, "conflicts"),
        ]
        actor = self.actor()
        if actor is None or allows(actor.role, Permission.HAND_OVER):
            sections.insert(1, (translate("app", "Izsniegšana"), self.desk, "desk"))
        if actor is None or allows(actor.role, Permission.VIEW_AUDIT):
            sections.append((translate("app", "Audita žurnāls"), self.audit, "audit"))
        for number, (title, page, icon_name) in enumerate(sections, start=1):
            self.window.add_section(title, page, f"Ctrl+{number}", icon_name)

    def _scanned_into_search(self) -> None:
        text = self.inbox.search.text().strip()
        if not text or " " in text:
            return
        self.tasks.run(lambda: catalogue.find_by_inventory_no(self.store, self._school(), text),
                       on_done=lambda found: self._open_scanned(found, text))

    def _open_scanned(self, found: object, text: str) -> None:
        if found:
            self.window.show_section(self.catalogue)
            self.catalogue.show_item_by_number(text)

    def _show_application(self, application_id: int) -> None:
        """An item's holder's application, from the catalogue: shown as the inbox shows one."""
        self.window.show_section(self._applications)
        self.detail.show_application(application_id)
        self._record_view(application_id)  # viewing personal data is audited

    def _follow_changes(self, changes: OpChanges, source: object) -> None:
        if changes.outbox or changes.everything:
            self.refresh_sync_counts()
        if changes.institution or changes.everything:
            self._refresh_school_name()
        if (source is not self.sync and self.sync is not None and self._can_send()
                and (changes.outbox or changes.everything)):
            self.sync.sync_now()  # a local change: tell the central service soon

    def _record_view(self, application_id: int) -> None:
        """Showing an applicant's personal data is audited (who, which application, when)."""
        actor = self.actor()
        if actor is not None:
            self.tasks.run(audit_queries.record_view, self.store, actor, application_id,
                           on_error=lambda exc: log.warning("viewing not audited: %s",
                                                            type(exc).__name__))

    def run_retention(self) -> None:
        # A purge report does not list what went: when applications did, every view looks.
        self.tasks.run(retention.purge_expired, self.store,
                       on_done=lambda report: self.changes.publish(
                           EVERYTHING if report.applications else None, self),
                       on_error=lambda exc: log.warning("retention failed: %s",
                                                        type(exc).__name__))

    def _add_program_menu(self) -> None:
        translate = self.qt_app.translate
        menu = self.window.menuBar().addMenu(translate("app", "&Programma"))
        menu.addAction(self.window.sync_action)
        menu.addSeparator()
        settings = QAction(icon("settings"), translate("app", "Iestatījumi…"), self.window)
        settings.setShortcut(QKeySequence.StandardKey.Preferences)
        settings.triggered.connect(self.edit_settings)
        menu.addAction(settings)
        # The stock refusal and deferral reasons: kept by those who decide (issue 16).
        self.stock_reasons_action = QAction(translate("app", "Gatavie pamatojumi…"),
                                            self.window)
        self.stock_reasons_action.triggered.connect(lambda: StockReasonsDialog(
            self.tasks, stock_reasons_service(self.store, self._require_actor),
            language=self.language, parent=self.window).exec())
        menu.aboutToShow.connect(lambda: self.stock_reasons_action.setEnabled(
            (a := self.actor()) is not None and allows(a.role, Permission.DECIDE)))
        menu.addAction(self.stock_reasons_action)
        # Lost or stolen laptops: revoked by an administrator (issue 15).
        self.workstations_action = QAction(translate("app", "Darbstacijas…"), self.window)
        self.workstations_action.triggered.connect(self.show_workstations)
        menu.aboutToShow.connect(lambda: self.workstations_action.setEnabled(
            self.client is not None and (a := self.actor()) is not None
            and a.role == StaffRole.ADMIN))
        menu.addAction(self.workstations_action)
        self.sign_out_action = QAction(icon("sign-out"), translate("app", "Izrakstīties"),
                                       self.window)
        self.sign_out_action.setToolTip(translate("app", "Izrakstīties un aizmirst saglabāto "
                                                         "pierakstīšanos šajā datorā"))
        self.sign_out_action.triggered.connect(self.sign_out)
        self.sign_out_action.setEnabled(self.connection is not None)
        menu.addAction(self.sign_out_action)
        menu.addSeparator()
        menu.addAction(self.window.quit_action)
        help_menu = self.window.menuBar().addMenu(translate("app", "&Palīdzība"))
        self.about_action = QAction(translate("app", "Par programmu…"), self.window)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def show_workstations(self) -> None:
        if self.client is None:
            return
        WorkstationsDialog(self.tasks, partial(load_workstations, self.client),
                           self.client.revoke_workstation, language=self.language,
                           parent=self.window).exec()

    def about_text(self) -> str:
        """Version, data folder and server: what support asks first."""
        translate = self.qt_app.translate
        server = self.connection.server_url if self.connection else translate(
            "app", "nav (bezsaistes darbs)")
        return translate("app", "Resursi {0}\n\nDatu mape: {1}\nCentrālais serviss: {2}").format(
            app_version(), self.store.data_dir, server)

    def show_about(self) -> None:
        QMessageBox.about(self.window, self.qt_app.translate("app", "Par programmu Resursi"),
                          self.about_text())

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.preferences.load(), self.preferences.save,
                                default_data_dir=str(default_data_dir()),
                                data_dir_in_use=str(self.store.data_dir), parent=self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            if self.sync is not None:
                self.sync.set_interval(dialog.saved.sync_interval_s)
            if dialog.needs_restart():
                QMessageBox.information(self.window, APP_NAME, self.qt_app.translate(
                    "app", "Izmaiņas stāsies spēkā pēc programmas restartēšanas."))

    def sign_out(self) -> None:
        """Forget the kept sign-in and go back to the sign-in dialog; with decisions not yet
        sent, ask first (counted on a worker: the GUI thread runs no SQL)."""
        self.tasks.run(partial(queries.sync_counts, self.store),
                       on_done=lambda counts: self._sign_out_counted(counts[0]))

    def _sign_out_counted(self, pending: int) -> None:
        if pending:
            can_sync = self.sync is not None
            choice = self.ask_sign_out(self.window, pending, can_sync)
            if choice is SignOutChoice.CANCEL:
                return
            if choice is SignOutChoice.SYNC_FIRST and self.sync is not None:
                # counted again after this sync, sent or not: signs out when nothing waits,
                # else asks again (offline, say)
                self._sign_out_after_sync = True
                self.sync_now()
                if not self.sync.running and self.sign_in_dialog is None:
                    self._sign_out_after_sync = False  # nothing started: nothing to wait for
                return
        self._forget_sign_in()

    def _sync_running(self, running: bool) -> None:
        if not running and self._sign_out_after_sync:
            self._sign_out_after_sync = False
            self.sign_out()

    def _forget_sign_in(self) -> None:
        if self.client is not None:
            self.client.sign_out()
        elif self.connection is not None:
            c = self.connection
            c.credentials.forget(c.server_url, c.username)
        self.sign_out_requested = True
        self.window.close()
        self.qt_app.quit()

    def _remember_splitter(self, splitter: QSplitter) -> None:
        name = splitter.objectName()
        state = self.preferences.splitter_state(name)
        if state is None or not splitter.restoreState(state):
            splitter.setSizes([900, 560])
        splitter.splitterMoved.connect(
            lambda *_: self.preferences.set_splitter_state(name, splitter.saveState()))

    def refresh_sync_counts(self) -> None:
        self.tasks.run(partial(queries.sync_counts, self.store),
                       on_done=lambda counts: self.window.show_sync_counts(*counts))

    def actor(self) -> Actor | None:
        """Who acts: the signed-in user's role at this school (nobody when not signed in)."""
        c = self.connection
        if c is None or c.role is None:
            return None
        return Actor(c.username, c.institution_id, c.role)

    def _file_missing_acts(self, staff: str) -> int:
        """After each pull (on the sync's worker): the acts of confirmations nobody filed."""
        actor = self.actor()
        return file_missing_acts(self.store, actor, staff) if actor is not None else 0

    def _require_actor(self) -> Actor:
        actor = self.actor()
        if actor is None:
            raise PermissionDeniedError(
                "sign in to the central service to do this",
                "Lai to darītu, jāpierakstās centrālajā servisā")
        return actor

    def _signed_in(self, token: TokenResponse) -> None:
        assert self.connection is not None
        roles = {m.institution_id: m.role for m in token.memberships}
        self.connection.role = roles.get(self.connection.institution_id)
        self.decisions.update_permissions()
        self.lifecycle.update_permissions()
        self.catalogue.apply_permission()
        if self.sync is not None:
            self.sync.start()

    def start(self) -> None:
        self.window.show()
        # Plain copies of sealed acts a killed run left for the system viewer (issue 15).
        self.tasks.run(remove_stale_viewer_copies)
        self.tasks.run(self.store.verify, on_error=self._store_damaged)
        # What start-up built (Qt wrappers, SQLAlchemy and pydantic machinery) lives as long as
        # the app: moved out of the collector's sight, a full collection during a sync no longer
        # walks it while holding the GIL (measured: GUI stalls of 100-120 ms down to 20-45 ms).
        gc.freeze()
        gc.enable()  # paused by desktop.__main__.load_gui while start-up built all that
        # The first rows (read with the ids) and the facts for the filters and the title are
        # read in parallel, the rows shown after the facts; without a sign-in the inbox's
        # worker finds the school itself (_school), as the facts do.
        facts = self.tasks.run(start_facts, self.store, self.school_id or None, self.language,
                               on_done=self._facts_read)
        self.inbox.reload(after=facts)
        if self.school_id:
            self.conflicts.reload()
        self.refresh_sync_counts()
        # Retention waits a little: its first run on a large store takes a second or two of
        # the worker threads, which the first searches of the day should not wait behind.
        QTimer.singleShot(RETENTION_DELAY_MS, self.run_retention)
        self.retention_timer.start()
        if self.connection is not None:
            self._start_sync(self.connection)

    def _start_sync(self, connection: Connection) -> None:
        from desktop.syncing import SyncController
        from sync.client import CentralClient
        from sync.engine import SyncEngine

        try:
            client = CentralClient(connection.server_url, username=connection.username,
                                   credentials=connection.credentials,
                                   ca_bundle=Path(connection.ca_bundle)
                                   if connection.ca_bundle else None,
                                   workstation=connection.workstation
                                   or identity(self.store.data_dir))
        except ValueError as exc:  # a CA bundle removed since it was set: say so, work offline
            self.window.show_connection(False, self.qt_app.translate(
                "app", "Bezsaistē · sinhronizācijas iestatījumi nav derīgi: {0}").format(exc))
            return
        except StoreError as exc:  # workstation.json damaged: offline, and said why
            self.window.show_connection(False, error_text(exc, self.language))
            return
        self.client = client
        engine = SyncEngine(self.store, client, connection.institution_id,
                            after_pull=lambda: self._file_missing_acts(connection.username))
        self.sync = SyncController(self.tasks, engine, parent=self.window,
                                   interval_s=self.preferences.load().sync_interval_s,
                                   changes=self.changes, language=self.language)
        self.sync.connection_changed.connect(self.window.show_connection)
        self.sync.running_changed.connect(self.window.show_sync_running)
        self.sync.sign_in_required.connect(self._sign_in_lapsed)
        self.sync.workstation_revoked.connect(self.wipe_revoked)
        self.sync.running_changed.connect(self._sync_running)
        self.window.sync_action.triggered.connect(self.sync_now)
        if client.signed_in or connection.password is None:
            self.sync.start()
            return
        self.window.show_connection(False, self.qt_app.translate("app", "Pierakstās…"))
        self.tasks.run(client.sign_in, connection.password,
                       on_done=self._signed_in, on_error=self._sign_in_failed)

    def _sign_in_failed(self, exc: Exception) -> None:
        from sync.client import WorkstationRevokedError

        if isinstance(exc, WorkstationRevokedError):
            self.wipe_revoked(error_text(exc, self.language))
            return
        self.window.show_connection(False, error_text(exc, self.language))

    def _store_damaged(self, exc: Exception) -> None:
        """The check of every page found damage after the window opened: nothing was written
        (writes wait for the check); say what to do and close, as opening would have."""
        if isinstance(exc, StoreError):
            log.warning("the store failed its integrity check")
        QMessageBox.critical(self.window, APP_NAME, error_text(exc, self.language))
        self.window.close()
        self.qt_app.quit()

    def wipe_revoked(self, message: str) -> None:
        """The central service revoked this workstation: stop, erase the data folder (store,
        backups, acts, key), say so, and close. Nothing of the school's data stays here."""
        if self.revoked:
            return
        self.revoked = True
        if self.sync is not None:
            self.sync.stop()
        self.tasks.shutdown()
        self.store.close()
        failed = wipe_data_folder(self.store.data_dir, self.secrets)
        text = message
        if failed:
            text += "\n\n" + self.qt_app.translate(
                "app", "Dažus failus neizdevās izdzēst; izdzēsiet datu mapi {0} pašrocīgi.").format(
                    self.store.data_dir)
        QMessageBox.critical(self.window, APP_NAME, text)
        self.window.close()
        self.qt_app.quit()

    def _can_send(self) -> bool:
        """Signed in (or never asked to be): a sync may go; signed out, it would only fail."""
        return self.client is None or self.client.signed_in

    def sync_now(self) -> None:
        """"Sinhronizēt tagad": signed out (the sign-in lapsed), the password is asked first."""
        if self.sync is None:
            return
        if not self._can_send():
            self.ask_sign_in()
            return
        self.sync.sync_now()

    def _sign_in_lapsed(self) -> None:
        if not self._asked_sign_in:
            self.ask_sign_in()

    def ask_sign_in(self) -> None:
        """The sign-in dialog for the user at work (name and server fixed); after the
        password the sync goes on by itself. An open one is brought forward, not doubled."""
        if self.client is None or self.connection is None:
            return
        self._asked_sign_in = True
        if self.sign_in_dialog is not None:
            self.sign_in_dialog.raise_()
            self.sign_in_dialog.activateWindow()
            return
        from desktop.accounts import Renewal

        c = self.connection
        renewal = Renewal(self.client, c.credentials, c.institution_id, language=self.language)
        dialog = SignInDialog(
            self.tasks, renewal.sign_in, check_server=check_server_url,
            server_url=self.client.base_url, username=c.username,
            last_institution=c.institution_id, fixed_account=True,
            notice=self.qt_app.translate(
                "app", "Pierakstīšanās ir beigusies. Ierakstiet paroli, lai turpinātu "
                       "sinhronizāciju; līdz tam izmaiņas paliek šajā datorā."),
            parent=self.window)
        self.sign_in_dialog = dialog
        dialog.accepted.connect(lambda: self._renewed(renewal))
        dialog.finished.connect(lambda code: self._sign_in_closed(dialog, code))
        dialog.open()

    def _sign_in_closed(self, dialog: SignInDialog, code: int) -> None:
        if self.sign_in_dialog is dialog:
            self.sign_in_dialog = None
        if code != QDialog.DialogCode.Accepted:
            self._sign_out_after_sync = False  # no sync comes: a sign-out waiting for it stays
        dialog.deleteLater()

    def _renewed(self, renewal: Renewal) -> None:
        self._asked_sign_in = False  # a later lapse asks again
        if renewal.token is not None:
            self._signed_in(renewal.token)  # the role as the new token says, then the sync

    def _school(self) -> str:
        """The school, for work on a worker thread: without a sign-in it is the store's first
        one, which start() reads in the background (asked here too if that is not back yet)."""
        return self.school_id or queries.first_institution(self.store) or ""

    def _facts_read(self, facts: StartFacts) -> None:
        if not self.school_id and facts.institution_id:
            self.school_id = facts.institution_id
            self.inbox.set_institution(facts.institution_id)  # (its first rows are this one's)
            self.audit.set_institution(facts.institution_id)
            self.conflicts.reload()
        elif not self.school_id:  # an empty store: nothing to list, but say so
            self.conflicts.reload()
        self.inbox.set_choices(facts.kinds, facts.classes)
        self._show_school_name(facts.school_name or self.qt_app.translate(
            "app", "nav iestādes datu"))

    def _refresh_school_name(self) -> None:
        if not self.school_id:
            return
        self.tasks.run(queries.institution_name, self.store, self.school_id,
                       on_done=self._show_school_name)

    def _show_school_name(self, name: str | None) -> None:
        if name:
            self.window.school_label.setText(name)
            self.window.setWindowTitle(f"Resursi — {name}")

    def shutdown(self) -> None:
        self.retention_timer.stop()
        self.desk_watch.stop()
        self.customer_screen.close()
        if self.sync is not None:
            self.sync.stop()
        self.tasks.shutdown()
        if self.client is not None:
            self.client.close()
        self.store.close()


def ask_passphrase(request: PassphraseRequest) -> str | None:
    """The data folder's passphrase from the person at the computer (None: cancelled)."""
    dialog = PassphraseDialog(request.folder, new=request.new, wrong=request.wrong)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase


def _open_store_or_say(folder: Path, language: str,
                       secrets: SecretStore | None) -> Store | None:
    try:
        # The pages' integrity check runs after the window is up (Application.start); no
        # write reaches the file before it has passed.
        return open_data_folder(folder, secrets=secrets, ask=ask_passphrase, check_later=True)
    except StoreError as exc:
        QMessageBox.critical(None, APP_NAME, error_text(exc, language))
        return None


def _exec(qt_app: QApplication, app: Application, quit_after_ms: int | None) -> int:
    app.start()
    if quit_after_ms is not None:
        QTimer.singleShot(quit_after_ms, qt_app.quit)
    try:
        return qt_app.exec()
    finally:
        app.shutdown()


def sign_in(qt_app: QApplication, preferences: SettingsStore, credentials: Credentials,
            keyring_warning: str | None, language: str, *,
            workstation: tuple[str, str] | None = None,
            on_revoked: Callable[[], object] | None = None) -> Account | None:
    """The sign-in dialog (renewing a kept sign-in when there is one); None if cancelled.
    A revoked workstation's sign-in is refused and ``on_revoked`` erases its data folder."""
    from desktop.accounts import SignInService

    remembered = preferences.load()
    service = SignInService(credentials, remembered, language=language,
                            workstation=workstation, on_revoked=on_revoked)
    tasks = TaskRunner(qt_app)
    dialog = SignInDialog(
        tasks, service.sign_in, check_server=check_server_url,
        server_url=remembered.server_url, username=remembered.username,
        last_institution=remembered.institution_id, keyring_warning=keyring_warning,
        resume=service.resume if service.can_resume() else None,
    )
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return None
        account = service.account(dialog.chosen)
    finally:
        tasks.wait()
    preferences.update(server_url=account.server_url, username=account.username,
                       institution_id=account.institution_id,
                       institution_name=account.institution_name,
                       role=account.role.value if account.role else "")
    return account


def run_gui(*, demo: bool, data_dir: Path | None, language: str | None = None,
            quit_after_ms: int | None = None) -> int:
    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName(APP_NAME)
    qt_app.setOrganizationName(APP_NAME)
    qt_app.setWindowIcon(icon("app"))
    if demo:
        return _run_demo(qt_app, data_dir, language, quit_after_ms)
    preferences = SettingsStore(QSettings(APP_NAME, APP_NAME))
    language = language or preferences.load().language
    install_translator(qt_app, language)
    from sync.credentials import default_credentials

    credentials, keyring_warning = default_credentials()
    secrets = default_secrets()
    while True:
        folder = data_dir or preferences.load().data_path
        try:
            workstation = identity(folder)
        except StoreError as exc:
            QMessageBox.critical(None, APP_NAME, error_text(exc, language))
            return 2
        account = sign_in(qt_app, preferences, credentials, keyring_warning, language,
                          workstation=workstation,
                          on_revoked=partial(wipe_data_folder, folder, secrets))
        if account is None:
            return 0
        chosen = preferences.load()
        store = _open_store_or_say(data_dir or chosen.data_path, language, secrets)
        if store is None:
            return 2
        connection = Connection(account.server_url, account.username, None,
                                account.institution_id, credentials, role=account.role,
                                ca_bundle=chosen.ca_bundle,
                                workstation=workstation if store.data_dir == folder else None)
        app = Application(qt_app, store, language=language, connection=connection,
                          preferences=preferences, secrets=secrets)
        if account.needs_renewal:  # the status bar keeps saying why nothing can be changed
            app.window.statusBar().showMessage(qt_app.translate(
                "app", "Bezsaistē tikai skatīšanai: lomu nevar apstiprināt; pierakstieties "
                       "vēlreiz, kad būs savienojums."))
        code = _exec(qt_app, app, quit_after_ms)
        if app.revoked:
            return 3
        if not app.sign_out_requested:
            return code


def _run_demo(qt_app: QApplication, data_dir: Path | None, language: str | None,
              quit_after_ms: int | None) -> int:
    """Demo data on an embedded reference server, in a throw-away folder with its own
    settings file: the demo never touches the user's real data or settings."""
    demo_dir = demo_data_dir() if data_dir is None else None
    folder = data_dir or Path(demo_dir.name)  # type: ignore[union-attr]
    preferences = SettingsStore(QSettings(str(folder / "demo-settings.ini"),
                                          QSettings.Format.IniFormat))
    language = language or "lv"
    preferences.update(language=language)
    install_translator(qt_app, language)
    server = None
    try:
        # A throw-away folder's key lives as long as the process (it is never written down);
        # a demo in a folder of the user's keeps its key as any data folder does.
        secrets = MemorySecrets() if demo_dir else default_secrets()
        store = _open_store_or_say(folder, language, secrets)
        if store is None:
            return 2
        connection = None
        # The one place the app touches the reference server: the demo's embedded one.
        from sync.devserver.server import DevServer

        try:
            server = DevServer(seed="demo").start()
        except Exception as exc:  # the demo still opens, offline, with a clear message
            log.warning("the demo's reference server did not start: %s", type(exc).__name__)
            QMessageBox.warning(None, APP_NAME, qt_app.translate(
                "app", "Demonstrācijas centrālo servisu neizdevās palaist ({0}); "
                       "programma darbosies bezsaistē.").format(type(exc).__name__))
        else:
            preferences.update(server_url=server.url, username=DEMO_USER,
                               institution_id=DEMO_INSTITUTION,
                               qr_url_template=server.receipt_url_template())
            connection = Connection(server.url, DEMO_USER, DEMO_PASSWORD, DEMO_INSTITUTION,
                                    _memory_credentials())
        app = Application(qt_app, store, language=language, connection=connection,
                          preferences=preferences, secrets=secrets)
        return _exec(qt_app, app, quit_after_ms)
    finally:
        if server is not None:
            server.stop()
        # written out now, into the folder about to go (not later, when it would be re-made)
        preferences.qsettings.sync()
        if demo_dir:
            demo_dir.cleanup()
