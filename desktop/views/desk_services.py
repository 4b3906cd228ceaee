"""What the desk's views may ask for: plain callables. ``desktop.desk.desk_services`` builds
them from the store; tests and the screenshot tool can build them from anything.

The reads and the desk's own steps run on a worker thread through ``desktop.tasks``. The
handover's later life (``sign_on_paper``, ``change_deadline``, ``record_incident``) is the
composition root's ``desktop.lifecycle.Lifecycle``: those are called on the GUI thread, ask
with their own dialog, run their work in the background and publish what changed on the
``ChangeBus``. Where one is None the desk hides its button (as it does the "Akti" tab when
``acts`` is None)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.models.device_choices import DeviceChoice


@dataclass(frozen=True)
class DeskServices:
    find: Callable[[str, str], list[Any]]  # (text, "to_issue" | "issued") -> DeskRow list
    offerable: Callable[[int], list[DeviceChoice]]  # application id -> the devices, described
    start: Callable[[int, str | None, str | None], Any]  # (app, scanned inv. no, item id) -> card
    cancel: Callable[[str, str, str | None], object]  # (handover, reason code, notes)
    state: Callable[[str], Any]  # handover id -> HandoverState
    produce_act: Callable[[str], Path]  # handover id -> the filed act (made if missing)
    paper_act: Callable[[str], Path]  # handover id -> a printable act with signature lines
    # (handover, condition, notes, grade code or None, [(entry, came back)]) -> the act
    record_return: Callable[..., Path]
    incidents: Callable[[], list[Any]]
    acknowledge: Callable[[str], object]
    overdue: Callable[[], list[Any]]  # -> acts.OverdueContact list (phone and e-mail)
    # (application id, receipt token) -> the e-service URL (no network)
    receipt_url: Callable[[int, str | None], str]
    # (handover id, returned?) -> the filed act's file if it is here and intact, else None
    act_file: Callable[[str, bool], Path | None]
    export_overdue: Callable[[list[Any], Path], int]  # (rows, path) -> rows written (audited)
    # The school's filed acts: search text -> acts.ActRow list, newest first; None: no tab.
    acts: Callable[[str], list[Any]] | None
    # GUI thread (see the module docstring): (handover id, label, act number)
    sign_on_paper: Callable[[str, str, str], object] | None
    # GUI thread: (handover ids, their common current deadline or None, label)
    change_deadline: Callable[[list[str], date | None, str], object] | None
    # GUI thread: (handover id, label)
    record_incident: Callable[[str, str], object] | None
    # GUI thread: (handover ids) -> the central service reminds their applicants
    remind_return: Callable[[list[str]], object] | None = None
    # handover id -> the check-in checklist of the device's kind (None: the dialog has none)
    return_checklist: Callable[[str], list[str]] | None = None
    # path of an act (filed, or the paper print-out) -> its plain content: the store's vault
    # (the files may be sealed); None: read as they lie (a sealed one is refused)
    read_file: Callable[[Path], bytes] | None = None
