# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, SavepointCase, at_install, post_install

PLACEHOLDERS = ("YourCompany", "yourcompany.example.com")
OPERATOR = "Mini-CRM Travel Network <hello@minicrm.example>"


@at_install(False)
@post_install(True)
class TestOperatorSenderDemo(SavepointCase):
    """On the demo: what concerns a customer of two agencies comes from the
    operator (the main company), never Odoo's placeholder company."""

    def test_a_reset_for_a_customer_of_two_agencies_comes_from_the_operator(self):
        anna = self.env.ref("minicrm_agency.demo_user_anna")
        claire = self.env.ref("minicrm_agency.demo_customer_01")
        self.assertEqual(len(claire.sudo().minicrm_portal_user_id.minicrm_customer_ids), 2)
        claire.sudo(anna).action_minicrm_reset_password()
        mail = self.env["mail.mail"].search([("email_to", "=", "claire.martin@example.com")],
                                            order="id desc", limit=1)
        self.assertEqual(mail.email_from, OPERATOR)
        for text in PLACEHOLDERS:
            for value in (mail.email_from, mail.reply_to, mail.subject, mail.body_html):
                self.assertNotIn(text, value or "")

    def test_the_login_page_logo_is_the_operators(self):
        company = self.env.ref("base.main_company")
        # A company made now gets Odoo's "Your logo" placeholder.
        placeholder = self.env["res.company"].create({"name": "Test placeholder company"})
        self.assertTrue(company.logo_web)
        self.assertNotEqual(company.logo_web, placeholder.logo_web)


@at_install(False)
@post_install(True)
class TestLoginPagesHttp(HttpCase):
    """The login page, and the pages the invitation and reset links open,
    show no database manager link (the server lists no databases)."""

    def test_no_database_manager_link_on_the_customers_pages(self):
        # The invitation's link (HTTP requests see the test cursor's data).
        with self.registry.cursor() as cr:
            claire = api.Environment(cr, SUPERUSER_ID, {}).ref(
                "minicrm_agency_portal.demo_portal_contact_claire")
            claire.signup_prepare()
            token = claire.signup_token
        for url in ("/web/login", "/web/reset_password", "/web/signup?token=%s" % token):
            response = self.url_open(url, timeout=60)
            self.assertEqual(response.status_code, 200, url)
            self.assertNotIn("/web/database/manager", response.text, url)
