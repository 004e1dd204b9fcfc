# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customers' portal logins and invitations, on the paths the web client
takes: with the context of the menu's action and of the form's fields, as
the staff user. Every path of minicrm_agency's test_real_path runs again
here, with the portal installed, and checks the login it gives too."""
from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests import test_real_path
from odoo.addons.minicrm_agency.tests.common import CUSTOMERS_ACTION

INVITATION_SUBJECT = "Your bookings online"


@at_install(False)
@post_install(True)
class TestPortalRealPath(test_real_path.TestRealPath):

    def mails_to(self, email):
        return self.env["mail.mail"].search([("email_to", "=", email)])

    def customer_with(self, email):
        """The customer record with ``email`` (not its login's contact)."""
        return self.env["res.partner"].search(
            [("email", "=", email), ("customer_state", "!=", False)])

    def assert_customer(self, customer, agency, email):
        """An end user with an email has a login on that email, whose
        contact is no customer of any agency."""
        super(TestPortalRealPath, self).assert_customer(customer, agency, email)
        login = customer.sudo().minicrm_portal_user_id
        self.assertEqual(login.login, email)
        self.assertFalse(login.partner_id.customer_state, "the login's contact is no customer")
        self.assertFalse(login.partner_id.minicrm_agency_id)

    def test_customers_menu_create_with_email(self):
        super(TestPortalRealPath, self).test_customers_menu_create_with_email()
        self.assertEqual(len(self.mails_to("nina.menu@example.com")), 1)

    def test_create_and_edit_from_a_request_customer_field_makes_a_request_user(self):
        super(TestPortalRealPath, self).\
            test_create_and_edit_from_a_request_customer_field_makes_a_request_user()
        customer = self.customer_with("rey@example.com")
        self.assertFalse(customer.minicrm_has_portal_login)

    def test_staff_without_email_creates_customer_with_email(self):
        super(TestPortalRealPath, self).test_staff_without_email_creates_customer_with_email()
        customer = self.customer_with("ed@example.com")
        customer.sudo(self.staff_no_email).action_minicrm_reset_password()
        self.assertEqual(len(self.mails_to("ed@example.com")), 2)

    def test_customer_names_read_first_last_whatever_the_database_order(self):
        super(TestPortalRealPath, self).\
            test_customer_names_read_first_last_whatever_the_database_order()
        customer = self.customer_with("cm@example.com")
        self.assertEqual(customer.sudo().minicrm_portal_user_id.name, "Claire Martin")

    def test_grant_portal_access_button(self):
        customer = self.create_customer(self.staff_a1, "Gus", "Grant", False)
        form = customer.sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, CUSTOMERS_ACTION))
        form.write({"email": "gus@example.com"})
        form.action_minicrm_revoke_portal()
        self.assertFalse(customer.sudo().minicrm_portal_user_id)
        form.action_minicrm_grant_portal()
        self.assert_customer(customer, self.agency_a, "gus@example.com")

    def test_invitation_comes_from_the_agency_and_names_no_staff(self):
        self.agency_a.email = "desk@agency-a.example"
        customer = self.create_customer(self.staff_a1, "Ivy", "Invite", "ivy@example.com")
        mail = self.mails_to("ivy@example.com")
        self.assertIn(INVITATION_SUBJECT, mail.subject)
        self.assertEqual(mail.email_from, 'Test Agency A <desk@agency-a.example>')
        self.assertFalse(mail.author_id)
        self.assertNotIn(self.staff_a1.email, mail.email_from + (mail.reply_to or ""))
        self.assertTrue(customer.sudo().minicrm_portal_user_id)
