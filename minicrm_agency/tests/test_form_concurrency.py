# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from .common import MinicrmCase


class TestFormConcurrency(MinicrmCase):
    """Two staff open the same customer; the second save of stale data is
    refused by Odoo's own check (``BaseModel._check_concurrency``): the forms
    send what they read in the context key ``__last_update``."""

    def opened(self, record):
        """What the form sends: the last update it read, to the second, as
        the end of that second (static/src/js/last_update.js)."""
        self.cr.execute("SELECT to_char(write_date, 'YYYY-MM-DD HH24:MI:SS') FROM %s "
                        "WHERE id = %%s" % record._table, (record.id,))
        return {"%s,%s" % (record._name, record.id): self.cr.fetchone()[0] + ".999999"}

    def age(self, record, seconds):
        self.cr.execute("UPDATE %s SET write_date = write_date - interval '%d seconds' "
                        "WHERE id = %%s" % (record._table, seconds), (record.id,))

    def check_second_save_is_refused(self, record, user_1, user_2, vals_1, vals_2):
        self.age(record, 60)  # both opened the form a minute ago
        opened = self.opened(record)
        record.sudo(user_1).with_context(__last_update=dict(opened)).write(vals_1)
        with self.assertRaisesRegex(ValidationError, "modified since you last viewed it"):
            record.sudo(user_2).with_context(__last_update=dict(opened)).write(vals_2)
        record.invalidate_cache()
        for name, value in vals_1.items():
            self.assertEqual(record.sudo()[name], value)
        # After reloading, the second user's save goes through.
        record.sudo(user_2).with_context(__last_update=self.opened(record)).write(vals_2)

    def test_customer_form(self):
        self.check_second_save_is_refused(self.customer_a, self.staff_a1, self.manager_a,
                                          {"phone": "+33 1 11 11 11 11"},
                                          {"phone": "+33 2 22 22 22 22"})

    def test_booking_form(self):
        self.check_second_save_is_refused(self.booking_a_company_2, self.staff_a1,
                                          self.manager_a, {"notes": "first"},
                                          {"notes": "second"})

    def test_a_save_in_the_second_the_form_was_read_goes_through(self):
        opened = self.opened(self.customer_a)
        self.customer_a.sudo(self.staff_a1).with_context(__last_update=opened).write(
            {"mobile": "0611111111"})
        self.assertEqual(self.customer_a.sudo().mobile, "0611111111")

    def test_a_save_without_the_key_still_works(self):
        self.customer_a.sudo(self.staff_a1).write({"mobile": "0600000000"})
        self.assertEqual(self.customer_a.sudo().mobile, "0600000000")
