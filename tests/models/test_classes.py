"""A learner's class as grade and parallel: splitting the old one-text classes, writing labels."""

from __future__ import annotations

import pytest

from desktop.models.classes import class_label, grade_of_choice, parse_class


@pytest.mark.parametrize(("text", "expected"), [
    ("5.b", (5, "b")),
    ("5b", (5, "b")),
    ("5 b", (5, "b")),
    ("10. A", (10, "a")),
    ("12", (12, None)),
    ("12.", (12, None)),
    (" 7.ā ", (7, "ā")),
    ("1.c", (1, "c")),
    # the register's parallel is any text up to ten characters, digits too (review of
    # issue 13: these were read as no class): split on the first dot
    ("10.1", (10, "1")),
    ("5.a1", (5, "a1")),
    ("5a1", (5, "a1")),
    ("12.2", (12, "2")),
    ("5.b.c", (5, "b.c")),
    ("9. 1", (9, "1")),
    ("5.Ābele", (5, "ābele")),
])
def test_classes_written_as_one_text_are_split(text: str, expected: tuple) -> None:
    assert parse_class(text) == expected


@pytest.mark.parametrize("text", ["PII", "", "13.a", "0.b", "5-b", "kurss 2", "123", "ī.b",
                                  "5.abcdefghijk", "5 - b", None])
def test_what_is_not_a_class_gives_neither(text: str | None) -> None:
    assert parse_class(text) == (None, None)


def test_labels_read_as_staff_write_them() -> None:
    assert class_label(5, "b") == "5.b"
    assert class_label(12, None) == "12"
    assert class_label(None, "PII") == "PII"
    assert class_label(None, None) is None
    assert parse_class(class_label(10, "a")) == (10, "a")


def test_a_filter_choice_keeps_the_parallel_as_it_is_stored() -> None:
    assert grade_of_choice("7") == (7, None)
    assert grade_of_choice("10.A") == (10, "A")
    assert grade_of_choice(None) == (None, None)
    assert grade_of_choice("visas") == (None, None)


def test_a_filter_choice_is_a_class_label_read_back() -> None:
    """The remembered filter keeps the class as its label: read back on the first dot, so
    a parallel with digits names its class (review of issue 13)."""
    for grade, parallel in [(10, "1"), (5, "a1"), (12, None), (5, "b.c"), (2, "Ā")]:
        assert grade_of_choice(class_label(grade, parallel)) == (grade, parallel)
    assert grade_of_choice("13.a") == (None, None)
    assert grade_of_choice(".a") == (None, None)


def test_the_school_s_classes_are_listed_as_grade_and_parallel(store) -> None:
    """Pairs, in school order: a parallel with digits is a class like any other (review of
    issue 13: the filter read labels back and lost "10.1" and "5.a1")."""
    from desktop.models.queries import learner_classes
    from factories import SCHOOL, add_application, seed_catalogue

    seed_catalogue(store)
    for who, klass in [("Anna Ābele", "10.1"), ("Jānis Bērziņš", "5.a1"),
                       ("Ērika Ķuze", "5.B"), ("Mārtiņš Ozols", "12"),
                       ("Žanete Šmite", "PII"), ("Ļena Vītola", "2.ā")]:
        add_application(store, learner=who, learner_class=klass)
    assert learner_classes(store, SCHOOL) == [(2, "ā"), (5, "a1"), (5, "b"), (10, "1"),
                                              (12, None)]


def test_a_class_that_comes_split_is_kept_as_one_parsed_from_text() -> None:
    """Defect (review of issue 13): a pulled class kept "B" where the split text gives "b",
    so "5.B" and "5.b" were two classes. ``normal_class`` is the one rule for both."""
    from desktop.models.classes import normal_class

    assert normal_class(5, "B") == (5, "b") == parse_class("5.B")
    assert normal_class(10, " Ā ") == (10, "ā") == parse_class("10. Ā")
    assert normal_class(10, "1") == (10, "1") == parse_class("10.1")
    assert normal_class(12, None) == (12, None) == normal_class(12, "  ")
    # a group name without a grade is the register's text, kept as written
    assert normal_class(None, "PII") == (None, "PII")
    assert normal_class(None, None) == (None, None)
