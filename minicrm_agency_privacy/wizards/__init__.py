from . import minicrm_anonymise_wizard
