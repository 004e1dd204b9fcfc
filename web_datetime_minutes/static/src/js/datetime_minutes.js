odoo.define('web_datetime_minutes.FieldDateTimeMinutes', function (require) {
"use strict";

/**
 * widget="datetime_minutes": a datetime shown to the minute, in the user's
 * date format and time zone. Odoo 11 prints the language's time format,
 * seconds included ("10:00:00"), and that format is shared by the whole
 * database. Typing in edit mode is Odoo's own datetime input.
 */
var basicFields = require('web.basic_fields');
var fieldRegistry = require('web.field_registry');
var session = require('web.session');
var time = require('web.time');

/**
 * The user's date and time format without its seconds.
 */
function minutesFormat() {
    return time.getLangDatetimeFormat().replace(/:ss/, '');
}

var FieldDateTimeMinutes = basicFields.FieldDateTime.extend({
    /**
     * @override
     * @private
     */
    _formatValue: function (value) {
        if (this.mode === 'edit' || !value) {
            return this._super.apply(this, arguments);
        }
        return value.clone().add(session.getTZOffset(value), 'minutes').format(minutesFormat());
    },
});

fieldRegistry.add('datetime_minutes', FieldDateTimeMinutes);

return {FieldDateTimeMinutes: FieldDateTimeMinutes, minutesFormat: minutesFormat};

});
