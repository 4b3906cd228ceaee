"""Which commands make the central service tell the applicant, and what.

The register notifies the applicant's contacts when a device is ready for issue, when an
application is refused, when a return deadline changes, when a device is taken back and when
a loss is recorded; staff choose for the first and the third. The reference service records
each message with the application (the applicant's page and the desktop show them); this is
the one list of which command says what. The school's own notes on an application
(``set_application_notes``) tell the applicant nothing, nor do the catalogue's changes (a
kind's check-in checklist, ``set_check_in_checklist``, included); a return's checklist and
grade go with the ``returned`` message's handover, not into a message of their own.
"""

from __future__ import annotations

from desktop.models.aggregates import Applied
from desktop.models.codes import NotificationKind
from desktop.models.command_names import CommandName
from desktop.models.commands import Payload

_ALWAYS = {
    CommandName.REFUSE: NotificationKind.REFUSED,
    CommandName.RECORD_RETURN: NotificationKind.RETURNED,
    CommandName.RECORD_INCIDENT: NotificationKind.LOSS_RECORDED,
    CommandName.REMIND_RETURN: NotificationKind.RETURN_REMINDER,
}
_WHEN_ASKED = {
    CommandName.PREPARE_HANDOVER: NotificationKind.READY_FOR_ISSUE,
    CommandName.ARRANGE_PICKUP: NotificationKind.READY_FOR_ISSUE,
    CommandName.SET_RETURN_DEADLINE: NotificationKind.DEADLINE_CHANGED,
}


def notices_for(name: CommandName, payload: Payload,
                applied: Applied) -> list[tuple[NotificationKind, str | None]]:
    """The messages an applied command sends: (kind, the handover it is about)."""
    handover_id = getattr(payload, "handover_id", None)
    if name in _ALWAYS:
        return [(_ALWAYS[name], handover_id)]
    if name in _WHEN_ASKED and getattr(payload, "notify", False):
        if name is CommandName.SET_RETURN_DEADLINE and not applied.changes:
            return []  # the same deadline again: nothing to tell
        return [(_WHEN_ASKED[name], handover_id)]
    return []
