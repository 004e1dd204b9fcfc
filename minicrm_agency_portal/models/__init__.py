from . import res_users
from . import res_partner
from . import minicrm_booking
