# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The web client's context describes the record on screen. Records that the
code creates or writes on the user's behalf (a portal login and its contact,
a booking made from a request, a queued mail) must not inherit it."""

# Keys meant for the record on screen: field defaults ("default_*", sent by
# menus, buttons and one2many fields) and the form's concurrency stamps.
SCREEN_KEY_PREFIXES = ("default_",)
SCREEN_KEYS = ("__last_update", "minicrm_booking_kind")


def clean_context(context):
    """``context`` without the keys that describe the record on screen, as
    Odoo 13's ``odoo.tools.clean_context`` does."""
    return {key: value for key, value in context.items()
            if not key.startswith(SCREEN_KEY_PREFIXES) and key not in SCREEN_KEYS}
