"""A handover of one item to one learner, with the dates and act a real one would carry
(the factories' ``add_handover`` makes bare ones): what custody tests lend and take back."""

from __future__ import annotations

from datetime import UTC, date, datetime

from desktop.models.codes import ApplicationStatus, HandoverStatus, ReturnCondition
from desktop.models.schema import Application, Handover
from desktop.models.store import Store
from factories import add_application


def at(day: str) -> datetime:
    """"2026-09-01" → that day at 09:00 UTC."""
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC)


def lend(store: Store, item_id: str | None, *, learner: str = "Jānis Bērziņš",
         learner_class: str = "7.b", status: HandoverStatus | None = None,
         created: str = "2026-09-01", issued: str | None = None,
         returned: str | None = None, deadline: date | None = None,
         condition: ReturnCondition | None = None, act: bool = True) -> tuple[int, str]:
    """A granted application of ``learner`` and its handover of ``item_id``: (application
    id, handover id). The act number is ``<number>-A1`` as the desk makes it; the status is
    ``returned`` when a return day is given, else ``issued``."""
    if status is None:
        status = HandoverStatus.RETURNED if returned else HandoverStatus.ISSUED
    app_id = add_application(store, status=ApplicationStatus.CONFIRMED, learner=learner,
                             learner_class=learner_class)
    with store.write() as s:
        number = s.get(Application, app_id).number  # type: ignore[union-attr]
        h = Handover(
            application_id=app_id, item_id=item_id, status=status,
            created_at=at(created), status_changed_at=at(returned or issued or created),
            prepared_at=at(created) if status is not HandoverStatus.PREPARING else None,
            issued_at=at(issued) if issued else None,
            returned_at=at(returned) if returned else None,
            return_deadline=deadline, return_condition=condition,
            act_number=f"{number}-A1" if act else None)
        s.add(h)
        s.flush()
        return app_id, h.id
