# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from odoo.addons.minicrm_agency.tests.common import QUIET_CONTEXT

from .common import MinicrmAccountCase


class TestAgencyCompany(MinicrmAccountCase):
    """Each agency keeps its books in an Odoo company: made with the agency
    by the operator (or picked), with a chart of accounts; its staff work in
    it, operators in every agency's company."""

    def create_agency(self, **values):
        """As the operator from Mini-CRM › Configuration › Agencies › Create."""
        return self.env["minicrm.agency"].sudo(self.operator).with_context(
            **self.env(user=self.operator.id)["res.users"].context_get()).create(
            dict({"name": "Gamma Tours"}, **values))

    def test_new_agency_gets_a_company_of_its_own_with_a_chart(self):
        agency = self.create_agency(currency_id=self.env.ref("base.USD").id,
                                    country_id=self.env.ref("base.fr").id)
        company = agency.sudo().company_id
        self.assertEqual((company.name, company.currency_id, company.country_id),
                         ("Gamma Tours", self.env.ref("base.USD"), self.env.ref("base.fr")))
        self.assertEqual(company.parent_id, self.env.ref("base.main_company"))
        self.assertTrue(company.chart_template_id)
        self.assertTrue(self.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "sale")]))
        self.assertTrue(self.env["account.account"].search(
            [("company_id", "=", company.id), ("internal_type", "=", "receivable")]))
        # The operator may switch to it, and is a multi-company user.
        self.assertIn(company, self.operator.company_ids)
        self.assertTrue(self.operator.has_group("base.group_multi_company"))

    def test_operator_picks_an_existing_company(self):
        company = self.env["res.company"].create({
            "name": "Existing Books", "parent_id": self.env.ref("base.main_company").id})
        agency = self.create_agency(company_id=company.id, currency_id=company.currency_id.id)
        self.assertEqual(agency.company_id, company)

    def test_agency_currency_is_its_companys(self):
        company = self.env["res.company"].create({
            "name": "Dollar Books", "parent_id": self.env.ref("base.main_company").id,
            "currency_id": self.env.ref("base.USD").id})
        with self.assertRaisesRegex(ValidationError, "currency of its company"):
            self.create_agency(company_id=company.id, currency_id=self.env.ref("base.EUR").id)

    def test_staff_work_in_their_agencys_company_only(self):
        company_a = self.agency_a.company_id
        self.assertEqual((self.staff_a1.company_id, self.staff_a1.company_ids),
                         (company_a, company_a))
        self.assertEqual(self.staff_b1.company_id, self.agency_b.company_id)
        # Moved to another agency: into its company.
        self.staff_a2.write({"minicrm_agency_id": self.agency_b.id,
                             "minicrm_rental_company_ids": [(5,)]})
        self.assertEqual((self.staff_a2.company_id, self.staff_a2.company_ids),
                         (self.agency_b.company_id, self.agency_b.company_id))
        # A new company for the agency: its staff follow.
        company = self.env["res.company"].create({
            "name": "Agency A New Books", "parent_id": self.env.ref("base.main_company").id,
            "currency_id": self.agency_a.currency_id.id})
        self.agency_a.sudo(self.operator).write({"company_id": company.id})
        self.assertEqual((self.staff_a1.company_id, self.staff_a1.company_ids),
                         (company, company))

    def test_agencys_customers_stay_visible_to_its_staff(self):
        Partner = self.as_user(self.staff_a1, "res.partner")
        self.assertEqual(Partner.search([("id", "=", self.customer_a.id)]), self.customer_a)
        self.assertFalse(Partner.search([("id", "=", self.customer_b.id)]))
        # A customer made in the shared company (before 2.0) too.
        self.customer_a.sudo().write({"company_id": self.env.ref("base.main_company").id})
        self.assertEqual(Partner.search([("id", "=", self.customer_a.id)]), self.customer_a)

    def test_agency_without_a_chart_is_set_up_when_asked(self):
        agency = self.env["minicrm.agency"].with_context(**QUIET_CONTEXT).create(
            {"name": "Lazy Books"})
        self.assertFalse(agency.company_id.chart_template_id)
        agency._minicrm_load_chart()
        self.assertTrue(agency.company_id.chart_template_id)
