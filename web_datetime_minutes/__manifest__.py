# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Date and Time Without Seconds",
    "summary": "A datetime_minutes widget that shows date and time to the minute "
               "(Odoo 11 shows \":00\" seconds everywhere)",
    "version": "11.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://example.com/minicrm_agency",
    "author": "minicrm_agency developers",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "web",
    ],
    "data": [
        "views/assets.xml",
    ],
}
