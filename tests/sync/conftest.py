"""Sync fixtures live in synctools (so tests can import its helpers by name)."""

from synctools import proxy, server, side  # noqa: F401 - fixtures
