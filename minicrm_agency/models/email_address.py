# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customers' email addresses: one home for their normalisation and checks
(an end user's email is their portal login)."""
import re
import unicodedata

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def normalize_email(email):
    return (email or "").strip().lower() or False


def is_valid_email(email):
    return bool(EMAIL_RE.match(email)) and not has_invisible_characters(email)


def has_invisible_characters(text):
    """Control, format (bidi overrides, zero-width…) and separator characters
    other than a plain space make an address look like another one."""
    return any(unicodedata.category(char)[0] in "CZ" and char != " " for char in text)
