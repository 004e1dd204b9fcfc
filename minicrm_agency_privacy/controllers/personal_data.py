# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from werkzeug.exceptions import NotFound

from odoo import _, fields, http
from odoo.http import content_disposition, request


def json_file(data, name):
    body = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    return request.make_response(body, headers=[
        ("Content-Type", "application/json; charset=utf-8"),
        ("Content-Disposition", content_disposition(name))])


class PersonalData(http.Controller):

    @http.route("/minicrm/personal-data/<int:partner_id>", type="http", auth="user")
    def staff_export(self, partner_id, **kw):
        """Staff's download of one customer's file: searched as the staff
        user, so another agency's customer (or a missing id) is a 404."""
        if request.env.user.share:
            raise NotFound()
        customer = request.env["res.partner"].search(
            [("id", "=", partner_id), ("customer_state", "!=", False)])
        if not customer:
            raise NotFound()
        data = customer._minicrm_personal_data()
        request.env["minicrm.privacy.log"]._log("export", customer, _(
            "Personal data file downloaded by staff."))
        return json_file(data, "personal-data-%d-%s.json" % (
            customer.id, fields.Date.today()))

    @http.route("/my/personal-data", type="http", auth="user")
    def portal_export(self, **kw):
        """A portal customer's own file, over every agency: their record
        rules give their customer records, and only theirs."""
        if not request.env.user.share:
            raise NotFound()
        user = request.env.user
        customers = request.env["res.partner"].search(
            [("id", "in", user.minicrm_customer_ids.ids)])
        data = customers._minicrm_personal_data()
        data["login"] = {"login": user.login, "language": user.lang,
                         "created": user.create_date, "last_login": user.login_date}
        request.env["minicrm.privacy.log"]._log("portal_export", customers, _(
            "Personal data file downloaded by the customer from the portal."))
        return json_file(data, "my-personal-data-%s.json" % fields.Date.today())
