# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import (
    PASSWORD, REQUESTS_ACTION, MinicrmAttackCase)

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
# The amount as the portal's monetary widget prints it, in en_US.
AMOUNT_RE = r'<span class="oe_currency_value">137\.50</span>'


@at_install(False)
@post_install(True)
class TestQuotePriceHttp(MinicrmAttackCase):
    """Staff A1 sends Ann a quote of 137.50 from Mini-CRM › Requests; Ann
    sees the price and the agency's message on the request's portal page,
    and accepts that price (POST with the CSRF token)."""

    def setup_http_fixtures(self):
        request = self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                      kind="request", amount=137.5)
        request.sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, REQUESTS_ACTION)).action_send_quote()
        type(self).quote = request
        login = self.customer_a.sudo().minicrm_portal_user_id
        login.write({"password": PASSWORD})
        type(self).ann_login = login.login

    def test_the_request_page_shows_the_price_and_accept_names_it(self):
        self.login(self.ann_login, PASSWORD)
        page = self.url_open("/my/requests/%d" % self.quote.id).text
        banner = re.search(r'<div class="alert alert-info o_minicrm_quote_answer">(.*?)</form>',
                           page, re.S).group(1)
        symbol = self.in_test_cursor(
            lambda env: env["minicrm.agency"].browse(self.agency_a.id).currency_id.symbol)
        self.assertRegex(banner, r"has sent you a quote for this trip:\s*<strong[^>]*>[^<]*"
                         + AMOUNT_RE)
        self.assertIn(symbol, banner)
        accept = re.search(r'<button type="submit" class="btn btn-primary o_minicrm_accept">'
                           r'(.*?)</button>', page, re.S).group(1)
        self.assertIn("Accept the quote of", accept)
        self.assertRegex(accept, AMOUNT_RE)
        self.assertIn(symbol, accept)

    def test_the_agencys_message_is_on_the_request_page(self):
        self.login(self.ann_login, PASSWORD)
        answer = self.json_call("/mail/chatter_init", {
            "res_model": "minicrm.booking", "res_id": self.quote.id})
        bodies = [message["body"] for message in self.result(answer)["messages"]]
        self.assertTrue(any("sends you a quote for your trip" in body and "137.50" in body
                            for body in bodies), bodies)

    def test_accepting_names_the_price_on_the_request(self):
        self.login(self.ann_login, PASSWORD)
        page = self.url_open("/my/requests/%d" % self.quote.id).text
        response = self.url_open("/my/requests/%d/accept" % self.quote.id, data={
            "csrf_token": CSRF_RE.search(page).group(1)})
        self.assertEqual(response.status_code, 200)
        self.assertIn("You accepted the quote", response.text)

        def check(env):
            quote = env["minicrm.booking"].browse(self.quote.id)
            self.assertEqual(quote.state, "accepted")
            self.assertIn("accepted the quote of", quote.message_ids[0].body)
            self.assertIn("137.50", quote.message_ids[0].body)
            booking = env["minicrm.booking"].search([("request_id", "=", quote.id)])
            self.assertEqual(booking.amount, 137.5)
        self.in_test_cursor(check)

    def test_staff_are_told_of_the_answer_by_the_agency_in_plain_words(self):
        self.in_test_cursor(lambda env: env["res.users"].browse(self.staff_a1.id).write(
            {"notification_type": "email"}))
        self.login(self.ann_login, PASSWORD)
        page = self.url_open("/my/requests/%d" % self.quote.id).text
        self.url_open("/my/requests/%d/accept" % self.quote.id, data={
            "csrf_token": CSRF_RE.search(page).group(1)})

        def check(env):
            quote = env["minicrm.booking"].browse(self.quote.id)
            mail = env["mail.mail"].search([("mail_message_id", "=", quote.message_ids[0].id)])
            self.assertIn(env["res.users"].browse(self.staff_a1.id).partner_id,
                          mail.mapped("recipient_ids"))
            for one in mail:
                self.assertEqual(one.subject, "Ann Smith accepted the quote %s" % quote.name)
                self.assertIn("Test Agency A", one.email_from)
                self.assertNotIn("Administrator", one.email_from)
        self.in_test_cursor(check)
