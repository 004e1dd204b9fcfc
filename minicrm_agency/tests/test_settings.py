# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import MinicrmCase

SETTINGS_ACTION = "minicrm_agency.action_minicrm_config_settings"


class TestSettings(MinicrmCase):
    """Settings › Mini-CRM (also Mini-CRM › Configuration › Settings)."""

    def settings_arch(self):
        action = self.env.ref(SETTINGS_ACTION)
        view = self.env["res.config.settings"].with_context(
            module="minicrm_agency").fields_view_get(view_type="form")
        self.assertEqual(action.res_model, "res.config.settings")
        return view["arch"]

    def test_settings_page_offers_the_mini_crm_choices(self):
        arch = self.settings_arch()
        self.assertIn('data-key="minicrm_agency"', arch)
        self.assertIn('name="minicrm_customer_names_order"', arch)
        # The per-agency choices (phone country, emails) are one click away.
        self.assertIn('name="%d"' % self.env.ref("minicrm_agency.action_minicrm_agency").id,
                      arch)
        menu = self.env.ref("minicrm_agency.menu_minicrm_settings")
        self.assertEqual(menu.action, self.env.ref(SETTINGS_ACTION))

    def test_manager_sets_the_phone_country_of_the_agency(self):
        agency = self.as_user(self.manager_a, "minicrm.agency").browse(self.agency_a.id)
        agency.write({"country_id": self.env.ref("base.fr").id})
        self.assertEqual(self.agency_a.country_id, self.env.ref("base.fr"))
        self.assertIn("country code", agency._fields["country_id"].help)
