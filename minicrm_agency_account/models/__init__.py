# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import account_invoice
from . import minicrm_agency
from . import minicrm_booking
from . import res_partner
