"""The offline-first sync engine: push the outbox, pull the changes feed.

Guarantees (ARCHITECTURE.md): no decision is lost and none is applied twice. Outbox rows
survive crashes; each is sent with its idempotency key, so a retry after a lost answer replays
the server's stored answer instead of applying again. A pulled page and its cursor commit in
one transaction. A refused command becomes a visible conflict carrying the server's state and
blocks only later commands on the same aggregate, never other applications' commands.
"""

from __future__ import annotations

import contextlib
import logging
import random
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from desktop.models import retention
from desktop.models.changes import OpChanges
from desktop.models.codes import CommandState
from desktop.models.commands import (
    CommandName,
    Payload,
    SetAcceptingPayload,
    SetCheckInChecklistPayload,
    SetDefaultDeadlinePayload,
    SetDocumentTemplatePayload,
    SetItemStatusPayload,
    SetTargetGroupPayload,
    UpsertItemPayload,
    spec,
)
from desktop.models.schema import (
    Application,
    DeferredChange,
    Handover,
    Institution,
    Item,
    OfferedKind,
    OutboxCommand,
    SyncState,
    utcnow,
)
from desktop.models.store import Store
from sync import files, mapping
from sync.background import gentle
from sync.client import (
    AuthError,
    BadResponseError,
    BatchTooLargeError,
    CentralClient,
    CentralError,
    CursorExpiredError,
    ForbiddenError,
    OfflineError,
    RetryLaterError,
    TlsError,
)
from sync.protocol import (
    ApplicationChange,
    ApplicationWire,
    Change,
    ChangesPage,
    CommandAccepted,
    CommandRequest,
    InstitutionChange,
    InstitutionWire,
    ItemChange,
    ItemStatusChange,
    ItemUpsert,
    ItemWire,
    OfferedKindChange,
    OfferedKindPatch,
    OfferedKindWire,
    Problem,
    ResourceKindChange,
    SchoolSettingsPatch,
    Tombstone,
)

log = logging.getLogger(__name__)
_CHANGE: TypeAdapter[Change] = TypeAdapter(Change)

TRANSIENT = (500, 502, 503, 504, 429)
#: Commands in one batch to a service that has not said how many it takes (an older one).
DEFAULT_BATCH = 200
#: Commands that name files: their bytes go first (``sync.files``).
FILE_COMMANDS = frozenset({CommandName.SIGN_HANDOVER, CommandName.FILE_ACT,
                           CommandName.RECORD_INCIDENT})


@dataclass
class SyncReport:
    """What one sync did, for the status bar, the CLI and the benchmarks."""

    pages: int = 0
    pulled: int = 0
    deferred: int = 0
    deleted: int = 0
    pushed: int = 0
    conflicts: int = 0
    retry_later: int = 0
    full_resync: bool = False
    changed_applications: set[int] = field(default_factory=set)
    changed_items: set[str] = field(default_factory=set)
    changed_handovers: set[str] = field(default_factory=set)  # e.g. their act fetched
    changed_offered_kinds: set[str] = field(default_factory=set)
    changed_institution: bool = False

    @property
    def changes(self) -> OpChanges:
        """What the views must reload after this sync."""
        return OpChanges.of(
            applications=self.changed_applications, items=self.changed_items,
            handovers=self.changed_handovers, offered_kinds=self.changed_offered_kinds,
            outbox=bool(self.pushed or self.conflicts or self.retry_later),
            institution=self.changed_institution,
            everything=self.full_resync or bool(self.deleted),
        )


@dataclass(frozen=True)
class Progress:
    phase: str  # "push" | "pull"
    done: int
    total: int | None


@dataclass(frozen=True)
class PendingCommand:
    """An outbox row as the push needs it, read in one session and used after it closed."""

    row_id: int
    command_id: str
    aggregate_type: str
    aggregate_id: str
    application_id: int | None
    name: CommandName
    payload: dict[str, Any]
    base_version: int

    @classmethod
    def of(cls, row: OutboxCommand) -> PendingCommand:
        return cls(row.id, row.command_id, row.aggregate_type, row.aggregate_id,
                   row.application_id, CommandName(row.command), dict(row.payload),
                   row.base_version)

    def payload_model(self) -> Payload:
        """The payload through the registry's model (ValueError if it does not fit)."""
        try:
            return spec(self.name).parse(self.payload)
        except ValidationError as exc:
            raise ValueError(str(exc)) from exc

    def request(self) -> CommandRequest:
        return CommandRequest(command_id=self.command_id, command=self.name,
                              base_version=self.base_version, payload=self.payload)


class Backoff:
    """Exponential backoff with jitter, never shorter than the server's Retry-After."""

    def __init__(self, base: float = 1.0, cap: float = 300.0,
                 rng: Callable[[], float] = random.random) -> None:
        self.base = base
        self.cap = cap
        self.failures = 0
        self._rng = rng

    def reset(self) -> None:
        self.failures = 0

    def next_delay(self, retry_after: float | None = None) -> float:
        delay = self._delay(self.failures, self.base, self.cap, self._rng, retry_after)
        self.failures += 1
        return delay

    @staticmethod
    def _delay(failures: int, base: float, cap: float, rng: Callable[[], float],
               retry_after: float | None) -> float:
        ceiling = min(cap, base * (2 ** min(failures, 30)))
        delay = ceiling / 2 + rng() * ceiling / 2  # "equal jitter"
        return max(delay, retry_after or 0.0)

    @classmethod
    def delay_for(cls, attempts: int, retry_after: float | None = None) -> float:
        """The wait before a command's next attempt: the same formula, per command."""
        return cls._delay(attempts, 1.0, 300.0, random.random, retry_after)


def _owning_commands(session: Session) -> list[tuple[str, int | None, list[str]]]:
    """Every unsent or refused command: (command id, its application, the items it holds).

    A command holds the item its payload names and, for a command on a handover (cancel,
    return, acknowledgement), that handover's item: the one ownership rule for items.
    """
    rows = session.execute(
        select(OutboxCommand.command_id, OutboxCommand.aggregate_type,
               OutboxCommand.aggregate_id, OutboxCommand.application_id,
               func.json_extract(OutboxCommand.payload, "$.item_id"), Handover.item_id)
        .outerjoin(Handover,
                   Handover.id == func.json_extract(OutboxCommand.payload, "$.handover_id"))
        .where(OutboxCommand.state.in_([CommandState.PENDING.value,
                                        CommandState.CONFLICT.value]))
    ).all()
    found = []
    for command_id, aggregate_type, aggregate_id, application_id, item_id, held in rows:
        items = [aggregate_id] if aggregate_type == "item" else []
        items += [i for i in (item_id, held) if isinstance(i, str) and i and i not in items]
        found.append((command_id, application_id, items))
    return found


@dataclass
class Ownership:
    """Which records have unsent local edits, counted once for a whole batch of answers.

    Reading the outbox for every acknowledged command made a drain quadratic in its length;
    this reads it once and counts down as commands are acknowledged.
    """

    apps: Counter[int]
    items: Counter[str]
    held: dict[str, list[str]]  # command id -> the items it holds

    @classmethod
    def read(cls, session: Session) -> Ownership:
        apps: Counter[int] = Counter()
        items: Counter[str] = Counter()
        held: dict[str, list[str]] = {}
        for command_id, application_id, owned in _owning_commands(session):
            if application_id is not None:
                apps[application_id] += 1
            items.update(owned)
            held[command_id] = owned
        return cls(apps, items, held)

    def release(self, cmd: PendingCommand) -> None:
        """``cmd`` is acknowledged: it no longer holds its records."""
        if cmd.application_id is not None:
            self.apps[cmd.application_id] -= 1
        self.items.subtract(self.held.pop(cmd.command_id, []))

    def owns_application(self, app_id: int) -> bool:
        return self.apps[app_id] > 0

    def owns_item(self, item_id: str) -> bool:
        return self.items[item_id] > 0


def _owned_applications(session: Session) -> set[int]:
    """Applications with commands not yet acknowledged: pulled copies must not overwrite."""
    return set(session.scalars(
        select(OutboxCommand.application_id).where(
            OutboxCommand.application_id.is_not(None),
            OutboxCommand.state.in_([CommandState.PENDING.value, CommandState.CONFLICT.value]),
        ).distinct()
    ))


def _owned_items(session: Session) -> set[str]:
    return {item for _cid, _app, items in _owning_commands(session) for item in items}


def _owned_offered(session: Session, aggregate_type: str = "offered_kind") -> set[str]:
    """Offered kinds (or the school's settings) with a local change not yet accepted."""
    return set(session.scalars(
        select(OutboxCommand.aggregate_id).where(
            OutboxCommand.aggregate_type == aggregate_type,
            OutboxCommand.state.in_([CommandState.PENDING.value, CommandState.CONFLICT.value]),
        )
    ))


def _defer(session: Session, entity: str, entity_id: str, version: int, body: str) -> None:
    row = session.get(DeferredChange, (entity, entity_id))
    if row is None:
        session.add(DeferredChange(entity=entity, entity_id=entity_id, version=version,
                                   body=body))
    elif version >= row.version:
        row.version, row.body, row.received_at = version, body, utcnow()


class SyncEngine:
    """Push then pull for one school. Qt-free; the app runs it through desktop.tasks."""

    def __init__(
        self,
        store: Store,
        client: CentralClient,
        institution_id: str,
        *,
        page_size: int = 1000,
        batch_size: int | None = None,
        progress: Callable[[Progress], None] | None = None,
        clock: Callable[[], datetime] = utcnow,
        after_pull: Callable[[], int] | None = None,
    ) -> None:
        self.store = store
        self.client = client
        self.institution_id = institution_id
        self.page_size = page_size
        # At most this many commands in one batch (None: as many as the service takes).
        self.batch_size = batch_size
        self.progress: Callable[[Progress], None] = progress or (lambda p: None)
        self._clock = clock
        self.backoff = Backoff()
        # Run after each pull (the app files the acts of confirmations it pulled): when it
        # queued commands (a positive count) they are pushed in the same round.
        self.after_pull = after_pull
        self._files_sent: set[str] = set()
        self._files_complete = False  # every case looked at for missing files since start

    # -- the whole round ----------------------------------------------------------------------
    @gentle  # the GUI thread waits less for the GIL meanwhile (sync.background)
    def sync_once(self) -> SyncReport:
        """Push the outbox, then pull the feed. Raises OfflineError/RetryLaterError etc."""
        report = SyncReport()
        self.push(report)
        self.pull(report)
        if self.after_pull is not None and self.after_pull() > 0:
            self.push(report)
        self.backoff.reset()
        return report

    # -- the push channel ---------------------------------------------------------------------
    def cursor(self) -> str | None:
        """The feed position this workstation has pulled to (None: never pulled)."""
        with self.store.read() as s:
            state = s.get(SyncState, self.institution_id)
            return state.cursor if state else None

    def wait_for_changes(self, timeout: float) -> bool:
        """Wait on the push channel until the school's feed moves past what this store has
        pulled (True: pull now) or ``timeout`` seconds pass (False). Never pulled, or a cursor
        the service no longer serves: True at once (the pull starts over)."""
        cursor = self.cursor()
        if cursor is None:
            return True
        try:
            return self.client.wait_for_changes(self.institution_id, cursor, timeout)
        except CursorExpiredError:
            return True

    # -- pull -------------------------------------------------------------------------------------
    @gentle  # the GUI thread waits less for the GIL meanwhile (sync.background)
    def pull(self, report: SyncReport | None = None) -> SyncReport:
        report = report or SyncReport()
        cursor = self.cursor()
        seen: set[int] | None = set() if cursor is None else None
        restarts = 0
        # The next page is fetched while this one is written: the wait for the network
        # overlaps the work on the disk. A page that fails to apply discards the prefetch.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="resursi-pull") as pool:
            upcoming: Future[ChangesPage] | None = None
            while True:
                try:
                    page = (upcoming.result() if upcoming is not None
                            else self.client.changes(self.institution_id, cursor,
                                                     self.page_size))
                except CursorExpiredError:
                    restarts += 1
                    if restarts > 2:
                        raise
                    log.info("sync cursor expired; resyncing from the start (outbox kept)")
                    cursor, seen, report.full_resync, upcoming = None, set(), True, None
                    continue
                if page.has_more and page.next_cursor == cursor:
                    # "more to come" without moving on would be asked for forever
                    raise BadResponseError(
                        "the changes feed says there is more but did not move past the "
                        "cursor; nothing more was applied")
                upcoming = (pool.submit(self.client.changes, self.institution_id,
                                        page.next_cursor, self.page_size)
                            if page.has_more else None)
                try:
                    self._store_page(page, report, seen)
                except BaseException:
                    if upcoming is not None:
                        upcoming.cancel()
                        with contextlib.suppress(Exception):
                            upcoming.result()
                    raise
                cursor = page.next_cursor
                report.pages += 1
                self.progress(Progress("pull", report.pulled, None))
                if upcoming is None:
                    break
        if seen is not None:
            self._drop_unseen(seen, report)
        if report.deleted:
            # Tombstones delete rows; the files and audit rows of those cases go here.
            retention.sweep_orphans(self.store)
        self._fetch_files(report)
        return report

    def _fetch_files(self, report: SyncReport) -> None:
        """The acts and attachments other workstations filed: every case once per engine
        (and after an incomplete round), then only the cases this round changed, so that a
        sync with nothing new does not look through every handover."""
        fetched, complete = files.fetch_missing(
            self.store, self.client, self.institution_id,
            set(report.changed_applications) if self._files_complete else None)
        self._files_complete = complete
        for app_id, handover_id in fetched:
            report.changed_applications.add(app_id)
            report.changed_handovers.add(handover_id)

    def _check_page(self, changes: list[Change]) -> None:
        """A page names each record once, and only this school's: anything else is a server
        that is wrong or hostile, and nothing of the page is applied."""
        keys: set[tuple[str, str]] = set()
        for change in changes:
            data = getattr(change, "data", None)
            school = getattr(data, "institution_id", None)
            if school is not None and school != self.institution_id:
                raise BadResponseError(
                    f"the changes feed of school {self.institution_id} holds a {change.entity} "
                    f"of school {school}; nothing of the page was applied")
            key = ((change.of, change.id) if isinstance(change, Tombstone)
                   else (change.entity, str(getattr(data, "id", getattr(data, "code", "")))))
            if key in keys:
                raise BadResponseError(
                    f"the changes page names the {key[0]} {key[1]} twice; nothing of the page "
                    "was applied")
            keys.add(key)

    def _store_page(self, page: ChangesPage, report: SyncReport, seen: set[int] | None) -> None:
        """One page and its cursor, in one transaction."""
        self._check_page(page.changes)
        with self.store.write() as s:
            self._apply_page(s, page.changes, report, seen)
            state = s.get(SyncState, self.institution_id)
            if state is None:
                if s.get(Institution, self.institution_id) is None:
                    raise BadResponseError(
                        f"the changes feed has not described the school "
                        f"{self.institution_id}; nothing was applied")
                state = SyncState(institution_id=self.institution_id)
                s.add(state)
            state.cursor = page.next_cursor
            state.last_pull_at = self._clock()
            state.last_error = None

    def _apply_page(self, s: Session, changes: list[Change], report: SyncReport,
                    seen: set[int] | None) -> None:
        owned_apps = _owned_applications(s)
        owned_items = _owned_items(s)
        owned_offered = _owned_offered(s)
        fresh = self._fresh_applications(s, changes, owned_apps)
        fresh_items = self._fresh_items(s, changes, owned_items)
        if fresh_items:
            mapping.insert_new_items(s, list(fresh_items.values()))
            report.pulled += len(fresh_items)
            report.changed_items.update(fresh_items)
        for change in changes:
            if isinstance(change, ApplicationChange) and change.data.id in fresh:
                if seen is not None:
                    seen.add(change.data.id)
                continue
            if isinstance(change, ItemChange) and change.data.id in fresh_items:
                continue
            try:
                self._apply_change(s, change, report, seen, owned_apps, owned_items,
                                   owned_offered)
            except (IntegrityError, ValueError, LookupError) as exc:
                # The page is valid on the wire but contradicts what we hold (e.g. an unknown
                # resource kind): nothing of the page is kept, the cursor does not move.
                what = getattr(getattr(change, "data", None), "id", None) or getattr(
                    change, "id", "?")
                raise BadResponseError(
                    f"the {change.entity} {what} could not be applied: "
                    f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
                ) from exc
        if fresh:
            try:
                mapping.insert_new_applications(s, list(fresh.values()))
            except (IntegrityError, ValueError, LookupError) as exc:
                raise BadResponseError(
                    f"new applications could not be stored: {type(exc).__name__}: "
                    f"{str(exc).splitlines()[0][:200]}"
                ) from exc
            report.pulled += len(fresh)
            report.changed_applications.update(fresh)

    def _fresh_items(self, s: Session, changes: list[Change],
                     owned_items: set[str]) -> dict[str, ItemWire]:
        candidates: dict[str, ItemWire] = {}
        for change in changes:
            if isinstance(change, ItemChange) and change.data.id not in owned_items:
                previous = candidates.get(change.data.id)
                if previous is None or previous.version < change.data.version:
                    candidates[change.data.id] = change.data
        if not candidates:
            return {}
        ids = list(candidates)
        known: set[str] = set()
        for start in range(0, len(ids), 900):
            known.update(s.scalars(select(Item.id).where(Item.id.in_(ids[start:start + 900]))))
        tombstoned = {c.id for c in changes if isinstance(c, Tombstone) and c.of == "item"}
        return {i: w for i, w in candidates.items() if i not in known and i not in tombstoned}

    def _fresh_applications(self, s: Session, changes: list[Change],
                            owned_apps: set[int]) -> dict[int, ApplicationWire]:
        """Applications of this page that the store has never held: inserted in bulk."""
        candidates: dict[int, ApplicationWire] = {}
        for change in changes:
            if (isinstance(change, ApplicationChange)
                    and change.data.institution_id == self.institution_id
                    and change.data.id not in owned_apps):
                previous = candidates.get(change.data.id)
                if previous is None or previous.version < change.data.version:
                    candidates[change.data.id] = change.data
        if not candidates:
            return {}
        # One range scan on the primary key instead of a long IN list: a page's ids are
        # close together, and a long IN list costs more to bind than the scan does.
        known = set(s.scalars(select(Application.id).where(
            Application.id.between(min(candidates), max(candidates)))))
        # A tombstone in the same page must still win over an earlier insert.
        tombstoned = {int(c.id) for c in changes
                      if isinstance(c, Tombstone) and c.of == "application"}
        return {i: w for i, w in candidates.items() if i not in known and i not in tombstoned}

    def _apply_change(self, s: Session, change: Change, report: SyncReport,
                      seen: set[int] | None, owned_apps: set[int], owned_items: set[str],
                      owned_offered: set[str]) -> None:
        if isinstance(change, ApplicationChange):
            wire = change.data
            if seen is not None:
                seen.add(wire.id)
            if wire.institution_id != self.institution_id:
                return
            if wire.id in owned_apps:
                _defer(s, "application", str(wire.id), wire.version,
                       change.model_dump_json())
                report.deferred += 1
            elif mapping.apply_application(s, wire):
                report.pulled += 1
                report.changed_applications.add(wire.id)
        elif isinstance(change, ItemChange):
            if change.data.id in owned_items:
                _defer(s, "item", change.data.id, change.data.version,
                       change.model_dump_json())
                report.deferred += 1
            elif mapping.apply_item(s, change.data):
                report.pulled += 1
                report.changed_items.add(change.data.id)
        elif isinstance(change, OfferedKindChange):
            if change.data.id in owned_offered:
                _defer(s, "offered_kind", change.data.id, change.data.version,
                       change.model_dump_json())
                report.deferred += 1
            elif mapping.apply_offered_kind(s, change.data):
                report.pulled += 1
                report.changed_offered_kinds.add(change.data.id)
        elif isinstance(change, InstitutionChange):
            if change.data.id in _owned_offered(s, "institution"):
                # our change to the school's settings is not accepted yet: keep it on top
                _defer(s, "institution", change.data.id, change.data.version,
                       change.model_dump_json())
                report.deferred += 1
            elif mapping.apply_institution(s, change.data):
                report.pulled += 1
                report.changed_institution = True
        elif isinstance(change, ResourceKindChange):
            if mapping.apply_resource_kind(s, change.data):
                report.pulled += 1
        elif isinstance(change, Tombstone):
            self._apply_tombstone(s, change, owned_apps, owned_items, owned_offered, report)

    def _apply_tombstone(self, s: Session, t: Tombstone, owned_apps: set[int],
                         owned_items: set[str], owned_offered: set[str],
                         report: SyncReport) -> None:
        """A deletion; one that meets unsent local edits of its record waits for them, as a
        pulled change does (the edit is sent first and its answer decides)."""
        owned = {"application": t.of == "application" and int(t.id) in owned_apps,
                 "item": t.id in owned_items, "offered_kind": t.id in owned_offered}[t.of]
        if owned:
            _defer(s, t.of, t.id, 2**31, t.model_dump_json())
            report.deferred += 1
            return
        if t.of == "application":
            app_id = int(t.id)
            if mapping.delete_application(s, app_id):
                report.deleted += 1
                report.changed_applications.add(app_id)
        elif mapping.delete_record(s, t.of, t.id):
            report.deleted += 1
            (report.changed_items if t.of == "item"
             else report.changed_offered_kinds).add(t.id)

    def _drop_unseen(self, seen: set[int], report: SyncReport) -> None:
        """After a full resync: what the server no longer has goes (unless still ours)."""
        with self.store.write() as s:
            owned = _owned_applications(s)
            local = set(s.scalars(select(Application.id)
                                  .where(Application.institution_id == self.institution_id)))
            for app_id in sorted(local - seen - owned):
                mapping.delete_application(s, app_id)
                report.deleted += 1
                report.changed_applications.add(app_id)

    # -- push ---------------------------------------------------------------------------------
    def _heads(self, s: Session, limit: int) -> list[OutboxCommand]:
        """The oldest unsent command of each aggregate, if nothing older is in conflict."""
        older = aliased(OutboxCommand)
        blocked = (
            select(older.id)
            .where(
                older.aggregate_type == OutboxCommand.aggregate_type,
                older.aggregate_id == OutboxCommand.aggregate_id,
                older.id < OutboxCommand.id,
                older.state.in_([CommandState.PENDING.value, CommandState.CONFLICT.value]),
            )
            .exists()
        )
        now = self._clock()
        return list(s.scalars(
            select(OutboxCommand)
            .where(
                OutboxCommand.state == CommandState.PENDING.value,
                OutboxCommand.institution_id == self.institution_id,
                ~blocked,
                or_(OutboxCommand.next_attempt_at.is_(None),
                    OutboxCommand.next_attempt_at <= now),
            )
            .order_by(OutboxCommand.id)
            .limit(limit)
        ))

    def batch_limit(self) -> int:
        """How many commands go in one batch: as many as the service said it takes (its
        batch answers say so), ``DEFAULT_BATCH`` until it has; never over ``batch_size``."""
        said = getattr(self.client, "max_batch", None)  # a stand-in client may not have it
        limit = said if isinstance(said, int) and said > 0 else DEFAULT_BATCH
        return min(limit, self.batch_size) if self.batch_size else limit

    def pending_count(self) -> int:
        with self.store.read() as s:
            return s.scalar(select(func.count()).select_from(OutboxCommand).where(
                OutboxCommand.state == CommandState.PENDING.value)) or 0

    @gentle  # the GUI thread waits less for the GIL meanwhile (sync.background)
    def push(self, report: SyncReport | None = None) -> SyncReport:
        report = report or SyncReport()
        total = self.pending_count()
        while True:
            with self.store.read() as s:
                heads = [PendingCommand.of(c) for c in self._heads(s, self.batch_limit())]
            if not heads:
                break
            progressed = False
            app_cmds = [c for c in heads if c.aggregate_type == "application"]
            if app_cmds:
                progressed |= self._push_applications(app_cmds, report)
            for cmd in (c for c in heads if c.aggregate_type != "application"):
                progressed |= self._push_catalogue(cmd, report)
            self.progress(Progress("push", report.pushed + report.conflicts, total))
            if not progressed:
                break
        with self.store.write() as s:
            state = s.get(SyncState, self.institution_id)
            if state is not None:
                state.last_push_at = self._clock()
        return report

    def _with_files(self, cmds: list[PendingCommand],
                    report: SyncReport) -> tuple[list[PendingCommand], bool]:
        """The commands whose files reached the service; one whose file is gone here or
        refused there becomes a conflict for a person (True: something was marked)."""
        ready: list[PendingCommand] = []
        marked = False
        for cmd in cmds:
            try:
                payload = cmd.payload_model() if cmd.name in FILE_COMMANDS else None
            except ValueError:
                payload = None  # not ours to judge: the service answers it with a 422
            if payload is None:
                ready.append(cmd)
                continue
            try:
                files.upload(self.store, self.client, self.institution_id, payload,
                             self._files_sent)
            except (OfflineError, RetryLaterError) as exc:
                self._note_attempt([c.row_id for c in cmds], exc)
                raise
            except (AuthError, ForbiddenError, TlsError):
                raise
            except (files.MissingFile, CentralError) as exc:
                with self.store.write() as s:
                    self._mark_conflict(s, cmd.row_id, 422, Problem(
                        title=str(exc)[:200], status=422,
                        detail_lv="Komandai pievienoto failu neizdevās nosūtīt"))
                report.conflicts += 1
                marked = True
                continue
            ready.append(cmd)
        return ready, marked

    def _one_by_one(self, cmds: list[PendingCommand],
                    requests_: list[tuple[int, CommandRequest]]
                    ) -> list[tuple[str, int, CommandAccepted | None, Problem | None]]:
        """The batch's commands sent one at a time, each on the single-command endpoint;
        the answers until the connection failed (none at all: the failure is raised)."""
        results: list[tuple[str, int, CommandAccepted | None, Problem | None]] = []
        for app_id, request in requests_:
            try:
                outcome = self.client.send_command(app_id, request)
            except (OfflineError, RetryLaterError) as exc:
                answered = {r[0] for r in results}
                self._note_attempt([c.row_id for c in cmds
                                    if c.command_id not in answered], exc)
                if not results:
                    raise
                break
            results.append((request.command_id, outcome.status, outcome.accepted,
                            outcome.problem))
        return results

    def _push_applications(self, cmds: list[PendingCommand], report: SyncReport) -> bool:
        cmds, marked = self._with_files(cmds, report)
        if not cmds:
            return marked
        requests_ = [(c.application_id, c.request()) for c in cmds
                     if c.application_id is not None]
        try:
            response = self.client.send_batch(self.institution_id, requests_)
            results = [(r.command_id, r.status, r.accepted, r.problem)
                       for r in response.results]
        except (OfflineError, RetryLaterError) as exc:
            self._note_attempt([c.row_id for c in cmds], exc)
            raise
        except (AuthError, ForbiddenError, TlsError):
            raise
        except BatchTooLargeError as exc:
            if exc.max_batch is not None and exc.max_batch < len(requests_):
                # Nothing was applied, and the client has heard the service's maximum: the
                # next round takes that many.
                return True
            results = self._one_by_one(cmds, requests_)
        except CentralError:
            # The batch as a whole was refused (one bad command spoils a batch): send them one
            # by one, so that only the bad one becomes a conflict and the rest go through.
            results = self._one_by_one(cmds, requests_)
        by_id = {r[0]: r for r in results}
        progressed = marked
        superseded: list[Path] = []
        with self.store.write() as s:
            owned = Ownership.read(s)
            # the batch's outbox rows in one query: each step below finds its row loaded (held
            # here, as the session's identity map holds unchanged rows only weakly)
            loaded = s.scalars(select(OutboxCommand).where(  # noqa: F841
                OutboxCommand.id.in_([c.row_id for c in cmds]))).all()
            taken: list[ApplicationWire] = []
            for cmd in cmds:
                result = by_id.get(cmd.command_id)
                if result is None:
                    continue
                _, status, accepted, problem = result
                if status == 200 and accepted is not None:
                    assert cmd.application_id is not None
                    self._acknowledge(s, cmd, cmd.application_id, accepted, report, owned,
                                      taken)
                    progressed = True
                elif status in TRANSIENT:
                    self._schedule_retry(s, cmd.row_id, f"HTTP {status}")
                    report.retry_later += 1
                elif self._lost_act_race(s, cmd, status, problem, report, owned, superseded):
                    progressed = True
                else:
                    self._mark_conflict(s, cmd.row_id, status, problem)
                    report.conflicts += 1
                    progressed = True
            self._take_applications(s, taken, report)
        for path in superseded:
            path.unlink(missing_ok=True)
        return progressed

    def _lost_act_race(self, s: Session, cmd: PendingCommand, status: int,
                       problem: Problem | None, report: SyncReport, owned: Ownership,
                       superseded: list[Path]) -> bool:
        """Another workstation filed this handover's act first: theirs is the act. Ours is
        dropped without asking anyone (nothing a person decided is lost: both acts state the
        same facts), and the service's record taken."""
        # 412 too: the winner's act moved the application past our command's base version.
        if (status not in (409, 412) or cmd.name is not CommandName.FILE_ACT or problem is None
                or problem.current is None or cmd.application_id is None):
            return False
        payload = cmd.payload_model()
        mine = getattr(payload, "act", None)
        theirs = next((h.act_document_id for h in problem.current.handovers
                       if h.id == getattr(payload, "handover_id", None)), None)
        if mine is None or theirs is None or theirs == mine.id:
            return False
        row = s.get(OutboxCommand, cmd.row_id)
        assert row is not None
        row.state, row.done_at = CommandState.DISCARDED, self._clock()
        row.last_error = "the act was filed first by another workstation"
        owned.release(cmd)
        path = files.forget_superseded_act(s, self.store, mine.id)
        if path is not None:
            superseded.append(path)
        if not owned.owns_application(cmd.application_id):
            self._force_application(s, problem.current)
            report.changed_applications.add(cmd.application_id)
            self._release_deferred(s, "application", str(cmd.application_id), report)
        return True

    def _done(self, s: Session, cmd: PendingCommand, new_version: int, *,
              later: bool = True) -> None:
        """Acknowledged: later local commands on the same record were decided on top of this
        one, so they now build on the version it produced (the one rebase rule). ``later``
        False: the caller knows there are none, and the re-base is skipped."""
        row = s.get(OutboxCommand, cmd.row_id)
        assert row is not None
        row.state, row.done_at, row.last_error = CommandState.DONE, self._clock(), None
        if not later:
            return
        s.execute(
            update(OutboxCommand)
            .where(and_(OutboxCommand.aggregate_type == cmd.aggregate_type,
                        OutboxCommand.aggregate_id == cmd.aggregate_id,
                        OutboxCommand.state == CommandState.PENDING.value,
                        OutboxCommand.id > cmd.row_id))
            .values(base_version=new_version)
        )
        s.flush()

    def _acknowledge(self, s: Session, cmd: PendingCommand, app_id: int,
                     accepted: CommandAccepted, report: SyncReport,
                     owned: Ownership, taken: list[ApplicationWire]) -> None:
        """The service applied ``cmd``. Its answer's application is appended to ``taken``
        when no other local command holds it (``_take_applications`` writes them all at the
        end of the batch), or deferred behind the commands that do."""
        owned.release(cmd)
        self._done(s, cmd, accepted.application.version,
                   later=owned.owns_application(app_id))
        new_version = accepted.application.version
        if owned.owns_application(app_id):
            _defer(s, "application", str(app_id), new_version,
                   ApplicationChange(entity="application",
                                     data=accepted.application).model_dump_json())
        else:
            taken.append(accepted.application)
        for item in accepted.items:
            if owned.owns_item(item.id):
                _defer(s, "item", item.id, item.version,
                       ItemChange(entity="item", data=item).model_dump_json())
            else:
                mapping.apply_item(s, item)
                report.changed_items.add(item.id)
                self._release_deferred(s, "item", item.id, report)
        report.pushed += 1

    def _take_applications(self, s: Session, wires: list[ApplicationWire],
                           report: SyncReport) -> None:
        """The service's copies of the applications a batch's answers carry, written over
        the local ones at once (one command per application in a batch: ``_heads``); then
        any pulled change held back behind those commands, if newer."""
        if not wires:
            return
        newest: dict[int, ApplicationWire] = {}
        for wire in wires:
            if wire.id not in newest or newest[wire.id].version < wire.version:
                newest[wire.id] = wire
        wires = list(newest.values())
        mapping.replace_applications(s, wires)
        report.changed_applications.update(newest)
        held = {int(entity_id) for (entity_id,) in s.execute(
            select(DeferredChange.entity_id).where(
                DeferredChange.entity == "application",
                DeferredChange.entity_id.in_([str(w.id) for w in wires])))}
        for wire in wires:
            if wire.id in held:
                self._release_deferred(s, "application", str(wire.id), report)

    def _force_application(self, s: Session, wire: ApplicationWire) -> None:
        app = s.get(Application, wire.id)
        if app is not None and app.server_version >= wire.version:
            app.server_version = wire.version - 1  # the local copy holds unsent local edits
        mapping.apply_application(s, wire)

    def _release_deferred(self, s: Session, entity: str, entity_id: str,
                          report: SyncReport) -> None:
        row = s.get(DeferredChange, (entity, entity_id))
        if row is None:
            return
        s.delete(row)
        s.flush()
        change = _CHANGE.validate_json(row.body)
        self._apply_page(s, [change], report, None)

    def _mark_conflict(self, s: Session, row_id: int, status: int,
                       problem: Problem | None) -> None:
        cmd = s.get(OutboxCommand, row_id)
        assert cmd is not None
        cmd.state = CommandState.CONFLICT
        cmd.attempts += 1
        cmd.last_error = f"HTTP {status}: {problem.title if problem else ''}"[:500]
        cmd.conflict = {
            "status": status,
            "title": problem.title if problem else None,
            "detail": problem.detail if problem else None,
            "current": (problem.current.model_dump(mode="json")
                        if problem and problem.current else None),
            "current_items": ([i.model_dump(mode="json") for i in problem.current_items]
                              if problem and problem.current_items else []),
            "detail_lv": problem.detail_lv if problem else None,
            "current_item": (problem.current_item.model_dump(mode="json")
                             if problem and problem.current_item else None),
            "current_offered_kind": (problem.current_offered_kind.model_dump(mode="json")
                                     if problem and problem.current_offered_kind else None),
            "current_institution": (problem.current_institution.model_dump(mode="json")
                                    if problem and problem.current_institution else None),
        }

    def _schedule_retry(self, s: Session, row_id: int, why: str,
                        retry_after: float | None = None) -> None:
        cmd = s.get(OutboxCommand, row_id)
        assert cmd is not None
        cmd.attempts += 1
        cmd.last_error = why[:500]
        delay = Backoff.delay_for(cmd.attempts, retry_after)
        cmd.next_attempt_at = self._clock() + timedelta(seconds=delay)

    def _note_attempt(self, row_ids: list[int], exc: Exception) -> None:
        """The whole request failed: the answer may have been lost after the server applied
        it, so the commands stay pending and go again with the same key."""
        with self.store.write() as s:
            for row_id in row_ids:
                cmd = s.get(OutboxCommand, row_id)
                if cmd is not None:
                    cmd.attempts += 1
                    cmd.last_error = type(exc).__name__

    def _send_catalogue(self, cmd: PendingCommand) -> tuple[int, Any, Problem | None]:
        """One catalogue write on its own endpoint, chosen by the registry's payload model."""
        payload = cmd.payload_model()
        match payload:
            case UpsertItemPayload():
                return self.client.put_item(self.institution_id, cmd.aggregate_id,
                                            payload.fields(), cmd.base_version)
            case SetItemStatusPayload():
                return self.client.change_item_status(
                    self.institution_id, cmd.aggregate_id,
                    ItemStatusChange(action=payload.action, reason=payload.reason),
                    cmd.base_version)
            case SetAcceptingPayload():
                return self.client.patch_offered_kind(
                    self.institution_id, cmd.aggregate_id,
                    OfferedKindPatch(accepting_applications=payload.accepting_applications),
                    cmd.base_version)
            case SetTargetGroupPayload():
                return self.client.patch_offered_kind(
                    self.institution_id, cmd.aggregate_id,
                    OfferedKindPatch(target_group=payload.target_group), cmd.base_version)
            case SetDefaultDeadlinePayload():
                return self.client.patch_settings(
                    self.institution_id, SchoolSettingsPatch(
                        default_return_deadline=payload.default_return_deadline),
                    cmd.base_version)
            case SetDocumentTemplatePayload():
                return self.client.patch_offered_kind(
                    self.institution_id, cmd.aggregate_id,
                    OfferedKindPatch(template=payload.template), cmd.base_version)
            case SetCheckInChecklistPayload():
                return self.client.patch_offered_kind(
                    self.institution_id, cmd.aggregate_id,
                    OfferedKindPatch(check_in_checklist=payload.checklist), cmd.base_version)
        raise ValueError(f"{cmd.name} is not a catalogue command")

    def _push_catalogue(self, cmd: PendingCommand, report: SyncReport) -> bool:
        try:
            status, wire, problem = self._send_catalogue(cmd)
        except (OfflineError, RetryLaterError) as exc:
            self._note_attempt([cmd.row_id], exc)
            raise
        except ValueError as exc:  # not a catalogue command, or a payload the model refuses
            with self.store.write() as s:
                self._mark_conflict(s, cmd.row_id, 422, Problem(
                    title=f"the command cannot be sent: {str(exc).splitlines()[0][:200]}",
                    status=422))
            report.conflicts += 1
            return True
        with self.store.write() as s:
            if status in (200, 201) and wire is not None:
                self._done(s, cmd, wire.version)
                if isinstance(wire, ItemWire):
                    if cmd.aggregate_id not in _owned_items(s):
                        item = s.get(Item, wire.id)
                        if item is not None:
                            item.server_version = min(item.server_version, wire.version - 1)
                        mapping.apply_item(s, wire)
                        report.changed_items.add(wire.id)
                        self._release_deferred(s, "item", wire.id, report)
                elif (isinstance(wire, OfferedKindWire)
                      and cmd.aggregate_id not in _owned_offered(s)):
                    offered = s.get(OfferedKind, wire.id)
                    if offered is not None:
                        offered.server_version = min(offered.server_version, wire.version - 1)
                    mapping.apply_offered_kind(s, wire)
                    report.changed_offered_kinds.add(wire.id)
                    self._release_deferred(s, "offered_kind", wire.id, report)
                elif (isinstance(wire, InstitutionWire)
                      and cmd.aggregate_id not in _owned_offered(s, "institution")):
                    inst = s.get(Institution, wire.id)
                    if inst is not None:
                        inst.server_version = min(inst.server_version, wire.version - 1)
                    mapping.apply_institution(s, wire)
                    report.changed_institution = True
                    self._release_deferred(s, "institution", wire.id, report)
                report.pushed += 1
            elif status in TRANSIENT:
                self._schedule_retry(s, cmd.row_id, f"HTTP {status}")
                report.retry_later += 1
                return False
            elif status == 412 and _already_applied(cmd, problem):
                # Our earlier attempt was applied and its answer lost: the server already
                # holds exactly what this command asks for (RFC 9110 §13.1.1's own advice).
                assert problem is not None
                current = (problem.current_item or problem.current_offered_kind
                           or problem.current_institution)
                assert current is not None
                self._done(s, cmd, current.version)
                report.pushed += 1
            else:
                self._mark_conflict(s, cmd.row_id, status, problem)
                report.conflicts += 1
        return True


def _already_applied(cmd: PendingCommand, problem: Problem | None) -> bool:
    """Whether a catalogue write refused as stale asked for what the server already holds."""
    if problem is None:
        return False
    payload = cmd.payload_model()
    item, offered = problem.current_item, problem.current_offered_kind
    school = problem.current_institution
    match payload:
        case UpsertItemPayload() if item is not None:
            held = ItemUpsert.model_validate(item.model_dump(
                include=set(ItemUpsert.model_fields)))
            return payload.fields() == held
        case SetItemStatusPayload() if item is not None:
            return item.status is payload.status
        case SetAcceptingPayload() if offered is not None:
            return offered.accepting_applications == payload.accepting_applications
        case SetTargetGroupPayload() if offered is not None:
            return offered.target_group is payload.target_group
        case SetDefaultDeadlinePayload() if school is not None:
            return school.default_return_deadline == payload.default_return_deadline
        case SetDocumentTemplatePayload() if offered is not None:
            wanted = payload.template.model_dump(mode="json")
            return any(d.model_dump(mode="json", include=set(wanted)) == wanted
                       for d in offered.documents)
        case SetCheckInChecklistPayload() if offered is not None:
            return offered.check_in_checklist == payload.checklist
    return False
