"""The national load, simulated (issue 17): every school's workstations against one reference
server on loopback.

    python -m bench.national_load [--schools 600] [--per-school 20] [--workstations 3]
                                  [--desks 100] [--period 60] [--time-scale 1] [--duration 120]

The reference server (``python -m sync.devserver --schools N``) runs in a process of its own,
so its CPU seconds are read apart from the simulation's (``/proc/<pid>/stat``) and its memory
(``VmRSS``). The simulation is one asyncio loop with one ``httpx.AsyncClient``:

1. every workstation (``--workstations`` per school, each with its own workstation id) and
   every desk signs in once, then pulls its school's whole feed (the first sync);
2. for ``--duration`` seconds each workstation syncs every ``--period`` seconds (divided by
   ``--time-scale``), from a random start: in ``--change-share`` of its syncs it first pushes
   one decision (new notes on one of the applications it looks after, a version-checked
   command in a batch, as the outbox does), then pulls the feed from its cursor. Each desk
   holds the push channel (``…/changes/wait``) and pulls when it answers ``changed``;
3. capacity: a fixed number of clients do no-change syncs, then ``/health`` (the floor: what
   any request costs through the same client, server and loopback), as fast as they can;
4. held connections: ``--holds`` extra waits on the push channel, and what they add to the
   server's memory;
5. cost grows with changes, not data: two short runs on fresh servers, ``--per-school`` and
   ``--large-per-school`` applications a school, with the no-change sync's server CPU and bytes
   side by side, and a sync that pulls k = 0, 10, 100 changes.

Latencies are wall-clock on a machine that may be shared: the server CPU seconds are the
figures to scale from.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, Any

import httpx

from desktop.models.command_names import CommandName
from sync.devserver.seeding import SCHOOL_PASSWORD, school_ids, school_user
from sync.protocol import WORKSTATION_HEADER, WORKSTATION_NAME_HEADER

PAGE = 1000
HOLD = 25.0  # the push channel's hold the desktop asks for (sync.devserver.push.DEFAULT_HOLD)
_TICK = os.sysconf("SC_CLK_TCK")
SYNC_KINDS = ("sync, no change", "sync, pulled changes")


# ---- the server in its own process ------------------------------------------------------------
@dataclass
class Server:
    process: subprocess.Popen[str]
    url: str
    seed_seconds: float
    log: IO[str]

    def cpu(self) -> float:
        """The server process's CPU seconds so far (user + system)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK

    def rss(self) -> int:
        """Its resident memory in bytes."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return 0

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


@contextlib.contextmanager
def server_process(schools: int, per_school: int) -> Iterator[Server]:
    """``python -m sync.devserver`` on a free loopback port, filled with ``schools`` schools."""
    log = tempfile.TemporaryFile("w+", prefix="national-load-server-")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "sync.devserver", "--port", "0", "--schools", str(schools),
         "--seed", str(per_school)],
        stdout=subprocess.PIPE, stderr=log, text=True, encoding="utf-8")
    assert process.stdout is not None
    url, seeded = None, 0.0
    server: Server | None = None
    try:
        for line in process.stdout:
            if "listening on" in line:
                url = line.rsplit(" ", 1)[1].strip()
            elif line.startswith("seeded in"):
                seeded = float(line.split()[2])
            elif line.startswith("Ctrl+C"):
                break
        if url is None:
            log.seek(0)
            raise RuntimeError(f"the devserver did not start: {log.read()[-2000:]}")
        server = Server(process, url, seeded, log)
        yield server
    finally:
        if server is not None:
            server.stop()
        elif process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()


# ---- what the clients saw ----------------------------------------------------------------------
@dataclass
class Stats:
    latency: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    body: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    wire: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    messages: list[str] = field(default_factory=list)

    def add(self, kind: str, seconds: float, response: httpx.Response) -> None:
        self.latency[kind].append(seconds)
        self.body[kind].append(len(response.content))
        self.wire[kind].append(wire_bytes(response))

    def error(self, kind: str, what: object) -> None:
        self.errors[kind] += 1
        if len(self.messages) < 5:
            self.messages.append(f"{kind}: {what}")

    def count(self, *kinds: str) -> int:
        return sum(len(self.latency[k]) for k in kinds)


def wire_bytes(response: httpx.Response) -> int:
    """Bytes of the exchange in HTTP/1.1: request and response lines, headers and bodies
    (TCP/IP framing not counted)."""
    request = response.request
    line = len(f"{request.method} {request.url.raw_path.decode()} HTTP/1.1\r\n")
    sent = line + sum(len(k) + len(v) + 4 for k, v in request.headers.raw) + 2
    got = (len(f"HTTP/1.1 {response.status_code} {response.reason_phrase}\r\n")
           + sum(len(k) + len(v) + 4 for k, v in response.headers.raw) + 2)
    return sent + len(request.content) + got + len(response.content)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


# ---- a workstation -----------------------------------------------------------------------------
@dataclass
class Workstation:
    school: str
    index: int  # within the school: which applications it decides on
    headers: dict[str, str] = field(default_factory=dict)
    cursor: str | None = None
    versions: dict[int, int] = field(default_factory=dict)  # the school's applications
    writes: int = 0

    def __post_init__(self) -> None:
        self.headers = {WORKSTATION_HEADER: str(uuid.uuid4()),
                        WORKSTATION_NAME_HEADER: f"skola-{self.school}-dators-{self.index}"}

    def own(self, share: int) -> list[int]:
        """The applications this workstation decides on (each workstation of a school its own,
        so that their version checks never meet)."""
        return [a for n, a in enumerate(sorted(self.versions)) if n % share == self.index]


async def timed(stats: Stats, kind: str, call: Awaitable[httpx.Response],
                ok: tuple[int, ...] = (200,)) -> httpx.Response | None:
    started = time.perf_counter()
    try:
        response = await call
    except httpx.HTTPError as exc:
        stats.error(kind, repr(exc))
        return None
    if response.status_code not in ok:
        stats.error(kind, f"{response.status_code} {response.text[:200]}")
        return None
    stats.add(kind, time.perf_counter() - started, response)
    return response


async def sign_in(client: httpx.AsyncClient, stats: Stats, ws: Workstation) -> None:
    response = await timed(stats, "sign-in", client.post(
        "/v1/oauth/token", headers=ws.headers,
        data={"grant_type": "password", "username": school_user(ws.school),
              "password": SCHOOL_PASSWORD}))
    if response is not None:
        ws.headers["Authorization"] = f"Bearer {response.json()['access_token']}"


async def pull(client: httpx.AsyncClient, stats: Stats, ws: Workstation,
               kinds: tuple[str, str] = SYNC_KINDS) -> int:
    """Pull the feed from the workstation's cursor to its end; the changes pulled."""
    pulled = 0
    while True:
        params: dict[str, str | int] = {"limit": PAGE}
        if ws.cursor:
            params["cursor"] = ws.cursor
        started = time.perf_counter()
        try:
            response = await client.get(f"/v1/institutions/{ws.school}/changes",
                                        params=params, headers=ws.headers)
        except httpx.HTTPError as exc:
            stats.error(kinds[0], repr(exc))
            return pulled
        if response.status_code != 200:
            stats.error(kinds[0], f"{response.status_code} {response.text[:200]}")
            return pulled
        page = json.loads(response.content)
        stats.add(kinds[1] if page["changes"] else kinds[0], time.perf_counter() - started,
                  response)
        for change in page["changes"]:
            if change["entity"] == "application":
                ws.versions[change["data"]["id"]] = change["data"]["version"]
        pulled += len(page["changes"])
        ws.cursor = page["next_cursor"]
        if not page["has_more"]:
            return pulled


def notes_command(ws: Workstation, application_id: int) -> dict[str, Any]:
    ws.writes += 1
    return {"application_id": application_id, "command": {
        "command_id": str(uuid.uuid4()), "command": CommandName.SET_APPLICATION_NOTES.value,
        "base_version": ws.versions[application_id],
        "payload": {"notes": f"Pārbaudīts {ws.writes}. reizi — dators {ws.index}, ņemts vērā"}}}


async def push(client: httpx.AsyncClient, stats: Stats, ws: Workstation,
               applications: Sequence[int], kind: str = "batch (decisions)") -> None:
    """One batch of version-checked decisions, as the outbox sends them."""
    body = {"commands": [notes_command(ws, a) for a in applications]}
    response = await timed(stats, kind, client.post(
        f"/v1/institutions/{ws.school}/commands:batch", json=body, headers=ws.headers))
    if response is None:
        return
    for result in response.json()["results"]:
        if result["status"] != 200:
            stats.error(kind, f"command {result['status']}: {result['problem']}")
            continue
        app = result["accepted"]["application"]
        ws.versions[app["id"]] = app["version"]


# ---- the simulation ------------------------------------------------------------------------------
@dataclass
class Held:
    now: int = 0
    samples: list[int] = field(default_factory=list)


async def workstation_loop(client: httpx.AsyncClient, stats: Stats, ws: Workstation,
                           period: float, end: float, change_share: float, share: int,
                           rng: random.Random) -> None:
    loop = asyncio.get_running_loop()
    due = loop.time() + rng.uniform(0, period)
    own = ws.own(share)
    while True:
        await asyncio.sleep(max(0.0, min(due, end) - loop.time()))
        if loop.time() >= end:
            return
        if own and rng.random() < change_share:
            await push(client, stats, ws, [rng.choice(own)])
        await pull(client, stats, ws)
        due += period


async def desk_loop(client: httpx.AsyncClient, stats: Stats, ws: Workstation,
                    held: Held, hold: float) -> None:
    while True:
        params: dict[str, str | float] = {"cursor": ws.cursor or "", "timeout": hold}
        held.now += 1
        try:
            response = await timed(stats, "push channel wait", client.get(
                f"/v1/institutions/{ws.school}/changes/wait", params=params,
                headers=ws.headers, timeout=hold + 30))
        finally:
            held.now -= 1
        if response is None:
            await asyncio.sleep(1.0)
        elif response.json()["changed"]:
            await pull(client, stats, ws, ("desk pull, no change", "desk pull"))


async def sample_held(held: Held) -> None:
    while True:
        await asyncio.sleep(1.0)
        held.samples.append(held.now)


async def gather_limited(calls: Sequence[Callable[[], Awaitable[Any]]], limit: int) -> None:
    gate = asyncio.Semaphore(limit)

    async def one(call: Callable[[], Awaitable[Any]]) -> None:
        async with gate:
            await call()

    await asyncio.gather(*(one(c) for c in calls))


async def hammer(call: Callable[[], Awaitable[Any]], clients: int, seconds: float) -> None:
    end = asyncio.get_running_loop().time() + seconds

    async def worker() -> None:
        while asyncio.get_running_loop().time() < end:
            await call()

    await asyncio.gather(*(worker() for _ in range(clients)))


def make_client(url: str, connections: int) -> httpx.AsyncClient:
    # Idle connections are dropped before the server's 5 s keep-alive would cut them (a reuse
    # racing the server's close would show up as an error that no workstation would see).
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections,
                          keepalive_expiry=4.0)
    return httpx.AsyncClient(base_url=url, limits=limits, timeout=120.0)


@dataclass
class Phase:
    seconds: float
    cpu: float  # the server's CPU seconds
    stats: Stats
    client_cpu: float  # this process's: whether the clients, not the server, set the pace


async def measure(server: Server, run: Callable[[Stats], Awaitable[Any]]) -> Phase:
    stats = Stats()
    cpu, own, started = server.cpu(), time.process_time(), time.perf_counter()
    await run(stats)
    return Phase(time.perf_counter() - started, server.cpu() - cpu, stats,
                 time.process_time() - own)


@dataclass
class NationalRun:
    seed_seconds: float
    sign_in: Phase
    first_sync: Phase
    load: Phase
    held: Held
    capacity_sync: Phase
    capacity_health: Phase
    holds: int
    hold_rss: int
    rss: int


async def national(args: argparse.Namespace, server: Server) -> NationalRun:
    rng = random.Random(args.rng_seed)
    ids = school_ids(args.schools)
    stations = [Workstation(s, i) for s in ids for i in range(args.workstations)]
    desks = [Workstation(ids[n % len(ids)], args.workstations + n // len(ids))
             for n in range(args.desks)]
    everyone = stations + desks
    connections = len(desks) + args.connections
    async with make_client(server.url, connections) as client:
        sign_in_phase = await measure(server, lambda st: gather_limited(
            [partial(sign_in, client, st, ws) for ws in everyone], args.connections))
        first = await measure(server, lambda st: gather_limited(
            [partial(pull, client, st, ws, ("first sync", "first sync"))
             for ws in everyone], args.connections))

        held = Held()
        period = args.period / args.time_scale

        async def simulate(stats: Stats) -> None:
            end = asyncio.get_running_loop().time() + args.duration
            background = [asyncio.ensure_future(desk_loop(client, stats, d, held, HOLD))
                          for d in desks]
            background.append(asyncio.ensure_future(sample_held(held)))
            await asyncio.gather(*(workstation_loop(client, stats, ws, period, end,
                                                    args.change_share, args.workstations,
                                                    rng) for ws in stations))
            for task in background:
                task.cancel()
            await asyncio.gather(*background, return_exceptions=True)

        load = await measure(server, simulate)

        readers = stations[:args.capacity_clients] or stations

        async def syncs(stats: Stats) -> None:
            turn = iter(range(10**12))
            await hammer(lambda: pull(client, stats, readers[next(turn) % len(readers)]),
                         args.capacity_clients, args.capacity_seconds)

        async def health(stats: Stats) -> None:
            await hammer(lambda: timed(stats, "/health", client.get("/health")),
                         args.capacity_clients, args.capacity_seconds)

        capacity_sync = await measure(server, syncs)
        capacity_health = await measure(server, health)
        # the desks catch up, so that every wait below is held rather than answered at once
        catch_up = Stats()
        await gather_limited([partial(pull, client, catch_up, d) for d in desks],
                             args.connections)

    holds, hold_rss, rss = await hold_connections(server, desks or stations, args.holds)
    return NationalRun(server.seed_seconds, sign_in_phase, first, load, held, capacity_sync,
                       capacity_health, holds, hold_rss, rss)


async def hold_connections(server: Server, desks: Sequence[Workstation],
                           holds: int) -> tuple[int, int, int]:
    """(waits held, bytes the server's memory grew by with them held, its memory before)."""
    if holds < 1:
        return 0, 0, server.rss()
    before = server.rss()
    stats = Stats()
    async with make_client(server.url, holds + 8) as client:
        waits = [asyncio.ensure_future(client.get(
            f"/v1/institutions/{d.school}/changes/wait",
            params={"cursor": d.cursor or "", "timeout": 55}, headers=d.headers))
            for d in (desks[n % len(desks)] for n in range(holds))]
        # Wall-clock settling: the requests are all sent and parked on the server
        await asyncio.sleep(3.0 + holds / 500)
        grown = server.rss() - before
        held = sum(not wait.done() for wait in waits)
        for wait in waits:
            if wait.done() and wait.exception() is not None:
                stats.error("hold", wait.exception())
            wait.cancel()
        await asyncio.gather(*waits, return_exceptions=True)
    if stats.errors:
        raise RuntimeError(f"holding the push channel failed: {stats.messages}")
    return held, grown, before


# ---- cost grows with changes, not data -----------------------------------------------------------
@dataclass
class Cost:
    per_school: int
    rss: int
    no_change_cpu: float  # server CPU seconds per no-change sync
    no_change_body: float
    no_change_wire: float
    with_changes: dict[int, tuple[float, float, float]]  # k -> (CPU s, body, wire) per sync
    errors: int


async def cost_run(server: Server, args: argparse.Namespace, per_school: int) -> Cost:
    ids = school_ids(args.schools)[:args.cost_schools]
    readers = [Workstation(s, i) for s in ids for i in range(args.workstations)]
    writers = [Workstation(s, args.workstations) for s in ids]
    stats = Stats()
    async with make_client(server.url, args.connections) as client:
        await gather_limited([partial(sign_in, client, stats, ws)
                              for ws in readers + writers], args.connections)
        await gather_limited([partial(pull, client, stats, ws, ("first", "first"))
                              for ws in readers + writers], args.connections)

        async def no_change(st: Stats) -> None:
            await gather_limited([partial(pull, client, st, ws)
                                  for ws in readers for _ in range(args.cost_syncs)], 8)

        quiet = await measure(server, no_change)
        with_changes: dict[int, tuple[float, float, float]] = {}
        for k in (10, 100):
            if k > per_school:
                continue
            cpu, n, body, wire = 0.0, 0, [], []
            for _ in range(args.cost_rounds):
                # The writer of each school decides on k applications of its school (one
                # batch, not measured); then every reader of the school pulls the k changes.
                await gather_limited([partial(push, client, stats, w, sorted(w.versions)[:k])
                                      for w in writers], 8)
                pulled = await measure(server, lambda st: gather_limited(
                    [partial(pull, client, st, ws) for ws in readers], 8))
                got = pulled.stats.body[SYNC_KINDS[1]]
                if len(got) != len(readers) or pulled.stats.errors:
                    stats.error("changes", f"{len(got)} of {len(readers)} pulls saw changes")
                for kind, count in pulled.stats.errors.items():
                    stats.errors[kind] += count
                cpu += pulled.cpu
                n += pulled.stats.count(*SYNC_KINDS)
                body += got
                wire += pulled.stats.wire[SYNC_KINDS[1]]
            with_changes[k] = (cpu / max(n, 1), mean(body), mean(wire))
    n = quiet.stats.count(*SYNC_KINDS)
    errors = sum(stats.errors.values()) + sum(quiet.stats.errors.values())
    if stats.messages or quiet.stats.messages:
        print("errors:", stats.messages + quiet.stats.messages, file=sys.stderr)
    return Cost(per_school, server.rss(), quiet.cpu / max(n, 1),
                mean(quiet.stats.body[SYNC_KINDS[0]]), mean(quiet.stats.wire[SYNC_KINDS[0]]),
                with_changes, errors)


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def national_errors(run: NationalRun) -> int:
    return sum(sum(p.stats.errors.values()) for p in (
        run.sign_in, run.first_sync, run.load, run.capacity_sync, run.capacity_health))


# ---- the report --------------------------------------------------------------------------------
def table(rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:],
                                                                         strict=True)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def report(args: argparse.Namespace, run: NationalRun, costs: Sequence[Cost]) -> str:
    load, st = run.load, run.load.stats
    workstations = args.schools * args.workstations
    out = [
        f"national load: {args.schools} schools × {args.workstations} workstations = "
        f"{workstations} syncing every {args.period / args.time_scale:g} s "
        f"(period {args.period:g} s, time scale {args.time_scale:g}), {args.desks} desks on "
        f"the push channel, {args.per_school} applications a school, "
        f"{args.change_share:.0%} of syncs push a decision; {args.duration:g} s",
        f"server: one process (uvicorn, SQLite), seeded in {run.seed_seconds:.1f} s; "
        f"machine: {os.cpu_count()} cores, shared with other work",
        "",
    ]
    kinds = ["batch (decisions)", *SYNC_KINDS, "push channel wait", "desk pull"]
    rows = [["request kind", "count", "req/s", "p50", "p99", "body B", "wire B", "errors"]]
    for kind in kinds:
        lat = st.latency[kind]
        rows.append([kind, str(len(lat)), f"{len(lat) / load.seconds:.1f}",
                     ms(percentile(lat, 0.5)), ms(percentile(lat, 0.99)),
                     f"{mean(st.body[kind]):.0f}", f"{mean(st.wire[kind]):.0f}",
                     str(st.errors[kind])])
    total = sum(len(v) for v in st.latency.values())
    rows.append(["all", str(total), f"{total / load.seconds:.1f}", "", "", "", "",
                 str(sum(st.errors.values()))])
    out += [table(rows), ""]
    syncs = st.count(*SYNC_KINDS) + st.count("desk pull")
    workstation_syncs = len([x for k in SYNC_KINDS for x in st.latency[k]])
    held = run.held.samples or [0]
    errors = national_errors(run)
    no_change = st.wire[SYNC_KINDS[0]]
    figures = [
        ["figure", "value"],
        ["syncs (workstation pulls + desk pulls)", f"{syncs}"],
        ["syncs per second", f"{syncs / load.seconds:.1f}"],
        ["server CPU during the load", f"{load.cpu:.2f} s of {load.seconds:.0f} s "
                                       f"({load.cpu / load.seconds:.1%} of one core)"],
        ["server CPU per sync (all server CPU / syncs)", ms(load.cpu / max(syncs, 1))],
        ["server CPU per request (all kinds)", ms(load.cpu / max(total, 1))],
        ["client (this process) CPU during the load",
         f"{load.client_cpu:.2f} s ({load.client_cpu / load.seconds:.1%} of one core)"],
        ["bytes per no-change sync (body / HTTP wire)",
         f"{mean(st.body[SYNC_KINDS[0]]):.0f} / {mean(no_change):.0f}"],
        ["no-change share of workstation syncs",
         f"{len(no_change) / max(workstation_syncs, 1):.0%}"],
        ["held push connections (mean / max)",
         f"{mean(held):.0f} / {max(held)}"],
        ["sign-in: server CPU each (scrypt)",
         ms(run.sign_in.cpu / max(run.sign_in.stats.count('sign-in'), 1))],
        ["first sync: server CPU each, body",
         f"{ms(run.first_sync.cpu / max(run.first_sync.stats.count('first sync'), 1))}, "
         f"{mean(run.first_sync.stats.body['first sync']) / 1024:.0f} KiB"],
        ["server memory (RSS) after the load", f"{run.rss / 2**20:.0f} MiB"],
        [f"memory per held push connection ({run.holds} held)",
         f"{run.hold_rss / max(run.holds, 1) / 1024:.1f} KiB"],
        ["errors (all phases)", str(errors)],
    ]
    out += [table(figures), ""]
    if load.client_cpu / load.seconds > 0.5:
        out += ["note: the simulation used over half a core: on this machine the clients, not "
                "the server, may have set the pace (and the latencies)", ""]
    cap_sync = run.capacity_sync.stats.count(*SYNC_KINDS) / run.capacity_sync.seconds
    cap_health = run.capacity_health.stats.count("/health") / run.capacity_health.seconds
    out += [table([
        [f"capacity ({args.capacity_clients} clients, {args.capacity_seconds:g} s each)",
         "req/s", "server CPU each", "server cores", "client cores", "p50", "p99"],
        ["no-change syncs, back to back", f"{cap_sync:.0f}",
         ms(run.capacity_sync.cpu / max(run.capacity_sync.stats.count(*SYNC_KINDS), 1)),
         f"{run.capacity_sync.cpu / run.capacity_sync.seconds:.2f}",
         f"{run.capacity_sync.client_cpu / run.capacity_sync.seconds:.2f}",
         ms(percentile(run.capacity_sync.stats.latency[SYNC_KINDS[0]], 0.5)),
         ms(percentile(run.capacity_sync.stats.latency[SYNC_KINDS[0]], 0.99))],
        ["floor: GET /health, same client and server", f"{cap_health:.0f}",
         ms(run.capacity_health.cpu / max(run.capacity_health.stats.count("/health"), 1)),
         f"{run.capacity_health.cpu / run.capacity_health.seconds:.2f}",
         f"{run.capacity_health.client_cpu / run.capacity_health.seconds:.2f}",
         ms(percentile(run.capacity_health.stats.latency["/health"], 0.5)),
         ms(percentile(run.capacity_health.stats.latency["/health"], 0.99))],
        ["ratio sync / floor (time per request)",
         f"{cap_health / max(cap_sync, 1e-9):.2f}×", "", "", "", "", ""],
    ]), ""]
    if costs:
        head = ["cost grows with changes, not data"] + [
            f"{c.per_school}/school ({args.schools * c.per_school} apps)" for c in costs]
        rows = [head,
                ["server CPU per no-change sync"] + [ms(c.no_change_cpu) for c in costs],
                ["body bytes per no-change sync"] + [f"{c.no_change_body:.0f}" for c in costs],
                ["wire bytes per no-change sync"] + [f"{c.no_change_wire:.0f}" for c in costs],
                ["server memory (RSS)"] + [f"{c.rss / 2**20:.0f} MiB" for c in costs],
                ["errors"] + [str(c.errors) for c in costs]]
        if len(costs) == 2:
            a, b = costs
            head.append("ratio")
            rows[1].append(f"{b.no_change_cpu / max(a.no_change_cpu, 1e-9):.2f}×")
            rows[2].append(f"{b.no_change_body / max(a.no_change_body, 1e-9):.2f}×")
            rows[3].append(f"{b.no_change_wire / max(a.no_change_wire, 1e-9):.2f}×")
            rows[4].append("")
            rows[5].append("")
        out += [table(rows), ""]
        big = costs[-1]
        rows = [[f"a sync pulling k changes ({big.per_school}/school)", "server CPU",
                 "body B", "wire B", "× no-change CPU"]]
        rows.append(["k = 0", ms(big.no_change_cpu), f"{big.no_change_body:.0f}",
                     f"{big.no_change_wire:.0f}", "1.00×"])
        for k in (10, 100):
            if k in big.with_changes:
                cpu, body, wire = big.with_changes[k]
                rows.append([f"k = {k}", ms(cpu), f"{body:.0f}", f"{wire:.0f}",
                             f"{cpu / max(big.no_change_cpu, 1e-9):.2f}×"])
            else:
                rows.append([f"k = {k}", f"(needs {k} applications a school)", "", "", ""])
        out.append(table(rows))
    if st.messages:
        out += ["", "first errors:", *st.messages]
    return "\n".join(out)


# ---- command line ------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.national_load",
                                description="Simulate every school's workstations against "
                                            "the reference server (issue 17).")
    p.add_argument("--schools", type=int, default=600)
    p.add_argument("--per-school", type=int, default=20, help="applications a school")
    p.add_argument("--large-per-school", type=int, default=200,
                   help="applications a school in the second data size (0: skip both cost runs)")
    p.add_argument("--workstations", type=int, default=3, help="syncing workstations a school")
    p.add_argument("--desks", type=int, default=100, help="desks holding the push channel")
    p.add_argument("--period", type=float, default=60.0, help="seconds between a workstation's syncs")
    p.add_argument("--time-scale", type=float, default=1.0,
                   help="divide the period by this (10: a minute's syncs every 6 s)")
    p.add_argument("--duration", type=float, default=120.0, help="seconds of simulated load")
    p.add_argument("--change-share", type=float, default=0.1,
                   help="share of syncs that first push one decision (default 0.1)")
    p.add_argument("--connections", type=int, default=64,
                   help="client connections for the workstations (desks get one each)")
    p.add_argument("--capacity-clients", type=int, default=32)
    p.add_argument("--capacity-seconds", type=float, default=10.0)
    p.add_argument("--holds", type=int, default=1000,
                   help="push-channel waits held at once to measure their memory")
    p.add_argument("--cost-schools", type=int, default=50,
                   help="schools whose workstations measure the cost runs")
    p.add_argument("--cost-rounds", type=int, default=3,
                   help="rounds of k changes written and pulled in a cost run")
    p.add_argument("--cost-syncs", type=int, default=10,
                   help="no-change syncs per workstation in a cost run")
    p.add_argument("--rng-seed", type=int, default=1)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.schools < 1 or args.workstations < 1 or args.time_scale <= 0:
        raise SystemExit("--schools, --workstations and --time-scale must be positive")
    with server_process(args.schools, args.per_school) as server:
        run = asyncio.run(national(args, server))
    costs = []
    if args.large_per_school > 0:
        for per_school in (args.per_school, args.large_per_school):
            with server_process(args.schools, per_school) as server:
                costs.append(asyncio.run(cost_run(server, args, per_school)))
    print(report(args, run, costs), flush=True)
    return 1 if national_errors(run) + sum(c.errors for c in costs) else 0


if __name__ == "__main__":
    raise SystemExit(main())
