# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import HardeningCase


class TestMetadata(HardeningCase):
    """get_metadata (Debug › View Metadata) answers for readable records only."""

    def test_user_cannot_read_the_metadata_of_a_contact_they_cannot_read(self):
        hidden = self.as_user(self.alice, "res.partner").browse(self.hidden_contact.id)
        with self.assertRaises(AccessError):
            hidden.get_metadata()

    def test_user_reads_the_metadata_of_contacts_they_can_read(self):
        partners = self.as_user(self.alice, "res.partner").browse(self.contact.id)
        self.assertEqual(partners.get_metadata()[0]["id"], self.contact.id)
        hidden = self.as_user(self.bob, "res.partner").browse(self.hidden_contact.id)
        self.assertEqual(hidden.get_metadata()[0]["id"], self.hidden_contact.id)


class TestBadDomains(HardeningCase):
    """Domain values PostgreSQL would refuse (a server error, logged as
    ERROR) are user errors."""

    def test_non_numeric_record_id_in_a_domain_is_a_user_error(self):
        Partner = self.as_user(self.alice, "res.partner")
        for domain in ([("id", "=", "abc")], [("id", "in", [self.contact.id, "abc"])],
                       [("id", "not in", ["1"])], [("name", "!=", False), ("id", ">", "abc")]):
            with self.assertRaises(UserError, msg=domain):
                Partner.search(domain)

    def test_record_ids_and_false_in_a_domain_still_work(self):
        Partner = self.as_user(self.alice, "res.partner")
        self.assertEqual(Partner.search([("id", "in", [self.contact.id, False])]), self.contact)
        self.assertEqual(Partner.search([("id", "=", self.contact.id)]), self.contact)
        self.assertFalse(Partner.search([("id", "=", False)]))

    def test_pattern_ending_with_a_backslash_is_a_user_error(self):
        Partner = self.as_user(self.alice, "res.partner")
        for operator, pattern in (("=like", "Olivia\\"), ("=ilike", "\\"),
                                  ("=like", "a\\\\\\")):
            with self.assertRaises(UserError, msg=pattern):
                Partner.search([("name", operator, pattern)])

    def test_escaped_backslash_in_a_pattern_matches_a_backslash(self):
        backslash = self.env["res.partner"].create({"name": "Back\\slash Ltd"})
        Partner = self.as_user(self.alice, "res.partner")
        self.assertEqual(Partner.search([("name", "=like", "Back\\\\slash%")]), backslash)
        self.assertEqual(Partner.search([("name", "=ilike", "%\\\\")]).ids, [])
