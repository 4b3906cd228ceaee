"""Render the document-template editor to a PNG (offscreen, 1366×768 at 125 %, on seeded data).

    python -m tools.screenshots_templates [--out docs/screenshots] [--english-out DIR]
    python -m tools.screenshots_templates --merge-ts desktop/i18n/resursi_en.ts

Writes template-editor.png: the editor open on an act-text template with placeholders and its
preview, in Latvian, and checks that the editor and the Catalogue page's "Dokumentu veidnes"
tab fit a 1366×768 screen at 125 % (1093×614 logical pixels). ``--english-out`` renders the
same in English into another folder (the translation is built from the .ts plus ``ENGLISH``
below, in a temporary copy), with the list as template-list.png next to it.

``--merge-ts`` fills the English translation of the templates texts into a .ts file that
``make translations`` (lupdate) has brought up to date: only messages still unfinished and
listed in ``ENGLISH`` are touched.

``template_services`` adds the two template callables to the Catalogue's services the way
the composition root binds them.
"""

from __future__ import annotations

import argparse
import dataclasses
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if True:  # the Qt-free imports first; PySide6 loads in main()
    from desktop.app import catalogue_services
    from desktop.models import document_templates
    from desktop.models.journal import Actor
    from desktop.models.store import Store

SCREEN = (1366, 768)
TS_FILE = Path("desktop/i18n/resursi_en.ts")

# (context, Latvian source) -> English: every text of desktop/views/templates_page.py and the
# Catalogue page's new tab.
ENGLISH: dict[tuple[str, str], str] = {
    ("CataloguePage", "Dokumentu veidnes"): "Document templates",
    ("TemplatesModel", "Resursa veids"): "Device type",
    ("TemplatesModel", "Dokuments"): "Document",
    ("TemplatesModel", "Nosaukums"): "Title",
    ("TemplatesModel", "Spēkā no – līdz"): "Valid from – to",
    ("TemplatesModel", "Statuss"): "Status",
    ("TemplatesModel", "Sinhronizācija"): "Sync",
    ("TemplatesModel", "no {0}"): "from {0}",
    ("TemplatesModel", "Spēkā"): "In force",
    ("TemplatesModel", "Gaida sinhronizāciju"): "Waiting to sync",
    ("TemplatesModel", "Šo veidni izmanto dokumentiem, kas tiek sagatavoti šodien"):
        "Documents drawn up today use this template",
    ("TemplatesPage", "Akta teksts"): "Act text",
    ("TemplatesPage", "Lietošanas noteikumi"): "Usage rules",
    ("TemplatesPage", "Veidnes labot var tikai administrators"):
        "Only administrators can edit templates",
    ("TemplatesPage", "Izvēlieties resursa veidu, kuram ir šī veidne"):
        "Choose the device type this template is for",
    ("TemplatesPage", "Akta teksts un lietošanas noteikumi katram resursa veidam. Dokumentam "
                      "izmanto veidni, kas ir spēkā tā sagatavošanas dienā (no vairākām — ar "
                      "vēlāko sākuma datumu). Saglabātās veidnes tiek publicētas centrālajā "
                      "servisā nākamajā sinhronizācijā."):
        "The act's text and the usage rules for each device type. A document uses the "
        "template in force on the day it is drawn up (of several, the one that starts last). "
        "Saved templates are published on the central service at the next sync.",
    ("TemplatesPage", "Jauna veidne…"): "New template…",
    ("TemplatesPage", "Labot…"): "Edit…",
    ("TemplatesPage", "Skatīt…"): "View…",
    ("TemplatesPage", "Dokumentu veidnes"): "Document templates",
    ("TemplatesPage", "Iestādei vēl nav neviena resursu veida"):
        "The school offers no device type yet",
    ("TemplatesPage", "Darbību neizdevās pabeigt: negaidīta kļūda ({0})."):
        "The action could not be completed: unexpected error ({0}).",
    ("TemplatesPage", "Veidne saglabāta; tā tiks publicēta centrālajā servisā nākamajā "
                      "sinhronizācijā."):
        "Template saved; it will be published on the central service at the next sync.",
    ("TemplateEditor", "Jauna dokumenta veidne"): "New document template",
    ("TemplateEditor", "Labot veidni „{0}“"): "Edit template “{0}”",
    ("TemplateEditor", "Veidne „{0}“"): "Template “{0}”",
    ("TemplateEditor", "Resursa veids"): "Device type",
    ("TemplateEditor", "Dokumenta veids"): "Document type",
    ("TemplateEditor", "Dokuments"): "Document",
    ("TemplateEditor", "Nosaukums"): "Title",
    ("TemplateEditor", "piem., Pieņemšanas-nodošanas akts (portatīvie datori)"):
        "e.g. Handover act (laptops)",
    ("TemplateEditor", "Spēkā no"): "Valid from",
    ("TemplateEditor", "Spēkā līdz"): "Valid to",
    ("TemplateEditor", "līdz"): "to",
    ("TemplateEditor", "Ir beigu datums"): "Has a last day",
    ("TemplateEditor", "Bez beigu datuma veidne ir spēkā, līdz to aizstāj veidne ar vēlāku "
                       "sākuma datumu"):
        "Without a last day the template is in force until one with a later first day "
        "replaces it",
    ("TemplateEditor", "Veidnes teksts"): "Template text",
    ("TemplateEditor", "Dokumenta teksts; aizstājamos laukus ievietojiet no saraksta labajā "
                       "pusē"):
        "The document's text; insert placeholders from the list on the right",
    ("TemplateEditor", "Aizstājamie lauki"): "Placeholders",
    ("TemplateEditor", "Dubultklikšķis vai Enter ievieto lauku teksta kursora vietā"):
        "Double-click or Enter inserts the placeholder at the text cursor",
    ("TemplateEditor", "Ievietot"): "Insert",
    ("TemplateEditor", "Ievietot lauku tekstā"): "Insert the placeholder into the text",
    ("TemplateEditor", "Priekšskatījums"): "Preview",
    ("TemplateEditor", "Priekšskatījums ar parauga datiem"): "Preview with sample data",
    ("TemplateEditor", "Teksts"): "Text",
    ("TemplateEditor", "Kļūda"): "Error",
    ("TemplateEditor", "Saglabāt"): "Save",
    ("TemplateEditor", "Atcelt"): "Cancel",
    ("TemplateEditor", "Aizvērt"): "Close",
    ("TemplateEditor", "Saglabātas veidnes resursa veidu mainīt nevar; izveidojiet jaunu "
                       "veidni citam veidam"):
        "A saved template's device type cannot be changed; create a new template for "
        "another type",
    ("TemplateEditor", "Neizdevās saglabāt: negaidīta kļūda ({0}). Mēģiniet vēlreiz."):
        "Could not save: unexpected error ({0}). Please try again.",
}

ACT_TEXT = """PIEŅEMŠANAS-NODOŠANAS AKTS Nr. {{akta_nr}}

Datums: {{datums}}

{{skola}}, {{skolas_adrese}} (turpmāk — Iestāde), nodod un {{iesniedzejs}} (turpmāk — \
Iesniedzējs) pieņem bezatlīdzības lietošanā izglītojamajam {{izglitojamais}} ({{klase}} \
klase) šādu resursu:

Resursa veids: {{resurss}}
Ražotājs un modelis: {{modelis}}
Inventāra numurs: {{inventara_nr}}
Sērijas numurs: {{serijas_nr}}

Pieteikuma numurs: {{pieteikuma_nr}}
Resurss jāatgriež līdz {{atgriesanas_termins}}.

Iesniedzējs apņemas resursu lietot saudzīgi, nenodot to trešajām personām un nekavējoties \
ziņot Iestādei par tā nozaudēšanu vai zādzību.

Sastādīts divos eksemplāros."""

RULES_TEXT = """{{skola}} resursu lietošanas noteikumi

1. Resursu lieto tikai mācību vajadzībām.
2. Resursu nenodod citām personām.
3. Par nozaudēšanu vai zādzību ziņo Iestādei tajā pašā dienā.
4. Resursu atgriež līdz {{atgriesanas_termins}}."""


def template_services(services: Any, store: Store, school_of: Callable[[], str],
                      actor: Callable[[], Actor], language: str = "lv") -> Any:
    """The Catalogue's services with the templates tab wired (as the composition root does)."""
    return dataclasses.replace(
        services,
        templates=lambda: document_templates.document_templates(store, school_of(),
                                                                language=language),
        save_template=lambda offered_kind_id, **values: (
            document_templates.save_document_template(store, actor(), offered_kind_id,
                                                      **values)),
    )


def build_services(store: Store, school: str, actor: Callable[[], Actor],
                   language: str = "lv") -> Any:
    return template_services(catalogue_services(store, school, actor, language), store,
                             lambda: school, actor, language)


# -- the English translation of these texts ----------------------------------------------------

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
    """The English translation with the templates texts, compiled in ``folder``."""
    bin_dir = Path(sys.executable).parent
    ts = folder / "resursi_en.ts"
    shutil.copy(TS_FILE, ts)
    sources = [str(p) for p in (*Path("desktop").glob("*.py"),
                                *Path("desktop/views").glob("*.py"))]
    subprocess.run([str(bin_dir / "pyside6-lupdate"), *sources, "-source-language", "lv",
                    "-target-language", "en", "-ts", str(ts)], check=True, capture_output=True)
    merge_ts(ts)
    qm = folder / "resursi_en.qm"
    subprocess.run([str(bin_dir / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   check=True)
    return qm


# -- rendering -----------------------------------------------------------------------------------

def _render(out: Path, data: Path, language: str, *, with_list: bool) -> list[str]:
    """The editor (and the list) into ``out``; the names of those that do not fit."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QWidget

    from desktop.models import catalogue
    from desktop.models.codes import DocumentType, StaffRole
    from desktop.models.store import open_store
    from desktop.tasks import TaskRunner
    from desktop.views.catalogue_page import CataloguePage
    from sync.devserver.sample_data import DEFAULT_INSTITUTION

    store = open_store(data)
    school = DEFAULT_INSTITUTION
    admin = Actor("admin.ņina", school, StaffRole.ADMIN)
    tasks = TaskRunner()
    page = CataloguePage(tasks, build_services(store, school, lambda: admin, language),
                         can_edit=True, language=language)
    too_big: list[str] = []

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(name: str, widget: QWidget) -> None:
        scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
        frame = widget.frameGeometry()
        if frame.width() * scale > SCREEN[0] or frame.height() * scale > SCREEN[1]:
            too_big.append(f"{name}: {frame.width()}×{frame.height()} logical at {scale}")
        widget.grab().save(str(out / name))
        print(f"{out / name}: {round(frame.width() * scale)}×{round(frame.height() * scale)}"
              " px")

    try:
        # the main window's content area at 1366×768, 125 %: about 1093×614 less its chrome
        page.resize(900, 520)
        page.show()
        page.refresh()
        assert page.templates_page is not None
        page.tabs.setCurrentWidget(page.templates_page)
        settle(800)
        list_page = page.templates_page
        rows = list_page._rows()
        act = next(r for r in rows if r.doc_type is DocumentType.PNA and r.in_force)
        list_page.select_template(act.id)
        if with_list:
            shot("template-list.png", page)
        editor = list_page.open_editor(act)
        assert editor is not None
        settle(400)
        editor.placeholders.setCurrentRow(3)  # the learner's name, its tag shown under it
        cursor = editor.body.textCursor()
        cursor.setPosition(editor.body.toPlainText().index("{{izglitojamais}}"))
        editor.body.setTextCursor(cursor)
        editor.body.setFocus()
        settle(200)
        shot("template-editor.png", editor)
        hint = editor.sizeHint().expandedTo(editor.minimumSizeHint())
        scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
        if hint.width() * scale > SCREEN[0] or hint.height() * scale > SCREEN[1]:
            too_big.append(f"editor's size hint {hint.width()}×{hint.height()}")
        editor.close()
        assert catalogue.offered_kinds(store, school)
    finally:
        tasks.wait()
        page.close()
        page.deleteLater()
        tasks.shutdown()
        store.close()
    return too_big


def _seed(data: Path) -> None:
    """A seeded school with an act text in force, an older one and usage rules waiting."""
    from bench.seed import DEFAULT_INSTITUTION, seed
    from desktop.models import catalogue
    from desktop.models.codes import DocumentType, StaffRole
    from desktop.models.store import open_store

    seed(data, 60)
    store = open_store(data)
    admin = Actor("admin.ņina", DEFAULT_INSTITUTION, StaffRole.ADMIN)
    kinds = catalogue.offered_kinds(store, DEFAULT_INSTITUTION)
    laptops = next((k for k in kinds if "windows" in k.kind_code), kinds[0])
    for doc_type, title, body, start, end in (
        (DocumentType.PNA, "Pieņemšanas-nodošanas akts (2025./2026. m. g.)",
         ACT_TEXT.replace("\n\nSastādīts divos eksemplāros.", ""), date(2025, 9, 1),
         date(2026, 8, 31)),
        (DocumentType.PNA, "Pieņemšanas-nodošanas akts — portatīvie datori", ACT_TEXT,
         date(2025, 12, 1), None),
        (DocumentType.EXPLOITATION_RULES, "Portatīvo datoru lietošanas noteikumi", RULES_TEXT,
         date(2025, 9, 1), None),
    ):
        document_templates.save_document_template(
            store, admin, laptops.id, template_id=None, doc_type=doc_type, title=title,
            body=body, valid_from=start, valid_to=end)
    store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--english-out", type=Path, default=None)
    parser.add_argument("--merge-ts", type=Path, default=None)
    args = parser.parse_args(argv)
    if args.merge_ts is not None:
        print(f"{merge_ts(args.merge_ts)} translation(s) filled into {args.merge_ts}")
        return 0

    # 125 %, set here rather than on import: the tests import build_services from this module
    os.environ.setdefault("QT_SCALE_FACTOR", "1.25")
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    qt_app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(qt_app, QApplication)
    with tempfile.TemporaryDirectory(prefix="resursi-template-shots-") as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # never the user's real settings
        data = Path(tmp) / "data"
        _seed(data)
        args.out.mkdir(parents=True, exist_ok=True)
        too_big = _render(args.out, data, "lv", with_list=False)
        if args.english_out is not None:
            translator = QTranslator()
            if not translator.load(str(_english_qm(Path(tmp)))):
                raise SystemExit("the English translation could not be loaded")
            qt_app.installTranslator(translator)
            args.english_out.mkdir(parents=True, exist_ok=True)
            too_big += _render(args.english_out, data, "en", with_list=True)
            qt_app.removeTranslator(translator)
    if too_big:
        print("does not fit 1366×768 at 125 %:\n  " + "\n  ".join(too_big))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
