odoo.define('minicrm_agency.no_match_help', function (require) {
"use strict";
/**
 * An empty list while a search is active says that nothing matches the
 * search, not the action's help ("Add the first customer of your
 * agency"), for the lists whose action asks for search as you type
 * (context key "minicrm_live_search").
 *
 * The search view marks its search with the context key
 * "minicrm_search_active" when it holds a domain (a facet, a filter or the
 * text being typed); the renderers read it in the state's context.
 */
var BasicRenderer = require('web.BasicRenderer');
var core = require('web.core');
var SearchView = require('web.SearchView');

var _t = core._t;

SearchView.include({
    /**
     * @override marks a search that filters the records
     */
    build_search_data: function () {
        var search = this._super.apply(this, arguments);
        var action = this.options && this.options.action;
        var context = action && action.context;
        if (_.isObject(context) && context.minicrm_live_search && search.domains.length) {
            search.contexts.push({minicrm_search_active: true});
        }
        return search;
    },
});

BasicRenderer.include({
    /**
     * @override
     */
    _renderNoContentHelper: function () {
        var context = this.state && this.state.context;
        if (!context || !context.minicrm_search_active) {
            return this._super.apply(this, arguments);
        }
        var $msg = $('<div>').addClass('oe_view_nocontent o_minicrm_no_match').append(
            $('<p>').addClass('oe_view_nocontent_create').text(_t("Nothing matches this search.")),
            $('<p>').text(_t("Check the spelling, or remove a filter to see more.")));
        this.$el.html($msg);
    },
});

});
