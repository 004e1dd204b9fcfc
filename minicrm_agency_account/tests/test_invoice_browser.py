# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, at_install, post_install

from odoo.addons.minicrm_agency.tests.common import (
    BROWSER_PYTHON, NEXT_YEAR, PASSWORD, QUIET_CONTEXT, SCREENSHOT_DIR, MinicrmFixtures,
    run_staff_tour)

from .common import BILLING

TOUR = "invoice_browser_tour.py"


def create_fixtures(env):
    """A staff user with Billing rights in an agency of its own, and a
    customer with a confirmed booking that has a price."""
    env = env(context=dict(env.context, **QUIET_CONTEXT))
    company = env["minicrm.rental.company"].create({"name": "Invoice Limousines"})
    agency = env["minicrm.agency"].create({
        "name": "Invoice Agency", "rental_company_ids": [(6, 0, company.ids)]})
    agency._minicrm_load_chart()
    staff = MinicrmFixtures.create_user(env, "invoice_staff", agency)
    staff.write({"groups_id": [(4, env.ref(BILLING).id)]})
    # Another agency's billing user, who must find none of it.
    other_agency = env["minicrm.agency"].create({
        "name": "Other Invoice Agency", "rental_company_ids": [(6, 0, company.ids)]})
    other_agency._minicrm_load_chart()
    other = MinicrmFixtures.create_user(env, "other_invoice_staff", other_agency)
    other.write({"groups_id": [(4, env.ref(BILLING).id)]})
    customer = env["res.partner"].sudo(staff).create({
        "firstname": "Ines", "lastname": "Invoiced", "customer_state": "end",
        "email": "ines.invoiced@example.com"})
    # As from Mini-CRM › Bookings › Create (the action's context).
    booking = env["minicrm.booking"].sudo(staff).with_context(default_kind="booking").create({
        "customer_id": customer.id, "rental_company_id": company.id,
        "pickup_datetime": "%d-06-01 09:00:00" % NEXT_YEAR, "pickup_location": "Nice",
        "dropoff_location": "Monaco", "amount": 245.0})
    booking.action_confirm()
    return {
        "login": staff.login, "password": PASSWORD,
        "menu": "minicrm_agency.menu_minicrm_root", "rental_company": company.name,
        "booking": booking.name, "customer": customer.name,
        "company": agency.company_id.name, "other_login": other.login,
    }


@at_install(False)
@post_install(True)
class TestInvoiceBrowser(HttpCase):
    """Headless Chromium as staff with Billing rights: the spending pivot and
    graph, "Create invoice" on a booking, the customer's Invoices button,
    validating, paying and crediting the invoice, its report headed by the
    agency's company; then another agency's billing user finds none of it.
    Any error dialog or JavaScript error fails the step it happened in."""

    def setUp(self):
        super(TestInvoiceBrowser, self).setUp()
        with self.registry.cursor() as cr:
            self.config = create_fixtures(api.Environment(cr, SUPERUSER_ID, {}))

    def test_staff_invoice_a_booking_in_the_web_client(self):
        if not BROWSER_PYTHON:
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        config = self.config
        report = run_staff_tour(self, TOUR, config, timeout=900)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            # The same test cursor as the fixtures': read fresh values.
            env["minicrm.booking"].invalidate_cache()
            booking = env["minicrm.booking"].search([("name", "=", self.config["booking"])])
            invoice = booking.invoice_id
            self.assertEqual((invoice.state, invoice.amount_total, invoice.minicrm_customer_id),
                             ("paid", 245.0, booking.customer_id))
            self.assertEqual(invoice.company_id, booking.agency_id.company_id)
            self.assertEqual(invoice.payment_ids.company_id, invoice.company_id)
            refund = env["account.invoice"].search([("refund_invoice_id", "=", invoice.id)])
            self.assertEqual((refund.type, refund.company_id, refund.name),
                             ("out_refund", invoice.company_id, "Trip cancelled"))
        for name in ("staff-spending-pivot.png", "staff-invoice.png", "staff-invoice-paid.png",
                     "staff-other-agency-invoices.png"):
            self.assertIn(os.path.join(SCREENSHOT_DIR, name), report["screenshots"])
