from . import test_anonymise
from . import test_retention
from . import test_anonymise_invoices
from . import test_anonymise_doors
from . import test_anonymise_browser
from . import test_personal_data_http
from . import test_privacy_register
from . import test_personal_data_browser
