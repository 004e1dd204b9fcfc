odoo.define('minicrm_agency.last_update', function (require) {
"use strict";
/**
 * Optimistic locking of the customer and booking forms with Odoo's own
 * check (BaseModel._check_concurrency): a form's save (a "write" of one
 * record) carries the record's last update as the form read it, in the
 * context key "__last_update", so that the server refuses to overwrite
 * someone else's newer changes. Odoo 11's client reads the stamp but no
 * longer sends it.
 *
 * The server reads the stamp to the second, while the database keeps
 * microseconds: ".999999" makes the check "was it written in a later
 * second than the one the form read", not "in the same second".
 */
var BasicModel = require('web.BasicModel');

var CHECKED_MODELS = ['res.partner', 'minicrm.booking'];

BasicModel.include({
    _rpc: function (params) {
        if (params.method === 'write' && _.contains(CHECKED_MODELS, params.model) &&
                params.args && params.args[0] && params.args[0].length === 1) {
            var resID = params.args[0][0];
            var record = _.find(this.localData, function (data) {
                return data.type === 'record' && data.model === params.model &&
                    data.res_id === resID && data.data.__last_update;
            });
            if (record) {
                var lastUpdate = {};
                lastUpdate[params.model + ',' + resID] = record.data.__last_update
                    .clone().utc().locale('en').format('YYYY-MM-DD HH:mm:ss') + '.999999';
                params = _.extend({}, params, {
                    context: _.extend({}, params.context, {__last_update: lastUpdate}),
                });
            }
        }
        return this._super(params);
    },
});
});
