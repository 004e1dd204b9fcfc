# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Mini-CRM for Booking Agencies",
    "summary": "Customers, quote requests and bookings of transport agencies, "
               "isolated per agency",
    "version": "11.0.1.2.0",
    "category": "Sales",
    "website": "https://example.com/minicrm_agency",
    "author": "minicrm_agency developers",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "mail",
        "base_import",
        "partner_firstname",
        "base_access_hardening",
        # The booking form's amount is typed after Tab from Passengers.
        "web_monetary_focus",
        # Times are shown to the minute.
        "web_datetime_minutes",
    ],
    # Phone numbers are searched in E.164 form (as Odoo's phone_validation does).
    "external_dependencies": {"python": ["phonenumbers"]},
    "data": [
        "security/minicrm_security.xml",
        "security/ir.model.access.csv",
        "data/minicrm_booking_data.xml",
        "data/mail_template_data.xml",
        "data/mail_template_upgrade.xml",
        "data/mail_template_quote_data.xml",
        "data/mail_template_cancellation_data.xml",
        "data/ir_cron_data.xml",
        "views/assets.xml",
        "views/minicrm_agency_views.xml",
        "views/minicrm_rental_company_views.xml",
        "views/minicrm_booking_views.xml",
        "views/res_partner_views.xml",
        "views/res_users_views.xml",
        "views/res_config_settings_views.xml",
        "views/minicrm_settings_views.xml",
        "views/menus.xml",
    ],
    "pre_init_hook": "pre_init_hook",
    "demo": [
        "demo/res_company_demo.xml",
        "demo/minicrm_rental_company_demo.xml",
        "demo/minicrm_agency_demo.xml",
        "demo/res_users_demo.xml",
        "demo/res_partner_demo.xml",
        "demo/minicrm_booking_demo.xml",
    ],
}
