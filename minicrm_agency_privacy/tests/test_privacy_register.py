# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The personal data register, as its real readers: the operator reads
every entry, an agency's manager their agency's, staff and other users
none; nobody writes it by hand."""
from odoo.exceptions import AccessError
from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import MinicrmCase


@at_install(False)
@post_install(True)
class TestPrivacyRegister(MinicrmCase):

    @classmethod
    def setup_class_fixtures(cls):
        cls.manager_b = cls.create_user(cls.env, "manager_b", cls.agency_b,
                                        group="minicrm_agency.group_agency_manager")
        Log = cls.env["minicrm.privacy.log"]
        Log.sudo(cls.manager_a)._log("export", cls.customer_a, "a")
        Log.sudo(cls.manager_b)._log("export", cls.customer_b, "b")

    def visible(self, user):
        return self.env["minicrm.privacy.log"].sudo(user).search([]).mapped("partner_id")

    def test_each_agency_reads_its_own_entries_the_operator_all(self):
        self.assertEqual(self.visible(self.manager_a), self.customer_a)
        self.assertEqual(self.visible(self.manager_b), self.customer_b)
        self.assertEqual(self.visible(self.operator), self.customer_a | self.customer_b)

    def test_staff_read_none_and_nobody_writes_it(self):
        with self.assertRaises(AccessError):
            self.visible(self.staff_a1)
        entry = self.env["minicrm.privacy.log"].search([("partner_id", "=", self.customer_a.id)])
        self.assertEqual(entry.user_id, self.manager_a)
        for user in (self.manager_a, self.operator):
            with self.assertRaises(AccessError):
                entry.sudo(user).write({"details": "changed"})
            with self.assertRaises(AccessError):
                entry.sudo(user).unlink()
            with self.assertRaises(AccessError):
                self.env["minicrm.privacy.log"].sudo(user).create({"kind": "export"})
