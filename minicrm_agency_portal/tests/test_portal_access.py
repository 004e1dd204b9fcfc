# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from odoo.addons.minicrm_agency.tests.common import MinicrmCase

INVITATION_SUBJECT = "Your bookings online"


class TestPortalAccess(MinicrmCase):
    """Portal logins of end users, granted and reset by staff, as staff."""

    def outgoing_mails(self, email):
        return self.env["mail.mail"].search([("email_to", "=", email)])

    def test_end_user_gets_a_portal_login_and_a_queued_invitation(self):
        user = self.customer_a.sudo().minicrm_portal_user_id
        self.assertEqual(user.login, "ann.smith@example.com")
        self.assertTrue(user.share)
        self.assertEqual(user.groups_id, self.env.ref("base.group_portal"))
        mails = self.outgoing_mails("ann.smith@example.com")
        self.assertEqual(len(mails), 1)
        self.assertIn(INVITATION_SUBJECT, mails.subject)
        self.assertIn("token=%s" % user.signup_token, mails.body_html)
        # Queued for the mail cron, not sent inside the transaction.
        self.assertEqual(mails.state, "outgoing")

    def test_request_user_gets_no_login_until_promoted(self):
        customer = self.create_customer(self.staff_a1, "Rita", "Request", "rita@example.com",
                                        customer_state="request")
        self.assertFalse(customer.sudo().minicrm_portal_user_id)
        self.assertFalse(self.env["res.users"].search([("login", "=", "rita@example.com")]))
        customer.sudo(self.staff_a1).action_make_end_user()
        self.assertEqual(customer.sudo().minicrm_portal_user_id.login, "rita@example.com")
        self.assertEqual(len(self.outgoing_mails("rita@example.com")), 1)

    def test_same_email_in_two_agencies_shares_one_login(self):
        in_b = self.create_customer(self.staff_b1, "Ann", "Smith", "Ann.Smith@Example.COM")
        self.assertEqual(in_b.sudo().minicrm_portal_user_id,
                         self.customer_a.sudo().minicrm_portal_user_id)
        self.assertEqual(self.env["res.users"].search_count(
            [("login", "=ilike", "ann.smith@example.com")]), 1)
        # One invitation: the second agency reuses the login silently.
        self.assertEqual(len(self.outgoing_mails("ann.smith@example.com")), 1)

    def test_login_is_lowercased_whatever_the_case_typed(self):
        customer = self.create_customer(self.staff_a1, "Carl", "Case", "Carl.CASE@Example.org")
        self.assertEqual(customer.sudo().minicrm_portal_user_id.login, "carl.case@example.org")

    def test_staff_email_gets_no_login_and_looks_like_any_other_to_staff(self):
        staff_email = self.staff_b1.email
        customer = self.create_customer(self.staff_a1, "Sam", "Staff", staff_email)
        self.assertTrue(customer.exists())
        # No login, no token: nobody takes the staff account over.
        self.assertFalse(customer.sudo().minicrm_portal_user_id)
        self.assertTrue(customer.sudo().minicrm_portal_withheld)
        self.assertFalse(self.staff_b1.share)
        self.assertFalse(self.staff_b1.partner_id.signup_token)
        self.assertFalse(self.outgoing_mails(staff_email))
        # Staff see what any customer with portal access shows.
        as_staff = customer.sudo(self.staff_a1)
        self.assertTrue(as_staff.minicrm_has_portal_login)
        self.assertFalse(as_staff.minicrm_portal_warning)
        with self.assertRaises(AccessError):
            as_staff.read(["minicrm_portal_withheld"])
        as_staff.action_minicrm_grant_portal()
        as_staff.action_minicrm_reset_password()
        self.assertIn("Password reset email sent to %s" % staff_email,
                      customer.message_ids[0].body)
        notice = self.outgoing_mails(staff_email)
        self.assertEqual(len(notice), 1)
        self.assertNotIn("token", notice.body_html)
        self.assertFalse(self.staff_b1.partner_id.signup_token)
        # A new address: a real login, the flag gone.
        as_staff.write({"email": "sam.own@example.com"})
        self.assertEqual(customer.sudo().minicrm_portal_user_id.login, "sam.own@example.com")
        self.assertFalse(customer.sudo().minicrm_portal_withheld)

    def test_reset_password_queues_a_mail_and_hides_the_token(self):
        customer = self.customer_a.sudo(self.staff_a1)
        customer.action_minicrm_reset_password()
        mails = self.outgoing_mails("ann.smith@example.com").filtered(
            lambda mail: mail.subject.startswith("Password reset"))
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.state, "outgoing")
        login = customer.sudo().minicrm_portal_user_id
        self.assertTrue(login.signup_token)
        for field in ("signup_token", "signup_url"):
            with self.assertRaises(AccessError):
                login.sudo(self.staff_a1).read([field])
            with self.assertRaises(AccessError):
                customer.read([field])

    def test_reset_password_without_login_is_a_clear_error(self):
        customer = self.create_customer(self.staff_a1, "Nora", "Nomail", False)
        with self.assertRaisesRegex(UserError, "no portal access"):
            customer.sudo(self.staff_a1).action_minicrm_reset_password()

    def test_revoke_keeps_the_login_used_by_another_agency(self):
        in_b = self.create_customer(self.staff_b1, "Ann", "Smith", "ann.smith@example.com")
        login = in_b.sudo().minicrm_portal_user_id
        self.customer_a.sudo(self.staff_a1).action_minicrm_revoke_portal()
        self.assertFalse(self.customer_a.sudo().minicrm_portal_user_id)
        self.assertTrue(login.active)
        in_b.sudo(self.staff_b1).action_minicrm_revoke_portal()
        self.assertFalse(login.active)
        self.customer_a.sudo(self.staff_a1).action_minicrm_grant_portal()
        self.assertEqual(self.customer_a.sudo().minicrm_portal_user_id, login)
        self.assertTrue(login.active)

    def test_staff_cannot_write_the_portal_link(self):
        other_login = self.customer_b.sudo().minicrm_portal_user_id
        with self.assertRaises(AccessError):
            self.customer_a.sudo(self.staff_a1).write({"minicrm_portal_user_id": other_login.id})

    def test_staff_see_neither_login_contacts_nor_logins(self):
        partners = self.as_user(self.staff_a1, "res.partner").search(
            [("email", "=ilike", "ann.smith@example.com")])
        self.assertEqual(partners, self.customer_a)
        self.assertFalse(self.as_user(self.staff_a1, "res.users").search([("share", "=", True)]))
        # The customer form says whether there is a login, not whose it is:
        # a login shared with another agency carries that agency's spelling.
        with self.assertRaises(AccessError):
            self.customer_a.sudo(self.staff_a1).read(["minicrm_portal_user_id"])
        value = self.customer_a.sudo(self.staff_a1).read(["minicrm_has_portal_login"])
        self.assertTrue(value[0]["minicrm_has_portal_login"])
