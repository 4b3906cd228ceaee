"""Before any window: a Linux without the libraries Qt's xcb plugin loads is told which Debian
packages to install, instead of Qt's abort. The library finder is injected."""

from __future__ import annotations

import pytest

from desktop import __main__ as entry
from desktop.startup import XCB_LIBRARIES, missing_xcb_message, missing_xcb_packages

BARE = {"xcb-cursor", "xkbcommon-x11"}


def _finder(missing: set[str]):
    return lambda name: None if name in missing else f"lib{name}.so.0"


def test_a_bare_linux_names_the_packages_to_install() -> None:
    packages = missing_xcb_packages(finder=_finder(BARE), platform="linux", environ={})
    assert packages == ["libxcb-cursor0", "libxkbcommon-x11-0"]
    message = missing_xcb_message(packages)
    assert "apt install libxcb-cursor0 libxkbcommon-x11-0" in message
    assert "trūkst" in message and "missing" in message


@pytest.mark.parametrize("environ", [{"QT_QPA_PLATFORM": "xcb"}, {"QT_QPA_PLATFORM": ""},
                                     {"QT_QPA_PLATFORM": "xcb:dpi=96"}])
def test_xcb_chosen_or_left_to_qt_is_checked(environ: dict[str, str]) -> None:
    assert missing_xcb_packages(finder=_finder(BARE), platform="linux",
                                environ=environ) == ["libxcb-cursor0", "libxkbcommon-x11-0"]


@pytest.mark.parametrize(("platform", "environ"), [
    ("linux", {"QT_QPA_PLATFORM": "offscreen"}),
    ("linux", {"QT_QPA_PLATFORM": "wayland"}),
    ("linux", {"WAYLAND_DISPLAY": "wayland-0"}),
    ("win32", {}),
    ("darwin", {}),
])
def test_nothing_is_checked_where_xcb_is_not_used(platform: str,
                                                  environ: dict[str, str]) -> None:
    asked: list[str] = []

    def finder(name: str) -> None:
        asked.append(name)
        return None

    assert missing_xcb_packages(finder=finder, platform=platform, environ=environ) == []
    assert asked == []


def test_everything_present_is_fine() -> None:
    assert missing_xcb_packages(finder=_finder(set()), platform="linux", environ={}) == []
    assert len({package for _lib, package in XCB_LIBRARIES}) == len(XCB_LIBRARIES)


def test_the_gui_does_not_start_and_says_why(monkeypatch, capsys) -> None:
    monkeypatch.setattr("desktop.startup.missing_xcb_packages", lambda: ["libxcb-cursor0"])

    def never(**_kwargs: object) -> int:
        raise AssertionError("the GUI must not start")

    monkeypatch.setattr("desktop.app.run_gui", never)
    assert entry.main(["--demo"]) == 3
    assert "sudo apt install libxcb-cursor0" in capsys.readouterr().err
