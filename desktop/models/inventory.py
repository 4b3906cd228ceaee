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

from desktop.models import rules
from desktop.models.codes import ItemStatus
from desktop.models.commands import (
    CommandName,
    SetAcceptingPayload,
    SetItemStatusPayload,
    UpsertItemPayload,
)
from desktop.models.decisions import Outcome, clean_reason, load_item
from desktop.models.errors import InputError, NotFoundError
from desktop.models.journal import Actor, Change, Command, record
from desktop.models.operations import item_data
from desktop.models.permissions import Permission, require
from desktop.models.scan_codes import items_matching
from desktop.models.schema import Item, OfferedKind, ResourceKind, utcnow
from desktop.models.store import Store
from desktop.models.workflow import ItemAction, WorkflowError

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
        # A blank field was made None above: to pydantic "not a string", to a person "empty".
        english = "required: it is empty" if _left_empty(err) else err["msg"]
        raise InputError(field, english, f"{label}: {_latvian(err)}") from exc


def _left_empty(err: Any) -> bool:
    return err["type"] == "missing" or (err["type"].endswith("_type") and err.get("input") is None)


def _latvian(err: Any) -> str:
    """pydantic's error, said in Latvian for the form."""
    ctx = err.get("ctx") or {}
    kind = err["type"]
    if _left_empty(err):
        return "jānorāda"
    messages = {
        "missing": "jānorāda",
        "extra_forbidden": "nezināms lauks",
        "string_too_short": "jānorāda",
        "string_too_long": f"ne vairāk kā {ctx.get('max_length')} rakstzīmes",
        "string_pattern_mismatch": "atļauti burti, cipari un . / - _ bez atstarpēm",
        "int_parsing": "jābūt veselam skaitlim",
        "int_from_float": "jābūt veselam skaitlim",
        "decimal_parsing": "jābūt skaitlim, piemēram, 649,99",
        "decimal_max_places": "ne vairāk kā 2 cipari aiz komata",
        "greater_than_equal": f"jābūt vismaz {ctx.get('ge')}",
        "less_than_equal": f"jābūt ne vairāk kā {ctx.get('le')}",
        "bool_parsing": "jābūt „jā“ vai „nē“",
    }
    return messages.get(kind, "nederīga vērtība")


def _check_kind_and_number(
    session: Session, actor: Actor, data: ItemInput, item_id: str | None
) -> None:
    if session.get(ResourceKind, data.kind_code) is None:
        raise InputError("kind_code", f"unknown resource kind {data.kind_code!r}",
                         f"Nezināms resursa veids „{data.kind_code}“")
    # A number that a scanner reads as another's (RAVG-1 beside RAVĢ-1) is a clash too:
    # their labels would carry the same code.
    # An item keeping its own number is not checked again: pairs that came from the central
    # service or from before this check must stay editable.
    current = session.get(Item, item_id) if item_id is not None else None
    unchanged = current is not None and current.inventory_no == data.inventory_no
    clashes = [] if unchanged else [
        (other_id, number) for other_id, number
        in items_matching(session, actor.institution_id, data.inventory_no)
        if other_id != item_id]
    exact = session.scalars(select(Item.id).where(
        Item.institution_id == actor.institution_id,
        Item.inventory_no == data.inventory_no)).first()
    if exact is not None and exact != item_id:
        raise InputError(
            "inventory_no",
            f"inventory number {data.inventory_no} is already used at this school",
            f"Inventāra numurs {data.inventory_no} šajā iestādē jau ir izmantots",
        )
    if clashes:
        existing = clashes[0][1]
        raise InputError(
            "inventory_no",
            f"inventory number {data.inventory_no} reads to a scanner as the existing "
            f"{existing} (they differ only in case or diacritics)",
            f"Inventāra numurs {data.inventory_no} skenerim ir tas pats, kas esošais "
            f"{existing} (atšķiras tikai burtu lielums vai garumzīmes)",
        )


def upsert_payload(item_id: str, data: ItemInput | Item, status: ItemStatus
                   ) -> UpsertItemPayload:
    """The ``upsert_item`` payload: the item's own fields as the central service takes them."""
    return UpsertItemPayload(
        item_id=item_id, kind_code=data.kind_code, inventory_no=data.inventory_no,
        serial_no=data.serial_no, manufacturer=data.manufacturer, model=data.model,
        year=data.year, acquisition_value=money_text(data.acquisition_value),
        socially_supported=data.socially_supported, location=data.location,
        notes=data.notes, status=status)


def money_text(value: Decimal | None) -> str | None:
    """A value as the wire writes it and the store reads it back: plain digits with two
    decimals (``1E+2`` → ``100.00``, ``-0`` → ``0.00``), whatever form it was typed in."""
    if value is None:
        return None
    return format(abs(value).quantize(Decimal("0.01")), "f")


def _item_payload(item: Item) -> UpsertItemPayload:
    return upsert_payload(item.id, item, item.status)


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
            command=Command("item", item.id, CommandName.UPSERT_ITEM, item.server_version,
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
        try:
            rules.upsert_item(item_data(item), upsert_payload(item.id, data, item.status),
                              actor.institution_id)
        except WorkflowError as exc:
            raise InputError("kind_code", str(exc), exc.message_lv) from exc
        if not changed:  # saving an unchanged form writes nothing and sends nothing
            return Outcome(None, item.status.value, None, item_id=item.id)
        for name, value in changed.items():
            setattr(item, name, value)
        item.updated_at = at
        command_id = record(
            session, actor, action="edit_item", entity_type="item", entity_id=item.id,
            changes=[],
            audit_details={"inventory_no": item.inventory_no, "fields": sorted(changed)},
            command=Command("item", item.id, CommandName.UPSERT_ITEM, item.server_version,
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
        data = item_data(item)
        payload = SetItemStatusPayload(item_id=item.id, action=action.value,
                                       status=item.status, reason=text)
        change = rules.set_item_status(data, payload)
        before = item.status
        item.status = data.status
        item.updated_at = at
        command_id = record(
            session, actor, action="change_item_status", entity_type="item",
            entity_id=item.id,
            changes=[change],
            audit_details={"inventory_no": item.inventory_no, "from": before.value,
                           "to": item.status.value},
            command=Command("item", item.id, CommandName.SET_ITEM_STATUS,
                            item.server_version,
                            payload.model_copy(update={"status": item.status})),
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
            session, actor, action=CommandName.SET_ACCEPTING_APPLICATIONS.value, entity_type="offered_kind",
            entity_id=offered.id, changes=[],
            audit_details={"kind": offered.kind_code, "accepting": accepting},
            command=Command("offered_kind", offered.id,
                            CommandName.SET_ACCEPTING_APPLICATIONS, offered.server_version,
                            SetAcceptingPayload(offered_kind_id=offered.id,
                                                kind_code=offered.kind_code,
                                                accepting_applications=accepting)),
            now=at,
        )
        return Outcome(None, "accepting" if accepting else "closed", command_id)
