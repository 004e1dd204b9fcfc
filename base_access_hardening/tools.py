# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def escape_like(text):
    """``text`` matched literally by (=)ilike: no % or _ wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
