# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError

from .common import MinicrmAccountCase


class TestInvoiceIsolation(MinicrmAccountCase):
    """Staff of agency A (with Billing rights) never read agency B's
    invoices, their lines, journal entries or journal items."""

    @classmethod
    def setup_class_fixtures(cls):
        result = super(TestInvoiceIsolation, cls).setup_class_fixtures()
        cls.invoice_a = cls.create_invoice(cls.staff_a1, cls.booking_a)
        # Validated by an accountant (superuser here): B's journal entry exists.
        cls.invoice_b.action_invoice_open()
        return result

    def test_staff_do_not_search_or_read_other_agency_invoices(self):
        Invoice = self.as_user(self.staff_a1, "account.invoice")
        self.assertEqual(Invoice.search([("minicrm_customer_id", "!=", False)]),
                         self.invoice_a)
        self.assertEqual(Invoice.search_count([("id", "=", self.invoice_b.id)]), 0)
        with self.assertRaises(AccessError):
            Invoice.browse(self.invoice_b.id).read(["amount_total"])
        rows = Invoice.search_read([("id", "in", (self.invoice_a | self.invoice_b).ids)],
                                   ["partner_id"])
        self.assertEqual([row["id"] for row in rows], [self.invoice_a.id])
        groups = Invoice.read_group([("minicrm_customer_id", "!=", False)],
                                    ["amount_total", "minicrm_customer_id"],
                                    ["minicrm_customer_id"])
        self.assertEqual([group["minicrm_customer_id"][0] for group in groups],
                         [self.customer_a.id])
        self.assertEqual(groups[0]["amount_total"], 120.0)
        self.assertNotIn(self.invoice_b.id,
                         [pid for pid, _name in Invoice.name_search(self.booking_b.name)])
        with self.assertRaises(AccessError):
            Invoice.browse(self.invoice_b.id).export_data(["partner_id", "amount_total"])
        exported = Invoice.search([]).export_data(["minicrm_customer_id/name"])["datas"]
        self.assertNotIn(["Bob Brown"], exported)

    def test_staff_do_not_read_other_agency_lines_and_entries(self):
        for model in ("account.invoice.line", "account.move", "account.move.line"):
            records = self.as_user(self.staff_a1, model).search([])
            self.assertFalse(records.mapped("company_id") - self.agency_a.company_id, model)
        lines = self.as_user(self.staff_a1, "account.move.line").search(
            [("move_id", "=", self.invoice_b.move_id.id)])
        self.assertFalse(lines)
        with self.assertRaises(AccessError):
            self.as_user(self.staff_a1, "account.move").browse(
                self.invoice_b.move_id.id).read(["ref"])
        with self.assertRaises(AccessError):
            self.as_user(self.staff_a1, "account.invoice.line").browse(
                self.invoice_b.invoice_line_ids.ids).read(["name"])
        # Agency B's staff see theirs.
        self.assertTrue(self.as_user(self.staff_b1, "account.move.line").search(
            [("move_id", "=", self.invoice_b.move_id.id)]))

    def test_invoice_count_does_not_leak(self):
        Partner = self.as_user(self.staff_b1, "res.partner")
        self.assertEqual(Partner.browse(self.customer_b.id).minicrm_invoice_count, 1)
        groups = self.as_user(self.staff_b1, "account.invoice").read_group(
            [("minicrm_customer_id", "=", self.customer_a.id)], ["minicrm_customer_id"],
            ["minicrm_customer_id"])
        self.assertEqual(groups, [])

    def test_booking_cannot_be_linked_to_another_agency_invoice(self):
        booking = self.as_user(self.staff_a1, "minicrm.booking").browse(
            self.booking_a_company_2.id)
        with self.assertRaises(ValidationError):
            booking.write({"invoice_id": self.invoice_b.id})
        self.assertFalse(self.booking_a_company_2.invoice_id)

    def test_operator_sees_every_agencys_invoices(self):
        self.operator.write({"groups_id": [(4, self.env.ref("account.group_account_invoice").id)]})
        invoices = self.as_user(self.operator, "account.invoice").search(
            [("minicrm_customer_id", "!=", False)])
        self.assertEqual(invoices & (self.invoice_a | self.invoice_b),
                         self.invoice_a | self.invoice_b)
