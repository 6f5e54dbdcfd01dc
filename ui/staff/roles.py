"""Staff roles' names in people's words (the core knows roles only as codes)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

PIN_ROLES = ("clerk", "volunteer", "admin")


def role_name(role: str) -> str:
    names = {
        "clerk": QCoreApplication.translate("StaffRoles", "Clerk"),
        "volunteer": QCoreApplication.translate("StaffRoles", "Digital-team volunteer"),
        "admin": QCoreApplication.translate("StaffRoles", "Administrator"),
    }
    return names.get(role, role)


def screen_title(role: str) -> str:
    titles = {
        "clerk": QCoreApplication.translate("StaffRoles", "Clerk console"),
        "volunteer": QCoreApplication.translate("StaffRoles", "Volunteer"),
        "admin": QCoreApplication.translate("StaffRoles", "Administration"),
    }
    return titles.get(role, role)
