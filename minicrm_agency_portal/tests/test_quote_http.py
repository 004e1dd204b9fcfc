# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import NEXT_YEAR, PASSWORD, MinicrmAttackCase

from ..models.minicrm_quote_attempt import QUOTE_ATTEMPTS_PER_HOUR

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
MAIN_RE = re.compile(r"<main>(.*)</main>", re.S)
THANKS = "Your request was sent to Test Agency A"
CHECK_MAIL = "Check your mailbox"
LINK_RE = re.compile(r'href="https?://[^"/]+(/quote/confirm/[A-Za-z0-9_-]+)"')


@at_install(False)
@post_install(True)
class TestQuoteHttp(MinicrmAttackCase):
    """The public "Request a quote" page of agency A, as a visitor, and the
    abuse it must survive; no ERROR may be logged (MinicrmAttackCase)."""

    def setup_http_fixtures(self):
        self.agency_a.write({"tz": "Europe/Paris"})
        type(self).url = "/quote/%s" % self.agency_a.quote_slug

    def form(self, **changes):
        values = {
            "firstname": "Vera", "lastname": "Visitor", "email": "vera@example.com",
            "phone": "", "pickup_location": "Nice Airport", "dropoff_location": "Monaco",
            "pickup_datetime": "%d-07-01T10:00" % NEXT_YEAR, "dropoff_datetime": "",
            "passengers": "2", "rental_company_id": str(self.company_1.id), "notes": "",
            "company_website": ""}
        values.update(changes)
        return values

    def post(self, token=True, **changes):
        data = self.form(**changes)
        if token:
            data["csrf_token"] = CSRF_RE.search(self.url_open(self.url).text).group(1)
        return self.url_open(self.url, data=data)

    def requests_of(self, email):
        return self.in_test_cursor(lambda env: env["minicrm.booking"].search_count(
            [("kind", "=", "request"), ("contact_email", "=", email)]))

    def unconfirmed_of(self, email):
        return self.in_test_cursor(lambda env: env["minicrm.quote.unconfirmed"].search_count(
            [("email", "=", email)]))

    def test_the_page_shows_the_form_and_unknown_agencies_are_404(self):
        response = self.url_open(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Request a quote from Test Agency A", response.text)
        self.assertIn('name="csrf_token"', response.text)
        self.assertIn('name="company_website"', response.text)
        for company in (self.company_1, self.company_2):
            self.assertIn('<option value="%d"' % company.id, response.text)
        self.assertNotIn(self.company_3.name, response.text)
        self.assertEqual(self.url_open("/quote/no-such-agency").status_code, 404)

    def test_a_visitor_sends_a_request_and_a_customer_gets_the_same_answer(self):
        new = self.post()
        known = self.post(email="ann.smith@example.com")
        self.assertEqual(new.status_code, 200)
        self.assertIn(CHECK_MAIL, new.text)
        # The same page: nothing tells whether the email is a customer.
        self.assertEqual(MAIN_RE.search(new.text).group(1).replace("vera@example.com", "@"),
                         MAIN_RE.search(known.text).group(1).replace("ann.smith@example.com", "@"))
        # Both wait for their confirmation link (test_quote_confirmation_http).
        self.assertEqual(self.requests_of("vera@example.com"), 0)
        self.assertEqual(self.requests_of("ann.smith@example.com"), 0)
        self.assertEqual(self.unconfirmed_of("vera@example.com"), 1)
        self.assertEqual(self.unconfirmed_of("ann.smith@example.com"), 1)

        def confirm_link(env):
            mail = env["mail.mail"].search([("email_to", "=", "vera@example.com")])
            return LINK_RE.search(mail.body_html).group(1)
        link = self.in_test_cursor(confirm_link)
        page = self.url_open(link).text
        confirmed = self.url_open(link, data={"csrf_token": CSRF_RE.search(page).group(1)})
        self.assertIn(THANKS, confirmed.text)

        def check(env):
            request = env["minicrm.booking"].search([("contact_email", "=", "vera@example.com")])
            self.assertEqual(request.customer_id.customer_state, "request")
            self.assertEqual(request.agency_id, self.agency_a)
            self.assertEqual(request.pickup_datetime, "%d-07-01 08:00:00" % NEXT_YEAR)
        self.in_test_cursor(check)

    def test_the_honeypot_pretends_success_and_creates_nothing(self):
        response = self.post(company_website="http://spam.example")
        self.assertIn(CHECK_MAIL, response.text)
        self.assertEqual(self.requests_of("vera@example.com"), 0)
        self.assertEqual(self.unconfirmed_of("vera@example.com"), 0)

    def test_the_rate_limit_stops_a_flood_with_a_clear_message(self):
        for number in range(QUOTE_ATTEMPTS_PER_HOUR):
            self.assertIn(CHECK_MAIL, self.post(email="flood%d@example.com" % number).text)
        response = self.post(email="one.more@example.com")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Too many quote requests", response.text)
        self.assertEqual(self.unconfirmed_of("one.more@example.com"), 0)

    def test_a_post_without_csrf_token_is_refused(self):
        response = self.post(token=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.requests_of("vera@example.com"), 0)

    def test_oversized_and_hostile_input_is_refused_and_escaped(self):
        response = self.post(notes="x" * 50000)
        self.assertEqual(response.status_code, 200)
        self.assertIn("too long", response.text)
        response = self.post(firstname="<script>alert(1)</script>",
                             pickup_datetime="2001-01-01T10:00")
        self.assertIn("The pickup time must be in the future", response.text)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", response.text)
        self.assertNotIn("<script>alert(1)", response.text)
        response = self.post(rental_company_id=str(self.company_3.id))
        self.assertIn("choose one of the rental companies", response.text)
        response = self.post(passengers="-5")
        self.assertIn("between 1 and", response.text)
        self.assertEqual(self.requests_of("vera@example.com"), 0)
        self.assertEqual(self.unconfirmed_of("vera@example.com"), 0)


@at_install(False)
@post_install(True)
class TestQuoteAnswerHttp(MinicrmAttackCase):
    """Ann answers a quote on the portal: POST with the CSRF token only, on
    her own quoted requests only."""

    def setup_http_fixtures(self):
        type(self).quote = self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                               kind="request", amount=137.5)
        self.quote.sudo(self.staff_a1).action_send_quote()
        type(self).quote_bob = self.create_booking(self.staff_b1, self.customer_b,
                                                   self.company_1, kind="request", amount=90.0)
        self.quote_bob.sudo(self.staff_b1).action_send_quote()
        login = self.customer_a.sudo().minicrm_portal_user_id
        login.write({"password": PASSWORD})
        type(self).ann_login = login.login

    def answer(self, booking, action, token=True):
        # Any page of the session gives its token (an answered request's
        # page has no form left; /my fails for employees without Billing
        # rights once accounting is installed, as in Odoo 11).
        slug = self.in_test_cursor(
            lambda env: env["minicrm.agency"].browse(self.agency_a.id).quote_slug)
        page = self.url_open("/quote/%s" % slug).text
        data = {"csrf_token": CSRF_RE.search(page).group(1) if token else ""}
        return self.url_open("/my/requests/%d/%s" % (booking.id, action), data=data)

    def state_of(self, booking):
        return self.in_test_cursor(
            lambda env: env["minicrm.booking"].browse(booking.id).state)

    def test_a_quoted_request_shows_accept_and_decline(self):
        self.login(self.ann_login, PASSWORD)
        page = self.url_open("/my/requests/%d" % self.quote.id).text
        for action in ("accept", "decline"):
            self.assertRegex(page, r'<form method="post"[^>]* action="/my/requests/%d/%s">'
                             % (self.quote.id, action))
        listing = self.url_open("/my/requests").text
        self.assertIn('<td class="o_minicrm_agency">Test Agency A</td>', listing)

    def test_accepting_makes_a_draft_booking_for_staff_to_confirm(self):
        self.login(self.ann_login, PASSWORD)
        response = self.answer(self.quote, "accept")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.url.endswith("/my/requests/%d" % self.quote.id), response.url)
        self.assertIn("You accepted the quote", response.text)

        def check(env):
            quote = env["minicrm.booking"].browse(self.quote.id)
            self.assertEqual(quote.state, "accepted")
            booking = env["minicrm.booking"].search([("request_id", "=", quote.id)])
            self.assertEqual((booking.kind, booking.state), ("booking", "draft"))
            self.assertIn("accepted the quote", quote.message_ids[0].body)
        self.in_test_cursor(check)
        # Twice is refused in plain words, nothing more is made.
        response = self.answer(self.quote, "accept")
        self.assertIn("not waiting for your answer", response.text)

    def test_declining_cancels_the_request(self):
        self.login(self.ann_login, PASSWORD)
        self.answer(self.quote, "decline")
        self.assertEqual(self.state_of(self.quote), "cancel")

    def test_get_bad_csrf_and_other_customers_requests_are_refused(self):
        self.login(self.ann_login, PASSWORD)
        self.assertEqual(self.url_open("/my/requests/%d/accept" % self.quote.id).status_code,
                         405)
        self.assertEqual(self.answer(self.quote, "accept", token=False).status_code, 400)
        for action in ("accept", "decline"):
            response = self.answer(self.quote_bob, action)
            self.assertEqual(response.status_code, 404)
            self.assertNotIn("Bob", response.text)
        self.assertEqual(self.state_of(self.quote), "quoted")
        self.assertEqual(self.state_of(self.quote_bob), "quoted")

    def test_staff_cannot_answer_for_the_customer(self):
        self.login("staff_a1", PASSWORD)
        self.assertEqual(self.answer(self.quote, "accept").status_code, 404)
        self.assertEqual(self.state_of(self.quote), "quoted")

    def test_account_offers_the_agency_time_zone_and_saves_one(self):
        def login_of_no_time_zone(env):
            env["minicrm.agency"].browse(self.agency_a.id).write({"tz": "Europe/Paris"})
            # Logins get their agency's time zone when made; this one has none.
            env["res.users"].search([("login", "=", self.ann_login)]).partner_id.write(
                {"tz": False})
        self.in_test_cursor(login_of_no_time_zone)
        self.login(self.ann_login, PASSWORD)
        page = self.url_open("/my/account").text
        self.assertIn('<option value="Europe/Paris" selected="True">', page)
        response = self.url_open("/my/account", data={
            "csrf_token": CSRF_RE.search(page).group(1), "firstname": "Ann", "lastname": "Smith",
            "email": "ann.smith@example.com", "lang": "en_US", "tz": "America/New_York"})
        self.assertNotIn("alert-danger", response.text)

        def saved_tz(env):
            env["res.users"].invalidate_cache()
            env["res.partner"].invalidate_cache()
            return env["res.users"].search([("login", "=", self.ann_login)]).tz
        self.assertEqual(self.in_test_cursor(saved_tz), "America/New_York")
