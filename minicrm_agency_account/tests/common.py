# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.minicrm_agency.tests.common import BOOKINGS_ACTION, MinicrmCase

BILLING = "account.group_account_invoice"


class MinicrmAccountCase(MinicrmCase):
    """The Mini-CRM's fixtures, with prices, and Billing rights for staff
    a1 and b1 (staff a2 has none)."""

    @classmethod
    def setup_class_fixtures(cls):
        # The agencies' companies get their chart of accounts (the other
        # test classes do without: see QUIET_CONTEXT).
        (cls.agency_a | cls.agency_b)._minicrm_load_chart()
        billing = cls.env.ref(BILLING)
        (cls.staff_a1 | cls.staff_b1).write({"groups_id": [(4, billing.id)]})
        cls.booking_a.sudo(cls.staff_a1).write({"amount": 120.0})
        cls.booking_a_company_2.sudo(cls.staff_a1).write({"amount": 80.0})
        cls.booking_b.sudo(cls.staff_b1).write({"amount": 500.0})
        cls.invoice_b = cls.create_invoice(cls.staff_b1, cls.booking_b)

    @classmethod
    def create_invoice(cls, user, booking):
        """"Create invoice" on the booking form opened from Mini-CRM › Bookings."""
        context = cls.screen_context(user, BOOKINGS_ACTION)
        action = cls.env["minicrm.booking"].sudo(user).with_context(**context).browse(
            booking.id).action_create_invoice()
        return cls.env["account.invoice"].browse(action["res_id"])
