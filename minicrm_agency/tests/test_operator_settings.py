# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import MinicrmCase

MENU = "minicrm_agency.menu_minicrm_operator_settings"
ACTION = "minicrm_agency.action_minicrm_settings"


class TestOperatorSettings(MinicrmCase):
    """The operator (not a Settings administrator) reaches the Mini-CRM
    settings they own from Mini-CRM › Configuration, and saves them; agency
    staff and managers do not."""

    def sees_menu(self, user):
        """The menu and its parents are in the user's groups (what Odoo's
        menu filter checks; _visible_menu_ids() itself logs ERRORs for other
        apps' menus whose model is not installed here)."""
        menu = self.env.ref(MENU)
        while menu:
            if menu.groups_id and not menu.groups_id & user.groups_id:
                return False
            menu = menu.parent_id
        return True

    def test_operator_reaches_and_saves_the_settings(self):
        self.assertFalse(self.operator.has_group("base.group_system"))
        menu = self.env.ref(MENU)
        self.assertTrue(self.sees_menu(self.operator))
        self.assertEqual(menu.action, self.env.ref(ACTION))
        action = self.env.ref(ACTION)
        Settings = self.env[action.res_model].sudo(self.operator)
        self.assertTrue(Settings.fields_view_get(view_type="form")["arch"])
        settings = Settings.create({})
        self.assertEqual(settings.minicrm_customer_names_order, "first_last")
        settings.write({"minicrm_customer_names_order": "last_first_comma"})
        settings.execute()
        self.assertEqual(self.customer_a.name, "Smith, Ann")

    def test_staff_and_managers_do_not_reach_them(self):
        for user in (self.staff_a1, self.manager_a):
            self.assertFalse(self.sees_menu(user))
            settings = self.env["minicrm.settings"].sudo(user).create(
                {"minicrm_customer_names_order": "last_first"})
            with self.assertRaises(AccessError):
                settings.execute()
        self.assertEqual(self.customer_a.name, "Ann Smith")
