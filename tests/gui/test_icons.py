"""The SVG icon set: valid for QtSvg (SVG Tiny), 24x24, and every name the app asks for loads."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon

from desktop.icons import icon, icon_names, icons_dir

SVG_NS = "{http://www.w3.org/2000/svg}"

# Every name the app's navigation and actions ask for; a missing file is a blank button.
NEEDED = [
    "applications",
    "desk",
    "catalogue",
    "reports",
    "conflicts",
    "audit",
    "settings",
    "sync",
    "grant",
    "refuse",
    "defer",
    "sign-out",
    "search",
    "print",
    "qr",
    "return",
    "lost",
    "import",
    "export",
    "label",
    "add",
    "edit",
    "online",
    "offline",
    "app",
]

SVG_FILES = sorted(icons_dir().glob("*.svg"))


def test_icons_dir_is_the_repository_resources_folder() -> None:
    assert icons_dir() == Path(__file__).resolve().parents[2] / "resources" / "icons"
    assert len(SVG_FILES) >= len(NEEDED)


def test_frozen_app_looks_in_the_pyinstaller_bundle(monkeypatch, tmp_path: Path) -> None:
    import sys

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert icons_dir() == tmp_path / "resources" / "icons"


def test_every_needed_name_exists() -> None:
    missing = sorted(set(NEEDED) - set(icon_names()))
    assert missing == []


@pytest.mark.parametrize("path", SVG_FILES, ids=lambda p: p.stem)
def test_svg_is_plain_svg_tiny_on_a_24_grid(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)  # parses as XML
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == "0 0 24 24"
    for banned in ("currentColor", "<style", "class=", "<filter", "<mask", "<text"):
        assert banned not in text, f"{path.name} uses {banned}"
    for element in root.iter():
        assert element.tag.removeprefix(SVG_NS) in {
            "svg",
            "path",
            "circle",
            "rect",
            "line",
            "polyline",
            "g",
        }, f"{path.name}: unexpected <{element.tag}>"


def _has_ink(pixmap_icon: QIcon, size: int) -> bool:
    image = icon_pixmap(pixmap_icon, size).toImage()
    return any(
        image.pixelColor(x, y).alpha() > 0
        for y in range(image.height())
        for x in range(image.width())
    )


def icon_pixmap(the_icon: QIcon, size: int):
    pixmap = the_icon.pixmap(size, size)
    assert not pixmap.isNull()
    assert pixmap.width() >= size
    return pixmap


@pytest.mark.parametrize("name", NEEDED)
def test_icon_loads_and_draws_something(qapp, name: str) -> None:
    loaded = icon(name)
    assert isinstance(loaded, QIcon)
    assert not loaded.isNull()
    assert _has_ink(loaded, 24)
    assert _has_ink(loaded, 48)


def test_icon_is_cached(qapp) -> None:
    assert icon("grant") is icon("grant")


def test_unknown_name_raises_key_error_naming_it(qapp) -> None:
    with pytest.raises(KeyError, match="nope"):
        icon("nope")


def test_a_blank_svg_would_be_caught(qapp, tmp_path: Path) -> None:
    # The ink check must be able to fail: an empty drawing gives a fully transparent pixmap.
    blank = tmp_path / "blank.svg"
    blank.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24"/>',
        encoding="utf-8",
    )
    assert not _has_ink(QIcon(str(blank)), 24)


def test_every_command_icon_of_the_registry_exists() -> None:
    from desktop.models.commands import REGISTRY

    named = {entry.icon for entry in REGISTRY.values() if entry.icon}
    assert named and named <= set(icon_names())
