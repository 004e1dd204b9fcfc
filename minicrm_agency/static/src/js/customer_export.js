odoo.define('minicrm_agency.customer_export', function (require) {
"use strict";
/**
 * "Export customers" on the customer list (the action's context key
 * "minicrm_customer_search"): a button next to Create, and the same item in
 * the Action menu. It downloads /minicrm/customers/export: the selected
 * customers, or the list's whole search when none or all of them are
 * selected (the header's box), as Odoo's own export does.
 */
var core = require('web.core');
var crash_manager = require('web.crash_manager');
var framework = require('web.framework');
var ListController = require('web.ListController');

var _t = core._t;

ListController.include({
    /**
     * @override adds the button
     */
    renderButtons: function ($node) {
        this._super.apply(this, arguments);
        if (this.$buttons && this._minicrmIsCustomerList()) {
            $('<button type="button" class="btn btn-default btn-sm o_minicrm_export_customers"/>')
                .text(_t("Export customers"))
                .on('click', this._minicrmExportCustomers.bind(this))
                .appendTo(this.$buttons.filter('.o_list_buttons').add(
                    this.$buttons.find('.o_list_buttons')).first());
        }
    },
    /**
     * @override adds the Action menu's item
     */
    renderSidebar: function () {
        var hadSidebar = !!this.sidebar;
        this._super.apply(this, arguments);
        if (this.sidebar && !hadSidebar && this._minicrmIsCustomerList()) {
            this.sidebar._addItems('other', [{
                label: _t("Export customers"),
                callback: this._minicrmExportCustomers.bind(this),
            }]);
            this.sidebar._redraw();
        }
    },

    //--------------------------------------------------------------------------
    // Private
    //--------------------------------------------------------------------------

    /**
     * @private
     * @returns {boolean} whether this is the Mini-CRM's customer list
     */
    _minicrmIsCustomerList: function () {
        var state = this.initialState;
        return this.modelName === 'res.partner' && !!(state && state.context &&
            state.context.minicrm_customer_search);
    },
    /**
     * @private
     */
    _minicrmExportCustomers: function () {
        var state = this.model.get(this.handle, {raw: true});
        var allSelected = this.$('thead .o_list_record_selector input').prop('checked');
        var ids = allSelected ? [] : this.getSelectedIds();
        framework.blockUI();
        this.getSession().get_file({
            url: '/minicrm/customers/export',
            data: {data: JSON.stringify({domain: state.getDomain(), ids: ids})},
            complete: framework.unblockUI,
            error: crash_manager.rpc_error.bind(crash_manager),
        });
    },
});

});
