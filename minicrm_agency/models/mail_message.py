# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Their tracking is the Mini-CRM's; res.partner only for agency customers.
TRACKED_MODELS = ("minicrm.booking", "minicrm.agency")


class MailMessage(models.Model):
    """Odoo 11 stores a tracked field's label in the writer's language
    (``mail.tracking.value.field_desc``) and shows it as stored: a customer's
    change saved from a French portal page reads "Prénom" on an English
    screen. On the Mini-CRM's records the chatter names the field in the
    reader's language instead, from the field itself; and so the values of
    a selection field (a booking's status written by English staff read
    "Confirmed" on a French screen), from the field's selection."""
    _inherit = "mail.message"

    @api.multi
    def message_format(self):
        messages = super(MailMessage, self).message_format()
        self._minicrm_translate_tracking(messages)
        return messages

    @api.model
    def _minicrm_translate_tracking(self, messages):
        ours = [message for message in messages if message.get("tracking_value_ids")
                and message.get("model") in TRACKED_MODELS + ("res.partner",)]
        partner_ids = {message["res_id"] for message in ours if message["model"] == "res.partner"}
        # sudo: whether a message's partner is an agency customer; nothing
        # else is read, and only field labels change in what is returned.
        customers = set(self.env["res.partner"].sudo().with_context(active_test=False).search(
            [("id", "in", list(partner_ids)), ("customer_state", "!=", False)]).ids) \
            if partner_ids else set()
        ours = [message for message in ours
                if message["model"] != "res.partner" or message["res_id"] in customers]
        trackings = [tracking for message in ours for tracking in message["tracking_value_ids"]]
        # sudo: core reads tracking values as superuser to format them too.
        names = {tracking.id: tracking.field for tracking in self.env["mail.tracking.value"].sudo()
                 .browse([tracking["id"] for tracking in trackings])}
        for message in ours:
            fields = self.env[message["model"]]._fields
            for tracking in message["tracking_value_ids"]:
                field = fields.get(names.get(tracking["id"]))
                if field:
                    tracking["changed_field"] = field._description_string(self.env)
                if field and field.type == "selection":
                    self._minicrm_translate_selection(field, tracking)

    @api.model
    def _minicrm_translate_selection(self, field, tracking):
        """A selection's old and new values, stored as labels in the
        writer's language, in the reader's: the label is looked up in every
        installed language, and its value's label in the reader's given."""
        reader = dict(field._description_selection(self.env))
        keys = {}
        for code, _name in self.env["res.lang"].get_installed():
            for key, label in field._description_selection(self.env(context=dict(
                    self.env.context, lang=code))):
                keys.setdefault(label, key)
        for name in ("old_value", "new_value"):
            key = keys.get(tracking.get(name))
            if key in reader:
                tracking[name] = reader[key]
