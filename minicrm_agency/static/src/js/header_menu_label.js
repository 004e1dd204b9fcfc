odoo.define('minicrm_agency.header_menu_label', function (require) {
"use strict";

/**
 * On a phone, web_responsive (when installed) folds a form's header buttons
 * into a menu it labels "Task". On the Mini-CRM's forms (class
 * o_minicrm_form) the menu says what it holds. Done on the whole header,
 * whatever the order in which the two addons patch the renderer.
 */
var core = require('web.core');
var FormRenderer = require('web.FormRenderer');

var _t = core._t;

FormRenderer.include({
    /**
     * @override
     * @private
     */
    _renderTagHeader: function () {
        var $header = this._super.apply(this, arguments);
        var classes = (this.arch.attrs['class'] || '').split(/\s+/);
        if (_.contains(classes, 'o_minicrm_form')) {
            var $toggle = $header.find('.o_statusbar_buttons_dropdown > .dropdown-toggle');
            $toggle.contents().filter(function () {
                return this.nodeType === Node.TEXT_NODE;
            }).remove();
            $toggle.prepend(document.createTextNode(_t("Actions") + " "));
        }
        return $header;
    },
});

});
