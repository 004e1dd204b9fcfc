# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The personal data register, as its real readers: the operator reads
every entry, an agency's manager their agency's, staff and other users
none; nobody writes it by hand."""
import datetime

from odoo.exceptions import AccessError
from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import NEXT_YEAR, MinicrmCase


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


@at_install(False)
@post_install(True)
class TestPrivacyRegisterErasures(MinicrmCase):
    """Erasures write the register too: the manager's button and the
    retention job, each under its own kind."""

    def entries(self, customer):
        return self.env["minicrm.privacy.log"].search(
            [("partner_id", "=", customer.id)]).mapped("kind")

    def test_the_managers_anonymisation_is_registered(self):
        action = self.customer_a.sudo(self.manager_a).action_minicrm_anonymise()
        wizard = self.env[action["res_model"]].sudo(self.manager_a).with_context(
            **action["context"]).create({})
        wizard.action_confirm()
        self.assertEqual(self.entries(self.customer_a), ["anonymise"])
        entry = self.env["minicrm.privacy.log"].search([("partner_id", "=", self.customer_a.id)])
        self.assertEqual((entry.user_id, entry.agency_id), (self.manager_a, self.agency_a))
        # The register keeps no copy of the person's data.
        self.assertNotIn("Smith", entry.details or "")

    def test_the_retention_job_is_registered(self):
        self.agency_a.sudo(self.manager_a).write({"retention_request_months": 6})
        request_user = self.create_customer(
            self.staff_a1, "Rita", "Quayle", "rita.quayle@example.com", customer_state="request")
        self.create_booking(self.staff_a1, request_user, self.company_1, kind="request")
        self.env["res.partner"]._minicrm_apply_retention(datetime.datetime(NEXT_YEAR + 1, 1, 1))
        self.assertEqual(self.entries(request_user), ["retention"])
