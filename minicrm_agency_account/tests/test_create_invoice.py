# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from lxml import etree

from odoo.exceptions import UserError

from odoo.addons.minicrm_agency.tests.common import CUSTOMERS_ACTION

from .common import MinicrmAccountCase


class TestCreateInvoice(MinicrmAccountCase):
    """"Create invoice" as staff, through the booking form."""

    def test_confirmed_booking_gets_a_draft_invoice_of_its_customer(self):
        invoice = self.create_invoice(self.staff_a1, self.booking_a)
        self.assertEqual(self.booking_a.invoice_id, invoice)
        self.assertEqual((invoice.type, invoice.state), ("out_invoice", "draft"))
        self.assertEqual(invoice.partner_id, self.customer_a)
        self.assertEqual(invoice.minicrm_customer_id, self.customer_a)
        self.assertEqual(invoice.minicrm_agency_id, self.agency_a)
        self.assertEqual(invoice.currency_id, self.agency_a.currency_id)
        self.assertEqual(invoice.journal_id.type, "sale")
        # In the agency's books: its company, its sales journal, its accounts.
        company = self.agency_a.company_id
        self.assertEqual((invoice.company_id, invoice.journal_id.company_id,
                          invoice.account_id.company_id), (company,) * 3)
        self.assertEqual(invoice.invoice_line_ids.account_id.company_id, company)
        self.assertEqual((invoice.origin, invoice.name), (self.booking_a.name,) * 2)
        self.assertEqual(invoice.amount_total, 120.0)
        line = invoice.invoice_line_ids
        self.assertEqual(len(line), 1)
        self.assertIn(self.booking_a.name, line.name)
        self.assertIn("Nice Airport → Monaco", line.name)
        self.assertEqual((line.quantity, line.price_unit), (1.0, 120.0))
        self.assertIn("Ann Smith", invoice.comment)
        # The screen's default_kind did not reach the invoice or its lines.
        self.assertNotIn("default_kind", invoice.env.context)
        # The history's button opens it.
        booking = self.as_user(self.staff_a1, "minicrm.booking").browse(self.booking_a.id)
        self.assertEqual(booking.action_open_invoice()["res_id"], invoice.id)
        self.assertEqual(booking.read(["invoice_id"])[0]["invoice_id"][0], invoice.id)

    def test_invoice_is_made_once(self):
        self.create_invoice(self.staff_a1, self.booking_a)
        with self.assertRaisesRegex(UserError, "already invoiced"):
            self.create_invoice(self.staff_a1, self.booking_a)
        self.assertEqual(self.env["account.invoice"].search_count(
            [("minicrm_customer_id", "=", self.customer_a.id)]), 1)

    def test_draft_bookings_and_requests_are_not_invoiced(self):
        with self.assertRaisesRegex(UserError, "confirmed or done"):
            self.create_invoice(self.staff_a1, self.booking_a_company_2)
        request = self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                      kind="request", amount=50.0)
        with self.assertRaisesRegex(UserError, "confirmed or done"):
            self.create_invoice(self.staff_a1, request)
        self.assertFalse(self.booking_a_company_2.invoice_id)

    def test_booking_without_amount_is_not_invoiced(self):
        booking = self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                      state="confirmed")
        with self.assertRaisesRegex(UserError, "no amount"):
            self.create_invoice(self.staff_a1, booking)

    def test_staff_without_billing_rights_are_told(self):
        booking = self.create_booking(self.staff_a2, self.customer_a, self.company_1,
                                      state="confirmed", amount=10.0)
        with self.assertRaisesRegex(UserError, "Billing rights"):
            self.create_invoice(self.staff_a2, booking)
        self.assertFalse(booking.invoice_id)

    def test_accounting_not_set_up_is_a_clear_error(self):
        self.env["account.journal"].search([("type", "=", "sale")]).write({"active": False})
        with self.assertRaisesRegex(UserError, "no sales journal"):
            self.create_invoice(self.staff_a1, self.booking_a)
        self.assertFalse(self.booking_a.invoice_id)

    def test_screens_show_the_invoice_and_the_button(self):
        Booking = self.as_user(self.staff_a1, "minicrm.booking")
        form = etree.fromstring(Booking.fields_view_get(view_type="form")["arch"])
        self.assertTrue(form.xpath("//button[@name='action_create_invoice']"))
        history = etree.fromstring(Booking.fields_view_get(view_id=self.env.ref(
            "minicrm_agency.view_minicrm_booking_history_tree").id)["arch"])
        self.assertTrue(history.xpath("//field[@name='invoice_id']"))
        # Without Billing rights, the button is always hidden.
        form = etree.fromstring(self.as_user(self.staff_a2, "minicrm.booking").fields_view_get(
            view_type="form")["arch"])
        button = form.xpath("//button[@name='action_create_invoice']")[0]
        self.assertIs(json.loads(button.get("modifiers"))["invisible"], True)

    def test_customer_invoices_button_counts_and_opens_them(self):
        invoice = self.create_invoice(self.staff_a1, self.booking_a)
        context = self.screen_context(self.staff_a1, CUSTOMERS_ACTION)
        customer = self.env["res.partner"].sudo(self.staff_a1).with_context(**context).browse(
            self.customer_a.id)
        self.assertEqual(customer.minicrm_invoice_count, 1)
        action = customer.action_minicrm_open_invoices()
        self.assertEqual(self.env["account.invoice"].sudo(self.staff_a1).search(
            action["domain"]), invoice)
        search = self.env.ref("minicrm_agency_account.view_account_invoice_filter_inherit_minicrm")
        self.assertIn("minicrm_customer_id", search.arch)
