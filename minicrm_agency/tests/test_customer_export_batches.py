# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.tools.safe_eval import safe_eval

from ..models import res_partner_customer_csv
from .common import CUSTOMERS_ACTION, MinicrmCase


class TestCustomerExportBatches(MinicrmCase):
    """"Export customers" reads and writes its file batch by batch (a
    thousand customers at a time), so that 100,000 customers never sit in
    memory at once: the generator gives the headers, then one chunk per
    batch, and leaves nothing of a batch in the ORM cache."""

    def test_file_comes_in_one_chunk_per_batch(self):
        for index in range(4):
            self.create_customer(self.staff_a1, "Batch", "Customer%d" % index,
                                 "batch%d@example.com" % index)
        Partner = self.env["res.partner"].sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, CUSTOMERS_ACTION))
        customers = Partner._minicrm_customers_to_export(
            safe_eval(self.env.ref(CUSTOMERS_ACTION).domain))
        self.assertEqual(len(customers), 5)
        customers.invalidate_cache()
        with patch.object(res_partner_customer_csv, "CSV_BATCH", 2):
            chunks = customers._minicrm_customer_csv()
            header = next(chunks)
            self.assertEqual(header.count(b"\n"), 1)
            first = next(chunks)
            self.assertEqual(first.count(b"\n"), 2)
            # Nothing of the batch written stays in the cache.
            email = Partner._fields["email"]
            batch = customers.sudo(self.staff_a1).browse(customers[:2].ids)
            self.assertFalse([record for record in batch
                              if Partner.env.cache.contains(record, email)])
            rest = list(chunks)
        self.assertEqual([chunk.count(b"\n") for chunk in rest], [2, 1])
