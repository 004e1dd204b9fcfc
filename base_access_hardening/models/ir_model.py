# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

from .rpc_input import patch_call_kw


class IrModel(models.Model):
    """Where Odoo expects a patch of core code: the registry calls
    ``_register_hook`` once it has loaded this addon's models, so the RPC
    input checks are in place before any request reaches the database."""
    _inherit = "ir.model"

    def _register_hook(self):
        patch_call_kw()
        return super(IrModel, self)._register_hook()
