# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Monetary Fields Keep the Focus",
    "summary": "A monetary field reached with Tab keeps the focus when another field "
               "of the form changes (Odoo 11 lost it: the next typing went nowhere)",
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
