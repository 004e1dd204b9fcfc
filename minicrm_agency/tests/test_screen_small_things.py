# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Small things staff noticed on the screens (issue 23, item 11), as the
staff user with the context of the screen's action."""
import json

from lxml import etree

from odoo.tests.common import at_install, post_install

from .common import BOOKINGS_ACTION, CUSTOMERS_ACTION, MinicrmCase

HIDDEN = ("mail.action_partner_mass_mail", "sms.send_sms_action")


@at_install(False)
@post_install(True)
class TestScreenSmallThings(MinicrmCase):

    def toolbar_action_ids(self, context):
        view = self.env["res.partner"].sudo(self.staff_a1).with_context(**context) \
            .fields_view_get(view_type="tree", toolbar=True)
        return {action["id"] for action in view["toolbar"]["action"]}

    def test_customers_action_menu_leaves_out_mass_mailing_and_sms(self):
        hidden = {self.env.ref(xml_id).id for xml_id in HIDDEN
                  if self.env.ref(xml_id, raise_if_not_found=False)}
        self.assertTrue(hidden)
        customers = self.toolbar_action_ids(self.screen_context(self.staff_a1, CUSTOMERS_ACTION))
        self.assertFalse(customers & hidden)
        # Other contact screens keep Odoo's menu.
        self.assertEqual(self.toolbar_action_ids({}) & hidden, hidden)

    def test_an_unsaved_booking_is_titled_new_booking_not_a_slash(self):
        context = self.screen_context(self.staff_a1, BOOKINGS_ACTION)
        view = self.env["minicrm.booking"].sudo(self.staff_a1).with_context(**context) \
            .fields_view_get(view_type="form")
        title = etree.fromstring(view["arch"]).xpath("//div[contains(@class, 'oe_title')]/h1")[0]
        modifiers = json.loads(title.xpath("field[@name='name']")[0].get("modifiers"))
        self.assertEqual(modifiers.get("invisible"), [["id", "=", False]])
        self.assertIn("New booking", [span.text for span in title.xpath("span")])

    def test_the_operator_settings_screen_has_no_explicit_access_rules(self):
        # Odoo 11 warns at every start about a transient model with them.
        self.assertFalse(self.env["ir.model.access"].search(
            [("model_id.model", "=", "minicrm.settings")]))
