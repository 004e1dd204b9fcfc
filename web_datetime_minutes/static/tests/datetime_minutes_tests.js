odoo.define('web_datetime_minutes.datetime_minutes_tests', function (require) {
"use strict";

var FormView = require('web.FormView');
var ListView = require('web.ListView');
var testUtils = require('web.test_utils');

QUnit.module('web_datetime_minutes', {
    beforeEach: function () {
        this.data = {
            booking: {
                fields: {
                    pickup: {string: "Pickup", type: "datetime"},
                },
                records: [{id: 1, pickup: "2027-06-01 09:30:00"}],
            },
        };
    },
}, function () {
    QUnit.test('a form shows the time to the minute, in the user\'s time zone', function (assert) {
        assert.expect(2);
        var form = testUtils.createView({
            View: FormView,
            model: 'booking',
            data: this.data,
            arch: '<form><field name="pickup" widget="datetime_minutes"/></form>',
            res_id: 1,
            session: {getTZOffset: function () { return 120; }},
        });
        var text = form.$('.o_field_widget[name="pickup"]').text();
        assert.ok(/11:30$/.test(text), "to the minute, two hours ahead: " + text);
        form.$buttons.find('.o_form_button_edit').click();
        assert.ok(/11:30:00$/.test(form.$('.o_field_widget[name="pickup"] input').val()),
            "typing is Odoo's own datetime input");
        form.destroy();
    });

    QUnit.test('a list shows the time to the minute', function (assert) {
        assert.expect(1);
        var list = testUtils.createView({
            View: ListView,
            model: 'booking',
            data: this.data,
            arch: '<tree><field name="pickup" widget="datetime_minutes"/></tree>',
            session: {getTZOffset: function () { return 0; }},
        });
        var text = list.$('td.o_data_cell').first().text();
        assert.ok(/09:30$/.test(text), "no seconds: " + text);
        list.destroy();
    });
});

});
