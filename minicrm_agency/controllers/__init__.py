from . import export
from . import portal
from . import portal_chatter
