# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.base.res.res_partner import _lang_get

# The language of the texts' source: an agency without a language of its own.
SOURCE_LANG = "en_US"


class MinicrmAgencyLang(models.Model):
    """The agency's language: the notes that its customers' actions leave
    on its records (a quote accepted on the portal, a request sent from the
    quote page, a login given when a customer changes their email) are
    written in it, for its staff. Odoo would write them in the language of
    whoever acts, the customer's."""
    _inherit = "minicrm.agency"

    lang = fields.Selection(
        _lang_get, string="Language", default=lambda self: self.env.lang,
        track_visibility="onchange",
        help="The language of the notes that its customers' actions (on the portal, on the "
             "quote page) leave for the agency's staff. Empty: English.")

    @api.multi
    def _minicrm_note_lang(self):
        """The language to write the agency's notes in."""
        self.ensure_one()
        # sudo: the note may be written for a portal customer, whose access
        # to agencies is limited to some fields; only the language leaves.
        return self.sudo().lang or SOURCE_LANG
