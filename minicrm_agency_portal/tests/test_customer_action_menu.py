# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import CUSTOMERS_ACTION, MinicrmCase


@at_install(False)
@post_install(True)
class TestCustomerActionMenu(MinicrmCase):
    """The Customers screens' Action menu leaves out Odoo's "Portal Access
    Management" (the form's portal buttons are the way); other contact
    screens keep it."""

    def toolbar_action_ids(self, context):
        view = self.env["res.partner"].sudo(self.operator).with_context(**context) \
            .fields_view_get(view_type="tree", toolbar=True)
        return {action["id"] for action in view["toolbar"]["action"]}

    def test_portal_access_management_is_not_offered_on_customers(self):
        # An operator who also manages contacts sees Odoo's wizard elsewhere.
        self.operator.groups_id |= self.env.ref("base.group_partner_manager")
        wizard = self.env.ref("portal.partner_wizard_action").id
        customers = self.toolbar_action_ids(self.screen_context(self.operator, CUSTOMERS_ACTION))
        self.assertNotIn(wizard, customers)
        self.assertIn(wizard, self.toolbar_action_ids({}))
