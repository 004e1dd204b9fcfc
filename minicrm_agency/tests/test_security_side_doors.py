# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import MinicrmCase, mute_expected_errors

REFUSED = (AccessError, ValidationError, UserError)


class TestSideDoors(MinicrmCase):
    """Staff of agency A (and a portal customer) against agency B's records,
    through the paths Odoo 11 does not cover with record rules. The portal
    addon's buttons are tested in minicrm_agency_portal's
    test_portal_side_doors."""

    @classmethod
    def setup_class_fixtures(cls):
        Attachment = cls.env["ir.attachment"]
        cls.attachment_b = Attachment.sudo(cls.staff_b1).create({
            "name": "passport-bob.pdf", "datas": base64.b64encode(b"secret of agency B"),
            "res_model": "res.partner", "res_id": cls.customer_b.id})
        cls.orphan_b = Attachment.sudo(cls.staff_b1).create({
            "name": "orphan-bob.txt", "datas": base64.b64encode(b"loose file of agency B")})
        cls.customer_b.sudo(cls.staff_b1).message_post(body="Bob's VIP notes")
        cls.message_b = cls.env["mail.message"].search(
            [("model", "=", "res.partner"), ("res_id", "=", cls.customer_b.id),
             ("body", "like", "VIP notes")])

    def setUp(self):
        super(TestSideDoors, self).setUp()
        mute_expected_errors(self, "odoo.models", "odoo.addons.base.ir.ir_model")

    # -- chatter ---------------------------------------------------------------

    def test_message_post_and_subscribe_on_foreign_record(self):
        foreign = self.as_user(self.staff_a1, "res.partner").browse(self.customer_b.id)
        with self.assertRaises(AccessError):
            foreign.message_post(body="hello")
        with self.assertRaises(AccessError):
            foreign.message_subscribe(partner_ids=[self.staff_a1.partner_id.id])
        with self.assertRaises(AccessError):
            self.as_user(self.staff_a1, "minicrm.booking").browse(
                self.booking_b.id).message_post(body="hello")

    def test_direct_follower_create_on_foreign_record(self):
        Followers = self.as_user(self.staff_a1, "mail.followers")
        for model, res_id in (("res.partner", self.customer_b.id),
                              ("minicrm.booking", self.booking_b.id)):
            with self.assertRaises(AccessError):
                Followers.create({"res_model": model, "res_id": res_id,
                                  "partner_id": self.staff_a1.partner_id.id})
        portal = self.link_portal_login(self.customer_a)
        with self.assertRaises(AccessError):
            self.as_user(portal, "mail.followers").create({
                "res_model": "minicrm.booking", "res_id": self.booking_b.id,
                "partner_id": portal.partner_id.id})

    def test_followers_of_foreign_records_are_not_listed(self):
        self.customer_b.sudo(self.staff_b1).message_subscribe(
            partner_ids=[self.staff_b1.partner_id.id])
        found = self.as_user(self.staff_a1, "mail.followers").search(
            [("res_model", "=", "res.partner"), ("res_id", "=", self.customer_b.id)])
        self.assertFalse(found)
        self.assertTrue(self.as_user(self.staff_b2, "mail.followers").search(
            [("res_model", "=", "res.partner"), ("res_id", "=", self.customer_b.id)]))

    def test_foreign_messages_cannot_be_searched_or_read(self):
        self.assertTrue(self.message_b)
        Message = self.as_user(self.staff_a1, "mail.message")
        self.assertFalse(Message.search([("body", "like", "VIP notes")]))
        with self.assertRaises(AccessError):
            Message.browse(self.message_b.id).read(["body"])
        portal = self.link_portal_login(self.customer_a)
        self.assertFalse(self.as_user(portal, "mail.message").search(
            [("body", "like", "VIP notes")]))

    def test_message_post_with_foreign_attachment_ids(self):
        own = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        for attachment in (self.attachment_b, self.orphan_b):
            with self.assertRaises(AccessError):
                own.message_post(body="see attached", attachment_ids=[attachment.id])
        self.assertFalse(self.env["mail.message"].search(
            [("attachment_ids", "in", [self.attachment_b.id, self.orphan_b.id])]))

    def test_email_lookup_does_not_resolve_foreign_customers(self):
        self.link_portal_login(self.customer_a)
        own = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        info = own.message_partner_info_from_emails(["bob.brown@example.com"])
        self.assertFalse(info[0]["partner_id"])
        self.assertNotIn("Brown", str(info))
        # The own customer is found (not the person's hidden portal login).
        mine = own.message_partner_info_from_emails(["ann.smith@example.com"])
        self.assertEqual(mine[0]["partner_id"], self.customer_a.id)

    # -- attachments -------------------------------------------------------------

    def test_foreign_attachments_search_read_create(self):
        Attachment = self.as_user(self.staff_a1, "ir.attachment")
        self.assertFalse(Attachment.search([("name", "in", ["passport-bob.pdf",
                                                            "orphan-bob.txt"])]))
        for attachment in (self.attachment_b, self.orphan_b):
            with self.assertRaises(AccessError):
                Attachment.browse(attachment.id).read(["datas"])
        with self.assertRaises(AccessError):
            Attachment.create({"name": "x.txt", "datas": base64.b64encode(b"x"),
                               "res_model": "res.partner", "res_id": self.customer_b.id})
        # Bob's own agency still reads it.
        self.assertTrue(self.as_user(self.staff_b2, "ir.attachment").browse(
            self.attachment_b.id).read(["name"]))

    # -- restricted fields ---------------------------------------------------------

    def test_signup_token_cannot_be_searched_sorted_grouped_or_exported(self):
        admin_partner = self.env.ref("base.user_root").partner_id
        admin_partner.signup_prepare()
        Partner = self.as_user(self.staff_a1, "res.partner")
        token = admin_partner.signup_token
        for domain in ([("signup_token", "=like", token[:2] + "%")],
                       [("user_ids.signup_token", "!=", False)]):
            with self.assertRaises(AccessError):
                Partner.search(domain)
        with self.assertRaises(AccessError):
            Partner.search([("id", "=", admin_partner.id)], order="signup_token")
        with self.assertRaises(AccessError):
            Partner.read_group([("id", "=", admin_partner.id)], ["signup_token"],
                               ["signup_token"])
        with self.assertRaises(AccessError):
            Partner.browse(admin_partner.id).export_data(["signup_token"])

    # -- names, onchange, buttons, defaults -------------------------------------------

    def test_booking_onchange_with_foreign_customer_returns_no_contact(self):
        Booking = self.as_user(self.staff_a1, "minicrm.booking")
        try:
            result = Booking.onchange({"customer_id": self.customer_b.id}, "customer_id",
                                      {"customer_id": "1", "contact_email": ""})
        except AccessError:
            return
        self.assertNotIn("bob.brown@example.com", str(result))

    def test_buttons_on_foreign_customer(self):
        foreign = self.as_user(self.staff_a1, "res.partner").browse(self.customer_b.id)
        for button in ("action_make_end_user", "action_minicrm_email_to",
                       "action_minicrm_new_booking", "action_minicrm_open_bookings"):
            with self.assertRaises(REFUSED, msg=button):
                getattr(foreign, button)()

    def test_defaults_cannot_create_in_another_agency(self):
        """A context default or an ir.default for another agency is ignored:
        the customer lands in the user's agency. An explicit value is refused."""
        Partner = self.as_user(self.staff_a1, "res.partner")
        values = {"firstname": "Eve", "lastname": "Intruder", "customer_state": "end"}
        by_context = Partner.with_context(default_minicrm_agency_id=self.agency_b.id).create(
            dict(values, email="eve1@example.com"))
        self.env["ir.default"].set("res.partner", "minicrm_agency_id", self.agency_b.id,
                                   user_id=self.staff_a1.id)
        by_default = Partner.create(dict(values, email="eve2@example.com"))
        self.assertEqual((by_context | by_default).sudo().mapped("minicrm_agency_id"),
                         self.agency_a)
        with self.assertRaises(AccessError):
            Partner.create(dict(values, minicrm_agency_id=self.agency_b.id))

    # -- escalation ------------------------------------------------------------------

    def test_manager_cannot_create_users_or_grant_groups(self):
        Users = self.as_user(self.manager_a, "res.users")
        with self.assertRaises(AccessError):
            Users.create({"name": "New", "login": "new_b", "minicrm_agency_id": self.agency_b.id})
        settings = self.env.ref("base.group_system")
        for user in (self.manager_a, self.staff_a1):
            with self.assertRaises(AccessError):
                Users.browse(user.id).write({"groups_id": [(4, settings.id)]})
            with self.assertRaises(AccessError):
                Users.browse(user.id).write({"minicrm_agency_id": self.agency_b.id})
        with self.assertRaises(AccessError):
            self.as_user(self.manager_a, "res.groups").browse(settings.id).write(
                {"users": [(4, self.manager_a.id)]})
        self.assertFalse(self.manager_a.has_group("base.group_system"))

    def test_staff_cannot_hijack_a_staff_password_reset(self):
        """CVE-2019-11782: change a user's email, then reset their password."""
        admin = self.env.ref("base.user_root")
        Partner = self.as_user(self.staff_a1, "res.partner")
        with self.assertRaises(AccessError):
            Partner.browse(admin.partner_id.id).write({"email": "attacker@evil.example"})
        with self.assertRaises(AccessError):
            Partner.browse(self.staff_b1.partner_id.id).write({"email": "attacker@evil.example"})
        self.assertNotEqual(admin.partner_id.email, "attacker@evil.example")
