"""The names of the commands: the one place they are spelt (the registry's keys).

Kept apart from ``desktop.models.commands`` so that the state machines, which name some of
their actions after commands, can use them without importing the rules.
"""

from __future__ import annotations

from enum import StrEnum


class CommandName(StrEnum):
    GRANT = "grant"
    REFUSE = "refuse"
    DEFER = "defer"
    PREPARE_HANDOVER = "prepare_handover"
    ARRANGE_PICKUP = "arrange_pickup"
    CANCEL_HANDOVER = "cancel_handover"
    SIGN_HANDOVER = "sign_handover"
    FILE_ACT = "file_act"
    SET_RETURN_DEADLINE = "set_return_deadline"
    RECORD_RETURN = "record_return"
    REMIND_RETURN = "remind_return"
    RECORD_INCIDENT = "record_incident"
    ACKNOWLEDGE_INCIDENT = "acknowledge_incident"
    CLOSE_CASE = "close_case"
    SET_APPLICATION_NOTES = "set_application_notes"
    UPSERT_ITEM = "upsert_item"
    SET_ITEM_STATUS = "set_item_status"
    SET_ACCEPTING_APPLICATIONS = "set_accepting_applications"
    SET_TARGET_GROUP = "set_target_group"
    SET_DOCUMENT_TEMPLATE = "set_document_template"
    SET_DEFAULT_RETURN_DEADLINE = "set_default_return_deadline"
    SET_CHECK_IN_CHECKLIST = "set_check_in_checklist"
