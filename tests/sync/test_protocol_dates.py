"""Issue 14: strict dates on the wire. A moment that records something that happened may lie
at most a day (clock skew) ahead of now; a deadline or an arranged time at most ten years;
nothing before 2000. The validators read ``desktop.models.wire_dates.wire_now``, moved here by the test,
so no assertion depends on the wall clock."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from test_protocol_fuzz import PAGE, client_answering, snapshot

from desktop.models import wire_dates
from desktop.models.store import open_store
from sync.client import BadResponseError
from sync.engine import SyncEngine
from sync.protocol import (
    ApplicationWire,
    HandoverWire,
    InstitutionWire,
    PayloadError,
    SchoolSettingsPatch,
    parse,
    parse_changes_page,
)

NOW = datetime(2026, 9, 2, 12, 0, tzinfo=UTC)
HANDOVER = {
    "id": "5b0c3c3e-2f6f-4a53-9d57-0c2b8f1a7e01", "status": "issued",
    "status_changed_at": "2026-09-01T09:00:00Z", "created_at": "2026-09-01T08:40:00Z",
    "issued_at": "2026-09-01T09:00:00Z", "return_deadline": "2027-06-19",
}


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wire_dates, "wire_now", lambda: NOW)


def _app(**changes: object) -> dict:
    app = copy.deepcopy(PAGE["changes"][2]["data"])
    app.update(changes)
    return app


def _stamp(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


@pytest.mark.parametrize("field", ["status_changed_at", "submitted_at", "guardian_checked_at"])
def test_a_moment_that_happened_may_run_a_day_ahead_no_more(field: str) -> None:
    within = _stamp(NOW + timedelta(hours=23, minutes=59))
    assert parse(ApplicationWire, json.dumps(_app(**{field: within})), "application")
    beyond = _stamp(NOW + timedelta(days=1, minutes=1))
    with pytest.raises(PayloadError) as err:
        parse(ApplicationWire, json.dumps(_app(**{field: beyond})), "application")
    assert err.value.field == field
    assert "lies in the future" in str(err.value)


@pytest.mark.parametrize("field", ["status_changed_at", "created_at", "issued_at",
                                   "returned_at", "closed_at", "incident_reported_at"])
def test_a_handovers_year_9999_moment_is_refused(field: str) -> None:
    with pytest.raises(PayloadError) as err:
        parse(HandoverWire, json.dumps({**HANDOVER, field: "9999-12-31T23:59:59Z"}), "handover")
    assert err.value.field == field
    assert "9999-12-31" in str(err.value) and "lies in the future" in str(err.value)


def test_the_day_of_an_incident_is_a_day_that_happened() -> None:
    assert parse(HandoverWire, json.dumps({**HANDOVER, "incident_occurred_on": "2026-09-03"}),
                 "handover").incident_occurred_on == date(2026, 9, 3)
    with pytest.raises(PayloadError) as err:
        parse(HandoverWire, json.dumps({**HANDOVER, "incident_occurred_on": "2026-09-04"}),
              "handover")
    assert err.value.field == "incident_occurred_on"


@pytest.mark.parametrize(("model", "body", "field"), [
    (HandoverWire, HANDOVER, "return_deadline"),
    (ApplicationWire, PAGE["changes"][2]["data"], "revisit_on"),
    (InstitutionWire, PAGE["changes"][0]["data"], "default_return_deadline"),
    (SchoolSettingsPatch, {}, "default_return_deadline"),
])
def test_a_deadline_may_be_ahead_but_within_ten_years(model: type, body: dict,
                                                      field: str) -> None:
    for fine in ("2024-06-19", "2036-09-01"):  # overdue is a fact, not an error
        assert getattr(parse(model, json.dumps({**body, field: fine}), "x"), field) == (
            date.fromisoformat(fine))
    for bad, says in (("2036-09-04", "too far ahead"), ("9999-12-31", "too far ahead"),
                      ("0001-01-01", "before 2000-01-01")):
        with pytest.raises(PayloadError) as err:
            parse(model, json.dumps({**body, field: bad}), "x")
        assert err.value.field == field
        assert says in str(err.value)


def test_a_pickup_window_is_arranged_ahead_within_bounds() -> None:
    window = {"pickup_from": "2027-01-10T08:00:00Z", "pickup_to": "2027-01-10T15:00:00Z"}
    assert parse(HandoverWire, json.dumps({**HANDOVER, **window}), "handover").pickup_to
    with pytest.raises(PayloadError) as err:
        parse(HandoverWire, json.dumps({**HANDOVER, "pickup_to": "9999-01-01T00:00:00Z"}),
              "handover")
    assert err.value.field == "pickup_to"


def test_year_one_is_refused_before_it_reaches_a_time_zone() -> None:
    """0001-01-01T00:00Z moved into a zone west of Greenwich is out of range (OverflowError)."""
    with pytest.raises(PayloadError) as err:
        parse(ApplicationWire, json.dumps(_app(status_changed_at="0001-01-01T00:00:00Z")),
              "application")
    assert err.value.field == "status_changed_at"


def test_a_tombstone_and_a_notification_are_things_that_happened() -> None:
    page = copy.deepcopy(PAGE)
    page["changes"].append({"entity": "tombstone", "of": "application", "id": "7",
                            "deleted_at": "9999-12-31T00:00:00Z"})
    with pytest.raises(PayloadError) as err:
        parse_changes_page(json.dumps(page))
    assert err.value.field == "changes.3.tombstone.deleted_at"
    notified = _app(notifications=[{"kind": "refused", "at": "9999-12-31T00:00:00Z"}])
    with pytest.raises(PayloadError) as err:
        parse(ApplicationWire, json.dumps(notified), "application")
    assert err.value.field == "notifications.0.at"


def test_a_page_with_a_year_9999_status_date_is_refused_whole(tmp_path) -> None:
    """The case that "stays forever": the client names the field and applies nothing."""
    page = copy.deepcopy(PAGE)
    page["changes"][2]["data"] = _app(status="declined", status_changed_at="9999-12-31T00:00:00Z",
                                      decision_reason="Nav pietiekami daudz ierīču.")
    store = open_store(tmp_path)
    before = snapshot(store)
    with pytest.raises(BadResponseError) as err:
        SyncEngine(store, client_answering(json.dumps(page).encode()), "4313900123").pull()
    assert "changes.2.application.data.status_changed_at" in str(err.value)
    assert "lies in the future" in str(err.value)
    assert snapshot(store) == before
    store.close()


@pytest.mark.parametrize(("command", "payload"), [
    ("defer", {"reason": "Gaidām piegādi", "revisit_on": "9999-12-31"}),
    ("defer", {"reason": "Gaidām piegādi", "revisit_on": "1999-12-31"}),
    ("grant", {"item_id": "5b0c3c3e-2f6f-4a53-9d57-0c2b8f1a7e01",
               "handover_id": "5b0c3c3e-2f6f-4a53-9d57-0c2b8f1a7e02",
               "return_deadline": "9999-06-19"}),
    ("set_return_deadline", {"handover_id": "5b0c3c3e-2f6f-4a53-9d57-0c2b8f1a7e01",
                             "return_deadline": "2040-06-19"}),
    ("record_incident", {"handover_id": "5b0c3c3e-2f6f-4a53-9d57-0c2b8f1a7e01",
                         "kind": "lost", "description": "Pazaudēts", "occurred_on": "2026-09-09"}),
])
def test_command_payload_dates_are_as_strict_as_the_wires(command: str, payload: dict) -> None:
    """A deadline or revisit day ten years off, a day before 2000, an incident next week: the
    command is refused where it is written (the desktop) and where it arrives (the server),
    by the same payload model, so a year-9999 revisit day never keeps a case forever."""
    from pydantic import ValidationError

    from desktop.models.commands import REGISTRY

    model = REGISTRY[command].payload
    with pytest.raises(ValidationError):
        model.model_validate(payload)


def test_command_payload_dates_within_the_bounds_pass() -> None:
    from desktop.models.commands import REGISTRY

    assert REGISTRY["defer"].payload.model_validate(
        {"reason": "Gaidām piegādi", "revisit_on": "2027-01-15"}).revisit_on == date(2027, 1, 15)
