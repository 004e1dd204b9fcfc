# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.minicrm_agency.tests.common import MinicrmCase, mute_expected_errors

REFUSED = (AccessError, ValidationError, UserError)


class TestPortalSideDoors(MinicrmCase):
    """Staff of agency A against agency B's customers and other staff's
    accounts, through the portal access buttons of the customer form. The
    Mini-CRM's own side doors are tested in minicrm_agency's
    test_security_side_doors."""

    def setUp(self):
        super(TestPortalSideDoors, self).setUp()
        mute_expected_errors(self, "odoo.models", "odoo.addons.base.ir.ir_model")

    def test_buttons_on_foreign_customer(self):
        foreign = self.as_user(self.staff_a1, "res.partner").browse(self.customer_b.id)
        for button in ("action_make_end_user", "action_minicrm_email_to",
                       "action_minicrm_reset_password", "action_minicrm_grant_portal",
                       "action_minicrm_revoke_portal", "action_minicrm_new_booking"):
            with self.assertRaises(REFUSED, msg=button):
                getattr(foreign, button)()
        self.assertTrue(self.customer_b.sudo().minicrm_portal_user_id)

    def test_staff_cannot_hijack_a_staff_password_reset(self):
        """CVE-2019-11782: change a user's email, then reset their password."""
        admin = self.env.ref("base.user_root")
        Partner = self.as_user(self.staff_a1, "res.partner")
        with self.assertRaises(AccessError):
            Partner.browse(admin.partner_id.id).write({"email": "attacker@evil.example"})
        with self.assertRaises(AccessError):
            Partner.browse(self.staff_b1.partner_id.id).write({"email": "attacker@evil.example"})
        self.assertNotEqual(admin.partner_id.email, "attacker@evil.example")
        # The customer form's reset only ever targets portal logins.
        staff_email_customer = self.create_customer(self.staff_a1, "Mal", "Lory",
                                                    self.staff_b1.email)
        with self.assertRaisesRegex(UserError, "no portal access"):
            staff_email_customer.sudo(self.staff_a1).action_minicrm_reset_password()
