from . import test_agency_company
from . import test_create_invoice
from . import test_invoice_isolation
from . import test_invoice_columns
from . import test_books_isolation
from . import test_books_reports
from . import test_invoice_browser
