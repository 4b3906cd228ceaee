"""Printing an act: the Qt print dialog when PDFium (pypdfium2) is there to draw the pages,
otherwise the system's PDF viewer, which prints too. PySide6-Essentials has QtPrintSupport
but not QtPdf, so Qt alone cannot draw a PDF's pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

PRINT_DPI = 200  # sharp text without megabytes per page


def _pdfium() -> object | None:
    try:
        import pypdfium2
    except ImportError:
        return None
    return pypdfium2


def open_in_viewer(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def print_pdf(parent: QWidget | None, path: Path) -> bool:
    """Ask for a printer and print ``path``; False if cancelled or nothing could print it."""
    pdfium = _pdfium()
    if pdfium is None:
        return open_in_viewer(path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(path.stem)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("DeskPage", "Drukāt aktu"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_pages(printer, path)
    return True


def print_pages(printer: QPrinter, path: Path) -> int:
    """Draw each page of the PDF onto the printer, fitted to the page; returns the count."""
    pdfium = _pdfium()
    assert pdfium is not None
    document = pdfium.PdfDocument(path.read_bytes())  # type: ignore[attr-defined]
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

