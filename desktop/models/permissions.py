"""Which staff role may do what. The central service enforces the same on its side."""

from __future__ import annotations

from enum import StrEnum

from desktop.models.codes import StaffRole
from desktop.models.errors import PermissionDeniedError
from desktop.models.journal import Actor


class Permission(StrEnum):
    DECIDE = "decide"  # grant, refuse, defer
    HAND_OVER = "hand_over"  # prepare, cancel, returns, lost/stolen
    EDIT_CATALOGUE = "edit_catalogue"  # kinds offered, items
    VIEW_AUDIT = "view_audit"  # the audit log: who looked at and did what
    ANNOTATE = "annotate"  # an application's notes: every role that works with applications


ROLE_PERMISSIONS: dict[StaffRole, frozenset[Permission]] = {
    StaffRole.ADMIN: frozenset(Permission),
    StaffRole.REVIEWER: frozenset({Permission.DECIDE, Permission.ANNOTATE}),
    StaffRole.DESK: frozenset({Permission.HAND_OVER, Permission.ANNOTATE}),
}

_PERMISSION_LV = {
    Permission.DECIDE: "lemt par pieteikumiem",
    Permission.HAND_OVER: "izsniegt un pieņemt resursus",
    Permission.EDIT_CATALOGUE: "labot katalogu",
    Permission.VIEW_AUDIT: "skatīt audita žurnālu",
    Permission.ANNOTATE: "rakstīt pieteikumu piezīmes",
}


def allows(role: StaffRole, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS[role]


def require(actor: Actor, permission: Permission) -> None:
    if not allows(actor.role, permission):
        raise PermissionDeniedError(
            f"the role {actor.role.value} may not {permission.value.replace('_', ' ')}",
            f"lomai „{actor.role.label_lv}“ nav tiesību {_PERMISSION_LV[permission]}",
        )
