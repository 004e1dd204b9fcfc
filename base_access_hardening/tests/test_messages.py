# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import AccessError

from .common import HardeningCase

DATA = base64.b64encode(b"attached")


class TestMessages(HardeningCase):
    """What a user puts in a message (attachments, recipients, author) and
    the document they post on must be readable by them."""

    @classmethod
    def setup_class_fixtures(cls):
        Attachment = cls.env["ir.attachment"]
        cls.bob_orphan = Attachment.sudo(cls.bob).create({"name": "bob.txt", "datas": DATA})
        cls.hidden_file = Attachment.sudo(cls.bob).create({
            "name": "pat-passport.txt", "datas": DATA, "res_model": "res.partner",
            "res_id": cls.hidden_contact.id})
        cls.alice_orphan = Attachment.sudo(cls.alice).create({
            "name": "alice.txt", "datas": DATA})

    def contact_as(self, user):
        return self.as_user(user, "res.partner").browse(self.contact.id)

    def messages_with(self, text):
        return self.env["mail.message"].search([("body", "like", text)])

    def test_user_cannot_post_on_a_contact_they_cannot_read(self):
        hidden = self.as_user(self.alice, "res.partner").browse(self.hidden_contact.id)
        with self.assertRaises(AccessError):
            hidden.message_post(body="Probe 1", message_type="comment")
        self.assertFalse(self.messages_with("Probe 1"))

    def test_user_cannot_create_a_message_on_a_contact_they_cannot_read(self):
        """The private-address rule is a read rule: Odoo 11's check (write
        access to the document) lets the message through."""
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.as_user(self.alice, "mail.message").create({
                "model": "res.partner", "res_id": self.hidden_contact.id, "body": "Probe 7",
                "message_type": "comment"})
        self.assertFalse(self.messages_with("Probe 7"))

    def test_user_cannot_attach_another_users_file_to_a_message(self):
        with self.assertRaises(AccessError):
            self.contact_as(self.alice).message_post(body="Probe 2",
                                                     attachment_ids=[self.bob_orphan.id])
        with self.assertRaises(AccessError):
            self.as_user(self.alice, "mail.message").create({
                "model": "res.partner", "res_id": self.contact.id, "body": "Probe 2",
                "attachment_ids": [(6, 0, [self.bob_orphan.id])]})
        self.assertFalse(self.messages_with("Probe 2"))

    def test_user_cannot_attach_a_file_of_a_contact_they_cannot_read(self):
        with self.assertRaises(AccessError):
            self.contact_as(self.alice).message_post(body="Probe 3",
                                                     attachment_ids=[self.hidden_file.id])
        self.assertFalse(self.messages_with("Probe 3"))

    def test_user_posts_with_their_own_attachment(self):
        message = self.contact_as(self.alice).message_post(
            body="Quote attached", attachment_ids=[self.alice_orphan.id])
        self.assertEqual(message.attachment_ids, self.alice_orphan)

    def test_user_cannot_address_a_message_to_a_contact_they_cannot_read(self):
        contact = self.contact_as(self.alice)
        with self.assertRaises(AccessError):
            contact.message_post(body="Probe 4", message_type="comment",
                                 subtype="mail.mt_comment",
                                 partner_ids=[self.hidden_contact.id])
        Message = self.as_user(self.alice, "mail.message")
        for field in ("partner_ids", "needaction_partner_ids"):
            with self.assertRaises(AccessError, msg=field):
                Message.create({"model": "res.partner", "res_id": self.contact.id,
                                "body": "Probe 4", field: [(4, self.hidden_contact.id)]})
        self.assertFalse(self.messages_with("Probe 4"))

    def test_user_cannot_sign_a_message_with_a_contact_they_cannot_read(self):
        with self.assertRaises(AccessError):
            self.contact_as(self.alice).message_post(body="Probe 5",
                                                     author_id=self.hidden_contact.id)
        self.assertFalse(self.messages_with("Probe 5"))

    def test_user_addresses_and_signs_messages_with_contacts_they_can_read(self):
        message = self.contact_as(self.alice).message_post(
            body="Hello Olivia", message_type="comment", subtype="mail.mt_comment",
            partner_ids=[self.contact.id, self.bob.partner_id.id])
        self.assertEqual(message.partner_ids, self.contact | self.bob.partner_id)
        self.assertEqual(message.author_id, self.alice.partner_id)
        by_bob = self.as_user(self.bob, "res.partner").browse(self.contact.id).message_post(
            body="Forwarded for Pat", author_id=self.hidden_contact.id)
        self.assertEqual(by_bob.author_id, self.hidden_contact)

    def test_user_cannot_mass_mail_a_contact_they_cannot_read(self):
        with self.assertRaises(AccessError):
            self.as_user(self.alice, "mail.mail").create({
                "subject": "Probe 6", "body_html": "<p>Probe 6</p>",
                "recipient_ids": [(6, 0, [self.contact.id, self.hidden_contact.id])]})
        self.assertFalse(self.env["mail.mail"].search([("subject", "=", "Probe 6")]))

    def test_user_mails_contacts_they_can_read(self):
        mail = self.as_user(self.alice, "mail.mail").create({
            "subject": "Newsletter", "body_html": "<p>News</p>",
            "recipient_ids": [(6, 0, [self.contact.id])]})
        self.assertEqual(mail.recipient_ids, self.contact)


class TestReplies(HardeningCase):
    """Odoo lets the recipients of a message answer it in its thread, on a
    document they cannot read: that right stays, for that thread only."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.message = cls.hidden_contact.message_post(
            body="About Pat", message_type="comment", subtype="mail.mt_comment",
            partner_ids=[cls.alice.partner_id.id])

    def test_recipient_replies_in_the_thread_of_a_document_they_cannot_read(self):
        Message = self.as_user(self.alice, "mail.message")
        reply = Message.create({"model": "res.partner", "res_id": self.hidden_contact.id,
                                "parent_id": self.message.id, "body": "Noted"})
        self.assertEqual(reply.sudo().res_id, self.hidden_contact.id)

    def test_reply_to_a_message_of_another_document_is_refused(self):
        hidden = self.env["res.partner"].create({"name": "Also hidden", "type": "private"})
        with self.assertRaises(AccessError):
            self.as_user(self.alice, "mail.message").create({
                "model": "res.partner", "res_id": hidden.id,
                "parent_id": self.message.id, "body": "Probe"})


class TestEmailLookup(HardeningCase):
    """Email addresses typed in the chatter are resolved to partners as
    superuser by Odoo 11: one the user may not read is "not found"."""

    def test_email_lookup_answers_an_unreadable_contact_as_not_found(self):
        contact = self.as_user(self.alice, "res.partner").browse(self.contact.id)
        info = contact.message_partner_info_from_emails(["Pat <hardening_pat@example.com>"])
        self.assertFalse(info[0]["partner_id"])
        self.assertNotIn("Pat Private", str(info))
        self.assertEqual(contact._find_partner_from_emails(
            ["hardening_pat@example.com", "olivia.ordinary@example.com"]),
            [False, self.contact.id])

    def test_email_lookup_answers_a_readable_contact_with_the_same_address(self):
        namesake = self.env["res.partner"].create({"name": "Pat (work)",
                                                   "email": "hardening_pat@example.com"})
        contact = self.as_user(self.alice, "res.partner").browse(self.contact.id)
        info = contact.message_partner_info_from_emails(["hardening_pat@example.com"])
        self.assertEqual(info[0]["partner_id"], namesake.id)

    def test_email_lookup_answers_readable_contacts_as_before(self):
        contact = self.as_user(self.bob, "res.partner").browse(self.contact.id)
        self.assertEqual(contact._find_partner_from_emails(["hardening_pat@example.com"]),
                         [self.hidden_contact.id])


class TestPortalMessages(HardeningCase):

    def test_portal_user_lists_their_messages_with_an_empty_domain(self):
        self.contact.message_post(body="Shared with Paula", message_type="comment",
                                  subtype="mail.mt_comment",
                                  partner_ids=[self.paula.partner_id.id])
        Message = self.as_user(self.paula, "mail.message")
        rows = Message.search_read([], ["body"])
        self.assertIn("<p>Shared with Paula</p>", [row["body"] for row in rows])
        self.assertEqual(Message.search_count([]), len(rows))
        self.assertFalse(self.as_user(self.paula, "mail.message").search(
            [("model", "=", "res.partner"), ("res_id", "=", self.hidden_contact.id)]))
