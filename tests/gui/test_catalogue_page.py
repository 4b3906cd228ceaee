"""The Catalogue section on a real store: models, scanning a label, the item editor, the CSV
import preview, the kinds offered, the availability chart, and the administrator-only rule."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import func, select

from desktop.models import catalogue, custody, inventory_csv
from desktop.models.catalogue import AvailabilityRow, HistoryRow
from desktop.models.codes import (
    ApplicationStatus,
    CommandState,
    ItemStatus,
    StaffRole,
    TargetGroup,
)
from desktop.models.journal import Actor
from desktop.models.schema import Item, OfferedKind, OutboxCommand
from desktop.models.store import Store
from desktop.tasks import TaskRunner
from desktop.views.availability_chart import AvailabilityChart
from desktop.views.catalogue_models import ItemsModel, OfferedKindsModel, money
from desktop.views.catalogue_page import CataloguePage, LabelsDialog
from desktop.views.import_dialog import PreviewModel
from desktop.views.item_editor import HistoryModel
from factories import ADMIN, SCHOOL, add_application, add_item, seed_catalogue
from qt_helpers import type_text
from tools.screenshots_custody import build_services  # the catalogue's wiring with custody

REVIEWER = Actor("ilze.reviewer", SCHOOL, StaffRole.REVIEWER)


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> Iterator[None]:
    """Qt objects a test left in reference cycles (a model tester and its model) are freed
    here, on the GUI thread, not by a collection that a worker thread happens to start."""
    yield
    gc.collect()


@pytest.fixture
def school(store: Store) -> Store:
    seed_catalogue(store)
    for n, status in enumerate((ItemStatus.AVAILABLE, ItemStatus.AVAILABLE, ItemStatus.IN_USE,
                                ItemStatus.UNDER_REPAIR), start=1):
        add_item(store, status=status, inventory_no=f"RĀVĢ-{n:04d}")
    add_item(store, kind="chromebook_laptop", inventory_no="RĀVĢ-0100", socially_supported=True)
    for _ in range(3):
        add_application(store, status=ApplicationStatus.SUBMITTED)
    return store


@pytest.fixture
def tasks() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


def make_page(qtbot, tasks: TaskRunner, store: Store, actor: Actor = ADMIN,
              **kwargs: object) -> CataloguePage:
    page = CataloguePage(tasks, build_services(store, SCHOOL, lambda: actor),  # type: ignore[arg-type]
                         can_edit=lambda: actor.role is StaffRole.ADMIN, **kwargs)
    page.setMinimumSize(300, 300)
    page.resize(1300, 800)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: tasks.pending == 0 and page.items_model.rowCount() == 5)
    return page


def test_models_pass_the_model_tester(qtmodeltester, school: Store) -> None:
    items = ItemsModel()
    items.set_rows(catalogue.item_rows(school, catalogue.item_ids(school, SCHOOL)))
    qtmodeltester.check(items)
    items.set_rows(custody.items(school, SCHOOL))  # with holders (none here)
    items.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(items)
    kinds = OfferedKindsModel()
    kinds.set_rows(catalogue.offered_kinds(school, SCHOOL))
    qtmodeltester.check(kinds)
    history = HistoryModel()
    at = datetime(2026, 9, 1, 8, 30, tzinfo=UTC)
    history.set_rows([HistoryRow(at, "import", None, ItemStatus.AVAILABLE, None, "admin",
                                 "local"),
                      HistoryRow(at, "send_to_repair", ItemStatus.AVAILABLE,
                                 ItemStatus.UNDER_REPAIR, "Saplīsis ekrāns", "admin", "central")])
    qtmodeltester.check(history)
    assert history.index(1, 1).data() == "Pieejams → Remontā"
    assert history.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) == "Nodots remontā"
    assert history.index(1, 3).data() == "admin (centrāli)"
    preview = PreviewModel(inventory_csv.LABELS_LV)
    preview.set_rows(inventory_csv.preview_bytes(school, SCHOOL, (
        "Inventāra numurs;Resursa veids;Gads\r\nRĀVĢ-0001;tablet;2024\r\n"
        "RĀVĢ-0200;tablet;pērn\r\n").encode()).rows)
    qtmodeltester.check(preview)
    assert "jau ir izmantots" in preview.index(0, 7).data()
    assert preview.index(1, 7).data() == "Gads: jābūt veselam skaitlim"


def test_items_show_status_as_text_and_colour(school: Store) -> None:
    model = ItemsModel()
    model.set_rows(catalogue.item_rows(school, catalogue.item_ids(school, SCHOOL)))
    status_col = [c[0] for c in model.columns].index("status")
    texts = [model.index(r, status_col).data() for r in range(model.rowCount())]
    assert texts == ["Pieejams", "Pieejams", "Lietošanā", "Remontā", "Pieejams"]
    assert model.index(0, status_col).data(Qt.ItemDataRole.DecorationRole).name() == "#2e7d32"
    assert money(None) == "—" and money(__import__("decimal").Decimal("1249.5")) == "1 249,50"


def test_scanning_a_label_into_the_search_field_opens_that_item(qtbot, tasks: TaskRunner,
                                                                school: Store) -> None:
    page = make_page(qtbot, tasks, school)
    page.search.setFocus()
    type_text(page.search, "RĀVĢ-0001")  # what a keyboard-wedge scanner types…
    QTest.keyClick(page.search, Qt.Key.Key_Return)  # …and the Enter it ends with
    qtbot.waitUntil(lambda: page.editor is not None, timeout=5000)
    assert page.editor is not None
    assert page.editor.inventory_no.text() == "RĀVĢ-0001"
    assert [r.inventory_no for r in page._all_rows()] == ["RĀVĢ-0001"]
    page.editor.close()
    page.search.clear()
    page.show_item_by_number("nav-tāda", open_it=False)
    qtbot.waitUntil(lambda: page.message.isVisible())
    assert page.message.text() == "Resurss ar numuru „nav-tāda“ nav atrasts"


def test_the_editor_names_the_bad_field_and_writes_nothing(qtbot, tasks: TaskRunner,
                                                           school: Store) -> None:
    page = make_page(qtbot, tasks, school)
    qtbot.waitUntil(lambda: page.kind_filter.count() > 1)
    editor = page.open_editor(None)
    editor.inventory_no.setText("RĀVĢ-0300")
    editor.year.setText("divi tūkstoši")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.error_label.isVisible())
    assert editor.error_label.text() == "Gads: jābūt veselam skaitlim"
    assert editor.year.property("invalid") is True
    editor.year.setText("2024")
    editor.inventory_no.setText("RĀVĢ-0001")  # taken
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.error_label.text().startswith("Inventāra numurs RĀVĢ-0001"))
    assert editor.inventory_no.property("invalid") is True
    with school.read() as s:
        assert s.scalar(select(func.count()).select_from(Item)) == 5
    editor.inventory_no.setText("RĀVĢ-0300")
    editor.acquisition_value.setText("1 249,50")
    editor.location.setText("Bibliotēka, skapis Nr. 3")
    with qtbot.waitSignal(editor.saved, timeout=5000):
        editor.save_button.click()
    qtbot.waitUntil(lambda: page.items_model.rowCount() == 6)
    with school.read() as s:
        item = s.scalars(select(Item).where(Item.inventory_no == "RĀVĢ-0300")).one()
        assert str(item.acquisition_value) == "1249.50"
        assert item.location == "Bibliotēka, skapis Nr. 3"


def test_status_changes_follow_the_item_machine(qtbot, tasks: TaskRunner,
                                                school: Store) -> None:
    page = make_page(qtbot, tasks, school)
    rows = {r.inventory_no: r for r in page._all_rows()}
    lent = page.open_editor(rows["RĀVĢ-0003"])  # in use: only a return makes it available
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert lent.action.count() == 0 and not lent.status_button.isEnabled()
    assert "tikai pēc atgriešanas" in lent.status_note.text()
    lent.close()
    editor = page.open_editor(rows["RĀVĢ-0001"])
    qtbot.waitUntil(lambda: tasks.pending == 0)
    offered = [editor.action.itemData(i) for i in range(editor.action.count())]
    assert offered == ["store", "send_to_maintenance", "send_to_repair", "mark_damaged"]
    editor.action.setCurrentIndex(offered.index("send_to_repair"))
    editor.reason.setText("Nedarbojas tastatūra")
    editor.status_button.click()
    qtbot.waitUntil(lambda: editor.history_model.rowCount() == 1, timeout=5000)
    assert editor.history_model.index(0, 1).data() == "Pieejams → Remontā"
    assert editor.history_model.index(0, 2).data() == "Nedarbojas tastatūra"
    assert "Remontā" in editor.status_label.text()
    with school.read() as s:
        assert s.get(Item, rows["RĀVĢ-0001"].id).status is ItemStatus.UNDER_REPAIR


def test_only_an_administrator_edits(qtbot, tasks: TaskRunner, school: Store) -> None:
    page = make_page(qtbot, tasks, school, actor=REVIEWER)
    qtbot.waitUntil(lambda: page.kinds_model.rowCount() == 3)
    why = "Katalogu labot var tikai administrators"
    for widget in (page.new_button, page.import_button, page.target_group, page.accepting):
        assert not widget.isEnabled() and widget.toolTip() == why
    assert page.export_button.isEnabled() and page.labels_button.isEnabled()
    editor = page.open_editor(page._all_rows()[0])
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert editor.inventory_no.isReadOnly() and not editor.kind.isEnabled()
    assert not editor.save_button.isEnabled() and editor.save_button.toolTip() == why
    assert not editor.status_button.isEnabled()


def test_import_preview_with_errors_then_a_clean_import(qtbot, tasks: TaskRunner,
                                                        school: Store, tmp_path: Path) -> None:
    header = "Inventāra numurs;Resursa veids;Ražotājs;Gads;Iegādes vērtība\r\n"
    bad = tmp_path / "slikts.csv"
    bad.write_bytes((header + "RĀVĢ-0500;tablet;Samsung;2024;219\r\n"
                     "RĀVĢ-0001;tablet;Samsung;2024;219\r\n"
                     "RĀVĢ-0502;planšete;Samsung;pērn;219\r\n").encode("cp1257"))
    good = tmp_path / "labs.csv"
    good.write_bytes((header + "RĀVĢ-0500;tablet;Samsung;2024;219\r\n"
                      "RĀVĢ-0501;Windows portatīvais dators;Lenovo;2023;649,99\r\n"
                      ).encode("cp1257"))
    chosen = [str(bad)]
    page = make_page(qtbot, tasks, school, ask_open_path=lambda _w: chosen.pop(0))
    dialog = page.open_import()
    dialog.choose_button.click()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    assert not dialog.import_button.isEnabled()
    assert "2 rindās ir kļūdas" in dialog.summary.text()
    assert "Windows-1257" in dialog.summary.text()
    assert dialog.only_bad.isChecked() and dialog.proxy.rowCount() == 2
    dialog.only_bad.setChecked(False)
    assert dialog.proxy.rowCount() == 3
    chosen.append(str(good))
    dialog.choose_button.click()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    assert dialog.import_button.text() == "Importēt 2 resursus"
    with qtbot.waitSignal(dialog.imported, timeout=5000) as blocker:
        dialog.import_button.click()
    assert blocker.args == [2]
    qtbot.waitUntil(lambda: page.items_model.rowCount() == 7)
    assert "Importēti 2 resursi" in page.message.text()


def test_kinds_offered_edit_and_the_conflict_with_both_versions(qtbot, tasks: TaskRunner,
                                                                 school: Store) -> None:
    page = make_page(qtbot, tasks, school)
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.kinds_model.rowCount() == 3)
    labels = [page.kinds_model.index(r, 0).data() for r in range(3)]
    assert labels == ["Chromebook portatīvais dators", "Planšetdators",
                      "Windows portatīvais dators"]
    page.kinds.selectRow(1)  # tablets, lent to employees
    assert page.target_group.currentData() == "employee"
    page.target_group.setCurrentIndex(page.target_group.findData("all"))
    page.target_group.activated.emit(page.target_group.currentIndex())
    qtbot.waitUntil(lambda: page.kinds_model.index(1, 1).data() == "Visiem", timeout=5000)
    assert page.kinds_model.index(1, 5).data() == "Gaida sinhronizāciju"
    page.accepting.click()  # close applications for tablets
    qtbot.waitUntil(lambda: page.kinds_model.index(1, 2).data() == "Slēgta", timeout=5000)
    with school.read() as s:
        assert s.get(OfferedKind, "ok-tab").target_group is TargetGroup.ALL
        commands = [c.command for c in s.scalars(select(OutboxCommand).order_by(OutboxCommand.id))]
    assert commands == ["set_target_group", "set_accepting_applications"]
    # the central service refused the switch: someone changed the kind there meanwhile
    with school.write() as s:
        cmd = s.scalars(select(OutboxCommand).where(
            OutboxCommand.command == "set_accepting_applications")).one()
        cmd.state = CommandState.CONFLICT
        cmd.conflict = {"status": 412, "current_offered_kind": {
            "id": "ok-tab", "version": 3, "institution_id": SCHOOL, "kind_code": "tablet",
            "target_group": "employee", "accepting_applications": True, "documents": []}}
    page.refresh()
    qtbot.waitUntil(lambda: page.conflicts_box.isVisible(), timeout=5000)
    text = page.conflicts_label.text()
    assert "Šajā datorā" in text and "Centrālajā servisā (v3)" in text
    assert "slēgta" in text and "atvērta" in text and "Darbiniekiem" in text


def test_the_availability_chart_says_what_its_colours_show(qtbot, school: Store) -> None:
    chart = AvailabilityChart()
    chart.setMinimumSize(300, 300)
    qtbot.addWidget(chart)
    rows = catalogue.availability(school, SCHOOL)
    chart.set_rows(rows)
    chart.resize(900, chart.heightForWidth(900))
    chart.show()
    assert chart.summary() == (
        "Chromebook portatīvais dators: pieejami 1 no 1, gaida 0, pietiek; "
        "Planšetdators: pieejami 0 no 0, gaida 0, pietiek; "
        "Windows portatīvais dators: pieejami 2 no 4, gaida 3, trūkst 1")
    legend = [label for _colour, label in chart._legend_entries()]
    assert legend == ["Pieejams", "Lietošanā", "Remontā", "Iesniegti pieteikumi",
                      "Atlikti", "Piešķirti bez resursa"]
    image = chart.grab().toImage()
    assert not image.isNull() and image.width() == 900
    empty = AvailabilityChart()
    qtbot.addWidget(empty)
    empty.set_rows([])
    assert empty.summary() == ""
    assert AvailabilityRow("tablet", "Planšetdators", {}, 2, 0, 0).shortage == 2


def test_labels_and_export_are_written_where_chosen(qtbot, tasks: TaskRunner, school: Store,
                                                    tmp_path: Path) -> None:
    import io

    from pypdf import PdfReader

    targets = [str(tmp_path / "uzlīmes.pdf"), str(tmp_path / "inventārs.csv")]
    page = make_page(qtbot, tasks, school, actor=REVIEWER,  # printing needs no catalogue right
                     ask_save_path=lambda _w, _title, _name: targets.pop(0))
    page.items.selectRow(0)
    page.items.selectionModel().select(
        page.items_model.index(2, 0),
        page.items.selectionModel().SelectionFlag.Select
        | page.items.selectionModel().SelectionFlag.Rows)
    assert [r.inventory_no for r in catalogue.item_rows(school, page.selected_item_ids())] == [
        "RĀVĢ-0001", "RĀVĢ-0003"]
    page.save_labels(page.selected_item_ids(), "2x7", 0)
    qtbot.waitUntil(lambda: "2 uzlīmes saglabātas" in page.message.text(), timeout=10000)
    pdf = (tmp_path / "uzlīmes.pdf").read_bytes()
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    # a label prints the number as any scanner can type it back: folded to ASCII capitals
    assert "RAVG-0001" in text and "RAVG-0003" in text and "RAVG-0002" not in text
    assert "Rīgas Āgenskalna Valsts ģimnāzija" in text
    page.export()
    qtbot.waitUntil(lambda: "Eksportēti 5 resursi" in page.message.text(), timeout=10000)
    assert (tmp_path / "inventārs.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_change_elsewhere_reloads_the_list_and_keeps_the_selection(
        qtbot, tasks: TaskRunner, school: Store) -> None:
    from PySide6.QtCore import QItemSelection, QItemSelectionModel

    from desktop.changes import ChangeBus
    from desktop.models.changes import OpChanges

    bus = ChangeBus()
    page = make_page(qtbot, tasks, school, changes=bus)
    model = page.items_model
    chosen = [model.row_at(1).id, model.row_at(2).id]
    page.items.selectionModel().select(
        QItemSelection(model.index(1, 0), model.index(2, model.columnCount() - 1)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect)
    page.items.selectionModel().setCurrentIndex(model.index(2, 0),
                                                QItemSelectionModel.SelectionFlag.NoUpdate)
    arrived = add_item(school, inventory_no="RĀVĢ-0000")  # as a sync would bring it
    with qtbot.waitSignal(model.modelReset, timeout=5000):
        bus.publish(OpChanges.of(items=[arrived]), object())
    qtbot.waitUntil(lambda: model.rowCount() == 6, timeout=5000)
    assert sorted(page.selected_item_ids()) == sorted(chosen)
    assert model.row_at(page.items.currentIndex().row()).id == chosen[1]


def test_the_kinds_tab_edits_the_chosen_kinds_checklist(qtbot, tasks, school) -> None:
    from desktop.models import kind_checklists
    from desktop.models.schema import OfferedKind

    kind_checklists.set_check_in_checklist(school, ADMIN, "ok-tab", ["Lādētājs", "Vāciņš"])
    page = make_page(qtbot, tasks, school)
    page.tabs.setCurrentIndex(1)
    box = page.kind_checklist
    assert box is not None
    qtbot.waitUntil(lambda: page.kinds_model.rowCount() == 3, timeout=3000)
    row = next(n for n in range(3) if page.kinds_model.row_at(n).id == "ok-tab")
    with qtbot.waitSignal(box.loaded, timeout=3000):
        page.kinds.selectRow(row)
    assert [box.list.item(n).text() for n in range(box.list.count())] == ["Lādētājs",
                                                                          "Vāciņš"]
    box.new_entry.setText("Irbulis")
    box.add_button.click()
    with qtbot.waitSignal(box.saved, timeout=3000):
        box.save_button.click()
    with school.read() as s:
        assert s.get(OfferedKind, "ok-tab").check_in_checklist == ["Lādētājs", "Vāciņš",
                                                                    "Irbulis"]
    qtbot.waitUntil(lambda: "Komplektācija saglabāta" in page.message.text(), timeout=3000)


@pytest.mark.parametrize(("count", "expected"), [(1, "Uzlīmes 1 resursam."),
                                                 (21, "Uzlīmes 21 resursam."),
                                                 (11, "Uzlīmes 11 resursiem."),
                                                 (5, "Uzlīmes 5 resursiem.")])
def test_label_dialog_counts_in_latvian(qtbot, count: int, expected: str) -> None:
    """Latvian number agreement: 1 and 21 take the singular, 11 and 5 the plural."""
    from PySide6.QtWidgets import QLabel

    dialog = LabelsDialog(count)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(t.startswith(expected) for t in texts), texts
