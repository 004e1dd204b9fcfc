# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Mini-CRM for Booking Agencies: Invoices",
    "summary": "Invoice confirmed bookings with Odoo's accounting, invoices by end "
               "customer, isolated per agency",
    "version": "11.0.2.0.0",
    "category": "Accounting",
    "website": "https://example.com/minicrm_agency",
    "author": "minicrm_agency developers",
    "license": "LGPL-3",
    "installable": True,
    # Installing the Mini-CRM in a database with accounting gives invoices.
    "auto_install": True,
    "depends": [
        "minicrm_agency",
        "account",
    ],
    "data": [
        "security/minicrm_account_security.xml",
        "data/minicrm_agency_data.xml",
        "views/account_invoice_views.xml",
        "views/account_portal_templates.xml",
        "views/minicrm_agency_views.xml",
        "views/minicrm_booking_views.xml",
        "views/res_partner_views.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/minicrm_booking_demo.xml",
    ],
}
