odoo.define('minicrm_agency.rental_company_picker', function (require) {
"use strict";
/**
 * "Choose rental company" of the customer form: the companies as buttons
 * (the statusbar widget's look) that work in read mode as in edit mode.
 * A click remembers the choice on the server (the user's preference, see
 * res_partner_rental_company.py) and reloads the selector and the
 * last-contact tabs only: the customer is not changed, and the form is
 * left as clean (or as edited) as it was.
 */
var registry = require('web.field_registry');
var relationalFields = require('web.relational_fields');

var RentalCompanyPicker = relationalFields.FieldStatus.extend({
    className: 'o_statusbar_status o_minicrm_rental_company_picker',

    _render: function () {
        this.attrs.clickable = true;
        this._super.apply(this, arguments);
    },

    _onClickStage: function (event) {
        var self = this;
        var companyID = $(event.currentTarget).data('value');
        if (!this.res_id || companyID === this.value.res_id) {
            return;
        }
        var fieldNames = _.filter(_.keys(this.record.fields), function (name) {
            return name === self.name || name.indexOf('minicrm_last_') === 0;
        });
        this._rpc({
            model: this.model,
            method: 'minicrm_choose_rental_company',
            args: [[this.res_id], companyID],
        }).then(function () {
            self.trigger_up('reload', {fieldNames: fieldNames, keepChanges: true});
        });
    },
});

registry.add('minicrm_rental_company_picker', RentalCompanyPicker);

return RentalCompanyPicker;
});
