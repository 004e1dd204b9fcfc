from . import minicrm_agency_retention
from . import minicrm_privacy_log
from . import res_partner_anonymise
from . import res_partner_personal_data
from . import res_partner_retention
