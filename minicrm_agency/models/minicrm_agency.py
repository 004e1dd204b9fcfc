# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import unicodedata
from email.utils import formataddr

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from odoo.addons.base.res.res_partner import _tz_get

from .minicrm_chatter import with_sender

# What only the operator decides; an agency manager edits the rest.
OPERATOR_FIELDS = {"rental_company_ids", "user_ids", "active", "send_booking_confirmation",
                   "currency_id", "company_id"}
# A quote page's address: lowercase words of letters and digits joined by dashes.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX_LENGTH = 64


def slugify(text):
    """``text`` as a quote page address: accents dropped, lowercase,
    anything else than letters and digits one dash."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:SLUG_MAX_LENGTH].strip("-") or "agency"


class MinicrmAgency(models.Model):
    """A booking agency: the unit that owns customers and bookings.

    Every staff user belongs to one agency, and global record rules keep each
    agency's customers and bookings invisible to the others.
    """
    _name = "minicrm.agency"
    _description = "Booking agency"
    _inherit = ["mail.thread", "minicrm.value.check.mixin"]
    _order = "name"

    name = fields.Char(required=True, index=True, track_visibility="onchange")
    active = fields.Boolean(default=True, track_visibility="onchange")
    email = fields.Char(
        track_visibility="onchange",
        help="Sender of the mails its customers receive (portal invitations, password "
             "resets). Empty: the company's address is used.")
    country_id = fields.Many2one(
        "res.country", "Country", track_visibility="onchange",
        default=lambda self: self.env.user.company_id.country_id,
        help="Phone numbers typed without a country code are read as this country's, "
             "so that a customer is found by a national or an international number.")
    send_booking_confirmation = fields.Boolean(
        "Send booking confirmations", default=False, track_visibility="onchange",
        help="Confirming a booking queues a confirmation email to the booking's contact, "
             "in their language, from this agency. Set by the operator.")
    quote_slug = fields.Char(
        "Quote page address", size=SLUG_MAX_LENGTH, copy=False, index=True,
        track_visibility="onchange",
        help="The public \"Request a quote\" page is /quote/<this address>. Lowercase "
             "letters, digits and dashes; made from the name when left empty.")
    # Never empty: the customers' pages and mails print its local times. An
    # upgrade gives existing agencies the default (Odoo fills a column that
    # becomes required with it).
    tz = fields.Selection(
        _tz_get, string="Time zone", required=True, default=lambda self: self._default_tz(),
        track_visibility="onchange",
        help="The agency's local time zone: its customers see pickup and drop-off times "
             "in it (portal, mails), and type them in it on the quote form.")
    # Bookings' amounts and customers' spending are in this currency.
    currency_id = fields.Many2one(
        "res.currency", string="Currency", required=True,
        default=lambda self: self.env.user.company_id.currency_id,
        track_visibility="onchange",
        help="Currency of the agency's booking amounts and of its customers' spending.")
    # Public name (other tools rely on it). Required once the invoices addon
    # (minicrm_agency_account) is installed: the agency keeps its books there.
    company_id = fields.Many2one(
        "res.company", string="Company", index=True, ondelete="restrict",
        track_visibility="onchange",
        help="The Odoo company in which this agency keeps its books (invoices, payments, "
             "chart of accounts) and whose name, logo and address head its invoices. The "
             "agency's staff work in this company. Set by the operator.")
    user_ids = fields.One2many(
        "res.users", "minicrm_agency_id", string="Staff",
        help="Backend users who work for this agency.",
    )
    rental_company_ids = fields.Many2many(
        "minicrm.rental.company",
        "minicrm_agency_rental_company_rel", "agency_id", "rental_company_id",
        string="Rental companies",
        help="Companies this agency books with. Its bookings must use one of them.",
    )

    _sql_constraints = [
        ("name_uniq", "unique(name)", "An agency with this name already exists."),
        ("quote_slug_uniq", "unique(quote_slug)",
         "Another agency already uses this quote page address."),
    ]

    @api.model
    def _default_tz(self):
        """The company's time zone (its address's), else the operator's
        who creates the agency, else UTC."""
        return (self.env.user.company_id.partner_id.tz or self.env.user.tz
                or self.env.context.get("tz") or "UTC")

    @api.onchange("country_id")
    def _onchange_country_id_currency(self):
        """A new agency prices in its country's currency (a French one in
        euros, a Swiss one in francs), when that currency is active."""
        origin = getattr(self, "_origin", None)
        currency = self.country_id.currency_id
        if currency.active and not (origin and isinstance(origin.id, int)):
            self.currency_id = currency

    @api.model
    def create(self, vals):
        if "tz" in vals and not vals["tz"]:
            vals = {name: value for name, value in vals.items() if name != "tz"}
        if not vals.get("quote_slug"):
            vals = dict(vals, quote_slug=self._minicrm_free_slug(slugify(vals.get("name"))))
        self._minicrm_check_quote_slug(vals["quote_slug"])
        return super(MinicrmAgency, self).create(vals)

    @api.multi
    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, *args, **kwargs):
        return super(MinicrmAgency, self).message_post(*args, **with_sender(self.env, kwargs))

    @api.multi
    def write(self, vals):
        if OPERATOR_FIELDS & set(vals) and not self.env.user._minicrm_is_operator():
            raise AccessError(_(
                "Only the operator administrator changes an agency's rental "
                "companies, staff, currency, company, archiving or booking confirmations."))
        if "tz" in vals and not vals["tz"]:
            # Said in words: the database would refuse it with an error log.
            raise ValidationError(_("An agency needs a time zone: its customers see their "
                                    "pickup times in it."))
        if "quote_slug" in vals and not vals["quote_slug"]:
            for agency in self:
                super(MinicrmAgency, agency).write(dict(vals, quote_slug=agency._minicrm_free_slug(
                    slugify(vals.get("name") or agency.name))))
            return True
        if "quote_slug" in vals:
            self._minicrm_check_quote_slug(vals["quote_slug"], self.ids)
        result = super(MinicrmAgency, self).write(vals)
        if vals.get("company_id"):
            # The staff follow their agency into its (new) company.
            self.mapped("user_ids")._minicrm_sync_company()
        return result

    @api.model
    def _minicrm_check_quote_slug(self, slug, agency_ids=()):
        """Refused before writing, in plain words: the unique constraint
        then only settles two agencies saved at the same time."""
        if not isinstance(slug, str) or not SLUG_RE.match(slug) or len(slug) > SLUG_MAX_LENGTH:
            raise ValidationError(_(
                "The quote page address '%s' may only hold lowercase letters, digits "
                "and single dashes between them (for example alpha-travel).") % (slug,))
        # sudo: uniqueness across agencies the user cannot read; only a
        # yes/no leaves this check.
        if self.sudo().with_context(active_test=False).search_count(
                [("quote_slug", "=", slug), ("id", "not in", list(agency_ids))]):
            raise ValidationError(_(
                "Another agency already uses the quote page address '%s': choose "
                "another one.") % slug)

    @api.model
    def _minicrm_free_slug(self, slug):
        """``slug``, or ``slug-2``, ``slug-3``… when another agency has it."""
        # sudo: only whether an address is taken leaves this method.
        Agency = self.sudo().with_context(active_test=False)
        candidate, number = slug, 1
        while Agency.search_count([("quote_slug", "=", candidate)]):
            number += 1
            suffix = "-%d" % number
            candidate = slug[:SLUG_MAX_LENGTH - len(suffix)].strip("-") + suffix
        return candidate

    @api.multi
    def _minicrm_mail_sender(self, company):
        """(name, email) of the mails sent in this agency's name: its own
        address, else the company's, else the mail domain's no-reply one;
        always under the agency's name."""
        self.ensure_one()
        agency = self.sudo()
        email = agency.email or company.sudo().email
        if not email:
            domain = self.env["ir.config_parameter"].sudo().get_param("mail.catchall.domain")
            email = "noreply@%s" % (domain or "localhost")
        return agency.name, email

    @api.multi
    def _minicrm_mail_sender_address(self, company):
        """The sender of :meth:`_minicrm_mail_sender` as one address:
        ``"Alpha Travel" <desk@alpha-travel.example>``."""
        return formataddr(self._minicrm_mail_sender(company))
