# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tools import sql

from ..models.minicrm_booking_local_time import NEW_PICKUP, OLD_PICKUP
from .common import NEXT_YEAR, MinicrmCase

TEMPLATE = "minicrm_agency.mail_template_booking_confirmation"


class TestAgencyTimeZone(MinicrmCase):
    """An agency's time zone is never empty: the customers' pages and mails
    print its local times."""

    def new_agency(self, name):
        return self.as_user(self.operator, "minicrm.agency").create({"name": name})

    def test_a_new_agency_gets_its_companys_time_zone_else_the_operators(self):
        company_partner = self.env.user.company_id.partner_id
        company_partner.tz = "Europe/Zurich"
        self.operator.tz = "Europe/Lisbon"
        self.assertEqual(self.new_agency("Zurich Cars").tz, "Europe/Zurich")
        company_partner.tz = False
        self.assertEqual(self.new_agency("Lisbon Cars").tz, "Europe/Lisbon")

    def test_the_time_zone_cannot_be_emptied(self):
        agency = self.as_user(self.operator, "minicrm.agency").browse(self.agency_a.id)
        with self.assertRaises(ValidationError):
            agency.write({"tz": False})
        self.assertTrue(self.agency_a.tz)

    def test_the_agency_form_asks_for_it(self):
        view = self.as_user(self.operator, "minicrm.agency").fields_view_get(view_type="form")
        self.assertIn('name="tz"', view["arch"])
        self.assertTrue(view["fields"]["tz"]["required"])

    def test_an_upgrade_gives_existing_agencies_a_time_zone(self):
        """What Odoo does when the column becomes required (an upgrade from
        a version where it was optional): empty ones get the default."""
        cr = self.env.cr
        self.env.user.company_id.partner_id.tz = "Europe/Madrid"
        cr.execute("ALTER TABLE minicrm_agency ALTER COLUMN tz DROP NOT NULL")
        cr.execute("UPDATE minicrm_agency SET tz = NULL WHERE id = %s", (self.agency_b.id,))
        Agency = self.env["minicrm.agency"]
        Agency.clear_caches()
        column = sql.table_columns(cr, "minicrm_agency")["tz"]
        Agency._fields["tz"].update_db_notnull(Agency, column)
        Agency.invalidate_cache()
        self.assertEqual(self.agency_b.tz, "Europe/Madrid")

    def test_the_confirmation_mail_prints_the_time_zone_once_without_seconds(self):
        self.agency_a.write({"tz": "Europe/Paris", "send_booking_confirmation": True})
        booking = self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                      pickup_datetime="%d-06-15 06:15:00" % NEXT_YEAR)
        booking.action_confirm()
        mail = self.env["mail.mail"].search([
            ("model", "=", "minicrm.booking"), ("res_id", "=", booking.id)])
        self.assertIn("08:15 (Europe/Paris)", mail.body_html)
        self.assertNotIn("08:15:00", mail.body_html)
        self.assertEqual(mail.body_html.count("Europe/Paris"), 1)

    def test_an_upgrade_fixes_the_confirmation_mail_of_an_existing_database(self):
        template = self.env.ref(TEMPLATE).with_context(lang=None)
        template.body_html = template.body_html.replace(NEW_PICKUP, OLD_PICKUP)
        self.assertIn(OLD_PICKUP, template.body_html)
        self.env["minicrm.booking"]._minicrm_upgrade_confirmation_template()
        template.invalidate_cache()
        self.assertNotIn(OLD_PICKUP, template.body_html)
        self.assertIn(NEW_PICKUP, template.body_html)
