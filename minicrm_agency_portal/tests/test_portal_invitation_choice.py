# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from odoo.addons.minicrm_agency.tests.common import MinicrmCase

INVITATION_SUBJECT = "Your bookings online"
SAID = "Portal access given to %s"


class TestPortalInvitationChoice(MinicrmCase):
    """Whether saving an end user with an email invites them to the portal
    is each agency's choice (the operator's, on by default), and staff see
    on the customer's chatter that access was given, from Mini-CRM ›
    Customers (create, "Create Customer")."""

    def invitations(self, email):
        return self.env["mail.mail"].search([("email_to", "=", email),
                                             ("subject", "ilike", INVITATION_SUBJECT)])

    def said_on_chatter(self, customer, email):
        return customer.message_ids.filtered(lambda message: SAID % email in (message.body or ""))

    def test_invitations_are_on_by_default_and_the_operators_choice(self):
        self.assertTrue(self.agency_a.send_portal_invitation)
        new = self.env["minicrm.agency"].create({"name": "Test Agency New"})
        self.assertTrue(new.send_portal_invitation)
        manager_a = self.as_user(self.manager_a, "minicrm.agency").browse(self.agency_a.id)
        with self.assertRaises(AccessError):
            manager_a.write({"send_portal_invitation": False})
        self.as_user(self.operator, "minicrm.agency").browse(self.agency_a.id).write(
            {"send_portal_invitation": False})
        self.assertFalse(self.agency_a.send_portal_invitation)

    def test_saving_a_customer_with_an_email_says_so_on_its_chatter(self):
        customer = self.create_customer(self.staff_a1, "Nina", "New", "nina@example.com")
        self.assertTrue(customer.minicrm_has_portal_login)
        self.assertEqual(len(self.invitations("nina@example.com")), 1)
        message = self.said_on_chatter(customer, "nina@example.com")
        self.assertEqual(len(message), 1)
        self.assertIn("invitation to choose a password is queued", message.body)
        # Staff read it on the form.
        self.assertIn(message, self.as_user(self.staff_a1, "res.partner").browse(
            customer.id).message_ids)

    def test_create_customer_says_so_on_the_chatter(self):
        customer = self.create_customer(self.staff_a1, "Rita", "Request", "rita@example.com",
                                        customer_state="request")
        self.assertFalse(self.said_on_chatter(customer, "rita@example.com"))
        self.as_user(self.staff_a1, "res.partner").browse(customer.id).action_make_end_user()
        self.assertTrue(self.said_on_chatter(customer, "rita@example.com"))
        self.assertEqual(len(self.invitations("rita@example.com")), 1)

    def test_the_same_words_when_the_person_already_has_a_login(self):
        # Staff of B must not learn that the address has a login with A.
        in_b = self.create_customer(self.staff_b1, "Ann", "Smith", "ann.smith@example.com")
        self.assertEqual(len(self.said_on_chatter(in_b, "ann.smith@example.com")), 1)

    def test_an_agency_that_does_not_invite_creates_no_login_and_sends_nothing(self):
        self.agency_b.send_portal_invitation = False
        customer = self.create_customer(self.staff_b1, "Quiet", "Customer", "quiet@example.com")
        self.assertFalse(customer.minicrm_has_portal_login)
        self.assertFalse(self.env["res.users"].search([("login", "=", "quiet@example.com")]))
        self.assertFalse(self.invitations("quiet@example.com"))
        self.assertFalse(self.said_on_chatter(customer, "quiet@example.com"))
        request_user = self.create_customer(self.staff_b1, "Rita", "Request",
                                            "rita.b@example.com", customer_state="request")
        self.as_user(self.staff_b1, "res.partner").browse(request_user.id).action_make_end_user()
        self.assertFalse(request_user.minicrm_has_portal_login)
        # Staff give access when they choose to: the form's button.
        self.as_user(self.staff_b1, "res.partner").browse(customer.id).action_minicrm_grant_portal()
        self.assertTrue(customer.minicrm_has_portal_login)
        self.assertEqual(len(self.invitations("quiet@example.com")), 1)
        self.assertTrue(self.said_on_chatter(customer, "quiet@example.com"))
