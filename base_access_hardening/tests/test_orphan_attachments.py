# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.exceptions import AccessError

from .common import HardeningCase

SECRET = base64.b64encode(b"Bob's loose file")


class TestOrphanAttachments(HardeningCase):
    """An attachment attached to no document is seen by the user who
    uploaded it, by everyone when it is public, by those who may read a
    message that carries it, and by administrators."""

    @classmethod
    def setup_class_fixtures(cls):
        Attachment = cls.env["ir.attachment"].sudo(cls.bob)
        cls.orphan = Attachment.create({"name": "bob-orphan.txt", "datas": SECRET})
        cls.public_orphan = Attachment.create({"name": "bob-public.txt", "datas": SECRET,
                                               "public": True})
        cls.composer_upload = Attachment.create({
            "name": "bob-composer.txt", "datas": SECRET, "res_model": "mail.compose.message",
            "res_id": 0})
        cls.carried = Attachment.create({"name": "bob-carried.txt", "datas": SECRET})
        cls.contact.sudo(cls.bob).message_post(body="See attached",
                                               attachment_ids=[cls.carried.id])
        cls.hidden_carried = Attachment.create({"name": "bob-hidden-carried.txt",
                                                "datas": SECRET})
        cls.hidden_contact.sudo(cls.bob).message_post(body="Private papers",
                                                      attachment_ids=[cls.hidden_carried.id])

    def assert_hidden_from(self, user, attachment):
        Attachment = self.as_user(user, "ir.attachment")
        self.assertFalse(Attachment.search([("name", "=", attachment.name)]))
        self.assertEqual(Attachment.search_count([("id", "=", attachment.id)]), 0)
        with self.assertRaises(AccessError):
            Attachment.browse(attachment.id).read(["datas"])

    def assert_visible_to(self, user, attachment):
        Attachment = self.as_user(user, "ir.attachment")
        self.assertEqual(Attachment.search([("name", "=", attachment.name)]), attachment)
        self.assertEqual(Attachment.browse(attachment.id).read(["datas"])[0]["datas"], SECRET)

    def test_user_cannot_find_or_read_another_users_orphan_attachment(self):
        self.assert_hidden_from(self.alice, self.orphan)

    def test_portal_user_cannot_find_or_read_another_users_orphan_attachment(self):
        self.assert_hidden_from(self.paula, self.orphan)

    def test_user_cannot_change_or_delete_another_users_orphan_attachment(self):
        for attachment in (self.orphan, self.public_orphan):
            mine = self.as_user(self.alice, "ir.attachment").browse(attachment.id)
            with self.assertRaises(AccessError):
                mine.write({"name": "taken.txt"})
            with self.assertRaises(AccessError):
                mine.unlink()
        self.assertEqual(self.public_orphan.name, "bob-public.txt")

    def test_user_sees_their_own_orphan_attachment(self):
        self.assert_visible_to(self.bob, self.orphan)

    def test_user_sees_a_public_orphan_attachment(self):
        self.assert_visible_to(self.alice, self.public_orphan)

    def test_user_sees_an_orphan_attachment_carried_by_a_message_they_can_read(self):
        self.assert_visible_to(self.alice, self.carried)

    def test_user_cannot_see_an_orphan_attachment_carried_by_a_message_they_cannot_read(self):
        self.assert_hidden_from(self.alice, self.hidden_carried)
        self.assert_visible_to(self.bob, self.hidden_carried)

    def test_user_cannot_read_another_users_unsent_composer_upload(self):
        """Uploaded in the chatter's composer and not sent: it belongs to no
        document yet (Odoo's search already hides it, read by id did not)."""
        with self.assertRaises(AccessError):
            self.as_user(self.alice, "ir.attachment").browse(self.composer_upload.id).read(
                ["datas"])
        uploaded = self.as_user(self.bob, "ir.attachment").browse(self.composer_upload.id)
        self.assertEqual(uploaded.read(["datas"])[0]["datas"], SECRET)

    def test_administrator_sees_all_orphan_attachments(self):
        for attachment in (self.orphan, self.hidden_carried):
            self.assert_visible_to(self.sam, attachment)

    def test_counting_attachments_counts_only_the_visible_ones(self):
        names = [attachment.name for attachment in (
            self.orphan, self.public_orphan, self.carried, self.hidden_carried)]
        Attachment = self.as_user(self.alice, "ir.attachment")
        self.assertEqual(Attachment.search_count([("name", "in", names)]), 2)
        self.assertEqual(self.as_user(self.bob, "ir.attachment").search_count(
            [("name", "in", names)]), 4)
