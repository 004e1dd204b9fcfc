# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, models
from odoo.tools import escape_psql

_logger = logging.getLogger(__name__)


class ResUsers(models.Model):
    """The login page's "Reset password" form answers "Reset password:
    invalid username or email" for an unknown login, which tells a visitor
    which logins and email addresses have an account. An unknown login now
    gets the same answer as a known one ("An email has been sent")."""
    _inherit = "res.users"

    @api.model
    def reset_password(self, login):
        users = self.search([("login", "=", login)]) or self.search(
            [("email", "=ilike", escape_psql(login or ""))])
        if len(users) != 1:
            _logger.info("Password reset asked for an unknown login; answered as for any.")
            return True
        return super(ResUsers, self).reset_password(users.login)
