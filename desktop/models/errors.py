"""Errors the core raises for people to read: each carries an English and a Latvian message."""

from __future__ import annotations

from desktop.models.workflow import WorkflowError


class NotFoundError(WorkflowError):
    """The record does not exist (any more) in the local store."""

    def __init__(self, what: str, what_lv: str, key: object) -> None:
        super().__init__(f"{what} {key} was not found", f"{what_lv} {key} nav atrasts")


class PermissionDeniedError(WorkflowError):
    """The signed-in role may not do this."""


class InputError(WorkflowError):
    """A typed value is wrong; ``field`` names it so the form can point at it."""

    def __init__(self, field: str, message_en: str, message_lv: str) -> None:
        super().__init__(f"{field}: {message_en}", message_lv)
        self.field = field
