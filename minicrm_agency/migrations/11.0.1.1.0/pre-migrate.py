# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""1.1.0: the new search text column exists before the ORM would compute
it row by row; post-migrate fills it in bulk. Its trigram index replaces
the three of 1.0.0 (name, email, phone digits), dropped here once rather
than looked for at every start."""

OLD_INDEXES = ("res_partner_minicrm_name_trgm_idx", "res_partner_minicrm_email_trgm_idx",
               "res_partner_minicrm_minicrm_phone_digits_trgm_idx")


def migrate(cr, version):
    if version:
        cr.execute("ALTER TABLE res_partner ADD COLUMN IF NOT EXISTS minicrm_search_text varchar")
        for index in OLD_INDEXES:
            cr.execute("DROP INDEX IF EXISTS %s" % index)  # pylint: disable=sql-injection
