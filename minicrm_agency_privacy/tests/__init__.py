from . import test_anonymise
from . import test_retention
from . import test_anonymise_invoices
from . import test_anonymise_doors
from . import test_anonymise_browser
