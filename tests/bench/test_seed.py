"""The benchmark data set: complete, consistent with the domain's rules, and deterministic."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import select, text

from bench import seed as seed_module
from bench.seed import NOW, StoreNotEmptyError, seed
from desktop.models.codes import (
    ApplicantRole,
    ApplicationStatus,
    GuardianCheck,
    HandoverStatus,
    ItemStatus,
    SocialStatus,
)
from desktop.models.schema import (
    Application,
    Handover,
    Item,
    StatusHistory,
    search_key_for,
)
from desktop.models.store import DB_FILENAME, connect, open_store
from desktop.models.store_key import KEYINFO_FILENAME, open_for_command
from sync.devserver.sample_data import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, SURNAMES

N = 2000
SCHOOL = "4313900123"
ACTIVE = ("preparing", "prepared", "issued")
NOW_TEXT = NOW.strftime("%Y-%m-%d %H:%M:%S.%f")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("seeded")
    counts = seed(folder, N)
    return folder, counts


@pytest.fixture
def db(seeded: tuple[Path, dict[str, int]]) -> Iterator[sqlcipher.Connection]:
    # The store's own driver (SQLCipher's SQLite), never the stdlib one beside it: the two
    # libraries do not see each other's locks on one file.
    conn = connect(seeded[0] / DB_FILENAME, None, read_only=True)
    yield conn
    conn.close()


def _column(db: sqlcipher.Connection, sql: str) -> list:
    return [row[0] for row in db.execute(sql)]


def test_counts_are_reported_and_sized(seeded, db) -> None:
    _, counts = seeded
    assert counts["applications"] == N
    for table, n in counts.items():
        assert db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == n
    school_items = db.execute(
        "SELECT COUNT(*) FROM items WHERE institution_id = ?", (SCHOOL,)
    ).fetchone()[0]
    assert school_items == N // 4
    assert counts["institutions"] == 2
    assert counts["outbox"] == 0
    assert counts["audit_log"] == 0
    assert db.execute("SELECT institution_id, cursor FROM sync_state").fetchall() == [
        (SCHOOL, None)
    ]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert _column(db, "SELECT code FROM resource_kinds ORDER BY code") == [
        "chromebook_laptop", "tablet", "windows_laptop",
    ]
    offered = dict(db.execute(
        "SELECT kind_code, target_group FROM offered_kinds WHERE institution_id = ?", (SCHOOL,)
    ).fetchall())
    assert offered == {
        "windows_laptop": "all",
        "chromebook_laptop": "socially_disadvantaged_learner",
        "tablet": "employee",
    }
    roles = set(_column(db, "SELECT role FROM staff_memberships"))
    assert roles == {"admin", "reviewer", "desk"}


def test_every_application_status_in_sensible_proportions(db) -> None:
    counts = Counter(_column(db, "SELECT status FROM applications"))
    share = {status: n / N for status, n in counts.items()}
    assert set(counts) == {s.value for s in ApplicationStatus} - {"deleted"}
    assert 0.20 < share["submitted"] < 0.30
    assert 0.05 < share["postponed"] < 0.11
    assert 0.38 < share["confirmed"] < 0.52
    assert 0.07 < share["declined"] < 0.17
    assert 0.06 < share["withdrawn"] < 0.14


def test_application_fields_follow_their_status(db) -> None:
    rows = db.execute(
        "SELECT status, decision_reason, revisit_on, withdrawal_reason, submitted_at, "
        "status_changed_at FROM applications"
    ).fetchall()
    revisits = 0
    for status, reason, revisit, withdrawal, submitted, changed in rows:
        assert "2024-09-01" <= submitted <= "2026-11-20 23:59:59.999999"
        assert submitted <= changed < NOW_TEXT
        if status in ("declined", "postponed"):
            assert reason
        if status == "withdrawn":
            assert withdrawal in {"bought_himself", "need_disappeared",
                                  "educational_institution_change"}
        else:
            assert withdrawal is None
        if status == "submitted":
            assert changed == submitted
        revisits += revisit is not None
        assert revisit is None or status == "postponed"
    assert revisits > 0


def test_roles_names_and_guardian_checks(db) -> None:
    rows = db.execute(
        "SELECT submitter_role, submitter_name, learner_name, submitter_personal_code, "
        "learner_personal_code, learner_class, guardian_check, guardian_checked_at, phone, email "
        "FROM applications"
    ).fetchall()
    roles = Counter(r[0] for r in rows)
    assert 0.75 < roles["parent_guardian"] / N < 0.85
    assert 0.08 < roles["learner"] / N < 0.16
    assert 0.05 < roles["employee"] / N < 0.11
    first_names = set(MALE_FIRST_NAMES) | set(FEMALE_FIRST_NAMES)
    surnames = {s for pair in SURNAMES for s in pair}
    for role, submitter, learner, s_code, l_code, klass, check, checked_at, phone, email in rows:
        for name in (submitter, learner):
            first, last = name.split(" ", 1)
            assert first in first_names and last in surnames
        if role == ApplicantRole.PARENT_GUARDIAN:
            assert check in (GuardianCheck.VERIFIED, GuardianCheck.NOT_VERIFIED)
            assert checked_at is not None
            assert s_code != l_code
        else:
            assert check == GuardianCheck.NOT_APPLICABLE and checked_at is None
            assert (submitter, s_code) == (learner, l_code)
        if role == ApplicantRole.EMPLOYEE:
            assert klass is None
        else:
            grade, letter = klass.split(".")
            assert 1 <= int(grade) <= 12 and letter in "abc"
        assert phone.startswith("+3712") and len(phone) == 12
        assert email is None or email.isascii()
    # Latvian letters are there, and surnames agree with the gender of the first name.
    diacritic = sum(not (r[1] + r[2]).isascii() for r in rows)
    assert diacritic > 0.6 * N
    feminine = {f for _, f in SURNAMES}
    masculine_only = {m for m, f in SURNAMES if m != f}
    for row in rows:
        learner = row[2]
        first, last = learner.split(" ", 1)
        if first in FEMALE_FIRST_NAMES and first not in MALE_FIRST_NAMES:
            assert last in feminine, learner
        elif last in masculine_only:
            assert first in MALE_FIRST_NAMES, learner
    assert any("Bērziņ" in r[2] or "Kalniņ" in r[2] for r in rows)


def test_all_personal_codes_validate(db) -> None:
    from desktop.models.validation import birth_date_of, validate_personal_code

    rows = db.execute(
        "SELECT submitter_role, submitter_personal_code, learner_personal_code, submitted_at "
        "FROM applications"
    ).fetchall()
    new_form = 0
    for role, s_code, l_code, submitted in rows:
        for code in (s_code, l_code):
            assert validate_personal_code(code) == code
            new_form += code.startswith("32")
        born = birth_date_of(l_code)
        if born is not None and role == ApplicantRole.PARENT_GUARDIAN:
            age = int(submitted[:4]) - born.year
            assert 4 <= age <= 20
        parent_born = birth_date_of(s_code)
        if parent_born is not None and role == ApplicantRole.PARENT_GUARDIAN:
            assert 1965 <= parent_born.year <= 1995
    assert new_form > 0


def test_search_key_is_the_schema_s(db) -> None:
    rows = db.execute(
        "SELECT number, learner_name, submitter_name, learner_class, search_key "
        "FROM applications"
    ).fetchall()
    for number, learner, submitter, klass, key in rows:
        assert key == search_key_for(number, learner, submitter, klass)
    assert "berzin" in " ".join(r[4] for r in rows)


def test_social_statuses(db) -> None:
    rows = db.execute(
        "SELECT s.status, s.viis_code, s.confirmed, s.confirmed_at, a.submitter_role "
        "FROM application_social_statuses s JOIN applications a ON a.id = s.application_id"
    ).fetchall()
    with_status = db.execute(
        "SELECT COUNT(DISTINCT application_id) FROM application_social_statuses"
    ).fetchone()[0]
    assert 0.18 < with_status / N < 0.32
    assert {r[0] for r in rows} == {s.value for s in SocialStatus}
    assert {r[2] for r in rows} == {0, 1}
    for status, viis, confirmed, confirmed_at, role in rows:
        assert viis == SocialStatus(status).viis_code
        assert (confirmed_at is not None) == bool(confirmed)
        assert role != ApplicantRole.EMPLOYEE
    # Chromebooks are only for socially supported learners.
    assert db.execute(
        "SELECT COUNT(*) FROM applications a WHERE a.kind_code = 'chromebook_laptop' AND "
        "a.status = 'confirmed' AND NOT EXISTS (SELECT 1 FROM application_social_statuses s "
        "WHERE s.application_id = a.id AND s.confirmed)"
    ).fetchone()[0] == 0


def test_every_item_status_present(db) -> None:
    counts = Counter(_column(
        db, f"SELECT status FROM items WHERE institution_id = '{SCHOOL}'"
    ))
    assert set(counts) == {s.value for s in ItemStatus}
    assert counts["in_use"] > counts["available"] > counts["lost"]
    total = sum(counts.values())
    supported = db.execute(
        "SELECT COUNT(*) FROM items WHERE institution_id = ? AND socially_supported", (SCHOOL,)
    ).fetchone()[0]
    assert 0.2 < supported / total < 0.4
    numbers = _column(db, "SELECT inventory_no FROM items")
    assert all(n.startswith(("RAVĢ-20", "LR6V-20")) for n in numbers)


def test_one_active_handover_per_application(db) -> None:
    assert db.execute(
        "SELECT application_id FROM handovers WHERE status IN ('preparing', 'prepared', "
        "'issued') GROUP BY application_id HAVING COUNT(*) > 1"
    ).fetchall() == []
    statuses = Counter(_column(db, "SELECT status FROM handovers"))
    assert set(statuses) == {s.value for s in HandoverStatus}
    # Handovers belong to granted applications, their acts are numbered after them.
    rows = db.execute(
        "SELECT a.status, a.number, h.act_number, h.status FROM handovers h "
        "JOIN applications a ON a.id = h.application_id"
    ).fetchall()
    for app_status, number, act, status in rows:
        assert app_status == "confirmed"
        assert act == f"{number}-A1" or (act is None and status in ("preparing", "cancelled"))


def test_items_and_handovers_agree(db) -> None:
    holders: dict[str, list[str]] = {}
    for item_id, status in db.execute("SELECT item_id, status FROM handovers"):
        assert item_id is not None
        holders.setdefault(item_id, []).append(status)
    items = dict(db.execute("SELECT id, status FROM items").fetchall())
    for item_id, status in items.items():
        active = [s for s in holders.get(item_id, []) if s in ACTIVE]
        if status == "in_use":
            assert active == ["issued"]
        elif status == "reserved":
            assert len(active) == 1 and active[0] in ("preparing", "prepared")
        else:
            assert active == []
        if status in ("lost", "stolen"):
            assert holders[item_id].count(status) == 1
        if status in ("new", "in_reserve"):
            assert item_id not in holders
    # Sensible share of granted applications still waiting for a device.
    waiting = db.execute(
        "SELECT COUNT(*) FROM applications a WHERE a.status = 'confirmed' AND NOT EXISTS "
        "(SELECT 1 FROM handovers h WHERE h.application_id = a.id)"
    ).fetchone()[0]
    assert waiting > 0


def test_handover_timelines(db) -> None:
    rows = db.execute(
        "SELECT h.item_id, h.status, a.status_changed_at, h.created_at, h.prepared_at, "
        "h.issued_at, h.returned_at, h.incident_reported_at, h.incident_acknowledged_at, "
        "h.status_changed_at, h.return_deadline, h.return_condition, h.cancel_reason "
        "FROM handovers h JOIN applications a ON a.id = h.application_id"
    ).fetchall()
    spans: dict[str, list[tuple[str, str]]] = {}
    overdue = 0
    for (item, status, granted, created, prepared, issued, returned, reported, acknowledged,
         changed, deadline, condition, cancel) in rows:
        steps = [granted, created, prepared, issued, returned, reported, acknowledged]
        present = [s for s in steps if s is not None]
        assert present == sorted(present), status
        assert max(present) < NOW_TEXT and changed < NOW_TEXT
        assert (issued is not None) == (status in ("issued", "returned", "lost", "stolen"))
        assert (returned is not None) == (status == "returned") == (condition is not None)
        assert (cancel is not None) == (status == "cancelled")
        assert (reported is not None) == (status in ("lost", "stolen"))
        if status == "prepared":
            assert prepared is not None
        if status == "issued" and deadline < NOW.date().isoformat():
            overdue += 1
        end = returned or changed if status not in ACTIVE and status not in ("lost", "stolen") \
            else "9999"
        spans.setdefault(item, []).append((created, end))
    assert overdue > 0
    for lendings in spans.values():
        lendings.sort()
        for (_, end), (start, _) in zip(lendings, lendings[1:], strict=False):
            assert end <= start  # one item is never lent twice at once


def test_status_history(db) -> None:
    submits = db.execute(
        "SELECT entity_id, application_id, from_status, actor, source FROM status_history "
        "WHERE entity_type = 'application' AND action = 'submit' AND to_status = 'submitted'"
    ).fetchall()
    assert len(submits) == N
    assert {(r[2], r[3], r[4]) for r in submits} == {(None, "e-pakalpojums", "central")}
    assert all(r[0] == str(r[1]) for r in submits)
    last = dict(db.execute(
        "SELECT application_id, to_status FROM status_history WHERE entity_type = "
        "'application' AND id IN (SELECT MAX(id) FROM status_history "
        "WHERE entity_type = 'application' GROUP BY application_id)"
    ).fetchall())
    current = dict(db.execute("SELECT id, status FROM applications").fetchall())
    assert last == current
    handover_last = dict(db.execute(
        "SELECT entity_id, to_status FROM status_history WHERE entity_type = 'handover' AND "
        "id IN (SELECT MAX(id) FROM status_history WHERE entity_type = 'handover' "
        "GROUP BY entity_id)"
    ).fetchall())
    assert handover_last == dict(db.execute("SELECT id, status FROM handovers").fetchall())
    times = _column(db, "SELECT at FROM status_history ORDER BY id")
    assert times == sorted(times)


def test_rows_read_back_through_the_orm(seeded) -> None:
    store = open_store(seeded[0])
    try:
        with store.read() as s:
            apps = s.scalars(select(Application).order_by(Application.id).limit(200)).all()
            assert all(a.submitted_at.tzinfo is UTC for a in apps)
            assert {type(a.status) for a in apps} == {ApplicationStatus}
            assert any(a.social_statuses for a in apps)
            postponed = s.scalars(
                select(Application).where(Application.revisit_on.is_not(None)).limit(1)
            ).one()
            assert isinstance(postponed.revisit_on, date)
            handover = s.scalars(
                select(Handover).where(Handover.status == HandoverStatus.ISSUED).limit(1)
            ).one()
            assert handover.issued_at is not None and handover.issued_at.tzinfo is UTC
            assert handover.issued_at < NOW
            assert isinstance(handover.return_deadline, date)
            assert handover.application.status is ApplicationStatus.CONFIRMED
            item = s.get(Item, handover.item_id)
            assert item is not None and item.status is ItemStatus.IN_USE
            assert isinstance(item.acquisition_value, Decimal) and item.acquisition_value > 0
            assert item.updated_at.tzinfo is UTC
            entry = s.scalars(select(StatusHistory).limit(1)).one()
            assert entry.at.tzinfo is UTC and entry.at >= datetime(2024, 9, 1, tzinfo=UTC)
    finally:
        store.close()


def test_same_seed_same_data(tmp_path: Path) -> None:
    def first_ten(folder: Path) -> list[tuple]:
        conn = connect(folder / DB_FILENAME, None, read_only=True)
        try:
            return conn.execute(
                "SELECT number, learner_name, submitter_name, learner_personal_code "
                "FROM applications ORDER BY id LIMIT 10"
            ).fetchall()
        finally:
            conn.close()

    a, b, c = (seed(tmp_path / name, 300, rng_seed=s) for name, s in
               (("a", 7), ("b", 7), ("c", 8)))
    assert a == b
    assert first_ten(tmp_path / "a") == first_ten(tmp_path / "b")
    assert first_ten(tmp_path / "a") != first_ten(tmp_path / "c")


def _applications(folder: Path, where: str = "") -> int:
    """How many applications the (plain) store in ``folder`` holds."""
    conn = connect(folder / DB_FILENAME, None, read_only=True)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM applications {where}").fetchone()[0]
    finally:
        conn.close()


def test_a_store_with_data_is_refused(seeded, headless_passphrase,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder, counts = seeded
    with pytest.raises(StoreNotEmptyError, match="already has data"):
        seed(folder, 10)
    for plain in ([], ["--plain"]):
        status = seed_module.main(["--applications", "10", "--data-dir", str(folder), *plain])
        err = capsys.readouterr().err
        assert status == 2
        assert err.count("\n") == 1 and "empty" in err
    assert _applications(folder) == N
    # the refused plain folder was not given a key (its next open would have sealed it)
    assert not (folder / KEYINFO_FILENAME).exists()


def test_command_line_plain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = seed_module.main([
        "--applications", "120", "--data-dir", str(tmp_path / "d"), "--seed", "3",
        "--institution", "4313900777", "--plain",
    ])
    out = capsys.readouterr().out
    assert status == 0
    assert "applications" in out and "120" in out and "seeded" in out and "unencrypted" in out
    assert _applications(tmp_path / "d", "WHERE institution_id = '4313900777'") == 120
    assert not (tmp_path / "d" / KEYINFO_FILENAME).exists()


def test_command_line_seeds_an_encrypted_folder(tmp_path: Path, headless_passphrase,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "d"
    status = seed_module.main([
        "--applications", "120", "--data-dir", str(folder), "--seed", "3",
        "--institution", "4313900777",
    ])
    out = capsys.readouterr().out
    assert status == 0
    assert "applications" in out and "120" in out and "seeded" in out and "encrypted" in out
    store = open_for_command(folder)  # RESURSI_PASSPHRASE opens it, as it would a command
    try:
        with store.read() as s:
            assert s.scalar(text(
                "SELECT COUNT(*) FROM applications WHERE institution_id = '4313900777'")) == 120
            learners = set(s.scalars(text("SELECT learner_name FROM applications")))
    finally:
        store.close()
    raw = (folder / DB_FILENAME).read_bytes()
    assert not raw.startswith(b"SQLite format 3\0")
    # no learner's name in plain bytes anywhere in the folder (store, its backups, leftovers)
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert any(p.name == KEYINFO_FILENAME for p in files)
    for path in files:
        content = path.read_bytes()
        assert not any(name.encode() in content for name in learners), path
    # seeding it again is refused, and the data stays
    status = seed_module.main(["--applications", "10", "--data-dir", str(folder)])
    err = capsys.readouterr().err
    assert status == 2 and "already has data" in err


def test_without_a_keyring_or_a_passphrase_nothing_is_seeded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("RESURSI_PASSPHRASE", raising=False)
    folder = tmp_path / "d"
    status = seed_module.main(["--applications", "50", "--data-dir", str(folder)])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1 and "RESURSI_PASSPHRASE" in err
    assert not (folder / DB_FILENAME).exists()


# --- how the rows are written (issue 17: seeding 100k applications fast) ---------------------


def _schema_objects(conn: sqlcipher.Connection) -> set[tuple[str, str, str]]:
    return set(conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
        "AND sql IS NOT NULL"
    ).fetchall())


def test_indexes_and_triggers_are_back_as_the_migrations_made_them(seeded,
                                                                   tmp_path: Path) -> None:
    """The load drops the secondary indexes and the full-text insert trigger; all come back."""
    open_store(tmp_path / "empty").close()
    empty = connect(tmp_path / "empty" / DB_FILENAME, None, read_only=True)
    full = connect(seeded[0] / DB_FILENAME, None, read_only=True)
    try:
        assert _schema_objects(full) == _schema_objects(empty)
        assert full.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        empty.close()
        full.close()


def test_references_and_full_text_index_are_whole(seeded) -> None:
    """Foreign keys are not looked up row by row while seeding, and a full-text index kept from
    a loaded table is rebuilt at the end: SQLite's own checks say both came out right."""
    conn = connect(seeded[0] / DB_FILENAME, None)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        fts = [name for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            if "content=" in sql]
        for name in fts:  # external content: checked against the table it indexes
            conn.execute(f"INSERT INTO {name} ({name}, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()


def test_a_failed_load_leaves_the_empty_store(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The rollback journal of a new file is kept in memory, not switched off: an error midway
    still rolls back to the empty store, its indexes in place, and seeding can run again."""
    from sync.devserver import sample_data

    written = sample_data._write

    def failing(conn, *args, **kwargs) -> None:
        written(conn, *args, **kwargs)
        raise RuntimeError("disk gone")

    folder = tmp_path / "d"
    monkeypatch.setattr(sample_data, "_write", failing)
    with pytest.raises(RuntimeError, match="disk gone"):
        seed(folder, 150)
    monkeypatch.setattr(sample_data, "_write", written)
    open_store(tmp_path / "empty").close()
    conn = connect(folder / DB_FILENAME, None, read_only=True)
    empty = connect(tmp_path / "empty" / DB_FILENAME, None, read_only=True)
    try:
        assert conn.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == 0
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert _schema_objects(conn) == _schema_objects(empty)
    finally:
        conn.close()
        empty.close()
    assert seed(folder, 150)["applications"] == 150


def test_an_existing_empty_store_is_seeded_as_the_app_writes(tmp_path: Path) -> None:
    """A store someone already made (empty) is not a new file: it keeps its WAL journal."""
    folder = tmp_path / "d"
    open_store(folder).close()
    counts = seed(folder, 150, rng_seed=4)
    assert counts["applications"] == 150
    assert _applications(folder, "WHERE learner_name LIKE '%ņ%'") > 0


def test_an_encrypted_seed_never_writes_a_plain_store(
        tmp_path: Path, headless_passphrase, monkeypatch: pytest.MonkeyPatch) -> None:
    """Children's names never reach the disk unencrypted: every connection to the store has
    the key, nothing is sealed afterwards, and no plain leftover is in the folder."""
    from desktop.models import sealing, store
    from sync.devserver import sample_data

    opened: list[tuple[str, bool]] = []

    def spying(real):
        def connect_spy(path: Path, key: bytes | None, **kwargs):
            opened.append((Path(path).name, key is not None))
            return real(path, key, **kwargs)
        return connect_spy

    def no_sealing(*args, **kwargs) -> None:
        raise AssertionError("a plain store was written and sealed")

    monkeypatch.setattr(store, "connect", spying(store.connect))
    monkeypatch.setattr(sample_data, "connect", spying(sample_data.connect))
    monkeypatch.setattr(sealing, "seal_plain_folder", no_sealing)
    folder = tmp_path / "d"
    assert seed_module.main(["--applications", "150", "--data-dir", str(folder)]) == 0
    assert opened and all(keyed for name, keyed in opened if name == DB_FILENAME), opened
    names = {p.name for p in folder.rglob("*")}
    assert not any(n.endswith((sealing.PLAIN_SUFFIX, sealing.SEALING_SUFFIX)) for n in names)
    assert sealing.MARKER_FILENAME not in names
    assert not (folder / DB_FILENAME).read_bytes().startswith(b"SQLite format 3\0")


def test_an_empty_encrypted_folder_can_be_seeded(tmp_path: Path, headless_passphrase) -> None:
    folder = tmp_path / "d"
    open_for_command(folder).close()  # made encrypted by the app, never used
    assert seed_module.main(["--applications", "120", "--data-dir", str(folder)]) == 0
    store = open_for_command(folder)
    try:
        with store.read() as s:
            assert s.scalar(text("SELECT COUNT(*) FROM applications")) == 120
    finally:
        store.close()


def test_the_command_prints_its_floor(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    status = seed_module.main(["--applications", "200", "--data-dir", str(tmp_path / "d"),
                               "--plain"])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    rows, floor = lines[-2], lines[-1]
    assert rows.startswith("rows:") and "rows/s" in rows and "200 applications" in rows
    assert floor.startswith("floor:") and "executemany" in floor and "x the floor" in floor
    total = int(rows.split()[1].replace(",", ""))
    assert f"{total:,} bare rows" in floor  # the floor writes as many rows as the seed did


def test_report_lines() -> None:
    counts = {"applications": 100_000, "status_history": 300_000}
    lines = seed_module.report(counts, 5.0, seed_module.Floor(400_000, 0.5))
    assert lines[0].startswith("rows:  400,000 in 5.00 s (80,000 rows/s; 100,000 applications")
    assert "in 0.50 s (800,000 rows/s); seeding took 10.0x the floor" in lines[1]
