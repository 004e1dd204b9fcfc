# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError

# The only fields these public methods print: nothing else of a booking may
# be read through them.
LOCAL_TIME_FIELDS = ("pickup_datetime", "dropoff_datetime")
CONFIRMATION_TEMPLATE = "minicrm_agency.mail_template_booking_confirmation"
# The confirmation mail's pickup line before the fix: format_tz adds the
# time zone itself ("08:15:00 (Europe/Paris) (Europe/Paris)").
OLD_PICKUP = ("${format_tz(object.pickup_datetime, tz=object.agency_id.tz or 'UTC')} "
              "(${object.agency_id.tz or 'UTC'})")
NEW_PICKUP = "${object.minicrm_local_time('pickup_datetime')} (${object.minicrm_tz()})"


class MinicrmBookingLocalTime(models.Model):
    """A trip's times as the customer must read them: in the agency's time
    zone, whatever the reader's own (a portal login often has none, and
    Odoo would then print UTC), in the reader's language's date and time
    format, without seconds. Used by the portal pages and the mails (public
    names: mail templates may not call private methods); they read the
    booking as the caller may."""
    _inherit = "minicrm.booking"

    @api.multi
    def minicrm_local_time(self, field_name="pickup_datetime"):
        """``field_name`` (a datetime) as a local time of the booking's
        agency, e.g. "06/01/2027 09:30"; empty when it is not set."""
        self.ensure_one()
        if field_name not in LOCAL_TIME_FIELDS:
            raise UserError(_("Only the pickup and drop-off times are printed this way."))
        value = self[field_name]
        if not value:
            return ""
        local = pytz.utc.localize(fields.Datetime.from_string(value)).astimezone(
            pytz.timezone(self.minicrm_tz()))
        lang = self.env["res.lang"]._lang_get(self.env.context.get("lang") or "en_US")
        date_format = lang.date_format or "%m/%d/%Y"
        time_format = (lang.time_format or "%H:%M").replace(":%S", "")
        return "%s %s" % (local.strftime(date_format), local.strftime(time_format))

    @api.multi
    def minicrm_tz(self):
        """The agency's time zone (never empty on an agency; UTC only for a
        booking of none)."""
        self.ensure_one()
        return self.agency_id.tz or "UTC"

    @api.model
    def _minicrm_upgrade_confirmation_template(self):
        """The confirmation mail's pickup line in databases made before the
        fix: the template is ``noupdate`` (staff may edit it), so an upgrade
        does not reload it. Only the old expression is replaced, in the
        template and its translations; an edited template keeps the rest."""
        template = self.env.ref(CONFIRMATION_TEMPLATE, raise_if_not_found=False)
        if not template:
            return
        source = template.with_context(lang=None)
        if OLD_PICKUP in (source.body_html or ""):
            source.body_html = source.body_html.replace(OLD_PICKUP, NEW_PICKUP)
        translations = self.env["ir.translation"].search([
            ("name", "=", "mail.template,body_html"), ("res_id", "=", template.id)])
        for translation in translations:
            for name in ("src", "value"):
                if OLD_PICKUP in (translation[name] or ""):
                    translation[name] = translation[name].replace(OLD_PICKUP, NEW_PICKUP)
