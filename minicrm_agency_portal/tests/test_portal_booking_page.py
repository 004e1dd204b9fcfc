# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.exceptions import AccessError
from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import PASSWORD, MinicrmHttpCase

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
STATE_RE = r'o_minicrm_state"[^>]*>\s*%s\s*<'


@at_install(False)
@post_install(True)
class TestPortalBookingPage(MinicrmHttpCase):
    """What Ann sees of a quote she declines, and of a booking's price and
    invoice, over HTTP as her browser does."""

    def setup_http_fixtures(self):
        type(self).quote = self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                               kind="request", amount=150.0)
        self.quote.sudo(self.staff_a1).action_send_quote()
        self.booking_a.sudo(self.staff_a1).write({"amount": 250.0})
        login = self.customer_a.sudo().minicrm_portal_user_id
        login.write({"password": PASSWORD})
        type(self).ann_login = login.login

    def test_a_declined_quote_says_declined_with_a_banner(self):
        self.login(self.ann_login, PASSWORD)
        url = "/my/requests/%d" % self.quote.id
        token = CSRF_RE.search(self.url_open(url).text).group(1)
        page = self.url_open(url + "/decline", data={"csrf_token": token})
        self.assertEqual(page.status_code, 200)
        self.assertTrue(page.url.endswith(url), page.url)
        self.assertRegex(page.text, STATE_RE % "Declined")
        self.assertNotRegex(page.text, STATE_RE % "Cancelled")
        self.assertIn("o_minicrm_declined", page.text)
        self.assertIn("You declined this quote", page.text)
        self.assertRegex(self.url_open("/my/requests").text, STATE_RE % "Declined")
        state = self.in_test_cursor(lambda env: env["minicrm.booking"].browse(
            self.quote.id).read(["state", "minicrm_declined"])[0])
        self.assertEqual((state["state"], state["minicrm_declined"]), ("cancel", True))

    def test_a_quote_cancelled_by_staff_says_cancelled_without_the_banner(self):
        self.in_test_cursor(lambda env: env["minicrm.booking"].sudo(self.staff_a1.id).browse(
            self.quote.id).action_cancel())
        self.login(self.ann_login, PASSWORD)
        page = self.url_open("/my/requests/%d" % self.quote.id).text
        self.assertRegex(page, STATE_RE % "Cancelled")
        self.assertNotIn("You declined this quote", page)

    def test_the_booking_page_shows_the_price(self):
        self.login(self.ann_login, PASSWORD)
        page = self.url_open("/my/bookings/%d" % self.booking_a.id).text
        price = re.search(r'class="o_minicrm_price"[^>]*>(.*?)</dd>', page, re.S)
        self.assertTrue(price, "the page shows a price")
        self.assertIn("250.00", price.group(1))
        currency = self.in_test_cursor(
            lambda env: env["minicrm.booking"].browse(self.booking_a.id).currency_id.symbol)
        self.assertIn(currency, price.group(1))

    def test_the_booking_page_shows_its_invoice_once_validated(self):
        def invoice_booking(env):
            booking = env["minicrm.booking"].browse(self.booking_a.id)
            if "invoice_id" not in booking._fields:
                return None
            # Fixtures' agencies keep no books until a test invoices.
            booking.agency_id._minicrm_load_chart()
            action = booking.action_create_invoice()
            invoice = env["account.invoice"].browse(action["res_id"])
            return invoice.id
        invoice_id = self.in_test_cursor(invoice_booking)
        if not invoice_id:
            self.skipTest("the invoices addon is not installed")
        self.login(self.ann_login, PASSWORD)
        url = "/my/bookings/%d" % self.booking_a.id
        self.assertNotIn("o_minicrm_invoice", self.url_open(url).text, "a draft is not shown")

        def validate(env):
            invoice = env["account.invoice"].browse(invoice_id)
            invoice.action_invoice_open()
            return invoice.number
        number = self.in_test_cursor(validate)
        page = self.url_open(url).text
        shown = re.search(r'class="o_minicrm_invoice">(.*?)</dd>', page, re.S)
        self.assertTrue(shown, "the page shows the invoice")
        self.assertIn(number, shown.group(1))
        self.assertIn("250.00", shown.group(1))

        def others_cannot_read_it(env):
            booking = env["minicrm.booking"].sudo(self.staff_b1.id).browse(self.booking_a.id)
            with self.assertRaises(AccessError):
                booking._minicrm_portal_invoice()
        self.in_test_cursor(others_cannot_read_it)
