odoo.define('minicrm_agency.capped_count', function (require) {
"use strict";
/**
 * A list whose action sets the context key "minicrm_count_limit" gets its
 * total counted up to that limit (the server stops counting at limit + 1,
 * see controllers/dataset.py), as Odoo 16's count_limit does. The pager then
 * shows "1-80 / 1000+"; a click on "1000+" counts exactly, once.
 */
var BasicController = require('web.BasicController');
var core = require('web.core');
var Pager = require('web.Pager');

var _t = core._t;

Pager.include({
    events: _.extend({}, Pager.prototype.events, {
        'click .o_pager_limit': '_onMinicrmCountExactly',
    }),

    /**
     * Marks the size as a lower bound ("1000+") or as exact.
     *
     * @param {integer|null} countLimit
     */
    setMinicrmCountLimit: function (countLimit) {
        this.minicrmCountLimit = countLimit;
        this._render();
    },

    /**
     * @override
     */
    _render: function () {
        this._super.apply(this, arguments);
        var capped = this.minicrmCountLimit && this.state.size > this.minicrmCountLimit;
        if (this.$limit) {
            this.$limit.toggleClass('o_minicrm_count_capped', !!capped)
                .css('cursor', capped ? 'pointer' : '');
            if (capped) {
                this.$limit.text(this.minicrmCountLimit + '+')
                    .attr('title', _t("More than this: click to count them all"));
            } else {
                this.$limit.removeAttr('title');
            }
        }
    },

    /**
     * @private
     */
    _onMinicrmCountExactly: function () {
        if (this.minicrmCountLimit && this.state.size > this.minicrmCountLimit) {
            this.trigger('minicrm_count_exactly');
        }
    },
});

BasicController.include({
    /**
     * @override
     */
    renderPager: function () {
        this._super.apply(this, arguments);
        if (this.pager) {
            this.pager.on('minicrm_count_exactly', this, this._minicrmCountExactly);
        }
    },

    /**
     * @override
     */
    _updatePager: function () {
        var list = this.model.localData[this.handle];
        var limit = list && list.type === 'list' && list.context && list.context.minicrm_count_limit;
        var exact = this._minicrmExactCount;
        var countedExactly = !!(limit && exact && exact.domain === JSON.stringify(list.domain));
        if (countedExactly) {
            // The page changed, not the search: the exact count still holds.
            list.count = exact.count;
        }
        this._super.apply(this, arguments);
        if (this.pager && this.pager.setMinicrmCountLimit) {
            this.pager.setMinicrmCountLimit(limit && !countedExactly ? limit : null);
        }
    },

    /**
     * Counts the list's records exactly (the server's ordinary search_count)
     * and shows the figure in the pager.
     *
     * @private
     */
    _minicrmCountExactly: function () {
        var self = this;
        var data = this.model.get(this.handle, {raw: true});
        return this._rpc({
            model: data.model,
            method: 'search_count',
            args: [data.domain || []],
            context: data.getContext ? data.getContext() : data.context,
        }).then(function (count) {
            self._minicrmExactCount = {domain: JSON.stringify(data.domain), count: count};
            self._updatePager();
        });
    },
});

});
