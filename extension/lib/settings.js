/*
 * TactSettings: the extension's settings (kept in storage.local) and the server-URL policy.
 * Pure functions; loaded by the background worker, the content script, the options page and the popup.
 *
 *   DEFAULTS                       every setting and its default
 *   CATEGORIES                     the built-in categories (team rules may add more)
 *   withDefaults(stored) -> settings
 *   checkServerUrl(url) -> {ok: true, url} | {ok: false, error}
 *       http(s) only; plain HTTP only for this machine (localhost, 127.0.0.0/8, [::1]):
 *       drafts never travel unencrypted over a network.
 *   originPattern(url) -> "https://host/*"   the host permission a server needs
 *   isLocalServer(url) -> bool                 covered by the manifest's own host permissions
 */
(function (root) {
  'use strict';

  const DEFAULTS = Object.freeze({
    serverUrl: 'http://127.0.0.1:8787',
    apiKey: '',
    senderTimezone: '',      // '' = the browser's timezone
    recipientTimezone: '',   // '' = unknown
    disabledCategories: [],
    disabledRules: [],
    sites: [],               // origins the user turned Tact on for (beyond the webmail hosts)
  });

  const CATEGORIES = ['accusatory-question', 'condescension', 'blame-shifting', 'timezone',
    'vague-commitment', 'apology', 'readability', 'grammar'];

  function withDefaults(stored) {
    const s = Object.assign({}, DEFAULTS, stored || {});
    for (const key of ['disabledCategories', 'disabledRules', 'sites']) {
      if (!Array.isArray(s[key])) s[key] = [];
    }
    return s;
  }

  function isLoopback(hostname) {
    const h = hostname.replace(/^\[|\]$/g, '');
    return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '::1';
  }

  function checkServerUrl(value) {
    let url;
    try {
      url = new URL(String(value || '').trim());
    } catch (err) {
      return { ok: false, error: 'Enter a full URL such as http://127.0.0.1:8787 or https://tact.example.com' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { ok: false, error: 'The server URL must start with https:// (or http:// for this computer).' };
    }
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
      return { ok: false, error: 'Plain HTTP is only allowed for a server on this computer (localhost, 127.0.0.1). ' +
        'Drafts would cross the network unencrypted: use https://' + url.host + ' instead.' };
    }
    if (url.username || url.password) {
      return { ok: false, error: 'Put the API key in its own field, not in the URL.' };
    }
    if (url.search || url.hash) return { ok: false, error: 'The server URL takes no query or #fragment.' };
    return { ok: true, url: url.origin + url.pathname.replace(/\/+$/, '') };
  }

  function originPattern(value) {
    const url = new URL(value);
    return url.protocol + '//' + url.hostname + '/*';
  }

  function isLocalServer(value) {
    try {
      const url = new URL(value);
      return url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    } catch (err) {
      return false;
    }
  }

  const api = { DEFAULTS, CATEGORIES, withDefaults, checkServerUrl, originPattern, isLocalServer };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else if (!root.TactSettings) root.TactSettings = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
