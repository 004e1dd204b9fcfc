# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools import config

from odoo.addons.auth_signup.controllers.main import AuthSignupHome


class MinicrmAuthSignupHome(AuthSignupHome):
    """The pages a customer's invitation and reset links open (/web/signup,
    /web/reset_password) showed the "Manage Databases" link although the
    server lists no databases (``list_db = False``): Odoo 11 hides it on
    /web/login only. The same rule on these pages."""

    def get_auth_signup_qcontext(self):
        qcontext = super(MinicrmAuthSignupHome, self).get_auth_signup_qcontext()
        if not config["list_db"]:
            qcontext["disable_database_manager"] = True
        return qcontext
