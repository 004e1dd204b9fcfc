# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Mini-CRM for Booking Agencies: Customer Portal",
    "summary": "Customers log in with their email, see their bookings and requests "
               "in every agency, and reset a forgotten password",
    "version": "11.0.1.0.0",
    "category": "Sales",
    "website": "https://example.com/minicrm_agency",
    "author": "minicrm_agency developers",
    "license": "LGPL-3",
    "installable": True,
    # Installing the Mini-CRM in a database with the portal gives the portal.
    "auto_install": True,
    "depends": [
        "minicrm_agency",
        "portal",
        "auth_signup",
        "auth_user_case_insensitive",
    ],
    "data": [
        "security/minicrm_portal_security.xml",
        "security/ir.model.access.csv",
        "security/minicrm_quote_unconfirmed_security.xml",
        "data/mail_template_data.xml",
        "data/quote_confirmation_mail.xml",
        "views/minicrm_agency_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
        "views/portal_core_terms.xml",
        "views/portal_quote_answer_templates.xml",
        "views/quote_templates.xml",
        "views/quote_confirmation_templates.xml",
        "views/minicrm_quote_unconfirmed_views.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
}
