"""The application detail view: loads in the background, shows everything, hides codes."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop.models.codes import DocumentType, SocialStatus
from desktop.models.decisions import grant
from desktop.models.details import application_detail
from desktop.models.handovers import prepare_handover
from desktop.models.schema import Application, Document, DocumentAcknowledgement, StatusHistory
from desktop.tasks import TaskRunner
from desktop.views.detail_page import ApplicationDetailView, when
from factories import DESK, REVIEWER, SCHOOL, WHEN, add_application, add_item, seed_catalogue

GRANTED = datetime(2026, 11, 12, 8, 15, tzinfo=UTC)
PREPARED = datetime(2026, 11, 13, 7, 5, tzinfo=UTC)


@pytest.fixture
def school(store):
    seed_catalogue(store)
    item = add_item(store, inventory_no="RAVG-0042")
    granted = add_application(store, social=SocialStatus.POOR_FAMILY)
    plain = add_application(store, learner="Ērika Ķuze", submitter="Ģirts Ķuzis",
                            learner_class="3.a")
    with store.write() as s:
        s.add(Document(id="doc-rules", institution_id=SCHOOL, offered_kind_id="ok-win",
                       doc_type=DocumentType.EXPLOITATION_RULES,
                       title="Datoru lietošanas noteikumi"))
        s.flush()
        s.add(DocumentAcknowledgement(application_id=granted, document_id="doc-rules",
                                      acknowledged_at=WHEN - timedelta(minutes=2)))
        s.get(Application, granted).notes = "Zvanīt pēc 16:00"
        s.get(Application, plain).phone = None
        s.add(StatusHistory(entity_type="application", entity_id=str(granted),
                            application_id=granted, action="submit", to_status="submitted",
                            actor="central", source="central", at=WHEN))
    grant(store, REVIEWER, granted, item_id=item, now=GRANTED)
    prepare_handover(store, DESK, granted, return_deadline=date(2027, 6, 30), now=PREPARED)
    return store, granted, plain


@pytest.fixture
def view(qtbot, school):
    store = school[0]
    tasks = TaskRunner()
    widget = ApplicationDetailView(lambda i: application_detail(store, SCHOOL, i), tasks=tasks)
    # a minimum of its own keeps the layout from setting one on the shown window, which the
    # offscreen platform answers with a warning (and warnings fail the test run)
    widget.setMinimumSize(300, 300)
    widget.resize(900, 900)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    tasks.wait()


def _show(qtbot, view: ApplicationDetailView, application_id: int) -> None:
    with qtbot.waitSignal(view.loaded, timeout=5000) as blocker:
        view.show_application(application_id)
    assert blocker.args == [application_id]


def _texts(view: ApplicationDetailView) -> str:
    return "\n".join(label.text() for label in view.findChildren(QLabel) if label.isVisible())


def test_placeholder_until_something_is_chosen(view: ApplicationDetailView) -> None:
    assert view.stack.currentWidget() is view.placeholder
    assert view.placeholder.text() == "Izvēlieties pieteikumu sarakstā"
    assert view.detail is None


def test_shows_people_status_and_sections(qtbot, view, school) -> None:
    _, granted, _ = school
    _show(qtbot, view, granted)
    assert view.stack.currentWidget() is view.scroll_area
    assert view.number_label.text() == f"P-2026-{granted:06d}"
    assert view.status_label.text() == "Piešķirts"
    assert "background-color" in view.status_label.styleSheet()  # colour AND text
    assert view.handover_status_label.text() == "Gatavs izsniegšanai"
    assert view.kind_label.text() == "Windows portatīvais dators"
    assert view.submitter_name.text() == "Līga Bērziņa"
    assert view.submitter_role.text() == "Vecāks vai aizbildnis"
    assert view.learner_name.text() == "Jānis Bērziņš"
    assert view.learner_class.text() == "7.b"
    assert view.guardian_check.text() == f"Apstiprināta · {when(WHEN)}"
    assert view.phone.text() == "+37120000000"
    assert view.email.text() == "liga.berzina@example.lv"
    assert view.notes.text() == "Zvanīt pēc 16:00"
    assert view.decision_reason.text() == "—"
    assert view.revisit_on.text() == "—"
    assert view.sync_state_label.text() == "Gaida sinhronizāciju: 2"
    text = _texts(view)
    for expected in ("Trūcīga ģimene (T)", "Apstiprināts VIIS", "Datoru lietošanas noteikumi",
                     "RAVG-0042 · Lenovo ThinkPad E14", "30.06.2027",
                     f"P-2026-{granted:06d}-A1"):
        assert expected in text
    titles = {box.title() for box in (view.submitter_group, view.learner_group,
                                      view.social_group, view.documents_group,
                                      view.contacts_group, view.decision_group,
                                      view.handover_group, view.history_group)}
    assert titles == {"Iesniedzējs", "Izglītojamais", "Sociālais statuss", "Dokumenti",
                      "Kontakti", "Lēmums", "Izsniegšana", "Vēsture"}


def test_dates_are_latvian_local_time(qtbot, view, school) -> None:
    _, granted, _ = school
    _show(qtbot, view, granted)
    local = GRANTED.astimezone()
    assert view.status_changed.text() == local.strftime("%d.%m.%Y %H:%M")
    assert when(None) == "—"


def test_personal_codes_masked_until_revealed(qtbot, view, school) -> None:
    _, granted, plain = school
    _show(qtbot, view, granted)
    field = view.learner_code
    assert field.label.text() == "150312-*****"
    assert view.submitter_code.label.text() == "010180-*****"
    assert "20004" not in _texts(view) and "10006" not in _texts(view)
    assert field.button.text() == "Rādīt"
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    assert field.label.text() == "150312-20004"
    assert field.button.text() == "Slēpt"
    assert view.submitter_code.label.text() == "010180-*****"  # only the one asked for
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    assert field.label.text() == "150312-*****"
    # revealing does not carry over to the next application
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    _show(qtbot, view, plain)
    assert field.label.text() == "150312-*****"
    assert not field.revealed


def test_timeline_lists_every_change_oldest_first(qtbot, view, school) -> None:
    _, granted, _ = school
    _show(qtbot, view, granted)
    lines = [view.timeline.item(i).text() for i in range(view.timeline.count())]
    assert len(lines) == 4 == view.timeline_entries
    assert lines[0] == f"Iesniegts · e-pakalpojums · {when(WHEN)}"
    assert lines[1] == f"Iesniegts → Piešķirts · ilze.reviewer · {when(GRANTED)}"
    assert lines[2] == f"Izsniegšana: Sagatavošanā · ilze.reviewer · {when(GRANTED)}"
    assert lines[3] == ("Izsniegšana: Sagatavošanā → Gatavs izsniegšanai · desk.ģirts · "
                        f"{when(PREPARED)}")
    assert view.timeline.item(0).toolTip()  # central events are marked


def test_reason_on_a_second_line(qtbot, view, school) -> None:
    from desktop.models.decisions import defer

    store, _, plain = school
    defer(store, REVIEWER, plain, "Gaidām VIIS apstiprinājumu", now=GRANTED)
    _show(qtbot, view, plain)
    assert view.timeline.item(0).text() == (
        f"Iesniegts → Atlikta izskatīšana · ilze.reviewer · {when(GRANTED)}\n"
        "Gaidām VIIS apstiprinājumu")
    assert view.decision_reason.text() == "Gaidām VIIS apstiprinājumu"
    assert view.handover_status_label.isHidden()


def test_absent_values_are_dashes(qtbot, view, school) -> None:
    _, _, plain = school
    _show(qtbot, view, plain)
    assert view.learner_name.text() == "Ērika Ķuze"
    assert view.submitter_name.text() == "Ģirts Ķuzis"
    assert view.phone.text() == "—"
    assert view.notes.text() == "—"
    assert view.withdrawal_reason.text() == "—"
    assert view.sync_state_label.text() == "Sinhronizēts"
    assert view.timeline_entries == 0
    assert view.timeline.count() == 1  # the "no history" line


def test_switching_quickly_shows_only_the_last(qtbot, school) -> None:
    store, granted, plain = school
    release = threading.Event()
    calls: list[int] = []

    def slow_load(application_id: int):
        calls.append(application_id)
        if application_id == granted:
            release.wait(5)  # the first answer arrives after the second
        return application_detail(store, SCHOOL, application_id)

    tasks = TaskRunner()
    view = ApplicationDetailView(slow_load, tasks=tasks)
    qtbot.addWidget(view)
    shown: list[int] = []
    view.loaded.connect(shown.append)
    view.show_application(granted)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show_application(plain)
    release.set()
    assert tasks.wait(5000)
    qtbot.waitUntil(lambda: tasks.pending == 0, timeout=5000)
    QApplication.processEvents()
    assert sorted(calls) == sorted([granted, plain])
    assert shown == [plain]
    assert view.learner_name.text() == "Ērika Ķuze"
    assert view.detail is not None and view.detail.id == plain


def test_unknown_application_says_so(qtbot, view) -> None:
    _show(qtbot, view, 987_654)
    assert view.stack.currentWidget() is view.placeholder
    assert "nav atrasts" in view.placeholder.text()
    view.clear()
    assert view.placeholder.text() == "Izvēlieties pieteikumu sarakstā"


def test_a_failing_load_shows_a_message(qtbot) -> None:
    def broken(application_id: int):
        raise OSError("disk gone")

    tasks = TaskRunner()
    view = ApplicationDetailView(broken, tasks=tasks)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.failed, timeout=5000):
        view.show_application(1)
    assert view.placeholder.text() == "Neizdevās nolasīt pieteikumu (OSError)"
    tasks.wait()


def test_labels_are_plain_selectable_text(qtbot, view, school) -> None:
    _, granted, _ = school
    _show(qtbot, view, granted)
    for label in (view.phone, view.email, view.learner_name, view.learner_code.label):
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_narrow_view_uses_one_column(qtbot, view, school) -> None:
    _, granted, _ = school
    _show(qtbot, view, granted)
    assert view._right.count() > 1
    view.resize(480, 700)
    qtbot.waitUntil(lambda: view._right.count() <= 1, timeout=2000)
    view.resize(900, 900)
    qtbot.waitUntil(lambda: view._right.count() > 1, timeout=2000)


def test_screenshot(qtbot, view, school, tmp_path) -> None:
    _, granted, _ = school
    _show(qtbot, view, granted)
    path = tmp_path / "detail.png"
    assert view.grab().save(str(path))
    assert path.stat().st_size > 10_000
