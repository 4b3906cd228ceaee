"""The audit log in words: actions and records named, in Latvian and English, never raw codes."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.models.audit_queries import AuditFilter, audit_page
from desktop.models.audit_words import (
    action_label,
    describe_details,
    entity_label,
    value_text,
)
from desktop.models.command_names import CommandName
from desktop.models.schema import AuditEntry, Document, StaffUser
from desktop.models.store import Store
from factories import SCHOOL, add_application, add_handover, add_item, seed_catalogue

AT = datetime(2026, 10, 5, 12, tzinfo=UTC)


def test_every_command_has_words_in_both_languages() -> None:
    for name in CommandName:
        assert action_label(name.value) != name.value
        assert action_label(name.value, "en") != name.value
        assert action_label(name.value) != action_label(name.value, "en")
    assert action_label("import_item") == "Importēts resurss"
    assert action_label("import_item", "en") == "Device imported"
    assert action_label("file_act") == "Pievienots akts"
    assert entity_label("offered_kind", "en") == "Device type"


def test_unknown_codes_are_shown_as_they_are() -> None:
    assert action_label("teleport_item") == "teleport_item"
    assert action_label("teleport_item", "en") == "teleport_item"
    assert entity_label("spaceship") == "spaceship"
    assert describe_details({"warp": 9, "from": "nowhere", "to": None}) == (
        "nowhere → —; warp: 9")
    assert describe_details({"document": ["a", "b"]}) == "dokuments: a, b"


def test_values_in_words() -> None:
    assert value_text(True) == "jā" and value_text(False, "en") == "no"
    assert value_text("returned_working_order", "en") == "In working order"
    assert value_text("2026-12-20") == "20.12.2026"
    assert value_text("refuse") == "Atteikts"


def _add(store: Store, action: str, entity_type: str, entity_id: str, details: dict,
         actor: str = "ģirts.ozols") -> None:
    with store.write() as s:
        s.add(AuditEntry(at=AT, actor=actor, institution_id=SCHOOL, action=action,
                         entity_type=entity_type, entity_id=entity_id, details=details))


def test_records_are_named_by_their_number_or_title(store: Store) -> None:
    seed_catalogue(store)
    app_id = add_application(store)
    item = add_item(store, inventory_no="RAVĢ-2024-000017")
    handover = add_handover(store, app_id, item, "issued")  # type: ignore[arg-type]
    with store.write() as s:
        s.add(StaffUser(username="ģirts.ozols", display_name="Ģirts Ozols"))
        s.add(Document(id="doc-1", institution_id=SCHOOL, application_id=app_id,
                       handover_id=handover, doc_type="pna",
                       title="Pieņemšanas-nodošanas akts 2026-0042"))
    _add(store, "import_item", "item", item, {"inventory_no": "RAVĢ-2024-000017"})
    _add(store, "file_act", "handover", handover,
         {"application": app_id, "document": "doc-1", "returned": False})
    _add(store, "set_target_group", "offered_kind", "ok-win",
         {"kind": "windows_laptop", "from": "all", "to": "employee"})
    _add(store, "export", "report", "overdue", {"format": "csv", "rows": 3})
    _add(store, "teleport_item", "spaceship", "ufo-1", {"warp": 9}, actor="nezināms")

    number = f"P-2026-{app_id:06d}"
    rows = {r.action: r for r in audit_page(store, AuditFilter(), 0, 10).rows}
    assert rows["import_item"].action_label == "Importēts resurss"
    assert rows["import_item"].subject == "Resurss RAVĢ-2024-000017"
    assert rows["file_act"].subject == f"Izsniegšana {number}"
    assert rows["file_act"].details_text == (
        f"pieteikums: {number}; dokuments: Pieņemšanas-nodošanas akts 2026-0042; "
        "atgriešanas akts: nē")
    assert rows["set_target_group"].subject == "Resursa veids Windows portatīvais dators"
    assert rows["set_target_group"].details_text == (
        "Visiem → Darbiniekiem; resursa veids: Windows portatīvais dators")
    assert rows["export"].subject == "Pārskats Kavēta atgriešana"
    assert rows["import_item"].actor_name == "Ģirts Ozols"
    # what this version does not know is shown as stored, never an error
    assert rows["teleport_item"].action_label == "teleport_item"
    assert rows["teleport_item"].subject == "spaceship ufo-1"
    assert rows["teleport_item"].actor_name == "nezināms"

    english = {r.action: r for r in audit_page(store, AuditFilter(language="en"), 0, 10).rows}
    assert english["import_item"].action_label == "Device imported"
    assert english["import_item"].subject == "Device RAVĢ-2024-000017"
    assert english["set_target_group"].subject == "Device type Windows laptop"
    assert english["set_target_group"].details_text == (
        "Everyone → Employees; device type: Windows laptop")
    assert english["file_act"].details_text.endswith("return act: no")
    assert AuditFilter(language="en").described() == {}  # the language is not a filter
