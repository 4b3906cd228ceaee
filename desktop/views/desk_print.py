"""Printing and showing an act or attachment.

Printing: the Qt print dialog when PDFium (pypdfium2) is there to draw the pages, otherwise
the system's PDF viewer, which prints too. PySide6-Essentials has QtPrintSupport but not
QtPdf, so Qt alone cannot draw a PDF's pages.

The data folder's files may be sealed with the store's key (issue 15): a page reads them
through the ``read`` callable it is given (the store's vault, from the composition root) and
prints the bytes from memory. The system viewer needs a file name, so it gets a private plain
copy (``ViewerCopies``).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import ui_language
from desktop.models.errors import StoreError
from desktop.models.files import write_private
from desktop.models.vault import FileVault
from desktop.tasks import core_message

PRINT_DPI = 200  # sharp text without megabytes per page

#: How a page opens one of the data folder's files: path -> its plain content.
Reader = Callable[[Path], bytes]


def plain_bytes(path: Path) -> bytes:
    """The reader of a page nobody gave the store's: files as they lie. A sealed file is
    refused with a clear message rather than handed to the printer as if it were a PDF."""
    return FileVault(None).read(path)


def _pdfium() -> object | None:
    try:
        import pypdfium2
    except ImportError:
        return None
    return pypdfium2


VIEWER_PREFIX = "resursi-view-"


def remove_stale_viewer_copies(folder: Path | None = None) -> int:
    """Remove this user's viewer copies that a killed run (power cut, crash) left behind in
    the temporary folder; called at start. A copy still open in a viewer stays readable to it
    on POSIX; on Windows an open one cannot be removed and is left for the next start."""
    base = Path(folder or tempfile.gettempdir())
    removed = 0
    for stale in base.glob(f"{VIEWER_PREFIX}*"):
        try:
            if stale.is_symlink() or not stale.is_dir() or (
                    hasattr(os, "getuid") and stale.stat().st_uid != os.getuid()):
                continue
            shutil.rmtree(stale)
            removed += 1
        except OSError:
            continue
    return removed


class ViewerCopies:
    """Private plain copies of sealed files for the system viewer.

    An external viewer never says when it is done with a file, so a copy lives as long as
    the page that opened it: ``clear()`` when the page closes (its ``closeEvent``). The
    folder is a ``TemporaryDirectory`` (0700, a fresh name), kept alive by this object;
    its finalizer removes it at the latest when the program ends, even if no page closed.
    """

    def __init__(self) -> None:
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._count = 0

    def copy(self, name: str, content: bytes) -> Path:
        """``content`` as ``name`` in the private folder (0600), a fresh subfolder per copy
        so that two files of one name never meet."""
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix=VIEWER_PREFIX)
        self._count += 1
        folder = Path(self._folder.name) / str(self._count)
        folder.mkdir(mode=0o700)
        return write_private(folder / name, content)

    @property
    def folder(self) -> Path | None:
        return Path(self._folder.name) if self._folder is not None else None

    def clear(self) -> None:
        """Remove every copy (a viewer still showing one keeps its open file on POSIX)."""
        if self._folder is not None:
            self._folder.cleanup()
            self._folder = None


class FileShower:
    """One page's way to show and print the data folder's files (see the module docstring).

    ``open`` and ``print`` say a file that cannot be opened (changed, another key's, gone)
    in a message box with the core's Latvian text, and return False."""

    def __init__(self, parent: QWidget, read: Reader | None = None) -> None:
        self._parent = parent
        self._read = read or plain_bytes
        self.copies = ViewerCopies()

    def content(self, path: Path) -> bytes | None:
        try:
            return self._read(path)
        except (StoreError, OSError) as exc:
            message = core_message(exc, ui_language()) or QCoreApplication.translate(
                "DeskPage", "Failu {0} neizdevās nolasīt.").format(path.name)
            QMessageBox.warning(self._parent, QCoreApplication.translate(
                "DeskPage", "Failu nevar atvērt"), message)
            return None

    def open(self, path: Path) -> bool:
        """The file in the system's viewer, through a private plain copy."""
        content = self.content(path)
        if content is None:
            return False
        return open_in_viewer(self.copies.copy(path.name, content))

    def print(self, parent: QWidget | None, path: Path) -> bool:
        """Ask for a printer and print the file from memory; False if cancelled or nothing
        could print it."""
        content = self.content(path)
        if content is None:
            return False
        if _pdfium() is None:  # the system viewer prints it
            return open_in_viewer(self.copies.copy(path.name, content))
        return print_pdf(parent, content, name=path.stem)

    def close(self) -> None:
        self.copies.clear()


def open_in_viewer(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def print_pdf(parent: QWidget | None, content: bytes, *, name: str) -> bool:
    """Ask for a printer and print the PDF ``content`` (PDFium is there: the caller looked);
    False if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("DeskPage", "Drukāt aktu"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_pages(printer, content)
    return True


def print_pages(printer: QPrinter, pdf: Path | bytes) -> int:
    """Draw each page of the PDF (a plain file or its bytes) onto the printer, fitted to the
    page; returns the count."""
    pdfium = _pdfium()
    assert pdfium is not None
    content = pdf if isinstance(pdf, bytes) else pdf.read_bytes()
    document = pdfium.PdfDocument(content)  # type: ignore[attr-defined]
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        return 0
    try:
        pages = len(document)
        for number in range(pages):
            if number:
                printer.newPage()
            image = document[number].render(scale=PRINT_DPI / 72).to_pil().convert("RGB")
            data = image.tobytes("raw", "RGB")
            qimage = QImage(data, image.width, image.height, 3 * image.width,
                            QImage.Format.Format_RGB888)
            target = painter.viewport()
            size = qimage.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), size.width(), size.height())
            painter.setWindow(qimage.rect())
            painter.drawImage(0, 0, qimage)
            painter.setViewport(target)
        return pages
    finally:
        painter.end()
        document.close()
