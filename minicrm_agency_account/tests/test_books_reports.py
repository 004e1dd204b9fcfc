# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import PORT, at_install, post_install

from odoo.addons.minicrm_agency.tests.common import PASSWORD, MinicrmHttpCase

from .common import BILLING, MinicrmAccountCase

AGED = ("account.aged.trial.balance", "account.action_report_aged_partner_balance")
LEDGER = ("account.report.partner.ledger", "account.action_report_partnerledger")


class TestBooksReports(MinicrmAccountCase):
    """Each agency's billing user runs the aged partner balance and the
    partner ledger on its own books, with the other agency's entries
    present, and sees none of them."""

    @classmethod
    def setup_class_fixtures(cls):
        result = super(TestBooksReports, cls).setup_class_fixtures()
        cls.invoice_a = cls.create_invoice(cls.staff_a1, cls.booking_a)
        cls.invoice_a.sudo(cls.staff_a1).action_invoice_open()
        cls.invoice_b.sudo(cls.staff_b1).action_invoice_open()
        return result

    def run_report(self, user, wizard_model, report_xmlid, **values):
        """The report as printed from the wizard of Accounting › Reporting."""
        context = self.env(user=user.id)["res.users"].context_get()
        wizard = self.env[wizard_model].sudo(user).with_context(**context).create(
            dict({"target_move": "posted"}, **values))
        action = wizard.check_report()
        report = self.env.ref(report_xmlid).sudo(user).with_context(
            active_model=wizard_model, active_id=wizard.id, active_ids=wizard.ids, **context)
        return report.render_qweb_html(wizard.ids, data=action["data"])[0].decode()

    def test_each_agency_runs_its_aged_partner_balance_alone(self):
        for user, own, other in ((self.staff_a1, "Ann Smith", "Bob Brown"),
                                 (self.staff_b1, "Bob Brown", "Ann Smith")):
            html = self.run_report(user, *AGED, period_length=30,
                                   result_selection="customer")
            self.assertIn(own, html)
            self.assertNotIn(other, html)

    def test_each_agency_runs_its_partner_ledger_alone(self):
        for user, own, other in ((self.staff_a1, "Ann Smith", "Bob Brown"),
                                 (self.staff_b1, "Bob Brown", "Ann Smith")):
            html = self.run_report(user, *LEDGER, result_selection="customer")
            self.assertIn(own, html)
            self.assertNotIn(other, html)


@at_install(False)
@post_install(True)
class TestBooksReportsHttp(MinicrmHttpCase):
    """The invoice of another agency is refused (403 or 404, never an error
    500) on the report routes and the portal invoice page; the own invoice
    is headed by the agency's company."""

    def setup_http_fixtures(self):
        env = type(self).env
        (self.agency_a | self.agency_b)._minicrm_load_chart()
        (self.staff_a1 | self.staff_b1).write({"groups_id": [(4, env.ref(BILLING).id)]})
        self.booking_a.write({"amount": 120.0})
        self.booking_b.write({"amount": 500.0})
        for user, booking in ((self.staff_a1, self.booking_a), (self.staff_b1, self.booking_b)):
            env["minicrm.booking"].sudo(user).browse(booking.id).action_create_invoice()
            booking.invoice_id.sudo(user).action_invoice_open()
        self.invoice_a_id, self.invoice_b_id = self.booking_a.invoice_id.id, \
            self.booking_b.invoice_id.id

    def get(self, path):
        return self.opener.get("http://127.0.0.1:%s%s" % (PORT, path), timeout=60,
                               allow_redirects=False)

    def test_other_agency_invoice_report_is_refused(self):
        self.login("staff_a1", PASSWORD)
        for converter in ("pdf", "html"):
            response = self.get("/report/%s/account.report_invoice/%s"
                                % (converter, self.invoice_b_id))
            self.assertIn(response.status_code, (403, 404), converter)
            self.assertNotIn("Bob Brown", response.text)
        response = self.get("/report/html/account.report_invoice/999999")
        self.assertIn(response.status_code, (403, 404))
        # The own invoice: headed by agency A's company.
        response = self.get("/report/html/account.report_invoice/%s" % self.invoice_a_id)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Test Agency A", response.text)
        self.assertIn("Ann Smith", response.text)

    def test_portal_invoice_page_is_headed_by_the_agency_company(self):
        token = self.in_test_cursor(
            lambda env: env["account.invoice"].browse(self.invoice_a_id).access_token)
        response = self.get("/my/invoices/%s?access_token=%s" % (self.invoice_a_id, token))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Test Agency A", response.text)
        self.assertIn("Ann Smith", response.text)

    def test_anonymous_and_other_portal_user_do_not_open_the_invoice_page(self):
        for path in ("/my/invoices/%s" % self.invoice_b_id,
                     "/my/invoices/%s?access_token=wrong" % self.invoice_b_id,
                     "/my/invoices/pdf/%s" % self.invoice_b_id):
            response = self.get(path)
            self.assertNotEqual(response.status_code, 200, path)
            self.assertLess(response.status_code, 500, path)
            self.assertNotIn("Bob Brown", response.text)
        portal = self.in_test_cursor(
            lambda env: self.link_portal_login(env["res.partner"].browse(self.customer_a.id),
                                               PASSWORD).login)
        self.login(portal, PASSWORD)
        response = self.get("/my/invoices/%s" % self.invoice_b_id)
        self.assertNotEqual(response.status_code, 200)
        self.assertLess(response.status_code, 500)
        self.assertNotIn("Bob Brown", response.text)
