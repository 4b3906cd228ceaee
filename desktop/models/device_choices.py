"""The devices a staff member can choose for an application, each described well enough to
pick the right one off the shelf: kind, maker and model, serial number, where it is, its
state and how it came back the last time it was lent.

Which devices may be chosen is the grant rule's answer (``decisions.offerable_items``, the
same one the grant and the desk check); this module only describes those devices, in one
query with the last return joined in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select

from desktop.models import decisions
from desktop.models.codes import HandoverStatus, ItemStatus, ReturnCondition, ReturnGrade
from desktop.models.journal import Actor
from desktop.models.schema import Handover, Item, ResourceKind, fold
from desktop.models.store import Store


@dataclass(frozen=True)
class DeviceChoice:
    """One device that may be chosen, as the pickers show it."""

    item_id: str
    inventory_no: str
    kind_code: str
    kind_label: str
    manufacturer: str | None
    model: str | None
    serial_no: str | None
    location: str | None
    status: ItemStatus
    last_return_condition: ReturnCondition | None  # None: never returned from a loan
    last_returned_at: datetime | None
    last_return_notes: str | None
    # the desk's grade at that return and what of the kind's checklist did not come back
    last_return_grade: ReturnGrade | None = None
    last_return_missing: tuple[str, ...] = ()

    def last_return_label(self, language: str = "lv") -> str | None:
        """"Labs", or the register's condition for a return recorded without a grade."""
        if self.last_return_grade is not None:
            return self.last_return_grade.label(language)
        if self.last_return_condition is not None:
            return self.last_return_condition.label(language)
        return None

    @property
    def make_and_model(self) -> str:
        """"HP ProBook 450 G10": what the applicant's page calls the device."""
        return " ".join(p for p in (self.manufacturer, self.model) if p)

    def search_key(self, language: str = "lv") -> str:
        """Every shown text, case and diacritics folded, for type-ahead matching."""
        parts = (self.inventory_no, self.kind_label, self.make_and_model, self.serial_no,
                 self.location, self.status.label(language),
                 self.last_return_label(language), self.last_return_notes,
                 *self.last_return_missing)
        return fold(" ".join(p for p in parts if p))


def describe_items(store: Store, institution_id: str, item_ids: Sequence[str],
                   language: str = "lv") -> list[DeviceChoice]:
    """``item_ids`` of the school described, in inventory-number order (ids of other schools
    or no longer in the store are left out). One query: the last return comes from a ranked
    subquery over the items' returned handovers."""
    if not item_ids:
        return []
    ranked = (
        select(Handover.item_id, Handover.return_condition, Handover.returned_at,
               Handover.return_notes, Handover.return_grade, Handover.return_checklist,
               func.row_number().over(
                   partition_by=Handover.item_id,
                   order_by=(Handover.returned_at.desc(), Handover.status_changed_at.desc()),
               ).label("rank"))
        .where(Handover.item_id.in_(list(item_ids)),
               Handover.status == HandoverStatus.RETURNED)
        .subquery()
    )
    label = ResourceKind.label_en if language == "en" else ResourceKind.label_lv
    query = (
        select(Item.id, Item.inventory_no, Item.kind_code, label, Item.manufacturer,
               Item.model, Item.serial_no, Item.location, Item.status,
               ranked.c.return_condition, ranked.c.returned_at, ranked.c.return_notes,
               ranked.c.return_grade, ranked.c.return_checklist)
        .outerjoin(ResourceKind, ResourceKind.code == Item.kind_code)
        .outerjoin(ranked, and_(ranked.c.item_id == Item.id, ranked.c.rank == 1))
        .where(Item.institution_id == institution_id, Item.id.in_(list(item_ids)))
        .order_by(Item.inventory_no)
    )
    with store.read() as session:
        return [
            DeviceChoice(
                item_id=item_id, inventory_no=inventory_no, kind_code=kind_code,
                kind_label=kind_label or kind_code, manufacturer=manufacturer, model=model,
                serial_no=serial_no, location=location, status=ItemStatus(status),
                last_return_condition=ReturnCondition(condition) if condition else None,
                last_returned_at=returned_at, last_return_notes=notes,
                last_return_grade=ReturnGrade(grade) if grade else None,
                last_return_missing=tuple(str(e["name"]) for e in checklist or ()
                                          if not e.get("returned")),
            )
            for (item_id, inventory_no, kind_code, kind_label, manufacturer, model, serial_no,
                 location, status, condition, returned_at, notes, grade,
                 checklist) in session.execute(query)
        ]


def device_choices(store: Store, actor: Actor, application_id: int,
                   language: str = "lv") -> list[DeviceChoice]:
    """The devices the grant rule allows for this application, described.

    Raises ``NotFoundError`` for an application of another school or none."""
    allowed = [item_id for item_id, _ in decisions.offerable_items(store, actor, application_id)]
    return describe_items(store, actor.institution_id, allowed, language)
