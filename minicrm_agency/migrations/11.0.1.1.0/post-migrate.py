# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""1.1.0: phone numbers are searched by their E.164 digits, read with the
agency's new country (which the upgrade set to the company's country)."""
from odoo.addons.minicrm_agency.hooks import fill_phone_digits


def migrate(cr, version):
    if version:
        fill_phone_digits(cr)
