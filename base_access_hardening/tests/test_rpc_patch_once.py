# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api
from odoo.tests.common import TransactionCase, at_install, post_install

from ..models.rpc_input import PATCH_MARK


# The patch is made by _register_hook, at the end of the registry's load.
@at_install(False)
@post_install(True)
class TestRpcPatchOnce(TransactionCase):
    """The RPC input checks wrap odoo.api's call_kw functions from the
    registry's hook, once per process, however often registries load."""

    def test_call_kw_is_wrapped_once_however_often_the_hook_runs(self):
        self.env["ir.model"]._register_hook()
        self.env["ir.model"]._register_hook()
        for function in (api.call_kw_model, api.call_kw_multi):
            with self.subTest(function=function.__name__):
                wrapped = getattr(function, PATCH_MARK, None)
                self.assertTrue(wrapped, "the RPC input checks are not in place")
                self.assertFalse(hasattr(wrapped, PATCH_MARK), "the checks are wrapped twice")
                self.assertEqual(wrapped.__module__, "odoo.api")
