# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""1.1.0: customers are searched by one search text (name, email, E.164
phone digits read with the agency's new country, which the upgrade set to
the company's country)."""
from odoo.addons.minicrm_agency.hooks import fill_search_columns


def migrate(cr, version):
    if version:
        # Other partners' phone digits were stored before 1.1.0: no more.
        cr.execute("UPDATE res_partner SET minicrm_phone_digits = NULL "
                   "WHERE customer_state IS NULL AND minicrm_phone_digits IS NOT NULL")
        fill_search_columns(cr)
