# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo 11 refuses every message of a user without an email address
("Unable to send email, please configure the sender's email address."),
including the "created" and tracking messages of a save: staff created with
a login only could not save a customer. On the Mini-CRM's records (customers,
bookings, agencies) such a user writes in their own name from their agency's
address; other documents keep core's behaviour."""
from email.utils import formataddr


def with_sender(env, kwargs):
    """``message_post``'s keyword arguments, with a sender when the user has
    no email address of their own."""
    user = env.user
    if user.email or kwargs.get("email_from"):
        return kwargs
    return dict(kwargs, email_from=formataddr((user.name, user._minicrm_mail_sender()[1])))
