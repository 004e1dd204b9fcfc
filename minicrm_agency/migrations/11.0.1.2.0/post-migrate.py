# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""1.2.0: Bookings and Requests are searched by one search text (reference,
places, rental company and the customer's search text)."""
from odoo.addons.minicrm_agency.models.minicrm_booking_search import fill_booking_search_text


def migrate(cr, version):
    if version:
        fill_booking_search_text(cr)
        cr.execute("ANALYZE minicrm_booking")
