"""Fuzzed server payloads: each gets a clear error naming what is wrong; the store is
unchanged. The pages come through the real client over a requests transport adapter."""

from __future__ import annotations

import copy
import json
import shutil

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from requests.adapters import BaseAdapter

from desktop.models.schema import Base
from desktop.models.store import open_store
from sync.client import BadResponseError, CentralClient
from sync.credentials import MemoryCredentials, Tokens
from sync.engine import SyncEngine
from sync.protocol import PayloadError, parse_changes_page

SCHOOL = "4313900123"
APP = {
    "id": 7, "version": 3, "number": "P-2026-000007", "institution_id": SCHOOL,
    "kind_code": "windows_laptop", "status": "submitted",
    "status_changed_at": "2026-09-01T08:30:00Z", "submitted_at": "2026-09-01T08:30:00Z",
    "submitter": {"name": "Līga Bērziņa", "personal_code": "010180-10006",
                  "role": "parent_guardian"},
    "learner": {"name": "Jānis Bērziņš", "personal_code": "150312-20004", "class_name": "7.b"},
    "guardian_check": "verified", "contact": {"phone": "+37120000000", "email": "l@skola.lv"},
    "social_statuses": [{"status": "poor_family", "viis_code": "T", "confirmed": True}],
}
PAGE = {
    "changes": [
        {"entity": "institution", "data": {"id": SCHOOL, "version": 1,
                                           "name": "Rīgas Āgenskalna Valsts ģimnāzija"}},
        {"entity": "resource_kind", "data": {"code": "windows_laptop", "type_code": "computer",
                                             "label_lv": "Windows portatīvais dators",
                                             "label_en": "Windows laptop"}},
        {"entity": "application", "data": APP},
    ],
    "next_cursor": "c1",
    "has_more": False,
}


class CannedAdapter(BaseAdapter):
    """A transport that answers every request with one canned body."""

    def __init__(self, body: bytes, status: int = 200) -> None:
        super().__init__()
        self.body = body
        self.status = status

    def send(self, request, **kwargs):
        response = requests.Response()
        response.status_code = self.status
        response._content = self.body
        response.headers["Content-Type"] = "application/json"
        response.url = request.url
        response.request = request
        return response

    def close(self) -> None:
        pass


def client_answering(body: bytes) -> CentralClient:
    creds = MemoryCredentials()
    creds.save("https://central.example", "ilze", Tokens("a", "r"))
    client = CentralClient("https://central.example", username="ilze", credentials=creds)
    client.session.mount("https://", CannedAdapter(body))
    return client


def snapshot(store) -> dict[str, list]:
    with store.engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(t.select()).all()]
                for t in Base.metadata.sorted_tables}


def test_the_valid_page_is_applied(tmp_path) -> None:
    store = open_store(tmp_path)
    SyncEngine(store, client_answering(json.dumps(PAGE).encode()), SCHOOL).pull()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT learner_name FROM applications").scalar() == (
            "Jānis Bērziņš")
    store.close()


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda p: p["changes"][2]["data"].update(status="granted"), "changes.2.application.data.status"),
        (lambda p: p["changes"][2]["data"]["learner"].update(personal_code="15031220004x"),
         "changes.2.application.data.learner.personal_code"),
        (lambda p: p["changes"][2]["data"].pop("number"), "changes.2.application.data.number"),
        (lambda p: p["changes"][2]["data"].update(submitted_at="2026-09-01T08:30:00"),
         "changes.2.application.data.submitted_at"),
        (lambda p: p["changes"][0].update(entity="school"), "changes.0"),
        (lambda p: p.pop("next_cursor"), "next_cursor"),
        (lambda p: p["changes"][2]["data"].update(surprise=1), "changes.2.application.data.surprise"),
    ],
)
def test_a_bad_field_is_named_and_nothing_is_applied(tmp_path, mutate, field) -> None:
    page = copy.deepcopy(PAGE)
    mutate(page)
    with pytest.raises(PayloadError) as err:
        parse_changes_page(json.dumps(page))
    assert err.value.field == field
    assert field in str(err.value)

    store = open_store(tmp_path)
    before = snapshot(store)
    with pytest.raises(BadResponseError) as err2:
        SyncEngine(store, client_answering(json.dumps(page).encode()), SCHOOL).pull()
    assert field in str(err2.value)
    assert snapshot(store) == before
    store.close()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


def _paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, (*prefix, i))


ALL_PATHS = [p for p in _paths(PAGE) if p]


@pytest.fixture(scope="module")
def template_store(tmp_path_factory):
    """A migrated empty store, copied per example: migrating each time is the slow part."""
    folder = tmp_path_factory.mktemp("template")
    open_store(folder).close()
    return folder / "resursi.sqlite3"


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(ALL_PATHS), value=json_values)
def test_fuzzed_pages_fail_cleanly_or_apply_whole(tmp_path_factory, template_store, path,
                                                  value) -> None:
    page = copy.deepcopy(PAGE)
    target = page
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    body = json.dumps(page).encode()
    try:
        parse_changes_page(body)
        valid = True
    except PayloadError as exc:
        valid = False
        assert exc.field and str(exc)

    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copy(template_store, folder / "resursi.sqlite3")
    store = open_store(folder)
    before = snapshot(store)
    engine = SyncEngine(store, client_answering(body), SCHOOL)
    if valid:
        try:
            engine.pull()
        except BadResponseError:  # valid on the wire, but contradicts the store: clean refusal
            # (a canned server that says "more" forever: its first page stood, the repeat
            # of it is refused instead of asked for without end)
            if not page["has_more"]:
                assert snapshot(store) == before
    else:
        with pytest.raises(BadResponseError):
            engine.pull()
        assert snapshot(store) == before
    store.close()


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_garbage_bytes_are_refused(body: bytes) -> None:
    with pytest.raises(PayloadError):
        parse_changes_page(body)



@pytest.mark.parametrize("code", ["١٢٣٤٥٦-١٢٣٤٥", "０１０１１２-１２３４５", "010112-1234５"])
def test_personal_codes_and_ids_take_ascii_digits_only(code: str) -> None:
    """Issue 14 (low): ``\\d`` let Arabic-Indic and full-width digits through."""
    from pydantic import ValidationError

    from sync.protocol import Person, parse_etag

    with pytest.raises(ValidationError):
        Person(name="Jānis Bērziņš", personal_code=code)
    assert Person(name="Jānis Bērziņš", personal_code="010112-12345").personal_code
    assert parse_etag('"٣"') is None and parse_etag('"3"') == 3


@pytest.mark.parametrize("name", ["Jā\x00nis", "   ", "Līga\u202eakinitiN", "Anna\u200bOzola",
                                  "Ēriks\nKalniņš", " Jānis", "Jānis "])
def test_a_name_with_control_characters_or_only_spaces_is_refused(name: str) -> None:
    """Issue 14 (low): such names were stored."""
    from pydantic import ValidationError

    from sync.protocol import Person

    with pytest.raises(ValidationError):
        Person(name=name, personal_code="010112-12345")
    assert Person(name="Līga Šķēle-Ņikitina", personal_code="010112-12345").name


@pytest.mark.parametrize(("mutate", "says"), [
    (lambda p: p["changes"][2]["data"].update(institution_id="4313900999"), "of school"),
    (lambda p: p["changes"].append(copy.deepcopy(p["changes"][2])), "twice"),
    (lambda p: p["changes"].append({"entity": "tombstone", "of": "application", "id": "7",
                                    "deleted_at": "2026-09-02T08:00:00Z"}), "twice"),
])
def test_another_schools_record_or_a_repeated_one_refuses_the_page(tmp_path, mutate,
                                                                   says) -> None:
    """Issue 14 (low): another school's changes were applied (items) or skipped silently
    (applications); a page naming a record twice kept its first copy."""
    store = open_store(tmp_path)
    before = snapshot(store)
    page = copy.deepcopy(PAGE)
    mutate(page)
    with pytest.raises(BadResponseError) as refused:
        SyncEngine(store, client_answering(json.dumps(page).encode()), SCHOOL).pull()
    assert says in str(refused.value)
    assert snapshot(store) == before
    store.close()


def test_a_feed_that_never_moves_on_is_refused_not_followed_forever(tmp_path) -> None:
    """Issue 14 (low): a server answering "more" without moving its cursor hung the sync."""
    page = copy.deepcopy(PAGE)
    page["has_more"] = True
    store = open_store(tmp_path)
    with pytest.raises(BadResponseError) as refused:
        SyncEngine(store, client_answering(json.dumps(page).encode()), SCHOOL).pull()
    assert "did not move past the cursor" in str(refused.value)
    store.close()
