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

    def test_the_demo_french_and_swiss_agencies_price_in_euros_and_francs(self):
        currencies = {xml_id: self.env.ref(xml_id).currency_id.name for xml_id in (
            "minicrm_agency.demo_agency_alpha", "minicrm_agency.demo_agency_blue")}
        self.assertEqual(currencies, {"minicrm_agency.demo_agency_alpha": "EUR",
                                      "minicrm_agency.demo_agency_blue": "CHF"})

    def test_a_new_agency_prices_in_its_country_s_currency(self):
        """The operator's Agencies › Create: choosing Switzerland proposes francs."""
        context = self.screen_context(self.operator, "minicrm_agency.action_minicrm_agency")
        Agency = self.env["minicrm.agency"].sudo(self.operator).with_context(**context)
        values = dict(Agency.default_get(list(Agency._fields)), name="Geneva Rides",
                      country_id=self.env.ref("base.ch").id)
        changes = Agency.onchange(values, "country_id", Agency._onchange_spec())["value"]
        self.assertEqual(changes["currency_id"][0], self.env.ref("base.CHF").id)

    def test_times_are_shown_to_the_minute_on_every_screen(self):
        """Every datetime the staff's lists, forms and cards show uses the
        datetime_minutes widget (Odoo 11 shows ":00" seconds): the views of
        the Customers and Bookings actions, and the customer's history."""
        history = ("minicrm_agency.view_minicrm_booking_history_tree",
                   "minicrm_agency.view_minicrm_booking_history_kanban")
        checked = 0
        for action_xmlid, model, extra in ((CUSTOMERS_ACTION, "res.partner", ()),
                                           (BOOKINGS_ACTION, "minicrm.booking", history)):
            Model = self.env[model].sudo(self.staff_a1).with_context(
                **self.screen_context(self.staff_a1, action_xmlid))
            views = dict((mode, view_id) for view_id, mode in self.env.ref(action_xmlid).views)
            shown = [(views.get(view_type) or None, view_type)
                     for view_type in ("tree", "form", "kanban")]
            shown += [(self.env.ref(xmlid).id, self.env.ref(xmlid).type) for xmlid in extra]
            for view_id, view_type in shown:
                view = Model.fields_view_get(view_id=view_id, view_type=view_type)
                for node in etree.fromstring(view["arch"]).iter("field"):
                    field = view["fields"].get(node.get("name"), {})
                    if field.get("type") != "datetime" or node.get("invisible"):
                        continue
                    checked += 1
                    self.assertEqual(node.get("widget"), "datetime_minutes",
                                     "%s %s: %s" % (model, view_type, node.get("name")))
        self.assertGreater(checked, 8)
