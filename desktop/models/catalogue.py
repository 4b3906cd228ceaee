"""Read models for the Catalogue section (Qt-free), and the edit of a kind's target group.

The views get plain dataclasses from here through ``desktop.tasks``; they never hold a Session.
The item table keeps ids only and fetches its rows a block at a time (as the inbox does).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from desktop.models.codes import (
    ApplicationStatus,
    CommandState,
    DocumentType,
    HandoverStatus,
    ItemStatus,
    TargetGroup,
)
from desktop.models.commands import CommandName, SetTargetGroupPayload
from desktop.models.decisions import Outcome
from desktop.models.errors import NotFoundError
from desktop.models.journal import Actor, Command, record
from desktop.models.permissions import Permission, require
from desktop.models.scan_codes import items_matching
from desktop.models.schema import (
    Application,
    Document,
    Handover,
    Item,
    OfferedKind,
    OutboxCommand,
    ResourceKind,
    StatusHistory,
    fold,
    utcnow,
)
from desktop.models.store import Store


def target_group_label(group: TargetGroup | str, language: str = "lv") -> str:
    return TargetGroup(group).label(language)


# --- offered kinds ------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRow:
    id: str
    doc_type: DocumentType
    title: str
    url: str | None
    file_path: str | None


@dataclass(frozen=True)
class OfferedKindRow:
    id: str
    kind_code: str
    label_lv: str
    label_en: str
    target_group: TargetGroup
    accepting_applications: bool
    server_version: int
    documents: tuple[DocumentRow, ...]
    item_count: int
    waiting_sync: bool  # a local change not yet accepted by the central service
    in_conflict: bool  # the central service refused a local change: see catalogue_conflicts

    def label(self, language: str = "lv") -> str:
        return self.label_en if language == "en" else self.label_lv


def _aggregate_states(session: Session, aggregate_type: str) -> dict[str, set[CommandState]]:
    rows = session.execute(
        select(OutboxCommand.aggregate_id, OutboxCommand.state)
        .where(OutboxCommand.aggregate_type == aggregate_type,
               OutboxCommand.state.in_([CommandState.PENDING.value,
                                        CommandState.CONFLICT.value]))
    )
    states: dict[str, set[CommandState]] = {}
    for aggregate_id, state in rows:
        states.setdefault(aggregate_id, set()).add(state)
    return states


def offered_kinds(store: Store, institution_id: str) -> list[OfferedKindRow]:
    """The kinds the school lends, with their documents, in Latvian label order."""
    with store.read() as s:
        kinds = {k.code: k for k in s.scalars(select(ResourceKind))}
        offered = s.scalars(select(OfferedKind)
                            .where(OfferedKind.institution_id == institution_id)).all()
        docs: dict[str, list[DocumentRow]] = {}
        for d in s.scalars(select(Document).where(
                Document.offered_kind_id.in_([o.id for o in offered]))
                .order_by(Document.doc_type, Document.title)):
            assert d.offered_kind_id is not None
            docs.setdefault(d.offered_kind_id, []).append(
                DocumentRow(d.id, d.doc_type, d.title, d.url, d.file_path))
        counts: dict[str, int] = {kind: n for kind, n in s.execute(
            select(Item.kind_code, func.count()).where(Item.institution_id == institution_id)
            .group_by(Item.kind_code))}
        states = _aggregate_states(s, "offered_kind")
        rows = []
        for o in offered:
            kind = kinds.get(o.kind_code)
            own = states.get(o.id, set())
            rows.append(OfferedKindRow(
                id=o.id, kind_code=o.kind_code,
                label_lv=kind.label_lv if kind else o.kind_code,
                label_en=kind.label_en if kind else o.kind_code,
                target_group=o.target_group, accepting_applications=o.accepting_applications,
                server_version=o.server_version, documents=tuple(docs.get(o.id, ())),
                item_count=counts.get(o.kind_code, 0),
                waiting_sync=CommandState.PENDING in own,
                in_conflict=CommandState.CONFLICT in own,
            ))
    return sorted(rows, key=lambda r: fold(r.label_lv))


def kind_choices(store: Store, language: str = "lv") -> list[tuple[str, str]]:
    """(code, label) of every resource kind of the register, for the item editor."""
    with store.read() as s:
        kinds = s.scalars(select(ResourceKind)).all()
        pairs = [(k.code, k.label_en if language == "en" else k.label_lv) for k in kinds]
    return sorted(pairs, key=lambda p: fold(p[1]))


def set_target_group(store: Store, actor: Actor, offered_kind_id: str,
                     target_group: TargetGroup, *, now: datetime | None = None) -> Outcome:
    """Change to whom one offered kind is lent (published with If-Match, like the others).

    The central service's offered-kind PATCH takes ``target_group`` (sync.protocol's
    ``OfferedKindPatch``); the command carries nothing else.
    """
    require(actor, Permission.EDIT_CATALOGUE)
    group = TargetGroup(target_group)
    at = now or utcnow()
    with store.write() as session:
        offered = session.get(OfferedKind, offered_kind_id)
        if offered is None or offered.institution_id != actor.institution_id:
            raise NotFoundError("offered kind", "Piedāvātais resursu veids", offered_kind_id)
        if offered.target_group is group:
            return Outcome(None, group.value, None)
        before = offered.target_group
        offered.target_group = group
        offered.updated_at = at
        command_id = record(
            session, actor, action=CommandName.SET_TARGET_GROUP.value, entity_type="offered_kind",
            entity_id=offered.id, changes=[],
            audit_details={"kind": offered.kind_code, "from": before.value, "to": group.value},
            command=Command("offered_kind", offered.id, CommandName.SET_TARGET_GROUP,
                            offered.server_version,
                            SetTargetGroupPayload(offered_kind_id=offered.id,
                                                  kind_code=offered.kind_code,
                                                  target_group=group)),
            now=at,
        )
        return Outcome(None, group.value, command_id)


# --- items ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemFilter:
    kind_code: str | None = None
    status: ItemStatus | None = None
    text: str = ""  # inventory or serial number, maker, model, place; or a scanned label


@dataclass(frozen=True)
class ItemRow:
    id: str
    inventory_no: str
    kind_code: str
    kind_label: str
    serial_no: str | None
    manufacturer: str | None
    model: str | None
    year: int | None
    acquisition_value: Decimal | None
    socially_supported: bool
    location: str | None
    notes: str | None
    status: ItemStatus
    server_version: int
    waiting_sync: bool
    in_conflict: bool

    def editable_values(self) -> dict[str, object]:
        """The fields ``inventory.edit_item`` takes, as held now."""
        return {
            "kind_code": self.kind_code, "inventory_no": self.inventory_no,
            "serial_no": self.serial_no, "manufacturer": self.manufacturer,
            "model": self.model, "year": self.year,
            "acquisition_value": self.acquisition_value,
            "socially_supported": self.socially_supported, "location": self.location,
            "notes": self.notes,
        }


def _matching_text(s: Session, institution_id: str, text: str) -> set[str] | None:
    """Ids whose texts hold every typed word, diacritics and case folded (None: no words).

    Folded in Python: SQLite's lower() folds ASCII only, and a school holds hundreds to a
    few thousand items, which takes milliseconds.
    """
    words = fold(text).split()
    if not words:
        return None
    found = set()
    for row in s.execute(select(Item.id, Item.inventory_no, Item.serial_no, Item.manufacturer,
                                Item.model, Item.location, Item.notes)
                         .where(Item.institution_id == institution_id)):
        haystack = fold(" ".join(v for v in row[1:] if v))
        if all(w in haystack for w in words):
            found.add(row[0])
    return found


def find_by_inventory_no(store: Store, institution_id: str, text: str) -> str | None:
    """The item that ``text`` names by number, as a label scanner types it.

    Case and diacritics fold (RAVG = RAVĢ = ravģ: scanners cannot type Ģ); a text that two
    items fold to names no single item, so it finds none rather than guessing.
    """
    with store.read() as s:
        return _named_by_number(s, institution_id, text)


def _named_by_number(s: Session, institution_id: str, text: str) -> str | None:
    found = items_matching(s, institution_id, text)
    return found[0][0] if len(found) == 1 else None


Q = TypeVar("Q", bound=Select[Any])


def narrowed(s: Session, query: Q, institution_id: str, f: ItemFilter,
             matching: Callable[[Session, str, str], set[str] | None] | None = None) -> Q:
    """``query`` (over items) narrowed to the school's items that match ``f``, in
    inventory-number order; ``matching`` finds the ids a free text names (default: the
    items' own texts).

    A text that is exactly one item's inventory number (a scanned label) finds that item
    alone, even where the same characters occur inside other numbers or names.
    """
    query = query.where(Item.institution_id == institution_id)
    exact = _named_by_number(s, institution_id, f.text) if f.text.strip() else None
    if exact is not None:
        query = query.where(Item.id == exact)
    else:
        found = (matching or _matching_text)(s, institution_id, f.text)
        if found is not None:
            query = query.where(Item.id.in_(found))
    if f.kind_code:
        query = query.where(Item.kind_code == f.kind_code)
    if f.status is not None:
        query = query.where(Item.status == f.status.value)
    return query.order_by(Item.inventory_no)


def item_ids(store: Store, institution_id: str, f: ItemFilter = ItemFilter()) -> list[str]:
    """Ids of the school's items that match, in inventory-number order."""
    with store.read() as s:
        return list(s.scalars(narrowed(s, select(Item.id), institution_id, f)))


def _rows(s: Session, ids: Sequence[str], language: str) -> list[ItemRow]:
    kinds = {k.code: (k.label_en if language == "en" else k.label_lv)
             for k in s.scalars(select(ResourceKind))}
    states = _aggregate_states(s, "item")
    by_id = {i.id: i for i in s.scalars(select(Item).where(Item.id.in_(list(ids))))}
    rows = []
    for item_id in ids:
        i = by_id.get(item_id)
        if i is None:
            continue
        own = states.get(i.id, set())
        rows.append(ItemRow(
            id=i.id, inventory_no=i.inventory_no, kind_code=i.kind_code,
            kind_label=kinds.get(i.kind_code, i.kind_code), serial_no=i.serial_no,
            manufacturer=i.manufacturer, model=i.model, year=i.year,
            acquisition_value=i.acquisition_value, socially_supported=i.socially_supported,
            location=i.location, notes=i.notes, status=i.status,
            server_version=i.server_version, waiting_sync=CommandState.PENDING in own,
            in_conflict=CommandState.CONFLICT in own,
        ))
    return rows


def item_rows(store: Store, ids: Sequence[str], language: str = "lv") -> list[ItemRow]:
    """Display rows for ``ids``, in that order (ids no longer in the store are left out)."""
    with store.read() as s:
        return _rows(s, ids, language)


def item(store: Store, institution_id: str, item_id: str, language: str = "lv") -> ItemRow:
    with store.read() as s:
        found = s.get(Item, item_id)
        if found is None or found.institution_id != institution_id:
            raise NotFoundError("item", "Resurss", item_id)
        return _rows(s, [item_id], language)[0]


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    action: str
    from_status: ItemStatus | None
    to_status: ItemStatus
    reason: str | None
    actor: str
    source: str  # local | central


def item_history(store: Store, item_id: str) -> list[HistoryRow]:
    """The item's status changes, newest first."""
    with store.read() as s:
        rows = s.scalars(select(StatusHistory).where(
            StatusHistory.entity_type == "item", StatusHistory.entity_id == item_id)
            .order_by(StatusHistory.id.desc())).all()
        return [HistoryRow(r.at, r.action,
                           ItemStatus(r.from_status) if r.from_status else None,
                           ItemStatus(r.to_status), r.reason, r.actor, r.source)
                for r in rows]


# --- availability ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AvailabilityRow:
    """One kind: its items by status against the applications still waiting for a device."""

    kind_code: str
    label: str
    items: dict[ItemStatus, int]
    submitted: int
    postponed: int
    granted_without_item: int

    @property
    def available(self) -> int:
        return self.items.get(ItemStatus.AVAILABLE, 0)

    @property
    def open_demand(self) -> int:
        return self.submitted + self.postponed + self.granted_without_item

    @property
    def shortage(self) -> int:
        """How many more available devices the open demand needs (0 when it is covered)."""
        return max(0, self.open_demand - self.available)

    @property
    def total_items(self) -> int:
        return sum(self.items.values())


def availability(store: Store, institution_id: str, language: str = "lv"
                 ) -> list[AvailabilityRow]:
    """Per kind the school offers or holds: items by status, and the open demand."""
    no_device = ~exists().where(Handover.application_id == Application.id,
                                Handover.status != HandoverStatus.CANCELLED.value)
    with store.read() as s:
        labels = {k.code: (k.label_en if language == "en" else k.label_lv)
                  for k in s.scalars(select(ResourceKind))}
        items: dict[str, dict[ItemStatus, int]] = {}
        for kind, status, count in s.execute(
                select(Item.kind_code, Item.status, func.count())
                .where(Item.institution_id == institution_id)
                .group_by(Item.kind_code, Item.status)):
            items.setdefault(kind, {})[ItemStatus(status)] = count
        demand: dict[str, dict[str, int]] = {}
        for kind, app_status, count in s.execute(
                select(Application.kind_code, Application.status, func.count())
                .where(Application.institution_id == institution_id,
                       or_(Application.status.in_([ApplicationStatus.SUBMITTED.value,
                                                   ApplicationStatus.POSTPONED.value]),
                           and_(Application.status == ApplicationStatus.CONFIRMED.value,
                                no_device)))
                .group_by(Application.kind_code, Application.status)):
            demand.setdefault(kind, {})[str(app_status)] = count
        offered = set(s.scalars(select(OfferedKind.kind_code)
                                .where(OfferedKind.institution_id == institution_id)))
    rows = []
    for kind in offered | set(items) | set(demand):
        d = demand.get(kind, {})
        rows.append(AvailabilityRow(
            kind_code=kind, label=labels.get(kind, kind), items=items.get(kind, {}),
            submitted=d.get(ApplicationStatus.SUBMITTED.value, 0),
            postponed=d.get(ApplicationStatus.POSTPONED.value, 0),
            granted_without_item=d.get(ApplicationStatus.CONFIRMED.value, 0),
        ))
    return sorted(rows, key=lambda r: fold(r.label))


# --- catalogue conflicts: both versions side by side -------------------------------------------


@dataclass(frozen=True)
class CatalogueConflict:
    """A catalogue change the central service refused because someone changed the record
    there meanwhile: what this computer asked for beside what the central service holds.
    Neither is overwritten until someone chooses (the conflicts section re-applies or
    discards)."""

    command_id: str
    aggregate_type: str  # item | offered_kind
    aggregate_id: str
    label: str
    command: str
    http_status: int
    local: dict[str, str] = field(default_factory=dict)
    central: dict[str, str] = field(default_factory=dict)
    central_version: int | None = None


_OFFERED_FIELDS = ("target_group", "accepting_applications")
_ITEM_FIELDS = ("inventory_no", "kind_code", "serial_no", "manufacturer", "model", "year",
                "acquisition_value", "socially_supported", "location", "notes", "status")


def _shown(name: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if name == "target_group":
        return target_group_label(value)
    if name == "status":
        return ItemStatus(value).label_lv
    if name == "accepting_applications":
        return "atvērta" if value else "slēgta"
    if name == "socially_supported":
        return "jā" if value else "nē"
    if name == "check_in_checklist":
        return ", ".join(str(n) for n in value) or "—"
    return str(value)


def catalogue_conflicts(store: Store, institution_id: str) -> list[CatalogueConflict]:
    """Refused catalogue changes, each with the local and the central version."""
    with store.read() as s:
        cmds = s.scalars(select(OutboxCommand).where(
            OutboxCommand.institution_id == institution_id,
            OutboxCommand.state == CommandState.CONFLICT.value,
            OutboxCommand.aggregate_type.in_(["item", "offered_kind"]))
            .order_by(OutboxCommand.id)).all()
        result = []
        for cmd in cmds:
            conflict = cmd.conflict or {}
            held: OfferedKind | Item | None
            if cmd.aggregate_type == "offered_kind":
                names: tuple[str, ...] = _OFFERED_FIELDS
                if cmd.command == CommandName.SET_CHECK_IN_CHECKLIST.value:
                    names = (*names, "check_in_checklist")  # what this change is about
                held = held_kind = s.get(OfferedKind, cmd.aggregate_id)
                central = conflict.get("current_offered_kind") or {}
                kind = s.get(ResourceKind, held_kind.kind_code if held_kind else
                             central.get("kind_code", ""))
                label = kind.label_lv if kind else str(cmd.payload.get("kind_code", ""))
            else:
                names = _ITEM_FIELDS
                held = held_item = s.get(Item, cmd.aggregate_id)
                central = conflict.get("current_item") or {}
                label = (held_item.inventory_no if held_item else
                         str(cmd.payload.get("inventory_no") or central.get("inventory_no")
                             or cmd.aggregate_id))
            local: dict[str, str] = {}
            for name in names:
                value = cmd.payload.get(name, getattr(held, name, None) if held else None)
                if isinstance(value, ItemStatus | TargetGroup):
                    value = value.value
                local[name] = _shown(name, value)
            result.append(CatalogueConflict(
                command_id=cmd.command_id, aggregate_type=cmd.aggregate_type,
                aggregate_id=cmd.aggregate_id, label=label, command=cmd.command,
                http_status=int(conflict.get("status") or 0), local=local,
                central={n: _shown(n, central.get(n)) for n in names} if central else {},
                central_version=central.get("version") if central else None,
            ))
    return result
