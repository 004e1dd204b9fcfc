from . import test_portal_access
from . import test_portal_rules
from . import test_portal_http
from . import test_portal_browser
from . import test_staff_browser
