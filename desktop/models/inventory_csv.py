"""Importing an existing inventory from a CSV file, and exporting it again.

Schools keep their inventory in spreadsheets, so the file may come from Excel in Latvia
(Windows-1257, ``;``), as Excel's "Unicode text" (UTF-16) or from anywhere else (UTF-8,
``,``). The import is two steps: ``preview`` reads and checks every row (nothing is written) and
reports each bad row with its line number, field and reason in Latvian and English; ``commit``
reads the file again and writes all rows in ONE transaction or none. Both stream the file, so
memory stays flat whatever its size (up to ``MAX_FILE_BYTES``). Every row is checked by the same
``ItemInput`` model the item editor uses.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import itertools
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO, cast

from pydantic import ValidationError
from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from desktop.models.codes import ItemStatus
from desktop.models.commands import CommandName
from desktop.models.csv_cells import is_formula, neutral
from desktop.models.errors import InputError
from desktop.models.inventory import FIELD_LABELS_LV, ItemInput, _latvian, upsert_payload
from desktop.models.journal import Actor
from desktop.models.permissions import Permission, require
from desktop.models.scan_codes import code_key
from desktop.models.schema import (
    AuditEntry,
    Item,
    OutboxCommand,
    ResourceKind,
    StatusHistory,
    fold,
    new_id,
    utcnow,
)
from desktop.models.store import Store

# The columns of the file, in the order the export writes them: (field, Latvian header,
# English header). The import also accepts the aliases below, compared case- and
# diacritic-insensitively.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("inventory_no", "Inventāra numurs", "Inventory number"),
    ("kind_code", "Resursa veids", "Resource kind"),
    ("serial_no", "Sērijas numurs", "Serial number"),
    ("manufacturer", "Ražotājs", "Manufacturer"),
    ("model", "Modelis", "Model"),
    ("year", "Gads", "Year"),
    ("acquisition_value", "Iegādes vērtība", "Acquisition value"),
    ("socially_supported", "Sociāli atbalstāmajiem", "Socially supported"),
    ("location", "Atrašanās vieta", "Location"),
    ("notes", "Piezīmes", "Notes"),
    ("status", "Statuss", "Status"),
)
REQUIRED = ("inventory_no", "kind_code")

_ALIASES: dict[str, tuple[str, ...]] = {
    "inventory_no": ("inventara nr", "inventara nr.", "inv. nr.", "inv nr", "inv. numurs",
                     "inventory no", "inventory_no", "inventory no.", "asset tag"),
    "kind_code": ("veids", "resursa paveids", "paveids", "kind", "kind_code", "type",
                  "resource type"),
    "serial_no": ("serijas nr", "serijas nr.", "serial no", "serial_no", "serial", "s/n", "sn"),
    "manufacturer": ("razotajs", "manufacturer", "make", "brand", "zimols"),
    "model": ("modelis", "model"),
    "year": ("iegades gads", "gads", "year", "year of purchase"),
    "acquisition_value": ("vertiba", "iegades vertiba, eur", "iegades vertiba (eur)",
                          "value", "acquisition_value", "price", "cena"),
    "socially_supported": ("sociali atbalstamiem", "sociali atbalstamajiem",
                           "socially_supported", "socially supported learners"),
    "location": ("atrasanas vieta", "vieta", "location", "room", "telpa"),
    "notes": ("piezimes", "notes", "comments", "komentari"),
    "status": ("statuss", "status", "stavoklis"),
}

# An import may set only the states an item can have without a handover; "reserved",
# "in use", "lost" and "stolen" belong to a case and come only through one.
IMPORTABLE_STATUSES = frozenset({
    ItemStatus.NEW, ItemStatus.IN_RESERVE, ItemStatus.AVAILABLE, ItemStatus.MAINTENANCE,
    ItemStatus.UNDER_REPAIR, ItemStatus.DAMAGED,
})

_TRUE = {"ja", "j", "yes", "y", "true", "1", "x", "+"}
_FALSE = {"ne", "n", "no", "false", "0", "-", ""}
_ENCODING_LABELS = {"utf-8-sig": "UTF-8 (ar BOM)", "utf-8": "UTF-8",
                    "cp1257": "Windows-1257", "utf-16": "UTF-16 (ar BOM)",
                    "utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE"}


def _header_key(text: str) -> str:
    return " ".join(fold(text).replace("_", " ").split())


_HEADER_LOOKUP: dict[str, str] = {}
for _name, _lv, _en in COLUMNS:
    for _alias in (_name, _lv, _en, *_ALIASES.get(_name, ())):
        _HEADER_LOOKUP[_header_key(_alias)] = _name

FIELD_LABELS_EN = {name: en for name, _lv, en in COLUMNS}
LABELS_LV = {**FIELD_LABELS_LV, "status": "Statuss", "row": "Rinda", "file": "Fails"}


@dataclass(frozen=True)
class RowError:
    """One reason a row (or the file) cannot be imported."""

    row: int  # the line in the file (the header is line 1); 0 for the file as a whole
    field: str | None
    message_lv: str
    message_en: str

    def line(self) -> str:
        """One line for the command line's row report: Latvian, then English."""
        where = "fails / file" if self.row == 0 else f"rinda / row {self.row}"
        if self.field:
            where += (f", {LABELS_LV.get(self.field, self.field)} / "
                      f"{FIELD_LABELS_EN.get(self.field, self.field)}")
        return f"{where}: {self.message_lv} / {self.message_en}"


@dataclass
class PreviewRow:
    row: int
    values: dict[str, str]  # as read from the file, by field
    item: ItemInput | None
    status: ItemStatus
    errors: list[RowError] = field(default_factory=list)


@dataclass
class ImportPreview:
    """What an import would do: how many rows, the first of them, the bad ones (up to
    ``MAX_ERROR_ROWS``), and every reason it cannot be done.

    ``rows`` keeps the first ``PREVIEW_ROWS`` rows and the bad ones, in file order, so memory
    does not grow with the file; ``row_count`` and ``bad_row_count`` count them all."""

    source: str
    encoding: str
    delimiter: str
    columns: list[str]  # the fields found, in the file's order
    ignored_columns: list[str]  # headers that name no field (left out, said in the preview)
    rows: list[PreviewRow]
    file_errors: list[RowError] = field(default_factory=list)
    row_count: int = 0
    bad_row_count: int = 0
    size: int = 0  # bytes
    digest: str = ""  # of the bytes checked: a commit refuses a file changed since
    origin: Path | bytes | None = field(default=None, repr=False)  # what commit reads again

    @property
    def errors(self) -> list[RowError]:
        """Every reason kept; past ``MAX_ERROR_ROWS`` bad rows, one line says how many more."""
        found = [*self.file_errors, *(e for r in self.rows for e in r.errors)]
        more = self.bad_row_count - len(self.bad_rows)
        if more > 0:
            found.append(RowError(0, None, "… un vēl " + _rows_lv(more, "kļūdaina rinda",
                                                                   "kļūdainas rindas"),
                                  f"… and {more} more bad row{'s' if more != 1 else ''}"))
        return found

    @property
    def ok(self) -> bool:
        return not self.file_errors and not self.bad_row_count and self.row_count > 0

    @property
    def bad_rows(self) -> list[int]:
        return sorted({r.row for r in self.rows if r.errors})

    @property
    def encoding_label(self) -> str:
        return _ENCODING_LABELS.get(self.encoding, self.encoding)


def _rows_lv(count: int, one: str, many: str) -> str:
    """Latvian number agreement: 1, 21, 31… take the singular; 11 and the rest the plural."""
    return f"{count} {one if count % 10 == 1 and count % 100 != 11 else many}"


class ImportRefusedError(InputError):
    """The import was refused as a whole; ``errors`` lists every reason (or the first of
    them, ``rows`` counting all the rows). Nothing was written."""

    def __init__(self, errors: list[RowError], *, rows: int | None = None) -> None:
        count = rows if rows is not None else len({e.row for e in errors})
        super().__init__(
            "file", f"{count} row(s) cannot be imported; nothing was imported",
            f"{count} rindu nevar importēt; nekas netika importēts",
        )
        self.errors = errors


# --- reading -------------------------------------------------------------------------------
#
# The file is read as a stream, twice at most before a commit: a survey (size, digest,
# encoding) and the row pass. What stays in memory is bounded whatever the file's size: the
# preview keeps the first PREVIEW_ROWS rows, up to MAX_ERROR_ROWS bad rows and counts; the
# numbers seen so far (for duplicates) live in a temporary on-disk SQLite table.

MAX_FILE_BYTES = 2_000_000_000  # ten million rows or so: far past any school's inventory
MAX_LINE_CHARS = 1 << 20  # a longer line is not a row a spreadsheet wrote
PREVIEW_ROWS = 200  # rows the dialog shows besides the bad ones
MAX_ERROR_ROWS = 1000  # bad rows kept (with their errors); the rest are counted
BATCH_ROWS = 5000  # rows per executemany in a commit
_CHUNK = 1 << 20


def _size_text(size: int) -> str:
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}".replace(".", ",")
    return f"{size} B"


def _too_big(size: int) -> RowError:
    limit = _size_text(MAX_FILE_BYTES)
    return RowError(
        0, None, f"fails ir {_size_text(size)}, lielākais atļautais ir {limit}; sadaliet to "
        "vairākos failos",
        f"the file is {_size_text(size)}, the largest allowed is {limit}; split it into "
        "several files")


@dataclass(frozen=True)
class _Survey:
    size: int
    digest: str
    encoding: str  # the codec the rows are read with
    mixed: bool = False  # UTF-8 with some lines in another encoding (each reported)
    error: RowError | None = None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 saved without a BOM: mostly-ASCII text has a NUL in every other byte."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


def _survey(stream: BinaryIO) -> _Survey:
    """Size, digest and encoding in one pass over the bytes.

    A file wholly in UTF-8 (with or without BOM) is UTF-8; one with no valid UTF-8 sequence
    at all is Windows-1257 (Excel's "CSV" in Latvia). A file mixing both (a row pasted from
    another file) keeps UTF-8, and each line that is not UTF-8 is reported, not guessed.
    UTF-16 (Excel's "Unicode text") is known by its BOM or, without one, by its NUL bytes.
    """
    digest = hashlib.sha256()
    head = stream.read(_CHUNK)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif head.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    else:
        encoding = _utf16_without_bom(head[:4096]) or "utf-8"
    decoder: codecs.IncrementalDecoder | None = codecs.getincrementaldecoder(encoding)()
    size, chunk, valid = 0, head, True
    while chunk:
        size += len(chunk)
        if size > MAX_FILE_BYTES:
            return _Survey(size, "", encoding, error=_too_big(size))
        digest.update(chunk)
        if decoder is not None:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                valid, decoder = False, None
        chunk = stream.read(_CHUNK)
    if decoder is not None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            valid = False
    survey = _Survey(size, digest.hexdigest(), encoding)
    if valid:
        return survey
    if encoding.startswith("utf-16"):
        return replace(survey, error=RowError(0, None, "fails nav derīgā UTF-16 kodējumā",
                                              "the file is not valid UTF-16"))
    stream.seek(0)
    for raw in iter(lambda: stream.readline(MAX_LINE_CHARS), b""):
        if not raw.isascii():
            try:
                raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            return replace(survey, mixed=True)  # some line is UTF-8 beyond ASCII
    if encoding == "utf-8-sig":
        return replace(survey, mixed=True)
    return replace(survey, encoding="cp1257")


def _delimiter(text: str) -> str:
    """``;`` or ``,`` (or a tab): csv.Sniffer on the first lines, checked on the header."""
    sample = "\n".join(text.splitlines()[:20])
    candidates: list[str] = []
    with contextlib.suppress(csv.Error):
        candidates.append(csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter)
    candidates += [d for d in (";", ",", "\t") if d not in candidates]
    header = text.splitlines()[0] if text else ""
    best, best_known = candidates[0], -1
    for delimiter in candidates:
        names = next(csv.reader([header], delimiter=delimiter), [])
        known = sum(_header_key(n) in _HEADER_LOOKUP for n in names)
        if known > best_known:
            best, best_known = delimiter, known
    return best


def _kind_lookup(kinds: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """Kind codes by code and by Latvian and English label, folded."""
    lookup: dict[str, str] = {}
    for code, label_lv, label_en in kinds:
        for key in (code, label_lv, label_en):
            lookup[_header_key(key)] = code
    return lookup


def _status_lookup() -> dict[str, ItemStatus]:
    lookup: dict[str, ItemStatus] = {}
    for status in ItemStatus:
        for key in (status.value, status.label_lv, status.label_en):
            lookup[_header_key(key)] = status
    return lookup


_STATUSES = _status_lookup()
_VALUE_SPACES = re.compile(r"[\s\u00a0\u202f']")


def _number_text(raw: str) -> str:
    """A Latvian spreadsheet's number ("1 234,50", "649,99 €") as the model reads it."""
    text = _VALUE_SPACES.sub("", raw.replace("€", "").replace("EUR", ""))
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    return text


def _check_row(number: int, values: dict[str, str], kinds: dict[str, str]) -> PreviewRow:
    errors: list[RowError] = []
    cleaned: dict[str, object] = {}
    for name, raw in values.items():
        if name == "status":
            continue
        text = raw.strip()
        if not text:
            cleaned[name] = None
            continue
        if is_formula(raw):
            errors.append(RowError(
                number, name, f"šūna sākas kā izklājlapas formula („{text[:20]}“)",
                f"the cell starts like a spreadsheet formula (“{text[:20]}”)"))
            continue
        if name == "kind_code":
            code = kinds.get(_header_key(text))
            if code is None:
                errors.append(RowError(number, name, f"nezināms resursa veids „{text}“",
                                       f"unknown resource kind “{text}”"))
                continue
            cleaned[name] = code
        elif name == "socially_supported":
            key = _header_key(text)
            if key not in _TRUE | _FALSE:
                errors.append(RowError(number, name, f"jābūt „jā“ vai „nē“, nevis „{text}“",
                                       f"must be “yes” or “no”, not “{text}”"))
                continue
            cleaned[name] = key in _TRUE
        elif name == "acquisition_value":
            cleaned[name] = _number_text(text)
        else:
            cleaned[name] = text
    status = ItemStatus.NEW
    raw_status = values.get("status", "").strip()
    if raw_status:
        found = _STATUSES.get(_header_key(raw_status))
        if found is None:
            errors.append(RowError(number, "status", f"nezināms statuss „{raw_status}“",
                                   f"unknown status “{raw_status}”"))
        elif found not in IMPORTABLE_STATUSES:
            errors.append(RowError(
                number, "status",
                f"statuss „{found.label_lv}“ rodas tikai izsniedzot resursu; importējiet to kā "
                "„Pieejams“ vai „Jauns“",
                f"the status “{found.label_en}” comes only from a handover; import it as "
                "“available” or “new”"))
        else:
            status = found
    item = None
    present = {k: v for k, v in cleaned.items() if v is not None}
    if any(e.field == "kind_code" for e in errors):
        present["kind_code"] = "?"  # already reported; the other fields are still checked
    try:
        item = ItemInput.model_validate(present)
    except ValidationError as exc:
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else "row"
            if any(e.field == name for e in errors):
                continue
            errors.append(RowError(number, name, _latvian(err), err["msg"]))
    if errors:
        item = None
    return PreviewRow(number, dict(values), item, status, errors)


class _LineTooLongError(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _Lines:
    """The file's text lines (universal newlines), each at most ``MAX_LINE_CHARS``.

    In a mixed file each line is decoded alone; ``bad`` holds the numbers of the lines not in
    UTF-8 that the reader has not passed yet (it discards them as it goes).
    """

    def __init__(self, stream: BinaryIO, survey: _Survey) -> None:
        self._stream, self._survey = stream, survey
        self.bad: set[int] = set()
        self.count = 0

    def __iter__(self) -> Iterator[str]:
        return self._mixed() if self._survey.mixed else self._clean()

    def _clean(self) -> Iterator[str]:
        text = io.TextIOWrapper(self._stream, encoding=self._survey.encoding, newline=None)
        while line := text.readline(MAX_LINE_CHARS):
            self.count += 1
            if len(line) == MAX_LINE_CHARS and not line.endswith("\n"):
                raise _LineTooLongError(self.count)
            yield line

    def _mixed(self) -> Iterator[str]:
        first = True
        while raw := self._stream.readline(MAX_LINE_CHARS):
            if len(raw) == MAX_LINE_CHARS and not raw.endswith(b"\n"):
                raise _LineTooLongError(self.count + 1)
            if first and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            first = False
            body = raw.rstrip(b"\n").rstrip(b"\r") if raw.endswith(b"\n") else raw
            try:
                text, bad = body.decode("utf-8"), False
            except UnicodeDecodeError:
                text, bad = body.decode("utf-8", errors="replace"), True
            for piece in text.split("\r"):  # a lone CR ends a line too (old Mac files)
                self.count += 1
                if bad:
                    self.bad.add(self.count)
                yield piece + "\n"


class _Keys:
    """The inventory numbers seen so far, keyed as a scanner reads them (``code_key``).

    In a temporary on-disk SQLite table, so that a million rows do not stay in memory; row 0
    is a number already in the store.
    """

    def __init__(self, existing: Iterable[str] = ()) -> None:
        self._db = sqlite3.connect("")  # "": private, on disk once past its page cache
        self._db.execute("PRAGMA cache_size = -8000")
        self._db.execute("CREATE TABLE k (key TEXT PRIMARY KEY, row INTEGER NOT NULL, "
                         "no TEXT NOT NULL) WITHOUT ROWID")
        numbers = iter(existing)
        while batch := list(itertools.islice(numbers, BATCH_ROWS)):
            self._db.executemany("INSERT OR IGNORE INTO k VALUES (?, 0, ?)",
                                 ((code_key(n), n) for n in batch))

    def claim(self, key: str, row: int, number: str) -> tuple[int, str] | None:
        """Record ``number`` at ``row``; the row and number that had its key before, if any."""
        try:
            self._db.execute("INSERT INTO k VALUES (?, ?, ?)", (key, row, number))
        except sqlite3.IntegrityError:
            found = self._db.execute("SELECT row, no FROM k WHERE key = ?", (key,)).fetchone()
            return int(found[0]), str(found[1])
        return None

    def close(self) -> None:
        self._db.close()


class _Reader:
    """The header, then each data row checked, read as a stream from an open file."""

    def __init__(self, stream: BinaryIO, survey: _Survey, kinds: Iterable[tuple[str, str, str]],
                 keys: _Keys) -> None:
        self.survey = survey
        self.delimiter = ""
        self.fields: list[str | None] = []
        self.ignored: list[str] = []
        self.file_errors: list[RowError] = []
        self._kinds = _kind_lookup(kinds)
        self._keys = keys
        self._lines = _Lines(stream, survey)
        self._records: Iterator[list[str]] = iter(())
        self._width = 0
        self._reader: Any = None

    def read_header(self) -> bool:
        """Sniff the delimiter and map the header to fields; False when the file is refused."""
        try:
            return self._read_header()
        except (UnicodeDecodeError, _LineTooLongError, csv.Error) as exc:
            self.file_errors.append(self._unreadable(exc))
            return False

    def _read_header(self) -> bool:
        lines = iter(self._lines)
        sample = list(itertools.islice(lines, 20))
        if not "".join(sample).strip():
            self.file_errors.append(RowError(0, None, "fails ir tukšs", "the file is empty"))
            return False
        self.delimiter = _delimiter("".join(sample))
        self._reader = csv.reader(itertools.chain(sample, lines), delimiter=self.delimiter,
                                  strict=False)
        header: list[str] | None = []
        while header is not None and not any(cell.strip() for cell in header):
            header = next(self._reader, None)
        if header is None:
            self.file_errors.append(RowError(0, None, "fails ir tukšs", "the file is empty"))
            return False
        header_lines = range(1, self._reader.line_num + 1)
        for name in header:
            found = _HEADER_LOOKUP.get(_header_key(name))
            if found is not None and found in self.fields:
                self.file_errors.append(RowError(1, found, f"kolonna „{name}“ atkārtojas",
                                                 f"the column “{name}” appears twice"))
                found = None
            self.fields.append(found)
            if found is None and name.strip():
                self.ignored.append(name.strip())
        for required in REQUIRED:
            if required not in self.fields:
                self.file_errors.append(RowError(
                    1, required, f"trūkst kolonnas „{LABELS_LV[required]}“",
                    f"the column “{FIELD_LABELS_EN[required]}” is missing"))
        if self._lines.bad.intersection(header_lines):
            self.file_errors.append(RowError(1, None, "virsraksta rinda nav UTF-8 kodējumā",
                                             "the header line is not in UTF-8"))
        self._width = len(header)
        return not self.file_errors

    @property
    def columns(self) -> list[str]:
        return [f for f in self.fields if f]

    def _unreadable(self, exc: Exception) -> RowError:
        line = self._lines.count
        if isinstance(exc, _LineTooLongError):
            limit = f"{MAX_LINE_CHARS:,}".replace(",", "\u00a0")
            return RowError(exc.line, None, f"rinda ir garāka par {limit} rakstzīmēm",
                            f"the line is longer than {limit} characters")
        if isinstance(exc, UnicodeDecodeError):
            if self.survey.encoding.startswith("utf-16"):
                return RowError(0, None, "fails nav derīgā UTF-16 kodējumā",
                                "the file is not valid UTF-16")
            return RowError(0, None, "fails nav ne UTF-8, ne Windows-1257 kodējumā",
                            "the file is neither UTF-8 nor Windows-1257")
        return RowError(line, None, f"rindu nevar nolasīt kā CSV ({exc})",
                        f"the line cannot be read as CSV ({exc})")

    def rows(self) -> Iterator[PreviewRow]:
        """Every data row with its errors; a file error (in ``file_errors``) ends the rows."""
        try:
            yield from self._rows()
        except (UnicodeDecodeError, _LineTooLongError, csv.Error) as exc:
            self.file_errors.append(self._unreadable(exc))

    def _rows(self) -> Iterator[PreviewRow]:
        reader, bad_lines = self._reader, self._lines.bad
        start = reader.line_num + 1
        for record in reader:
            number, end = start, reader.line_num
            start = end + 1
            if not any(cell.strip() for cell in record):
                bad_lines.difference_update(range(number, end + 1))
                continue  # blank lines (Excel adds them at the end) are not rows
            if bad_lines and bad_lines.intersection(range(number, end + 1)):
                bad_lines.difference_update(range(number, end + 1))
                yield PreviewRow(number, {}, None, ItemStatus.NEW, [RowError(
                    number, None,
                    "rinda nav UTF-8 kodējumā (varbūt ielīmēta no Windows-1257 faila); "
                    "saglabājiet failu vienā kodējumā",
                    "the row is not in UTF-8 (perhaps pasted from a Windows-1257 file); save "
                    "the file in one encoding")])
                continue
            if len(record) != self._width:
                yield PreviewRow(number, {}, None, ItemStatus.NEW, [RowError(
                    number, None,
                    f"rindā ir {len(record)} kolonnas, virsrakstā {self._width}",
                    f"the row has {len(record)} columns, the header {self._width}")])
                continue
            values = {name: cell for name, cell in zip(self.fields, record, strict=True)
                      if name}
            row = _check_row(number, values, self._kinds)
            inventory_no = values.get("inventory_no", "").strip()
            key = code_key(inventory_no) if inventory_no else ""
            before = self._keys.claim(key, number, inventory_no) if key else None
            if before is not None:
                seen_row, seen_no = before
                if seen_row == 0:
                    row.errors.append(_number_taken(number, inventory_no, seen_no))
                else:
                    alike = "" if seen_no == inventory_no else f" ({seen_no})"
                    row.errors.append(RowError(
                        number, "inventory_no",
                        f"inventāra numurs {inventory_no} jau ir rindā {seen_row}{alike}",
                        f"the inventory number {inventory_no} is already in row "
                        f"{seen_row}{alike}"))
            if row.errors:
                row.item = None
            yield row


def _number_taken(row: int, inventory_no: str, existing: str) -> RowError:
    if existing == inventory_no:
        return RowError(row, "inventory_no",
                        f"inventāra numurs {inventory_no} šajā iestādē jau ir izmantots",
                        f"the inventory number {inventory_no} is already used at this school")
    return RowError(row, "inventory_no",
                    f"inventāra numurs {inventory_no} skenerim ir tas pats, kas esošais "
                    f"{existing} (atšķiras tikai burtu lielums vai garumzīmes)",
                    f"the inventory number {inventory_no} reads to a scanner as the existing "
                    f"{existing} (they differ only in case or diacritics)")


def _open(origin: Path | bytes) -> BinaryIO:
    return io.BytesIO(origin) if isinstance(origin, bytes) else Path(origin).open("rb")


def _read(origin: Path | bytes, kinds: Iterable[tuple[str, str, str]], keys: _Keys,
          source: str) -> ImportPreview:
    """The preview of ``origin``: counts, the first rows, the bad rows (capped)."""
    try:
        with _open(origin) as stream:
            survey = _survey(stream)
            preview = ImportPreview(source, survey.encoding, "", [], [], [],
                                    size=survey.size, digest=survey.digest, origin=origin)
            if survey.error is not None:
                preview.file_errors.append(survey.error)
                return preview
            stream.seek(0)
            reader = _Reader(stream, survey, kinds, keys)
            if reader.read_header():
                for row in reader.rows():
                    preview.row_count += 1
                    if row.errors:
                        preview.bad_row_count += 1
                    if (preview.row_count <= PREVIEW_ROWS
                            or (row.errors and len(preview.bad_rows) < MAX_ERROR_ROWS)):
                        preview.rows.append(row)
            preview.delimiter, preview.ignored_columns = reader.delimiter, reader.ignored
            preview.columns, preview.file_errors = reader.columns, reader.file_errors
    finally:
        keys.close()
    if not preview.row_count and not preview.file_errors:
        preview.file_errors.append(RowError(0, None, "failā nav nevienas rindas ar datiem",
                                            "the file has no data rows"))
    return preview


def read_csv(data: bytes, *, kinds: Iterable[tuple[str, str, str]],
             existing_numbers: Iterable[str] = (), source: str = "") -> ImportPreview:
    """Read and check a whole file; write nothing. ``kinds`` are (code, label_lv, label_en)."""
    return _read(data, list(kinds), _Keys(existing_numbers), source)


def _kinds(session: Session) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in session.execute(  # type: ignore[misc]
        select(ResourceKind.code, ResourceKind.label_lv, ResourceKind.label_en))]


def _numbers(session: Session, institution_id: str) -> Iterator[str]:
    """The school's inventory numbers, streamed (a big store's do not all sit in memory)."""
    return iter(session.scalars(select(Item.inventory_no)
                                .where(Item.institution_id == institution_id)
                                .execution_options(yield_per=BATCH_ROWS)))


def preview_file(store: Store, institution_id: str, path: Path | str) -> ImportPreview:
    """Read ``path`` as a stream and check every row against the store; nothing is written.

    The preview keeps counts, the first rows and the bad ones; ``commit`` reads the file
    again (and refuses it if it changed since)."""
    return _preview(store, institution_id, Path(path), str(path))


def preview_bytes(store: Store, institution_id: str, data: bytes, *,
                  source: str = "") -> ImportPreview:
    return _preview(store, institution_id, data, source)


def _preview(store: Store, institution_id: str, origin: Path | bytes,
             source: str) -> ImportPreview:
    with store.read() as s:
        kinds, keys = _kinds(s), _Keys(_numbers(s, institution_id))
    return _read(origin, kinds, keys, source)


# --- writing -------------------------------------------------------------------------------


def commit(store: Store, actor: Actor, preview: ImportPreview, *,
           now: datetime | None = None) -> int:
    """Write every row of a clean preview in ONE transaction; return how many.

    The file is read again as a stream and written in batches inside that one transaction.
    Raises ``ImportRefusedError`` (nothing written) when any row is bad, when the file changed
    since the preview, or when an inventory number was taken in the store since then.
    """
    require(actor, Permission.EDIT_CATALOGUE)
    if not preview.ok:
        raise ImportRefusedError(preview.errors or [RowError(
            0, None, "failā nav nevienas rindas ar datiem", "the file has no data rows")],
            rows=preview.bad_row_count or None)
    if preview.origin is None:
        raise ImportRefusedError([RowError(0, None, "importa fails nav zināms",
                                           "the import file is not known")])
    at = now or utcnow()
    try:
        with _open(preview.origin) as stream:
            survey = _survey(stream)
            if survey.digest != preview.digest or survey.error is not None:
                raise ImportRefusedError([RowError(
                    0, None, "fails ir mainīts kopš pārbaudes; pārbaudiet to vēlreiz",
                    "the file has changed since it was checked; check it again")])
            stream.seek(0)
            with store.write() as session:
                # Checked again under the write lock: another import or sync may have come
                # between, and the numbers are compared folded, as a scanner reads them.
                keys = _Keys(_numbers(session, actor.institution_id))
                try:
                    written = _write_rows(session, actor, _Reader(
                        stream, survey, _kinds(session), keys), at)
                finally:
                    keys.close()
    except OSError as exc:
        raise ImportRefusedError([RowError(
            0, None, f"failu neizdevās nolasīt ({exc.strerror or type(exc).__name__})",
            f"the file cannot be read ({exc.strerror or type(exc).__name__})")]) from None
    return written


def _write_rows(session: Session, actor: Actor, reader: _Reader, at: datetime) -> int:
    """Every row in batches; raises (rolling the transaction back) if any is bad now."""
    if not reader.read_header():
        raise ImportRefusedError(reader.file_errors)
    late: list[RowError] = []
    bad = written = 0
    batch: list[tuple[int, ItemInput, ItemStatus]] = []
    for row in reader.rows():
        if row.errors or row.item is None:
            bad += 1
            if bad <= MAX_ERROR_ROWS:
                late += row.errors
            continue
        if bad:
            continue  # refused already: check the rest, write nothing more
        batch.append((row.row, row.item, row.status))
        if len(batch) >= BATCH_ROWS:
            _bulk_insert(session, actor, batch, at)
            written += len(batch)
            batch.clear()
    if reader.file_errors or late:
        raise ImportRefusedError([*reader.file_errors, *late], rows=bad or None)
    _bulk_insert(session, actor, batch, at)
    return written + len(batch)


def _bulk_insert(session: Session, actor: Actor,
                 rows: Sequence[tuple[int, ItemInput, ItemStatus]], at: datetime) -> None:
    """Items with their history, audit and outbox rows, one executemany per table."""
    items, history, audit, outbox = [], [], [], []
    for _number, data, status in rows:
        item_id = new_id()
        items.append({**data.model_dump(), "id": item_id,
                      "institution_id": actor.institution_id, "status": status.value,
                      "server_version": 0, "updated_at": at})
        history.append({"entity_type": "item", "entity_id": item_id, "application_id": None,
                        "action": "import", "from_status": None, "to_status": status.value,
                        "reason": None, "actor": actor.username, "source": "local", "at": at})
        audit.append({"at": at, "actor": actor.username, "institution_id": actor.institution_id,
                      "action": "import_item", "entity_type": "item", "entity_id": item_id,
                      "details": {"inventory_no": data.inventory_no}})
        outbox.append({"command_id": new_id(), "institution_id": actor.institution_id,
                       "aggregate_type": "item", "aggregate_id": item_id,
                       "application_id": None, "command": CommandName.UPSERT_ITEM.value,
                       "payload": upsert_payload(item_id, data, status).model_dump(mode="json"),
                       "base_version": 0,
                       "state": "pending", "attempts": 0, "actor": actor.username,
                       "created_at": at})
    for table, values in ((Item, items), (StatusHistory, history), (AuditEntry, audit),
                          (OutboxCommand, outbox)):
        if values:
            # Core, not ORM, executemany: the ORM splits a batch into hundreds of statements.
            session.execute(insert(cast(Table, table.__table__)), values)


def import_file(store: Store, actor: Actor, path: Path | str, *,
                dry_run: bool = False) -> tuple[ImportPreview, int]:
    """Preview and (unless ``dry_run`` or a row is bad) commit; the count written."""
    preview = preview_file(store, actor.institution_id, path)
    if dry_run or not preview.ok:
        return preview, 0
    return preview, commit(store, actor, preview)


# --- export --------------------------------------------------------------------------------


def _value_text(value: Decimal | None) -> str:
    # Excel in Latvia reads a decimal comma as a number.
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def export_rows(store: Store, institution_id: str) -> list[list[str]]:
    """The header and one row per item, as the export writes them (inventory-number order)."""
    with store.read() as s:
        items = s.scalars(select(Item).where(Item.institution_id == institution_id)
                          .order_by(Item.inventory_no)).all()
        lines = [[lv for _n, lv, _en in COLUMNS]]
        for it in items:
            lines.append([
                it.inventory_no, it.kind_code, it.serial_no or "", it.manufacturer or "",
                it.model or "", "" if it.year is None else str(it.year),
                _value_text(it.acquisition_value), "jā" if it.socially_supported else "nē",
                it.location or "", it.notes or "", it.status.label_lv,
            ])
    return lines


def _csv_bytes(rows: list[list[str]]) -> bytes:
    """UTF-8 with a BOM and ``;``, so Excel in Latvia opens it with its diacritics intact;
    a cell a spreadsheet would evaluate is written as text (``csv_cells.neutral``)."""
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(
        [neutral(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def export_csv(store: Store, institution_id: str) -> bytes:
    return _csv_bytes(export_rows(store, institution_id))


def export_file(store: Store, institution_id: str, path: Path | str) -> int:
    """Write the export to ``path``; the number of items."""
    rows = export_rows(store, institution_id)
    Path(path).write_bytes(_csv_bytes(rows))
    return len(rows) - 1
