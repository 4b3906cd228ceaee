"""A TCP proxy on loopback that loses answers the way networks do, for the sync fault tests.

It forwards each HTTP request to the reference server and can, per rule: drop the connection
after the server has answered (so the server committed but the client never hears of it),
drop it before forwarding, or hold it until the client times out. ``offline`` refuses every
connection. Bounded: it only ever talks to the one upstream on 127.0.0.1.

Two hostile answers replace the server's: ``oversize`` sends a 200 whose body never ends (up to
``OVERSIZE_LIMIT`` bytes, generated as it goes, so the proxy stays light) and counts what the
client took in ``oversize_sent``; ``drip`` forwards the server's head at once, then its body one
byte per ``drip_step.release()`` (a test's fake clock releases it; no waiting on wall time).

For the push channel's long waits (issue 17): ``cut_open()`` cuts every connection whose
answer is still awaited (a network drop mid-wait), ``idle_cut`` (seconds) makes the proxy
close a connection whose server has said nothing for that long (as corporate proxies and NAT
boxes do with idle connections), and a server that is down (restarting) makes the proxy
close the client's connection unanswered.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Rule:
    matches: Callable[[str, str], bool]  # (method, path) -> bool
    action: str  # "drop_after_forward" | "drop_before_forward" | "hang" | "oversize" | "drip"
    count: int = 1


def _read_request(conn: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        body += chunk
    lines = [ln for ln in head.split(b"\r\n")
             if not ln.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body


OVERSIZE_LIMIT = 256 * 1024 * 1024  # a bound for a client that never stops reading
_OVERSIZE_HEAD = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                  b"Connection: close\r\n\r\n")


class FaultProxy:
    def __init__(self, upstream_port: int, *, idle_cut: float | None = None) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.idle_cut = idle_cut
        self.cut = 0  # connections cut by cut_open() or idle_cut
        self.refused = 0  # connections closed unanswered: the server was down
        self._open: set[tuple[socket.socket, socket.socket]] = set()
        self.rules: list[Rule] = []
        self.offline = False
        self.forwarded = 0
        self.dropped = 0
        self.hung = 0  # connections held by "hang" (the client's timeout ends them)
        self.oversize_sent = 0  # body bytes the client accepted before it stopped reading
        self.dripped = 0  # body bytes sent by "drip"
        self.drip_step = threading.Semaphore(0)
        self._lock = threading.Lock()
        self._counted = threading.Condition(self._lock)
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(0.2)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._release = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def add(self, matches: Callable[[str, str], bool], action: str, count: int = 1) -> None:
        with self._lock:
            self.rules.append(Rule(matches, action, count))

    def clear(self) -> None:
        with self._lock:
            self.rules.clear()
        self._release.set()
        self._release = threading.Event()

    def wait_for(self, check: Callable[[], bool], timeout: float = 10.0) -> bool:
        """Wait until ``check()`` (on the counters) holds; False if it still does not after
        ``timeout`` seconds (an upper bound for a stuck proxy, not a measurement)."""
        with self._counted:
            return self._counted.wait_for(check, timeout)

    def close(self) -> None:
        self._stop.set()
        self._release.set()
        self._thread.join(timeout=5)
        self._sock.close()

    def cut_open(self) -> int:
        """Cut every connection still waiting for the server's answer; how many."""
        with self._lock:
            pairs = list(self._open)
        for pair in pairs:
            for sock in pair:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        return len(pairs)

    def waiting(self) -> int:
        """Connections forwarded whose answer has not come yet."""
        with self._lock:
            return len(self._open)

    def _count_cut(self) -> None:
        with self._counted:
            self.cut += 1
            self._counted.notify_all()

    def _take_rule(self, method: str, path: str) -> str | None:
        with self._lock:
            for rule in self.rules:
                if rule.count > 0 and rule.matches(method, path):
                    rule.count -= 1
                    return rule.action
        return None

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            if self.offline:
                return
            conn.settimeout(10)
            try:
                request = _read_request(conn)
            except OSError:
                return
            if request is None:
                return
            method, path = request.split(b" ", 2)[:2]
            action = self._take_rule(method.decode(), path.decode())
            if action == "drop_before_forward":
                self.dropped += 1
                return
            if action == "hang":
                with self._counted:
                    self.hung += 1
                    self._counted.notify_all()
                self._release.wait(timeout=30)
                return
            if action == "oversize":
                self._oversize(conn)
                return
            response = b""
            try:
                up = socket.create_connection(self.upstream, timeout=self.idle_cut or 30)
            except OSError:  # the server is down: the client's connection closes unanswered
                with self._counted:
                    self.refused += 1
                    self._counted.notify_all()
                return
            pair = (conn, up)
            with self._lock:
                self._open.add(pair)
            try:
                with up:
                    up.sendall(request)
                    watched = [up, conn]
                    while True:
                        # the client's side is watched too: a client that hangs up (a push
                        # wait stopped) closes the server's connection, as a real proxy does
                        ready, _, _ = select.select(watched, [], [], self.idle_cut or 30)
                        if not ready:
                            raise TimeoutError("idle")
                        if conn in ready:
                            if not conn.recv(1, socket.MSG_PEEK):
                                raise ConnectionAbortedError("the client hung up")
                            watched = [up]  # it sent more: no longer a hang-up to watch for
                        if up not in ready:
                            continue
                        chunk = up.recv(65536)
                        if not chunk:
                            break
                        response += chunk
            except OSError:  # idle too long (TimeoutError) or cut: the client gets nothing
                self._count_cut()
                return
            finally:
                with self._lock:
                    self._open.discard(pair)
            if not response:  # cut by cut_open(): the server's answer never came through
                self._count_cut()
                return
            if action == "drop_after_forward":
                self.dropped += 1
                return  # the server has committed; the client never hears
            if action == "drip":
                self._drip(conn, response)
                return
            self.forwarded += 1
            try:
                conn.sendall(response)
            except OSError:
                return

    def _oversize(self, conn: socket.socket) -> None:
        chunk = b"[" + b" " * 65535
        try:
            conn.sendall(_OVERSIZE_HEAD)
            while self.oversize_sent < OVERSIZE_LIMIT and not self._stop.is_set():
                conn.sendall(chunk)
                self.oversize_sent += len(chunk)
        except OSError:
            return  # the client stopped reading: what we wanted to see

    def _drip(self, conn: socket.socket, response: bytes) -> None:
        head, _, body = response.partition(b"\r\n\r\n")
        try:
            conn.sendall(head + b"\r\n\r\n")
            for i in range(len(body)):
                # 10 s: a bound for a client that stopped asking, not a measurement
                if not self.drip_step.acquire(timeout=10) or self._stop.is_set():
                    return
                conn.sendall(body[i:i + 1])
                self.dripped += 1
        except OSError:
            return
