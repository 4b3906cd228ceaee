"""The Catalogue's "Dokumentu veidnes" tab on a real store: the list, the editor (placeholders
at the cursor, the preview, the core's messages under their field), saving through the task
runner onto the change bus and the outbox, and the administrator-only rule."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)
from sqlalchemy import select

from desktop.changes import ChangeBus
from desktop.models.changes import OpChanges
from desktop.models.codes import CommandState, DocumentType, StaffRole
from desktop.models.command_names import CommandName
from desktop.models.document_templates import document_templates, save_document_template
from desktop.models.journal import Actor
from desktop.models.schema import Document, OutboxCommand
from desktop.models.store import Store
from desktop.tasks import TaskRunner
from desktop.views.catalogue_page import CataloguePage
from desktop.views.templates_page import TemplateEditor, TemplatesModel, TemplatesPage
from factories import ADMIN, REVIEWER, SCHOOL, seed_catalogue
from qt_helpers import type_text
from tools.screenshots_catalogue import build_services as catalogue_services
from tools.screenshots_templates import build_services

SCREEN_AT_125 = (1093, 614)  # 1366×768 at QT_SCALE_FACTOR=1.25, in logical pixels
FIRST_DAY = date(2024, 9, 1)  # before any day the suite runs on: the template is in force


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture
def school(store: Store) -> Store:
    seed_catalogue(store)
    return store


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


def add_template(store: Store, *, kind: str = "ok-win",
                 doc_type: DocumentType = DocumentType.PNA,
                 title: str = "Pieņemšanas-nodošanas akts",
                 body: str = "{{skola}} nodod {{iesniedzejs}} resursu {{resurss}}.",
                 valid_from: date = FIRST_DAY, valid_to: date | None = None) -> str:
    save_document_template(store, ADMIN, kind, template_id=None, doc_type=doc_type,
                           title=title, body=body, valid_from=valid_from, valid_to=valid_to)
    return next(r.id for r in document_templates(store, SCHOOL) if r.title == title)


def make_page(qtbot, tasks: TaskRunner, store: Store, actor: Actor = ADMIN,
              bus: ChangeBus | None = None, rows: int = 0) -> CataloguePage:
    page = CataloguePage(tasks, build_services(store, SCHOOL, lambda: actor),
                         can_edit=lambda: actor.role is StaffRole.ADMIN, changes=bus)
    page.resize(1093, 614)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.templates_page is not None
    page.tabs.setCurrentWidget(page.templates_page)
    qtbot.waitUntil(lambda: tasks.pending == 0 and page.templates_page is not None
                    and page.templates_page.model.rowCount() == rows)
    return page


def templates_of(page: CataloguePage) -> TemplatesPage:
    assert page.templates_page is not None
    return page.templates_page


def open_new(qtbot, page: CataloguePage) -> TemplateEditor:
    tab = templates_of(page)
    qtbot.waitUntil(tab.new_button.isEnabled)
    tab.new_button.click()
    assert tab.editor is not None
    qtbot.waitExposed(tab.editor)
    return tab.editor


def double_click(widget: QWidget, at: QPoint) -> None:
    """What a mouse sends: a click, then the second press as a double-click (Qt 6's
    mouseDClick alone sends no first press, which item views need to see)."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, pos=at)
    QTest.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=at)


def outbox(store: Store) -> list[OutboxCommand]:
    with store.read() as s:
        return list(s.scalars(select(OutboxCommand).where(
            OutboxCommand.command == CommandName.SET_DOCUMENT_TEMPLATE.value)))


def template_docs(store: Store) -> int:
    with store.read() as s:
        return len(s.scalars(select(Document).where(Document.body.is_not(None))).all())


# -- the model ---------------------------------------------------------------------------------

def test_the_model_passes_the_model_tester_and_marks_the_one_in_force(qtmodeltester,
                                                                      school: Store) -> None:
    add_template(school, title="Akts 2024./2025. m. g.", valid_to=date(2025, 8, 31))
    add_template(school, title="Akts — portatīvie datori", valid_from=date(2025, 9, 1))
    add_template(school, doc_type=DocumentType.EXPLOITATION_RULES,
                 title="Lietošanas noteikumi skolēniem", body="Lietot saudzīgi.")
    model = TemplatesModel()
    model.set_rows(document_templates(school, SCHOOL, today=date(2026, 12, 7)))
    qtmodeltester.check(model)
    keys = [c[0] for c in model.columns]
    table = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(keys))] == [
        "Resursa veids", "Dokuments", "Nosaukums", "Spēkā no – līdz", "Statuss",
        "Sinhronizācija"]
    assert table == [  # by kind, type code (exploitation_rules, pna) and first day
        ["Windows portatīvais dators", "Lietošanas noteikumi",
         "Lietošanas noteikumi skolēniem", "no 01.09.2024", "Spēkā", "Gaida sinhronizāciju"],
        ["Windows portatīvais dators", "Akta teksts", "Akts 2024./2025. m. g.",
         "01.09.2024 – 31.08.2025", "", "Gaida sinhronizāciju"],
        ["Windows portatīvais dators", "Akta teksts", "Akts — portatīvie datori",
         "no 01.09.2025", "Spēkā", "Gaida sinhronizāciju"],
    ]
    title = keys.index("title")
    assert model.index(1, title).data(Qt.ItemDataRole.ToolTipRole) == (
        "Akts 2024./2025. m. g.\n\n{{skola}} nodod {{iesniedzejs}} resursu {{resurss}}.")


# -- creating one through the editor -----------------------------------------------------------

def test_a_template_made_in_the_editor_is_listed_and_waits_in_the_outbox(
        qtbot, tasks: TaskRunner, school: Store) -> None:
    bus = ChangeBus()
    page = make_page(qtbot, tasks, school, bus=bus)
    tab = templates_of(page)
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Dokumentu veidnes"
    editor = open_new(qtbot, page)
    assert editor.windowTitle() == "Jauna dokumenta veidne"
    editor.kind.setCurrentIndex(editor.kind.findData("ok-chr"))
    assert editor.kind.currentText() == "Chromebook portatīvais dators"
    editor.doc_type.setCurrentIndex(editor.doc_type.findData(DocumentType.PNA.value))
    editor.title.setFocus()
    type_text(editor.title, "Pieņemšanas-nodošanas akts — Chromebook")
    editor.valid_from.setDate(QDate(2024, 9, 1))
    editor.has_end.setChecked(True)
    editor.valid_to.setDate(QDate(2034, 8, 31))
    editor.body.setPlainText("Iestāde {{skola}} nodod izglītojamajam {{izglitojamais}} "
                             "resursu ar inventāra numuru {{inventara_nr}}.")
    with qtbot.waitSignal(bus.changed, timeout=5000) as published:
        editor.save_button.click()
    changes, source = published.args
    assert changes == OpChanges.of(offered_kinds=["ok-chr"], outbox=True)
    assert source is page
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and tasks.pending == 0)
    assert tab.editor is None  # closed on success
    [row] = tab.model._rows
    assert (row.offered_kind_id, row.doc_type, row.title, row.valid_from, row.valid_to) == (
        "ok-chr", DocumentType.PNA, "Pieņemšanas-nodošanas akts — Chromebook",
        date(2024, 9, 1), date(2034, 8, 31))
    texts = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert texts == ["Chromebook portatīvais dators", "Akta teksts",
                     "Pieņemšanas-nodošanas akts — Chromebook", "01.09.2024 – 31.08.2034",
                     "Spēkā", "Gaida sinhronizāciju"]
    assert tab.table.currentIndex().row() == 0  # the new one is selected
    assert tab.message.text().startswith("Veidne saglabāta")
    [command] = outbox(school)
    assert command.state == CommandState.PENDING
    assert command.aggregate_id == "ok-chr"
    assert command.payload["template"]["title"] == "Pieņemšanas-nodošanas akts — Chromebook"


def test_editing_opens_on_double_click_and_keeps_the_template(
        qtbot, monkeypatch, tasks: TaskRunner, school: Store) -> None:
    template_id = add_template(school, title="Lietošanas noteikumi",
                               doc_type=DocumentType.EXPLOITATION_RULES,
                               body="Resursu lieto tikai mācībām.")
    page = make_page(qtbot, tasks, school, rows=1)
    tab = templates_of(page)
    opened: list[object] = []
    open_editor = tab.open_editor
    monkeypatch.setattr(tab, "open_editor", lambda t: opened.append(t) or open_editor(t))
    rect = tab.table.visualRect(tab.model.index(0, 2))
    double_click(tab.table.viewport(), rect.center())
    qtbot.waitUntil(lambda: tab.editor is not None)
    editor = tab.editor
    assert editor is not None
    assert len(opened) == 1  # one double-click, opened once
    assert editor.windowTitle() == "Labot veidni „Lietošanas noteikumi“"
    assert not editor.kind.isEnabled()  # a template stays with its kind
    assert editor.doc_type.currentText() == "Lietošanas noteikumi"
    assert editor.body.toPlainText() == "Resursu lieto tikai mācībām."
    assert not editor.has_end.isChecked() and not editor.valid_to.isEnabled()
    editor.title.selectAll()
    type_text(editor.title, "Resursu lietošanas noteikumi (precizēti)")
    editor.save_button.click()
    qtbot.waitUntil(lambda: tab.editor is None and tasks.pending == 0
                    and tab.model.index(0, 2).data()
                    == "Resursu lietošanas noteikumi (precizēti)")
    assert [r.id for r in tab.model._rows] == [template_id]
    assert len(outbox(school)) == 2  # the first save and this one


# -- the core's messages, beside their field ---------------------------------------------------

def test_an_unknown_placeholder_is_named_under_the_text_and_nothing_is_saved(
        qtbot, tasks: TaskRunner, school: Store) -> None:
    page = make_page(qtbot, tasks, school)
    editor = open_new(qtbot, page)
    editor.title.setText("Akts ar kļūdu")
    editor.body.setPlainText("Saņēmējs: {{vards}}, klase {{klase}}.")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.field_errors["body"].isVisible(), timeout=5000)
    assert editor.field_errors["body"].text().startswith(
        "Nezināmi aizstājamie lauki: vards. Atļautie: {{skola}}")
    assert editor.body.property("invalid") is True
    assert editor.isVisible() and templates_of(page).editor is editor  # kept open
    assert not editor.error_label.isVisible()
    assert template_docs(school) == 0 and outbox(school) == []
    # typing clears the mark; a corrected text saves
    editor.body.setPlainText("Saņēmējs: {{izglitojamais}}, klase {{klase}}.")
    assert not editor.field_errors["body"].isVisible()
    editor.save_button.click()
    qtbot.waitUntil(lambda: templates_of(page).model.rowCount() == 1)
    assert template_docs(school) == 1


def test_a_missing_title_and_a_last_day_before_the_first_are_shown_beside_them(
        qtbot, tasks: TaskRunner, school: Store) -> None:
    page = make_page(qtbot, tasks, school)
    editor = open_new(qtbot, page)
    editor.body.setPlainText("Teksts ar {{skola}}.")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.field_errors["title"].isVisible(), timeout=5000)
    assert editor.field_errors["title"].text() == "Norādiet veidnes nosaukumu"
    editor.title.setText("Akts")
    editor.valid_from.setDate(QDate(2026, 9, 1))
    editor.has_end.setChecked(True)
    editor.valid_to.setDate(QDate(2026, 8, 31))
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.field_errors["valid_to"].isVisible(), timeout=5000)
    assert editor.field_errors["valid_to"].text() == (
        "Veidnes beigu datums ir pirms sākuma datuma")
    assert not editor.field_errors["title"].isVisible()
    assert template_docs(school) == 0 and outbox(school) == []


# -- placeholders and preview -------------------------------------------------------------------

def test_a_placeholder_is_inserted_at_the_cursor(qtbot, tasks: TaskRunner,
                                                 school: Store) -> None:
    page = make_page(qtbot, tasks, school)
    editor = open_new(qtbot, page)
    labels = [editor.placeholders.item(n).text() for n in range(editor.placeholders.count())]
    assert labels[:4] == ["Iestādes nosaukums", "Iestādes adrese",
                          "Iesniedzēja vārds, uzvārds", "Izglītojamā vārds, uzvārds"]
    editor.body.setPlainText("Resursu saņem  (klase ).")
    cursor = editor.body.textCursor()
    cursor.setPosition(len("Resursu saņem "))
    editor.body.setTextCursor(cursor)
    # Enter on the list inserts the current one (and does not press "Saglabāt")
    editor.placeholders.setCurrentRow(labels.index("Izglītojamā vārds, uzvārds"))
    assert editor.tag_label.text() == "{{izglitojamais}}"
    editor.placeholders.setFocus()
    QTest.keyClick(editor.placeholders, Qt.Key.Key_Return)
    assert editor.body.toPlainText() == "Resursu saņem {{izglitojamais}} (klase )."
    assert editor.isVisible() and tasks.pending == 0 and outbox(school) == []
    # a double-click inserts once, where the cursor is now moved to
    cursor = editor.body.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(QTextCursor.MoveOperation.Left, n=2)
    editor.body.setTextCursor(cursor)
    item = editor.placeholders.item(labels.index("Klase"))
    rect = editor.placeholders.visualItemRect(item)
    double_click(editor.placeholders.viewport(), rect.center())
    assert editor.body.toPlainText() == "Resursu saņem {{izglitojamais}} (klase {{klase}})."
    # the button inserts over a selection
    editor.body.selectAll()
    editor.placeholders.setCurrentRow(labels.index("Iestādes nosaukums"))
    editor.insert_button.click()
    assert editor.body.toPlainText() == "{{skola}}"


def test_the_preview_shows_the_sample_values(qtbot, tasks: TaskRunner, school: Store) -> None:
    page = make_page(qtbot, tasks, school)
    editor = open_new(qtbot, page)
    assert editor.preview.isReadOnly()
    editor.body.setPlainText("{{skola}} izsniedz {{izglitojamais}} ({{klase}}) resursu "
                             "{{resurss}}, inv. Nr. {{inventara_nr}}; jāatgriež līdz "
                             "{{atgriesanas_termins}}.")
    assert editor.preview.toPlainText() == (
        "Rīgas 1. pamatskola izsniedz Jānis Bērziņš (7.b) resursu Windows portatīvais "
        "dators, inv. Nr. RAVĢ-2026-000123; jāatgriež līdz 31.05.2027.")
    editor.body.setPlainText("Vārds: {{vards}}")  # an unknown one prints as a dash
    assert editor.preview.toPlainText() == "Vārds: —"


# -- who may edit ------------------------------------------------------------------------------

def test_a_reviewer_sees_the_templates_read_only(qtbot, tasks: TaskRunner,
                                                 school: Store) -> None:
    add_template(school, title="Akts — portatīvie datori")
    page = make_page(qtbot, tasks, school, actor=REVIEWER, rows=1)
    tab = templates_of(page)
    why = "Veidnes labot var tikai administrators"
    assert not tab.new_button.isEnabled() and tab.new_button.toolTip() == why
    assert tab.edit_button.text() == "Skatīt…" and tab.edit_button.toolTip() == why
    assert tab.open_editor(None) is None
    tab.table.selectRow(0)
    tab.edit_button.click()
    editor = tab.editor
    assert editor is not None
    assert editor.windowTitle() == "Veidne „Akts — portatīvie datori“"
    assert editor.title.isReadOnly() and editor.body.isReadOnly()
    assert editor.body.toolTip() == why
    for widget in (editor.kind, editor.doc_type, editor.valid_from, editor.has_end,
                   editor.valid_to, editor.placeholders, editor.insert_button,
                   editor.save_button):
        assert not widget.isEnabled(), widget
    assert not editor.save_button.isVisible() and editor.close_button.text() == "Aizvērt"
    assert editor.preview.toPlainText().startswith("Rīgas 1. pamatskola nodod")
    editor.insert_placeholder("skola")
    editor.save()
    assert editor.body.toPlainText() == "{{skola}} nodod {{iesniedzejs}} resursu {{resurss}}."
    assert tasks.pending == 0 and len(outbox(school)) == 1


def test_without_the_template_services_the_tab_is_hidden(qtbot, tasks: TaskRunner,
                                                         school: Store) -> None:
    without = dataclasses.replace(catalogue_services(school, SCHOOL, lambda: ADMIN),
                                  templates=None, save_template=None)
    page = CataloguePage(tasks, without, can_edit=True)
    qtbot.addWidget(page)
    assert page.templates_page is None
    assert [page.tabs.tabText(n) for n in range(page.tabs.count())] == [
        "Inventārs", "Resursu veidi", "Pieejamība"]


# -- fit and accessibility --------------------------------------------------------------------

def test_the_editor_names_every_control_and_fits_a_small_screen(qtbot, tasks: TaskRunner,
                                                                school: Store) -> None:
    page = make_page(qtbot, tasks, school)
    editor = open_new(qtbot, page)
    inputs = [*editor.findChildren(QLineEdit), *editor.findChildren(QComboBox),
              *editor.findChildren(QDateEdit), *editor.findChildren(QPlainTextEdit),
              *editor.findChildren(QListWidget), *editor.findChildren(QAbstractButton)]
    inputs = [w for w in inputs if not isinstance(w.parent(), QAbstractSpinBox | QComboBox)]
    unnamed = [type(w).__name__ for w in inputs if not (w.accessibleName() or (
        isinstance(w, QAbstractButton) and w.text()))]
    assert not unnamed, unnamed
    tab = templates_of(page)
    assert tab.table.accessibleName() == "Dokumentu veidnes"
    for widget in (editor, page):
        hint = widget.sizeHint().expandedTo(widget.minimumSizeHint())
        assert hint.width() <= SCREEN_AT_125[0] and hint.height() <= SCREEN_AT_125[1], hint
    assert editor.width() <= SCREEN_AT_125[0] and editor.height() <= SCREEN_AT_125[1] - 40


def test_the_list_fits_the_section_without_scrolling_sideways(qtbot, tasks: TaskRunner,
                                                             school: Store) -> None:
    add_template(school, title="Pieņemšanas-nodošanas akts — portatīvie datori "
                               "(2025./2026. mācību gads, precizēts)",
                 valid_to=date(2034, 8, 31))
    page = make_page(qtbot, tasks, school, rows=1)
    page.resize(SCREEN_AT_125[0] - 200, 480)  # the section beside the navigation list
    tab = templates_of(page)
    qtbot.waitUntil(lambda: tab.table.viewport().width() < SCREEN_AT_125[0] - 200)
    assert not tab.table.horizontalScrollBar().isVisible()
    assert tab.model.index(0, 4).data() == "Spēkā"
