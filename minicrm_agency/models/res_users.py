# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

ADMIN_GROUP = "minicrm_agency.group_minicrm_admin"


class ResUsers(models.Model):
    """Attach staff users to their agency and, optionally, to some of its
    rental companies. Both fields feed the global record rules."""
    _inherit = "res.users"

    minicrm_agency_id = fields.Many2one(
        "minicrm.agency", string="Agency", index=True, ondelete="restrict",
        help="The agency this staff user works for. They see its customers and "
             "bookings only.",
    )
    minicrm_rental_company_ids = fields.Many2many(
        "minicrm.rental.company", "minicrm_rental_company_res_users_rel",
        "user_id", "rental_company_id", string="Accessible rental companies",
        help="Leave empty to give access to all of the agency's rental companies.",
    )
    minicrm_customer_ids = fields.One2many(
        "res.partner", "minicrm_portal_user_id", string="Customer records",
        help="The agency customers this portal login gives access to.")
    # The one definition of an operator, read by the record rules.
    minicrm_is_operator = fields.Boolean(
        "Mini-CRM operator", compute="_compute_minicrm_is_operator",
        search="_search_minicrm_is_operator",
        help="Sees and configures every agency: the superuser and the Operator "
             "administrator group.")
    minicrm_accessible_rental_company_ids = fields.Many2many(
        "minicrm.rental.company", string="Rental companies in reach",
        compute="_compute_minicrm_accessible_rental_company_ids",
        help="The rental companies whose bookings this user may see.",
    )

    @api.depends("minicrm_agency_id.rental_company_ids", "minicrm_rental_company_ids")
    def _compute_minicrm_accessible_rental_company_ids(self):
        # sudo: evaluated inside record rules; it reads ids of the user's own
        # agency configuration only and returns nothing else.
        for user in self:
            config = user.sudo()
            if user._minicrm_is_operator():
                user.minicrm_accessible_rental_company_ids = \
                    self.env["minicrm.rental.company"].sudo().search([])
            else:
                user.minicrm_accessible_rental_company_ids = (
                    config.minicrm_rental_company_ids
                    or config.minicrm_agency_id.rental_company_ids)

    @api.constrains("minicrm_agency_id", "minicrm_rental_company_ids")
    def _check_minicrm_rental_companies(self):
        for user in self:
            outside = user.minicrm_rental_company_ids - user.minicrm_agency_id.rental_company_ids
            if outside:
                raise ValidationError(_(
                    "%(user)s cannot be given access to %(companies)s: the agency "
                    "does not work with this rental company.") % {
                    "user": user.name, "companies": ", ".join(outside.mapped("name"))})

    def _compute_minicrm_is_operator(self):
        for user in self:
            user.minicrm_is_operator = user._is_superuser() or user.has_group(ADMIN_GROUP)

    def _search_minicrm_is_operator(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(_("Operators can only be searched with = or !=."))
        operators = ["|", ("id", "=", SUPERUSER_ID),
                     ("groups_id", "in", self.env.ref(ADMIN_GROUP).ids)]
        return operators if (operator == "=") == bool(value) else ["!"] + operators

    def _minicrm_is_operator(self):
        self.ensure_one()
        return self.minicrm_is_operator

    @api.multi
    def _minicrm_mail_sender(self):
        """(name, email) that mails about a user's bookings come from: the
        agency of a staff user, or of a customer of one agency only (with the
        company's address when the agency has none), else the company; the
        mail domain's no-reply address when none has an email."""
        self.ensure_one()
        user = self.sudo()
        agencies = user.minicrm_agency_id or user.minicrm_customer_ids.mapped("minicrm_agency_id")
        if len(agencies) == 1:
            return agencies._minicrm_mail_sender(user.company_id)
        sender = user.company_id
        if sender.email:
            return sender.name, sender.email
        domain = self.env["ir.config_parameter"].sudo().get_param("mail.catchall.domain")
        return sender.name or user.company_id.name, "noreply@%s" % (domain or "localhost")

    @api.model
    def _minicrm_company_values(self, vals):
        """``vals`` with the company of the agency they set: a staff user
        works in their agency's company only (``company_ids`` holds no other
        company to switch to: a parent company would show every agency's
        books)."""
        if not vals.get("minicrm_agency_id"):
            return vals
        # sudo: the agency's company id only; who may set the agency on a
        # user is decided by the access rights on res.users.
        company = self.env["minicrm.agency"].sudo().browse(vals["minicrm_agency_id"]).company_id
        if not company:
            return vals
        return dict(vals, company_id=company.id, company_ids=[(6, 0, company.ids)])

    @api.multi
    def _minicrm_sync_company(self):
        """Move staff users into their agency's company (after the agency's
        company was set or changed)."""
        for user in self.sudo():
            if user.minicrm_agency_id.company_id and (
                    user.company_id != user.minicrm_agency_id.company_id
                    or user.company_ids != user.minicrm_agency_id.company_id):
                # sudo: the user's company follows the agency's, which only the
                # operator sets (minicrm.agency's OPERATOR_FIELDS).
                user.write(self._minicrm_company_values(
                    {"minicrm_agency_id": user.minicrm_agency_id.id}))

    @api.model
    def create(self, vals):
        return super(ResUsers, self).create(self._minicrm_company_values(vals))

    @api.multi
    def write(self, vals):
        result = super(ResUsers, self).write(self._minicrm_company_values(vals))
        if {"minicrm_agency_id", "minicrm_rental_company_ids"} & set(vals):
            # Rule domains are cached per user: a move to another agency must
            # take effect on the next request, not after a restart.
            self.env["ir.rule"].clear_caches()
        return result
