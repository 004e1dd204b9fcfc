# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What a portal customer may read of the Mini-CRM's records.

Odoo 11 lets a user read every field of a record they may read, unless the
field has ``groups=``. A portal customer reads their own customer records,
bookings, agencies and rental companies, so they read what staff wrote
there for themselves: the customer's internal note (``comment``), a
booking's notes, the agency's staff and settings, the staff's chatter on
the customer. Core fields cannot get ``groups=`` without changing Odoo for
every contact, so the models of the Mini-CRM's records say which fields a
customer may read (``_minicrm_portal_fields``); on those records, portal
and public users read, export, search, sort and group by no other field.
Other records (core's contacts, a portal user's own login contact) keep
Odoo's behaviour, as do employees and the superuser."""
import threading

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError
from odoo.osv import expression

# Set while Odoo prefetches fields for the server's own code (a template
# reads ``booking.agency_id``, Odoo reads every stored field at once): that
# read is not the user's, and nothing a client sends can set it.
_PREFETCH = threading.local()
# Technical fields every record shows.
ALWAYS_READABLE = ("id", "display_name", "__last_update", "create_date", "write_date")


def domain_field_names(domain):
    return {leaf[0].split(".")[0] for leaf in domain or []
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and isinstance(leaf[0], str)}


def spec_field_names(specs):
    """Field names of read_group fields / group-bys or of an order text."""
    if isinstance(specs, str):
        specs = specs.split(",")
    return {spec.split(":")[0].split("(")[0].split()[0].strip('"').split(".")[0]
            for spec in specs or [] if isinstance(spec, str) and spec.strip()}


class MinicrmPortalFields(models.AbstractModel):
    _name = "minicrm.portal.fields.mixin"
    _description = "Mini-CRM: fields a portal customer may read"

    # The fields a customer may read on the Mini-CRM's records of the model.
    _minicrm_portal_fields = ()

    @api.model
    def _minicrm_portal_other_records_domain(self):
        """The model's records that are not the Mini-CRM's (Odoo's rules
        only): none by default."""
        return expression.FALSE_DOMAIN

    @api.model
    def _minicrm_portal_hidden_fields(self, names):
        """Of ``names``, the fields the current user may not read on the
        Mini-CRM's records."""
        if self.env.uid == SUPERUSER_ID or not self.env.user.share:
            return set()
        allowed = set(ALWAYS_READABLE) | set(self._minicrm_portal_fields)
        return {name for name in names if name in self._fields and name not in allowed}

    @api.multi
    def _minicrm_portal_records(self):
        """Those of these records the allow-list applies to."""
        if not self.ids:
            return self
        # sudo: tells apart records the user is reading anyway; only ids
        # the caller gave come back.
        others = self.sudo().with_context(active_test=False).search(
            expression.AND([[("id", "in", self.ids)],
                            self._minicrm_portal_other_records_domain()]))
        return self - self.browse(others.ids)

    @api.multi
    def _minicrm_portal_check_fields(self, names):
        hidden = self._minicrm_portal_hidden_fields(names)
        if hidden and self._minicrm_portal_records():
            raise AccessError(_("You are not allowed to read these details: %s.") % ", ".join(
                sorted(self._fields[name].string for name in hidden)))

    @api.multi
    def _prefetch_field(self, field):
        depth = getattr(_PREFETCH, "depth", 0)
        _PREFETCH.depth = depth + 1
        try:
            return super(MinicrmPortalFields, self)._prefetch_field(field)
        finally:
            _PREFETCH.depth = depth

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        if getattr(_PREFETCH, "depth", 0):
            return super(MinicrmPortalFields, self).read(fields=fields, load=load)
        if not fields and self._minicrm_portal_records():
            names = self.check_field_access_rights("read", None)
            hidden = self._minicrm_portal_hidden_fields(names)
            if hidden:
                fields = [name for name in names if name not in hidden]
        elif fields:
            self._minicrm_portal_check_fields(fields)
        return super(MinicrmPortalFields, self).read(fields=fields, load=load)

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        self._minicrm_portal_check_fields(
            {path.split("/")[0].split(".")[0] for path in fields_to_export})
        return super(MinicrmPortalFields, self).export_data(fields_to_export, raw_data=raw_data)

    @api.model
    def _minicrm_portal_restrict(self, domain, names):
        """``domain`` limited to records that are not the Mini-CRM's when
        it filters, sorts or groups on a field hidden from the user: the
        answer would otherwise tell the field's value."""
        if not self._minicrm_portal_hidden_fields(names):
            return domain
        # Fields with groups= are refused (base_access_hardening) before
        # Odoo skips a search whose domain cannot match.
        for name in names:
            self._check_field_path_access(name)
        return expression.AND([domain or [], self._minicrm_portal_other_records_domain()])

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        args = self._minicrm_portal_restrict(
            args, domain_field_names(args) | spec_field_names(order))
        return super(MinicrmPortalFields, self)._search(
            args, offset=offset, limit=limit, order=order, count=count,
            access_rights_uid=access_rights_uid)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        names = domain_field_names(domain) | spec_field_names(fields) | \
            spec_field_names([groupby] if isinstance(groupby, str) else groupby) | \
            spec_field_names(orderby or "")
        domain = self._minicrm_portal_restrict(domain, names)
        return super(MinicrmPortalFields, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)


class ResPartner(models.Model):
    """On a customer record (one of an agency) a customer reads who they are
    and how to reach them; the note, type, figures, tags, salesperson and
    chatter are the agency's."""
    _name = "res.partner"
    _inherit = ["res.partner", "minicrm.portal.fields.mixin"]
    _minicrm_portal_fields = (
        "name", "firstname", "lastname", "email", "email_formatted", "phone", "mobile",
        "lang", "tz", "active", "type", "is_company", "parent_id", "commercial_partner_id",
        "street", "street2", "zip", "city", "state_id", "country_id",
        "image", "image_medium", "image_small",
        "minicrm_agency_id", "minicrm_portal_user_id",
    )

    @api.model
    def _minicrm_portal_other_records_domain(self):
        return [("minicrm_agency_id", "=", False)]


class MinicrmBooking(models.Model):
    """A customer reads their trip, its price and contact details, not the
    staff's notes, followers or activities."""
    _name = "minicrm.booking"
    _inherit = ["minicrm.booking", "minicrm.portal.fields.mixin"]
    _minicrm_portal_fields = (
        "name", "kind", "state", "customer_id", "agency_id", "rental_company_id",
        "request_id", "pickup_datetime", "dropoff_datetime", "pickup_location",
        "dropoff_location", "route", "passenger_count", "currency_id", "amount",
        "invoice_number", "contact_firstname", "contact_lastname", "contact_email",
        "contact_phone", "contact_mobile", "contact_lang", "invoice_name", "invoice_vat",
        "invoice_street", "invoice_zip", "invoice_city", "invoice_country_id", "portal_url",
    )


class MinicrmAgency(models.Model):
    """A customer reads the agency's name and public details, not its staff,
    companies or settings."""
    _name = "minicrm.agency"
    _inherit = ["minicrm.agency", "minicrm.portal.fields.mixin"]
    _minicrm_portal_fields = ("name", "active", "email", "country_id", "quote_slug",
                              "currency_id", "tz")


class MinicrmRentalCompany(models.Model):
    """A customer reads the company's name and contact, not its agencies."""
    _name = "minicrm.rental.company"
    _inherit = ["minicrm.rental.company", "minicrm.portal.fields.mixin"]
    _minicrm_portal_fields = ("name", "active", "email", "phone")
