# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api
from odoo.exceptions import ValidationError
from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import (
    CUSTOMERS_ACTION, PASSWORD, MinicrmHttpCase)

ADDONS = ("base_access_hardening", "minicrm_agency", "minicrm_agency_portal")


@at_install(False)
@post_install(True)
class TestFrench(MinicrmHttpCase):
    """A staff user and a portal customer who speak French: French is
    installed with the addons' i18n/fr.po (as Settings › Translations ›
    Load a Translation does), then their screens, the errors they get and
    the mails queued for them are in French."""

    def setup_http_fixtures(self):
        env = type(self).env
        env["res.lang"].load_lang("fr_FR")
        env["ir.module.module"].search([("name", "in", ADDONS)])._update_translations("fr_FR")
        self.staff_a1.write({"lang": "fr_FR"})
        type(self).lea = self.create_customer(
            self.staff_a1, "Léa", "Moreau", "lea.moreau@example.com", lang="fr_FR")
        login = self.lea.sudo().minicrm_portal_user_id
        login.write({"password": PASSWORD})
        type(self).lea_login = login.login
        self.create_booking(self.staff_a1, self.lea, self.company_1)

    def staff_env(self, cr):
        env = api.Environment(cr, self.staff_a1.id, {})
        return api.Environment(cr, self.staff_a1.id, env["res.users"].context_get())

    def test_staff_screens_are_in_french(self):
        def check(env):
            staff = self.staff_env(env.cr)
            self.assertEqual(staff.lang, "fr_FR")
            action = staff.ref(CUSTOMERS_ACTION).read(["name"])[0]
            self.assertEqual(action["name"], "Clients")
            menu = staff.ref("minicrm_agency.menu_minicrm_bookings").read(["name"])[0]
            self.assertEqual(menu["name"], "Réservations")
            form = staff["res.partner"].fields_view_get(
                staff.ref("minicrm_agency.view_minicrm_customer_form").id, "form")
            self.assertIn('string="Nouvelle réservation"', form["arch"])
            self.assertEqual(form["fields"]["last_booking_date"]["string"], "Dernière réservation")
            self.assertEqual(form["fields"]["next_pickup_date"]["string"],
                             "Prochaine prise en charge")
        self.in_test_cursor(check)

    def test_staff_errors_are_in_french(self):
        def check(env):
            staff = self.staff_env(env.cr)
            with self.assertRaisesRegex(ValidationError, "est passée"):
                staff["minicrm.booking"].create({
                    "customer_id": self.lea.id, "rental_company_id": self.company_1.id,
                    "pickup_datetime": "2001-01-01 10:00:00", "pickup_location": "Nice",
                    "dropoff_location": "Monaco"})
        self.in_test_cursor(check)

    def test_portal_invitation_is_queued_in_french(self):
        def check(env):
            mail = env["mail.mail"].search([("email_to", "ilike", "lea.moreau@example.com")])
            self.assertEqual(len(mail), 1, "the portal invitation")
            self.assertTrue(mail.subject.startswith("Vos réservations en ligne"), mail.subject)
            self.assertIn("Choisissez votre mot de passe", mail.body_html)
        self.in_test_cursor(check)

    def test_portal_pages_are_in_french(self):
        self.login(self.lea_login, PASSWORD)
        # The first French page builds the portal's assets in French: slow.
        response = self.url_open("/my/bookings", timeout=300)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Société de location", response.text)
        self.assertNotIn("Rental company", response.text)
