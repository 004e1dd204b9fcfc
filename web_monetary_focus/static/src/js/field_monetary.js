odoo.define('web_monetary_focus.FieldMonetary', function (require) {
"use strict";

/**
 * In edit mode, Odoo 11 re-renders a monetary field whenever another field
 * of the record changes (resetOnAnyFieldChange: its currency may have), and
 * builds a new input. Tab from the previous field focuses the monetary
 * input; the browser then fires the previous field's "change" (before the
 * focus lands), which resets the monetary field: the focus goes to a
 * removed input, so to the page, and what the user types next goes nowhere
 * (a booking saved at 0.00). The same happens when a reset comes while the
 * input has the focus (after an onchange). In both cases the new input
 * takes the focus.
 */
var basicFields = require('web.basic_fields');

basicFields.FieldMonetary.include({
    /**
     * Tab (or a click on the label) gives the focus to the input built
     * while the focus was moving to the old one.
     *
     * @override
     */
    activate: function (options) {
        var activated = this._super.apply(this, arguments);
        if (activated && this.mode === 'edit' && this.$input &&
                document.activeElement !== this.$input[0]) {
            this.$input.focus();
            if (!(options && options.noselect)) {
                this.$input.select();
            }
        }
        return activated;
    },

    /**
     * @override
     * @private
     */
    _renderEdit: function () {
        var input = this.$input && this.$input[0];
        var focused = !!input && input === document.activeElement;
        var selection = focused && [input.selectionStart, input.selectionEnd];
        this._super.apply(this, arguments);
        if (focused && this.$input[0] !== input) {
            this.$input.focus();
            this.$input[0].setSelectionRange(selection[0], selection[1]);
        }
    },
});

});
