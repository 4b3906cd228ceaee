"""A learner's class as the register keeps it: a grade (1–12) and a parallel ("a", "b", "1", …).

The register (RUMIS) stores ``ResourceTargetPersonClassGrade`` (a number) and
``ResourceTargetPersonClassParallel`` (any text up to ten characters: "a", "1", "a1") apart,
so that lists sort 2 before 10 and can be filtered by grade. Older data wrote the class as one
text ("5.b", "5b", "10. A", "10.1", "12"); ``parse_class`` splits such a text, ``class_label``
writes a grade and a parallel back as the text staff read ("5.b").

A class's parallel is kept in lower case ("5.B" and "5.b" are one class): ``normal_class`` is
the one rule, for a class parsed here and for one that comes split (the wire's learner).
"""

from __future__ import annotations

import re

MIN_GRADE = 1
MAX_GRADE = 12
MAX_PARALLEL = 10

# A grade of one or two digits, then the parallel after a dot ("5.b", "10. A", "10.1",
# "5.b.c": the first dot splits), after spaces when it starts with a letter or digit ("5 b")
# or straight after it when it starts with a letter ("5b", "5a1"); nothing after it, or a dot
# alone, is the grade without one.
_CLASS = re.compile(
    r"(?P<grade>\d{1,2})(?:\s*\.\s*(?P<dotted>.*)|\s+(?P<spaced>[^\W_].*)|(?P<glued>[^\W\d_].*))?",
    re.DOTALL)


def normal_parallel(parallel: str | None) -> str | None:
    """A class's parallel as it is kept: without surrounding space, in lower case as Latvian
    schools write it ("B" → "b", "Ā" → "ā"); None when blank."""
    cleaned = (parallel or "").strip()
    return cleaned.lower() or None


def normal_class(grade: int | None, parallel: str | None) -> tuple[int | None, str | None]:
    """(grade, parallel) as kept: a class's parallel normalised (``normal_parallel``); a text
    without a grade (a group name the register holds, "PII") is kept as written."""
    if grade is None:
        return None, (parallel or "").strip() or None
    return grade, normal_parallel(parallel)


def parse_class(text: str | None) -> tuple[int | None, str | None]:
    """(grade, parallel) of a class written as one text; (None, None) when it is not one
    (no grade 1–12 first, another separator, a parallel longer than the register keeps).

    "10. A" → (10, "a"), "10.1" → (10, "1"), "12" → (12, None).
    """
    found = _CLASS.fullmatch(text.strip()) if text is not None else None
    if found is None:
        return None, None
    grade = int(found["grade"])
    parallel = normal_parallel(found["dotted"] or found["spaced"] or found["glued"])
    if not MIN_GRADE <= grade <= MAX_GRADE or len(parallel or "") > MAX_PARALLEL:
        return None, None
    return grade, parallel


def class_label(grade: int | None, parallel: str | None) -> str | None:
    """The class as staff read it: "5.b", "12" (no parallel), the parallel alone without a
    grade (a group name the register holds), None when neither is known."""
    if grade is None:
        return parallel or None
    return f"{grade}.{parallel}" if parallel else str(grade)


def grade_of_choice(choice: str | None) -> tuple[int | None, str | None]:
    """A class filter's choice kept as its label ("7": every 7th-grade class, "7.b" or
    "10.1": that class) read back as the grade and parallel it filters by, the parallel as
    it is stored (``class_label`` the other way round: the first dot splits); (None, None)
    for no choice or one that names no grade."""
    grade, _, parallel = (choice or "").partition(".")
    if not grade.isascii() or not grade.isdigit() or not MIN_GRADE <= int(grade) <= MAX_GRADE:
        return None, None
    return int(grade), parallel or None
