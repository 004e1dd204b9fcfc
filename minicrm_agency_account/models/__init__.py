# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import account_invoice
from . import account_invoice_line
from . import account_move
from . import account_move_line
from . import minicrm_booking
from . import res_partner
