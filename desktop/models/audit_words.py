"""The audit log in words: what was done, to what, with which details, in Latvian or English.

The log stores codes ("grant", "file_act", "offered_kind", "document": 17); a person reads
"Piešķirts", "Pievienots akts", "Resursa veids", "dokuments: Pieņemšanas-nodošanas akts …".
The words are kept here in both languages, like the classifiers' labels in ``codes.py``
(the core has no Qt translator). A code this version does not know (written by a newer
workstation, or by a future operation) is shown as the code itself, never an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from desktop.models.codes import (
    ApplicationStatus,
    CancelReason,
    DocumentType,
    HandoverStatus,
    ItemStatus,
    ReturnCondition,
    ReturnGrade,
    TargetGroup,
)
from desktop.models.command_names import CommandName

VIEW_ACTION = "view_personal_data"
EXPORT_ACTION = "export"

# What happened, in the past tense (the log tells what was done, not what to do).
ACTION_WORDS: dict[str, tuple[str, str]] = {
    CommandName.GRANT: ("Piešķirts", "Granted"),
    CommandName.REFUSE: ("Atteikts", "Refused"),
    CommandName.DEFER: ("Atlikta izskatīšana", "Postponed"),
    CommandName.PREPARE_HANDOVER: ("Sagatavota izsniegšana", "Handover prepared"),
    CommandName.ARRANGE_PICKUP: ("Saskaņota saņemšana", "Pickup arranged"),
    CommandName.CANCEL_HANDOVER: ("Atcelta izsniegšana", "Handover cancelled"),
    CommandName.SIGN_HANDOVER: ("Parakstīts uz papīra", "Signed on paper"),
    CommandName.FILE_ACT: ("Pievienots akts", "Act filed"),
    CommandName.SET_RETURN_DEADLINE: ("Mainīts atgriešanas termiņš", "Return deadline changed"),
    CommandName.RECORD_RETURN: ("Pieņemts atpakaļ", "Taken back"),
    CommandName.REMIND_RETURN: ("Atgādināts par atgriešanu", "Reminded to return"),
    CommandName.RECORD_INCIDENT: ("Reģistrēta nozaudēšana vai zādzība",
                                  "Loss or theft recorded"),
    CommandName.ACKNOWLEDGE_INCIDENT: ("Apstiprināts ziņojums par nozaudēšanu vai zādzību",
                                       "Loss/theft acknowledged"),
    CommandName.CLOSE_CASE: ("Slēgta lieta", "Case closed"),
    CommandName.SET_APPLICATION_NOTES: ("Mainītas piezīmes", "Notes changed"),
    CommandName.UPSERT_ITEM: ("Labots resurss", "Device edited"),
    CommandName.SET_ITEM_STATUS: ("Mainīts resursa statuss", "Device status changed"),
    CommandName.SET_ACCEPTING_APPLICATIONS: ("Mainīta pieteikšanās", "Applications opened/closed"),
    CommandName.SET_TARGET_GROUP: ("Mainīts, kam izsniedz", "Changed who it is issued to"),
    CommandName.SET_DOCUMENT_TEMPLATE: ("Saglabāta dokumenta veidne", "Document template saved"),
    CommandName.SET_DEFAULT_RETURN_DEADLINE: ("Mainīts skolas atgriešanas termiņš",
                                              "School's return deadline changed"),
    CommandName.SET_CHECK_IN_CHECKLIST: ("Mainīta pārbaudāmā komplektācija",
                                         "Check-in checklist changed"),
    "create_item": ("Pievienots resurss", "Device added"),
    "edit_item": ("Labots resurss", "Device edited"),
    "change_item_status": ("Mainīts resursa statuss", "Device status changed"),
    "import_item": ("Importēts resurss", "Device imported"),
    "discard": ("Atmests lēmums", "Decision discarded"),
    "resolve_conflict": ("Atrisināts konflikts", "Conflict resolved"),
    "stock_reason_add": ("Pievienots gatavais pamatojums", "Stock reason added"),
    "stock_reason_edit": ("Labots gatavais pamatojums", "Stock reason edited"),
    "stock_reason_remove": ("Dzēsts gatavais pamatojums", "Stock reason removed"),
    "stock_reason_move": ("Pārvietots gatavais pamatojums", "Stock reason moved"),
    "stock_reasons_reset": ("Atjaunoti noklusētie pamatojumi", "Default reasons restored"),
    VIEW_ACTION: ("Skatīti personas dati", "Personal data viewed"),
    EXPORT_ACTION: ("Eksportēts", "Exported"),
}

ENTITY_WORDS: dict[str, tuple[str, str]] = {
    "application": ("Pieteikums", "Application"),
    "handover": ("Izsniegšana", "Handover"),
    "item": ("Resurss", "Device"),
    "offered_kind": ("Resursa veids", "Device type"),
    "institution": ("Iestāde", "School"),
    "document": ("Dokuments", "Document"),
    "report": ("Pārskats", "Report"),
    "audit_log": ("Audita žurnāls", "Audit log"),
    "stock_reasons": ("Gatavie pamatojumi", "Stock reasons"),
}

# The keys operations put in ``details`` (see journal.record's callers).
DETAIL_WORDS: dict[str, tuple[str, str]] = {
    "application": ("pieteikums", "application"),
    "item": ("resurss", "device"),
    "inventory_no": ("inventāra Nr.", "inventory no."),
    "document": ("dokuments", "document"),
    "scan": ("skenējums", "scan"),
    "template": ("veidne", "template"),
    "doc_type": ("dokumenta veids", "document type"),
    "returned": ("atgriešanas akts", "return act"),
    "condition": ("stāvoklis", "condition"),
    "grade": ("novērtējums", "grade"),
    "missing": ("trūkst", "missing"),
    "reason": ("iemesls", "reason"),
    "incident": ("ziņojums", "report"),
    "attachments": ("pielikumi", "attachments"),
    "with_item": ("ar resursu", "with device"),
    "kind": ("resursa veids", "device type"),
    "accepting": ("pieņem pieteikumus", "accepting applications"),
    "fields": ("lauki", "fields"),
    "notes": ("piezīmes", "notes"),
    "notify": ("paziņots iesniedzējam", "applicant notified"),
    "return_deadline": ("atgriešanas termiņš", "return deadline"),
    "again": ("atkārtoti", "again"),
    "command": ("lēmums", "decision"),
    "status": ("HTTP statuss", "HTTP status"),
    "discarded": ("atmesti", "discarded"),
    "format": ("formāts", "format"),
    "rows": ("ierakstu skaits", "rows"),
    "filter": ("filtrs", "filter"),
}

# Plain values some details hold (not classifier codes).
VALUE_WORDS: dict[str, tuple[str, str]] = {
    "cleared": ("notīrītas", "cleared"),
    "written": ("rakstītas", "written"),
}

REPORT_WORDS: dict[str, tuple[str, str]] = {
    "applications": ("Atvērtie pieteikumi", "Open applications"),
    "items": ("Resursi pa statusiem", "Devices by status"),
    "issued": ("Izsniegtie resursi", "Issued devices"),
    "overdue": ("Kavēta atgriešana", "Overdue returns"),
    "overdue_desk": ("Kavēta atgriešana (izsniegšanas vieta)", "Overdue returns (desk)"),
}

_CODE_ENUMS = (ApplicationStatus, HandoverStatus, ItemStatus, ReturnCondition, ReturnGrade,
               CancelReason, DocumentType, TargetGroup)
# Details whose value is a record the query looked up: its number or title stands for it.
REFERENCE_KEYS = ("application", "document", "scan", "template", "kind")


def _pick(words: tuple[str, str], language: str) -> str:
    return words[1] if language == "en" else words[0]


def action_label(action: str, language: str = "lv") -> str:
    """"Piešķirts"/"Granted" for "grant"; the code itself when it is not known."""
    words = ACTION_WORDS.get(action)
    return _pick(words, language) if words else action


def entity_label(entity_type: str, language: str = "lv") -> str:
    words = ENTITY_WORDS.get(entity_type)
    return _pick(words, language) if words else entity_type


def detail_label(key: str, language: str = "lv") -> str:
    words = DETAIL_WORDS.get(key)
    return _pick(words, language) if words else key


def report_label(kind: str, language: str = "lv") -> str:
    words = REPORT_WORDS.get(kind)
    return _pick(words, language) if words else kind


def value_text(value: Any, language: str = "lv") -> str:
    """A detail's value in words: yes/no, a classifier's label, a date as dd.mm.yyyy."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _pick(("jā", "yes") if value else ("nē", "no"), language)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {value_text(v, language)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, list):
        return ", ".join(value_text(v, language) for v in value) or "—"
    if isinstance(value, str):
        if value in VALUE_WORDS:
            return _pick(VALUE_WORDS[value], language)
        if value in ACTION_WORDS:  # a conflict's command
            return action_label(value, language)
        for enum in _CODE_ENUMS:
            try:
                return enum(value).label(language)
            except ValueError:
                continue
        try:
            return date.fromisoformat(value).strftime("%d.%m.%Y") if len(value) == 10 else value
        except ValueError:
            return value
    return str(value)


def describe_details(details: Mapping[str, Any], names: Mapping[tuple[str, Any], str] | None = None,
                     language: str = "lv") -> str:
    """The details in words: "Iesniegts → Piešķirts; pieteikums: P-2026-000017".

    ``names`` holds what the query looked up for the references (``("application", 17)`` →
    its number, ``("document", id)`` → the document's title); a reference it could not find
    (a purged record) is shown as it is stored.
    """
    names = names or {}
    parts: list[str] = []
    if "from" in details or "to" in details:
        parts.append(f"{value_text(details.get('from'), language)} → "
                     f"{value_text(details.get('to'), language)}")
    for key, value in details.items():
        if key in ("from", "to"):
            continue
        if value is None and key in ("scan",):
            continue  # "no scan" says nothing
        name = (names.get((key, value))
                if key in REFERENCE_KEYS and isinstance(value, (int, str)) else None)
        shown = name if name is not None else value_text(value, language)
        parts.append(f"{detail_label(key, language)}: {shown}")
    return "; ".join(parts)
