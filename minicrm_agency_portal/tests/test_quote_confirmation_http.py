# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import NEXT_YEAR, PASSWORD, MinicrmAttackCase

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
MAIN_RE = re.compile(r"<main>(.*)</main>", re.S)
LINK_RE = re.compile(r'href="https?://[^"/]+(/quote/confirm/[A-Za-z0-9_-]+)"')
CHECK_MAIL = "Check your mailbox"
THANKS = "Your request was sent to Test Agency A"
ANN = "ann.smith@example.com"
SUBJECT = "Please confirm your quote request"


@at_install(False)
@post_install(True)
class TestQuoteConfirmationHttp(MinicrmAttackCase):
    """A request from the public quote page reaches a customer's record only
    once the owner of its email confirms it through the link mailed to that
    address, and the page does the same work whoever the email belongs to;
    a logged-in customer needs no confirmation. No ERROR may be logged
    (MinicrmAttackCase)."""

    def setup_http_fixtures(self):
        self.agency_a.write({"tz": "Europe/Paris"})
        type(self).url = "/quote/%s" % self.agency_a.quote_slug

    def post(self, **changes):
        data = {
            "firstname": "Mallory", "lastname": "Impostor", "email": "vera@example.com",
            "phone": "+33 7 00 00 00 01", "pickup_location": "Nice Airport",
            "dropoff_location": "Monaco", "pickup_datetime": "%d-07-01T10:00" % NEXT_YEAR,
            "dropoff_datetime": "", "passengers": "2",
            "rental_company_id": str(self.company_1.id), "notes": "", "company_website": ""}
        data.update(changes)
        data["csrf_token"] = CSRF_RE.search(self.url_open(self.url).text).group(1)
        return self.url_open(self.url, data=data)

    def requests_on(self, email):
        """Requests of the agency's customer with this email, and messages
        that told staff about a new one."""
        def count(env):
            requests = env["minicrm.booking"].search([
                ("kind", "=", "request"), ("customer_id.email", "=", email)])
            told = env["mail.message"].search_count([
                ("model", "=", "minicrm.booking"), ("res_id", "in", requests.ids),
                ("body", "like", "New quote request")])
            return len(requests), told
        return self.in_test_cursor(count)

    def confirmation_link(self, email):
        def find(env):
            mails = env["mail.mail"].search([("email_to", "=", email),
                                             ("subject", "like", SUBJECT)])
            return [LINK_RE.search(mail.body_html).group(1) for mail in mails]
        links = self.in_test_cursor(find)
        self.assertEqual(len(links), 1, links)
        return links[0]

    def unconfirmed_seen_by(self, user):
        return self.in_test_cursor(lambda env: env["minicrm.quote.unconfirmed"].sudo(
            user.id).search([]).mapped("email"))

    def test_a_visitor_with_a_customers_email_reaches_the_customer_only_once_confirmed(self):
        response = self.post(email=ANN)
        self.assertEqual(response.status_code, 200)
        self.assertIn(CHECK_MAIL, response.text)
        # Not on Ann's record, staff not told "from Ann Smith".
        self.assertEqual(self.requests_on(ANN), (0, 0))
        # Agency A's staff see it, unconfirmed; agency B's do not.
        self.assertEqual(self.unconfirmed_seen_by(self.staff_a1), [ANN])
        self.assertEqual(self.unconfirmed_seen_by(self.staff_b1), [])

        def check_mail(env):
            mail = env["mail.mail"].search([("email_to", "=", ANN), ("subject", "like", SUBJECT)])
            self.assertEqual((mail.state, mail.model, mail.author_id.id),
                             ("outgoing", False, False))
            self.assertIn("Test Agency A", mail.email_from)
            # Staff cannot read the link: the mail and its message are no
            # document's and have no author.
            self.assertFalse(env["mail.mail"].sudo(self.staff_a1.id).search(
                [("email_to", "=", ANN), ("subject", "like", SUBJECT)]))
            self.assertFalse(env["mail.message"].sudo(self.staff_a1.id).search(
                [("id", "=", mail.mail_message_id.id)]))
        self.in_test_cursor(check_mail)

        link = self.confirmation_link(ANN)
        page = self.url_open(link)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Confirm your request to Test Agency A", page.text)
        # Seeing the page confirms nothing (mail scanners open links).
        self.assertEqual(self.requests_on(ANN), (0, 0))
        response = self.url_open(link, data={
            "csrf_token": CSRF_RE.search(page.text).group(1)})
        self.assertIn(THANKS, response.text)
        self.assertEqual(self.requests_on(ANN), (1, 1))

        def check_request(env):
            request = env["minicrm.booking"].search([
                ("kind", "=", "request"), ("customer_id.email", "=", ANN)])
            self.assertEqual(request.customer_id.id, self.customer_a.id)
            self.assertEqual((request.contact_firstname, request.contact_phone),
                             ("Mallory", "+33 7 00 00 00 01"))
            self.assertEqual(request.pickup_datetime, "%d-07-01 08:00:00" % NEXT_YEAR)
            self.assertFalse(env["minicrm.quote.unconfirmed"].search([]))
        self.in_test_cursor(check_request)
        # The link works once.
        self.assertEqual(self.url_open(link).status_code, 404)

    def test_known_and_unknown_emails_run_the_same_queries_and_get_the_same_page(self):
        test_cr = self.registry.test_cr
        self.post(email="warm.up@example.com")
        pages, queries = {}, {}
        for email in (ANN, "nobody.known@example.com"):
            data = {
                "firstname": "Mallory", "lastname": "Impostor", "email": email,
                "pickup_location": "Nice Airport", "dropoff_location": "Monaco",
                "pickup_datetime": "%d-07-01T10:00" % NEXT_YEAR, "passengers": "2",
                "rental_company_id": str(self.company_1.id),
                "csrf_token": CSRF_RE.search(self.url_open(self.url).text).group(1)}
            before = test_cr.sql_log_count
            response = self.url_open(self.url, data=data)
            queries[email] = test_cr.sql_log_count - before
            pages[email] = MAIN_RE.search(response.text).group(1).replace(email, "EMAIL")
        self.assertEqual(queries[ANN], queries["nobody.known@example.com"], queries)
        self.assertEqual(pages[ANN], pages["nobody.known@example.com"])
        self.assertIn(CHECK_MAIL, pages[ANN])
        self.assertEqual(sorted(self.unconfirmed_seen_by(self.staff_a1)),
                         sorted([ANN, "nobody.known@example.com", "warm.up@example.com"]))
        # No customer was made or touched before a confirmation.
        self.assertFalse(self.in_test_cursor(lambda env: env["res.partner"].search(
            [("email", "in", ["nobody.known@example.com", "warm.up@example.com"])])))

    def test_a_logged_in_customer_needs_no_confirmation_for_their_own_email(self):
        login = self.in_test_cursor(
            lambda env: env["res.partner"].browse(self.customer_a.id).minicrm_portal_user_id)
        self.in_test_cursor(lambda env: env["res.users"].browse(login.id).write(
            {"password": PASSWORD}))
        self.login(ANN, PASSWORD)
        response = self.post(email=ANN.upper(), firstname="Ann", lastname="Smith")
        self.assertIn(THANKS, response.text)
        self.assertEqual(self.requests_on(ANN), (1, 1))
        self.assertFalse(self.in_test_cursor(
            lambda env: env["mail.mail"].search([("email_to", "=", ANN),
                                                 ("subject", "like", SUBJECT)])))
        # Another person's email, even logged in: a confirmation first.
        response = self.post(email="bob.brown@example.com")
        self.assertIn(CHECK_MAIL, response.text)
        self.assertEqual(self.requests_on("bob.brown@example.com"), (0, 0))

    def test_unknown_forged_and_odd_links_are_404(self):
        # (NUL bytes in any path answer 500 in Odoo 11's 404 fallback:
        # issue 25 item 4, the route fuzzing, covers them.)
        for token in ("x" * 43, "short", "A" * 500, "%ED%A0%80" * 10):
            response = self.url_open("/quote/confirm/%s" % token)
            self.assertEqual(response.status_code, 404, token)
        self.post(email=ANN)
        link = self.confirmation_link(ANN)
        # A POST needs the CSRF token of the visitor's session.
        self.assertEqual(self.url_open(link, data={"csrf_token": "forged"}).status_code, 400)
        self.assertEqual(self.requests_on(ANN), (0, 0))
