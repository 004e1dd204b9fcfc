# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import PASSWORD, MinicrmHttpCase

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


@at_install(False)
@post_install(True)
class TestPortalHttp(MinicrmHttpCase):
    """The customer portal over HTTP, as Ann (customer of both agencies)."""

    def setup_http_fixtures(self):
        type(self).ann_in_b = self.create_customer(
            self.staff_b1, "Ann", "Smith", "ann.smith@example.com")
        type(self).booking_ann_b = self.create_booking(
            self.staff_b1, self.ann_in_b, self.company_3, state="confirmed",
            pickup_location="Geneva Airport", dropoff_location="Zermatt")
        type(self).request_ann_a = self.create_booking(
            self.staff_a1, self.customer_a, self.company_1, kind="request",
            pickup_location="<script>alert('x')</script>", dropoff_location="<b>Antibes</b>")
        login = self.customer_a.sudo().minicrm_portal_user_id
        login.write({"password": PASSWORD})
        type(self).ann_login = login.login

    def csrf_token(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return CSRF_RE.search(response.text).group(1)

    def form_login(self, login, password):
        token = self.csrf_token("/web/login")
        return self.url_open("/web/login", data={
            "login": login, "password": password, "csrf_token": token, "redirect": ""})

    def test_login_with_email_in_any_case_lands_on_the_portal(self):
        response = self.form_login("Ann.SMITH@example.com", PASSWORD)
        self.assertNotIn("Wrong login/password", response.text)
        # Odoo 11 answers with a page that redirects customers to /my.
        self.assertIn("/my", response.text)
        home = self.url_open("/my")
        self.assertTrue(home.url.endswith("/my"), home.url)
        self.assertIn('href="/my/bookings"', home.text)

    def test_wrong_password_is_refused(self):
        response = self.form_login(self.ann_login, "not-the-password")
        self.assertIn("Wrong login/password", response.text)

    def test_my_home_counts_bookings_and_requests(self):
        self.login(self.ann_login, PASSWORD)
        text = self.url_open("/my").text
        # Bookings: booking_a, booking_a_company_2, booking_ann_b; one request.
        self.assertRegex(text, r'<span class="badge">3</span>\s*<a href="/my/bookings">')
        self.assertRegex(text, r'<span class="badge">1</span>\s*<a href="/my/requests">')

    def test_my_bookings_lists_exactly_the_users_bookings(self):
        self.login(self.ann_login, PASSWORD)
        response = self.url_open("/my/bookings")
        self.assertEqual(response.status_code, 200)
        listed = set(re.findall(r'href="/my/bookings/(\d+)"', response.text))
        self.assertEqual(listed, {str(self.booking_a.id), str(self.booking_a_company_2.id),
                                  str(self.booking_ann_b.id)})
        self.assertIn("Geneva Airport → Zermatt", response.text)
        self.assertIn(self.company_3.name, response.text)
        self.assertNotIn(self.booking_b.name, response.text)
        requests = self.url_open("/my/requests?sortby=date_asc").text
        self.assertEqual(re.findall(r'href="/my/requests/(\d+)"', requests),
                         [str(self.request_ann_a.id)])

    def test_booking_detail_and_foreign_or_bad_ids(self):
        self.login(self.ann_login, PASSWORD)
        response = self.url_open("/my/bookings/%d" % self.booking_ann_b.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.booking_ann_b.name, response.text)
        self.assertIn(self.agency_b.name, response.text)
        self.assertIn('data-res_model="minicrm.booking"', response.text)
        for url in ("/my/bookings/%d" % self.booking_b.id, "/my/bookings/987654321",
                    "/my/bookings/abc", "/my/requests/%d" % self.booking_b.id):
            response = self.url_open(url)
            self.assertIn(response.status_code, (403, 404), url)
            self.assertNotIn(self.booking_b.name, response.text, url)
            self.assertNotIn("Bob", response.text, url)

    def test_account_needs_no_address_and_updates_every_agency(self):
        self.login(self.ann_login, PASSWORD)
        token = self.csrf_token("/my/account")
        response = self.url_open("/my/account", data={
            "csrf_token": token, "firstname": "Ann", "lastname": "Smith-Jones",
            "email": "ann.smith@example.com", "phone": "+41 79 555 12 12", "mobile": "",
            "lang": "en_US"})
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("alert-danger", response.text)

        def check(env):
            for customer in (self.customer_a, self.ann_in_b):
                customer = env["res.partner"].browse(customer.id)
                self.assertEqual(customer.lastname, "Smith-Jones")
                self.assertEqual(customer.minicrm_phone_digits, "41795551212")
        self.in_test_cursor(check)

    def test_account_refuses_a_bad_email_clearly(self):
        self.login(self.ann_login, PASSWORD)
        token = self.csrf_token("/my/account")
        response = self.url_open("/my/account", data={
            "csrf_token": token, "firstname": "Ann", "lastname": "Smith",
            "email": "not-an-email", "lang": "en_US"})
        self.assertIn("Invalid email address", response.text)
        self.assertEqual(self.in_test_cursor(
            lambda env: env["res.partner"].browse(self.customer_a.id).email),
            "ann.smith@example.com")

    def test_forgotten_password_from_the_login_page_queues_a_mail(self):
        token = self.csrf_token("/web/reset_password")
        response = self.url_open("/web/reset_password", data={
            "login": "ANN.smith@example.com", "csrf_token": token})
        self.assertIn("An email has been sent", response.text)
        mails = self.in_test_cursor(lambda env: env["mail.mail"].search(
            [("email_to", "=", "ann.smith@example.com"),
             ("subject", "=", "Password reset")]).mapped("state"))
        self.assertEqual(mails, ["outgoing"])

    def test_html_in_booking_details_is_escaped(self):
        self.login(self.ann_login, PASSWORD)
        for url in ("/my/requests", "/my/requests/%d" % self.request_ann_a.id):
            text = self.url_open(url).text
            self.assertIn("&lt;script&gt;alert(", text, url)
            self.assertNotIn("<script>alert(", text, url)
            self.assertNotIn("<b>Antibes</b>", text, url)
