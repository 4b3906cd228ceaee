"""``python -m sync.devserver``: the reference central service in the foreground.

    python -m sync.devserver --port 8765 [--host 127.0.0.1] [--seed demo|N] [--db PATH]
                             [--token-ttl S] [--schools N]

``--schools N`` fills the country instead: N copies of the sample's main school, each with
``--seed`` applications (20 when not given) and its own reviewer account ``skola.<id>``.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from sync.devserver.seeding import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_count, seed_schools
from sync.devserver.server import DevServer, DevServerError


def _seed(value: str) -> str | int:
    if value.lower() == "demo":
        return "demo"
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError("use 'demo' or a number of applications") from None
    if count < 0:
        raise argparse.ArgumentTypeError("the number of applications cannot be negative")
    return count


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m sync.devserver",
        description="Run the Resursi reference central service (for tests and demos).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=8765, help="port (0: any free port)")
    parser.add_argument("--seed", type=_seed, default=None, metavar="demo|N",
                        help="fill an empty database: 'demo' (300 applications) or N")
    parser.add_argument("--db", type=Path, default=None, metavar="PATH",
                        help="SQLite file to keep the data in (default: a temporary one)")
    parser.add_argument("--token-ttl", type=int, default=3600, metavar="S",
                        help="access token lifetime in seconds (default 3600)")
    parser.add_argument("--dev", action="store_true",
                        help="serve the development controls (/_dev/...: faults, token and "
                             "cursor expiry, retention); an administrator's token still needed")
    parser.add_argument("--schools", type=int, default=None, metavar="N",
                        help="fill an empty database with N schools, each a copy of the main "
                             "school with --seed applications (default 20) and a reviewer "
                             "'skola.<id>' (password 'demo'): the national load bench")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.token_ttl < 1:
        parser.error("--token-ttl must be at least 1")
    if args.schools is not None and args.schools < 1:
        parser.error("--schools must be at least 1")

    # With --schools the server starts empty and is filled before its address is printed:
    # no client knows where it listens until then.
    seed = None if args.schools is not None else args.seed
    server = DevServer(args.db, seed=seed, token_ttl=args.token_ttl, host=args.host,
                       port=args.port, dev=args.dev)
    try:
        server.start()
    except DevServerError as exc:
        print(f"devserver: {exc}", file=sys.stderr)
        return 2
    if args.schools is not None and server.state.db.is_empty():
        started = time.perf_counter()
        per_school = 20 if args.seed is None else seed_count(args.seed)
        seed_schools(server.state, args.schools, per_school)
        server.seed_seconds = time.perf_counter() - started
    print(f"Resursi devserver listening on {server.url}", flush=True)
    if server.seed_seconds is not None:
        print(f"seeded in {server.seed_seconds:.1f} s", flush=True)
    users = set(server.state.usernames())
    accounts = [a for a in DEMO_ACCOUNTS if a[0] in users]
    if accounts:
        print(f"demo accounts (password '{DEMO_PASSWORD}'):")
        for username, display_name, memberships in accounts:
            roles = ", ".join(f"{role.value} @ {iid}" for iid, role in memberships.items())
            print(f"  {username:<9} {display_name} — {roles}")
    print("Ctrl+C stops it.", flush=True)

    done = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    try:
        while not done.wait(0.5):
            if not server.running:
                print("devserver: the server thread ended", file=sys.stderr)
                return 1
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
