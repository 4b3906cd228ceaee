"""A large, realistic, deterministic data set in a local store: benchmarks, trials, devserver.

``seed(data_dir, applications)`` fills an empty store. ``bench.seed`` is its command line;
``sync.devserver.seeding`` turns a seeded store into the reference service's data. It lives
here, under ``sync``, because the devserver seeds itself with it and ``sync`` never imports
``bench`` (an import-linter contract).

The data describes one school (and a second, small one) as it stands on ``NOW``: applications
submitted through the e-service since September 2024 in every status, the school's inventory,
and the handovers that connect them, consistent with the state machines in DOMAIN.md (one
active handover per application; an item ``in_use`` belongs to exactly one issued handover,
a ``reserved`` one to exactly one preparing/prepared handover; the lending of one item never
overlaps another). Everything is "as synced": the outbox stays empty. Names are Latvian, with
surnames in both gender forms, and personal codes carry valid check digits.

Rows are written with plain ``executemany`` in one transaction on a connection of its own, the
indexes built after the rows are in (see ``_load``); ORM events do not run, so the
applications' ``search_key`` and ``learner_sort`` are computed here as ``schema`` computes them.
With a key the store is encrypted from its first page: no plain copy is ever written.
"""

from __future__ import annotations

import bisect
import itertools
import json
import uuid
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from random import Random
from typing import TYPE_CHECKING, Generic, TypeVar

from desktop.models.bulk_load import defer_indexes, restore
from desktop.models.classes import parse_class
from desktop.models.codes import (
    ApplicantRole,
    ApplicationStatus,
    CancelReason,
    DocumentType,
    GuardianCheck,
    HandoverStatus,
    ItemStatus,
    ReturnCondition,
    SocialStatus,
    StaffRole,
    TargetGroup,
    WithdrawalReason,
)
from desktop.models.schema import Base, fold, latvian_sort_key
from desktop.models.store import DB_FILENAME, connect, open_store
from desktop.models.workflow import ApplicationAction

if TYPE_CHECKING:
    import sqlcipher3.dbapi2 as sqlcipher
    from _typeshed import SupportsLenAndGetItem

__all__ = [
    "DEFAULT_INSTITUTION",
    "EMAIL_DOMAINS",
    "FEMALE_FIRST_NAMES",
    "MALE_FIRST_NAMES",
    "NOW",
    "OTHER_INSTITUTION",
    "SURNAMES",
    "SeedError",
    "StoreNotEmptyError",
    "seed",
]

DEFAULT_INSTITUTION = "4313900123"
SCHOOL_NAME = "Rīgas Āgenskalna Valsts ģimnāzija"
SCHOOL_ADDRESS = "Lavīzes iela 2a, Rīga, LV-1002"
SCHOOL_PREFIX = "RAVĢ"
OTHER_INSTITUTION = "4313900999"
OTHER_NAME = "Liepājas Raiņa 6. vidusskola"
OTHER_ADDRESS = "Liepāja"
OTHER_PREFIX = "LR6V"

#: The moment the seeded data describes ("today" for overdue returns, revisit dates…).
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
SUBMITTED_FROM = datetime(2024, 9, 1, tzinfo=UTC)
SUBMITTED_TO = datetime(2026, 11, 20, 23, 59, 59, tzinfo=UTC)
INVENTORY_START = datetime(2024, 8, 20, tzinfo=UTC)

CENTRAL_ACTOR = "e-pakalpojums"
ADMIN_USER = "admin.ņina"
REVIEWER_USER = "ilze.reviewer"
DESK_USER = "desk.ģirts"

_T = TypeVar("_T")
_HOUR = 3600
_DAY = 86400
_EPOCH = datetime(1970, 1, 1)


class SeedError(Exception):
    """The store cannot be seeded; the message says why."""


class StoreNotEmptyError(SeedError):
    """The store already holds data; seeding only fills an empty one."""


# --- names ---------------------------------------------------------------------------------
# Latvian surnames agree with the bearer's gender: Bērziņš/Bērziņa, Ozols/Ozola,
# Jansons/Jansone, Birznieks/Birzniece, Ķuzis/Ķuze; those ending in -a or -e (Liepa, Ābele)
# are the same for both.

MALE_FIRST_NAMES: tuple[str, ...] = (
    "Jānis", "Mārtiņš", "Ēriks", "Ģirts", "Ķirils", "Dāvis", "Rūdolfs", "Andris", "Kārlis",
    "Roberts", "Artūrs", "Emīls", "Markuss", "Ralfs", "Gustavs", "Oskars", "Reinis", "Edgars",
    "Aivars", "Juris", "Guntis", "Raimonds", "Māris", "Uldis", "Valdis", "Pēteris",
    "Krišjānis", "Ričards", "Tomass", "Aleksandrs", "Dmitrijs", "Ints", "Toms", "Miķelis",
    "Gatis", "Kristaps", "Ādams", "Intars", "Ņikita", "Sergejs", "Matīss", "Linards",
)

FEMALE_FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Līga", "Ļena", "Ņina", "Elīza", "Kristīne", "Zane", "Ilze", "Marta", "Emīlija",
    "Sofija", "Katrīna", "Alise", "Paula", "Keita", "Estere", "Megija", "Laura", "Evelīna",
    "Dārta", "Sanita", "Inese", "Baiba", "Gunta", "Dace", "Ieva", "Agnese", "Māra", "Aija",
    "Līva", "Rūta", "Anete", "Ērika", "Ģertrūde", "Kristiāna", "Santa", "Jeļena", "Olga",
    "Madara", "Elza", "Amēlija", "Ilona",
)

# (masculine, feminine)
SURNAMES: tuple[tuple[str, str], ...] = (
    ("Bērziņš", "Bērziņa"), ("Kalniņš", "Kalniņa"), ("Ozols", "Ozola"), ("Liepa", "Liepa"),
    ("Krūmiņš", "Krūmiņa"), ("Vītols", "Vītola"), ("Jansons", "Jansone"), ("Ābele", "Ābele"),
    ("Šmits", "Šmite"), ("Žagars", "Žagare"), ("Ķuzis", "Ķuze"), ("Ģērmanis", "Ģērmane"),
    ("Ļaviņš", "Ļaviņa"), ("Ņikitins", "Ņikitina"), ("Kļaviņš", "Kļaviņa"),
    ("Zariņš", "Zariņa"), ("Pētersons", "Pētersone"), ("Balodis", "Balode"),
    ("Eglītis", "Eglīte"), ("Zālītis", "Zālīte"), ("Lācis", "Lāce"), ("Kārkliņš", "Kārkliņa"),
    ("Siliņš", "Siliņa"), ("Ozoliņš", "Ozoliņa"), ("Strazdiņš", "Strazdiņa"),
    ("Vanags", "Vanaga"), ("Zvaigzne", "Zvaigzne"), ("Priede", "Priede"),
    ("Rozenbergs", "Rozenberga"), ("Āboliņš", "Āboliņa"), ("Jēkabsons", "Jēkabsone"),
    ("Grīnbergs", "Grīnberga"), ("Sproģis", "Sproģe"), ("Ziediņš", "Ziediņa"),
    ("Putniņš", "Putniņa"), ("Lapiņš", "Lapiņa"), ("Vilks", "Vilka"), ("Roze", "Roze"),
    ("Birznieks", "Birzniece"), ("Kalējs", "Kalēja"), ("Dūmiņš", "Dūmiņa"),
    ("Skujiņš", "Skujiņa"), ("Čakste", "Čakste"), ("Ivanovs", "Ivanova"),
    ("Petrovs", "Petrova"), ("Kuzņecovs", "Kuzņecova"), ("Vasiļjevs", "Vasiļjeva"),
    ("Šteins", "Šteina"), ("Tīrums", "Tīruma"), ("Auziņš", "Auziņa"), ("Cīrulis", "Cīrule"),
    ("Brūveris", "Brūvere"), ("Mūrnieks", "Mūrniece"), ("Dzenis", "Dzene"),
    ("Ūdris", "Ūdre"), ("Gailis", "Gaile"), ("Vējonis", "Vējone"), ("Ķirsis", "Ķirse"),
    ("Ločmelis", "Ločmele"), ("Lūsis", "Lūse"), ("Ieviņš", "Ieviņa"), ("Šults", "Šulte"),
    ("Čaks", "Čaka"), ("Bite", "Bite"), ("Jurēvičs", "Jurēviča"), ("Sīlis", "Sīle"),
)

EMAIL_DOMAINS: tuple[str, ...] = (
    "inbox.lv", "inbox.lv", "gmail.com", "gmail.com", "gmail.com", "apollo.lv", "outlook.com",
    "mail.com", "tvnet.lv",
)


# --- small helpers ----------------------------------------------------------------------------


def _sec(moment: datetime) -> int:
    return int(moment.timestamp())


_DAY_TEXT: dict[int, str] = {}
_TIME_TEXT = [
    f"{h:02d}:{m:02d}:{s:02d}.000000" for h in range(24) for m in range(60) for s in range(60)
]


def _ts(sec: int | None) -> str | None:
    """SQLAlchemy's SQLite storage text of a naive-UTC DateTime: '2026-09-01 08:30:00.000000'."""
    if sec is None:
        return None
    day, rest = divmod(sec, _DAY)
    prefix = _DAY_TEXT.get(day)
    if prefix is None:
        prefix = _DAY_TEXT[day] = (_EPOCH + timedelta(days=day)).strftime("%Y-%m-%d ")
    return prefix + _TIME_TEXT[rest]


def _dt(sec: int) -> datetime:
    return _EPOCH + timedelta(seconds=sec)


def _uuid(rng: Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


_NOW = _sec(NOW)

_JAN_1 = {year: date(year, 1, 1).toordinal() for year in range(1940, 2031)}

# A personal code's check digit (DOMAIN.md): weights 1,6,3,7,9,10,5,8,4,2 on its ten digits.
# Sums for the parts that repeat, worked out once: 100k applications draw 170k codes.
_LEGACY_HEADS: dict[int, tuple[str, int]] = {}  # birth day's ordinal: ("DDMMYY-C", sum)
_SERIAL_SUMS = [8 * (n // 100) + 4 * (n // 10 % 10) + 2 * (n % 10) for n in range(1000)]
_SERIAL_TEXT = [f"{n:03d}" for n in range(1000)]
_QUAD_SUMS: dict[tuple[int, ...], list[int]] = {}


def _weighted(weights: tuple[int, ...]) -> list[int]:
    """The weighted digit sum of every 0000–9999 (for the new-form codes' check digit)."""
    sums = _QUAD_SUMS.get(weights)
    if sums is None:
        sums = _QUAD_SUMS[weights] = [
            sum(w * int(d) for w, d in zip(weights, f"{n:04d}", strict=True))
            for n in range(10_000)
        ]
    return sums


def _legacy_head(ordinal: int) -> tuple[str, int]:
    born = date.fromordinal(ordinal)
    century = (born.year - 1800) // 100
    day, month, yy = born.day, born.month, born.year % 100
    # Weights 1,6 | 3,7 | 9,10 | 5 on the digits of DD, MM, YY and the century digit.
    head_sum = (day // 10 + 6 * (day % 10) + 3 * (month // 10) + 7 * (month % 10)
                + 9 * (yy // 10) + 10 * (yy % 10) + 5 * century)
    head = _LEGACY_HEADS[ordinal] = (f"{day:02d}{month:02d}{yy:02d}-{century}", 1101 - head_sum)
    return head


def _legacy_code(rng: Random, ordinal: int) -> str:
    """A legacy personal code DDMMYY-CNNNX, born on the day ``ordinal``."""
    head, rest = _LEGACY_HEADS.get(ordinal) or _legacy_head(ordinal)
    while True:
        serial = rng.randrange(1000)
        remainder = (rest - _SERIAL_SUMS[serial]) % 11
        if remainder != 10:  # never issued: the validator rejects those
            return f"{head}{_SERIAL_TEXT[serial]}{remainder}"


def _new_form_code(rng: Random) -> str:
    """A personal code of the form issued since July 2017: 32, no birth date."""
    # "32", then the first eight of nine random digits, then the same check digit as a legacy
    # code's (DOMAIN.md), which the register checks too; 3·1 + 2·6 = 15 for the "32"
    eight = rng.randrange(10**9) // 10
    high, low = divmod(eight, 10_000)
    total = 15 + _weighted((3, 7, 9, 10))[high] + _weighted((5, 8, 4, 2))[low]
    return f"32{high:04d}-{low:04d}{(1101 - total) % 11 % 10}"


def _person_code(rng: Random, year: int, new_form_share: float) -> str:
    if rng.random() < new_form_share:
        return _new_form_code(rng)
    return _legacy_code(rng, _JAN_1[year] + rng.randrange(366 if year % 4 == 0 else 365))


def _office(sec: int, limit: int) -> int:
    """Move a staff action forward into working hours (about 07–18 in Riga); not past limit."""
    tod = sec % _DAY
    if 5 * _HOUR <= tod < 15 * _HOUR:
        return sec
    day = sec - tod + (_DAY if tod >= 15 * _HOUR else 0)
    moved = day + 5 * _HOUR + sec * 7919 % (10 * _HOUR)  # spread without drawing a number
    return moved if moved <= limit else sec


def _later(rng: Random, prev: int, lo: int, hi: int, limit: int, *, staff: bool = True) -> int:
    """A moment lo..hi after prev, in working hours for staff, not past limit, after prev."""
    moment = prev + rng.randint(lo, hi)
    if staff:
        moment = _office(moment, limit)
    return max(prev + 60, min(moment, limit))


_YEARS_OF_DAY: dict[int, tuple[int, int]] = {}


def _years(sec: int) -> tuple[int, int]:
    """(calendar year, school year) of a moment; a school year starts in August."""
    day = sec // _DAY
    years = _YEARS_OF_DAY.get(day)
    if years is None:
        moment = _dt(sec)
        years = _YEARS_OF_DAY[day] = (
            moment.year, moment.year if moment.month >= 8 else moment.year - 1)
    return years


class _Rng(Random):
    """``random.Random`` with quicker (and equally deterministic) integer draws."""

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            return int(self.random() * start)
        return start + int(self.random() * (stop - start))

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def choice(self, seq: SupportsLenAndGetItem[_T]) -> _T:
        return seq[int(self.random() * len(seq))]


class _Choice(Generic[_T]):
    """A weighted choice, drawn with one random number."""

    def __init__(self, weighted: Sequence[tuple[_T, float]]) -> None:
        self.values = [v for v, _ in weighted]
        self.cumulative = list(itertools.accumulate(w for _, w in weighted))
        self.total = self.cumulative[-1]

    def __call__(self, rng: Random) -> _T:
        return self.values[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


# --- texts ----------------------------------------------------------------------------------

_DECLINE_REASONS = (
    "Izglītojamais nemācās šajā izglītības iestādē.",
    "Pieteikums dublējas ar jau piešķirtu pieteikumu.",
    "Resursu skaits ir ierobežots; prioritāte tiek dota sociāli atbalstāmajiem izglītojamajiem.",
    "Izglītojamajam jau ir izsniegts iestādes dators.",
    "Iepriekš izsniegtais dators nav atgriezts.",
)
_DECLINE_GUARDIAN = "VIIS nav apstiprinātas iesniedzēja aizbildnības tiesības."
_DECLINE_SOCIAL = (
    "VIIS nav apstiprināts sociālais statuss; Chromebook datori paredzēti tikai sociāli "
    "atbalstāmajiem izglītojamajiem."
)
_POSTPONE_REASONS = (
    "Šobrīd nav pieejamu resursu; pieteikums tiks izskatīts, kad iestāde saņems jaunus datorus.",
    "Gaidām VIIS apstiprinājumu par sociālo statusu.",
    "Jāprecizē izglītojamā klase pēc pārcelšanas.",
    "Pieteikums tiks izskatīts pēc mācību gada sākuma.",
)
_APP_NOTES = (
    "Lūdzu sazināties pēc plkst. 16:00.",
    "Dators nepieciešams attālinātajām mācībām.",
    "Vecākais brālis jau saņēmis datoru.",
    "Varu ierasties skolā tikai piektdienās.",
)
_DAMAGE_NOTES = (
    "Ieplīsis ekrāns.",
    "Nedarbojas tastatūra, trūkst vairāku taustiņu.",
    "Uzlējies šķidrums, dators neieslēdzas.",
    "Salauzts lādētāja savienotājs.",
    "Saliekts korpuss, bojāta eņģe.",
)
_LOST_TEXTS = (
    "Dators atstāts sabiedriskajā transportā, meklēšana nedeva rezultātu.",
    "Soma ar datoru pazaudēta ceļā uz mājām.",
    "Dators pazudis pārcelšanās laikā.",
)
_STOLEN_TEXTS = (
    "Dators nozagts no automašīnas; iesniegts iesniegums Valsts policijā.",
    "Soma ar datoru nozagta sporta zāles ģērbtuvē.",
    "Dzīvoklī notikusi zādzība, policijā reģistrēts kriminālprocess.",
)
_CANCEL_NOTES = {
    CancelReason.SUBMITTER_REFUSED: None,
    CancelReason.ITEM_UNSUITABLE: "Izglītojamajam nepieciešams dators ar lielāku ekrānu.",
    CancelReason.OTHER: "Iesniedzējs neieradās norunātajā laikā.",
}

_MODELS: dict[str, tuple[tuple[str, str, str, int, int], ...]] = {
    # manufacturer, model, serial prefix, value from, value to (EUR)
    "windows_laptop": (
        ("Lenovo", "ThinkPad E14 Gen 5", "PF", 690, 980),
        ("HP", "ProBook 450 G10", "5CD", 720, 1050),
        ("Dell", "Latitude 3540", "", 650, 940),
        ("Lenovo", "ThinkPad L14 Gen 4", "PW", 780, 1120),
        ("Acer", "TravelMate P2 TMP215", "NXV", 560, 820),
    ),
    "chromebook_laptop": (
        ("Acer", "Chromebook 314", "NXK", 280, 390),
        ("Lenovo", "IdeaPad Flex 3 Chromebook", "PF", 320, 450),
        ("HP", "Chromebook 14 G7", "5CG", 300, 420),
        ("ASUS", "Chromebook CX1", "N7N", 250, 340),
    ),
    "tablet": (
        ("Samsung", "Galaxy Tab A9+", "R9", 190, 280),
        ("Lenovo", "Tab M10 Plus", "HA", 180, 260),
        ("Apple", "iPad (10. paaudze)", "DMP", 420, 560),
    ),
}
_CANCEL = _Choice((
    (CancelReason.SUBMITTER_REFUSED, 6), (CancelReason.ITEM_UNSUITABLE, 2.5),
    (CancelReason.OTHER, 1.5),
))
_SERIAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
_STORE_LOCATIONS = _Choice((
    ("Noliktava", 5), ("Kabinets 214", 2), ("IT kabinets 108", 2), ("Bibliotēka", 1),
))

# What belongs with a device of each kind the school lends: the desk's check-in checklist.
_CHECKLISTS = {
    "windows_laptop": ["Lādētājs", "Soma"],
    "chromebook_laptop": ["Lādētājs"],
    "tablet": ["Lādētājs", "Vāciņš", "Irbulis"],
}
_KINDS = (
    ("windows_laptop", "computer", "Windows portatīvais dators", "Windows laptop"),
    ("chromebook_laptop", "computer", "Chromebook portatīvais dators", "Chromebook laptop"),
    ("tablet", "tablet", "Planšetdators", "Tablet"),
)


# --- the rows in memory -------------------------------------------------------------------


@dataclass(slots=True)
class _App:
    id: int
    submitted: int
    number: str = ""
    kind: str = "windows_laptop"
    status: ApplicationStatus = ApplicationStatus.SUBMITTED
    changed: int = 0
    role: ApplicantRole = ApplicantRole.PARENT_GUARDIAN
    submitter_name: str = ""
    submitter_code: str = ""
    learner_name: str = ""
    learner_code: str = ""
    learner_class: str | None = None
    guardian: GuardianCheck = GuardianCheck.NOT_APPLICABLE
    guardian_at: int | None = None
    phone: str | None = None
    email: str | None = None
    notes: str | None = None
    reason: str | None = None
    revisit: date | None = None
    withdrawal: WithdrawalReason | None = None
    social: list[tuple[SocialStatus, bool]] = field(default_factory=list)
    social_confirmed: bool = False
    version: int = 1
    updated: int = 0


@dataclass(slots=True)
class _Item:
    id: str
    institution: str
    kind: str
    inventory_no: str
    serial_no: str
    manufacturer: str
    model: str
    year: int
    value: str
    socially_supported: bool
    target: ItemStatus
    free: int  # the moment from which the item can be lent next
    status: ItemStatus = ItemStatus.AVAILABLE
    location: str | None = None
    notes: str | None = None
    version: int = 1
    updated: int = 0
    lent: bool = False


class _Pool:
    """Granted applications of one kind, by grant time; each can be taken once."""

    def __init__(self, apps: list[_App], taken: bytearray) -> None:
        apps = sorted(apps, key=lambda a: a.changed)
        self.times = [a.changed for a in apps]
        self.apps = apps
        self.next = list(range(len(apps) + 1))  # union-find: next untaken index
        self.taken = taken

    def _find(self, i: int) -> int:
        nxt = self.next
        root = i
        while nxt[root] != root:
            root = nxt[root]
        while nxt[i] != root:
            nxt[i], i = root, nxt[i]
        return root

    def take(self, after: int, before: int | None = None) -> _App | None:
        """The earliest untaken application granted at or after ``after`` (and before)."""
        n = len(self.apps)
        i = self._find(bisect.bisect_left(self.times, after))
        while i < n and self.taken[self.apps[i].id]:
            self.next[i] = i + 1
            i = self._find(i + 1)
        if i >= n or (before is not None and self.times[i] >= before):
            return None
        self.next[i] = i + 1
        app = self.apps[i]
        self.taken[app.id] = 1
        return app


# History rows before formatting: (at, entity_type, entity_id, application_id, action,
# from_status, to_status, reason, actor, source).
_History = tuple[int, str, str, int | None, str, str | None, str, str | None, str, str]


@dataclass
class _Data:
    apps: list[_App] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    handovers: list[tuple] = field(default_factory=list)
    history: list[_History] = field(default_factory=list)


# --- applications ---------------------------------------------------------------------------


def _submission_times(rng: Random, n: int) -> list[int]:
    start, end = _sec(SUBMITTED_FROM), _sec(SUBMITTED_TO)
    peaks = [
        (_sec(datetime(y, m, d, tzinfo=UTC)), _sec(datetime(y2, m2, d2, tzinfo=UTC)))
        for (y, m, d), (y2, m2, d2) in (
            ((2024, 9, 1), (2024, 10, 15)),
            ((2025, 8, 20), (2025, 10, 15)),
            ((2026, 8, 20), (2026, 10, 15)),
        )
    ]
    times = []
    for _ in range(n):
        if rng.random() < 0.4:
            lo, hi = peaks[rng.randrange(len(peaks))]
        else:
            lo, hi = start, end
        day = rng.randint(lo, hi) // _DAY * _DAY
        # Mostly daytime in Riga (UTC+2/+3).
        times.append(day + int(rng.triangular(4 * _HOUR, 21 * _HOUR, 8 * _HOUR)))
    times.sort()
    return times


_CLASS_LETTER = _Choice((("a", 4), ("b", 4), ("c", 3)))


def _class_name(rng: Random, grade: int) -> str:
    return f"{grade}.{_CLASS_LETTER(rng)}"


def _email(rng: Random, first: str, last: str, cache: dict[str, str]) -> str:
    key = f"{first} {last}"
    local = cache.get(key)
    if local is None:
        local = fold(f"{first}.{last}").replace(" ", "")
        cache[key] = local
    style = rng.random()
    if style < 0.5:
        pass
    elif style < 0.8:
        local = f"{local}{rng.randint(1, 99)}"
    else:
        local = local.replace(".", "_")
    return f"{local}@{EMAIL_DOMAINS[rng.randrange(len(EMAIL_DOMAINS))]}"


def _phone(rng: Random) -> str:
    return f"+3712{rng.randrange(10**7):07d}"


_APP_STATUS = _Choice((
    (ApplicationStatus.SUBMITTED, 25),
    (ApplicationStatus.POSTPONED, 8),
    (ApplicationStatus.CONFIRMED, 48.5),
    (ApplicationStatus.DECLINED, 8.5),
    (ApplicationStatus.WITHDRAWN, 10),
))
_SOCIAL = _Choice((
    (SocialStatus.POOR_FAMILY, 30), (SocialStatus.LOW_INCOME_FAMILY, 35),
    (SocialStatus.DISABILITY, 15), (SocialStatus.MEDICAL_RECOMMENDATIONS, 20),
))
_WITHDRAWAL = _Choice((
    (WithdrawalReason.BOUGHT_HIMSELF, 5), (WithdrawalReason.NEED_DISAPPEARED, 3),
    (WithdrawalReason.EDUCATIONAL_INSTITUTION_CHANGE, 2),
))


def _gen_applications(rng: Random, n: int) -> tuple[list[_App], list[_History]]:
    apps: list[_App] = []
    history: list[_History] = []
    email_cache: dict[str, str] = {}
    recent_parents: deque[tuple[str, str, str, str | None, tuple[str, str]]] = deque(maxlen=300)
    times = _submission_times(rng, n)
    for i, submitted in enumerate(times, start=1):
        app = _App(id=i, submitted=submitted)
        year, sy = _years(submitted)
        app.number = f"P-{year}-{i:06d}"
        r = rng.random()
        male = rng.random() < 0.5
        first = (MALE_FIRST_NAMES if male else FEMALE_FIRST_NAMES)
        first_name = first[rng.randrange(len(first))]
        if r < 0.80:
            app.role = ApplicantRole.PARENT_GUARDIAN
            grade = rng.randint(1, 12)
            born = sy - 6 - grade - (1 if rng.random() < 0.06 else 0)
            app.learner_class = _class_name(rng, grade)
            app.learner_code = _person_code(rng, born, 0.6 if born >= 2017 else 0.02)
            if recent_parents and rng.random() < 0.07:  # a sibling's parent applies again
                name, code, phone, email, family = recent_parents[
                    rng.randrange(len(recent_parents))
                ]
            else:
                family = SURNAMES[rng.randrange(len(SURNAMES))]
                mother = rng.random() < 0.65
                parent_first = (FEMALE_FIRST_NAMES if mother else MALE_FIRST_NAMES)
                pfirst = parent_first[rng.randrange(len(parent_first))]
                parent_family = (
                    family if rng.random() < 0.85 else SURNAMES[rng.randrange(len(SURNAMES))]
                )
                psurname = parent_family[0 if not mother else 1]
                name = f"{pfirst} {psurname}"
                pborn = rng.randint(max(1965, born - 45), min(1995, born - 19))
                code = _person_code(rng, pborn, 0.03)
                phone = _phone(rng)
                email = _email(rng, pfirst, psurname, email_cache) if rng.random() < 0.95 else None
                recent_parents.append((name, code, phone, email, family))
            app.learner_name = f"{first_name} {family[0 if male else 1]}"
            app.submitter_name, app.submitter_code = name, code
            app.phone, app.email = phone, email
            app.guardian = (
                GuardianCheck.VERIFIED if rng.random() < 0.95 else GuardianCheck.NOT_VERIFIED
            )
            app.guardian_at = submitted + rng.randint(5, 600)
        else:
            family = SURNAMES[rng.randrange(len(SURNAMES))]
            surname = family[0 if male else 1]
            app.learner_name = app.submitter_name = f"{first_name} {surname}"
            if r < 0.92:
                app.role = ApplicantRole.LEARNER
                born = rng.randint(max(1990, sy - 30), sy - 18)
                app.learner_class = _class_name(rng, rng.randint(10, 12))
            else:
                app.role = ApplicantRole.EMPLOYEE
                born = rng.randint(1960, 1998)
            app.learner_code = app.submitter_code = _person_code(rng, born, 0.03)
            app.phone = _phone(rng)
            app.email = (
                _email(rng, first_name, surname, email_cache) if rng.random() < 0.97 else None
            )
            app.guardian = GuardianCheck.NOT_APPLICABLE

        if app.role is not ApplicantRole.EMPLOYEE and rng.random() < 0.25:
            first_status = _SOCIAL(rng)
            statuses = [first_status]
            if rng.random() < 0.15:
                second = _SOCIAL(rng)
                if second is not first_status:
                    statuses.append(second)
            confirmed = rng.random() < 0.8
            app.social = [(s, confirmed) for s in statuses]
            app.social_confirmed = confirmed
        if app.role is ApplicantRole.EMPLOYEE:
            app.kind = "tablet" if rng.random() < 0.7 else "windows_laptop"
        elif app.social:
            app.kind = "chromebook_laptop" if rng.random() < 0.5 else "windows_laptop"
        if rng.random() < 0.03:
            app.notes = _APP_NOTES[rng.randrange(len(_APP_NOTES))]

        status = _APP_STATUS(rng)
        if status is ApplicationStatus.CONFIRMED:
            if app.guardian is GuardianCheck.NOT_VERIFIED:
                status, app.reason = ApplicationStatus.DECLINED, _DECLINE_GUARDIAN
            elif app.kind == "chromebook_laptop" and not app.social_confirmed:
                status, app.reason = ApplicationStatus.DECLINED, _DECLINE_SOCIAL
        app.status = status
        key = str(i)
        history.append((submitted, "application", key, i, "submit", None, "submitted", None,
                        CENTRAL_ACTOR, "central"))
        app.changed = submitted
        if status is not ApplicationStatus.SUBMITTED:
            room = _NOW - _DAY - submitted
            changed = submitted + rng.randint(min(room, 2 * _HOUR), min(room, 21 * _DAY))
            if status is not ApplicationStatus.WITHDRAWN:
                changed = _office(changed, _NOW - _DAY)
            before = "submitted"
            if status in (ApplicationStatus.CONFIRMED, ApplicationStatus.DECLINED,
                          ApplicationStatus.WITHDRAWN) and rng.random() < 0.1:
                # Deferred first, decided later.
                deferred = submitted + (changed - submitted) // 3
                history.append((deferred, "application", key, i, ApplicationAction.DEFER.value,
                                before, "postponed",
                                _POSTPONE_REASONS[rng.randrange(len(_POSTPONE_REASONS))],
                                REVIEWER_USER, "local"))
                before = "postponed"
                app.version += 1
            withdrawal: WithdrawalReason | None = None
            if status is ApplicationStatus.CONFIRMED:
                action, actor, source = ApplicationAction.GRANT.value, REVIEWER_USER, "local"
            elif status is ApplicationStatus.DECLINED:
                action, actor, source = ApplicationAction.REFUSE.value, REVIEWER_USER, "local"
                if app.reason is None:
                    app.reason = _DECLINE_REASONS[rng.randrange(len(_DECLINE_REASONS))]
            elif status is ApplicationStatus.POSTPONED:
                action, actor, source = ApplicationAction.DEFER.value, REVIEWER_USER, "local"
                app.reason = _POSTPONE_REASONS[rng.randrange(len(_POSTPONE_REASONS))]
                if rng.random() < 0.6:
                    app.revisit = _dt(changed).date() + timedelta(days=rng.randint(14, 120))
            else:
                action, actor, source = "withdraw", CENTRAL_ACTOR, "central"
                withdrawal = app.withdrawal = _WITHDRAWAL(rng)
            history.append((changed, "application", key, i, action, before, status.value,
                            app.reason if withdrawal is None else withdrawal.value,
                            actor, source))
            app.changed = changed
            app.version += 1
        app.updated = app.changed
        apps.append(app)
    _apply_again(apps)
    return apps, history


def _apply_again(apps: list[_App]) -> None:
    """About one parent in fifty applies a second time for the same child and kind (what the
    register's checkDuplicate flags). Chosen by position, not drawn: the rest of the data set
    stays what the same seed always gave."""
    for n, app in enumerate(apps):
        if n % 53 != 52 or app.role is not ApplicantRole.PARENT_GUARDIAN:
            continue
        earlier = next((a for a in reversed(apps[max(0, n - 40):n])
                        if a.role is ApplicantRole.PARENT_GUARDIAN and a.kind == app.kind), None)
        if earlier is None:
            continue
        app.learner_name, app.learner_code = earlier.learner_name, earlier.learner_code
        app.learner_class = earlier.learner_class
        app.submitter_name, app.submitter_code = earlier.submitter_name, earlier.submitter_code
        app.phone, app.email = earlier.phone, earlier.email


# --- inventory and handovers -----------------------------------------------------------------

_ITEM_TARGETS = _Choice((
    (ItemStatus.IN_USE, 52), (ItemStatus.RESERVED, 5), (ItemStatus.AVAILABLE, 15),
    (ItemStatus.NEW, 4), (ItemStatus.IN_RESERVE, 5), (ItemStatus.MAINTENANCE, 3),
    (ItemStatus.UNDER_REPAIR, 3), (ItemStatus.DAMAGED, 6), (ItemStatus.LOST, 4),
    (ItemStatus.STOLEN, 3),
))
_OTHER_TARGETS = _Choice((
    (ItemStatus.AVAILABLE, 70), (ItemStatus.NEW, 10), (ItemStatus.IN_RESERVE, 15),
    (ItemStatus.MAINTENANCE, 5),
))
_YEARS = _Choice(
    ((2019, 5), (2020, 12), (2021, 15), (2022, 12), (2023, 14), (2024, 20), (2025, 22))
)
# How many earlier, returned lendings an item has had before its current state.
_PRIOR = {
    ItemStatus.IN_USE: _Choice(((0, 55), (1, 40), (2, 5))),
    ItemStatus.RESERVED: _Choice(((0, 50), (1, 45), (2, 5))),
    ItemStatus.AVAILABLE: _Choice(((0, 10), (1, 70), (2, 20))),
    ItemStatus.MAINTENANCE: _Choice(((0, 30), (1, 60), (2, 10))),
    ItemStatus.UNDER_REPAIR: _Choice(((0, 30), (1, 60), (2, 10))),
    ItemStatus.DAMAGED: _Choice(((0, 70), (1, 30))),
    ItemStatus.LOST: _Choice(((0, 80), (1, 20))),
    ItemStatus.STOLEN: _Choice(((0, 80), (1, 20))),
}


def _make_items(
    rng: Random, institution: str, prefix: str, per_kind: dict[str, int], *, lending: bool
) -> list[_Item]:
    items: list[_Item] = []
    serials: dict[int, int] = Counter()
    for kind, count in per_kind.items():
        for _ in range(count):
            target = _ITEM_TARGETS(rng) if lending else _OTHER_TARGETS(rng)
            year = 2025 if target is ItemStatus.NEW else _YEARS(rng)
            maker, model, sprefix, lo, hi = _MODELS[kind][rng.randrange(len(_MODELS[kind]))]
            serials[year] += 1
            serial = sprefix + "".join(
                rng.choice(_SERIAL_ALPHABET) for _ in range(10 - len(sprefix))
            )
            if year <= 2023:
                free = _sec(INVENTORY_START)
            elif year == 2024:
                free = _sec(INVENTORY_START) + rng.randrange(120 * _DAY)
            else:
                free = _sec(datetime(2025, 1, 10, tzinfo=UTC)) + rng.randrange(290 * _DAY)
            supported = kind == "chromebook_laptop" or (
                kind == "windows_laptop" and rng.random() < 0.2
            )
            items.append(
                _Item(
                    id=_uuid(rng), institution=institution, kind=kind,
                    inventory_no=f"{prefix}-{year}-{serials[year]:06d}", serial_no=serial,
                    manufacturer=maker, model=model, year=year,
                    value=f"{rng.randint(lo, hi)}.{rng.choice(('00', '00', '99', '50'))}",
                    socially_supported=supported, target=target, free=free,
                    updated=free,
                )
            )
    return items


def _deadline(app: _App, issued: int) -> date:
    moment = _dt(issued)
    if app.role is ApplicantRole.EMPLOYEE:
        return moment.date() + timedelta(days=365)
    end_year = moment.year + 1 if moment.month >= 6 else moment.year
    return date(end_year, 6, 19)


class _Lender:
    """Places lendings of items to granted applications, one after another in time."""

    def __init__(self, rng: Random, data: _Data, pools: dict[tuple[str, bool], _Pool]) -> None:
        self.rng = rng
        self.data = data
        self.pools = pools

    def _take(self, item: _Item, after: int, before: int | None = None) -> _App | None:
        return self.pools[(item.kind, item.socially_supported)].take(after, before)

    def _hist(self, at: int, handover_id: str, app: _App, action: str, before: str | None,
              after: str, reason: str | None, actor: str, source: str) -> None:
        self.data.history.append((at, "handover", handover_id, app.id, action, before, after,
                                  reason, actor, source))
        app.version += 1
        app.updated = max(app.updated, at)

    def _start(self, item: _Item, app: _App) -> tuple[str, int]:
        rng = self.rng
        hid = _uuid(rng)
        created = _later(rng, max(app.changed, item.free), _HOUR, 4 * _DAY, _NOW - 3 * _HOUR)
        self._hist(created, hid, app, "create", None, "preparing", None, DESK_USER, "local")
        return hid, created

    def _row(self, hid: str, app: _App, item: _Item, status: HandoverStatus, changed: int,
             created: int, prepared: int | None = None, issued: int | None = None,
             returned: int | None = None, deadline: date | None = None,
             condition: ReturnCondition | None = None, return_notes: str | None = None,
             cancel: CancelReason | None = None, incident: str | None = None,
             reported: int | None = None, acknowledged: int | None = None,
             closed: int | None = None) -> None:
        act = f"{app.number}-A1" if prepared is not None else None
        self.data.handovers.append((
            hid, app.id, item.id, act, status.value, _ts(changed), _ts(created), _ts(prepared),
            _ts(issued), _ts(returned), deadline.isoformat() if deadline else None,
            condition.value if condition else None, return_notes,
            cancel.value if cancel else None, incident, _ts(reported), _ts(acknowledged),
            _ts(closed),
        ))
        item.version += 1
        item.updated = max(item.updated, changed, acknowledged or 0)
        item.lent = True

    def _issue(self, item: _Item, app: _App) -> tuple[str, int, int, int] | None:
        """Create, prepare and issue; None when the application is too recent for it."""
        rng = self.rng
        earliest = max(app.changed, item.free)
        if earliest > _NOW - 3 * _DAY:
            return None
        hid, created = self._start(item, app)
        prepared = _later(rng, created, _HOUR, 3 * _DAY, _NOW - 2 * _HOUR)
        issued = _later(rng, prepared, 2 * _HOUR, 8 * _DAY, _NOW - _HOUR)
        self._hist(prepared, hid, app, "prepare", "preparing", "prepared", None, DESK_USER,
                   "local")
        self._hist(issued, hid, app, "confirm_receipt", "prepared", "issued", None,
                   CENTRAL_ACTOR, "central")
        return hid, created, prepared, issued

    def cancelled(self, item: _Item) -> None:
        rng = self.rng
        app = self._take(item, item.free + rng.randrange(30 * _DAY))
        if app is None or max(app.changed, item.free) > _NOW - 12 * _DAY:
            return  # the application stays granted, waiting for a device
        hid, created = self._start(item, app)
        prepared = (
            _later(rng, created, _HOUR, 2 * _DAY, _NOW - 2 * _HOUR) if rng.random() < 0.5
            else None
        )
        if prepared is not None:
            self._hist(prepared, hid, app, "prepare", "preparing", "prepared", None, DESK_USER,
                       "local")
        reason = _CANCEL(rng)
        at = _later(rng, prepared or created, 2 * _HOUR, 6 * _DAY, _NOW - _HOUR)
        self._hist(at, hid, app, "cancel", "prepared" if prepared else "preparing", "cancelled",
                   _CANCEL_NOTES[reason] or reason.value, DESK_USER, "local")
        self._row(hid, app, item, HandoverStatus.CANCELLED, at, created, prepared,
                  deadline=_deadline(app, created), cancel=reason)
        item.free = at

    def returned(self, item: _Item, *, damaged: bool = False) -> bool:
        """One finished lending; False if none could be placed."""
        rng = self.rng
        app = self._take(item, item.free + rng.randrange(30 * _DAY))
        if app is None:
            return False
        done = self._issue(item, app)
        if done is None:
            return False
        hid, created, prepared, issued = done
        moment = _dt(issued)
        if app.role is ApplicantRole.EMPLOYEE or rng.random() < 0.15:
            back = issued + rng.randint(30 * _DAY, 400 * _DAY)
        else:
            end_year = moment.year + 1 if moment.month >= 6 else moment.year
            back = _sec(datetime(end_year, 6, 1, 7, tzinfo=UTC)) + rng.randrange(19 * _DAY)
        back = _office(max(back, issued + _DAY), _NOW - _DAY)
        deadline = _deadline(app, issued)
        if back > _NOW - _DAY:  # still out: this lending is the item's last
            self._row(hid, app, item, HandoverStatus.ISSUED, issued, created, prepared, issued,
                      deadline=deadline)
            item.status = ItemStatus.IN_USE
            item.free = _NOW * 2
            return False
        notes = _DAMAGE_NOTES[rng.randrange(len(_DAMAGE_NOTES))] if damaged else None
        condition = ReturnCondition.DAMAGED if damaged else ReturnCondition.RETURNED_WORKING_ORDER
        self._hist(back, hid, app, "return", "issued", "returned", notes, DESK_USER, "local")
        self._row(hid, app, item, HandoverStatus.RETURNED, back, created, prepared, issued, back,
                  deadline, condition, notes)
        item.status = ItemStatus.DAMAGED if damaged else ItemStatus.AVAILABLE
        item.free = back + rng.randint(_HOUR, 5 * _DAY)
        return True

    def in_use(self, item: _Item) -> None:
        rng = self.rng
        if rng.random() < 0.7:  # most devices out now were handed over this school year
            target = _sec(datetime(2026, 8, 20, tzinfo=UTC)) + rng.randrange(80 * _DAY)
        else:
            target = item.free + rng.randrange(max(_DAY, _NOW - item.free - 30 * _DAY))
        app = self._take(item, max(item.free, target), _NOW - 3 * _DAY)
        if app is None:
            app = self._take(item, item.free, _NOW - 3 * _DAY)
        if app is None:
            return
        done = self._issue(item, app)
        if done is None:
            return  # the device came back only days ago; the application waits
        hid, created, prepared, issued = done
        self._row(hid, app, item, HandoverStatus.ISSUED, issued, created, prepared, issued,
                  deadline=_deadline(app, issued))
        item.status = ItemStatus.IN_USE
        item.free = _NOW * 2

    def reserved(self, item: _Item) -> None:
        rng = self.rng
        app = self._take(item, max(item.free, _NOW - rng.randint(2, 20) * _DAY))
        if app is None:
            return
        hid, created = self._start(item, app)
        deadline = _deadline(app, created)
        if rng.random() < 0.6:
            prepared = _later(rng, created, _HOUR, 2 * _DAY, _NOW - _HOUR // 2)
            self._hist(prepared, hid, app, "prepare", "preparing", "prepared", None, DESK_USER,
                       "local")
            self._row(hid, app, item, HandoverStatus.PREPARED, prepared, created, prepared,
                      deadline=deadline)
        else:
            self._row(hid, app, item, HandoverStatus.PREPARING, created, created,
                      deadline=deadline)
        item.status = ItemStatus.RESERVED
        item.free = _NOW * 2

    def incident(self, item: _Item, status: HandoverStatus) -> None:
        rng = self.rng
        app = self._take(item, item.free + rng.randrange(60 * _DAY), _NOW - 20 * _DAY)
        if app is None:
            return
        done = self._issue(item, app)
        if done is None:
            return
        hid, created, prepared, issued = done
        if issued > _NOW - 7 * _DAY:  # too fresh for an incident: simply out on loan
            self._row(hid, app, item, HandoverStatus.ISSUED, issued, created, prepared, issued,
                      deadline=_deadline(app, issued))
            item.status = ItemStatus.IN_USE
            item.free = _NOW * 2
            return
        reported = issued + rng.randint(5 * _DAY, max(6 * _DAY, min(250 * _DAY,
                                                                    _NOW - issued - 2 * _DAY)))
        reported = min(reported, _NOW - _DAY)
        acknowledged = _later(rng, reported, _HOUR, 5 * _DAY, _NOW - _HOUR)
        closed = None
        if rng.random() < 0.4 and acknowledged + 30 * _DAY < _NOW:
            closed = acknowledged + rng.randint(_DAY, 30 * _DAY)
        lost = status is HandoverStatus.LOST
        text = (_LOST_TEXTS if lost else _STOLEN_TEXTS)
        description = text[rng.randrange(len(text))]
        self._hist(reported, hid, app, "report_lost" if lost else "report_stolen", "issued",
                   status.value, description, CENTRAL_ACTOR, "central")
        self._row(hid, app, item, status, reported, created, prepared, issued,
                  deadline=_deadline(app, issued), incident=description, reported=reported,
                  acknowledged=acknowledged, closed=closed)
        item.status = ItemStatus.LOST if lost else ItemStatus.STOLEN
        item.free = _NOW * 2


def _lend(rng: Random, data: _Data, items: list[_Item]) -> None:
    taken = bytearray(len(data.apps) + 1)
    granted = [a for a in data.apps if a.status is ApplicationStatus.CONFIRMED]
    pools: dict[tuple[str, bool], _Pool] = {}
    for kind, *_ in _KINDS:
        of_kind = [a for a in granted if a.kind == kind]
        pools[(kind, False)] = _Pool(of_kind, taken)
        pools[(kind, True)] = _Pool([a for a in of_kind if a.social_confirmed], taken)
    lender = _Lender(rng, data, pools)
    # Devices for socially supported learners first: they can go to fewer applications.
    order = sorted(items, key=lambda it: not it.socially_supported)

    # 1. Earlier, finished lendings (and now and then a handover cancelled before issue).
    for item in order:
        if item.target in (ItemStatus.NEW, ItemStatus.IN_RESERVE):
            continue
        for _ in range(_PRIOR[item.target](rng)):
            if rng.random() < 0.05:
                lender.cancelled(item)
            if not lender.returned(item):
                break
    # 2. Where each item stands now, scarcest first.
    for wanted in (ItemStatus.RESERVED, ItemStatus.IN_USE, ItemStatus.LOST, ItemStatus.STOLEN,
                   ItemStatus.DAMAGED):
        for item in order:
            if item.target is not wanted or item.free > _NOW:
                continue
            if wanted is ItemStatus.RESERVED:
                lender.reserved(item)
            elif wanted is ItemStatus.IN_USE:
                lender.in_use(item)
            elif wanted is ItemStatus.DAMAGED:
                lender.returned(item, damaged=True)
            else:
                lender.incident(item, HandoverStatus(wanted.value))
    # 3. The rest: in the store, in service, or never lent yet.
    for item in items:
        if item.free > _NOW or item.status is ItemStatus.DAMAGED:
            continue  # lent out now, or came back damaged
        if item.target in (ItemStatus.MAINTENANCE, ItemStatus.UNDER_REPAIR) or (
            item.target in (ItemStatus.NEW, ItemStatus.IN_RESERVE) and not item.lent
        ):
            item.status = item.target
        else:
            item.status = ItemStatus.AVAILABLE
        if item.status in (ItemStatus.MAINTENANCE, ItemStatus.UNDER_REPAIR) and item.lent:
            item.updated = min(item.free + rng.randint(_DAY, 20 * _DAY), _NOW - _HOUR)


def _place(rng: Random, items: list[_Item]) -> None:
    for item in items:
        status = item.status
        if status in (ItemStatus.IN_USE, ItemStatus.LOST, ItemStatus.STOLEN):
            item.location = None
        elif status is ItemStatus.UNDER_REPAIR:
            item.location = "Servisa centrs"
        elif status in (ItemStatus.MAINTENANCE, ItemStatus.DAMAGED):
            item.location = "IT kabinets 108"
        elif status is ItemStatus.RESERVED:
            item.location = "Izsniegšanas vieta, 1. stāvs"
        else:
            item.location = _STORE_LOCATIONS(rng)
        if status is ItemStatus.DAMAGED:
            item.notes = _DAMAGE_NOTES[rng.randrange(len(_DAMAGE_NOTES))]
        elif status is ItemStatus.UNDER_REPAIR:
            item.notes = "Nodots garantijas remontā."
        elif status is ItemStatus.MAINTENANCE:
            item.notes = "Operētājsistēmas pārinstalēšana un tīrīšana."
        elif status is ItemStatus.NEW:
            item.notes = "Jāuzstāda programmatūra un jāmarķē."


# --- writing ---------------------------------------------------------------------------------

# The tables the data set fills; seeding refuses a store with rows in any of the first five.
_DATA_TABLES = ("institutions", "resource_kinds", "staff_users", "items", "applications")
_LOADED_TABLES = (
    "items", "applications", "application_social_statuses", "document_acknowledgements",
    "handovers", "status_history",
)


def _insert(conn: sqlcipher.Connection, table: str, columns: Sequence[str],
            rows: list[tuple]) -> None:
    if not rows:
        return
    marks = ", ".join("?" * len(columns))
    conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608
        rows,
    )


def _is_empty(conn: sqlcipher.Connection) -> bool:
    return not any(
        conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]  # noqa: S608
        for table in _DATA_TABLES
    )


def _not_empty(data_dir: Path) -> StoreNotEmptyError:
    return StoreNotEmptyError(
        f"the store in {data_dir} already has data; "
        "seed only into an empty data folder (pick a new --data-dir)"
    )


def _generate(rng: Random, applications: int, school: str, other: str) -> _Data:
    data = _Data()
    data.apps, data.history = _gen_applications(rng, applications)
    granted = Counter(a.kind for a in data.apps if a.status is ApplicationStatus.CONFIRMED)
    per_kind = _split(applications // 4, granted)
    items = _make_items(rng, school, SCHOOL_PREFIX, per_kind, lending=True)
    _lend(rng, data, items)
    other_items = _make_items(
        rng, other, OTHER_PREFIX,
        {"windows_laptop": 12 + applications // 400, "tablet": 3 + applications // 2000},
        lending=False,
    )
    for item in other_items:
        item.status = item.target
    data.items = items + other_items
    _place(rng, data.items)
    return data


def seed(
    data_dir: Path,
    applications: int,
    *,
    rng_seed: int = 1,
    institution_id: str = DEFAULT_INSTITUTION,
    key: bytes | None = None,
) -> dict[str, int]:
    """Fill the empty store in ``data_dir`` with a realistic data set; return rows per table.

    With ``key`` (32 bytes, from ``store_key.unlock``) the store is made encrypted and the rows
    are written encrypted: no plain copy of the children's names ever reaches the disk.

    Raises ``StoreNotEmptyError`` if the store already holds data (nothing is written then),
    and ``desktop.models.store.StoreError`` if the store cannot be opened.
    """
    if applications < 0:
        raise SeedError("the number of applications cannot be negative")
    rng = _Rng(rng_seed)
    other_id = OTHER_INSTITUTION if institution_id != OTHER_INSTITUTION else "4313900998"
    folder = Path(data_dir)
    path = folder / DB_FILENAME
    new_file = not path.exists() or not path.stat().st_size
    store = open_store(folder, key=key)  # makes (or migrates) the schema, checks the file
    try:
        with store.engine.connect() as probe:
            raw = probe.connection.driver_connection
            assert raw is not None
            if not _is_empty(raw):
                raise _not_empty(folder)
    finally:
        store.close()  # the load below wants the file to itself
    data = _generate(rng, applications, institution_id, other_id)
    conn = connect(path, key)
    try:
        return _load(conn, rng, data, institution_id, other_id, folder=folder,
                     new_file=new_file)
    finally:
        conn.close()


def _load(conn: sqlcipher.Connection, rng: Random, data: _Data, school: str, other: str, *,
          folder: Path, new_file: bool) -> dict[str, int]:
    """Write the rows in one transaction on a connection of the loader's own."""
    conn.isolation_level = None  # the transaction is begun and ended here
    conn.execute("PRAGMA busy_timeout = 10000")
    # The references are not looked up row by row (400k lookups): the rows are made consistent
    # above, and tests/bench/test_seed.py runs SQLite's foreign_key_check on a seeded store.
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA cache_size = -262144")  # room for the indexes being built
    conn.execute("PRAGMA temp_store = MEMORY")  # the index builds sort in memory
    conn.execute("PRAGMA threads = 2")  # and on a second core where there is one
    bulk = False
    if new_file:
        # A file made by this call and not yet used by anyone: no syncing to disk and the
        # rollback journal in memory rather than every page written twice through the WAL.
        # A crash (or power cut) midway can leave this one file damaged: a data folder nobody
        # has used, seeded again into a new folder. An error still rolls back (the journal
        # is in memory), leaving the empty store.
        bulk = conn.execute("PRAGMA journal_mode = MEMORY").fetchone()[0] == "memory"
    if bulk:
        conn.execute("PRAGMA synchronous = OFF")
    else:  # an empty store someone made (or has open): written as the app writes
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not _is_empty(conn):  # someone else got there first
            raise _not_empty(folder)
        afterwards = defer_indexes(conn, _LOADED_TABLES)
        _write(conn, rng, data, school, other)
        restore(conn, afterwards)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        if bulk:
            conn.execute("PRAGMA journal_mode = WAL")  # what the app expects of its file
    return {
        table.name: int(
            conn.execute(f"SELECT COUNT(*) FROM {table.name}").fetchone()[0]  # noqa: S608
        )
        for table in Base.metadata.sorted_tables
    }


def _split(total: int, demand: Counter[str]) -> dict[str, int]:
    kinds = [k for k, *_ in _KINDS]
    weight = sum(demand[k] for k in kinds) or 1
    counts = {k: total * demand[k] // weight for k in kinds}
    if total >= len(kinds):
        for k in kinds:
            counts[k] = max(counts[k], 1)
    counts[kinds[0]] += total - sum(counts.values())
    return counts


def _write(conn: sqlcipher.Connection, rng: Random, data: _Data, school: str, other: str) -> None:
    seeded_at = _ts(_sec(INVENTORY_START))
    _insert(conn, "institutions", ("id", "name", "address", "server_version"), [
        (school, SCHOOL_NAME, SCHOOL_ADDRESS, 1),
        (other, OTHER_NAME, OTHER_ADDRESS, 1),
    ])
    _insert(conn, "resource_kinds", ("code", "type_code", "label_lv", "label_en"), list(_KINDS))
    _insert(conn, "staff_users", ("id", "username", "display_name"), [
        (1, ADMIN_USER, "Ņina Ozola"),
        (2, REVIEWER_USER, "Ilze Kalniņa"),
        (3, DESK_USER, "Ģirts Liepa"),
        (4, "reviewer.mārtiņš", "Mārtiņš Bērziņš"),
        (5, "desk.elīza", "Elīza Krūmiņa"),
    ])
    _insert(conn, "staff_memberships", ("user_id", "institution_id", "role"), [
        (1, school, StaffRole.ADMIN.value),
        (1, other, StaffRole.ADMIN.value),
        (2, school, StaffRole.REVIEWER.value),
        (3, school, StaffRole.DESK.value),
        (4, school, StaffRole.REVIEWER.value),
        (4, other, StaffRole.REVIEWER.value),
        (5, other, StaffRole.DESK.value),
    ])
    offered = [
        (_uuid(rng), school, "windows_laptop", TargetGroup.ALL.value, 1, 1, seeded_at),
        (_uuid(rng), school, "chromebook_laptop",
         TargetGroup.SOCIALLY_DISADVANTAGED_LEARNER.value, 1, 1, seeded_at),
        (_uuid(rng), school, "tablet", TargetGroup.EMPLOYEE.value, 1, 1, seeded_at),
        (_uuid(rng), other, "windows_laptop", TargetGroup.LEARNER.value, 0, 1, seeded_at),
        (_uuid(rng), other, "tablet", TargetGroup.EMPLOYEE.value, 1, 1, seeded_at),
    ]
    # what the desk ticks off when a device of the kind comes back (the school's own kinds)
    checklists = {kind: json.dumps(names, ensure_ascii=False)
                  for kind, names in _CHECKLISTS.items()}
    _insert(conn, "offered_kinds", ("id", "institution_id", "kind_code", "target_group",
                                    "accepting_applications", "server_version", "updated_at",
                                    "check_in_checklist"),
            [(*row, checklists[row[2]] if row[1] == school else "[]") for row in offered])
    rules: dict[str, str] = {}
    documents = []
    for ok_id, inst, kind, *_ in offered:
        doc_id = _uuid(rng)
        if inst == school:
            rules[kind] = doc_id
        label = dict((k[0], k[2]) for k in _KINDS)[kind]
        documents.append((doc_id, inst, ok_id, DocumentType.EXPLOITATION_RULES.value,
                          f"{label} – lietošanas noteikumi",
                          f"https://resursi.example.lv/{inst}/{kind}/noteikumi.pdf", seeded_at))
    _insert(conn, "documents", ("id", "institution_id", "offered_kind_id", "doc_type", "title",
                                "url", "created_at"), documents)

    _insert(conn, "items", (
        "id", "institution_id", "kind_code", "inventory_no", "serial_no", "manufacturer",
        "model", "year", "acquisition_value", "socially_supported", "location", "notes",
        "status", "server_version", "updated_at",
    ), [
        (it.id, it.institution, it.kind, it.inventory_no, it.serial_no, it.manufacturer,
         it.model, it.year, it.value, int(it.socially_supported), it.location, it.notes,
         it.status.value, it.version, _ts(it.updated))
        for it in data.items
    ])

    app_rows = []
    social_rows = []
    ack_rows = []
    # Names and classes repeat thousands of times: each folded, sorted or parsed once. A search
    # key is its parts folded one by one (``fold`` maps letter by letter; the test checks it).
    folded: dict[str, str] = {}
    sort_keys: dict[str, str] = {}
    classes: dict[str | None, tuple[int | None, str | None]] = {}
    for a in data.apps:
        learner, submitter, klass = a.learner_name, a.submitter_name, a.learner_class
        parsed = classes.get(klass)
        if parsed is None:
            parsed = classes[klass] = parse_class(klass)
        parts = [fold(a.number)]
        for part in (learner, submitter, klass):
            if part:
                parts.append(folded.get(part) or folded.setdefault(part, fold(part)))
        app_rows.append((
            a.id, a.number, school, a.kind, a.status.value, _ts(a.changed), _ts(a.submitted),
            a.role.value, submitter, a.submitter_code, learner, a.learner_code,
            klass, parsed[0], parsed[1], a.guardian.value, _ts(a.guardian_at), a.phone, a.email,
            a.notes, a.reason, a.revisit.isoformat() if a.revisit else None,
            a.withdrawal.value if a.withdrawal else None, a.version, _ts(a.updated), " ".join(parts),
            sort_keys.get(learner) or sort_keys.setdefault(learner, latvian_sort_key(learner)),
        ))
        if a.social:
            at = _ts(a.submitted + 1)
            for status, confirmed in a.social:
                social_rows.append((a.id, status.value, status.viis_code, int(confirmed),
                                    at if confirmed else None))
        ack_rows.append((a.id, rules[a.kind], _ts(a.submitted - rng.randint(60, 900))))
    _insert(conn, "applications", (
        "id", "number", "institution_id", "kind_code", "status", "status_changed_at",
        "submitted_at", "submitter_role", "submitter_name", "submitter_personal_code",
        "learner_name", "learner_personal_code", "learner_class", "class_grade",
        "class_parallel", "guardian_check", "guardian_checked_at", "phone", "email", "notes",
        "decision_reason", "revisit_on",
        "withdrawal_reason", "server_version", "updated_at", "search_key", "learner_sort",
    ), app_rows)
    _insert(conn, "application_social_statuses", (
        "application_id", "status", "viis_code", "confirmed", "confirmed_at",
    ), social_rows)
    _insert(conn, "document_acknowledgements", (
        "application_id", "document_id", "acknowledged_at",
    ), ack_rows)
    _insert(conn, "handovers", (
        "id", "application_id", "item_id", "act_number", "status", "status_changed_at",
        "created_at", "prepared_at", "issued_at", "returned_at", "return_deadline",
        "return_condition", "return_notes", "cancel_reason", "incident_description",
        "incident_reported_at", "incident_acknowledged_at", "closed_at",
    ), data.handovers)
    data.history.sort(key=lambda h: h[0])
    _insert(conn, "status_history", (
        "entity_type", "entity_id", "application_id", "action", "from_status", "to_status",
        "reason", "actor", "source", "at",
    ), [(*h[1:], _ts(h[0])) for h in data.history])
    _insert(conn, "sync_state", ("institution_id", "cursor"), [(school, None)])
