"""The conflicts panel: decisions the central service refused, beside its current state.

A command the service answered 412/409/422/404/403 stays in the outbox as a conflict until a
person resolves it: *re-apply* makes the same decision again on the service's state (the core
refuses, changing nothing, when the decision cannot stand there), *discard* drops it and keeps
the service's state. The panel gets plain callables (the composition root binds them to
``sync.conflicts.list_conflicts`` / ``reapply`` / ``discard``) and runs each on the task runner;
it never holds a Session and never shows a traceback.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import ChangeBus
from desktop.models.changes import OpChanges
from desktop.models.codes import (
    ApplicationStatus,
    CancelReason,
    HandoverStatus,
    ItemStatus,
    ReturnCondition,
    ReturnGrade,
    TargetGroup,
    WithdrawalReason,
)
from desktop.models.command_names import CommandName
from desktop.models.commands import REGISTRY
from desktop.tasks import TaskRunner
from desktop.views.availability_chart import ITEM_STATUS_COLOURS
from desktop.views.detail_page import (
    CONFLICT_COLOUR,
    HANDOVER_COLOURS,
    WARNING_COLOUR,
    day,
    text_or_dash,
    when,
)
from desktop.views.inbox_model import STATUS_COLOURS
from desktop.views.qt_typed import QT_TRANSLATE_NOOP
from desktop.views.table_model import ColumnsTableModel

if TYPE_CHECKING:  # the panel only reads the dataclass's fields
    from sync.conflicts import ConflictView

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
EMPTY = "—"
SUCCESS_COLOUR = "#1d7a3a"

CommandIdRole = Qt.ItemDataRole.UserRole + 1
HttpStatusRole = Qt.ItemDataRole.UserRole + 2

# Every fixed word below is Latvian (the source language) marked for Qt Linguist in the
# "ConflictsPanel" context and translated where it is shown (`_tr`). Captions stay Latvian inside
# the rows, since the panel keys colours and tests key values by them; `_SideBox` translates them.
CONTEXT = "ConflictsPanel"

HTTP_REASONS: dict[int, str] = {
    412: QT_TRANSLATE_NOOP("ConflictsPanel", "Pieteikums centrālajā servisā mainījies"),
    409: QT_TRANSLATE_NOOP("ConflictsPanel", "Darbība vairs nav atļauta"),
    422: QT_TRANSLATE_NOOP("ConflictsPanel", "Nederīgi dati"),
    404: QT_TRANSLATE_NOOP("ConflictsPanel", "Ieraksts dzēsts"),
    403: QT_TRANSLATE_NOOP("ConflictsPanel", "Nav tiesību"),
}

ITEM_ACTION_LABELS: dict[str, str] = {
    "commission": QT_TRANSLATE_NOOP("ConflictsPanel", "Padarīt pieejamu izsniegšanai"),
    "store": QT_TRANSLATE_NOOP("ConflictsPanel", "Novietot rezervē"),
    "release": QT_TRANSLATE_NOOP("ConflictsPanel", "Atbrīvot no rezerves"),
    "reserve": QT_TRANSLATE_NOOP("ConflictsPanel", "Rezervēt"),
    "unreserve": QT_TRANSLATE_NOOP("ConflictsPanel", "Atcelt rezervāciju"),
    "hand_out": QT_TRANSLATE_NOOP("ConflictsPanel", "Izsniegt"),
    "return_working": QT_TRANSLATE_NOOP("ConflictsPanel", "Pieņemt darba kārtībā"),
    "return_damaged": QT_TRANSLATE_NOOP("ConflictsPanel", "Pieņemt bojātu"),
    "report_lost": QT_TRANSLATE_NOOP("ConflictsPanel", "Atzīmēt kā nozaudētu"),
    "report_stolen": QT_TRANSLATE_NOOP("ConflictsPanel", "Atzīmēt kā nozagtu"),
    "send_to_maintenance": QT_TRANSLATE_NOOP("ConflictsPanel", "Nodot apkopē"),
    "send_to_repair": QT_TRANSLATE_NOOP("ConflictsPanel", "Nodot remontā"),
    "mark_damaged": QT_TRANSLATE_NOOP("ConflictsPanel", "Atzīmēt kā bojātu"),
    "back_in_service": QT_TRANSLATE_NOOP("ConflictsPanel", "Atkal padarīt pieejamu izsniegšanai"),
    "recover": QT_TRANSLATE_NOOP("ConflictsPanel", "Atzīmēt kā atrastu"),
}

# (key, Latvian header); ColumnsTableModel looks the header up in the model's own context
COLUMNS: list[tuple[str, str]] = [
    ("record", QT_TRANSLATE_NOOP("ConflictsModel", "Pieteikums")),
    ("decision", QT_TRANSLATE_NOOP("ConflictsModel", "Jūsu lēmums")),
    ("decided", QT_TRANSLATE_NOOP("ConflictsModel", "Lēmuma pieņēmējs")),
    ("server", QT_TRANSLATE_NOOP("ConflictsModel", "Stāvoklis centrālajā servisā")),
    ("reason", QT_TRANSLATE_NOOP("ConflictsModel", "Iemesls")),
    ("waiting", QT_TRANSLATE_NOOP("ConflictsModel", "Gaida aiz šī")),
]


# captions the detail area colours (rows and colours are keyed by the Latvian caption)
ACTION_CAPTION = QT_TRANSLATE_NOOP("ConflictsPanel", "Darbība")
STATUS_CAPTION = QT_TRANSLATE_NOOP("ConflictsPanel", "Statuss")
HANDOVER_CAPTION = QT_TRANSLATE_NOOP("ConflictsPanel", "Izsniegšana")


def _tr(latvian: str) -> str:
    """A marked Latvian text (QT_TRANSLATE_NOOP above) in the UI language."""
    return QCoreApplication.translate(CONTEXT, latvian)


# -- words for a conflict (pure functions, shared by the model and the detail area) ------------
def _command(name: str) -> CommandName | None:
    try:
        return CommandName(name)
    except ValueError:  # a command this version does not know (a newer workstation's)
        return None


def command_label(command: str, language: str = "lv") -> str:
    """The registry's label of a command, in the UI language."""
    name = _command(command)
    return REGISTRY[name].label(language) if name is not None else command


def http_reason(status: int, title: str | None = None,
                aggregate_type: str = "application") -> str:
    if status == 412 and aggregate_type != "application":
        return QCoreApplication.translate("ConflictsPanel",
                                          "Ieraksts centrālajā servisā mainījies")
    if status in HTTP_REASONS:
        return _tr(HTTP_REASONS[status])
    if status:
        return QCoreApplication.translate("ConflictsPanel",
                                          "Centrālais serviss noraidīja ({0})").format(status)
    return text_or_dash(title)


def _coded_label(enum: type[Any], value: object, language: str = "lv") -> str:
    try:
        return enum(value).label(language)
    except ValueError:
        return text_or_dash(value)


def record_label(c: ConflictView) -> str:
    """The application number when known, else its id; the device or kind for catalogue."""
    if c.application_id is not None:
        number = getattr(c, "application_number", None)
        return str(number) if number else f"ID {c.application_id}"
    name = getattr(c, "record_name", None)
    if c.aggregate_type == "item":
        inventory_no = c.payload.get("inventory_no") or name
        return QCoreApplication.translate("ConflictsPanel", "Resurss {0}").format(
            inventory_no or c.aggregate_id[:8])
    if c.aggregate_type == "offered_kind":
        return QCoreApplication.translate("ConflictsPanel", "Resursa veids: {0}").format(
            _kind_name(c))
    return f"{c.aggregate_type} {c.aggregate_id}"


def _kind_name(c: ConflictView) -> str:
    return str(getattr(c, "record_name", None) or c.payload.get("kind_code") or c.aggregate_id)


def _open_or_closed(value: object) -> str:
    if value:
        return QCoreApplication.translate("ConflictsPanel", "atvērta")
    return QCoreApplication.translate("ConflictsPanel", "slēgta")


def reason_label(c: ConflictView) -> str:
    return http_reason(c.http_status, c.title, c.aggregate_type)


def server_state_label(c: ConflictView, language: str = "lv") -> str:
    record = getattr(c, "server_record", None)
    if c.server_status is None and record and c.aggregate_type == "offered_kind":
        return QCoreApplication.translate(
            "ConflictsPanel", "Kam izsniedz: {0} · pieteikšanās {1}").format(
            _coded_label(TargetGroup, record.get("target_group"), language),
            _open_or_closed(record.get("accepting_applications")))
    if c.server_status is None and record and c.aggregate_type == "item":
        return _coded_label(ItemStatus, record.get("status"), language)
    if c.server_status is None:
        if c.application_id is None:
            return QCoreApplication.translate("ConflictsPanel", "Nav zināms")
        return EMPTY
    parts = [c.server_status.label(language)]
    parts += [QCoreApplication.translate("ConflictsPanel", "izsniegšana: {0}").format(
        h.label(language)) for h in c.server_handover_statuses]
    return " · ".join(parts)


def _what_happened(c: ConflictView, language: str) -> str:
    """Who changed what at the central service, as far as its answer tells."""
    translate = QCoreApplication.translate
    status = c.server_status
    if c.http_status == 404 or status is ApplicationStatus.DELETED:
        return translate("ConflictsPanel", "Centrālajā servisā šis ieraksts pa to laiku ir dzēsts.")
    if c.http_status == 403:
        return translate("ConflictsPanel", "Centrālais serviss jūsu lomai šo darbību neatļauj.")
    if c.http_status == 422:
        return translate("ConflictsPanel", "Centrālais serviss lēmuma datus neatzina par "
                                           "derīgiem.")
    if c.application_id is None:
        return translate("ConflictsPanel", "Kāds cits pa to laiku centrālajā servisā mainīja "
                                           "šo ierakstu; tā pašreizējais stāvoklis ir redzams "
                                           "labajā pusē.")
    if status is None:
        return translate("ConflictsPanel", "Pieteikums centrālajā servisā pa to laiku ir "
                                           "mainīts.")
    label = status.label(language)
    if c.http_status == 409:
        return translate("ConflictsPanel", "Centrālajā servisā pieteikums tagad ir „{0}“, un "
                                           "šādā stāvoklī šī darbība vairs nav atļauta."
                         ).format(label)
    if status is ApplicationStatus.WITHDRAWN:
        return translate("ConflictsPanel", "Iesniedzējs pa to laiku atsauca šo pieteikumu "
                                           "(tagad: „{0}“).").format(label)
    if status is ApplicationStatus.SUBMITTED:
        return translate("ConflictsPanel", "Iesniedzējs vai cits darbinieks pa to laiku "
                                           "centrālajā servisā mainīja pieteikuma datus; "
                                           "statuss joprojām ir „{0}“.").format(label)
    return translate("ConflictsPanel", "Cits darbinieks pa to laiku centrālajā servisā jau "
                                       "izlēma šo pieteikumu: tagad tas ir „{0}“.").format(label)


def conflict_explanation(c: ConflictView, language: str = "lv") -> str:
    """The conflict in plain words, in three sentences: what happened at the central service,
    what the user's own decision was, and what to do now (never the record versions)."""
    translate = QCoreApplication.translate
    yours = translate("ConflictsPanel", "Jūsu lēmums „{0}“ ({1}, {2}) tika pieņemts, pirms "
                                        "šī izmaiņa nonāca šajā datorā, tāpēc centrālais "
                                        "serviss to noraidīja.").format(
        command_label(c.command, language), c.decided_by, when(c.decided_at))
    if c.http_status in (403, 404, 409):
        todo = translate("ConflictsPanel", "Šo lēmumu vairs nevar piemērot. Spiediet "
                                           "„Atmest“: paliks centrālā servisa stāvoklis.")
    else:
        todo = translate("ConflictsPanel", "Salīdziniet abas puses zemāk. Ja lēmums joprojām "
                                           "ir pareizs, spiediet „Piemērot vēlreiz“; ja vairs "
                                           "nav vajadzīgs, spiediet „Atmest“.")
    return " ".join((_what_happened(c, language), yours, todo))


def decided_label(c: ConflictView) -> str:
    return f"{c.decided_by} · {when(c.decided_at)}"


def _day_text(value: object) -> str:
    if isinstance(value, str) and value:
        try:
            return day(date.fromisoformat(value[:10]))
        except ValueError:
            return value
    return EMPTY


def decision_rows(c: ConflictView, language: str = "lv") -> list[tuple[str, str]]:
    """The decision and what it carried, in words, as (Latvian caption, value) rows."""
    p = c.payload
    rows: list[tuple[str, str]] = [
        (QT_TRANSLATE_NOOP("ConflictsPanel", "Darbība"), command_label(c.command, language))]
    command = _command(c.command)
    if command in (CommandName.REFUSE, CommandName.DEFER):
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Pamatojums"),
                     text_or_dash(p.get("reason"))))
    if command is CommandName.DEFER:
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Atkārtota izskatīšana"),
                     _day_text(p.get("revisit_on"))))
    if command in (CommandName.GRANT, CommandName.PREPARE_HANDOVER):
        if p.get("act_number"):
            rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Akts"), str(p["act_number"])))
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Resurss"),
                     text_or_dash(p.get("item_id"))))
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Atgriešanas termiņš"),
                     _day_text(p.get("return_deadline"))))
    if command is CommandName.CANCEL_HANDOVER:
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Iemesls"),
                     _coded_label(CancelReason, p.get("reason"), language)))
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Piezīmes"),
                     text_or_dash(p.get("notes"))))
    if command is CommandName.RECORD_RETURN:
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Stāvoklis"),
                     _coded_label(ReturnGrade, p["grade"], language) if p.get("grade")
                     else _coded_label(ReturnCondition, p.get("condition"), language)))
        missing = [str(e.get("name")) for e in p.get("checklist") or ()
                   if not e.get("returned")]
        if missing:
            rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Trūkst"), ", ".join(missing)))
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Piezīmes"),
                     text_or_dash(p.get("notes"))))
    if command is CommandName.UPSERT_ITEM:
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Inventāra Nr."),
                     text_or_dash(p.get("inventory_no"))))
        model = " ".join(str(p[k]) for k in ("manufacturer", "model") if p.get(k))
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Modelis"), text_or_dash(model)))
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Atrašanās vieta"),
                     text_or_dash(p.get("location"))))
    if command is CommandName.SET_ITEM_STATUS:
        action = str(p.get("action"))
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Darbība ar resursu"),
                     _tr(ITEM_ACTION_LABELS[action]) if action in ITEM_ACTION_LABELS
                     else text_or_dash(p.get("action"))))
        if p.get("status"):
            rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Jaunais statuss"),
                         _coded_label(ItemStatus, p.get("status"), language)))
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Pamatojums"),
                     text_or_dash(p.get("reason"))))
    if command is CommandName.SET_ACCEPTING_APPLICATIONS:
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Resursa veids"), _kind_name(c)))
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Pieteikšanās"),
                     _open_or_closed(p.get("accepting_applications"))))
    if command is CommandName.SET_CHECK_IN_CHECKLIST:
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Resursa veids"), _kind_name(c)))
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Komplektācija"),
                     ", ".join(str(n) for n in p.get("checklist") or ()) or EMPTY))
    if command is CommandName.SET_TARGET_GROUP:
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Resursa veids"), _kind_name(c)))
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Kam izsniedz"),
                     _coded_label(TargetGroup, p.get("target_group"), language)))
    rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Lēmuma pieņēmējs"), decided_label(c)))
    if c.local_status:
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Statuss šajā datorā"),
                     _coded_label(ApplicationStatus, c.local_status, language)))
    return rows


def _record_rows(c: ConflictView, record: dict[str, Any],
                 language: str = "lv") -> list[tuple[str, str]]:
    """The central service's copy of a catalogue record, as it stood when it refused."""
    if c.aggregate_type == "offered_kind":
        return [(QT_TRANSLATE_NOOP("ConflictsPanel", "Resursa veids"), _kind_name(c)),
                (QT_TRANSLATE_NOOP("ConflictsPanel", "Kam izsniedz"),
                 _coded_label(TargetGroup, record.get("target_group"), language)),
                (QT_TRANSLATE_NOOP("ConflictsPanel", "Pieteikšanās"),
                 _open_or_closed(record.get("accepting_applications"))),
                (QT_TRANSLATE_NOOP("ConflictsPanel", "Komplektācija"),
                 ", ".join(str(n) for n in record.get("check_in_checklist") or ()) or EMPTY),
                (QT_TRANSLATE_NOOP("ConflictsPanel", "Versija"),
                 text_or_dash(record.get("version")))]
    model = " ".join(str(record[k]) for k in ("manufacturer", "model") if record.get(k))
    return [(QT_TRANSLATE_NOOP("ConflictsPanel", "Inventāra Nr."),
             text_or_dash(record.get("inventory_no"))),
            (QT_TRANSLATE_NOOP("ConflictsPanel", "Statuss"),
             _coded_label(ItemStatus, record.get("status"), language)),
            (QT_TRANSLATE_NOOP("ConflictsPanel", "Modelis"), text_or_dash(model)),
            (QT_TRANSLATE_NOOP("ConflictsPanel", "Atrašanās vieta"),
             text_or_dash(record.get("location"))),
            (QT_TRANSLATE_NOOP("ConflictsPanel", "Versija"),
             text_or_dash(record.get("version")))]


def server_rows(c: ConflictView, language: str = "lv") -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    record = getattr(c, "server_record", None)
    if c.server_status is None and record:
        rows += _record_rows(c, record, language)
    elif c.server_status is not None:
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Statuss"),
                     c.server_status.label(language)))
        withdrawal = getattr(c, "server_withdrawal_reason", None)
        if withdrawal:
            rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Atsaukšanas iemesls"),
                         _coded_label(WithdrawalReason, withdrawal, language)))
        decision_reason = getattr(c, "server_decision_reason", None)
        if decision_reason:
            rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Pamatojums"),
                         str(decision_reason)))
        if c.server_handover_statuses:
            rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Izsniegšana"),
                         ", ".join(h.label(language) for h in c.server_handover_statuses)))
        # (no version numbers: the explanation above the sides says what changed, in words)
    else:
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Statuss"), QCoreApplication.translate(
            "ConflictsPanel", "Nav zināms; tiks nolasīts nākamajā sinhronizācijā")))
    rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Noraidījuma iemesls"), reason_label(c)))
    if c.detail and c.http_status != 412:
        # (a 412's detail only names the record versions, in English: the explanation says
        # what changed in words instead)
        rows.append((QT_TRANSLATE_NOOP("ConflictsPanel", "Servisa ziņojums"), c.detail))
    return rows


# -- the table model ---------------------------------------------------------------------------
class ConflictsModel(ColumnsTableModel):
    """One row per conflict, in outbox order; the rows are plain ConflictView values."""

    columns = COLUMNS

    def __init__(self, parent: Any = None, language: str = "lv") -> None:
        super().__init__(parent)
        self._language = language
        self._rows: list[ConflictView] = []

    def set_conflicts(self, conflicts: Sequence[ConflictView]) -> None:
        self.beginResetModel()
        self._rows = list(conflicts)
        self.endResetModel()

    def conflict_at(self, row: int) -> ConflictView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, command_id: str) -> int:
        for row, c in enumerate(self._rows):
            if c.command_id == command_id:
                return row
        return -1

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        c = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == CommandIdRole:
            return c.command_id
        if role == HttpStatusRole:
            return c.http_status
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(c, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "reason":
                return c.detail or reason_label(c)
            if key == "waiting":
                return self.tr("Vēlākas darbības ar šo ierakstu, kas gaida šī konflikta "
                               "atrisināšanu")
            return self._text(c, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "server" and c.server_status is not None:
                return QBrush(QColor(STATUS_COLOURS.get(c.server_status, "#666666")))
            if key == "reason":
                return QBrush(QColor(CONFLICT_COLOUR))
            if key == "waiting" and c.waiting_behind:
                return QBrush(QColor(WARNING_COLOUR))
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "waiting":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, c: ConflictView, key: str) -> str:
        if key == "record":
            return record_label(c)
        if key == "decision":
            return command_label(c.command, self._language)
        if key == "decided":
            return decided_label(c)
        if key == "server":
            return server_state_label(c, self._language)
        if key == "reason":
            return reason_label(c)
        return str(c.waiting_behind)


# -- the panel -------------------------------------------------------------------------------
def ask_confirmation(parent: QWidget | None, title: str, text: str, accept: str) -> bool:
    """A Yes/No question with Latvian buttons; ``No`` is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    yes = box.addButton(accept, QMessageBox.ButtonRole.YesRole)
    no = box.addButton("Atcelt", QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def _value_label(text: str = EMPTY) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # reasons and notes are typed by people
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    label.setWordWrap(True)
    return label


class _SideBox(QGroupBox):
    """One side of the comparison: captions and values rebuilt for each conflict."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.form.setHorizontalSpacing(16)
        self.values: dict[str, QLabel] = {}

    def set_rows(self, rows: list[tuple[str, str]],
                 colours: dict[str, str] | None = None) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.values = {}
        for caption, value in rows:
            label = _value_label(value)
            shown = _tr(caption)  # rows carry Latvian captions; the user reads them translated
            label.setAccessibleName(shown)
            colour = (colours or {}).get(caption)
            if colour:
                label.setStyleSheet(f"QLabel {{ color: {colour}; font-weight: bold; }}")
            heading = QLabel(shown)
            heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            heading.setBuddy(label)
            self.form.addRow(heading, label)
            self.values[caption] = label

    def text(self) -> str:
        return "\n".join(f"{v.accessibleName()}: {v.text()}" for v in self.values.values())


class ConflictsPanel(QWidget):
    """The list of conflicts, the selected one side by side, and the two ways to resolve it."""

    resolved = Signal(str)  # the command id, after it was re-applied or discarded
    countChanged = Signal(int)  # number of open conflicts, whenever it changes
    loaded = Signal(int)  # number of conflicts, after every reload
    failed = Signal(str)  # the Latvian message shown, after an action or a load failed

    def __init__(
        self,
        tasks: TaskRunner,
        *,
        load: Callable[[], list[ConflictView]],
        reapply: Callable[[str], object],
        discard: Callable[[str], object],
        confirm: Callable[[QWidget | None, str, str, str], bool] | None = None,
        language: str = "lv",
        changes: ChangeBus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._changes = changes
        if changes is not None:
            changes.changed.connect(self.follow_changes)
        self._language = language  # of the statuses and codes the rows show
        self._load = load
        self._reapply = reapply
        self._discard = discard
        #: asked before discarding (and before re-applying drops waiting commands); tests
        #: replace it with a plain function answering True or False
        self.confirm = confirm or ask_confirmation
        self._busy = False
        self._count: int | None = None

        self.model = ConflictsModel(self, language)

        title = QLabel(self.tr("Konflikti ar centrālo servisu"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr(
            "Šos lēmumus centrālais serviss noraidīja, jo ieraksts tur bija mainījies vai "
            "darbība vairs nebija atļauta. Salīdziniet savu lēmumu ar servisa stāvokli un "
            "izvēlieties: piemērot lēmumu vēlreiz jaunajam stāvoklim vai to atmest."))
        intro.setWordWrap(True)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Paziņojums"))
        self.message.hide()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Konflikti"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # long texts (a kind's central state) are elided, their tooltips hold the whole text,
        # so that the reason column keeps room
        header.setMaximumSectionSize(280)
        header.setSectionResizeMode(COLUMNS.index(("reason", "Iemesls")),
                                    QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)

        self.decision_box = _SideBox(self.tr("Jūsu lēmums"))
        self.server_box = _SideBox(self.tr("Centrālajā servisā"))
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)  # names typed by people
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setAccessibleName(self.tr("Kas notika"))
        self.explanation.setStyleSheet(
            f"QLabel {{ border: 1px solid {CONFLICT_COLOUR}; border-left-width: 4px;"
            f" border-radius: 3px; padding: 6px 8px; }}")
        self.explanation.hide()
        self.waiting_note = QLabel()
        self.waiting_note.setWordWrap(True)
        self.waiting_note.setStyleSheet(f"QLabel {{ color: {WARNING_COLOUR}; }}")
        self.waiting_note.hide()

        self.reapply_button = QPushButton(self.tr("Piemērot vēlreiz"))
        self.reapply_button.setToolTip(self.tr(
            "Pieņemt to pašu lēmumu vēlreiz, ņemot vērā centrālā servisa pašreizējo stāvokli"))
        self.discard_button = QPushButton(self.tr("Atmest"))
        self.discard_button.setToolTip(self.tr(
            "Atmest savu lēmumu; paliek centrālā servisa stāvoklis"))
        self.reapply_button.clicked.connect(self.reapply_current)
        self.discard_button.clicked.connect(self.discard_current)

        sides = QHBoxLayout()
        sides.setSpacing(12)
        sides.addWidget(self.decision_box, 1, Qt.AlignmentFlag.AlignTop)
        sides.addWidget(self.server_box, 1, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reapply_button)
        buttons.addWidget(self.discard_button)
        comparison = QWidget()
        comparison_layout = QVBoxLayout(comparison)
        comparison_layout.setContentsMargins(0, 0, 0, 0)
        comparison_layout.addWidget(self.explanation)
        comparison_layout.addLayout(sides)
        comparison_layout.addWidget(self.waiting_note)
        comparison_layout.addLayout(buttons)
        comparison_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(comparison)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        detail_layout.addWidget(scroll, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([200, 300])
        self.content = splitter

        self.empty = QLabel(self.tr("Ielādē…"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        self._update_buttons()

    # -- loading --------------------------------------------------------------------------
    def follow_changes(self, changes: OpChanges, source: object) -> None:
        """A command queued, sent, refused or resolved elsewhere: read the list again."""
        if source is not self and (changes.outbox or changes.everything):
            self.reload()

    def reload(self) -> None:
        """Read the open conflicts in the background; the selection is kept where possible."""
        # only the newest reload's answer is shown
        self._tasks.run(self._load, on_done=self._apply, on_error=self._load_failed,
                        owner=self, key="load", latest=True)

    def _apply(self, rows: list[ConflictView]) -> None:
        keep = self.current_command_id()
        self.model.set_conflicts(rows)
        if rows:
            row = max(self.model.row_of(keep), 0) if keep else 0
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.stack.setCurrentWidget(self.content)
        else:
            self.empty.setText(self.tr("Konfliktu nav"))
            self.stack.setCurrentWidget(self.empty)
        self._show_current()
        if len(rows) != self._count:
            self._count = len(rows)
            self.countChanged.emit(len(rows))
        self.loaded.emit(len(rows))

    def _load_failed(self, exc: Exception) -> None:
        log.warning("reading the conflicts failed: %s", type(exc).__name__)
        self._say(getattr(exc, "message_lv", None) or self.tr(
            "Neizdevās nolasīt konfliktus ({0})").format(type(exc).__name__), error=True)
        self.failed.emit(self.message.text())

    # -- the selected conflict ---------------------------------------------------------------
    def current_conflict(self) -> ConflictView | None:
        index = self.table.currentIndex()
        return self.model.conflict_at(index.row()) if index.isValid() else None

    def current_command_id(self) -> str | None:
        c = self.current_conflict()
        return c.command_id if c is not None else None

    def select_command(self, command_id: str) -> bool:
        row = self.model.row_of(command_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    def _show_current(self, *_args: Any) -> None:
        c = self.current_conflict()
        if c is None:
            self.decision_box.set_rows([])
            self.server_box.set_rows([])
            self.explanation.hide()
            self.waiting_note.hide()
        else:
            self.explanation.setText(conflict_explanation(c, self._language))
            self.explanation.show()
            self.decision_box.set_rows(decision_rows(c, self._language),
                                       {ACTION_CAPTION: CONFLICT_COLOUR})
            status_colour = (STATUS_COLOURS.get(c.server_status) if c.server_status
                             else None)
            colours = {STATUS_CAPTION: status_colour} if status_colour else {}
            record = getattr(c, "server_record", None)
            if c.aggregate_type == "item" and record and record.get("status"):
                with contextlib.suppress(ValueError):
                    colours[STATUS_CAPTION] = ITEM_STATUS_COLOURS[ItemStatus(record["status"])]
            if c.server_handover_statuses:
                last: HandoverStatus = c.server_handover_statuses[-1]
                colours[HANDOVER_CAPTION] = HANDOVER_COLOURS.get(last, "#666666")
            self.server_box.set_rows(server_rows(c, self._language), colours)
            if c.waiting_behind:
                self.waiting_note.setText(self.tr(
                    "Aiz šī lēmuma gaida vēl %n darbības ar to pašu ierakstu. "
                    "Piemērojot vēlreiz, arī tās tiks veiktas vēlreiz tādā pašā "
                    "secībā; atmetot tiks atmestas arī tās.", "", c.waiting_behind))
                self.waiting_note.show()
            else:
                self.waiting_note.hide()
        self._update_buttons()

    def _update_buttons(self) -> None:
        enabled = not self._busy and self.current_conflict() is not None
        self.reapply_button.setEnabled(enabled)
        self.discard_button.setEnabled(enabled)

    # -- resolving ---------------------------------------------------------------------------
    def reapply_current(self) -> None:
        c = self.current_conflict()
        if c is None or self._busy:
            return
        if c.waiting_behind and not self.confirm(
                self, self.tr("Piemērot vēlreiz?"),
                # (sync.conflicts.reapply runs the waiting ones again, in their order; one
                # that no longer fits stops there with its own message)
                self.tr("Lēmums „{0}“ un %n vēlākas darbības ar šo ierakstu tiks veikti "
                        "vēlreiz centrālā servisa pašreizējam stāvoklim. Ja kāda darbība "
                        "vairs nav iespējama, tā un nākamās tiks atmestas.", "",
                        c.waiting_behind).format(command_label(c.command, self._language)),
                self.tr("Piemērot vēlreiz")):
            return
        self._start(self._reapply, c.command_id, self.tr(
            "Lēmums „{0}“ ({1}) piemērots vēlreiz; tas tiks nosūtīts nākamajā "
            "sinhronizācijā.").format(command_label(c.command, self._language), record_label(c)),
            self.tr("Lēmumu nevar piemērot vēlreiz: {0}. Ja tas vairs nav vajadzīgs, "
                    "atmetiet to."))

    def discard_current(self) -> None:
        c = self.current_conflict()
        if c is None or self._busy:
            return
        text = self.tr("Atmest lēmumu „{0}“ ({1})? Paliks centrālā servisa stāvoklis: {2}."
                       ).format(command_label(c.command, self._language), record_label(c),
                                server_state_label(c, self._language))
        if c.waiting_behind:
            text += " " + self.tr("Tiks atmestas arī %n vēlākas darbības ar šo ierakstu.", "",
                                  c.waiting_behind)
        if not self.confirm(self, self.tr("Atmest lēmumu?"), text, self.tr("Atmest")):
            return
        self._start(self._discard, c.command_id, self.tr(
            "Lēmums „{0}“ ({1}) atmests; paliek centrālā servisa stāvoklis.").format(
                command_label(c.command, self._language), record_label(c)),
            self.tr("Lēmumu neizdevās atmest: {0}."))

    def _start(self, fn: Callable[[str], object], command_id: str, done_text: str,
               failed_text: str) -> None:
        self._busy = True
        self._update_buttons()
        self.message.hide()
        self._tasks.run(fn, command_id,
                        on_done=lambda result: self._succeeded(command_id, done_text, result),
                        on_error=lambda exc: self._action_failed(exc, failed_text),
                        owner=self)

    def _succeeded(self, command_id: str, text: str, result: object = None) -> None:
        self._busy = False
        self._say(text, error=False)
        self.resolved.emit(command_id)
        if self._changes is not None:
            # re-apply answers an Outcome; a discard that does not (yet) say what it changed
            # makes every view look again
            self._changes.publish(getattr(result, "changes", None)
                                  or OpChanges(everything=True), self)
        self.reload()

    def _action_failed(self, exc: Exception, failed_text: str) -> None:
        self._busy = False
        message_lv = getattr(exc, "message_lv", None)
        if message_lv:
            text = failed_text.format(message_lv.rstrip("."))
        else:
            log.warning("resolving a conflict failed: %s", type(exc).__name__)
            text = self.tr("Neizdevās atrisināt konfliktu ({0}). Mēģiniet vēlreiz.").format(
                type(exc).__name__)
        self._say(text, error=True)
        self.failed.emit(text)
        self.reload()  # nothing changed, but show the store as it is

    def _say(self, text: str, *, error: bool) -> None:
        colour = CONFLICT_COLOUR if error else SUCCESS_COLOUR
        self.message.setStyleSheet(
            f"QLabel {{ color: {colour}; border: 1px solid {colour}; border-radius: 4px;"
            f" padding: 6px; }}")
        self.message.setText(text)
        self.message.show()
        self._update_buttons()
