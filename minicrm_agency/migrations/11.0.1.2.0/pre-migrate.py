# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""1.2.0: the bookings' search text and spent amount columns exist before
the ORM would compute them row by row; post-migrate fills them in bulk."""


def migrate(cr, version):
    if version:
        cr.execute("ALTER TABLE minicrm_booking "
                   "ADD COLUMN IF NOT EXISTS minicrm_search_text varchar, "
                   "ADD COLUMN IF NOT EXISTS spent_amount numeric")
