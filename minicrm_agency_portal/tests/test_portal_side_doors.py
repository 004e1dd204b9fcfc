# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.minicrm_agency.tests import test_security_side_doors
from odoo.addons.minicrm_agency.tests.test_security_side_doors import REFUSED


class TestPortalSideDoors(test_security_side_doors.TestSideDoors):
    """Staff of agency A against agency B's customers and other staff's
    accounts: every side door of minicrm_agency's test_security_side_doors
    again with the portal installed, and the portal access buttons of the
    customer form."""

    def test_buttons_on_foreign_customer(self):
        super(TestPortalSideDoors, self).test_buttons_on_foreign_customer()
        foreign = self.as_user(self.staff_a1, "res.partner").browse(self.customer_b.id)
        for button in ("action_minicrm_reset_password", "action_minicrm_grant_portal",
                       "action_minicrm_revoke_portal"):
            with self.assertRaises(REFUSED, msg=button):
                getattr(foreign, button)()
        self.assertTrue(self.customer_b.sudo().minicrm_portal_user_id)

    def test_staff_cannot_hijack_a_staff_password_reset(self):
        """CVE-2019-11782: change a user's email, then reset their password.
        The customer form's reset only ever targets portal logins."""
        super(TestPortalSideDoors, self).test_staff_cannot_hijack_a_staff_password_reset()
        staff_email_customer = self.create_customer(self.staff_a1, "Mal", "Lory",
                                                    self.staff_b1.email)
        # Answered as any reset (staff must not tell staff logins apart),
        # but no token is made and the mail to the address has no link.
        staff_email_customer.sudo(self.staff_a1).action_minicrm_reset_password()
        self.assertFalse(self.staff_b1.partner_id.signup_token)
        self.assertFalse(staff_email_customer.sudo().minicrm_portal_user_id)
        mails = self.env["mail.mail"].search([("email_to", "=", self.staff_b1.email)])
        self.assertEqual(len(mails), 1)
        self.assertNotIn("token", mails.body_html)
        self.assertNotIn("/web/", mails.body_html)
