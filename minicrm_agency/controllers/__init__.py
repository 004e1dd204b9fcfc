from . import dataset
from . import customer_export
