from . import portal
from . import portal_chatter
from . import quote
from . import signup
