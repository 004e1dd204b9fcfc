from . import minicrm_rental_company
from . import minicrm_agency
from . import res_users
from . import res_partner
from . import minicrm_booking
