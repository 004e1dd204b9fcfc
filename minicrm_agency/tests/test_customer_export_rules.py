# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import CUSTOMERS_ACTION, MinicrmCase


class TestCustomerExportRules(MinicrmCase):
    """The file of "Export customers" is read in SQL, batch by batch: each
    batch goes through the user's record rules again, whatever records the
    generator is given, and archived customers of the search stay in it."""

    def test_generator_leaves_out_what_the_user_may_not_read(self):
        Partner = self.env["res.partner"].sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, CUSTOMERS_ACTION))
        content = b"".join(Partner.browse(
            [self.customer_b.id, self.customer_a.id])._minicrm_customer_csv())
        self.assertIn(b"ann.smith@example.com", content)
        self.assertNotIn(b"bob.brown", content)
        self.assertNotIn(b"Brown", content)

    def test_archived_customers_of_the_search_are_exported(self):
        self.customer_a.sudo(self.manager_a).write({"active": False})
        Partner = self.env["res.partner"].sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, CUSTOMERS_ACTION))
        customers = Partner._minicrm_customers_to_export([("active", "=", False)])
        self.assertEqual(customers.ids, self.customer_a.ids)
        self.assertIn(b"ann.smith@example.com", b"".join(customers._minicrm_customer_csv()))
