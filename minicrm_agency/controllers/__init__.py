from . import export
from . import portal
