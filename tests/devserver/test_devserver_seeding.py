"""Seeding from bench.seed: the bulk conversion equals sync.mapping's; a big seed is served
whole (its speed is bench/sync_bench.py's); the CLI."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from bench.seed import seed
from desktop.models.schema import Application
from desktop.models.store import open_store
from sync.devserver import DevServer
from sync.devserver.seeding import applications_json, seed_count
from sync.mapping import application_to_wire

ROOT = Path(__file__).resolve().parents[2]


def test_bulk_conversion_equals_application_to_wire(tmp_path):
    seed(tmp_path / "store", 400, rng_seed=7)
    store = open_store(tmp_path / "store")
    try:
        with store.read() as session:
            apps = session.scalars(select(Application).order_by(Application.id).options(
                selectinload(Application.social_statuses))).all()
            expected = [(a.id, a.institution_id, application_to_wire(session, a).version,
                         application_to_wire(session, a).model_dump_json()) for a in apps]
        got = list(applications_json(store.path))
    finally:
        store.close()
    assert len(got) == 400
    assert got == expected
    assert any('"handovers":[{' in body for *_, body in got)
    assert any('"social_statuses":[{' in body for *_, body in got)
    assert any('"notes":"' in body for *_, body in got)


def test_bench_and_demo_seeds_keep_the_class_as_grade_and_parallel(tmp_path):
    """The register's two fields, in the bench's store and in what the service serves."""
    seed(tmp_path / "store", 300, rng_seed=3)
    store = open_store(tmp_path / "store")
    try:
        with store.read() as session:
            rows = session.execute(select(Application.learner_class, Application.class_grade,
                                          Application.class_parallel)).all()
    finally:
        store.close()
    learners = [r for r in rows if r.learner_class is not None]
    assert learners and all(1 <= r.class_grade <= 12 and r.class_parallel for r in learners)
    assert all(r.learner_class == f"{r.class_grade}.{r.class_parallel}" for r in learners)
    assert {r.class_grade for r in learners} >= {2, 10}
    with DevServer(seed="demo") as server:
        served = server.applications()
    graded = [a.learner for a in served if a.learner.class_grade is not None]
    assert len(graded) > 200 and all(a.class_parallel for a in graded)
    # and now and then a parent applies again for the same child and kind (checkDuplicate)
    seen: dict[tuple[str, str], int] = {}
    for a in served:
        key = (a.learner.personal_code, a.kind_code)
        seen[key] = seen.get(key, 0) + 1
    assert any(n > 1 for n in seen.values())


def test_seed_count():
    assert seed_count("demo") == 300
    assert seed_count(25) == 25
    assert seed_count("7") == 7
    with pytest.raises(ValueError):
        seed_count(-1)


def test_a_database_file_is_kept_and_not_seeded_twice(tmp_path):
    path = tmp_path / "dev.sqlite3"
    with DevServer(path, seed=10) as server:
        epoch = server.state.db.meta("epoch")
        server.expire_cursors()
        assert len(server.application_ids()) == 10
        changed = server.applicant_contact(1, phone="+37121111111", email=None)
    with DevServer(path, seed=10) as server:
        assert len(server.application_ids()) == 10
        assert server.application(1) == changed
        assert server.state.db.meta("epoch") == epoch
        assert int(server.state.db.meta("floor")) > 0


@pytest.mark.slow
def test_twenty_thousand_applications_seed_and_are_served_whole():
    """How fast is bench/sync_bench.py's to print; here, that all of them arrive, once each."""
    with DevServer(seed=20000) as server, httpx.Client(base_url=server.url, timeout=60) as http:
        token = http.post("/v1/oauth/token", data={"grant_type": "password",
                                                   "username": "admin", "password": "demo"})
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        cursor, app_ids = None, []
        while True:
            params = {"limit": 1000, **({"cursor": cursor} if cursor else {})}
            response = http.get("/v1/institutions/4313900123/changes", params=params,
                                headers=headers)
            assert response.status_code == 200, response.text
            page = response.json()
            app_ids += [c["data"]["id"] for c in page["changes"]
                        if c["entity"] == "application"]
            cursor = page["next_cursor"]
            if not page["has_more"]:
                break
        seeded = server.application_ids("4313900123")
    assert len(app_ids) == len(set(app_ids)) == 20000
    assert sorted(app_ids) == seeded


def test_the_command_line_runs_in_the_foreground():
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.devserver", "--port", "0", "--seed", "5"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        assert first.startswith("Resursi devserver listening on http://127.0.0.1:"), (
            first + proc.stderr.read() if proc.poll() is not None else first)
        url = first.rsplit(" ", 1)[1].strip()
        lines = [proc.stdout.readline() for _ in range(6)]
        assert any(line.strip().startswith("admin") for line in lines)
        assert httpx.get(f"{url}/health").status_code == 200
        assert httpx.post(f"{url}/_dev/faults").status_code == 404  # no --dev, no controls
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0
