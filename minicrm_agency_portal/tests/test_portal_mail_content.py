# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.minicrm_agency.tests.common import MinicrmCase


class TestPortalMailContent(MinicrmCase):
    """What customers type is text in the mails they receive."""

    def test_html_in_names_is_escaped_in_the_invitation(self):
        self.create_customer(self.staff_a1, "<script>alert(1)</script>", "<b>Bold</b>",
                             "xss@example.com")
        mail = self.env["mail.mail"].search([("email_to", "=", "xss@example.com")])
        self.assertEqual(len(mail), 1)
        self.assertIn("&lt;script&gt;", mail.body_html)
        self.assertNotIn("<script>", mail.body_html)
