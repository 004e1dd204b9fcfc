# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from werkzeug.urls import url_encode

from odoo.exceptions import ValidationError
from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import PASSWORD, MinicrmCase, MinicrmHttpCase

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
ADDRESS_INPUTS = ('name="street"', 'name="city"', 'name="zipcode"', 'name="country_id"')
LOGIN_INPUTS = ('name="firstname"', 'name="lastname"', 'name="email"', 'name="phone"',
                'name="mobile"', 'name="lang"')


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
                self.assertEqual(customer.phone, "+41 79 555 12 12")
            # The empty mobile erased nothing an agency holds.
            self.assertEqual(env["res.partner"].browse(self.customer_a.id).mobile,
                             "07 11 22 33 44")
        self.fresh(check)

    def test_account_refuses_a_bad_email_clearly(self):
        self.login(self.ann_login, PASSWORD)
        token = self.csrf_token("/my/account")
        response = self.url_open("/my/account", data={
            "csrf_token": token, "firstname": "Ann", "lastname": "Smith",
            "email": "not-an-email", "lang": "en_US"})
        self.assertIn("Invalid email address", response.text)
        self.assertEqual(self.fresh(
            lambda env: env["res.partner"].browse(self.customer_a.id).email),
            "ann.smith@example.com")

    def post_account(self, **values):
        """Ann's /my/account form, sent with her current details but ``values``."""
        self.login(self.ann_login, PASSWORD)
        data = {"firstname": "Ann", "lastname": "Smith", "email": "ann.smith@example.com",
                "phone": "", "mobile": "", "lang": "en_US"}
        data.update(values, csrf_token=self.csrf_token("/my/account"))
        return self.url_open("/my/account", data=data)

    def fresh(self, function):
        """``in_test_cursor``, reading what the requests wrote: the test's
        environment on that cursor may hold values read before them."""
        def fresh_function(env):
            env["res.partner"].invalidate_cache()  # the whole cache
            return function(env)
        return self.in_test_cursor(fresh_function)

    def ann_everywhere(self, env):
        """Ann's login, its contact and her customer record in each agency."""
        user = env["res.users"].search([("login", "=", self.ann_login)])
        customers = env["res.partner"].browse([self.customer_a.id, self.ann_in_b.id])
        return user, user.partner_id | customers

    def test_account_of_a_login_asks_no_address(self):
        self.login(self.ann_login, PASSWORD)
        response = self.url_open("/my/account")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers.get("X-Frame-Options"), "DENY")
        for expected in LOGIN_INPUTS:
            self.assertIn(expected, response.text)
        for unexpected in ADDRESS_INPUTS + ('name="name"', 'name="company_name"'):
            self.assertNotIn(unexpected, response.text)
        self.assertIn('value="Smith"', response.text)

    def test_account_of_a_login_saves_only_a_post_with_its_token(self):
        self.login(self.ann_login, PASSWORD)
        details = {"firstname": "Eve", "lastname": "Smith", "email": "eve@example.com"}
        response = self.url_open("/my/account?" + url_encode(details))
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("alert-danger", response.text)
        forged = self.url_open("/my/account", data=details)
        self.assertEqual(forged.status_code, 400)

        def check(env):
            user, partners = self.ann_everywhere(env)
            self.assertTrue(user)
            self.assertEqual(set(partners.mapped("firstname")), {"Ann"})
        self.fresh(check)

    def test_account_saves_no_get_for_staff_either(self):
        """A link that carries details (no CSRF token) changes nobody's
        email: not a customer's, not a staff member's (Odoo 11 saved it,
        and the login page's reset would then take the account)."""
        # With accounting installed, core's /my pages count invoices, which
        # takes Billing rights: without them Odoo 11 answers an error page to
        # any employee, with or without the Mini-CRM.
        def give_billing_rights(env):
            billing = env.ref("account.group_account_invoice", raise_if_not_found=False)
            if billing:
                env["res.users"].browse(self.staff_b1.id).write(
                    {"groups_id": [(4, billing.id)]})
        self.in_test_cursor(give_billing_rights)
        self.login(self.staff_b1.login, PASSWORD)
        details = {"name": "Bob Staff", "email": "attacker@evil.example", "phone": "1",
                   "street": "x", "city": "y", "country_id": "75"}
        response = self.url_open("/my/account?" + url_encode(details))
        self.assertEqual(response.status_code, 200)

        def check(env):
            self.assertEqual(env["res.users"].browse(self.staff_b1.id).email,
                             "staff_b1@agency.example")
        self.fresh(check)

    def test_account_of_a_portal_user_outside_the_crm_is_cores(self):
        """A shop customer's login (no Mini-CRM contact): core's page,
        address required, and saved."""
        def create_shop_customer(env):
            env["res.users"].with_context(no_reset_password=True).create({
                "name": "Sam Shopper", "login": "sam.shopper@example.com",
                "email": "sam.shopper@example.com", "password": PASSWORD,
                "groups_id": [(6, 0, env.ref("base.group_portal").ids)]})
            return env.ref("base.ch").id
        country_id = self.in_test_cursor(create_shop_customer)
        self.login("sam.shopper@example.com", PASSWORD)
        page = self.url_open("/my/account")
        self.assertEqual(page.headers.get("X-Frame-Options"), "DENY")
        for expected in ADDRESS_INPUTS + ('name="name"',):
            self.assertIn(expected, page.text)
        self.assertNotIn('name="firstname"', page.text)
        data = {"name": "Sam Shopper", "email": "sam.shopper@example.com",
                "phone": "+41 22 555 00 00", "street": "", "city": "Geneva",
                "zipcode": "1201", "country_id": str(country_id),
                "csrf_token": CSRF_RE.search(page.text).group(1)}
        refused = self.url_open("/my/account", data=data)
        self.assertIn("Some required fields are empty.", refused.text)
        data["street"] = "Rue du Rhone 1"
        saved = self.url_open("/my/account", data=data)
        self.assertNotIn("alert-danger", saved.text)

        def check(env):
            user = env["res.users"].search([("login", "=", "sam.shopper@example.com")])
            partner = user.partner_id
            self.assertEqual((partner.street, partner.city, partner.zip, partner.country_id.id),
                             ("Rue du Rhone 1", "Geneva", "1201", country_id))
        self.fresh(check)

    def test_account_moves_the_login_to_the_new_email(self):
        response = self.post_account(email=" Ann.Jones@Example.COM ", lastname="Jones")
        self.assertNotIn("alert-danger", response.text)
        # Still signed in: the new login is also this session's.
        self.assertTrue(self.url_open("/my").url.endswith("/my"))

        def check(env):
            user = env["res.users"].search([("login", "=", "ann.jones@example.com")])
            self.assertTrue(user)
            for partner in self.ann_everywhere(env)[1] | user.partner_id:
                self.assertEqual((partner.email, partner.lastname),
                                 ("ann.jones@example.com", "Jones"))
        self.fresh(check)

    def test_account_refuses_an_email_of_another_account(self):
        response = self.post_account(email="Bob.Brown@example.com", lastname="Jones")
        self.assertEqual(response.status_code, 200)
        self.assertIn("This email address is already used by another account.", response.text)

        def check(env):
            user, partners = self.ann_everywhere(env)
            self.assertEqual(user.login, "ann.smith@example.com")
            self.assertEqual(set(partners.mapped("email")), {"ann.smith@example.com"})
            self.assertEqual(set(partners.mapped("lastname")), {"Smith"})
        self.fresh(check)

    def test_account_refuses_control_characters_and_oversized_values(self):
        response = self.post_account(firstname="A" * 300, lastname="Smith\x07Jones",
                                     phone="+41\x0779", lang="xx_XX", surname="Ann")
        self.assertEqual(response.status_code, 200)
        for message in ("the text is too long (300 characters, at most 256)",
                        "the text contains control characters",
                        "'xx_XX' is not one of the allowed values", "Unknown field: surname"):
            self.assertIn(message, response.text)

        def check(env):
            partners = self.ann_everywhere(env)[1]
            self.assertEqual(set(partners.mapped("firstname")), {"Ann"})
            self.assertEqual(set(partners.mapped("lastname")), {"Smith"})
        self.fresh(check)

    def test_account_with_a_nul_is_a_bad_request_and_saves_nothing(self):
        # No browser sends a NUL: refused at the door (base_access_hardening).
        response = self.post_account(lastname="Jones", phone="+41\x0079")
        self.assertEqual(response.status_code, 400)

        def check(env):
            self.assertEqual(set(self.ann_everywhere(env)[1].mapped("lastname")), {"Smith"})
        self.fresh(check)

    def test_forgotten_password_from_the_login_page_queues_a_mail(self):
        token = self.csrf_token("/web/reset_password")
        response = self.url_open("/web/reset_password", data={
            "login": "ANN.smith@example.com", "csrf_token": token})
        self.assertIn("An email has been sent", response.text)
        mails = self.in_test_cursor(lambda env: env["mail.mail"].search(
            [("email_to", "=", "ann.smith@example.com"),
             ("subject", "=like", "Password reset%")]).mapped("state"))
        self.assertEqual(mails, ["outgoing"])

    def test_html_in_booking_details_is_escaped(self):
        self.login(self.ann_login, PASSWORD)
        for url in ("/my/requests", "/my/requests/%d" % self.request_ann_a.id):
            text = self.url_open(url).text
            self.assertIn("&lt;script&gt;alert(", text, url)
            self.assertNotIn("<script>alert(", text, url)
            self.assertNotIn("<b>Antibes</b>", text, url)


class TestPortalDetailsModel(MinicrmCase):
    """A login contact's details as the model keeps them, as superuser (as
    the portal saves them): the checks hold, the details reach every agency."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.ann_in_b = cls.create_customer(cls.staff_b1, "Ann", "Smith", "ann.smith@example.com")
        cls.login = cls.customer_a.sudo().minicrm_portal_user_id
        cls.contact = cls.login.partner_id.sudo()

    def ann_records(self):
        return self.contact | (self.customer_a | self.ann_in_b).sudo()

    def test_problems_are_found_under_sudo(self):
        problems = self.contact._minicrm_portal_details_problems({
            "firstname": " ", "lastname": "L" * 257, "email": "bob.brown@example.com",
            "phone": "+33\x1b6", "mobile": "", "lang": "en_US"})
        self.assertEqual(set(problems), {"firstname", "lastname", "email", "phone"})
        self.assertIn("already used by another account", problems["email"])
        self.assertFalse(self.contact._minicrm_portal_details_problems({
            "firstname": "Ann", "lastname": "Smith", "email": "ANN.smith@example.com"}))

    def test_bad_details_are_refused_under_sudo_and_nothing_is_written(self):
        for vals in ({"lastname": "Jones", "email": "not-an-email"},
                     {"lastname": "Jones", "email": "bob.brown@example.com"},
                     {"lastname": "Jones", "phone": "x" * 300},
                     {"lastname": "Jones\x00"}, {"firstname": False}):
            with self.assertRaises(ValidationError, msg=vals):
                self.contact.write(vals)
            self.assertEqual(set(self.ann_records().mapped("lastname")), {"Smith"}, vals)
            self.assertEqual(self.login.login, "ann.smith@example.com")

    def test_details_reach_the_login_and_every_agency(self):
        self.contact.write({"lastname": " Jones ", "email": "Ann.Jones@Example.com",
                            "mobile": "+41 79 000 00 00", "zip": ""})
        self.assertEqual(self.login.login, "ann.jones@example.com")
        for partner in self.ann_records():
            self.assertEqual((partner.lastname, partner.email, partner.mobile),
                             ("Jones", "ann.jones@example.com", "+41 79 000 00 00"))
        self.assertEqual(self.customer_a.sudo().minicrm_portal_user_id, self.login)
        self.assertEqual(self.ann_in_b.sudo().minicrm_portal_user_id, self.login)
