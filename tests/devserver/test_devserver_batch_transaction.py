"""Issue 17: a batch is one database transaction, each command judged on its own in it; the
service says how many commands a batch may hold and refuses a larger one with a 413."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from devserver_support import SCHOOL, World, assert_problem

from sync.devserver import DevServer
from sync.devserver.db import Database
from sync.devserver.state import MAX_BATCH, MAX_BATCH_HEADER, DevState
from sync.protocol import BatchRequest, BatchResponse, parse


def _batch(http: httpx.Client, headers: dict[str, str],
           commands: list[dict[str, Any]]) -> httpx.Response:
    return http.post(f"/v1/institutions/{SCHOOL}/commands:batch",
                     headers={**headers, "Content-Type": "application/json"},
                     content=json.dumps({"commands": commands}))


def _command(app_id: int, name: str, base_version: int, payload: dict[str, Any],
             command_id: str | None = None) -> dict[str, Any]:
    return {"application_id": app_id, "command": {
        "command_id": command_id or str(uuid.uuid4()), "command": name,
        "base_version": base_version, "payload": payload}}


def _idempotency_rows(server: DevServer, keys: list[str]) -> int:
    with server.state.db.reading() as conn:
        return int(conn.execute(
            f"SELECT count(*) FROM idempotency WHERE key IN ({', '.join('?' * len(keys))})",
            keys).fetchone()[0])


def test_a_mixed_batch_commits_once_with_an_answer_for_each_command(http, auth, world: World,
                                                                    server: DevServer):
    first, second, third = world.application(), world.application(), world.application()
    commits: list[set[str]] = []
    server.state.db.add_listener(lambda schools: commits.append(set(schools)))
    commands = [
        _command(first.id, "refuse", first.version, {"reason": "Ierīču nav pietiekami"}),
        _command(second.id, "grant", second.version + 3, {}),  # stale: 412
        _command(third.id, "defer", third.version, {"reason": "Gaidām piegādi"}),
        _command(second.id, "refuse", second.version, {}),  # no reason: 422
    ]
    response = _batch(http, auth["admin"], commands)
    assert response.status_code == 200, response.text
    assert response.headers[MAX_BATCH_HEADER] == str(MAX_BATCH)
    results = parse(BatchResponse, response.content, "batch").results
    assert [r.status for r in results] == [200, 412, 200, 422]
    assert [r.command_id for r in results] == [c["command"]["command_id"] for c in commands]
    assert results[0].accepted.application.decision_reason == "Ierīču nav pietiekami"
    assert results[1].problem.current.id == second.id
    # one commit, one wake-up of the push channel for the whole batch
    assert commits == [{SCHOOL}]
    assert server.application(first.id).version == first.version + 1
    assert server.application(second.id) == second  # the refused ones left nothing behind
    assert server.application(third.id).status == "postponed"
    keys = [c["command"]["command_id"] for c in commands]
    assert _idempotency_rows(server, keys) == 2  # the accepted ones are kept for replays


def test_a_crash_midway_leaves_nothing_of_the_batch(http, auth, world: World,
                                                    server: DevServer, monkeypatch):
    apps = [world.application() for _ in range(3)]
    commands = [_command(a.id, "defer", a.version, {"reason": "Gaidām piegādi"}) for a in apps]
    real_apply = DevState._apply
    calls = {"n": 0}

    def crash_on_the_third(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("the disk went away")
        return real_apply(self, *args, **kwargs)

    monkeypatch.setattr(DevState, "_apply", crash_on_the_third)
    commits: list[set[str]] = []
    server.state.db.add_listener(lambda schools: commits.append(set(schools)))
    assert_problem(_batch(http, auth["admin"], commands), 500)
    assert calls["n"] == 3
    assert [server.application(a.id) for a in apps] == apps  # the first two undone too
    keys = [c["command"]["command_id"] for c in commands]
    assert _idempotency_rows(server, keys) == 0
    assert commits == []  # nobody was told of a change that did not happen

    monkeypatch.setattr(DevState, "_apply", real_apply)
    again = _batch(http, auth["admin"], commands)  # the client's retry, same keys
    assert [r.status for r in parse(BatchResponse, again.content, "batch").results] == [200] * 3
    assert [server.application(a.id).version for a in apps] == [a.version + 1 for a in apps]


def test_a_batch_over_the_maximum_is_refused_whole_with_413(http, auth, world: World,
                                                           server: DevServer, monkeypatch):
    apps = [world.application() for _ in range(3)]
    monkeypatch.setattr(server.state, "max_batch", 2)
    commands = [_command(a.id, "defer", a.version, {"reason": "Gaidām piegādi"}) for a in apps]
    response = _batch(http, auth["admin"], commands)
    body = assert_problem(response, 413)
    assert response.headers[MAX_BATCH_HEADER] == "2"
    assert body["max_batch"] == 2 and "at most 2 commands" in body["detail"]
    assert [server.application(a.id) for a in apps] == apps
    ok = _batch(http, auth["admin"], commands[:2])
    assert ok.status_code == 200 and ok.headers[MAX_BATCH_HEADER] == "2"


def test_the_wire_maximum_answers_413_not_422(http, auth, world: World):
    app = world.application()
    commands = [_command(app.id, "defer", app.version, {"reason": "Gaidām piegādi"})
                for _ in range(MAX_BATCH + 1)]
    body = assert_problem(_batch(http, auth["admin"], commands), 413)
    assert body["max_batch"] == MAX_BATCH


def test_the_maximum_is_the_wires_and_the_document_says_it():
    from sync import client
    from sync.devserver.app import create_app
    from sync.devserver.faults import Faults

    bound = BatchRequest.model_json_schema()["properties"]["commands"]["maxItems"]
    assert bound == MAX_BATCH == client.WIRE_MAX_BATCH
    assert client.MAX_BATCH_HEADER == MAX_BATCH_HEADER  # the client reads what we send
    document = create_app(None, Faults()).openapi()  # type: ignore[arg-type]
    route = document["paths"]["/v1/institutions/{institution_id}/commands:batch"]["post"]
    assert MAX_BATCH_HEADER in route["responses"]["200"]["headers"]
    assert MAX_BATCH_HEADER in route["responses"]["413"]["headers"]
    assert "application/problem+json" in route["responses"]["413"]["content"]
    schema = document["components"]["schemas"]["BatchRequest"]
    assert schema["properties"]["commands"]["maxItems"] == MAX_BATCH


def test_a_refused_savepoint_undoes_its_own_writes_only(tmp_path):
    db = Database(tmp_path / "service.sqlite3")
    try:
        with db.transaction() as conn:
            conn.execute("INSERT INTO meta VALUES ('pirmais', 'ā')")
            with pytest.raises(ValueError), db.savepoint():
                conn.execute("INSERT INTO meta VALUES ('otrais', 'č')")
                raise ValueError("atteikts")
            with db.savepoint():
                conn.execute("INSERT INTO meta VALUES ('trešais', 'ē')")
        assert (db.meta("pirmais"), db.meta("otrais"), db.meta("trešais")) == ("ā", None, "ē")
    finally:
        db.close()
