# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import HardeningCase


class TestFollowers(HardeningCase):
    """Followers are listed, read and created only with their document:
    following a contact one may not read would forward its messages, and
    listing its followers reveals it."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.hidden_contact.message_subscribe(partner_ids=[cls.bob.partner_id.id])
        cls.hidden_followers = cls.env["mail.followers"].search([
            ("res_model", "=", "res.partner"), ("res_id", "=", cls.hidden_contact.id)])

    def test_user_cannot_follow_a_contact_they_cannot_read(self):
        hidden = self.as_user(self.alice, "res.partner").browse(self.hidden_contact.id)
        with self.assertRaises(AccessError):
            hidden.message_subscribe(partner_ids=[self.alice.partner_id.id])
        with self.assertRaises(AccessError):
            hidden.message_subscribe_users()
        self.assertNotIn(self.alice.partner_id, self.hidden_contact.message_partner_ids)

    def test_user_cannot_create_a_follower_on_a_contact_they_cannot_read(self):
        with self.assertRaises(AccessError):
            self.as_user(self.alice, "mail.followers").create({
                "res_model": "res.partner", "res_id": self.hidden_contact.id,
                "partner_id": self.alice.partner_id.id})

    def test_portal_user_cannot_create_a_follower_on_a_contact_they_cannot_read(self):
        with self.assertRaises(AccessError):
            self.as_user(self.paula, "mail.followers").create({
                "res_model": "res.partner", "res_id": self.contact.id,
                "partner_id": self.paula.partner_id.id})

    def test_user_cannot_move_their_follower_to_a_contact_they_cannot_read(self):
        self.contact.sudo(self.alice).message_subscribe(partner_ids=[self.alice.partner_id.id])
        mine = self.as_user(self.alice, "mail.followers").search([
            ("res_model", "=", "res.partner"), ("res_id", "=", self.contact.id),
            ("partner_id", "=", self.alice.partner_id.id)])
        self.assertEqual(len(mine), 1)
        with self.assertRaises(AccessError):
            mine.write({"res_id": self.hidden_contact.id})

    def test_user_cannot_subscribe_a_contact_they_cannot_read_to_a_document(self):
        contact = self.as_user(self.alice, "res.partner").browse(self.contact.id)
        with self.assertRaises(AccessError):
            contact.message_subscribe(partner_ids=[self.hidden_contact.id])
        self.assertNotIn(self.hidden_contact, self.contact.message_partner_ids)

    def test_followers_of_a_contact_the_user_cannot_read_are_not_listed(self):
        domain = [("res_model", "=", "res.partner"), ("res_id", "=", self.hidden_contact.id)]
        self.assertTrue(self.hidden_followers)
        for user in (self.alice, self.paula):
            Followers = self.as_user(user, "mail.followers")
            self.assertFalse(Followers.search(domain))
            self.assertEqual(Followers.search_count(domain), 0)
        self.assertEqual(self.as_user(self.bob, "mail.followers").search(domain),
                         self.hidden_followers)

    def test_followers_of_a_contact_the_user_cannot_read_cannot_be_read_by_id(self):
        self.contact.message_subscribe(partner_ids=[self.bob.partner_id.id])
        readable = self.env["mail.followers"].search([
            ("res_model", "=", "res.partner"), ("res_id", "=", self.contact.id)])
        for user in (self.alice, self.paula):
            Followers = self.as_user(user, "mail.followers")
            with self.assertRaises(AccessError):
                Followers.browse(self.hidden_followers.ids).read(["res_id", "partner_id"])
            with self.assertRaises(AccessError):
                Followers.browse((readable | self.hidden_followers).ids).read(["res_id"])
        self.assertTrue(self.as_user(self.alice, "mail.followers").browse(readable.ids).read(
            ["partner_id"]))

    def test_user_follows_a_contact_they_can_read(self):
        contact = self.as_user(self.alice, "res.partner").browse(self.contact.id)
        contact.message_subscribe(partner_ids=[self.alice.partner_id.id])
        self.assertIn(self.alice.partner_id, contact.message_partner_ids)


class TestActivities(HardeningCase):
    """Activities are listed and read only with their document: Odoo 11
    shows every employee all activities, with their document's name."""

    @classmethod
    def setup_class_fixtures(cls):
        Activity = cls.env["mail.activity"].sudo(cls.bob)
        cls.partner_model = cls.env.ref("base.model_res_partner")
        cls.hidden_activity = Activity.create({
            "res_model_id": cls.partner_model.id, "res_id": cls.hidden_contact.id,
            "summary": "Call Pat about the private file", "user_id": cls.bob.id})
        cls.activity = Activity.create({
            "res_model_id": cls.partner_model.id, "res_id": cls.contact.id,
            "summary": "Call Olivia back", "user_id": cls.bob.id})

    def test_activities_of_a_contact_the_user_cannot_read_are_hidden(self):
        Activity = self.as_user(self.alice, "mail.activity")
        self.assertFalse(Activity.search([("summary", "like", "Call Pat")]))
        self.assertEqual(Activity.search_count([("res_id", "=", self.hidden_contact.id),
                                                ("res_model", "=", "res.partner")]), 0)
        with self.assertRaises(AccessError):
            Activity.browse(self.hidden_activity.id).read(["summary", "res_name"])
        self.assertEqual(self.as_user(self.bob, "mail.activity").search(
            [("summary", "like", "Call Pat")]), self.hidden_activity)

    def test_user_cannot_plan_an_activity_on_a_contact_they_cannot_read(self):
        # The savepoint stands for the request's transaction, rolled back on error.
        with self.assertRaises(AccessError), self.cr.savepoint():
            self.as_user(self.alice, "mail.activity").create({
                "res_model_id": self.partner_model.id, "res_id": self.hidden_contact.id,
                "summary": "Probe", "user_id": self.alice.id})
        self.assertFalse(self.env["mail.activity"].search([("summary", "=", "Probe")]))

    def test_user_sees_and_plans_activities_on_contacts_they_can_read(self):
        Activity = self.as_user(self.alice, "mail.activity")
        self.assertEqual(Activity.search([("summary", "like", "Call Olivia")]), self.activity)
        self.assertEqual(Activity.browse(self.activity.id).read(["res_name"])[0]["res_name"],
                         "Olivia Ordinary")
        planned = Activity.create({"res_model_id": self.partner_model.id,
                                   "res_id": self.contact.id, "summary": "Send the quote"})
        self.assertEqual(planned.user_id, self.alice)
