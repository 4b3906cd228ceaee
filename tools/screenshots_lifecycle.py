"""Render the handover-lifecycle dialogs to PNG files (offscreen, 1366×768 at 125 %).

    python -m tools.screenshots_lifecycle [--out docs/screenshots] [--english-out DIR]
    python -m tools.screenshots_lifecycle --merge-ts desktop/i18n/resursi_en.ts

Writes prepare-ahead-single.png (three devices described; tools.screenshots_prepare_picker
shows the picker with a filter), prepare-ahead-selection.png, deadline-dialog.png,
incident-dialog.png (with one attachment listed), sign-on-paper.png and close-case.png, in
Latvian, and checks that each fits a 1366×768 screen at 125 % (1093×614 logical pixels).
``--english-out`` renders the same dialogs in English into another folder (the English
translation is built from the .ts plus ``ENGLISH`` below, in a temporary copy).

``--merge-ts`` fills the English translation of the lifecycle texts into a .ts file that
``make translations`` (lupdate) has brought up to date: only messages still unfinished and
listed in ``ENGLISH`` are touched.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_SCALE_FACTOR", "1.25")

SCREEN = (1366, 768)
TS_FILE = Path("desktop/i18n/resursi_en.ts")

# (context, Latvian source) -> English: every text of desktop/lifecycle.py,
# desktop/views/lifecycle_dialogs.py and the settings dialog's return-deadline field.
ENGLISH: dict[tuple[str, str], str] = {
    # -- desktop/lifecycle.py
    ("Lifecycle", "Sagatavot izsniegšanai…"): "Prepare for issue…",
    ("Lifecycle", "Vienoties par saņemšanas vietu un laiku atlasītajiem piešķirtajiem "
                  "pieteikumiem"):
        "Agree the pickup place and time for the selected granted applications",
    ("Lifecycle", "Mainīt atgriešanas termiņu…"): "Change the return deadline…",
    ("Lifecycle", "Izsniegt resursus drīkst izsniegšanas darbinieks vai administrators"):
        "Only the issuing desk or an administrator may issue devices",
    ("Lifecycle", "Mainīt atlasīto pieteikumu resursu atgriešanas termiņu"):
        "Change the return deadline of the selected applications' devices",
    ("Lifecycle", "Vispirms izvēlieties pieteikumu sarakstā."):
        "First choose an application in the list.",
    ("Lifecycle", "Izsniegšanai sagatavots {0} pieteikums"): "{0} application prepared for issue",
    ("Lifecycle", "Izsniegšanai sagatavoti {0} pieteikumi"):
        "{0} applications prepared for issue",
    ("Lifecycle", "Atlasītajiem pieteikumiem nav izsniegšanas, kurai mainīt atgriešanas "
                  "termiņu."):
        "The selected applications have no handover whose return deadline could change.",
    ("Lifecycle", "pieteikumam nav aktīvas izsniegšanas"): "the application has no active handover",
    ("Lifecycle", "Atgriešanas termiņš mainīts {0} pieteikumam"):
        "Return deadline changed for {0} application",
    ("Lifecycle", "Atgriešanas termiņš mainīts {0} pieteikumiem"):
        "Return deadline changed for {0} applications",
    ("Lifecycle", "Reģistrēta nozaudēšana: {0}"): "Loss recorded: {0}",
    ("Lifecycle", "Reģistrēta zādzība: {0}"): "Theft recorded: {0}",
    ("Lifecycle", "Lieta slēgta: {0}"): "Case closed: {0}",
    ("Lifecycle", "Izsniegts ar aktu uz papīra: {0}"): "Issued with a paper act: {0}",
    ("Lifecycle", "… un vēl {0}"): "… and {0} more",
    ("Lifecycle", "Izdevās: {0}. Neizdevās: {1}."): "Done: {0}. Not done: {1}.",
    # -- desktop/views/lifecycle_dialogs.py, module texts
    ("lifecycle_dialogs", "Atlasīts {0} pieteikums"): "{0} application selected",
    ("lifecycle_dialogs", "Atlasīti {0} pieteikumi"): "{0} applications selected",
    ("lifecycle_dialogs", "Fails {0} ir lielāks par 20 MB"): "The file {0} is larger than 20 MB",
    ("lifecycle_dialogs", "Failu {0} neizdevās nolasīt"): "The file {0} could not be read",
    ("lifecycle_dialogs", "Fails {0} ir tukšs"): "The file {0} is empty",
    ("lifecycle_dialogs", "Fails {0} nav PDF, PNG vai JPEG fails"):
        "The file {0} is not a PDF, PNG or JPEG file",
    ("lifecycle_dialogs", "PDF, PNG vai JPEG (*.pdf *.png *.jpg *.jpeg)"):
        "PDF, PNG or JPEG (*.pdf *.png *.jpg *.jpeg)",
    ("lifecycle_dialogs", "Kļūda"): "Error",
    ("lifecycle_dialogs", "Sagatavot izsniegšanai {0} pieteikumu"):
        "Prepare {0} application for issue",
    ("lifecycle_dialogs", "Sagatavot izsniegšanai {0} pieteikumus"):
        "Prepare {0} applications for issue",
    # -- PrepareAheadDialog
    ("PrepareAheadDialog", "Sagatavot izsniegšanai"): "Prepare for issue",
    ("PrepareAheadDialog", "Rezervēt resursu:"): "Reserve a device:",
    ("PrepareAheadDialog", "Rezervēt izvēlēto resursu"): "Reserve the chosen device",
    ("PrepareAheadDialog", "Resursu izvēlēsies izsniegšanas vietā"):
        "The device will be chosen at the desk",
    ("PrepareAheadDialog", "Pieteikumam jau rezervēts resurss {0}; to var nomainīt pret "
                           "citu."):
        "Device {0} is already reserved for the application; it can be swapped for another.",
    ("PrepareAheadDialog", "Nav pieejamu piemērotu resursu: resursu izvēlēsies izsniegšanas "
                           "vietā."):
        "No suitable device is available: the device will be chosen at the desk.",
    ("PrepareAheadDialog", "piemēram, Skolas 12. kabinets"): "e.g. school room 12",
    ("PrepareAheadDialog", "Saņemšanas vieta"): "Pickup place",
    ("PrepareAheadDialog", "Saņemšanas datums"): "Pickup date",
    ("PrepareAheadDialog", "Saņemšanas laiks no"): "Pickup time from",
    ("PrepareAheadDialog", "Saņemšanas laiks līdz"): "Pickup time until",
    ("PrepareAheadDialog", "Kontaktpersona"): "Contact person",
    ("PrepareAheadDialog", "vārds un uzvārds"): "first name and surname",
    ("PrepareAheadDialog", "Kontaktpersonas tālrunis"): "Contact person's phone",
    ("PrepareAheadDialog", "piemēram, +371 67 000 000 (nav obligāts)"):
        "e.g. +371 67 000 000 (optional)",
    ("PrepareAheadDialog", "Atgriešanas termiņš:"): "Return deadline:",
    ("PrepareAheadDialog", "Noteikt atgriešanas termiņu"): "Set a return deadline",
    ("PrepareAheadDialog", "Atgriešanas termiņš"): "Return deadline",
    ("PrepareAheadDialog", "nav noteikts"): "none",
    ("PrepareAheadDialog", "Paziņot iesniedzējam"): "Notify the applicant",
    ("PrepareAheadDialog", "Paziņot iesniedzējiem"): "Notify the applicants",
    ("PrepareAheadDialog", "Centrālais serviss nosūtīs iesniedzējam saņemšanas vietu, laiku un "
                           "kontaktus."):
        "The central service will send the applicant the pickup place, time and contacts.",
    ("PrepareAheadDialog", "Centrālais serviss nosūtīs iesniedzējiem saņemšanas vietu, laiku "
                           "un kontaktus."):
        "The central service will send the applicants the pickup place, time and contacts.",
    ("PrepareAheadDialog", "Sagatavot"): "Prepare",
    ("PrepareAheadDialog", "Saņemšanas &vieta:"): "Pickup &place:",
    ("PrepareAheadDialog", "no"): "from",
    ("PrepareAheadDialog", "līdz"): "until",
    ("PrepareAheadDialog", "Saņemšanas &laiks:"): "Pickup &time:",
    ("PrepareAheadDialog", "&Kontaktpersona:"): "&Contact person:",
    ("PrepareAheadDialog", "&Tālrunis:"): "P&hone:",
    # -- DeadlineDialog
    ("DeadlineDialog", "Mainīt atgriešanas termiņu"): "Change the return deadline",
    ("DeadlineDialog", "Atgriešanas termiņš"): "Return deadline",
    ("DeadlineDialog", "Pašreizējais termiņš: {0}"): "Current deadline: {0}",
    ("DeadlineDialog", "Pašreizējie termiņi atšķiras vai nav noteikti."):
        "The current deadlines differ or are not set.",
    ("DeadlineDialog", "Pašreizējais termiņš: nav noteikts"): "Current deadline: none",
    ("DeadlineDialog", "Jaunais atgriešanas termiņš"): "New return deadline",
    ("DeadlineDialog", "Paziņot iesniedzējam"): "Notify the applicant",
    ("DeadlineDialog", "Paziņot iesniedzējiem"): "Notify the applicants",
    ("DeadlineDialog", "Mainīt"): "Change",
    ("DeadlineDialog", "&Jaunais termiņš:"): "&New deadline:",
    # -- IncidentDialog
    ("IncidentDialog", "Reģistrēt nozaudēšanu vai zādzību"): "Record a loss or theft",
    ("IncidentDialog", "Nozaudēts"): "Lost",
    ("IncidentDialog", "Resurss nozaudēts"): "Device lost",
    ("IncidentDialog", "Nozagts"): "Stolen",
    ("IncidentDialog", "Resurss nozagts"): "Device stolen",
    ("IncidentDialog", "Notikuma datums"): "Date it happened",
    ("IncidentDialog", "Kas notika"): "What happened",
    ("IncidentDialog", "Kur un kā resurss pazuda, kas par to ziņoja"):
        "Where and how the device went missing, who reported it",
    ("IncidentDialog", "Pievienot failu…"): "Add a file…",
    ("IncidentDialog", "Pielikums"): "Attachment",
    ("IncidentDialog", "Pielikumi"): "Attachments",
    ("IncidentDialog", "Reģistrēt"): "Record",
    ("IncidentDialog", "Kas noticis:"): "What happened:",
    ("IncidentDialog", "Notikuma &datums:"): "&Date:",
    ("IncidentDialog", "&Apraksts:"): "D&escription:",
    ("IncidentDialog", "Pielikumi (piemēram, policijas izziņa), PDF, PNG vai JPEG līdz 20 MB:"):
        "Attachments (e.g. the police report), PDF, PNG or JPEG up to 20 MB:",
    ("IncidentDialog", "Resurss uzreiz kļūs nozaudēts vai nozagts; ziņojums tiks uzskatīts "
                       "par apstiprinātu."):
        "The device becomes lost or stolen at once; the report counts as acknowledged.",
    # -- the file list
    ("_Files", "Noņemt"): "Remove",
    ("_Files", "Noņemt atlasīto failu"): "Remove the selected file",
    ("_Files", "Ne vairāk kā {0} pielikumi"): "At most {0} attachments",
    # -- CloseCaseDialog
    ("CloseCaseDialog", "Slēgt lietu"): "Close the case",
    ("CloseCaseDialog", "Lieta tiks slēgta; dati tiks dzēsti pēc 25 mēnešiem."):
        "The case will be closed; its data will be deleted after 25 months.",
    ("CloseCaseDialog", "&Piezīmes (nav obligātas):"): "&Notes (optional):",
    ("CloseCaseDialog", "Piezīmes"): "Notes",
    # -- SignOnPaperDialog
    ("SignOnPaperDialog", "Parakstīts uz papīra"): "Signed on paper",
    ("SignOnPaperDialog", "Izdrukātais pieņemšanas-nodošanas akts Nr. {0}"):
        "Printed handover act No. {0}",
    ("SignOnPaperDialog", "Iesniedzējs parakstīja izdrukāto aktu"):
        "The applicant signed the printed act",
    ("SignOnPaperDialog", "Pievienot skenējumu…"): "Add a scan…",
    ("SignOnPaperDialog", "Parakstītā akta skenējums"): "Scan of the signed act",
    ("SignOnPaperDialog", "Parakstītās lapas skenējums (nav obligāts):"):
        "Scan of the signed page (optional):",
    ("SignOnPaperDialog", "Reģistrēt izsniegšanu"): "Record the issue",
    ("SignOnPaperDialog", "Resurss tiks atzīmēts kā izsniegts, un akts tiks pievienots "
                          "pieteikumam."):
        "The device will be marked as issued and the act filed with the application.",
    # -- SettingsDialog: the return deadline
    ("SettingsDialog", "Atgriešanas termiņš (diena un mēnesis)"):
        "Return deadline (day and month)",
    ("SettingsDialog", "Atgriešanas termiņš:"): "Return deadline:",
    ("SettingsDialog", "Diena un mēnesis (DD.MM.), kad mācību gada beigās jāatgriež resursi; "
                       "to piedāvā, sagatavojot izsniegšanu."):
        "The day and month (DD.MM.) devices are due back at the end of the school year; "
        "offered when preparing an issue.",
}


_CONTEXT = re.compile(r"<context>(.*?)</context>", re.S)
_MESSAGE = re.compile(r"<message>(.*?)</message>", re.S)
_UNFINISHED = re.compile(r'<translation type="unfinished"\s*/>'
                         r'|<translation type="unfinished">.*?</translation>', re.S)


def merge_ts(ts: Path) -> int:
    """Fill ``ENGLISH`` into the unfinished messages of ``ts`` (as text: the rest of the file
    stays byte for byte as lupdate wrote it); the number filled."""
    text = ts.read_text(encoding="utf-8")
    filled = 0

    def message(context: str, found: re.Match[str]) -> str:
        nonlocal filled
        body = found.group(0)
        source = re.search(r"<source>(.*?)</source>", body, re.S)
        english = ENGLISH.get((context, html.unescape(source.group(1)))) if source else None
        if english is None or not _UNFINISHED.search(body):
            return body
        filled += 1
        return _UNFINISHED.sub(
            lambda _m: f"<translation>{escape(english)}</translation>", body, count=1)

    def context(found: re.Match[str]) -> str:
        block = found.group(0)
        name = re.search(r"<name>(.*?)</name>", block, re.S)
        key = html.unescape(name.group(1)) if name else ""
        return _MESSAGE.sub(lambda m: message(key, m), block)

    ts.write_text(_CONTEXT.sub(context, text), encoding="utf-8")
    return filled


def _english_qm(folder: Path) -> Path:
    """The English translation with the lifecycle texts, compiled in ``folder``."""
    bin_dir = Path(sys.executable).parent
    ts = folder / "resursi_en.ts"
    shutil.copy(TS_FILE, ts)
    sources = [str(p) for p in (*Path("desktop").glob("*.py"), *Path("desktop/views").glob("*.py"))]
    subprocess.run([str(bin_dir / "pyside6-lupdate"), *sources, "-source-language", "lv",
                    "-target-language", "en", "-ts", str(ts)], check=True, capture_output=True)
    merge_ts(ts)
    qm = folder / "resursi_en.qm"
    subprocess.run([str(bin_dir / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True)
    return qm


def _render(out: Path, files: dict[str, Path]) -> list[str]:
    """Every dialog into ``out``; the names of those that do not fit the screen."""
    from PySide6.QtWidgets import QApplication, QDialog

    from desktop.models.lifecycle import PickupPlan
    from desktop.views.lifecycle_dialogs import (
        CloseCaseDialog,
        DeadlineDialog,
        IncidentDialog,
        PrepareAheadDialog,
        SignOnPaperDialog,
    )
    from tools.screenshots_picker import _devices

    qt_app = QApplication.instance()
    assert isinstance(qt_app, QApplication)
    today = date.today()
    label = "P-2025-000109 · Jānis Bērziņš, 7.b"
    devices = _devices()[:3]
    year_end = date(today.year if today <= date(today.year, 5, 31) else today.year + 1, 5, 31)
    too_big: list[str] = []

    def shot(name: str, dialog: QDialog, fill: Any = None) -> None:
        if fill is not None:
            fill(dialog)
        dialog.show()
        if getattr(dialog, "picker", None) is None:  # a device table keeps its width
            dialog.adjustSize()
        for _ in range(5):
            qt_app.processEvents()
        scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
        width, height = dialog.frameGeometry().width(), dialog.frameGeometry().height()
        if width * scale > SCREEN[0] or height * scale > SCREEN[1]:
            too_big.append(f"{name}: {width}×{height} logical at {scale}")
        dialog.grab().save(str(out / name))
        print(f"{out / name}: {round(width * scale)}×{round(height * scale)} px")
        dialog.close()
        dialog.deleteLater()

    def fill_single(d: PrepareAheadDialog) -> None:
        d.place.setText("Skolas 12. kabinets (2. stāvs)")
        d.phone.setText("+371 67 000 123")
        assert d.picker is not None
        d.picker.table.selectRow(1)

    def fill_selection(d: PrepareAheadDialog) -> None:
        d.place.setText("Aktu zāle, 1. stāvs")
        d.phone.setText("67 000 123")

    def fill_incident(d: IncidentDialog) -> None:
        d.stolen.setChecked(True)
        d.occurred_on.setDate(d.occurred_on.date().addDays(-3))
        d.description.setPlainText(
            "Soma ar datoru nozagta autobusā Nr. 22 pie Ķengaraga pieturas; māte ziņoja pa "
            "tālruni, Valsts policijā iesniegts iesniegums.")
        d.add_file(files["report"])

    def fill_close(d: CloseCaseDialog) -> None:
        d.notes_edit.setPlainText("Policija kriminālprocesu izbeidza; ģimene atlīdzināja "
                                  "resursa vērtību.")

    def fill_sign(d: SignOnPaperDialog) -> None:
        d.signed.setChecked(True)
        d.add_scan(files["scan"])

    previous = PickupPlan("Skolas 12. kabinets", datetime.now().replace(
        hour=9, minute=0, second=0, microsecond=0).astimezone() + timedelta(days=1),
        datetime.now().replace(hour=15, minute=0, second=0, microsecond=0).astimezone()
        + timedelta(days=1), "Ilze Ozoliņa", None)
    shot("prepare-ahead-single.png",
         PrepareAheadDialog(label, 1, devices, year_end, "Ilze Ozoliņa"),  # type: ignore[arg-type]
         fill_single)
    shot("prepare-ahead-selection.png",
         PrepareAheadDialog("", 23, None, year_end, "Ilze Ozoliņa", previous=previous),
         fill_selection)
    shot("deadline-dialog.png", DeadlineDialog(3, None))
    shot("incident-dialog.png", IncidentDialog(label), fill_incident)
    shot("sign-on-paper.png", SignOnPaperDialog(label, "P-2025-000109-A1"), fill_sign)
    shot("close-case.png", CloseCaseDialog(label), fill_close)
    return too_big


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--english-out", type=Path, default=None)
    parser.add_argument("--merge-ts", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.merge_ts is not None:
        print(f"{merge_ts(args.merge_ts)} translation(s) filled into {args.merge_ts}")
        return 0

    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    qt_app = QApplication.instance() or QApplication([])
    assert isinstance(qt_app, QApplication)
    with tempfile.TemporaryDirectory(prefix="resursi-lifecycle-shots-") as tmp:
        folder = Path(tmp)
        files = {"report": folder / "Valsts-policijas-izziņa-2025-09-14.pdf",
                 "scan": folder / "akts-P-2025-000109-A1-paraksts.png"}
        files["report"].write_bytes(b"%PDF-1.4\n" + b"0" * 180_000)
        files["scan"].write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 420_000)
        args.out.mkdir(parents=True, exist_ok=True)
        too_big = _render(args.out, files)
        if args.english_out is not None:
            translator = QTranslator()
            if not translator.load(str(_english_qm(folder))):
                raise SystemExit("the English translation could not be loaded")
            qt_app.installTranslator(translator)
            args.english_out.mkdir(parents=True, exist_ok=True)
            too_big += _render(args.english_out, files)
            qt_app.removeTranslator(translator)
    if too_big:
        print("does not fit 1366×768 at 125 %:\n  " + "\n  ".join(too_big))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
