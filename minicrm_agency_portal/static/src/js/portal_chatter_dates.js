odoo.define('minicrm_agency_portal.chatter_dates', function (require) {
"use strict";
/**
 * The dates of a booking's messages on the portal, as the reader's
 * language writes dates and times, without seconds ("04/12/2026 21:37" in
 * French). Odoo 11's portal chatter prints them with a fixed English format
 * ("December 4th 2026, 9:37:42 pm"), and the portal loads no moment.js
 * locale. Other documents' chatters keep core's format.
 */
var core = require('web.core');
var PortalChatter = require('portal.chatter').PortalChatter;
var time = require('web.time');

var _t = core._t;

PortalChatter.include({
    /**
     * @override
     */
    preprocessMessages: function (messages) {
        messages = this._super.apply(this, arguments);
        if (this.options.res_model !== 'minicrm.booking') {
            return messages;
        }
        var format = time.getLangDatetimeFormat().replace(/:ss/, '');
        _.each(messages, function (message) {
            message.published_date_str = _.str.sprintf(
                _t('Published on %s'), moment(time.str_to_datetime(message.date)).format(format));
        });
        return messages;
    },
});

});
