# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""1.2.0: Bookings and Requests are searched by one search text (reference,
places, rental company and the customer's search text); the spending pivot
adds up the spent amount (confirmed and done bookings); users limited to
some rental companies join the group that hides the customers' figures."""
from odoo import SUPERUSER_ID, api
from odoo.addons.minicrm_agency.models.minicrm_booking import SPENT_AMOUNT_SQL
from odoo.addons.minicrm_agency.models.minicrm_booking_search import fill_booking_search_text


def migrate(cr, version):
    if version:
        fill_booking_search_text(cr)
        cr.execute(SPENT_AMOUNT_SQL)
        cr.execute("ANALYZE minicrm_booking")
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["res.users"].with_context(active_test=False).search(
            [("minicrm_rental_company_ids", "!=", False)])._minicrm_sync_company_limited_group()
