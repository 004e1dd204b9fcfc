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
        for text in ("Ann", "smi", "Ann Smith", "smith ann", "ann.smith@exa", "example.com",
                     "Smith, Ann", "SMITH,ann", "ann  smith"):
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

    def test_case_and_accents_do_not_matter(self):
        customer = self.create_customer(self.staff_a1, "Élodie", "Lefèvre", "Elodie@Example.com")
        for text in ("elodie", "ÉLODIE", "lefevre elo", "Lefèvre, Élodie", "elodie@example"):
            self.assertIn(customer, self.search_box(text), text)

    def test_wildcards_are_ordinary_characters(self):
        self.assertFalse(self.search_box("a%h"))
        self.assertFalse(self.search_box("_nn"))

    def test_national_international_and_punctuated_numbers_find_the_same_customer(self):
        # Agency A is French: a number typed the French way is +33.
        customer = self.create_customer(self.staff_a1, "Paul", "Dupont", "paul@example.com",
                                        phone="06 55 44 33 22")
        for text in ("06 55 44 33 22", "+33 6 55 44 33 22", "0033 655443322", "06.55.44",
                     "+33655", "(0)6-55-44", "55 44 33 22", "+", "+3", "+33", "(", "+33 6"):
            self.assertIn(customer, self.search_box(text), text)
        self.assertNotIn(customer, self.search_box("+34 6 55 44"))

    def test_two_digits_with_the_national_prefix_find_mobiles(self):
        # "06" is every French mobile starting with 6, typed nationally.
        landline = self.create_customer(self.staff_a1, "Lise", "Fixe", "lise@example.com",
                                        phone="01 23 45 67 89")
        mobile = self.create_customer(self.staff_a1, "Marc", "Mobile", "marc@example.com",
                                      mobile="06 98 76 54 32")
        for text in ("06", "06 ", "+33 6"):
            found = self.search_box(text)
            self.assertIn(mobile, found, text)
            self.assertIn(self.customer_a, found, text)
            self.assertNotIn(landline, found, text)

    def test_phone_digits_are_stored_in_international_form(self):
        # "07 11 22 33 44" is read in the agency's country (France).
        self.assertEqual(self.customer_a.minicrm_phone_digits, "33612345678 33711223344")

    def test_agency_country_reads_its_customers_numbers_again(self):
        customer = self.create_customer(self.staff_a1, "Hans", "Weber", "hans@example.com",
                                        phone="030 1234567")
        self.assertEqual(customer.minicrm_phone_digits, "33301234567")
        self.agency_a.sudo(self.operator).write({"country_id": self.env.ref("base.de").id})
        self.assertEqual(customer.minicrm_phone_digits, "49301234567")
        self.assertIn(customer, self.search_box("+49 30 123"))
