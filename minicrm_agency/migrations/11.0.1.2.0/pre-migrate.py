# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""1.2.0: the new stored columns exist, and are filled in bulk, before the ORM
would compute them row by row:

- the customer's agency currency, created and filled here in one statement;
- the bookings' search text and spent amount, created here and filled by
  post-migrate.
"""


def migrate(cr, version):
    if version:
        cr.execute("ALTER TABLE res_partner ADD COLUMN IF NOT EXISTS minicrm_currency_id integer")
        cr.execute("""UPDATE res_partner partner
                         SET minicrm_currency_id = agency.currency_id
                        FROM minicrm_agency agency
                       WHERE agency.id = partner.minicrm_agency_id
                         AND partner.minicrm_currency_id IS DISTINCT FROM agency.currency_id""")
        cr.execute("ALTER TABLE minicrm_booking "
                   "ADD COLUMN IF NOT EXISTS minicrm_search_text varchar, "
                   "ADD COLUMN IF NOT EXISTS spent_amount numeric")
