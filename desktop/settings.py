"""The app's settings in one typed registry, per user (the OS user's QSettings).

Each setting is declared once with its type, default and check; reading a stored value that
fails its check gives the default (a hand-edited or older file never stops the app), while a
value typed into the settings dialog is refused with a Latvian message naming the field.
Secrets are not settings: tokens live in the OS keyring (``sync.credentials``).

What the app remembers of its own (window geometry, splitter positions, the inbox's columns
and last filter) goes through the same ``SettingsStore``, typed too. ONE store is made by the
composition root and handed to the views, which never open QSettings themselves: the demo
hands them its throw-away file, tests an in-memory store, and so neither touches the user's
real settings.
"""

from __future__ import annotations

import calendar
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from desktop.models import urls
from desktop.models.codes import ApplicationStatus, SocialStatus

APP_NAME = "Resursi"
LANGUAGES = ("lv", "en")
SYNC_INTERVALS_S = (30, 60, 120, 300, 600, 1800)
# What the state e-service calls an application's page; the school may configure its own.
DEFAULT_QR_TEMPLATE = "https://www.latvija.lv/lv/Epakalpojumi/izglitibas-resursi/{application_id}"
# The day and month the school year's devices are due back ("DD.MM."): the return deadline a
# handover prepared at this workstation is offered first.
DEFAULT_RETURN_DEADLINE_DAY = "31.05."
_DAY_MONTH = re.compile(r"^\s*(\d{1,2})\s*\.\s*(\d{1,2})\s*\.?\s*$")


class SettingError(ValueError):
    """A value the user typed cannot be used; says which field and why, in both languages."""

    def __init__(self, field: str, message_en: str, message_lv: str) -> None:
        super().__init__(f"{field}: {message_en}")
        self.field = field
        self.message_lv = message_lv


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def check_url(field: str, text: str, *, label_lv: str) -> str:
    """The one URL policy (``desktop.models.urls``), said for a settings field."""
    value = text.strip()
    try:
        urls.check_url(value)
    except urls.UrlError as exc:
        raise SettingError(field, exc.message_en, f"{label_lv}: {exc.message_lv}") from exc
    return value


def check_server_url(text: str) -> str:
    value = check_url("server_url", text, label_lv="Centrālā servisa adrese")
    if urlsplit(value).query or urlsplit(value).fragment:
        raise SettingError("server_url", "must not have a query or fragment",
                           "Centrālā servisa adresē nedrīkst būt ? vai # daļas")
    return value.rstrip("/")


def check_qr_template(text: str) -> str:
    """The e-service URL of one application: must name ``{application_id}``, may name
    ``{receipt_token}`` (else the desk adds it as ``receipt=``), and nothing else."""
    value = check_url("qr_url_template", text, label_lv="QR koda adreses veidne")
    names = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    if "application_id" not in names or not names <= {"application_id", "receipt_token"}:
        raise SettingError("qr_url_template",
                           "must contain {application_id} and no other field but "
                           "{receipt_token}",
                           "QR koda adreses veidnē jābūt {application_id} un nekam citam "
                           "figūriekavās kā vien {receipt_token}")
    return value


def check_ca_bundle(text: str) -> str:
    """Empty (the system's trust store) or a readable file; TLS is never switched off."""
    value = text.strip()
    if value and not Path(value).is_file():
        raise SettingError("ca_bundle", f"{value} is not a file",
                           f"Sertifikātu fails {value} neeksistē vai nav fails")
    return value


def check_language(text: str) -> str:
    if text not in LANGUAGES:
        raise SettingError("language", f"{text!r} is not one of {LANGUAGES}",
                           f"Valoda {text!r} nav pieejama")
    return text


def check_interval(value: Any) -> int:
    try:
        seconds = int(value)
    except (TypeError, ValueError):
        seconds = -1
    if not 15 <= seconds <= 3600:
        raise SettingError("sync_interval_s", "must be 15-3600 seconds",
                           "Sinhronizācijas intervālam jābūt no 15 līdz 3600 sekundēm")
    return seconds


def check_data_dir(text: str) -> str:
    value = text.strip()
    if not value:
        raise SettingError("data_dir", "is empty", "Datu mape nav norādīta")
    path = Path(value).expanduser()
    if path.exists() and not path.is_dir():
        raise SettingError("data_dir", f"{value} is not a folder", f"{value} nav mape")
    return str(path)


def check_role(text: str) -> str:
    if text not in ("", "admin", "reviewer", "desk"):
        raise SettingError("role", f"{text!r} is not a staff role", f"Nezināma loma {text!r}")
    return text


def check_return_deadline_day(value: Any) -> str:
    """A day and month such as "31.05." (also typed as "31.5" or "31.05"), as "DD.MM."."""
    text = "" if value is None else str(value)
    found = _DAY_MONTH.match(text)
    day, month = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
    # 29.02. is a day of a leap year: in the other years the deadline is the 28th
    if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]):
        raise SettingError("return_deadline_day", f"{text.strip()!r} is not a day and month",
                           "Atgriešanas termiņam jābūt dienai un mēnesim, piemēram, 31.05.")
    return f"{day:02d}.{month:02d}."


def next_return_deadline(day_month: str, today: date) -> date:
    """The next ``day_month`` ("DD.MM.") on or after ``today``: the school year's deadline."""
    day, month = (int(part) for part in check_return_deadline_day(day_month).split(".")[:2])

    def in_year(year: int) -> date:
        return date(year, month, min(day, calendar.monthrange(year, month)[1]))

    this_year = in_year(today.year)
    return this_year if this_year >= today else in_year(today.year + 1)


def _plain(text: str) -> str:
    return text.strip()


@dataclass(frozen=True)
class Settings:
    """Everything a user can set; defaults are what a new installation starts with."""

    data_dir: str = ""  # empty: the per-user default folder (platformdirs)
    server_url: str = ""
    ca_bundle: str = ""
    qr_url_template: str = DEFAULT_QR_TEMPLATE
    language: str = "lv"
    sync_interval_s: int = 60
    username: str = ""
    institution_id: str = ""  # the school last worked for, for users serving several
    institution_name: str = ""
    # The role there at the last sign-in, for display only: this file is the user's to edit,
    # so an offline start takes the role from the keyring's claims (desktop.accounts), never here.
    role: str = ""
    return_deadline_day: str = DEFAULT_RETURN_DEADLINE_DAY  # "DD.MM.", see next_return_deadline

    @property
    def data_path(self) -> Path:
        return Path(self.data_dir) if self.data_dir else default_data_dir()


CHECKS: dict[str, Callable[[Any], Any]] = {
    "data_dir": lambda v: check_data_dir(v) if str(v).strip() else "",
    "server_url": lambda v: check_server_url(v) if str(v).strip() else "",
    "ca_bundle": check_ca_bundle,
    "qr_url_template": check_qr_template,
    "language": check_language,
    "sync_interval_s": check_interval,
    "username": _plain,
    "institution_id": _plain,
    "institution_name": _plain,
    "role": lambda v: check_role(v),
    "return_deadline_day": check_return_deadline_day,
}


def validated(settings: Settings) -> Settings:
    """The same settings with every value checked and normalised; SettingError otherwise."""
    return replace(settings, **{f.name: CHECKS[f.name](getattr(settings, f.name))
                                for f in fields(settings)})


class Backend(Protocol):
    """What of QSettings the store uses."""

    def value(self, key: str, /) -> Any: ...

    def setValue(self, key: str, value: Any, /) -> None: ...

    def sync(self) -> None: ...


class MemorySettings:
    """A backend that keeps everything in memory: for an app built without settings handed in
    (tests, tools, benchmarks), which must not write any file."""

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}

    def value(self, key: str, default: Any = None) -> Any:
        return self._values.get(key, default)

    def setValue(self, key: str, value: Any) -> None:
        self._values[key] = value

    def sync(self) -> None:
        pass


def _flag(value: Any) -> bool:
    return value is True or str(value).strip().lower() == "true"


def _known(value: Any, allowed: set[str]) -> str:
    text = "" if value is None else str(value).strip()
    return text if text in allowed else ""


@dataclass(frozen=True)
class InboxFilterMemory:
    """The inbox's last filter (per user and school); "" is "any"."""

    status: str = ""
    kind: str = ""
    learner_class: str = ""
    social: str = ""
    waiting: bool = False
    conflict: bool = False


class SettingsStore:
    """Reads and writes ``Settings`` under ``settings/<name>``, and what the app remembers of
    its layout and filters, in QSettings (or another ``Backend``)."""

    PREFIX = "settings"

    def __init__(self, qsettings: QSettings | Backend) -> None:
        self.qsettings = qsettings

    @classmethod
    def in_memory(cls) -> SettingsStore:
        """A store that writes no file."""
        return cls(MemorySettings())

    def load(self) -> Settings:
        defaults = Settings()
        values: dict[str, Any] = {}
        for f in fields(Settings):
            stored = self.qsettings.value(f"{self.PREFIX}/{f.name}")
            if stored is None:
                continue
            try:
                values[f.name] = CHECKS[f.name](str(stored) if f.type != "int" else stored)
            except SettingError:
                values[f.name] = getattr(defaults, f.name)  # a damaged value: the default
        return replace(defaults, **values)

    def save(self, settings: Settings) -> Settings:
        checked = validated(settings)
        for f in fields(Settings):
            self.qsettings.setValue(f"{self.PREFIX}/{f.name}", getattr(checked, f.name))
        self.qsettings.sync()
        return checked

    def update(self, **changes: Any) -> Settings:
        return self.save(replace(self.load(), **changes))

    # -- layout: opaque Qt states; a damaged value is as if none were stored ---------------
    def _state(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_geometry(self) -> QByteArray | None:
        return self._state("main_window/geometry")

    def set_window_geometry(self, state: QByteArray) -> None:
        self.qsettings.setValue("main_window/geometry", state)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._state(f"layout/{name}")

    def set_splitter_state(self, name: str, state: QByteArray) -> None:
        self.qsettings.setValue(f"layout/{name}", state)

    # -- the inbox, per user and school (``scope``: "<user>/<school>") ------------------------
    def column_layout(self, scope: str) -> QByteArray | None:
        """The inbox header's widths, order and sort."""
        return self._state(f"inbox/{scope}/columns")

    def set_column_layout(self, scope: str, state: QByteArray) -> None:
        self.qsettings.setValue(f"inbox/{scope}/columns", state)

    _FILTER_KEYS = {"status": "status", "kind": "kind", "learner_class": "class",
                    "social": "social", "waiting": "waiting", "conflict": "conflict"}

    def inbox_filter(self, scope: str) -> InboxFilterMemory:
        """The inbox's last filter; a status or social status the app no longer knows (a
        hand-edited file) counts as "any"."""
        def stored(name: str) -> Any:
            return self.qsettings.value(f"inbox/{scope}/filter/{self._FILTER_KEYS[name]}")

        def text(name: str) -> str:
            value = stored(name)
            return "" if value is None else str(value).strip()

        return InboxFilterMemory(
            status=_known(stored("status"), {s.value for s in ApplicationStatus}),
            kind=text("kind"),
            learner_class=text("learner_class"),
            social=_known(stored("social"), {s.value for s in SocialStatus}),
            waiting=_flag(stored("waiting")),
            conflict=_flag(stored("conflict")),
        )

    def set_inbox_filter(self, scope: str, memory: InboxFilterMemory) -> None:
        for f in fields(InboxFilterMemory):
            value = getattr(memory, f.name)
            if isinstance(value, bool):
                value = "true" if value else "false"
            self.qsettings.setValue(f"inbox/{scope}/filter/{self._FILTER_KEYS[f.name]}", value)
