"""The reference server's connections are TCP_NODELAY: a kept-alive connection's request is
not held back by Nagle's algorithm waiting for the client's delayed ACK (some 40 ms each)."""

from __future__ import annotations

import socket

from sync.devserver.server import DevServer


def test_the_listening_socket_names_tcp_so_asyncio_turns_nagle_off() -> None:
    with DevServer(seed=0) as server:
        listening = server._sock  # what asyncio decides from
        assert listening is not None
        assert listening.proto == socket.IPPROTO_TCP
