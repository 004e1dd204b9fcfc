# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .argument_types import check_text
from .mail_message import command_ids


def readable_partner_ids(env, partner_ids):
    """Of ``partner_ids``, those the current user may read (their rules)."""
    return set(env["res.partner"].with_context(active_test=False).search(
        [("id", "in", list(partner_ids))]).ids) if partner_ids else set()


class MailChannel(models.Model):
    """Discuss reads channel members as superuser or in SQL (names and
    emails in ``channel_fetch_listeners``, ``channel_info``). A channel's
    members are therefore only partners the user who adds them can read,
    and the listeners a user is shown are the ones they can read."""
    _inherit = "mail.channel"

    @api.model
    def create(self, vals):
        self.env["mail.message"]._check_readable_partners(
            command_ids(vals.get("channel_partner_ids")))
        return super(MailChannel, self).create(vals)

    @api.multi
    def write(self, vals):
        self.env["mail.message"]._check_readable_partners(
            command_ids(vals.get("channel_partner_ids")))
        return super(MailChannel, self).write(vals)

    @api.model
    def channel_fetch_listeners(self, uuid):
        check_text(uuid)
        listeners = super(MailChannel, self).channel_fetch_listeners(uuid)
        readable = readable_partner_ids(self.env, [listener["id"] for listener in listeners])
        return [listener for listener in listeners if listener["id"] in readable]


class MailChannelPartner(models.Model):
    """A membership is created or moved only by a user who may read both
    the member and the channel: Odoo 11 lets an employee or portal user
    create their own membership of a private channel they cannot see, and
    then read its messages (the channel's rule admits its members)."""
    _inherit = "mail.channel.partner"

    @api.model
    def create(self, vals):
        self.env["mail.message"]._check_readable_partners([vals.get("partner_id")])
        self._check_channel_readable(vals.get("channel_id"))
        return super(MailChannelPartner, self).create(vals)

    @api.multi
    def write(self, vals):
        if "partner_id" in vals:
            self.env["mail.message"]._check_readable_partners([vals["partner_id"]])
        if "channel_id" in vals:
            self._check_channel_readable(vals["channel_id"])
        return super(MailChannelPartner, self).write(vals)

    @api.model
    def _check_channel_readable(self, channel_id):
        if channel_id:
            self.env["mail.channel"].browse(channel_id)._check_read_access()


class ResPartner(models.Model):
    """Discuss's people search (``im_search``, in SQL) finds only partners
    the user may read."""
    _inherit = "res.partner"

    @api.model
    def im_search(self, name, limit=20):
        check_text(name)
        found = super(ResPartner, self).im_search(name, limit=limit)
        readable = readable_partner_ids(self.env, [partner["id"] for partner in found])
        return [partner for partner in found if partner["id"] in readable]
