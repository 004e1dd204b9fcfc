# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""2.0.0: each agency keeps its books in an Odoo company of its own.

Each agency gets a new company named after it (under the main company, with
the agency's currency and a chart of accounts), and its staff are moved into
it. Invoices, payments and journal entries made before (drafts too) stay in
the company they were made in (the main company): posted accounting cannot
move. Staff of an agency no longer read them; operators and accountants
working in the main company do.

The companies are made in MinicrmAgency._auto_init (before company_id
becomes NOT NULL), the charts of accounts by data/minicrm_agency_data.xml;
this script runs the same idempotent set-up once more."""
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["minicrm.agency"]._minicrm_setup_books()
