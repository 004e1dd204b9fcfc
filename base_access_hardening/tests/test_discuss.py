# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import HardeningCase


class TestDiscuss(HardeningCase):
    """Discuss reads channel members as superuser or in SQL: members are
    only partners the user who adds them can read, and the people a user
    is shown are the ones they can read."""

    @classmethod
    def setup_class_fixtures(cls):
        members = cls.alice.partner_id | cls.bob.partner_id | cls.hidden_contact
        cls.lounge = cls.env["mail.channel"].create({
            "name": "Hardening lounge", "public": "public",
            "channel_partner_ids": [(6, 0, members.ids)]})
        cls.bob_private = cls.env["mail.channel"].create({
            "name": "Bob's private room", "public": "private",
            "channel_partner_ids": [(6, 0, cls.bob.partner_id.ids)]})

    def new_channel_as(self, user):
        Channel = self.as_user(user, "mail.channel")
        return Channel.browse(Channel.channel_create("Probe room", "private")["id"])

    def test_listeners_the_user_cannot_read_are_not_listed(self):
        listeners = self.as_user(self.alice, "mail.channel").channel_fetch_listeners(
            self.lounge.uuid)
        ids = {listener["id"] for listener in listeners}
        self.assertEqual(ids, {self.alice.partner_id.id, self.bob.partner_id.id})
        self.assertNotIn("Pat Private", str(listeners))
        listeners = self.as_user(self.bob, "mail.channel").channel_fetch_listeners(
            self.lounge.uuid)
        self.assertIn(self.hidden_contact.id, {listener["id"] for listener in listeners})

    def test_people_search_finds_only_people_the_user_can_read(self):
        Partner = self.as_user(self.alice, "res.partner")
        self.assertEqual(Partner.im_search("Pat Priv"), [])
        self.assertEqual([found["id"] for found in Partner.im_search("Bob Empl")],
                         [self.bob.partner_id.id])
        self.assertEqual([found["id"] for found in self.as_user(
            self.bob, "res.partner").im_search("Pat Priv")], [self.hidden_contact.id])

    def test_user_cannot_add_a_contact_they_cannot_read_to_a_channel(self):
        channel = self.new_channel_as(self.alice)
        with self.assertRaises(AccessError):
            channel.write({"channel_partner_ids": [(4, self.hidden_contact.id)]})
        with self.assertRaises(AccessError):
            channel.channel_invite([self.hidden_contact.id])
        self.assertNotIn(self.hidden_contact, channel.sudo().channel_partner_ids)

    def test_user_cannot_create_a_channel_with_a_contact_they_cannot_read(self):
        Channel = self.as_user(self.alice, "mail.channel")
        with self.assertRaises(AccessError):
            Channel.create({"name": "Probe", "public": "private", "channel_partner_ids": [
                (6, 0, [self.alice.partner_id.id, self.hidden_contact.id])]})
        with self.assertRaises(AccessError):
            Channel.channel_get([self.hidden_contact.id])

    def test_user_cannot_add_a_member_they_cannot_read_by_writing_memberships(self):
        channel = self.new_channel_as(self.alice)
        Member = self.as_user(self.alice, "mail.channel.partner")
        with self.assertRaises(AccessError):
            Member.create({"channel_id": channel.id, "partner_id": self.hidden_contact.id})
        membership = Member.search([("channel_id", "=", channel.id)])
        self.assertEqual(membership.partner_id, self.alice.partner_id)
        with self.assertRaises(AccessError):
            membership.write({"partner_id": self.hidden_contact.id})

    def test_user_cannot_join_a_private_channel_by_creating_a_membership(self):
        Member = self.as_user(self.alice, "mail.channel.partner")
        with self.assertRaises(AccessError):
            Member.create({"channel_id": self.bob_private.id,
                           "partner_id": self.alice.partner_id.id})
        self.assertNotIn(self.alice.partner_id, self.bob_private.channel_partner_ids)

    def test_user_cannot_move_their_membership_to_a_private_channel(self):
        channel = self.new_channel_as(self.alice)
        membership = self.as_user(self.alice, "mail.channel.partner").search(
            [("channel_id", "=", channel.id)])
        with self.assertRaises(AccessError):
            membership.write({"channel_id": self.bob_private.id})

    def test_user_joins_a_public_channel(self):
        lounge = self.as_user(self.sam, "mail.channel").browse(self.lounge.id)
        lounge.channel_join_and_get_info()
        self.lounge.invalidate_cache()
        self.assertIn(self.sam.partner_id, self.lounge.channel_partner_ids)
        self.as_user(self.paula, "mail.channel.partner").create({
            "channel_id": self.lounge.id, "partner_id": self.paula.partner_id.id})
        self.lounge.invalidate_cache()
        self.assertIn(self.paula.partner_id, self.lounge.channel_partner_ids)

    def test_user_invites_and_chats_with_colleagues_they_can_read(self):
        channel = self.new_channel_as(self.alice)
        channel.channel_invite([self.bob.partner_id.id])
        self.assertEqual(channel.sudo().channel_partner_ids,
                         self.alice.partner_id | self.bob.partner_id)
        chat = self.as_user(self.alice, "mail.channel").channel_get([self.bob.partner_id.id])
        self.assertEqual(chat["channel_type"], "chat")
