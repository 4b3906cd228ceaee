"""Inventory CSV import and export: every bad row reported, all rows or none written."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.models import inventory, inventory_csv
from desktop.models.codes import ItemStatus
from desktop.models.errors import InputError, PermissionDeniedError
from desktop.models.inventory_csv import ImportRefusedError
from desktop.models.schema import AuditEntry, Item, OutboxCommand, StatusHistory
from desktop.models.store import Store, open_store
from factories import ADMIN, REVIEWER, SCHOOL, add_item, seed_catalogue

HEADER_LV = ("Inventāra numurs;Resursa veids;Sērijas numurs;Ražotājs;Modelis;Gads;"
             "Iegādes vērtība;Sociāli atbalstāmajiem;Atrašanās vieta;Piezīmes;Statuss")


@pytest.fixture
def cat(store: Store) -> Store:
    seed_catalogue(store)
    add_item(store, inventory_no="RĀVĢ-0001")
    return store


def counts(store: Store) -> tuple[int, ...]:
    with store.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t))
                     for t in (Item, StatusHistory, AuditEntry, OutboxCommand))


def lines(*rows: str) -> str:
    return "\r\n".join((HEADER_LV, *rows)) + "\r\n"


def test_broken_rows_import_nothing_and_each_is_listed_with_its_reason(cat: Store,
                                                                       tmp_path: Path) -> None:
    good = "RĀVĢ-0100;windows_laptop;PF4ABC12;Lenovo;ThinkPad E14;2024;649,99;nē;Kabinets 214;;"
    body = lines(
        good,                                                                     # line 2
        "RĀVĢ-0101;Chromebook portatīvais dators;NXK1;Acer;Spin 511;2023;329,00;jā;;",  # 3
        "RĀVĢ-0100;tablet;R9WT;Samsung;Galaxy Tab A9+;2024;219;nē;Bibliotēka;;",  # 4 duplicate
        "RĀVĢ-0001;tablet;R9WU;Samsung;Galaxy Tab A9+;2024;219;nē;Bibliotēka;;",  # 5 in store
        "RĀVĢ-0104;windows_laptop;PF4ABC99;HP;ProBook;divi tūkst.;12,3,4;nē;;;",  # 6 numbers
        "RĀVĢ-0105;windows_laptop;PF4ABC98;Dell;Latitude;2024;-5;nē;;;",          # 7 negative
    ).encode("utf-8")
    # line 8 pasted from a Windows-1257 file: its "ā" and "ņ" are not UTF-8
    body += "RĀVĢ-0106;tablet;R9WV;Samsung;Tab;2024;219;nē;Skolotāju istaba;Ceļojumu soma;\r\n" \
        .encode("cp1257")
    path = tmp_path / "inventars.csv"
    path.write_bytes(body)
    before = counts(cat)

    preview, written = inventory_csv.import_file(cat, ADMIN, path)

    assert written == 0
    assert not preview.ok
    assert preview.encoding == "utf-8" and preview.delimiter == ";"
    found = {(e.row, e.field) for e in preview.errors}
    assert found == {
        (3, None),                 # 10 columns where the header has 11
        (4, "inventory_no"),       # the same number as line 2
        (5, "inventory_no"),       # already in the store
        (6, "year"), (6, "acquisition_value"),
        (7, "acquisition_value"),
        (8, None),                 # not UTF-8
    }
    by_key = {(e.row, e.field): e for e in preview.errors}
    assert "rindā 2" in by_key[(4, "inventory_no")].message_lv
    assert "jau ir izmantots" in by_key[(5, "inventory_no")].message_lv
    assert "veselam skaitlim" in by_key[(6, "year")].message_lv
    assert "vismaz 0" in by_key[(7, "acquisition_value")].message_lv
    assert "UTF-8" in by_key[(8, None)].message_lv
    assert "rinda / row 6, Gads / Year:" in by_key[(6, "year")].line()
    assert preview.bad_rows == [3, 4, 5, 6, 7, 8]
    with pytest.raises(ImportRefusedError) as refused:
        inventory_csv.commit(cat, ADMIN, preview)
    assert refused.value.message_lv == "6 rindu nevar importēt; nekas netika importēts"
    assert counts(cat) == before


def test_a_missing_required_column_is_a_file_error(cat: Store) -> None:
    data = "Sērijas numurs;Ražotājs\r\nPF4;Lenovo\r\n".encode()
    preview = inventory_csv.preview_bytes(cat, SCHOOL, data)
    assert not preview.ok
    assert {(e.row, e.field) for e in preview.file_errors} == {(1, "inventory_no"),
                                                                (1, "kind_code")}
    assert "trūkst kolonnas „Inventāra numurs“" in preview.file_errors[0].message_lv


def test_windows_1257_with_semicolons_imports_every_row_with_journal(cat: Store) -> None:
    data = lines(
        "RĀVĢ-0200;Windows portatīvais dators;PF4AAA01;Lenovo;ThinkPad E14 Gen 5;2024;"
        "1 249,50 €;nē;Informātikas kabinets 108;Ar somu un peli;Pieejams",
        "RĀVĢ-0201;chromebook_laptop;NXKB02;Acer;Chromebook Spin 511;2023;329;jā;"
        "Bibliotēka, skapis Nr. 3;Skrāpējums uz vāka;",
    ).encode("cp1257")
    before = counts(cat)
    preview = inventory_csv.preview_bytes(cat, SCHOOL, data)
    assert preview.ok, preview.errors
    assert (preview.encoding, preview.delimiter) == ("cp1257", ";")
    assert inventory_csv.commit(cat, ADMIN, preview) == 2
    assert counts(cat) == tuple(n + 2 for n in before)
    with cat.read() as s:
        first = s.scalars(select(Item).where(Item.inventory_no == "RĀVĢ-0200")).one()
        second = s.scalars(select(Item).where(Item.inventory_no == "RĀVĢ-0201")).one()
        assert first.acquisition_value == Decimal("1249.50")
        assert first.status is ItemStatus.AVAILABLE and first.kind_code == "windows_laptop"
        assert first.location == "Informātikas kabinets 108"
        assert second.socially_supported is True and second.status is ItemStatus.NEW
        assert second.notes == "Skrāpējums uz vāka"
        history = s.scalars(select(StatusHistory).where(
            StatusHistory.entity_id == first.id)).one()
        assert (history.action, history.from_status, history.to_status) == (
            "import", None, "available")
        command = s.scalars(select(OutboxCommand).where(
            OutboxCommand.aggregate_id == first.id)).one()
        assert command.command == "upsert_item" and command.base_version == 0
        assert command.payload["acquisition_value"] == "1249.50"
        assert command.payload["status"] == "available"
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == first.id)).one()
        assert audit.details == {"inventory_no": "RĀVĢ-0200"}


def test_utf8_bom_with_commas_and_english_headers(cat: Store) -> None:
    data = ("Inventory number,Kind,Serial number,Manufacturer,Year,Value,Location\r\n"
            'EN-1,Tablet,R9W1,Samsung,2024,"219,00",Ēdnīca\r\n').encode("utf-8-sig")
    preview = inventory_csv.preview_bytes(cat, SCHOOL, data)
    assert preview.ok, preview.errors
    assert (preview.encoding, preview.delimiter) == ("utf-8-sig", ",")
    [row] = preview.rows
    assert row.item is not None and row.item.kind_code == "tablet"
    assert row.item.acquisition_value == Decimal("219.00") and row.item.location == "Ēdnīca"


def test_statuses_that_belong_to_a_handover_are_refused(cat: Store) -> None:
    data = lines("RĀVĢ-0300;tablet;X;;;;;;;;Lietošanā").encode()
    preview = inventory_csv.preview_bytes(cat, SCHOOL, data)
    [error] = preview.errors
    assert error.field == "status" and "izsniedzot" in error.message_lv


def test_a_number_taken_after_the_preview_refuses_the_whole_commit(cat: Store) -> None:
    data = lines("RĀVĢ-0400;tablet;A;;;;;;;;", "RĀVĢ-0401;tablet;B;;;;;;;;").encode()
    preview = inventory_csv.preview_bytes(cat, SCHOOL, data)
    assert preview.ok
    inventory.create_item(cat, ADMIN, {"kind_code": "tablet", "inventory_no": "RĀVĢ-0401"})
    before = counts(cat)
    with pytest.raises(ImportRefusedError) as refused:
        inventory_csv.commit(cat, ADMIN, preview)
    assert [(e.row, e.field) for e in refused.value.errors] == [(3, "inventory_no")]
    assert counts(cat) == before


def test_only_an_administrator_imports(cat: Store) -> None:
    preview = inventory_csv.preview_bytes(cat, SCHOOL, lines("RĀVĢ-0500;tablet;;;;;;;;;").encode())
    with pytest.raises(PermissionDeniedError):
        inventory_csv.commit(cat, REVIEWER, preview)


def test_export_opens_in_excel_and_imports_back_the_same(cat: Store, tmp_path: Path) -> None:
    inventory.create_item(cat, ADMIN, {
        "kind_code": "chromebook_laptop", "inventory_no": "RĀVĢ-0600", "serial_no": "NXK;7",
        "manufacturer": "Acer", "model": "Spin 511", "year": 2023,
        "acquisition_value": "329.90", "socially_supported": True,
        "location": "Skolotāju istaba", "notes": "Ar \"somu\"\nun peli"})
    path = tmp_path / "eksports.csv"
    assert inventory_csv.export_file(cat, SCHOOL, path) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.split(b"\r\n")[0].count(b";") == 10
    assert "329,90" in raw.decode("utf-8-sig")

    other = open_store(tmp_path / "other")
    try:
        seed_catalogue(other)
        preview, written = inventory_csv.import_file(other, ADMIN, path)
        assert preview.ok and written == 2, preview.errors

        def rows(s: Store) -> list[tuple[object, ...]]:
            with s.read() as r:
                return [(i.inventory_no, i.kind_code, i.serial_no, i.manufacturer, i.model,
                         i.year, i.acquisition_value, i.socially_supported, i.location,
                         i.notes, i.status) for i in r.scalars(
                             select(Item).order_by(Item.inventory_no))]

        assert rows(other) == rows(cat)
    finally:
        other.close()


FORMULAS = ["=HYPERLINK(\"http://x.lv\";\"klikšķini\")", "+cmd|' /c calc'!A0", "@SUM(1)",
            "-2+3", "=1+1"]


@pytest.mark.parametrize("cell", FORMULAS)
def test_a_cell_a_spreadsheet_would_evaluate_is_refused_with_its_row(cat: Store,
                                                                     cell: str) -> None:
    """Issue 14: formulas round-tripped into a spreadsheet through import and export."""
    quoted = '"' + cell.replace('"', '""') + '"'
    data = lines("RĀVĢ-0600;tablet;S1;;;;;;Skolotāju istaba;Derīgs;",
                 f"RĀVĢ-0601;tablet;S2;;;;;;;{quoted};").encode()
    before = counts(cat)
    preview = inventory_csv.preview_bytes(cat, SCHOOL, data)
    [error] = preview.errors
    assert (error.row, error.field) == (3, "notes") and "formula" in error.message_en
    assert counts(cat) == before


def test_plain_numbers_and_words_are_not_formulas(cat: Store) -> None:
    data = lines("RĀVĢ-0610;tablet;-5;;;;649,99;;;Ķīmijas kabinets;").encode()
    assert inventory_csv.preview_bytes(cat, SCHOOL, data).ok


def test_an_export_writes_a_formula_as_text(cat: Store) -> None:
    item_id = add_item(cat, inventory_no="RĀVĢ-0620")
    with cat.write() as s:
        s.get(Item, item_id).notes = "=HYPERLINK(\"http://x.lv\")"
    text = inventory_csv.export_csv(cat, SCHOOL).decode("utf-8-sig")
    assert ";'=HYPERLINK(" in text.replace('"', "")
    assert ";=HYPERLINK" not in text.replace('"', "")


def test_numbers_a_scanner_cannot_tell_apart_are_refused(cat: Store) -> None:
    inventory.create_item(cat, ADMIN, {"kind_code": "tablet", "inventory_no": "RĀVĢ-0600"})
    data = lines("RAVG-0600;tablet;A;;;;;;;;", "rāvģ-0601;tablet;B;;;;;;;;",
                 "RAVG-0601;tablet;C;;;;;;;;").encode()
    preview = inventory_csv.preview_bytes(cat, SCHOOL, data)
    by_row = {e.row: e for e in preview.errors}
    assert set(by_row) == {2, 4}
    assert "RĀVĢ-0600" in by_row[2].message_lv and "garumzīmes" in by_row[2].message_lv
    assert "rindā 3 (rāvģ-0601)" in by_row[4].message_lv


def test_an_item_whose_number_folds_like_another_is_refused(cat: Store) -> None:
    inventory.create_item(cat, ADMIN, {"kind_code": "tablet", "inventory_no": "RĀVĢ-0700"})
    before = counts(cat)
    with pytest.raises(InputError) as refused:
        inventory.create_item(cat, ADMIN, {"kind_code": "tablet", "inventory_no": "ravg-0700"})
    assert refused.value.field == "inventory_no" and "RĀVĢ-0700" in refused.value.message_lv
    assert counts(cat) == before
    # the item itself may keep its own number when edited
    item_id = inventory.create_item(cat, ADMIN, {"kind_code": "tablet",
                                                 "inventory_no": "RĀVĢ-0701"}).item_id
    inventory.edit_item(cat, ADMIN, item_id, {"kind_code": "tablet", "inventory_no": "RĀVĢ-0701",
                                              "location": "Bibliotēka"})


def test_items_that_fold_alike_from_before_stay_editable(cat: Store) -> None:
    """Pairs pulled from the central service or made before the check keep their numbers."""
    from desktop.models import custody

    first = add_item(cat, inventory_no="RAVĢ-0800")
    second = add_item(cat, inventory_no="RAVG-0800")
    for item_id in (first, second):
        values = custody.item(cat, SCHOOL, item_id).editable_values()
        values["location"] = "Ķīmijas kabinets"
        inventory.edit_item(cat, ADMIN, item_id, values)
    with cat.read() as s:
        assert {i.location for i in s.scalars(select(Item))
                if i.inventory_no in ("RAVĢ-0800", "RAVG-0800")} == {"Ķīmijas kabinets"}


# --- issue 14: streaming, a size limit, UTF-16 ------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom_reads_its_diacritics(cat: Store, encoding: str) -> None:
    """Excel's "Unicode text" is UTF-16; it used to give mojibake and 'column missing'."""
    data = lines("RĀVĢ-0900;tablet;Š1;Samsung;Galaxy Tab;2024;219,00;jā;Ķīmijas kabinets;"
                 "Ceļojumu soma;Pieejams").encode(encoding)
    preview = inventory_csv.preview_bytes(cat, SCHOOL, data)
    assert preview.ok, preview.errors
    assert preview.encoding.startswith("utf-16") and "UTF-16" in preview.encoding_label
    [row] = preview.rows
    assert row.item is not None and row.item.location == "Ķīmijas kabinets"
    assert row.item.inventory_no == "RĀVĢ-0900" and row.item.notes == "Ceļojumu soma"
    assert inventory_csv.commit(cat, ADMIN, preview) == 1


def test_a_broken_utf16_file_is_one_file_error(cat: Store) -> None:
    data = b"\xff\xfe" + lines("RĀVĢ-0901;tablet;;;;;;;;;").encode("utf-16-le") + b"\x00\xd8A"
    preview = inventory_csv.preview_bytes(cat, SCHOOL, data)
    assert not preview.ok
    assert any(e.row == 0 and "UTF-16" in e.message_lv for e in preview.errors)


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(
        cat: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "liels.csv"
    path.write_bytes(lines(*(f"RĀVĢ-{n:04d};tablet;;;;;;;;;" for n in range(2000, 2100)))
                     .encode())
    monkeypatch.setattr(inventory_csv, "MAX_FILE_BYTES", 1000)
    before = counts(cat)
    preview, written = inventory_csv.import_file(cat, ADMIN, path)
    assert written == 0 and not preview.ok
    [error] = preview.file_errors
    assert "1 kB" in error.message_lv and "1 kB" in error.message_en
    assert counts(cat) == before


def test_a_large_preview_keeps_counts_the_first_rows_and_every_bad_row(
        cat: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inventory_csv, "PREVIEW_ROWS", 5)
    monkeypatch.setattr(inventory_csv, "MAX_ERROR_ROWS", 3)
    rows = [f"RĀVĢ-{n:04d};tablet;;;;;;;;;" for n in range(1000, 1040)]
    for n in (20, 25, 30, 35, 38):  # lines 22, 27, 32, 37, 40 have a bad year
        rows[n] = rows[n].replace(";;;;;;;;;", ";;;;pērn;;;;;")
    preview = inventory_csv.preview_bytes(cat, SCHOOL, lines(*rows).encode())
    assert preview.row_count == 40 and preview.bad_row_count == 5 and not preview.ok
    assert [r.row for r in preview.rows] == [2, 3, 4, 5, 6, 22, 27, 32]
    assert preview.bad_rows == [22, 27, 32]
    assert preview.errors[-1].message_lv == "… un vēl 2 kļūdainas rindas"
    with pytest.raises(ImportRefusedError) as refused:
        inventory_csv.commit(cat, ADMIN, preview)
    assert refused.value.message_lv == "5 rindu nevar importēt; nekas netika importēts"


def test_a_clean_large_file_commits_every_row_though_the_preview_keeps_few(
        cat: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inventory_csv, "PREVIEW_ROWS", 3)
    monkeypatch.setattr(inventory_csv, "BATCH_ROWS", 7)
    path = tmp_path / "inventars.csv"
    path.write_bytes(lines(*(f"RĀVĢ-{n:04d};tablet;;;;;;;Bibliotēka;;" for n in range(1100, 1130)))
                     .encode("cp1257"))
    before = counts(cat)
    preview, written = inventory_csv.import_file(cat, ADMIN, path)
    assert preview.ok and len(preview.rows) == 3 and preview.row_count == 30
    assert written == 30 and counts(cat) == tuple(n + 30 for n in before)


def test_a_file_changed_after_the_preview_is_refused_and_nothing_written(
        cat: Store, tmp_path: Path) -> None:
    path = tmp_path / "inventars.csv"
    path.write_bytes(lines("RĀVĢ-1200;tablet;;;;;;;;;").encode())
    preview = inventory_csv.preview_file(cat, SCHOOL, path)
    assert preview.ok
    path.write_bytes(lines("RĀVĢ-1200;tablet;;;;;;;;;", "RĀVĢ-1201;tablet;;;;;;;;;").encode())
    before = counts(cat)
    with pytest.raises(ImportRefusedError) as refused:
        inventory_csv.commit(cat, ADMIN, preview)
    assert "mainīts" in refused.value.errors[0].message_lv
    assert counts(cat) == before


def test_a_number_taken_after_the_preview_refuses_a_batched_commit(
        cat: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The write lock's check still folds numbers, and batches already written roll back."""
    monkeypatch.setattr(inventory_csv, "BATCH_ROWS", 2)
    data = lines(*(f"RĀVĢ-{n:04d};tablet;;;;;;;;;" for n in range(1300, 1306))).encode()
    preview = inventory_csv.preview_bytes(cat, SCHOOL, data)
    assert preview.ok
    inventory.create_item(cat, ADMIN, {"kind_code": "tablet", "inventory_no": "ravg-1304"})
    before = counts(cat)
    with pytest.raises(ImportRefusedError) as refused:
        inventory_csv.commit(cat, ADMIN, preview)
    assert [(e.row, e.field) for e in refused.value.errors] == [(6, "inventory_no")]
    assert "garumzīmes" in refused.value.errors[0].message_lv
    assert counts(cat) == before


@pytest.mark.parametrize("mixed", [False, True])
def test_a_line_longer_than_the_limit_is_a_file_error_naming_it(
        cat: Store, monkeypatch: pytest.MonkeyPatch, mixed: bool) -> None:
    monkeypatch.setattr(inventory_csv, "MAX_LINE_CHARS", 200)
    data = lines("RĀVĢ-1400;tablet;;;;;;;;;", "RĀVĢ-1401;tablet;;;;;;;;" + "Ļ" * 300 + ";")
    raw = data.encode()
    if mixed:  # one line pasted from a Windows-1257 file: each line is decoded alone
        raw += "RĀVĢ-1402;tablet;;;;;;;;;\r\n".encode("cp1257")
    preview = inventory_csv.preview_bytes(cat, SCHOOL, raw)
    assert not preview.ok
    assert [(e.row, e.message_en) for e in preview.file_errors] == [
        (3, "the line is longer than 200 characters")]


def test_bytes_windows_1257_does_not_have_are_one_file_error(cat: Store) -> None:
    data = lines("RĀVĢ-1500;tablet;;;;;;;Bibliotēka;;").encode("cp1257") + b"\x81\r\n"
    preview = inventory_csv.preview_bytes(cat, SCHOOL, data)
    assert not preview.ok
    assert [e.message_lv for e in preview.file_errors] == [
        "fails nav ne UTF-8, ne Windows-1257 kodējumā"]


@pytest.mark.parametrize("blank", ["", "   "])
def test_an_empty_required_field_says_it_is_required(cat: Store, blank: str) -> None:
    """The item editor said "Inventāra numurs: nederīga vērtība" for an empty number."""
    for values, field, label in (
            ({"kind_code": "tablet", "inventory_no": blank}, "inventory_no", "Inventāra numurs"),
            ({"kind_code": blank, "inventory_no": "RĀVĢ-0900"}, "kind_code", "Resursa veids")):
        with pytest.raises(InputError) as refused:
            inventory.create_item(cat, ADMIN, values)
        assert refused.value.field == field
        assert refused.value.message_lv == f"{label}: jānorāda"
        assert str(refused.value) == f"{field}: required: it is empty"
