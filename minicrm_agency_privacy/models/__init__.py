from . import minicrm_agency_retention
from . import res_partner_anonymise
from . import res_partner_retention
