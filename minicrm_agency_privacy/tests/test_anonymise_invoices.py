# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import unittest

import odoo
from odoo.tests.common import get_db_name

from odoo.addons.minicrm_agency.tests.common import NEXT_YEAR

from .common import AnonymiseFixtures

try:
    from odoo.addons.minicrm_agency_account.tests.common import MinicrmAccountCase
except ImportError:  # the invoices addon is optional
    MinicrmAccountCase = unittest.TestCase


class TestAnonymiseInvoices(AnonymiseFixtures, MinicrmAccountCase):
    """With the invoices addon: invoices and their journal entries are kept
    as they are (accounting law), and an unpaid invoice stops retention."""

    @classmethod
    def setUpClass(cls):
        if "account.invoice" not in odoo.registry(get_db_name()):
            raise unittest.SkipTest("minicrm_agency_account is not installed")
        super(TestAnonymiseInvoices, cls).setUpClass()

    @classmethod
    def setup_class_fixtures(cls):  # pylint: disable=missing-return
        super(TestAnonymiseInvoices, cls).setup_class_fixtures()
        cls.setup_anonymise_fixtures()
        cls.invoice_a = cls.create_invoice(cls.staff_a1, cls.booking_a)
        cls.invoice_a.action_invoice_open()

    def books(self):
        invoice = self.invoice_a
        return (invoice.number, invoice.state, invoice.amount_total, invoice.residual,
                invoice.partner_id, invoice.minicrm_customer_id, invoice.date_invoice,
                [(line.account_id.id, line.debit, line.credit, line.partner_id.id)
                 for line in invoice.move_id.line_ids])

    def test_invoices_and_journal_entries_are_unchanged(self):
        before = self.books()
        total = self.customer_a.total_spent
        self.anonymise_as(self.manager_a, self.customer_a)
        self.invoice_a.invalidate_cache()
        self.assertEqual(self.books(), before)
        self.assertEqual(self.customer_a.total_spent, total)
        self.assertTrue(self.customer_a.minicrm_anonymised)

    def test_unpaid_invoice_stops_retention(self):
        self.agency_a.sudo(self.manager_a).write({"retention_customer_years": 1})
        self.env["res.partner"]._minicrm_apply_retention(datetime.datetime(NEXT_YEAR + 3, 1, 1))
        self.assertFalse(self.customer_a.minicrm_anonymised)
        self.assertEqual(self.customer_a.email, "ann.smith@example.com")
