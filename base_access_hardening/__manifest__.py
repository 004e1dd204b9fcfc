# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Access Hardening",
    "summary": "Closes side doors of Odoo 11's access control: restricted fields in "
               "searches and exports, chatter, followers, attachments, signup tokens, "
               "RPC input, CSV formulas",
    "version": "11.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://example.com/minicrm_agency",
    "author": "minicrm_agency developers",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "mail",
        "base_import",
        "web",
        "auth_signup",
    ],
    "data": [
        "security/access_hardening_security.xml",
    ],
}
