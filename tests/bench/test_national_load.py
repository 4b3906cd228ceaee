"""The national load bench runs at a tiny size and prints its tables with no errors; the
devserver's many-schools seeding it relies on gives each school its own consistent copy."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from bench import national_load
from sync.devserver.__main__ import build_parser
from sync.devserver.db import Database
from sync.devserver.seeding import MAIN_INSTITUTION, school_ids, school_user, seed_schools
from sync.devserver.state import DevState
from sync.protocol import ChangesPage

SCHOOLS = 3
PER_SCHOOL = 12


@pytest.fixture(scope="module")
def country(tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[DevState, list[str]]]:
    db = Database(tmp_path_factory.mktemp("country") / "devserver.sqlite3")
    state = DevState(db)
    ids = seed_schools(state, SCHOOLS, PER_SCHOOL)
    yield state, ids
    db.close()


def test_school_ids_are_distinct_and_valid() -> None:
    ids = school_ids(1000)
    assert ids[0] == MAIN_INSTITUTION
    assert len(set(ids)) == 1000
    assert all(len(i) == 10 and i.isdigit() for i in ids)


def test_every_school_holds_its_own_copy(country: tuple[DevState, list[str]]) -> None:
    state, ids = country
    assert ids == school_ids(SCHOOLS)
    assert [i.id for i in state.institutions()] == sorted(ids)
    handovers: set[str] = set()
    acts: set[str] = set()
    numbers: set[str] = set()
    for iid in ids:
        apps = state.applications(iid)
        assert len(apps) == PER_SCHOOL
        items = {i.id for i in state.items(iid)}
        documents = {d.id for o in state.offered_kinds(iid) for d in o.documents}
        assert items and documents
        for app in apps:
            numbers.add(app.number)
            assert all(d.document_id in documents for d in app.documents_acknowledged)
            for h in app.handovers:
                assert h.item_id in items  # the school's own devices
                handovers.add(h.id)
                if h.act_number is not None:
                    assert h.act_number.startswith(app.number + "-A")
                    acts.add(h.act_number)
    count = sum(len(h) for h in (a.handovers for i in ids for a in state.applications(i)))
    assert len(handovers) == count
    assert len(numbers) == SCHOOLS * PER_SCHOOL
    assert len(acts) == len({h.act_number for i in ids for a in state.applications(i)
                             for h in a.handovers if h.act_number})


def test_a_copied_schools_feed_parses_and_its_reviewer_signs_in(
        country: tuple[DevState, list[str]]) -> None:
    state, ids = country
    page = ChangesPage.model_validate_json(state.changes_page(None, ids[2], None, 1000))
    assert sum(c.entity == "application" for c in page.changes) == PER_SCHOOL
    assert all(json.dumps(c.model_dump(mode="json")).count(MAIN_INSTITUTION) == 0
               for c in page.changes if c.entity != "resource_kind")
    tokens = state.password_grant(school_user(ids[2]), "demo")
    assert [m.institution_id for m in tokens.memberships] == [ids[2]]
    assert tokens.memberships[0].institution_name.startswith("2. skola (Rīgas Āgenskalna")


def test_the_devserver_takes_a_number_of_schools() -> None:
    args = build_parser().parse_args(["--schools", "600", "--seed", "20"])
    assert (args.schools, args.seed) == (600, 20)


def test_the_bench_runs_at_a_tiny_size(capsys: pytest.CaptureFixture[str]) -> None:
    code = national_load.main([
        "--schools", "3", "--per-school", "12", "--large-per-school", "120",
        "--duration", "2", "--period", "0.5", "--desks", "2", "--capacity-clients", "2",
        "--capacity-seconds", "0.3", "--holds", "10", "--cost-schools", "2",
        "--cost-syncs", "2", "--cost-rounds", "1", "--connections", "8"])
    out = capsys.readouterr().out
    assert code == 0, out
    for row in ("batch (decisions)", "sync, no change", "push channel wait",
                "server CPU per sync", "bytes per no-change sync",
                "held push connections", "memory per held push connection",
                "floor: GET /health", "ratio sync / floor",
                "server CPU per no-change sync", "k = 10", "k = 100"):
        assert row in out, row
    errors = next(line for line in out.splitlines() if line.startswith("errors (all phases)"))
    assert errors.split()[-1] == "0"
    assert "first errors" not in out
