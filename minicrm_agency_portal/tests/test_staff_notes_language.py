# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import NEXT_YEAR, MinicrmCase

ADDONS = ("base_access_hardening", "minicrm_agency", "minicrm_agency_portal")
QUOTE_FORM = {
    "firstname": "Lucie", "lastname": "Visiteuse", "email": "lucie.visiteuse@example.com",
    "phone": "+33 6 00 00 00 02", "pickup_location": "Nice", "dropoff_location": "Cannes",
    "pickup_datetime": "%d-07-01T10:00" % NEXT_YEAR, "dropoff_datetime": "",
    "passengers": "2", "notes": "",
}


@at_install(False)
@post_install(True)
class TestStaffNotesLanguage(MinicrmCase):
    """The notes a customer's action leaves for the agency's staff (a quote
    accepted or declined on the portal, a request from the public quote
    page) are in the agency's language, not in the customer's: an English
    agency's staff read English when a French customer acts."""

    @classmethod
    def setup_class_fixtures(cls):
        env = cls.env
        env["res.lang"].load_lang("fr_FR")
        env["ir.module.module"].with_context(overwrite=True).search(
            [("name", "in", ADDONS)])._update_translations("fr_FR")
        cls.lea = cls.create_customer(cls.staff_a1, "Léa", "Moreau", "lea.moreau@example.com",
                                      lang="fr_FR")
        cls.lea_login = cls.lea.sudo().minicrm_portal_user_id
        cls.quote = cls.create_booking(cls.staff_a1, cls.lea, cls.company_1, kind="request",
                                       amount=150.0)
        cls.quote.sudo(cls.staff_a1).action_send_quote()

    def as_lea(self):
        """The quote as Léa's portal session has it (her language: French)."""
        quote = self.as_user(self.lea_login, "minicrm.booking").browse(self.quote.id)
        self.assertEqual(quote.env.lang, "fr_FR")
        return quote

    def last_note(self, record):
        return record.message_ids.sorted("id")[-1]

    def test_a_quote_accepted_by_a_french_customer_is_noted_in_english(self):
        self.assertFalse(self.agency_a.lang)
        self.as_lea()._minicrm_portal_accept()
        note = self.last_note(self.quote)
        self.assertIn("The customer accepted the quote of", note.body)
        self.assertEqual(note.subject, "Léa Moreau accepted the quote %s" % self.quote.name)

    def test_a_quote_declined_by_a_french_customer_is_noted_in_english(self):
        self.as_lea()._minicrm_portal_decline()
        note = self.last_note(self.quote)
        self.assertIn("The customer declined the quote on the portal.", note.body)
        self.assertEqual(note.subject, "Léa Moreau declined the quote %s" % self.quote.name)

    def test_a_french_agency_reads_its_notes_in_french(self):
        self.agency_a.sudo(self.manager_a).write({"lang": "fr_FR"})
        self.as_lea()._minicrm_portal_accept()
        note = self.last_note(self.quote)
        self.assertIn("Le client a accepté le devis", note.body)
        self.assertEqual(note.subject, "Léa Moreau a accepté le devis %s" % self.quote.name)

    def test_a_request_from_the_french_quote_page_is_noted_in_english(self):
        values = dict(QUOTE_FORM, rental_company_id=str(self.company_1.id))
        # The public page runs as superuser, in the visitor's language.
        request = self.env["minicrm.booking"].with_context(lang="fr_FR").create_quote_request(
            self.agency_a, values)
        note = self.last_note(request)
        self.assertIn("New quote request %s" % request.name, note.body)
        self.assertEqual(note.subject, "New quote request %s from Lucie Visiteuse" % request.name)

    def test_a_password_reset_by_french_staff_is_noted_in_the_agencys_language(self):
        self.staff_a1.write({"lang": "fr_FR"})
        customer = self.as_user(self.staff_a1, "res.partner").browse(self.lea.id)
        customer.action_minicrm_reset_password()
        self.assertIn("Password reset email sent to lea.moreau@example.com",
                      self.last_note(self.lea).body)
