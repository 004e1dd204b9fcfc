from . import test_anonymise
