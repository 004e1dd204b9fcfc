from . import minicrm_agency
from . import res_users
from . import res_partner
from . import res_partner_portal_details
from . import minicrm_booking
from . import minicrm_quote_attempt
from . import minicrm_quote_unconfirmed
from . import res_partner_toolbar
