"""Importing an existing inventory from a CSV file, and exporting it again.

Schools keep their inventory in spreadsheets, so the file may come from Excel in Latvia
(Windows-1257, ``;``) or from anywhere else (UTF-8, ``,``). The import is two steps: ``preview``
reads and checks every row (nothing is written) and reports each bad row with its line number,
field and reason in Latvian and English; ``commit`` writes all rows in ONE transaction or none.
Every row is checked by the same ``ItemInput`` model the item editor uses.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import insert, select
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
                    "cp1257": "Windows-1257"}


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
    """What an import would do: every row read, and every reason it cannot be done."""

    source: str
    encoding: str
    delimiter: str
    columns: list[str]  # the fields found, in the file's order
    ignored_columns: list[str]  # headers that name no field (left out, said in the preview)
    rows: list[PreviewRow]
    file_errors: list[RowError] = field(default_factory=list)

    @property
    def errors(self) -> list[RowError]:
        return [*self.file_errors, *(e for r in self.rows for e in r.errors)]

    @property
    def ok(self) -> bool:
        return not self.file_errors and all(not r.errors for r in self.rows) and bool(self.rows)

    @property
    def bad_rows(self) -> list[int]:
        return sorted({r.row for r in self.rows if r.errors})

    @property
    def encoding_label(self) -> str:
        return _ENCODING_LABELS.get(self.encoding, self.encoding)


class ImportRefusedError(InputError):
    """The import was refused as a whole; ``errors`` lists every reason. Nothing was written."""

    def __init__(self, errors: list[RowError]) -> None:
        count = len({e.row for e in errors})
        super().__init__(
            "file", f"{count} row(s) cannot be imported; nothing was imported",
            f"{count} rindu nevar importēt; nekas netika importēts",
        )
        self.errors = errors


# --- reading -------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str, set[int], RowError | None]:
    """The text, its encoding, the lines (1-based) that are not in it, and a file error.

    A file wholly in UTF-8 (with or without BOM) is UTF-8; one with no valid UTF-8 sequence
    at all is Windows-1257 (Excel's "CSV" in Latvia). A file mixing both (a row pasted from
    another file) keeps UTF-8, and each line that is not UTF-8 is reported, not guessed.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8-sig", data[3:]
    else:
        encoding, body = "utf-8", data
    try:
        return body.decode("utf-8"), encoding, set(), None
    except UnicodeDecodeError:
        pass
    lines = body.split(b"\n")
    bad: set[int] = set()
    utf8_non_ascii = 0
    texts: list[str] = []
    for number, raw in enumerate(lines, start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            bad.add(number)
            texts.append(raw.decode("utf-8", errors="replace"))
        else:
            utf8_non_ascii += not raw.isascii()
            texts.append(text)
    if encoding == "utf-8" and utf8_non_ascii == 0:
        try:
            return body.decode("cp1257"), "cp1257", set(), None
        except UnicodeDecodeError:
            return "", "cp1257", set(), RowError(
                0, None, "fails nav ne UTF-8, ne Windows-1257 kodējumā",
                "the file is neither UTF-8 nor Windows-1257")
    return "\n".join(texts), encoding, bad, None


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
                number, name, f"šūna sākas kā izklājlapas formula (“{text[:20]}”)",
                f"the cell starts like a spreadsheet formula (“{text[:20]}”)"))
            continue
        if name == "kind_code":
            code = kinds.get(_header_key(text))
            if code is None:
                errors.append(RowError(number, name, f"nezināms resursa veids “{text}”",
                                       f"unknown resource kind “{text}”"))
                continue
            cleaned[name] = code
        elif name == "socially_supported":
            key = _header_key(text)
            if key not in _TRUE | _FALSE:
                errors.append(RowError(number, name, f"jābūt “jā” vai “nē”, nevis “{text}”",
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
            errors.append(RowError(number, "status", f"nezināms statuss “{raw_status}”",
                                   f"unknown status “{raw_status}”"))
        elif found not in IMPORTABLE_STATUSES:
            errors.append(RowError(
                number, "status",
                f"statuss “{found.label_lv}” rodas tikai izsniedzot resursu; importējiet to kā "
                "“Pieejams” vai “Jauns”",
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


def read_csv(data: bytes, *, kinds: Iterable[tuple[str, str, str]],
             existing_numbers: Iterable[str] = (), source: str = "") -> ImportPreview:
    """Read and check a whole file; write nothing. ``kinds`` are (code, label_lv, label_en)."""
    text, encoding, bad_lines, file_error = _decode(data)
    if file_error is not None:
        return ImportPreview(source, encoding, "", [], [], [], [file_error])
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return ImportPreview(source, encoding, "", [], [], [], [RowError(
            0, None, "fails ir tukšs", "the file is empty")])
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    header = next(reader)
    fields: list[str | None] = []
    ignored: list[str] = []
    file_errors: list[RowError] = []
    for name in header:
        found = _HEADER_LOOKUP.get(_header_key(name))
        if found is not None and found in fields:
            file_errors.append(RowError(1, found, f"kolonna “{name}” atkārtojas",
                                        f"the column “{name}” appears twice"))
            found = None
        fields.append(found)
        if found is None and name.strip():
            ignored.append(name.strip())
    for required in REQUIRED:
        if required not in fields:
            file_errors.append(RowError(
                1, required, f"trūkst kolonnas “{LABELS_LV[required]}”",
                f"the column “{FIELD_LABELS_EN[required]}” is missing"))
    if 1 in bad_lines:
        file_errors.append(RowError(1, None, "virsraksta rinda nav UTF-8 kodējumā",
                                    "the header line is not in UTF-8"))
    if file_errors:
        return ImportPreview(source, encoding, delimiter, [f for f in fields if f], ignored,
                             [], file_errors)
    kind_lookup = _kind_lookup(kinds)
    # Keyed as a scanner reads them: RAVG-1 and RAVĢ-1 are one label to a scanner.
    taken = {code_key(n): n for n in existing_numbers}
    first_seen: dict[str, tuple[int, str]] = {}
    rows: list[PreviewRow] = []
    start = reader.line_num + 1
    for record in reader:
        number, end = start, reader.line_num
        start = end + 1
        if not any(cell.strip() for cell in record):
            continue  # blank lines (Excel adds them at the end) are not rows
        if bad_lines.intersection(range(number, end + 1)):
            rows.append(PreviewRow(number, {}, None, ItemStatus.NEW, [RowError(
                number, None,
                "rinda nav UTF-8 kodējumā (varbūt ielīmēta no Windows-1257 faila); "
                "saglabājiet failu vienā kodējumā",
                "the row is not in UTF-8 (perhaps pasted from a Windows-1257 file); save the "
                "file in one encoding")]))
            continue
        if len(record) != len(header):
            rows.append(PreviewRow(number, {}, None, ItemStatus.NEW, [RowError(
                number, None,
                f"rindā ir {len(record)} kolonnas, virsrakstā {len(header)}",
                f"the row has {len(record)} columns, the header {len(header)}")]))
            continue
        values = {name: cell for name, cell in zip(fields, record, strict=True) if name}
        row = _check_row(number, values, kind_lookup)
        inventory_no = values.get("inventory_no", "").strip()
        key = code_key(inventory_no) if inventory_no else ""
        if key:
            if key in taken:
                row.errors.append(_number_taken(number, inventory_no, taken[key]))
            elif key in first_seen:
                seen_row, seen_no = first_seen[key]
                alike = "" if seen_no == inventory_no else f" ({seen_no})"
                row.errors.append(RowError(
                    number, "inventory_no",
                    f"inventāra numurs {inventory_no} jau ir rindā {seen_row}{alike}",
                    f"the inventory number {inventory_no} is already in row "
                    f"{seen_row}{alike}"))
            else:
                first_seen[key] = (number, inventory_no)
        if row.errors:
            row.item = None
        rows.append(row)
    preview = ImportPreview(source, encoding, delimiter, [f for f in fields if f], ignored,
                            rows)
    if not rows:
        preview.file_errors.append(RowError(0, None, "failā nav nevienas rindas ar datiem",
                                            "the file has no data rows"))
    return preview


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


def _kinds(session: Session) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in session.execute(  # type: ignore[misc]
        select(ResourceKind.code, ResourceKind.label_lv, ResourceKind.label_en))]


def _numbers(session: Session, institution_id: str) -> set[str]:
    return set(session.scalars(select(Item.inventory_no)
                               .where(Item.institution_id == institution_id)))


def preview_file(store: Store, institution_id: str, path: Path | str) -> ImportPreview:
    """Read ``path`` and check every row against the store; nothing is written."""
    data = Path(path).read_bytes()
    return preview_bytes(store, institution_id, data, source=str(path))


def preview_bytes(store: Store, institution_id: str, data: bytes, *,
                  source: str = "") -> ImportPreview:
    with store.read() as s:
        kinds, numbers = _kinds(s), _numbers(s, institution_id)
    return read_csv(data, kinds=kinds, existing_numbers=numbers, source=source)


# --- writing -------------------------------------------------------------------------------


def commit(store: Store, actor: Actor, preview: ImportPreview, *,
           now: datetime | None = None) -> int:
    """Write every row of a clean preview in ONE transaction; return how many.

    Raises ``ImportRefusedError`` (nothing written) when any row is bad, or when an inventory
    number was taken in the store since the preview was made.
    """
    require(actor, Permission.EDIT_CATALOGUE)
    if not preview.ok:
        raise ImportRefusedError(preview.errors or [RowError(
            0, None, "failā nav nevienas rindas ar datiem", "the file has no data rows")])
    at = now or utcnow()
    rows = [(r.row, r.item, r.status) for r in preview.rows if r.item is not None]
    with store.write() as session:
        # Checked again under the write lock: another import or sync may have come between.
        taken = {code_key(n): n for n in _numbers(session, actor.institution_id)}
        known_kinds = {k for k, _, _ in _kinds(session)}
        late = [_number_taken(n, d.inventory_no, taken[code_key(d.inventory_no)])
                for n, d, _ in rows if code_key(d.inventory_no) in taken]
        late += [RowError(n, "kind_code", f"nezināms resursa veids “{d.kind_code}”",
                          f"unknown resource kind “{d.kind_code}”")
                 for n, d, _ in rows if d.kind_code not in known_kinds]
        if late:
            raise ImportRefusedError(late)
        _bulk_insert(session, actor, rows, at)
    return len(rows)


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
            session.execute(insert(table), values)


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
