# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import at_install, post_install

from .common import MinicrmCase


@at_install(False)
@post_install(True)
class TestTrackingLanguage(MinicrmCase):
    """A booking's status changed by English staff reads in French in a
    French reader's chatter ("Nouvelle → Confirmée", not "New → Confirmed"),
    and the other way round: Odoo 11 stores the values' labels in the
    writer's language."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.env["res.lang"].load_lang("fr_FR")
        cls.env["ir.module.module"].with_context(overwrite=True).search(
            [("name", "=", "minicrm_agency")])._update_translations("fr_FR")

    def status_change(self, writer_lang, reader_lang):
        booking = self.create_booking(self.staff_a1, self.customer_a, self.company_1)
        booking.sudo(self.staff_a1).with_context(lang=writer_lang).action_confirm()
        messages = booking.sudo(self.staff_a2).with_context(
            lang=reader_lang).message_ids.message_format()
        return [(value["old_value"], value["new_value"]) for message in messages
                for value in message["tracking_value_ids"]
                if value["changed_field"] in ("Status", "Statut")]

    def test_english_staff_status_change_reads_french_to_french_staff(self):
        changes = self.status_change("en_US", "fr_FR")
        self.assertIn(("Nouvelle", "Confirmée"), changes)
        self.assertIn(("", "Nouvelle"), changes)  # the creation

    def test_french_staff_status_change_reads_english_to_english_staff(self):
        changes = self.status_change("fr_FR", "en_US")
        self.assertIn(("New", "Confirmed"), changes)
        self.assertIn(("", "New"), changes)
