from . import test_customer_state
from . import test_customer_search
from . import test_customer_form
from . import test_booking
from . import test_isolation
from . import test_export
from . import test_query_count
