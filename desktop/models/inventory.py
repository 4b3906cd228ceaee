"""The catalogue's operations: inventory items and the kinds a school offers.

Typed values are checked by a pydantic model; a wrong value is refused with an ``InputError``
naming the field, and nothing is written.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.decisions import Outcome, clean_reason, load_item
from desktop.models.errors import InputError, NotFoundError
from desktop.models.journal import Actor, Change, Command, record
from desktop.models.permissions import Permission, require
from desktop.models.schema import Item, OfferedKind, ResourceKind, utcnow
from desktop.models.store import Store
from desktop.models.workflow import (
    MANUAL_ITEM_ACTIONS,
    ItemAction,
    TransitionError,
    next_item_status,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True)]

FIELD_LABELS_LV = {
    "kind_code": "Resursa veids",
    "inventory_no": "Inventāra numurs",
    "serial_no": "Sērijas numurs",
    "manufacturer": "Ražotājs",
    "model": "Modelis",
    "year": "Gads",
    "acquisition_value": "Iegādes vērtība",
    "socially_supported": "Sociāli atbalstāmajiem",
    "location": "Atrašanās vieta",
    "notes": "Piezīmes",
}


class ItemInput(BaseModel):
    """The editable fields of an inventory item, as typed or imported."""

    model_config = ConfigDict(extra="forbid")

    kind_code: Annotated[Text, Field(min_length=1, max_length=60)]
    inventory_no: Annotated[Text, Field(min_length=1, max_length=60, pattern=r"^[\w./-]+$")]
    serial_no: Annotated[Text, Field(max_length=80)] | None = None
    manufacturer: Annotated[Text, Field(max_length=80)] | None = None
    model: Annotated[Text, Field(max_length=120)] | None = None
    year: Annotated[int, Field(ge=1990, le=2100)] | None = None
    acquisition_value: Annotated[Decimal, Field(ge=0, le=100000, decimal_places=2)] | None = None
    socially_supported: bool = False
    location: Annotated[Text, Field(max_length=120)] | None = None
    notes: Annotated[Text, Field(max_length=2000)] | None = None


def parse_item_input(values: dict[str, object]) -> ItemInput:
    """Validate raw values; raise an ``InputError`` naming the first wrong field."""
    cleaned = {k: (None if isinstance(v, str) and not v.strip() else v) for k, v in values.items()}
    try:
        return ItemInput.model_validate(cleaned)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else "item"
        label = FIELD_LABELS_LV.get(field, field)
        raise InputError(field, err["msg"], f"{label}: {_latvian(err)}") from exc


def _latvian(err: Any) -> str:
    """pydantic's error, said in Latvian for the form."""
    ctx = err.get("ctx") or {}
    kind = err["type"]
    messages = {
        "missing": "jānorāda",
        "extra_forbidden": "nezināms lauks",
        "string_too_short": "jānorāda",
        "string_too_long": f"ne vairāk kā {ctx.get('max_length')} rakstzīmes",
        "string_pattern_mismatch": "atļauti burti, cipari un . / - _ bez atstarpēm",
        "int_parsing": "jābūt veselam skaitlim",
        "int_from_float": "jābūt veselam skaitlim",
        "decimal_parsing": "jābūt skaitlim, piemēram, 649.99",
        "decimal_max_places": "ne vairāk kā 2 cipari aiz komata",
        "greater_than_equal": f"jābūt vismaz {ctx.get('ge')}",
        "less_than_equal": f"jābūt ne vairāk kā {ctx.get('le')}",
        "bool_parsing": "jābūt “jā” vai “nē”",
    }
    return messages.get(kind, "nederīga vērtība")


def _check_kind_and_number(
    session: Session, actor: Actor, data: ItemInput, item_id: str | None
) -> None:
    if session.get(ResourceKind, data.kind_code) is None:
        raise InputError("kind_code", f"unknown resource kind {data.kind_code!r}",
                         f"Nezināms resursa veids “{data.kind_code}”")
    clash = session.scalars(
        select(Item.id).where(
            Item.institution_id == actor.institution_id,
            Item.inventory_no == data.inventory_no,
        )
    ).first()
    if clash is not None and clash != item_id:
        raise InputError(
            "inventory_no",
            f"inventory number {data.inventory_no} is already used at this school",
            f"Inventāra numurs {data.inventory_no} šajā iestādē jau ir izmantots",
        )


def _item_payload(item: Item) -> dict[str, object]:
    return {
        "item_id": item.id,
        "kind_code": item.kind_code,
        "inventory_no": item.inventory_no,
        "serial_no": item.serial_no,
        "manufacturer": item.manufacturer,
        "model": item.model,
        "year": item.year,
        "acquisition_value": (
            None if item.acquisition_value is None else str(item.acquisition_value)
        ),
        "socially_supported": item.socially_supported,
        "location": item.location,
        "notes": item.notes,
        "status": item.status.value,
    }


def create_item(
    store: Store, actor: Actor, values: dict[str, object], *, now: datetime | None = None
) -> Outcome:
    """Add an inventory item (status ``new``)."""
    require(actor, Permission.EDIT_CATALOGUE)
    data = parse_item_input(values)
    at = now or utcnow()
    with store.write() as session:
        _check_kind_and_number(session, actor, data, None)
        item = Item(institution_id=actor.institution_id, updated_at=at, **data.model_dump())
        session.add(item)
        session.flush()
        command_id = record(
            session, actor, action="create_item", entity_type="item", entity_id=item.id,
            changes=[Change("item", item.id, "create", None, item.status)],
            audit_details={"inventory_no": item.inventory_no},
            command=Command("item", item.id, "upsert_item", item.server_version,
                            _item_payload(item)),
            now=at,
        )
        return Outcome(None, item.status.value, command_id, item_id=item.id)


def edit_item(
    store: Store,
    actor: Actor,
    item_id: str,
    values: dict[str, object],
    *,
    now: datetime | None = None,
) -> Outcome:
    """Change an item's recorded details (not its status: see ``change_item_status``)."""
    require(actor, Permission.EDIT_CATALOGUE)
    data = parse_item_input(values)
    at = now or utcnow()
    with store.write() as session:
        item = load_item(session, item_id, actor)
        _check_kind_and_number(session, actor, data, item.id)
        changed = {
            name: value
            for name, value in data.model_dump().items()
            if getattr(item, name) != value
        }
        if changed.get("kind_code") and item.status.value in ("reserved", "in_use"):
            raise InputError("kind_code", "the kind of a reserved or lent item cannot change",
                             "Rezervētam vai izsniegtam resursam veidu mainīt nevar")
        if not changed:  # saving an unchanged form writes nothing and sends nothing
            return Outcome(None, item.status.value, None, item_id=item.id)
        for name, value in changed.items():
            setattr(item, name, value)
        item.updated_at = at
        command_id = record(
            session, actor, action="edit_item", entity_type="item", entity_id=item.id,
            changes=[],
            audit_details={"inventory_no": item.inventory_no, "fields": sorted(changed)},
            command=Command("item", item.id, "upsert_item", item.server_version,
                            _item_payload(item)),
            now=at,
        )
        return Outcome(None, item.status.value, command_id, item_id=item.id)


def change_item_status(
    store: Store,
    actor: Actor,
    item_id: str,
    action: ItemAction,
    *,
    reason: str | None = None,
    now: datetime | None = None,
) -> Outcome:
    """A status change chosen by hand in the item editor (maintenance, repair, …)."""
    require(actor, Permission.EDIT_CATALOGUE)
    action = ItemAction(action)
    text = clean_reason(reason, required=False)
    at = now or utcnow()
    with store.write() as session:
        item = load_item(session, item_id, actor)
        if action not in MANUAL_ITEM_ACTIONS:
            raise TransitionError("item", item.status, action,
                                  "this change happens only through a handover or a return")
        before = item.status
        item.status = next_item_status(before, action)
        item.updated_at = at
        command_id = record(
            session, actor, action="change_item_status", entity_type="item",
            entity_id=item.id,
            changes=[Change("item", item.id, action.value, before, item.status, None, text)],
            audit_details={"inventory_no": item.inventory_no, "from": before.value,
                           "to": item.status.value},
            command=Command("item", item.id, "set_item_status", item.server_version,
                            {"item_id": item.id, "action": action.value,
                             "status": item.status.value, "reason": text}),
            now=at,
        )
        return Outcome(None, item.status.value, command_id, item_id=item.id)


def set_accepting_applications(
    store: Store,
    actor: Actor,
    offered_kind_id: str,
    accepting: bool,
    *,
    now: datetime | None = None,
) -> Outcome:
    """Open or close applications for one kind the school offers."""
    require(actor, Permission.EDIT_CATALOGUE)
    at = now or utcnow()
    with store.write() as session:
        offered = session.get(OfferedKind, offered_kind_id)
        if offered is None or offered.institution_id != actor.institution_id:
            raise NotFoundError("offered kind", "Piedāvātais resursu veids", offered_kind_id)
        if offered.accepting_applications == accepting:
            return Outcome(None, "accepting" if accepting else "closed", None)
        offered.accepting_applications = accepting
        offered.updated_at = at
        command_id = record(
            session, actor, action="set_accepting_applications", entity_type="offered_kind",
            entity_id=offered.id, changes=[],
            audit_details={"kind": offered.kind_code, "accepting": accepting},
            command=Command("offered_kind", offered.id, "set_accepting_applications",
                            offered.server_version,
                            {"offered_kind_id": offered.id, "kind_code": offered.kind_code,
                             "accepting_applications": accepting}),
            now=at,
        )
        return Outcome(None, "accepting" if accepting else "closed", command_id)
