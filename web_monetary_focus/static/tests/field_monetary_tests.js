odoo.define('web_monetary_focus.field_monetary_tests', function (require) {
"use strict";

var FormView = require('web.FormView');
var testUtils = require('web.test_utils');

QUnit.module('web_monetary_focus', {
    beforeEach: function () {
        this.data = {
            booking: {
                fields: {
                    passengers: {string: "Passengers", type: "integer"},
                    amount: {string: "Amount", type: "monetary", currency_field: "currency_id"},
                    currency_id: {string: "Currency", type: "many2one", relation: "currency"},
                },
                records: [{id: 1, passengers: 1, amount: 0, currency_id: 1}],
            },
            currency: {
                fields: {symbol: {string: "Symbol", type: "char"}},
                records: [{id: 1, display_name: "$", symbol: "$"}],
            },
        };
    },
}, function () {
    QUnit.test('Tab from the previous field leaves the focus in the amount', function (assert) {
        assert.expect(3);
        var form = testUtils.createView({
            View: FormView,
            model: 'booking',
            data: this.data,
            arch: '<form><sheet>' +
                    '<field name="passengers"/>' +
                    '<field name="amount"/>' +
                    '<field name="currency_id" invisible="1"/>' +
                  '</sheet></form>',
            res_id: 1,
            viewOptions: {mode: 'edit'},
            session: {currencies: {1: {symbol: "$", position: "before", digits: [16, 2]}}},
        });
        var $passengers = form.$('input[name="passengers"]');
        $passengers.focus().val('3').trigger('input');
        // What the browser does on Tab: the form moves the focus to the
        // amount, and the passengers' input fires its "change" while the
        // focus moves (which rebuilds the amount's input).
        form.$('.o_field_monetary input').one('focus', function () {
            $passengers.trigger('change');
        });
        $passengers.trigger($.Event('keydown', {which: $.ui.keyCode.TAB,
                                                keyCode: $.ui.keyCode.TAB}));
        var $amount = form.$('.o_field_monetary input');
        assert.strictEqual($amount.length, 1, "one amount input");
        assert.strictEqual(document.activeElement, $amount[0],
            "the amount's input has the focus after the other field changed");
        // What the user types next goes into the amount.
        $amount.val('180.50').trigger('input').trigger('change');
        form.$buttons.find('.o_form_button_save').click();
        assert.strictEqual(form.$('.o_field_monetary').text().replace(/\s/g, ''), '$180.50',
            "the typed amount is saved");
        form.destroy();
    });
});

});
