"""Render a label sheet of the demo catalogue to PNG files in docs/screenshots.

    python -m tools.screenshots_labels [--out docs/screenshots] [--lang lv|en]

Writes label-sheet-scan-codes.png (the first A4 page, as the printer gets it) and
label-scan-code.png (one label, enlarged): the QR code and the number printed beside it are the
ASCII code any keyboard-mode scanner can type (RAVĢ-2019-000001 → RAVG-2019-000001). A label
holds no UI text, so ``--lang`` is accepted for the screenshot tools' common interface only.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import pypdfium2
from sqlalchemy import select

from desktop.documents.labels import LAYOUTS, Label, label_sheet_pdf
from desktop.models.schema import Institution, Item
from desktop.models.store import open_store
from sync.devserver.sample_data import DEFAULT_INSTITUTION, seed
from sync.devserver.seeding import DEMO_APPLICATIONS

DPI = 110


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", choices=("lv", "en"), default="lv")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="resursi-labels-") as tmp:
        seed(Path(tmp) / "data", DEMO_APPLICATIONS)
        store = open_store(Path(tmp) / "data")
        try:
            with store.read() as s:
                school = s.get(Institution, DEFAULT_INSTITUTION)
                assert school is not None
                labels = [
                    Label(item.inventory_no, school.name, f"{item.manufacturer} {item.model}")
                    for item in s.scalars(
                        select(Item).where(Item.institution_id == DEFAULT_INSTITUTION)
                        .order_by(Item.inventory_no).limit(24))
                ]
        finally:
            store.close()
    layout = LAYOUTS["3x8"]
    document = pypdfium2.PdfDocument(label_sheet_pdf(labels, layout, outlines=True))
    try:
        page = document[0].render(scale=DPI / 72).to_pil().convert("RGB")
    finally:
        document.close()
    page.save(out / "label-sheet-scan-codes.png")
    px_per_mm = DPI / 25.4
    label_w, label_h = layout.width_mm * px_per_mm, layout.height_mm * px_per_mm
    top = layout.top_mm * px_per_mm
    one = page.crop((0, int(top), int(label_w), int(top + label_h)))
    one.resize((one.width * 3, one.height * 3)).save(out / "label-scan-code.png")
    print(f"label screenshots written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
