# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Mini-CRM for Booking Agencies: Personal Data Requests",
    "summary": "A customer's copy of their data, erasure that keeps the books, "
               "retention per agency, and a register of every request",
    "version": "11.0.1.0.0",
    "category": "Sales",
    "website": "https://example.com/minicrm_agency",
    "author": "minicrm_agency developers",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "minicrm_agency",
        "minicrm_agency_portal",
    ],
    "data": [
        "security/ir.model.access.csv",
        "security/minicrm_privacy_security.xml",
        "data/ir_cron_data.xml",
        "views/minicrm_anonymise_wizard_views.xml",
        "views/res_partner_views.xml",
        "views/minicrm_agency_views.xml",
        "views/minicrm_privacy_log_views.xml",
        "views/portal_templates.xml",
    ],
}
