odoo.define('minicrm_agency.web_client_terms', function (require) {
"use strict";
/**
 * Words of Odoo 11's web client that its French leaves in English or
 * writes oddly, translated in this addon's i18n/fr.po (the web client
 * loads the translations of every installed module; a module's own
 * translation of a term comes after web's):
 *
 * - the title of the server's error and warning dialogs, "Odoo Server
 *   Error": an English text the server sends with every refusal (a
 *   UserError or a ValidationError included), which the client shows as
 *   it is;
 * - the archive button's "Active", which web's French writes "Actif/ve".
 */
var core = require('web.core');
var CrashManager = require('web.CrashManager');

var _lt = core._lt;

// The server's English titles (odoo.http, JsonRequest._handle_exception).
var SERVER_TITLES = {
    'Odoo Server Error': _lt("Odoo Server Error"),
};
// The boolean_button widget's word (basic_fields.js), for its translation.
_lt("Active");

CrashManager.include({
    /**
     * @override the dialog's title in the user's language
     */
    rpc_error: function (error) {
        if (error && _.has(SERVER_TITLES, error.message)) {
            error = _.extend({}, error, {message: String(SERVER_TITLES[error.message])});
        }
        return this._super(error);
    },
});

});
