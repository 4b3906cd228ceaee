"""File names from outside values: one safe-name function, and never outside the folder.

Issue 14 (high): act numbers such as ``/abs/path``, ``A/../../../x`` or ``CON`` became file
names; the central service accepted any 1-40 characters from a desk user.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from desktop.models import desk
from desktop.models.commands import PreparePayload
from desktop.models.decisions import grant
from desktop.models.errors import InputError
from desktop.models.files import inside, safe_name
from desktop.models.schema import Document, Handover
from factories import DESK, REVIEWER, add_application, add_item, seed_catalogue, snapshot
from sync.protocol import HandoverWire

HOSTILE = ["/abs/path", "A/../../../x", "..", ".", "", "CON", "con.pdf", "LPT1.txt",
           "nul", "a\x00b.pdf", "ačgārni.pdf", "x" * 81, "C:evil.pdf", "act.pdf.",
           "..\\..\\windows.pdf", "-", " lead.pdf"]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_name_is_refused(name: str) -> None:
    with pytest.raises(InputError):
        safe_name(name)


@pytest.mark.parametrize("name", ["P-2026-000109-A1.pdf", "P-2026-000109-A12-R.pdf",
                                  "P-2026-000109-A1-paraksti.pdf", "42"])
def test_an_act_name_passes(name: str) -> None:
    assert safe_name(name) == name


def test_inside_stays_in_the_folder_even_through_a_link(tmp_path: Path) -> None:
    (tmp_path / "data" / "documents").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "data" / "documents" / "7").symlink_to(tmp_path / "elsewhere")
    assert inside(tmp_path / "data", "documents", "8", "a.pdf").name == "a.pdf"
    with pytest.raises(InputError):
        inside(tmp_path / "data", "documents", "7", "a.pdf")


@pytest.mark.parametrize("act", ["/abs/path", "A/../../../x", "CON", "P-2026-1-A1",
                                 "P-２０２６-000001-A1"])
def test_the_wire_refuses_an_act_number_outside_its_pattern(act: str) -> None:
    with pytest.raises(ValidationError):
        PreparePayload(handover_id="0b1f9c1e-8a35-4c84-9b8e-4a1c1d2e3f40",
                       item_id="1b1f9c1e-8a35-4c84-9b8e-4a1c1d2e3f40", act_number=act)
    with pytest.raises(ValidationError):
        HandoverWire.model_validate({
            "id": "0b1f9c1e-8a35-4c84-9b8e-4a1c1d2e3f40", "status": "prepared",
            "act_number": act, "status_changed_at": "2026-09-03T08:00:00Z",
            "created_at": "2026-09-03T08:00:00Z"})


def test_an_act_with_a_hostile_number_in_the_store_is_not_filed(store, tmp_path) -> None:
    """A row from an older version (or a damaged copy): refused, nothing written anywhere."""
    seed_catalogue(store)
    item = add_item(store, inventory_no="RAVĢ-0099")
    app_id = add_application(store, learner="Žanis Ģērķis", submitter="Līga Ģērķe")
    grant(store, REVIEWER, app_id, item_id=item,
          now=datetime(2026, 9, 3, 8, 0, tzinfo=UTC))
    card = desk.start_handover(store, DESK, app_id)
    outside = tmp_path / "outside"
    with store.write() as s:
        s.get(Handover, card.handover_id).act_number = f"../../../../{outside}"
    before = snapshot(store)
    with pytest.raises(InputError):
        desk.file_act(store, DESK, card.handover_id, b"%PDF-1.7 akts")
    assert snapshot(store) == before
    assert not list(tmp_path.rglob("*outside*"))
    with store.write() as s:  # and a stored path pointing out of the folder is never read
        h = s.get(Handover, card.handover_id)
        s.add(Document(institution_id=h.application.institution_id, application_id=app_id,
                       handover_id=h.id, doc_type="pna",
                       title=desk._act_title(h, returned=False),
                       file_path="/etc/passwd", sha256="0" * 64))
    assert desk.act_path(store, DESK, card.handover_id) is None
