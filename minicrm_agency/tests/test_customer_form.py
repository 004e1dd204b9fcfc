# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import MinicrmCase


class TestCustomerForm(MinicrmCase):
    """The "Choose rental company" selector and the last-contact tabs."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.create_booking(cls.staff_a1, cls.customer_a, cls.company_1,
                           contact_email="ann.riviera@example.com", invoice_vat="FR123")
        cls.create_booking(cls.staff_a1, cls.customer_a, cls.company_2, kind="request",
                           contact_email="ann.citylink@example.com")

    def form(self, user):
        return self.as_user(user, "res.partner").browse(self.customer_a.id)

    def test_selector_offers_companies_booked_with(self):
        form = self.form(self.staff_a1)
        self.assertEqual(form.minicrm_rental_company_ids, self.company_1 | self.company_2)
        self.assertFalse(form.minicrm_rental_company_fixed)

    def test_selector_is_fixed_for_user_with_one_company(self):
        form = self.form(self.staff_a2)
        self.assertEqual(form.minicrm_rental_company_ids, self.company_1)
        self.assertTrue(form.minicrm_rental_company_fixed)
        self.assertEqual(form.minicrm_rental_company_id, self.company_1)

    def choose_company(self, user, company):
        """What the web client does when the user picks a company: an onchange
        with the form's values and the view's onchange spec."""
        Partner = self.as_user(user, "res.partner")
        view = self.env.ref("minicrm_agency.view_minicrm_customer_form")
        spec = Partner._onchange_spec(Partner.fields_view_get(view.id, "form"))
        self.assertEqual(spec.get("minicrm_rental_company_id"), "1")
        form = Partner.browse(self.customer_a.id)
        values = {name: False for name in spec
                  if name in Partner._fields and Partner._fields[name].type not in (
                      "one2many", "many2many")}
        values["minicrm_rental_company_id"] = company.id
        return form.onchange(values, "minicrm_rental_company_id", spec)["value"]

    def test_last_booking_contact_follows_chosen_company(self):
        changes = self.choose_company(self.staff_a1, self.company_1)
        card = changes["minicrm_last_booking_card"]
        self.assertIn("ann.riviera@example.com", card)
        self.assertIn("FR123", card)
        self.assertNotIn("ann.citylink@example.com", card)
        self.assertFalse(changes.get("minicrm_last_request_card"))

    def test_last_request_contact_follows_chosen_company(self):
        changes = self.choose_company(self.staff_a1, self.company_2)
        self.assertIn("ann.citylink@example.com", changes["minicrm_last_request_card"])
        self.assertNotIn("ann.riviera@example.com", changes["minicrm_last_request_card"])

    def test_contact_card_escapes_html(self):
        self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                            contact_firstname="<script>alert(1)</script>")
        card = self.choose_company(self.staff_a1, self.company_1)["minicrm_last_booking_card"]
        self.assertNotIn("<script>", card)
        self.assertIn("&lt;script&gt;", card)
