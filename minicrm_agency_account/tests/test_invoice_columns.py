# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from .common import MinicrmAccountCase

LISTS = ("minicrm_agency.view_minicrm_booking_tree",
         "minicrm_agency.view_minicrm_booking_history_tree")


class TestInvoiceColumns(MinicrmAccountCase):
    """With accounting, the booking lists show the invoice record in the
    place of the free-text invoice reference (hidden, not removed, so that
    other views inheriting the lists still find it)."""

    def test_booking_lists_show_the_invoice_record_instead_of_its_reference(self):
        bookings = self.env["minicrm.booking"].sudo(self.staff_a1)
        for xmlid in LISTS:
            with self.subTest(view=xmlid):
                arch = etree.fromstring(bookings.fields_view_get(
                    view_id=self.env.ref(xmlid).id, view_type="tree")["arch"])
                names = [node.get("name") for node in arch.iter("field")]
                self.assertIn("invoice_id", names)
                reference = arch.find(".//field[@name='invoice_number']")
                self.assertIsNotNone(reference)
                self.assertIn('"column_invisible": true', reference.get("modifiers"))
                self.assertEqual(names.index("invoice_id"), names.index("invoice_number") + 1)
