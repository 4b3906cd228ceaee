"""An item's value reaches the outbox in the wire's form, whatever form it was typed in."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.models.commands import UpsertItemPayload
from desktop.models.inventory import create_item
from desktop.models.schema import OutboxCommand
from factories import ADMIN, seed_catalogue


@pytest.mark.parametrize(("typed", "sent"), [("1e2", "100.00"), ("1E+1", "10.00"),
                                             ("-0", "0.00"), ("649.99", "649.99"),
                                             ("599.5", "599.50"), ("650", "650.00")])
def test_a_typed_value_is_queued_as_the_wire_writes_it(store, typed: str, sent: str) -> None:
    seed_catalogue(store)
    create_item(store, ADMIN, {"kind_code": "windows_laptop", "inventory_no": "RĀVĢ-2026/7",
                               "acquisition_value": typed, "location": "Ķīmijas kabinets"})
    with store.read() as s:
        [command] = s.scalars(select(OutboxCommand)).all()
    assert command.payload["acquisition_value"] == sent
    UpsertItemPayload.model_validate(command.payload)  # what the push will send validates
