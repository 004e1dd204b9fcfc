odoo.define('minicrm_agency.edit_lock', function (require) {
"use strict";
/**
 * Optimistic locking for the customer and booking forms: a form's save
 * (a "write" of one record) carries the record's last update as the form
 * read it, so that the server refuses to overwrite someone else's newer
 * changes (models/minicrm_edit_lock.py). Only the write itself carries it.
 */
var BasicModel = require('web.BasicModel');

var LOCKED_MODELS = ['res.partner', 'minicrm.booking'];

BasicModel.include({
    _rpc: function (params) {
        if (params.method === 'write' && _.contains(LOCKED_MODELS, params.model) &&
                params.args && params.args[0] && params.args[0].length === 1) {
            var resID = params.args[0][0];
            var record = _.find(this.localData, function (data) {
                return data.type === 'record' && data.model === params.model &&
                    data.res_id === resID && data.data.__last_update;
            });
            if (record) {
                var lastUpdate = {};
                // The server's format, in UTC (datetimes are UTC moments here).
                lastUpdate[params.model + ',' + resID] = record.data.__last_update
                    .clone().utc().locale('en').format('YYYY-MM-DD HH:mm:ss');
                params = _.extend({}, params, {
                    context: _.extend({}, params.context, {minicrm_last_update: lastUpdate}),
                });
            }
        }
        return this._super(params);
    },
});
});
