"""Errors the core raises for people to read: each carries an English and a Latvian message.

``store_error`` is the one place where a driver or OS error (disk full, read-only, locked, a
duplicate value, a number too large) becomes such an error; the store applies it to every
read, write and opening."""

from __future__ import annotations

import errno
import re
import sqlite3
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy.exc import DBAPIError

from desktop.models.workflow import WorkflowError

# The store's driver is SQLCipher's build; the standard module still serves temporary files.
_DRIVER_ERRORS = (sqlite3.Error, sqlcipher.Error)
_INTEGRITY_ERRORS = (sqlite3.IntegrityError, sqlcipher.IntegrityError)


class NotFoundError(WorkflowError):
    """The record does not exist (any more) in the local store."""

    def __init__(self, what: str, what_lv: str, key: object) -> None:
        super().__init__(f"{what} {key} was not found", f"{what_lv} {key} nav atrasts")


class PermissionDeniedError(WorkflowError):
    """The signed-in role may not do this."""


class InputError(WorkflowError):
    """A typed value is wrong; ``field`` names it so the form can point at it."""

    def __init__(self, field: str, message_en: str, message_lv: str) -> None:
        super().__init__(f"{field}: {message_en}", message_lv)
        self.field = field


class StoreError(Exception):
    """The local store cannot be opened or written; the message says why and what to do."""

    def __init__(self, message_en: str, message_lv: str) -> None:
        super().__init__(message_en)
        self.message_lv = message_lv


class StoreFullError(StoreError):
    """The disk (or SQLite's size limit) is full."""


class StoreAccessError(StoreError):
    """The operating system does not let this user open or write the data file or folder."""


class StoreReadOnlyError(StoreAccessError):
    """The data file, its folder or its disk is read-only."""


class StoreBusyError(StoreError):
    """Another program (or another Resursi) holds the data file's lock."""


class StoreDiskError(StoreError):
    """The disk reported an input/output error."""


class NumberTooLargeError(StoreError):
    """An integer does not fit in SQLite's 64 bits."""


class DuplicateValueError(StoreError):
    """A value that must be unique is already in the store; ``field`` names its column."""

    def __init__(self, message_en: str, message_lv: str, field: str | None = None,
                 value: object = None) -> None:
        super().__init__(message_en, message_lv)
        self.field = field
        self.value = value


class ConstraintError(StoreError):
    """The change contradicts what the store holds (a missing link, an empty required value)."""


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_CONSTRAINT = 10, 13, 14, 19

# What a person calls a unique column: (English, Latvian; all masculine in Latvian).
_FIELD_NAMES: dict[str, tuple[str, str]] = {
    "inventory_no": ("inventory number", "inventāra numurs"),
    "number": ("application number", "iesnieguma numurs"),
    "act_number": ("act number", "akta numurs"),
    "username": ("user name", "lietotājvārds"),
    "kind_code": ("resource kind", "resursa veids"),
}
_SCOPE_COLUMNS = {"institution_id"}  # a unique pair's school part names no field


def _where(path: Path | None) -> tuple[str, str]:
    return (f" ({path})", f" ({path})") if path is not None else ("", "")


def _full(path: Path | None) -> StoreFullError:
    en, lv = _where(path.parent if path is not None else None)
    return StoreFullError(
        f"the disk is full: nothing was changed. Free some space on the disk of the data "
        f"folder{en} and try again.",
        f"Disks ir pilns: nekas netika mainīts. Atbrīvojiet vietu diskā, kurā ir datu "
        f"mape{lv}, un mēģiniet vēlreiz.")


def _read_only(path: Path | None) -> StoreReadOnlyError:
    en, lv = _where(path)
    return StoreReadOnlyError(
        f"the data file or its folder{en} is read-only: nothing was changed. Allow writing "
        "there (or choose another data folder) and try again.",
        f"Datu fails vai tā mape{lv} ir tikai lasāma: nekas netika mainīts. Atļaujiet tajā "
        "rakstīt (vai izvēlieties citu datu mapi) un mēģiniet vēlreiz.")


def _denied(path: Path | None) -> StoreAccessError:
    en, lv = _where(path)
    return StoreAccessError(
        f"permission denied: this user may not open or write the data file or folder{en}; "
        "nothing was changed. Ask for access or choose another data folder.",
        f"Piekļuve liegta: operētājsistēma neatļauj šim lietotājam atvērt vai rakstīt datu "
        f"failu vai mapi{lv}; nekas netika mainīts. Lūdziet piekļuvi vai izvēlieties citu "
        "datu mapi.")


def _cannot_open(path: Path | None) -> StoreAccessError:
    en, lv = _where(path)
    return StoreAccessError(
        f"the data file{en} cannot be opened: its folder is missing or this user may not "
        "read and write there (permission denied); nothing was changed.",
        f"Datu failu{lv} nevar atvērt: tā mapes nav vai šim lietotājam tajā nav atļauts lasīt "
        "un rakstīt (piekļuve liegta); nekas netika mainīts.")


def _busy(path: Path | None) -> StoreBusyError:
    en, lv = _where(path)
    return StoreBusyError(
        f"the data file{en} is locked by another program (or another Resursi using the same "
        "data folder): nothing was changed. Close the other program and try again.",
        f"Datu failu{lv} ir bloķējusi cita programma (vai cits Resursi ar to pašu datu mapi): "
        "nekas netika mainīts. Aizveriet otru programmu un mēģiniet vēlreiz.")


def _disk(path: Path | None) -> StoreDiskError:
    en, lv = _where(path)
    return StoreDiskError(
        f"the disk could not read or write the data file{en} (input/output error): nothing "
        "was changed. Check the disk or the network folder and try again.",
        f"Disks nevarēja nolasīt vai ierakstīt datu failu{lv} (ievades/izvades kļūda): nekas "
        "netika mainīts. Pārbaudiet disku vai tīkla mapi un mēģiniet vēlreiz.")


def _too_large() -> NumberTooLargeError:
    return NumberTooLargeError(
        f"a number is too large to store (the largest is {2**63 - 1}): nothing was changed. "
        "Check the numbers you typed.",
        f"Skaitlis ir pārāk liels, lai to saglabātu (lielākais ir {2**63 - 1}): nekas netika "
        "mainīts. Pārbaudiet ievadītos skaitļus.")


def _bound_value(statement: str | None, params: object, column: str) -> object:
    """The value a one-row INSERT or an UPDATE gave ``column``, or None when not plain."""
    if not statement or not isinstance(params, tuple | list) or (
            params and isinstance(params[0], tuple | list | dict)):
        return None
    insert = re.match(r"\s*INSERT INTO \S+ \(([^)]*)\) VALUES \(([^)]*)\)\s*(RETURNING.*)?$",
                      statement, re.IGNORECASE | re.DOTALL)
    if insert:
        columns = [c.strip().strip('"') for c in insert.group(1).split(",")]
        if len(columns) == len(params) and column in columns:
            return params[columns.index(column)]
        return None
    update = re.match(r"\s*UPDATE \S+ SET (.*?) WHERE ", statement, re.IGNORECASE | re.DOTALL)
    if update:
        columns = [part.split("=")[0].strip().strip('"') for part in update.group(1).split(",")]
        if column in columns and len(params) >= len(columns):
            return params[columns.index(column)]
    return None


def _integrity(message: str, statement: str | None, params: object) -> StoreError:
    unique = re.match(r"UNIQUE constraint failed: (.*)", message)
    if unique:
        columns = [c.strip().split(".")[-1] for c in unique.group(1).split(",")]
        column = next((c for c in reversed(columns) if c not in _SCOPE_COLUMNS), columns[-1])
        name_en, name_lv = _FIELD_NAMES.get(column, (f"value of {column}", f"lauka {column} "
                                                                           "vērtība"))
        value = _bound_value(statement, params, column)
        shown = f" “{value}”" if value is not None else ""
        shown_lv = f" „{value}“" if value is not None else ""
        return DuplicateValueError(
            f"this {name_en}{shown} is already in use: nothing was changed. Enter another one.",
            f"Šāds {name_lv}{shown_lv} jau ir izmantots: nekas netika mainīts. Ievadiet citu.",
            field=column, value=value)
    if message.startswith("FOREIGN KEY"):
        return ConstraintError(
            "the change refers to a record that is not in the store (any more): nothing was "
            "changed. Refresh the view or sync, then try again.",
            "Izmaiņas atsaucas uz ierakstu, kura (vairs) nav datos: nekas netika mainīts. "
            "Atjaunojiet skatu vai sinhronizējiet un mēģiniet vēlreiz.")
    required = re.match(r"NOT NULL constraint failed: (.*)", message)
    column = required.group(1).split(".")[-1] if required else ""
    return ConstraintError(
        f"a required value{' (' + column + ')' if column else ''} is missing or does not fit "
        "the data already stored: nothing was changed.",
        f"Trūkst obligātas vērtības{' (' + column + ')' if column else ''} vai tā neatbilst "
        "jau saglabātajiem datiem: nekas netika mainīts.")


def _from_os(exc: OSError, path: Path | None) -> StoreError | None:
    where = Path(exc.filename) if isinstance(exc.filename, str) else path
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _full(path)
    if exc.errno == errno.EROFS:
        return _read_only(where)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _denied(where)
    if exc.errno == errno.EIO:
        return _disk(where)
    return None


def _from_sqlite(exc: sqlite3.Error | sqlcipher.Error, path: Path | None, statement: str | None,
                 params: object) -> StoreError | None:
    message = str(exc)
    text = message.lower()
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if isinstance(exc, _INTEGRITY_ERRORS) or primary == _SQLITE_CONSTRAINT:
        return _integrity(message, statement, params)
    if primary == _SQLITE_FULL or "disk is full" in text:
        return _full(path)
    if primary == _SQLITE_READONLY or "readonly database" in text:
        return _read_only(path)
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
        return _busy(path)
    if primary == _SQLITE_PERM or "access permission denied" in text:
        return _denied(path)
    if primary == _SQLITE_CANTOPEN or "unable to open database file" in text:
        return _cannot_open(path)
    if primary == _SQLITE_IOERR or "disk i/o error" in text:
        return _disk(path)
    return None


def store_error(exc: BaseException, path: Path | None = None) -> StoreError | None:
    """The one place that says what a driver or OS error means for a person: a ``StoreError``
    naming the cause in English and Latvian, or None when ``exc`` is not one of those (a
    rule's refusal, a bug) and must go on as it is. ``path`` is the data file."""
    if isinstance(exc, StoreError):
        return exc
    if isinstance(exc, OverflowError):
        # sqlite3's bind error; other overflows (date arithmetic) are not the store's
        return _too_large() if "sqlite" in str(exc).lower() else None
    if isinstance(exc, DBAPIError) and isinstance(exc.orig, BaseException):
        if isinstance(exc.orig, _DRIVER_ERRORS):
            return _from_sqlite(exc.orig, path, exc.statement, exc.params)
        return store_error(exc.orig, path)
    if isinstance(exc, _DRIVER_ERRORS):
        return _from_sqlite(exc, path, None, None)
    if isinstance(exc, OSError):
        return _from_os(exc, path)
    return None
