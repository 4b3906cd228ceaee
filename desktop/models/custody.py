"""Who has an item: the handover that holds it now, and every handover it went through.

The holder is the item's handover that is issued, or else prepared or being prepared (the
device reserved for that application and not yet handed out); should two ever meet on one item
(two workstations' changes), the issued one wins, then the newest. A lost or stolen device has
no holder: its last handover stays in the history.

The item list gets the holder in the same query as the items (a correlated subquery per item
over the handovers' ``item_id`` index and two outer joins), never a query per row: a school's
5,000 items load in one statement. Free-text search also finds an item by its holder's name,
class or application number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, exists, select
from sqlalchemy.orm import Session

from desktop.models.catalogue import ItemFilter, ItemRow, narrowed
from desktop.models.codes import CommandState, HandoverStatus, ItemStatus, ReturnCondition
from desktop.models.errors import NotFoundError
from desktop.models.schema import (
    ACTIVE_HANDOVER_STATUSES,
    Application,
    Handover,
    Item,
    OutboxCommand,
    ResourceKind,
    fold,
)
from desktop.models.store import Store

Rows = Select[*tuple[Any, ...]]  # a statement of plain columns

RESERVING = (HandoverStatus.PREPARING, HandoverStatus.PREPARED)
EVERY_ITEM = ItemFilter()


@dataclass(frozen=True)
class ItemHandover:
    """One handover of an item: to whom, when, and how it came back."""

    handover_id: str
    status: HandoverStatus
    application_id: int
    application_number: str
    learner_name: str
    learner_class: str | None
    created_at: datetime
    prepared_at: datetime | None
    issued_at: datetime | None
    returned_at: datetime | None
    return_deadline: date | None
    return_condition: ReturnCondition | None
    act_number: str | None

    @property
    def holds(self) -> bool:
        """The device is with this handover's learner, or kept for them."""
        return self.status in ACTIVE_HANDOVER_STATUSES

    @property
    def issued(self) -> bool:
        return self.status is HandoverStatus.ISSUED

    @property
    def reserved(self) -> bool:
        """Kept for the application, not handed out yet."""
        return self.status in RESERVING

    @property
    def since(self) -> datetime:
        """Since when it holds the device: issued, else reserved (prepared, else created)."""
        return self.issued_at or self.prepared_at or self.created_at

    def overdue(self, today: date) -> bool:
        """Out on loan past its return deadline (a reservation is never overdue)."""
        return (self.issued and self.return_deadline is not None
                and self.return_deadline < today)


@dataclass(frozen=True)
class ItemHolderRow(ItemRow):
    """An item list row with the handover holding the item (None: nobody holds it)."""

    holder: ItemHandover | None = None


@dataclass(frozen=True)
class ItemCustody:
    """Who holds the item now, and every handover of it, newest first."""

    holder: ItemHandover | None
    handovers: tuple[ItemHandover, ...]


# --- the query --------------------------------------------------------------------------------

_HANDOVER_COLUMNS = (
    Handover.id, Handover.status, Handover.application_id, Application.number,
    Application.learner_name, Application.learner_class, Handover.created_at,
    Handover.prepared_at, Handover.issued_at, Handover.returned_at, Handover.return_deadline,
    Handover.return_condition, Handover.act_number,
)
_ITEM_COLUMNS = (
    Item.id, Item.inventory_no, Item.kind_code, Item.serial_no, Item.manufacturer, Item.model,
    Item.year, Item.acquisition_value, Item.socially_supported, Item.location, Item.notes,
    Item.status, Item.server_version,
)


def _holding_handover() -> Any:
    """The id of the handover holding the item of the outer query (correlated to ``Item``)."""
    return (select(Handover.id)
            .where(Handover.item_id == Item.id,
                   Handover.status.in_([s.value for s in ACTIVE_HANDOVER_STATUSES]))
            .order_by(case((Handover.status == HandoverStatus.ISSUED.value, 0), else_=1),
                      Handover.created_at.desc(), Handover.id)
            .limit(1)
            .correlate(Item)
            .scalar_subquery())


def _with_holder(query: Rows) -> Rows:
    return (query.outerjoin(Handover, Handover.id == _holding_handover())
            .outerjoin(Application, Application.id == Handover.application_id))


def _in_outbox(state: CommandState) -> ColumnElement[bool]:
    """A command of that state on the item (the outbox's aggregate index answers it)."""
    return exists().where(OutboxCommand.aggregate_type == "item",
                          OutboxCommand.aggregate_id == Item.id,
                          OutboxCommand.state == state.value)


def _handover(values: Sequence[Any]) -> ItemHandover | None:
    if values[0] is None:
        return None
    return ItemHandover(
        handover_id=values[0], status=HandoverStatus(values[1]), application_id=values[2],
        application_number=values[3] or "", learner_name=values[4] or "",
        learner_class=values[5], created_at=values[6], prepared_at=values[7],
        issued_at=values[8], returned_at=values[9], return_deadline=values[10],
        return_condition=ReturnCondition(values[11]) if values[11] else None,
        act_number=values[12])


def _rows_query(language: str) -> Rows:
    label = ResourceKind.label_en if language == "en" else ResourceKind.label_lv
    return _with_holder(
        select(*_ITEM_COLUMNS, label, _in_outbox(CommandState.PENDING),
               _in_outbox(CommandState.CONFLICT), *_HANDOVER_COLUMNS)
        .outerjoin(ResourceKind, ResourceKind.code == Item.kind_code))


def _row(values: Sequence[Any]) -> ItemHolderRow:
    n = len(_ITEM_COLUMNS)
    (item_id, inventory_no, kind_code, serial_no, manufacturer, model, year, value, social,
     location, notes, status, version) = values[:n]
    label, waiting, conflict = values[n:n + 3]
    return ItemHolderRow(
        id=item_id, inventory_no=inventory_no, kind_code=kind_code,
        kind_label=label or kind_code, serial_no=serial_no, manufacturer=manufacturer,
        model=model, year=year, acquisition_value=value, socially_supported=bool(social),
        location=location, notes=notes, status=ItemStatus(status), server_version=version,
        waiting_sync=bool(waiting), in_conflict=bool(conflict),
        holder=_handover(values[n + 3:]))


# --- the list ---------------------------------------------------------------------------------


def _matching_text(s: Session, institution_id: str, text: str) -> set[str] | None:
    """Ids whose own texts or holder (name, class, application number) hold every typed
    word, diacritics and case folded (None: no words). Folded in Python, as the catalogue's
    own search: SQLite's lower() folds ASCII only."""
    words = fold(text).split()
    if not words:
        return None
    found = set()
    for row in s.execute(_with_holder(
            select(Item.id, Item.inventory_no, Item.serial_no, Item.manufacturer, Item.model,
                   Item.location, Item.notes, Application.search_key))
            .where(Item.institution_id == institution_id)):
        haystack = fold(" ".join(v for v in row[1:] if v))
        if all(w in haystack for w in words):
            found.add(row[0])
    return found


def items(store: Store, institution_id: str, f: ItemFilter = EVERY_ITEM,
          language: str = "lv") -> list[ItemHolderRow]:
    """The school's items that match, each with its holder, in inventory-number order."""
    with store.read() as s:
        return [_row(r) for r in s.execute(narrowed(s, _rows_query(language),
                                                     institution_id, f, _matching_text))]


def item_ids(store: Store, institution_id: str, f: ItemFilter = EVERY_ITEM) -> list[str]:
    """Ids of the school's items that match (the text also finds holders)."""
    with store.read() as s:
        ids: Rows = select(Item.id)
        return [str(i) for i in s.scalars(narrowed(s, ids, institution_id, f, _matching_text))]


def item_rows(store: Store, ids: Sequence[str], language: str = "lv") -> list[ItemHolderRow]:
    """Display rows for ``ids``, in that order (ids no longer in the store are left out)."""
    with store.read() as s:
        by_id = {r.id: r for r in map(_row, s.execute(
            _rows_query(language).where(Item.id.in_(list(ids)))))}
    return [by_id[i] for i in ids if i in by_id]


def item(store: Store, institution_id: str, item_id: str, language: str = "lv"
         ) -> ItemHolderRow:
    """One of the school's items with its holder."""
    with store.read() as s:
        found = s.execute(_rows_query(language).where(
            Item.id == item_id, Item.institution_id == institution_id)).first()
    if found is None:
        raise NotFoundError("item", "Resurss", item_id)
    return _row(found)


# --- one item -----------------------------------------------------------------------------------


def item_custody(store: Store, institution_id: str, item_id: str) -> ItemCustody:
    """The item's holder and every handover of it, newest first (the retention rule
    removes a case's handovers with it, so the history reaches back 25 months after a
    return)."""
    with store.read() as s:
        if s.scalar(select(Item.institution_id).where(Item.id == item_id)) != institution_id:
            raise NotFoundError("item", "Resurss", item_id)
        rows = s.execute(
            select(*_HANDOVER_COLUMNS)
            .join(Application, Application.id == Handover.application_id)
            .where(Handover.item_id == item_id)).all()
        holding = s.scalar(select(_holding_handover()).select_from(Item)
                           .where(Item.id == item_id))
    handovers = sorted((h for h in map(_handover, rows) if h is not None),
                       key=lambda h: (h.since, h.created_at), reverse=True)
    holder = next((h for h in handovers if h.handover_id == holding), None)
    return ItemCustody(holder, tuple(handovers))
