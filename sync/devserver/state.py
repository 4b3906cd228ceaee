"""The reference service's rules: sign-in, the changes feed, commands, catalogue, applicant.

Everything the HTTP endpoints do is a method here, so tests (and the demo) can call the same
logic in-process. The state machines and the grant rule are ``desktop.models.workflow``'s and
the role rules ``desktop.models.permissions``' — the very functions the app uses offline.
Server time is authoritative: every timestamp a command sets is the server's "now".
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import hmac
import json
import secrets
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel, ValidationError

from desktop.models.aggregates import (
    APPLICATION_WRITABLE,
    ApplicationData,
    Applied,
    Context,
    HandoverData,
    ItemData,
    OfferedKindData,
)
from desktop.models.codes import (
    ApplicantRole,
    ApplicationStatus,
    DocumentType,
    GuardianCheck,
    HandoverStatus,
    StaffRole,
    TargetGroup,
)
from desktop.models.commands import (
    MAX_FILE_BYTES,
    CommandName,
    Payload,
    SetAcceptingPayload,
    SetCheckInChecklistPayload,
    SetDefaultDeadlinePayload,
    SetDocumentTemplatePayload,
    SetItemStatusPayload,
    SetTargetGroupPayload,
    UpsertItemPayload,
    apply_command,
    documents_of,
    spec,
    touched_items,
)
from desktop.models.duplicates import is_open
from desktop.models.notices import notices_for
from desktop.models.permissions import Permission, allows
from desktop.models.rules import (
    RuleRefused,
    Work,
    confirm_receipt,
    report_incident,
    set_accepting,
    set_check_in_checklist,
    set_default_return_deadline,
    set_document_template,
    set_item_status,
    set_target_group,
    start,
    upsert_item,
    withdraw,
)
from desktop.models.workflow import ItemAction, WorkflowError
from sync.devserver.applicants import ApplicantSessions
from sync.devserver.db import Database
from sync.devserver.problems import (
    BAD_CURSOR,
    CONFLICT,
    CURSOR_EXPIRED,
    DUPLICATE,
    FORBIDDEN,
    INVALID,
    KEY_REUSED,
    NOT_FOUND,
    PRECONDITION_REQUIRED,
    STALE,
    UNAUTHORIZED,
    Answer,
    ProblemError,
    invalid,
)
from sync.devserver.workstations import (
    Workstations,
    another_workstations_token,
    revoked_problem,
)
from sync.protocol import (
    MAX_BATCH,
    MAX_BATCH_HEADER,
    PROBLEM_JSON,
    ApplicantIncident,
    ApplicantSubmission,
    ApplicantWithdrawal,
    ApplicationWire,
    ChangeSignal,
    CommandAccepted,
    CommandRequest,
    Contact,
    DocumentWire,
    DueOn,
    DuplicateCheck,
    DuplicateFound,
    HandoverWire,
    InstitutionWire,
    ItemStatusChange,
    ItemUpsert,
    ItemWire,
    Membership,
    Name,
    NotificationWire,
    OfferedKindPatch,
    OfferedKindWire,
    ResourceKindWire,
    SchoolSettingsPatch,
    TokenResponse,
    Wire,
    etag,
    parse_etag,
)

DEFAULT_LIMIT = 500
MAX_LIMIT = 5000
REFRESH_TTL = 30 * 86400
# MAX_BATCH (the wire's bound) and MAX_BATCH_HEADER come from sync.protocol: one name and one
# number for the client and the service. A service may allow fewer (``DevState.max_batch``).

class InstitutionSettings(Wire):
    """PUT body of ``/v1/institutions/{iid}/settings``: the institution minus id and version."""

    name: Name
    address: str | None = None
    # The return deadline new handovers get unless staff choose another (the school year's
    # end); the desktop's prepare dialogs pre-fill it.
    default_return_deadline: DueOn | None = None

    def wire(self, institution_id: str, version: int) -> InstitutionWire:
        return InstitutionWire(id=institution_id, version=version, name=self.name,
                               address=self.address,
                               default_return_deadline=self.default_return_deadline)


class OAuthError(Exception):
    """An RFC 6749 §5.2 error of the token endpoint."""

    def __init__(self, error: str, description: str) -> None:
        super().__init__(description)
        self.error = error
        self.description = description


@dataclass(frozen=True)
class Principal:
    """The signed-in staff user behind a request, with a role per institution."""

    username: str
    display_name: str
    roles: dict[str, StaffRole] = field(default_factory=dict)


def now_utc() -> datetime:
    return datetime.now(UTC)


def _hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${salt.hex()}${digest.hex()}"


def _check_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        got = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r),
                             p=int(p), dklen=len(digest) // 2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _access_for(refresh_token: str) -> str:
    """The access token issued together with a refresh token.

    Derived one-way from the refresh token, so the refresh grant can find (and revoke) the
    access token it replaces without storing a link; holding the access token tells nothing
    about the refresh token, and holding the refresh token already gives a new access token.
    """
    digest = hmac.new(refresh_token.encode(), b"resursi access token", "sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _change(entity: str, body: str) -> str:
    return '{"entity":"' + entity + '","data":' + body + "}"


def fingerprint(application_id: int, request: CommandRequest) -> str:
    """What makes two requests under one Idempotency-Key "the same request".

    The application, the command and its payload; not ``base_version``: a retry of an
    applied command rebased on the version it produced is still that command.
    """
    canonical = json.dumps(
        {"application_id": application_id, "command": request.command,
         "payload": request.payload},
        sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def application_data(app: ApplicationWire) -> ApplicationData:
    """The plain aggregate the core's rules work on, from the stored wire record."""
    return ApplicationData(
        id=app.id, number=app.number, institution_id=app.institution_id,
        kind_code=app.kind_code, status=app.status, status_changed_at=app.status_changed_at,
        applicant_role=app.submitter.role,
        social_status_confirmed=any(s.confirmed for s in app.social_statuses),
        decision_reason=app.decision_reason, revisit_on=app.revisit_on,
        withdrawal_reason=app.withdrawal_reason,
        handovers=[HandoverData(**h.model_dump()) for h in app.handovers],
        notes=app.notes,
    )


def item_data(item: ItemWire) -> ItemData:
    return ItemData(id=item.id, institution_id=item.institution_id, kind_code=item.kind_code,
                    inventory_no=item.inventory_no, status=item.status,
                    socially_supported=item.socially_supported)


def prepared_handover(app: ApplicationWire | None) -> HandoverWire | None:
    """The handover ready for issue, the one the desk's QR code is for (None: none is)."""
    if app is None:
        return None
    return next((h for h in app.handovers if h.status is HandoverStatus.PREPARED), None)


def without_receipt_tokens(app: ApplicationWire) -> ApplicationWire:
    """The application as its applicant may see it: without the desk's receipt tokens (only
    the QR code at the desk may carry one to the e-service)."""
    if not any(h.receipt_token for h in app.handovers):
        return app
    return app.model_copy(update={"handovers": [
        h.model_copy(update={"receipt_token": None}) for h in app.handovers]})


class DevState:
    """The service's state and rules over one ``Database``."""

    def __init__(self, db: Database, *, token_ttl: int = 3600,
                 clock: Callable[[], float] = time.time, max_batch: int = MAX_BATCH) -> None:
        self.db = db
        self.token_ttl = token_ttl
        if not 1 <= max_batch <= MAX_BATCH:
            raise ValueError(f"max_batch must be between 1 and {MAX_BATCH}")
        # The most commands a batch may hold here (advertised on every batch answer).
        self.max_batch = max_batch
        # Token lifetimes are read off this clock, so a test can let a token lapse by
        # moving the clock instead of waiting for it.
        self.clock = clock
        self.applicant_sessions = ApplicantSessions(lambda: self.clock())
        self.workstations = Workstations(db, lambda: self.clock())

    # ==== reading aggregates (also the test helpers) ============================================
    def find_application(self, application_id: int) -> ApplicationWire | None:
        body = self.db.body("application", application_id)
        return None if body is None else ApplicationWire.model_validate_json(body)

    def application(self, application_id: int) -> ApplicationWire:
        app = self.find_application(application_id)
        if app is None:
            raise ProblemError(404, f"no application {application_id}", type_=NOT_FOUND)
        return app

    def find_item(self, item_id: str) -> ItemWire | None:
        body = self.db.body("item", item_id)
        return None if body is None else ItemWire.model_validate_json(body)

    def _list(self, sql: str, args: tuple[Any, ...], model: type[BaseModel]) -> list[Any]:
        with self.db.reading() as conn:
            rows = conn.execute(sql, args).fetchall()
        return [model.model_validate_json(r[0]) for r in rows]

    def items(self, institution_id: str | None = None) -> list[ItemWire]:
        if institution_id is None:
            return self._list("SELECT body FROM items ORDER BY inventory_no", (), ItemWire)
        return self._list("SELECT body FROM items WHERE institution_id = ? "
                          "ORDER BY inventory_no", (institution_id,), ItemWire)

    def application_ids(self, institution_id: str | None = None) -> list[int]:
        with self.db.reading() as conn:
            if institution_id is None:
                rows = conn.execute("SELECT id FROM applications ORDER BY id").fetchall()
            else:
                rows = conn.execute("SELECT id FROM applications WHERE institution_id = ? "
                                    "ORDER BY id", (institution_id,)).fetchall()
        return [r[0] for r in rows]

    def applications(self, institution_id: str | None = None) -> list[ApplicationWire]:
        if institution_id is None:
            return self._list("SELECT body FROM applications ORDER BY id", (), ApplicationWire)
        return self._list("SELECT body FROM applications WHERE institution_id = ? ORDER BY id",
                          (institution_id,), ApplicationWire)

    def offered_kinds(self, institution_id: str | None = None) -> list[OfferedKindWire]:
        if institution_id is None:
            return self._list("SELECT body FROM offered_kinds ORDER BY institution_id, kind_code",
                              (), OfferedKindWire)
        return self._list("SELECT body FROM offered_kinds WHERE institution_id = ? "
                          "ORDER BY kind_code", (institution_id,), OfferedKindWire)

    def offered_kind_for(self, institution_id: str, kind_code: str) -> OfferedKindWire | None:
        found = self._list("SELECT body FROM offered_kinds WHERE institution_id = ? "
                           "AND kind_code = ?", (institution_id, kind_code), OfferedKindWire)
        return found[0] if found else None

    def institutions(self) -> list[InstitutionWire]:
        return self._list("SELECT body FROM institutions ORDER BY id", (), InstitutionWire)

    def find_institution(self, institution_id: str) -> InstitutionWire | None:
        body = self.db.body("institution", institution_id)
        return None if body is None else InstitutionWire.model_validate_json(body)

    def resource_kinds(self) -> list[ResourceKindWire]:
        return self._list("SELECT body FROM resource_kinds ORDER BY code", (), ResourceKindWire)

    def handover_owner(self, handover_id: str) -> int | None:
        with self.db.reading() as conn:
            row = conn.execute("SELECT application_id FROM handovers WHERE id = ?",
                               (handover_id,)).fetchone()
        return None if row is None else row[0]

    # ==== writing aggregates ====================================================================
    def save_application(self, conn: sqlite3.Connection, app: ApplicationWire) -> None:
        body = app.model_dump_json()
        conn.execute(
            "INSERT INTO applications (id, institution_id, version, body) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET institution_id = excluded.institution_id, "
            "version = excluded.version, body = excluded.body",
            (app.id, app.institution_id, app.version, body),
        )
        for h in app.handovers:
            conn.execute(
                "INSERT INTO handovers (id, application_id, act_number) VALUES (?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET act_number = excluded.act_number",
                (h.id, app.id, h.act_number),
            )
        self.db.record_change(app.institution_id, "application", str(app.id),
                              _change("application", body))

    def save_item(self, conn: sqlite3.Connection, item: ItemWire) -> None:
        body = item.model_dump_json()
        conn.execute(
            "INSERT INTO items (id, institution_id, inventory_no, version, body) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "institution_id = excluded.institution_id, inventory_no = excluded.inventory_no, "
            "version = excluded.version, body = excluded.body",
            (item.id, item.institution_id, item.inventory_no, item.version, body),
        )
        self.db.record_change(item.institution_id, "item", item.id, _change("item", body))

    def save_offered_kind(self, conn: sqlite3.Connection, offered: OfferedKindWire) -> None:
        body = offered.model_dump_json()
        conn.execute(
            "INSERT INTO offered_kinds (id, institution_id, kind_code, version, body) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "kind_code = excluded.kind_code, version = excluded.version, body = excluded.body",
            (offered.id, offered.institution_id, offered.kind_code, offered.version, body),
        )
        self.db.record_change(offered.institution_id, "offered_kind", offered.id,
                              _change("offered_kind", body))

    def save_institution(self, conn: sqlite3.Connection, inst: InstitutionWire) -> None:
        body = inst.model_dump_json()
        conn.execute(
            "INSERT INTO institutions (id, version, body) VALUES (?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET version = excluded.version, body = excluded.body",
            (inst.id, inst.version, body),
        )
        self.db.record_change(inst.id, "institution", inst.id, _change("institution", body))

    def save_resource_kind(self, conn: sqlite3.Connection, kind: ResourceKindWire) -> None:
        """Resource kinds are global: a copy of the change goes into every school's feed."""
        body = kind.model_dump_json()
        conn.execute("INSERT OR REPLACE INTO resource_kinds (code, body) VALUES (?, ?)",
                     (kind.code, body))
        for (iid,) in conn.execute("SELECT id FROM institutions ORDER BY id").fetchall():
            self.db.record_change(iid, "resource_kind", kind.code,
                                  _change("resource_kind", body))

    def load(self, *, institutions: Iterable[InstitutionWire] = (),
             resource_kinds: Iterable[ResourceKindWire] = (),
             offered_kinds: Iterable[OfferedKindWire] = (),
             items: Iterable[ItemWire] = (),
             application_rows: Iterable[tuple[int, str, int, str]] = ()) -> None:
        """Bulk insert (seeding): reference data first, so it leads every school's feed.

        ``application_rows`` are ``(id, institution_id, version, ApplicationWire JSON)``.
        """
        with self.db.transaction() as conn:
            for inst in institutions:
                self.save_institution(conn, inst)
            for kind in resource_kinds:
                self.save_resource_kind(conn, kind)
            for offered in offered_kinds:
                self.save_offered_kind(conn, offered)
            for item in items:
                self.save_item(conn, item)
            rows = list(application_rows)
            conn.executemany("INSERT INTO applications (id, institution_id, version, body) "
                             "VALUES (?, ?, ?, ?)", rows)
            conn.executemany(
                "INSERT INTO changes (institution_id, entity, entity_id, body) "
                "VALUES (?, 'application', ?, ?)",
                ((iid, str(aid), _change("application", body)) for aid, iid, _, body in rows),
            )
            handover_rows = []
            for aid, _, _, body in rows:
                if '"handovers":[]' in body:
                    continue
                for h in json.loads(body)["handovers"]:
                    handover_rows.append((h["id"], aid, h["act_number"]))
            conn.executemany("INSERT INTO handovers (id, application_id, act_number) "
                             "VALUES (?, ?, ?)", handover_rows)
            top = conn.execute("SELECT COALESCE(MAX(id), 0) FROM applications").fetchone()[0]
            current = int(self.db.meta("next_application_id") or 1)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('next_application_id', ?)",
                         (str(max(current, top + 1)),))

    # ==== users and tokens ======================================================================
    def usernames(self) -> list[str]:
        with self.db.reading() as conn:
            return [r[0] for r in conn.execute("SELECT username FROM users ORDER BY username")]

    def add_user(self, username: str, password: str,
                 memberships: Mapping[str, StaffRole | str], *,
                 display_name: str | None = None) -> None:
        """Add (or replace) a staff user with a role per institution id."""
        hashed = _hash_password(password)
        with self.db.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO users VALUES (?, ?, ?)",
                         (username, display_name or username, hashed))
            conn.execute("DELETE FROM memberships WHERE username = ?", (username,))
            conn.executemany("INSERT INTO memberships VALUES (?, ?, ?)",
                             [(username, iid, StaffRole(role).value)
                              for iid, role in memberships.items()])

    def _memberships(self, conn: sqlite3.Connection, username: str) -> list[Membership]:
        rows = conn.execute(
            "SELECT m.institution_id, m.role, i.body FROM memberships m "
            "LEFT JOIN institutions i ON i.id = m.institution_id "
            "WHERE m.username = ? ORDER BY m.institution_id", (username,)).fetchall()
        return [
            Membership(institution_id=iid, role=StaffRole(role),
                       institution_name=json.loads(body)["name"] if body else iid)
            for iid, role, body in rows
        ]

    def _issue_tokens(self, conn: sqlite3.Connection, username: str, display_name: str,
                      workstation_id: str | None) -> TokenResponse:
        """A new pair, bound to ``workstation_id`` (None: unbound). Issued in the caller's
        write transaction, which also sees whether the workstation has just been revoked:
        then nothing is issued, so a revocation never leaves a pair behind."""
        if workstation_id is not None and self.workstations.is_revoked(workstation_id):
            raise revoked_problem()
        refresh = secrets.token_urlsafe(32)
        access = _access_for(refresh)
        now = self.clock()
        conn.execute("DELETE FROM tokens WHERE expires_at < ?", (now,))
        conn.executemany(
            "INSERT INTO tokens (hash, kind, username, expires_at, workstation_id) "
            "VALUES (?, ?, ?, ?, ?)",
            [(_token_hash(access), "access", username, now + self.token_ttl, workstation_id),
             (_token_hash(refresh), "refresh", username, now + REFRESH_TTL, workstation_id)])
        return TokenResponse(access_token=access, refresh_token=refresh,
                             expires_in=max(1, self.token_ttl), username=username,
                             display_name=display_name,
                             memberships=self._memberships(conn, username))

    def password_grant(self, username: str, password: str,
                       workstation_id: str | None = None) -> TokenResponse:
        """Sign-in; the tokens are bound to ``workstation_id`` (the request's header) when
        given. ``OAuthError`` for wrong credentials, the revoked problem for a revoked one."""
        with self.db.reading() as conn:
            row = conn.execute("SELECT display_name, password_hash FROM users "
                               "WHERE username = ?", (username,)).fetchone()
        # Hash even for an unknown user, so that timing does not tell which names exist.
        ok = _check_password(password, row[1] if row else _dummy_hash()) and row is not None
        if not ok:
            raise OAuthError("invalid_grant", "the user name or password is wrong")
        with self.db.transaction() as conn:
            return self._issue_tokens(conn, username, row[0], workstation_id)

    def refresh_grant(self, refresh_token: str,
                      workstation_id: str | None = None) -> TokenResponse:
        """A new pair for a valid refresh token. One bound to a workstation renews only on a
        request naming that workstation (else ``invalid_grant``, and it is not spent: a
        thief's try does not sign the owner out); the new pair stays bound. An unbound one
        renewed with the header gives a pair bound to it."""
        with self.db.transaction() as conn:
            row = conn.execute(
                "SELECT t.username, u.display_name, t.expires_at, t.workstation_id "
                "FROM tokens t JOIN users u ON u.username = t.username "
                "WHERE t.hash = ? AND t.kind = 'refresh'",
                (_token_hash(refresh_token),)).fetchone()
            if row is None or row[2] < self.clock():
                raise OAuthError("invalid_grant", "the refresh token is not valid")
            bound = row[3]
            if bound is not None:
                if self.workstations.is_revoked(bound):
                    raise revoked_problem()
                if bound != workstation_id:
                    raise OAuthError("invalid_grant", "the refresh token was issued to "
                                     "another workstation: send its X-Resursi-Workstation")
            # Rotation: the refresh token used is spent, and the access token it was issued
            # with is revoked, so a leaked pair is worth nothing after the next refresh.
            conn.execute("DELETE FROM tokens WHERE hash IN (?, ?)",
                         (_token_hash(refresh_token), _token_hash(_access_for(refresh_token))))
            return self._issue_tokens(conn, row[0], row[1], bound or workstation_id)

    def principal_for(self, access_token: str, workstation_id: str | None = None) -> Principal:
        """The staff member an access token signs in, on a request naming ``workstation_id``
        (None: no header). A token bound to a workstation is refused (401) on a request that
        does not name it, so tokens taken from a laptop's keyring do not work without it;
        when that workstation is revoked, the answer is the revoked problem."""
        with self.db.reading() as conn:
            row = conn.execute(
                "SELECT t.username, u.display_name, t.expires_at, t.workstation_id "
                "FROM tokens t JOIN users u ON u.username = t.username "
                "WHERE t.hash = ? AND t.kind = 'access'",
                (_token_hash(access_token),)).fetchone()
            if row is None or row[2] < self.clock():
                raise ProblemError(
                    401, "the access token is not valid or has expired", type_=UNAUTHORIZED,
                    headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
            if row[3] is not None and row[3] != workstation_id:
                if self.workstations.is_revoked(row[3]):
                    raise revoked_problem()
                raise another_workstations_token()
            roles = {iid: StaffRole(role) for iid, role in conn.execute(
                "SELECT institution_id, role FROM memberships WHERE username = ?", (row[0],))}
        return Principal(row[0], row[1], roles)

    def expire_tokens(self) -> None:
        """Dev control: every access token expires now (refresh tokens stay valid)."""
        with self.db.transaction() as conn:
            conn.execute("UPDATE tokens SET expires_at = 0 WHERE kind = 'access'")

    @staticmethod
    def require(principal: Principal, institution_id: str,
                permission: Permission | None = None) -> StaffRole:
        role = principal.roles.get(institution_id)
        if role is None:
            raise ProblemError(403, f"no role at the institution {institution_id}",
                               type_=FORBIDDEN)
        if permission is not None and not allows(role, permission):
            raise ProblemError(
                403, f"the role {role.value} may not {permission.value.replace('_', ' ')}",
                type_=FORBIDDEN)
        return role

    # ==== the changes feed ======================================================================
    def _cursor(self, seq: int) -> str:
        raw = f"{self.db.meta('epoch')}:{seq}".encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    def _position(self, cursor: str | None) -> int:
        floor = int(self.db.meta("floor") or 0)
        if not cursor:
            return floor
        try:
            text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
            epoch, _, seq_text = text.partition(":")
            seq = int(seq_text)
            if not epoch or seq < 0:
                raise ValueError(cursor)
        except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
            raise ProblemError(400, "the cursor is not one this service handed out",
                               type_=BAD_CURSOR) from exc
        if epoch != self.db.meta("epoch"):
            raise ProblemError(410, "the cursor is from another epoch of this service; "
                               "sync again from the beginning", type_=CURSOR_EXPIRED)
        if seq < floor:
            raise ProblemError(410, "the cursor has expired; sync again from the beginning",
                               type_=CURSOR_EXPIRED)
        return seq

    def changes_page(self, principal: Principal | None, institution_id: str,
                     cursor: str | None, limit: int = DEFAULT_LIMIT) -> str:
        """The JSON of one ``ChangesPage``, built from the stored change texts as they are."""
        if principal is not None:
            self.require(principal, institution_id)
        if not 1 <= limit <= MAX_LIMIT:
            raise ProblemError(400, f"limit must be between 1 and {MAX_LIMIT}", type_=INVALID)
        with self.db.reading():
            position = self._position(cursor)
            rows = self.db.page(institution_id, position, limit + 1)
            has_more = len(rows) > limit
            rows = rows[:limit]
            next_cursor = self._cursor(rows[-1][0] if rows else position)
        return ('{"changes":[' + ",".join(r[1] for r in rows) + '],"next_cursor":"'
                + next_cursor + '","has_more":' + ("true" if has_more else "false") + "}")

    def feed_signal(self, principal: Principal | None, institution_id: str,
                    cursor: str | None) -> ChangeSignal:
        """Whether the school's feed holds changes past ``cursor`` (no cursor: any at all),
        with the feed's head. A cursor the feed no longer serves answers as the feed does
        (400, 410), so the waiting client resyncs."""
        if principal is not None:
            self.require(principal, institution_id)
        with self.db.reading() as conn:
            position = self._position(cursor)
            top = conn.execute("SELECT MAX(seq) FROM changes WHERE institution_id = ?",
                               (institution_id,)).fetchone()[0]
            head = max(position, top or 0)
            return ChangeSignal(changed=top is not None and top > position,
                                cursor=self._cursor(head))

    def expire_cursors(self) -> int:
        """Dev control: every cursor handed out so far answers 410 from now on."""
        return self.db.raise_floor()

    def delete_application(self, application_id: int) -> str:
        """Dev control (retention): the application goes; its tombstone enters the feed."""
        with self.db.transaction() as conn:
            app = self.application(application_id)
            conn.execute("DELETE FROM applications WHERE id = ?", (application_id,))
            conn.execute("DELETE FROM handovers WHERE application_id = ?", (application_id,))
            tombstone = json.dumps({"entity": "tombstone", "of": "application",
                                    "id": str(application_id),
                                    "deleted_at": now_utc().isoformat().replace("+00:00", "Z")})
            self.db.record_change(app.institution_id, "application", str(application_id),
                                  tombstone)
        return tombstone

    def delete_record(self, of: str, record_id: str) -> str:
        """Dev control: an item or an offered kind is withdrawn from the register (written
        off, no longer lent); its tombstone enters the school's feed."""
        table = {"item": "items", "offered_kind": "offered_kinds"}[of]
        with self.db.transaction() as conn:
            row = conn.execute(f"SELECT institution_id FROM {table} WHERE id = ?",  # noqa: S608
                               (record_id,)).fetchone()
            if row is None:
                raise ProblemError(404, f"no {of} {record_id}", type_=NOT_FOUND)
            conn.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))  # noqa: S608
            tombstone = json.dumps({"entity": "tombstone", "of": of, "id": record_id,
                                    "deleted_at": now_utc().isoformat().replace("+00:00", "Z")})
            self.db.record_change(row[0], of, record_id, tombstone)
        return tombstone

    # ==== commands ==============================================================================
    def command(self, principal: Principal | None, application_id: int,
                request: CommandRequest) -> Answer:
        """Apply one command (or replay its stored answer); never raises ProblemError.

        ``principal`` None means "trusted caller" (tests): no role checks.
        """
        fp = fingerprint(application_id, request)
        with self.db.lock:
            stored = self.db.conn.execute(
                "SELECT fingerprint, institution_id, command, status, body, headers "
                "FROM idempotency WHERE key = ?", (request.command_id,)).fetchone()
            try:
                if stored is not None:
                    if stored[0] != fp:
                        raise ProblemError(
                            422, "this Idempotency-Key was already used for another request",
                            type_=KEY_REUSED)
                    if principal is not None:
                        self.require(principal, stored[1], spec(stored[2]).permission)
                    return Answer(stored[3], stored[4], json.loads(stored[5]),
                                  "application/json" if stored[3] == 200 else PROBLEM_JSON)
                # A part of the caller's transaction when in a batch: a refusal undoes this
                # command's writes only.
                with self.db.savepoint() as conn:
                    answer, app_iid = self._apply(principal, application_id, request, conn)
                    conn.execute(
                        "INSERT INTO idempotency VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (request.command_id, fp, app_iid, request.command, answer.status,
                         answer.body, json.dumps(answer.headers), now_utc().isoformat()))
                    return answer
            except ProblemError as exc:
                if exc.status in (409, 412) and request.command == CommandName.FILE_ACT:
                    self._drop_unreferenced(application_id, request)
                return exc.answer()

    def _drop_unreferenced(self, application_id: int, request: CommandRequest) -> None:
        """An act that lost the race to another workstation's: its upload is kept by no one."""
        app = self.find_application(application_id)
        act_id = (request.payload.get("act") or {}).get("id")
        if app is None or not isinstance(act_id, str):
            return
        named = {h.act_document_id for h in app.handovers} | {
            a.id for h in app.handovers for a in h.attachments}
        if act_id not in named:
            with self.db.transaction() as conn:
                conn.execute("DELETE FROM files WHERE id = ? AND institution_id = ?",
                             (act_id, app.institution_id))

    def _touched_now(self, app: ApplicationWire, payload: Payload) -> list[ItemWire]:
        """The items the command would touch, as they are now (for 409/412 bodies)."""
        found = []
        for item_id in touched_items(application_data(app), payload):
            item = self.find_item(item_id)
            if item is not None and item.institution_id == app.institution_id:
                found.append(item)
        return found

    def context(self, institution_id: str, now: datetime) -> Context:
        """What the core's rules may ask of this service's store."""
        def find(item_id: str) -> ItemData | None:
            item = self.find_item(item_id)
            return item_data(item) if item is not None else None

        def group(kind_code: str) -> TargetGroup | None:
            offered = self.offered_kind_for(institution_id, kind_code)
            return offered.target_group if offered is not None else None

        return Context(now=now, find_item=find, offered_target_group=group,
                       handover_id_used=lambda hid: self.handover_owner(hid) is not None)

    def commit_applied(self, conn: sqlite3.Connection, original: ApplicationWire,
                       applied: Applied, patch: Mapping[str, Any] | None = None
                       ) -> tuple[ApplicationWire, list[ItemWire]]:
        """Write what a rule decided as new versions (the caller holds the transaction)."""
        assert applied.application is not None
        body = original.model_dump()
        data = applied.application
        for name in APPLICATION_WRITABLE:
            body[name] = getattr(data, name)
        body["handovers"] = [asdict(h) for h in data.handovers]
        body.update(patch or {})
        body["version"] = original.version + 1
        try:
            app = ApplicationWire.model_validate(body)
            items: list[ItemWire] = []
            changed: list[ItemWire] = []
            for item_id, now in applied.items.items():
                before = self.find_item(item_id)
                assert before is not None
                if item_id not in applied.changed_items:  # looked at, not changed
                    items.append(before)
                    continue
                items.append(before.model_copy(update={"status": now.status,
                                                       "version": before.version + 1}))
                changed.append(items[-1])
        except ValidationError as exc:  # e.g. too many handovers; never echo the values
            where = ", ".join(".".join(map(str, e["loc"])) for e in exc.errors())
            raise RuleRefused(f"the result would not be valid ({where})",
                              f"rezultāts nebūtu derīgs ({where})") from None
        for h in app.handovers:
            if h.act_number is None:
                continue
            clash = conn.execute("SELECT id FROM handovers WHERE act_number = ? AND id != ?",
                                 (h.act_number, h.id)).fetchone()
            if clash is not None:
                raise RuleRefused(f"the act number {h.act_number} is already used",
                                  f"akta numurs {h.act_number} jau ir izmantots")
        self.save_application(conn, app)
        for item in changed:
            self.save_item(conn, item)
        return app, items

    def _apply(self, principal: Principal | None, application_id: int,
               request: CommandRequest, conn: sqlite3.Connection) -> tuple[Answer, str]:
        app = self.application(application_id)
        entry = spec(request.command)
        if entry.aggregate != "application":
            raise ProblemError(422, f"{entry.name.value} is not a command on an application",
                               type_=INVALID, errors=[{"loc": ["command"],
                                                       "msg": "not an application command",
                                                       "type": "command"}])
        if principal is not None:
            self.require(principal, app.institution_id, entry.permission)
        try:
            payload = entry.parse(request.payload)
        except ValidationError as exc:
            raise invalid(exc, f"{request.command} payload") from exc
        if request.base_version != app.version:
            raise ProblemError(
                412, f"the application is at version {app.version}, the command was based "
                f"on version {request.base_version}", type_=STALE, current=app,
                current_items=self._touched_now(app, payload))
        self._check_files(conn, app.institution_id, payload)
        try:
            now = now_utc()
            applied = apply_command(entry.name, application_data(app), payload,
                                    self.context(app.institution_id, now))
            sent = [NotificationWire(kind=kind, at=now, handover_id=hid,
                                     channels=_channels(app))
                    for kind, hid in notices_for(entry.name, payload, applied)]
            patch = ({"notifications": [n.model_dump() for n in app.notifications]
                      + [n.model_dump() for n in sent][-200:]} if sent else None)
            new_app, items = self.commit_applied(conn, app, applied, patch)
        except WorkflowError as exc:
            raise ProblemError(409, str(exc), type_=CONFLICT, detail_lv=exc.message_lv,
                               current=app, current_items=self._touched_now(app, payload)
                               ) from exc
        accepted = CommandAccepted(command_id=request.command_id, application=new_app,
                                   items=items)
        answer = Answer(200, accepted.model_dump_json(), {"ETag": etag(new_app.version)})
        return answer, new_app.institution_id

    # ==== files that go with commands (acts, scans, police reports) ============================
    @staticmethod
    def _check_files(conn: sqlite3.Connection, institution_id: str, payload: Payload) -> None:
        """Every file a command names must be here, the school's, with that content."""
        for ref in documents_of(payload):
            row = conn.execute("SELECT institution_id, sha256, size FROM files WHERE id = ?",
                               (ref.id,)).fetchone()
            if row is None or row[0] != institution_id:
                raise ProblemError(422, f"the file {ref.id} was not uploaded", type_=INVALID,
                                   errors=[{"loc": ["payload", "file", ref.id],
                                            "msg": "upload the file first", "type": "file"}])
            if (row[1], row[2]) != (ref.sha256, ref.size):
                raise ProblemError(422, f"the file {ref.id} has other content", type_=INVALID,
                                   errors=[{"loc": ["payload", "file", ref.id],
                                            "msg": "sha256 or size differ", "type": "file"}])

    def put_file(self, principal: Principal | None, institution_id: str, file_id: str,
                 content: bytes) -> int:
        """Store a file once (201); the same bytes again are fine (200), others a 409."""
        if principal is not None:
            self.require(principal, institution_id, Permission.HAND_OVER)
        try:
            uuid.UUID(file_id)
        except ValueError:
            raise ProblemError(422, "a file id is a UUID", type_=INVALID) from None
        if not content or len(content) > MAX_FILE_BYTES:
            raise ProblemError(413, "a file is 1 byte to 20 MB", type_=INVALID)
        media = _media_type(content)
        if media is None:
            raise ProblemError(415, "only PDF, PNG and JPEG files are kept", type_=INVALID)
        digest = hashlib.sha256(content).hexdigest()
        with self.db.transaction() as conn:
            row = conn.execute("SELECT institution_id, sha256 FROM files WHERE id = ?",
                               (file_id,)).fetchone()
            if row is not None:
                if tuple(row) == (institution_id, digest):
                    return 200
                raise ProblemError(409, "this file id holds another file", type_=CONFLICT)
            conn.execute("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (file_id, institution_id, digest, len(content), media, content,
                          now_utc().isoformat()))
        return 201

    def get_file(self, principal: Principal | None, institution_id: str,
                 file_id: str) -> tuple[bytes, str]:
        if principal is not None:
            self.require(principal, institution_id)
        with self.db.reading() as conn:
            row = conn.execute("SELECT content, media_type FROM files WHERE id = ? AND "
                               "institution_id = ?", (file_id, institution_id)).fetchone()
        if row is None:
            raise ProblemError(404, f"no file {file_id}", type_=NOT_FOUND)
        return bytes(row[0]), str(row[1])

    def file_count(self, institution_id: str | None = None) -> int:
        with self.db.reading() as conn:
            if institution_id is None:
                return int(conn.execute("SELECT count(*) FROM files").fetchone()[0])
            return int(conn.execute("SELECT count(*) FROM files WHERE institution_id = ?",
                                    (institution_id,)).fetchone()[0])

    def batch(self, principal: Principal | None, institution_id: str,
              commands: Iterable[tuple[int, CommandRequest]]) -> str:
        """The JSON of a ``BatchResponse``: each command answered as the single endpoint would.

        The whole batch is one database transaction (one commit, one wake-up of the push
        channel's waiters); each command in it is judged on its own, in a savepoint of its
        own, so a refused one leaves nothing behind and the others still apply. Anything else
        going wrong midway (a crash, a full disk) rolls the whole batch back: nothing of it is
        applied, and the client sends it again with the same keys.
        """
        if principal is not None:
            self.require(principal, institution_id)
        commands = list(commands)
        if len(commands) > self.max_batch:
            raise ProblemError(
                413, f"a batch holds at most {self.max_batch} commands; this one holds "
                f"{len(commands)}: send them in batches of {self.max_batch} or fewer",
                type_=INVALID, headers={MAX_BATCH_HEADER: str(self.max_batch)},
                max_batch=self.max_batch)
        parts = []
        with self.db.transaction():
            for application_id, request in commands:
                answer = self.command(principal, application_id, request)
                ok = answer.status == 200
                parts.append(
                    '{"command_id":"' + request.command_id + '","status":'
                    + str(answer.status) + ',"accepted":' + (answer.body if ok else "null")
                    + ',"problem":' + ("null" if ok else answer.body) + "}")
        return '{"results":[' + ",".join(parts) + "]}"

    # ==== catalogue and settings ================================================================
    def _item_at(self, principal: Principal | None, institution_id: str,
                 item_id: str) -> ItemWire:
        if principal is not None:
            self.require(principal, institution_id)
        item = self.find_item(item_id)
        if item is None or item.institution_id != institution_id:
            raise ProblemError(404, f"no item {item_id} at this institution", type_=NOT_FOUND)
        return item

    def get_item(self, principal: Principal | None, institution_id: str,
                 item_id: str) -> ItemWire:
        return self._item_at(principal, institution_id, item_id)

    @staticmethod
    def _if_match(if_match: str | None, current: int, **extensions: Any) -> None:
        if if_match is None:
            raise ProblemError(428, "send If-Match with the version you edited",
                               type_=PRECONDITION_REQUIRED)
        wanted = parse_etag(if_match)
        if wanted is None:
            raise ProblemError(400, "If-Match must be a version ETag such as \"3\"",
                               type_=INVALID)
        if wanted != current:
            raise ProblemError(412, f"the current version is {current}, not {wanted}",
                               type_=STALE, **extensions)

    def put_item(self, principal: Principal | None, institution_id: str, item_id: str,
                 body: ItemUpsert, *, if_match: str | None = None,
                 if_none_match: str | None = None) -> tuple[int, ItemWire]:
        """Create (``If-None-Match: *``, 201) or replace (``If-Match``, 200) an item."""
        if principal is not None:
            self.require(principal, institution_id, Permission.EDIT_CATALOGUE)
        try:
            uuid.UUID(item_id)
        except ValueError as exc:
            raise ProblemError(422, "the item id must be a UUID", type_=INVALID) from exc
        with self.db.transaction() as conn:
            if self.find_institution(institution_id) is None:
                raise ProblemError(404, f"no institution {institution_id}", type_=NOT_FOUND)
            current = self.find_item(item_id)
            if current is not None and current.institution_id != institution_id:
                raise ProblemError(409, "this item id belongs to another institution",
                                   type_=DUPLICATE)
            if body.kind_code not in {k.code for k in self.resource_kinds()}:
                raise ProblemError(422, f"unknown resource kind {body.kind_code}",
                                   type_=INVALID, errors=[{"loc": ["kind_code"],
                                                           "msg": "unknown resource kind",
                                                           "type": "unknown_kind"}])
            clash = conn.execute("SELECT id FROM items WHERE institution_id = ? AND "
                                 "inventory_no = ? AND id != ?",
                                 (institution_id, body.inventory_no, item_id)).fetchone()
            if if_none_match is not None:
                if if_none_match.strip() != "*":
                    raise ProblemError(400, "If-None-Match must be *", type_=INVALID)
                if current is not None:
                    raise ProblemError(412, "the item already exists", type_=STALE,
                                       current_item=current.model_dump(mode="json"))
                try:
                    upsert_item(None, UpsertItemPayload(item_id=item_id, **body.model_dump()),
                                institution_id)
                except WorkflowError as exc:
                    raise ProblemError(
                        422, str(exc), type_=INVALID, detail_lv=exc.message_lv,
                        errors=[{"loc": ["status"], "msg": "not allowed for a new item",
                                 "type": "status"}]) from exc
                if clash is not None:
                    raise ProblemError(409, f"the inventory number {body.inventory_no} is "
                                       "already used at this school", type_=DUPLICATE)
                item = ItemWire(id=item_id, version=1, institution_id=institution_id,
                                **body.model_dump())
                self.save_item(conn, item)
                return 201, item
            if current is None:
                if if_match is None:
                    raise ProblemError(428, "send If-None-Match: * to create an item",
                                       type_=PRECONDITION_REQUIRED)
                raise ProblemError(404, f"no item {item_id} at this institution",
                                   type_=NOT_FOUND)
            self._if_match(if_match, current.version,
                           current_item=current.model_dump(mode="json"))
            if clash is not None:
                raise ProblemError(409, f"the inventory number {body.inventory_no} is already "
                                   "used at this school", type_=DUPLICATE)
            try:
                upsert_item(item_data(current),
                            UpsertItemPayload(item_id=item_id, **body.model_dump()),
                            institution_id)
            except WorkflowError as exc:
                raise ProblemError(409, str(exc), type_=CONFLICT, detail_lv=exc.message_lv,
                                   current_item=current.model_dump(mode="json")) from exc
            fields = body.model_dump()
            if all(getattr(current, k) == v for k, v in fields.items()):
                return 200, current
            item = ItemWire(id=item_id, version=current.version + 1,
                            institution_id=institution_id, **fields)
            self.save_item(conn, item)
            return 200, item

    def change_item_status(self, principal: Principal | None, institution_id: str,
                           item_id: str, body: ItemStatusChange, *,
                           if_match: str | None = None) -> ItemWire:
        if principal is not None:
            self.require(principal, institution_id, Permission.EDIT_CATALOGUE)
        try:
            action = ItemAction(body.action)
        except ValueError as exc:
            raise ProblemError(422, f"unknown item action {body.action}", type_=INVALID,
                               errors=[{"loc": ["action"], "msg": "unknown action",
                                        "type": "enum"}]) from exc
        with self.db.transaction() as conn:
            current = self._item_at(None, institution_id, item_id)
            self._if_match(if_match, current.version,
                           current_item=current.model_dump(mode="json"))
            data = item_data(current)
            try:
                set_item_status(data, SetItemStatusPayload(
                    item_id=item_id, action=action.value, status=current.status,
                    reason=body.reason))
                status = data.status
            except WorkflowError as exc:
                raise ProblemError(409, str(exc), type_=CONFLICT, detail_lv=exc.message_lv,
                                   current_item=current.model_dump(mode="json")) from exc
            item = current.model_copy(update={"status": status,
                                              "version": current.version + 1})
            item = ItemWire.model_validate(item.model_dump())
            self.save_item(conn, item)
            return item

    def _offered_at(self, principal: Principal | None, institution_id: str,
                    offered_kind_id: str) -> OfferedKindWire:
        if principal is not None:
            self.require(principal, institution_id)
        with self.db.reading() as conn:
            row = conn.execute("SELECT body FROM offered_kinds WHERE id = ? AND "
                               "institution_id = ?", (offered_kind_id, institution_id)).fetchone()
        if row is None:
            raise ProblemError(404, f"no offered kind {offered_kind_id} at this institution",
                               type_=NOT_FOUND)
        return OfferedKindWire.model_validate_json(row[0])

    def get_offered_kind(self, principal: Principal | None, institution_id: str,
                         offered_kind_id: str) -> OfferedKindWire:
        return self._offered_at(principal, institution_id, offered_kind_id)

    def patch_offered_kind(self, principal: Principal | None, institution_id: str,
                           offered_kind_id: str, body: OfferedKindPatch, *,
                           if_match: str | None = None) -> OfferedKindWire:
        if principal is not None:
            self.require(principal, institution_id, Permission.EDIT_CATALOGUE)
        with self.db.transaction() as conn:
            current = self._offered_at(None, institution_id, offered_kind_id)
            self._if_match(if_match, current.version,
                           current_offered_kind=current.model_dump(mode="json"))
            data = OfferedKindData(id=current.id, institution_id=current.institution_id,
                                   kind_code=current.kind_code,
                                   target_group=current.target_group,
                                   accepting_applications=current.accepting_applications,
                                   documents=[d.model_dump(mode="json")
                                              for d in current.documents],
                                   check_in_checklist=list(current.check_in_checklist))
            if body.accepting_applications is not None:
                set_accepting(data, SetAcceptingPayload(
                    offered_kind_id=current.id, kind_code=current.kind_code,
                    accepting_applications=body.accepting_applications))
            if body.target_group is not None:
                set_target_group(data, SetTargetGroupPayload(
                    offered_kind_id=current.id, kind_code=current.kind_code,
                    target_group=body.target_group))
            try:  # the rules that may refuse: one answer, with the kind as it stands
                if body.template is not None:
                    set_document_template(data, SetDocumentTemplatePayload(
                        offered_kind_id=current.id, kind_code=current.kind_code,
                        template=body.template))
                if body.check_in_checklist is not None:
                    set_check_in_checklist(data, SetCheckInChecklistPayload(
                        offered_kind_id=current.id, kind_code=current.kind_code,
                        checklist=body.check_in_checklist))
            except WorkflowError as exc:
                raise ProblemError(409, str(exc), type_=CONFLICT, detail_lv=exc.message_lv,
                                   current_offered_kind=current) from exc
            changes: dict[str, Any] = {"accepting_applications": data.accepting_applications,
                                       "target_group": data.target_group,
                                       "documents": data.documents,
                                       "check_in_checklist": data.check_in_checklist}
            before = {**current.model_dump(mode="json", include=set(changes)),
                      "target_group": current.target_group}
            if before == changes:
                return current
            offered = OfferedKindWire.model_validate(
                {**current.model_dump(), **changes, "version": current.version + 1})
            self.save_offered_kind(conn, offered)
            return offered

    def get_settings(self, principal: Principal | None, institution_id: str) -> InstitutionWire:
        if principal is not None:
            self.require(principal, institution_id)
        inst = self.find_institution(institution_id)
        if inst is None:
            raise ProblemError(404, f"no institution {institution_id}", type_=NOT_FOUND)
        return inst

    def put_settings(self, principal: Principal | None, institution_id: str,
                     body: InstitutionSettings, *, if_match: str | None = None
                     ) -> InstitutionWire:
        if principal is not None:
            self.require(principal, institution_id, Permission.EDIT_CATALOGUE)
        with self.db.transaction() as conn:
            current = self.get_settings(None, institution_id)
            self._if_match(if_match, current.version,
                           current_institution=current.model_dump(mode="json"))
            if (current.name, current.address, current.default_return_deadline) == (
                    body.name, body.address, body.default_return_deadline):
                return current
            inst = body.wire(institution_id, current.version + 1)
            self.save_institution(conn, inst)
            return inst

    def patch_settings(self, principal: Principal | None, institution_id: str,
                       body: SchoolSettingsPatch, *, if_match: str | None = None
                       ) -> InstitutionWire:
        """The school's own settings a workstation changes (the default return deadline),
        judged by the registry's rule as the desktop judged it."""
        if principal is not None:
            self.require(principal, institution_id, Permission.EDIT_CATALOGUE)
        with self.db.transaction() as conn:
            current = self.get_settings(None, institution_id)
            self._if_match(if_match, current.version,
                           current_institution=current.model_dump(mode="json"))
            try:
                deadline = set_default_return_deadline(SetDefaultDeadlinePayload(
                    institution_id=institution_id,
                    default_return_deadline=body.default_return_deadline), now_utc().date())
            except WorkflowError as exc:
                raise ProblemError(409, str(exc), type_=CONFLICT, detail_lv=exc.message_lv,
                                   current_institution=current) from exc
            if deadline == current.default_return_deadline:
                return current
            inst = current.model_copy(update={"default_return_deadline": deadline,
                                              "version": current.version + 1})
            self.save_institution(conn, inst)
            return inst

    # ==== the applicant's side (the e-service, simulated) =======================================
    def applications_submitted_by(self, personal_code: str) -> list[ApplicationWire]:
        """Every application this person submitted, newest first (their e-service home)."""
        with self.db.reading() as conn:
            rows = conn.execute(
                "SELECT body FROM applications "
                "WHERE json_extract(body, '$.submitter.personal_code') = ? ORDER BY id DESC",
                (personal_code,)).fetchall()
        return [ApplicationWire.model_validate_json(body) for (body,) in rows]

    def submitted_by(self, application_id: int, personal_code: str) -> ApplicationWire:
        """The application, when ``personal_code`` submitted it; otherwise the same 404 as for
        one that does not exist (an applicant learns nothing of others' applications)."""
        app = self.find_application(application_id)
        if app is None or not hmac.compare_digest(app.submitter.personal_code, personal_code):
            raise ProblemError(404, f"no application {application_id}", type_=NOT_FOUND)
        return app

    def _applicant(self, application_id: int, change: Callable[[Work], Any],
                   patch: Callable[[Work], Mapping[str, Any]] | None = None,
                   submitter: str | None = None) -> ApplicationWire:
        """An applicant's change; ``submitter``: the signed-in applicant's personal code
        (None: a trusted in-process caller)."""
        with self.db.transaction() as conn:
            app = (self.application(application_id) if submitter is None
                   else self.submitted_by(application_id, submitter))
            work = start(application_data(app),
                         self.context(app.institution_id, now_utc()))
            try:
                change(work)
                new_app, _ = self.commit_applied(conn, app, work.applied(),
                                                 patch(work) if patch else None)
            except WorkflowError as exc:
                raise ProblemError(409, str(exc), type_=CONFLICT, detail_lv=exc.message_lv,
                                   current=app if submitter is None
                                   else without_receipt_tokens(app)) from exc
            return new_app

    def applicant_submit(self, submission: ApplicantSubmission,
                         submitter: str | None = None) -> ApplicationWire:
        """A new application from the e-service (201 on the wire); a signed-in applicant
        (``submitter``) submits only in their own name."""
        if submitter is not None and submission.submitter.personal_code != submitter:
            raise ProblemError(403, "an applicant submits only in their own name",
                               type_=FORBIDDEN,
                               detail_lv="Iesniegt var tikai savā vārdā: iesniedzēja personas "
                                         "kodam jābūt tam, ar kuru pierakstījāties")
        now = now_utc()
        with self.db.transaction() as conn:
            offered = self.offered_kind_for(submission.institution_id, submission.kind_code)
            if offered is None or not offered.accepting_applications:
                raise ProblemError(409, f"the school does not accept applications for "
                                   f"{submission.kind_code} now", type_=CONFLICT)
            next_id = int(self.db.meta("next_application_id") or 1)
            parent = submission.submitter.role is ApplicantRole.PARENT_GUARDIAN
            app = ApplicationWire(
                id=next_id, version=1, number=f"P-{now.year}-{next_id:06d}",
                institution_id=submission.institution_id, kind_code=submission.kind_code,
                status=ApplicationStatus.SUBMITTED, status_changed_at=now, submitted_at=now,
                submitter=submission.submitter, learner=submission.learner,
                guardian_check=(GuardianCheck.VERIFIED if parent
                                else GuardianCheck.NOT_APPLICABLE),
                guardian_checked_at=now if parent else None,
                contact=submission.contact,
                social_statuses=sorted(submission.social_statuses, key=lambda s: s.status.value),
                documents_acknowledged=[
                    {"document_id": d.id, "doc_type": d.doc_type, "title": d.title,
                     "acknowledged_at": now}
                    for d in sorted(offered.documents, key=lambda d: d.id)
                ],
            )
            self.save_application(conn, app)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('next_application_id', ?)",
                         (str(next_id + 1),))
            return app

    def check_duplicate(self, question: DuplicateCheck) -> DuplicateFound:
        """The register's checkDuplicate: the school of an open application (``is_open``, the
        rule the desktop's inbox marks duplicates by) of this learner for this kind; 404 when
        there is none. A submission is never refused for it: the register flags the pair and
        the school decides."""
        with self.db.reading() as conn:
            rows = conn.execute(
                "SELECT body FROM applications "
                "WHERE json_extract(body, '$.learner.personal_code') = ? "
                "AND json_extract(body, '$.kind_code') = ? ORDER BY id",
                (question.personal_code, question.kind_code)).fetchall()
        for (body,) in rows:
            app = ApplicationWire.model_validate_json(body)
            if is_open(app.status, [h.status for h in app.handovers]):
                school = self.find_institution(app.institution_id)
                return DuplicateFound(institution_id=app.institution_id,
                                      institution_name=school.name if school
                                      else app.institution_id)
        raise ProblemError(404, "the learner has no open application for this kind",
                           type_=NOT_FOUND)

    def applicant_withdraw(self, application_id: int, withdrawal: ApplicantWithdrawal,
                           submitter: str | None = None) -> ApplicationWire:
        return self._applicant(application_id, lambda w: withdraw(w, withdrawal.reason),
                               submitter=submitter)

    def applicant_contact(self, application_id: int, contact: Contact,
                          submitter: str | None = None) -> ApplicationWire:
        return self._applicant(application_id, lambda w: None,
                               lambda w: {"contact": contact.model_dump()}, submitter)

    def applicant_incident(self, application_id: int, incident: ApplicantIncident,
                           submitter: str | None = None) -> ApplicationWire:
        return self._applicant(
            application_id,
            lambda w: report_incident(w, incident.kind == "lost", incident.description),
            submitter=submitter)

    def confirm_receipt(self, application_id: int, handover_id: str, receipt_token: str,
                        submitter: str | None = None) -> ApplicationWire:
        """The applicant confirms receipt on their phone: prepared → issued, item in use;
        only with the receipt token of the desk's QR code for that handover."""
        def documents(w: Work) -> dict[str, Any]:
            # Receipt confirms the kind's documents too (the e-service's step 5).
            app = self.application(application_id)
            acknowledged = [d.model_dump() for d in app.documents_acknowledged]
            known = {d["document_id"] for d in acknowledged}
            offered = self.offered_kind_for(w.app.institution_id, w.app.kind_code)
            day = w.now.date()
            for doc in offered.documents if offered else []:
                if doc.doc_type is DocumentType.PNA or not _valid_on(doc, day):
                    continue  # the act's own text, or a template not in force today
                if doc.id not in known:
                    acknowledged.append({"document_id": doc.id, "doc_type": doc.doc_type,
                                         "title": doc.title, "acknowledged_at": w.now})
            return {"documents_acknowledged": acknowledged}

        return self._applicant(
            application_id, lambda w: confirm_receipt(w, handover_id, receipt_token),
            documents, submitter)


_MAGIC = {b"%PDF-": "application/pdf", b"\x89PNG\r\n\x1a\n": "image/png",
          b"\xff\xd8\xff": "image/jpeg"}


def _media_type(content: bytes) -> str | None:
    return next((m for magic, m in _MAGIC.items() if content.startswith(magic)), None)


def _valid_on(doc: DocumentWire, day: date) -> bool:
    return ((doc.valid_from is None or doc.valid_from <= day)
            and (doc.valid_to is None or day <= doc.valid_to))


def _channels(app: ApplicationWire) -> list[str]:
    """Where the register sends a message: the contacts the applicant gave."""
    return [c for c, have in (("email", app.contact.email), ("sms", app.contact.phone)) if have]


@functools.cache
def _dummy_hash() -> str:
    return _hash_password("not a password")
