odoo.define('minicrm_agency.live_search', function (require) {
"use strict";
/**
 * Search as you type, for the lists whose action asks for it with the
 * context key "minicrm_live_search" (the customer and booking lists).
 *
 * A pause in typing (LIVE_DELAY) searches what the box holds with the
 * search view's first field, as Enter would, but without turning the text
 * into a facet: the user keeps typing. Enter, facets, filters and grouping
 * are Odoo's own: the typed text is simply one more domain of the search,
 * as long as it is in the box.
 *
 * The text stays in the box while it is searched: when the box loses focus
 * (a click on Filters, a row, the pager) and when a filter, a grouping or a
 * favorite is chosen, Odoo would empty the box but leave the list filtered.
 * Enter or a pick in the autocompletion makes the text a facet, as in Odoo.
 *
 * Order of replies: the web client's list reload runs in a mutex and its
 * controller renders the last update only (DropPrevious), so the reply to
 * an older keystroke never replaces the rows of a newer one.
 */
var Backbone = window.Backbone;
var SearchView = require('web.SearchView');

var LIVE_DELAY = 200;

SearchView.include({
    events: _.extend({}, SearchView.prototype.events, {
        'input .o_searchview_input': '_onMinicrmLiveInput',
    }),

    /**
     * @override adds the domain of the text being typed, if any
     */
    build_search_data: function () {
        var search = this._super.apply(this, arguments);
        var field = this._minicrmLiveField();
        // Enter or a pick: the text is in the new facet, though still in the
        // box (Odoo searches before it renders the facets).
        var text = field && !this._minicrmTextCommitted ? this._minicrmLiveText() : '';
        if (text) {
            // The same domain as the facet Enter would make of the text.
            var values = new Backbone.Collection([{label: text, value: text}]);
            search.domains.push(field.get_domain({values: values}));
        }
        this._minicrmSearchedText = text;
        return search;
    },

    /**
     * @override Enter or a pick in the autocompletion: the text becomes a facet.
     */
    select_completion: function () {
        this._minicrmTextCommitted = true;
        // The facet's search replaces the pending one: one search, not two.
        clearTimeout(this._minicrmLiveTimer);
        this._minicrmLiveTimer = null;
        return this._super.apply(this, arguments);
    },

    /**
     * @override keeps the text being typed when a facet is added or removed
     */
    renderFacets: function () {
        if (this._minicrmTextCommitted) {
            this._minicrmTextCommitted = false;
            this._minicrmTypedText = '';
        }
        var result = this._super.apply(this, arguments);
        this._minicrmRestoreText();
        return result;
    },

    /**
     * @override Odoo empties the box when it loses focus: put the text back,
     * and search it now if a search of it is pending.
     */
    childBlurred: function () {
        var result = this._super.apply(this, arguments);
        this._minicrmRestoreText();
        if (this._minicrmTypedText && this._minicrmLiveTimer) {
            clearTimeout(this._minicrmLiveTimer);
            this._minicrmLiveTimer = null;
            this._minicrmLiveSearch();
        }
        return result;
    },

    /**
     * @private
     */
    _minicrmRestoreText: function () {
        if (this._minicrmTypedText && this._minicrmLiveField()) {
            this.$('.o_searchview_input').val(this._minicrmTypedText);
        }
    },

    /**
     * The first field of the search view (the one Enter uses), when the
     * action asks for live search.
     *
     * @private
     * @returns {Object|undefined}
     */
    _minicrmLiveField: function () {
        var action = this.options && this.options.action;
        var context = action && action.context;
        if (!context || !_.isObject(context) || !context.minicrm_live_search) {
            return undefined;
        }
        return _.find(this.search_fields, function (field) {
            return field.visible() && field.get_domain;
        });
    },

    /**
     * @private
     * @returns {string}
     */
    _minicrmLiveText: function () {
        var $input = this.$('.o_searchview_input');
        return $input.length ? ($input.val() || '').trim() : '';
    },

    /**
     * @private
     */
    _onMinicrmLiveInput: function () {
        if (!this._minicrmLiveField()) {
            return;
        }
        this._minicrmTypedText = this._minicrmLiveText();
        clearTimeout(this._minicrmLiveTimer);
        this._minicrmLiveTimer = setTimeout(this._minicrmLiveSearch.bind(this), LIVE_DELAY);
    },

    /**
     * @private
     */
    _minicrmLiveSearch: function () {
        this._minicrmLiveTimer = null;
        // A row opened meanwhile: the list is no longer shown, and the
        // view manager has no list to reload.
        if (this.isDestroyed() || !this.$el.is(':visible') ||
                this._minicrmLiveText() === (this._minicrmSearchedText || '')) {
            return;
        }
        this.do_search();
    },

    /**
     * @override
     */
    destroy: function () {
        clearTimeout(this._minicrmLiveTimer);
        this._super.apply(this, arguments);
    },
});

});
