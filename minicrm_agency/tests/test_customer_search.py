# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import MinicrmCase


class TestCustomerSearch(MinicrmCase):
    """One search entry matches name, first and last name, email, phone and
    mobile; customer pickers use the same matching."""

    def search_box(self, text, user=None):
        Partner = self.as_user(user or self.staff_a1, "res.partner")
        return Partner.search([("customer_state", "!=", False), ("minicrm_search", "ilike", text)])

    def test_search_box_matches_each_field(self):
        for text in ("Ann", "smi", "Ann Smith", "smith ann", "ann.smith@exa", "example.com"):
            self.assertIn(self.customer_a, self.search_box(text), text)
        self.assertNotIn(self.customer_a, self.search_box("Zebra"))

    def test_phone_search_ignores_spacing_and_punctuation(self):
        for text in ("+33 6 12", "3361234", "6 12 34", "(33) 612-34", "07 11 22", "0711"):
            self.assertIn(self.customer_a, self.search_box(text), text)
        self.assertNotIn(self.customer_a, self.search_box("99 99 99"))

    def test_search_box_never_reaches_other_agency(self):
        self.assertFalse(self.search_box("bob.brown"))
        self.assertFalse(self.search_box("+44 20 7946"))
        self.assertTrue(self.search_box("bob.brown", user=self.staff_b1))

    def test_customer_picker_matches_email_and_phone(self):
        Partner = self.as_user(self.staff_a1, "res.partner").with_context(
            minicrm_customer_search=True)
        for text in ("ann.smith@", "+33 6 12 34", "Smith"):
            found = [pid for pid, _name in Partner.name_search(text)]
            self.assertIn(self.customer_a.id, found, text)

    def test_phone_digits_are_stored(self):
        self.assertEqual(self.customer_a.minicrm_phone_digits, "33612345678 0711223344")
