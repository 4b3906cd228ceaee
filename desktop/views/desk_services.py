"""What the desk's views may ask for: plain callables, each run on a worker thread through
``desktop.tasks``. ``desktop.desk.desk_services`` builds them from the store; tests and the
screenshot tool can build them from anything."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class DeskServices:
    find: Callable[[str, str], list[Any]]  # (text, "to_issue" | "issued") -> DeskRow list
    offerable: Callable[[int], list[tuple[str, str]]]  # application id -> (item id, inv. no)
    start: Callable[[int, str | None, str | None], Any]  # (app, scanned inv. no, item id) -> card
    cancel: Callable[[str, str, str | None], object]  # (handover, reason code, notes)
    state: Callable[[str], Any]  # handover id -> HandoverState
    produce_act: Callable[[str], Path]  # handover id -> the filed act (made if missing)
    paper_act: Callable[[str], Path]  # handover id -> a printable act with signature lines
    record_return: Callable[[str, str, str | None], Path]  # (handover, condition, notes) -> act
    incidents: Callable[[], list[Any]]
    acknowledge: Callable[[str], object]
    overdue: Callable[[], list[Any]]
    receipt_url: Callable[[int], str]  # application id -> the e-service URL (no network)
