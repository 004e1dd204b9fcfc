# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import MinicrmCase


class TestRentalCompanyChoice(MinicrmCase):
    """"Choose rental company" is the user's preference: choosing writes no
    customer data, and works in read mode (a method call, no save)."""

    def form(self, user):
        # The form as a new request reads it (the selector is not cached).
        self.env["res.partner"].invalidate_cache()
        return self.as_user(user, "res.partner").browse(self.customer_a.id)

    def test_choice_is_remembered_for_the_user_and_leaves_the_customer_alone(self):
        # No trip yet: the latest record's company (booking_a_company_2).
        self.assertEqual(self.form(self.staff_a1).minicrm_rental_company_id, self.company_2)
        # Then the company of the last trip (the list's "Last booking").
        self.move_to_past(self.booking_a)
        stamp = self.customer_a.write_date
        form = self.form(self.staff_a1)
        self.assertEqual(form.minicrm_rental_company_id, self.company_1)
        self.assertEqual(form.minicrm_last_booking_id, self.booking_a)
        self.form(self.staff_a1).minicrm_choose_rental_company(self.company_2.id)
        form = self.form(self.staff_a1)
        self.assertEqual(form.minicrm_rental_company_id, self.company_2)
        # Its only booking with that company is still to come.
        self.assertFalse(form.minicrm_last_booking_id)
        self.assertEqual(self.customer_a.write_date, stamp, "the customer is not written")
        # Another user's form is unchanged.
        self.assertEqual(self.form(self.manager_a).minicrm_rental_company_id, self.company_1)

    def test_choosing_a_company_out_of_reach_is_refused(self):
        with self.assertRaisesRegex(UserError, "no access"):
            self.form(self.staff_a1).minicrm_choose_rental_company(self.company_3.id)
        self.assertFalse(self.staff_a1.minicrm_chosen_rental_company_id)

    def test_a_choice_the_customer_never_booked_with_falls_back_to_the_latest(self):
        self.form(self.staff_b1).minicrm_choose_rental_company(self.company_3.id)
        self.env["res.partner"].invalidate_cache()
        customer = self.as_user(self.staff_b1, "res.partner").browse(self.customer_b.id)
        self.assertEqual(customer.minicrm_rental_company_id, self.company_1)

    def test_form_uses_the_picker_widget(self):
        arch = self.env.ref("minicrm_agency.view_minicrm_customer_form").arch
        self.assertIn('widget="minicrm_rental_company_picker"', arch)
