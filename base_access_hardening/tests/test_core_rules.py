# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import HardeningCase


class TestCoreRules(HardeningCase):
    """The addon's global rules on core models that Odoo 11 lets every
    employee (and some every portal user) list."""

    @classmethod
    def setup_class_fixtures(cls):
        Mail = cls.env["mail.mail"]
        cls.alice_mail = Mail.sudo(cls.alice).create({"subject": "Hardening from Alice",
                                                      "email_to": "x@example.com"})
        cls.bob_mail = Mail.sudo(cls.bob).create({
            "subject": "Hardening from Bob", "email_to": "y@example.com",
            "body_html": "<a href='/web/reset_password?token=secret'>reset</a>"})
        contact = cls.contact.sudo(cls.bob)
        cls.to_sam = contact.message_post(body="For Sam", message_type="comment",
                                          subtype="mail.mt_comment",
                                          partner_ids=[cls.sam.partner_id.id])
        cls.to_alice = contact.message_post(body="For Alice", message_type="comment",
                                            subtype="mail.mt_comment",
                                            partner_ids=[cls.alice.partner_id.id])
        cls.lounge = cls.env["mail.channel"].create({
            "name": "Customers' lounge", "public": "public",
            "channel_partner_ids": [(6, 0, (cls.alice.partner_id | cls.paula.partner_id).ids)]})
        Log = cls.env["res.users.log"]
        cls.logs = Log.sudo(cls.alice).create({}) | Log.sudo(cls.bob).create({})

    def test_user_lists_only_the_outgoing_mails_they_created(self):
        domain = [("subject", "like", "Hardening from")]
        self.assertEqual(self.as_user(self.alice, "mail.mail").search(domain), self.alice_mail)
        self.assertEqual(self.as_user(self.paula, "mail.mail").search(domain).ids, [])

    def test_administrator_lists_all_outgoing_mails(self):
        found = self.as_user(self.sam, "mail.mail").search([("subject", "like", "Hardening from")])
        self.assertEqual(found, self.alice_mail | self.bob_mail)

    def test_user_lists_only_notifications_they_receive_or_of_their_messages(self):
        domain = [("mail_message_id", "in", (self.to_sam | self.to_alice).ids)]
        received = self.as_user(self.alice, "mail.notification").search(domain)
        self.assertEqual(received.mapped("res_partner_id"), self.alice.partner_id)
        sent = self.as_user(self.bob, "mail.notification").search(domain)
        self.assertEqual(sent.mapped("res_partner_id"), self.alice.partner_id | self.sam.partner_id)
        self.assertEqual(len(self.as_user(self.sam, "mail.notification").search(domain)), 2)

    def test_portal_user_lists_only_their_own_channel_memberships(self):
        domain = [("channel_id", "=", self.lounge.id)]
        mine = self.as_user(self.paula, "mail.channel.partner").search(domain)
        self.assertEqual(mine.mapped("partner_id"), self.paula.partner_id)

    def test_employee_lists_the_members_of_their_channels(self):
        members = self.as_user(self.alice, "mail.channel.partner").search(
            [("channel_id", "=", self.lounge.id)])
        self.assertEqual(members.mapped("partner_id"),
                         self.alice.partner_id | self.paula.partner_id)

    def test_user_lists_only_their_own_logins(self):
        logs = self.as_user(self.alice, "res.users.log").search([("id", "in", self.logs.ids)])
        self.assertEqual(logs.mapped("create_uid"), self.alice)

    def test_administrator_lists_all_logins(self):
        logs = self.as_user(self.sam, "res.users.log").search([("id", "in", self.logs.ids)])
        self.assertEqual(logs, self.logs)


class TestMailTemplates(HardeningCase):
    """Mail templates run as Python when they render: only administrators
    create, change or delete them; everyone reads and uses them."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.template = cls.env["mail.template"].create({
            "name": "Hardening welcome", "model_id": cls.env.ref("base.model_res_partner").id,
            "subject": "Welcome ${object.name}", "body_html": "<p>Hello</p>"})

    def test_employee_cannot_create_change_or_delete_a_template(self):
        Templates = self.as_user(self.alice, "mail.template")
        with self.assertRaises(AccessError):
            Templates.create({"name": "Mine", "subject": "${object.sudo().env.cr}"})
        template = Templates.browse(self.template.id)
        with self.assertRaises(AccessError):
            template.write({"email_cc": "alice@example.com"})
        with self.assertRaises(AccessError):
            template.unlink()
        self.assertEqual(template.name, "Hardening welcome")

    def test_employee_sends_with_a_template(self):
        template = self.as_user(self.alice, "mail.template").browse(self.template.id)
        values = template.generate_email(self.contact.id)
        self.assertEqual(values["subject"], "Welcome Olivia Ordinary")

    def test_administrator_changes_templates(self):
        template = self.as_user(self.sam, "mail.template").browse(self.template.id)
        template.write({"subject": "Hi ${object.name}"})
        self.assertEqual(template.subject, "Hi ${object.name}")
