from . import test_anonymise
from . import test_retention
