"""PDF pages as images for tests, with PDFium from PyPI (no system tools needed)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from PIL import Image


def render_pages(pdf: bytes | Path, dpi: int = 150) -> list[Image.Image]:
    """Every page of ``pdf`` as an RGB image at ``dpi``."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    document = pypdfium2.PdfDocument(data)
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("RGB") for page in document]
    finally:
        document.close()
