# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import HardeningCase


class TestSignupTokens(HardeningCase):
    """A user's signup URL resets their password: only user administrators
    read it; the login page's reset form does not tell which logins exist."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.paula.partner_id.signup_prepare(signup_type="reset")

    def test_employee_cannot_read_or_export_a_users_signup_url(self):
        contact = self.as_user(self.alice, "res.partner").browse(self.paula.partner_id.id)
        self.assertEqual(contact.name, "Paula Portal")
        with self.assertRaises(AccessError):
            contact.read(["signup_url"])
        with self.assertRaises(AccessError):
            contact.export_data(["signup_url"])
        with self.assertRaises(AccessError):
            contact.search([("signup_token", "!=", False)])

    def test_user_administrator_reads_the_signup_url(self):
        admin = self.env.ref("base.user_root")
        url = self.env["res.partner"].sudo(admin).browse(self.paula.partner_id.id).signup_url
        self.assertIn("token=", url)

    def test_reset_form_answers_alike_for_known_and_unknown_logins(self):
        """Core answered "Reset password: invalid username or email" for an
        unknown login (an exception the page shows): now nothing tells them
        apart. A known email is found whatever its case."""
        Users = self.env["res.users"]
        Users.reset_password("nobody-here@example.com")
        Users.reset_password("50%_off@example.com")
        before = self.paula.partner_id.signup_token
        Users.reset_password("HARDENING_PAULA@example.com")
        self.paula.partner_id.invalidate_cache()
        self.assertNotEqual(self.paula.partner_id.signup_token, before)
