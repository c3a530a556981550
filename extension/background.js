/*
 * The background worker (a service worker in Chrome, a background script in Firefox).
 * It is the only part that talks to the Tact server, so a page's CSP or CORS never gets in the
 * way and the API key never enters a page. It also keeps the toolbar badge per tab and
 * registers the content script on the sites the user turned Tact on for.
 * Drafts are forwarded, never stored or logged.
 */
'use strict';
if (typeof importScripts === 'function' && typeof TactSettings === 'undefined') importScripts('lib/settings.js');

const ext = globalThis.browser || globalThis.chrome;
const CONTENT_SCRIPTS = ['lib/settings.js', 'common/offsets.js', 'common/overlay.js', 'common/card.js',
  'content/client.js', 'content/adapters.js', 'content/session.js', 'content/presend.js', 'content/main.js'];
const REQUEST_TIMEOUT_MS = 10000;

async function currentSettings() {
  return TactSettings.withDefaults(await ext.storage.local.get(null));
}

/* One call to the server: {ok: true, data} or {ok: false, state, status, message}. */
async function callServer(path, { method = 'GET', body, serverUrl, apiKey } = {}) {
  const settings = await currentSettings();
  const checked = TactSettings.checkServerUrl(serverUrl === undefined ? settings.serverUrl : serverUrl);
  if (!checked.ok) return { ok: false, state: 'error', message: checked.error };
  const key = apiKey === undefined ? settings.apiKey : apiKey;
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (key) headers.Authorization = 'Bearer ' + key;
  let response;
  try {
    response = await fetch(checked.url + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (err) {
    return { ok: false, state: 'offline', message: 'Cannot reach the Tact server at ' + checked.url + '.' };
  }
  let data = null;
  try { data = await response.json(); } catch (err) { data = null; }
  const serverMessage = data && data.error && data.error.message;
  if (response.status === 401 || response.status === 403) {
    return { ok: false, state: 'unauthorized', status: response.status,
      message: serverMessage || 'The server refused the API key.' };
  }
  if (!response.ok || !data) {
    return { ok: false, state: 'error', status: response.status,
      message: serverMessage || 'The server answered ' + response.status + '.' };
  }
  return { ok: true, data };
}

/* Health plus a keyed call, so "Test connection" also proves the API key. */
async function testConnection({ serverUrl, apiKey } = {}) {
  const health = await callServer('/healthz', { serverUrl, apiKey });
  if (!health.ok) return health;
  const rules = await callServer('/api/v1/rules', { serverUrl, apiKey });
  if (!rules.ok) return rules;
  const list = Array.isArray(rules.data.rules) ? rules.data.rules : [];
  return {
    ok: true, health: health.data, rules: list.length,
    categories: [...new Set(list.map((r) => r.category).filter(Boolean))],
    ruleNames: Object.fromEntries(list.map((r) => [r.id, r.message || r.id])),
  };
}

/* Per tab and frame: how many issues are open and whether the server answered. */
const tabs = new Map();

function summarize(tabId) {
  const frames = tabs.get(tabId);
  let count = 0;
  let state = 'idle';
  const rank = { idle: 0, ok: 1, checking: 1, error: 2, offline: 3, unauthorized: 3 };
  for (const f of (frames ? frames.values() : [])) {
    count += f.count;
    if ((rank[f.state] || 0) > (rank[state] || 0)) state = f.state;
  }
  return { count, state, editors: frames ? [...frames.values()].reduce((n, f) => n + (f.editors || 0), 0) : 0 };
}

async function updateBadge(tabId) {
  const { count, state } = summarize(tabId);
  const failing = state === 'offline' || state === 'unauthorized' || state === 'error';
  const text = failing ? '!' : count ? String(count) : '';
  const title = state === 'offline' ? 'Tact: the server is not reachable'
    : state === 'unauthorized' ? 'Tact: the server refused the API key (see Options)'
      : state === 'error' ? 'Tact: the server could not check this draft'
        : count ? 'Tact: ' + count + (count === 1 ? ' issue' : ' issues') + ' in this draft' : 'Tact';
  try {
    await ext.action.setBadgeText({ tabId, text });
    await ext.action.setBadgeBackgroundColor({ tabId, color: failing ? '#9aa0a6' : '#d93025' });
    await ext.action.setTitle({ tabId, title });
  } catch (err) {
    // The tab closed meanwhile.
  }
}

/* Sites beyond the webmail hosts, after the user granted them from the popup. */
function scriptId(origin) {
  return 'tact-site-' + origin.replace(/[^a-z0-9]+/gi, '_');
}

async function registerSite(origin) {
  const pattern = origin.replace(/\/+$/, '') + '/*';
  if (!(await ext.permissions.contains({ origins: [pattern] }))) {
    return { ok: false, message: 'Tact has no permission for ' + origin + ' yet.' };
  }
  const id = scriptId(origin);
  const existing = await ext.scripting.getRegisteredContentScripts({ ids: [id] });
  if (!existing.length) {
    await ext.scripting.registerContentScripts([{ id, matches: [pattern], js: CONTENT_SCRIPTS, allFrames: true,
      runAt: 'document_idle', persistAcrossSessions: true }]);
  }
  const settings = await currentSettings();
  if (!settings.sites.includes(origin)) await ext.storage.local.set({ sites: [...settings.sites, origin] });
  return { ok: true };
}

async function unregisterSite(origin) {
  const id = scriptId(origin);
  const existing = await ext.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) await ext.scripting.unregisterContentScripts({ ids: [id] });
  const settings = await currentSettings();
  await ext.storage.local.set({ sites: settings.sites.filter((s) => s !== origin) });
  return { ok: true };
}

async function restoreSites() {
  const settings = await currentSettings();
  for (const origin of settings.sites) {
    try { await registerSite(origin); } catch (err) { /* the permission was withdrawn */ }
  }
}

async function handle(message, sender) {
  switch (message && message.type) {
    case 'check':
      return callServer('/api/v1/check', { method: 'POST', body: message.body });
    case 'test-connection':
      return testConnection(message);
    case 'report': {
      const tabId = sender.tab && sender.tab.id;
      if (tabId === undefined) return { ok: false };
      if (!tabs.has(tabId)) tabs.set(tabId, new Map());
      tabs.get(tabId).set(sender.frameId || 0, { count: message.count | 0, state: String(message.state),
        editors: message.editors | 0 });
      await updateBadge(tabId);
      return { ok: true };
    }
    case 'tab-state':
      return Object.assign({ ok: true }, summarize(message.tabId));
    case 'enable-site': {
      const result = await registerSite(message.origin);
      if (result.ok && message.tabId !== undefined) {
        await ext.scripting.executeScript({ target: { tabId: message.tabId, allFrames: true }, files: CONTENT_SCRIPTS });
      }
      return result;
    }
    case 'disable-site':
      return unregisterSite(message.origin);
    default:
      return { ok: false, message: 'unknown message' };
  }
}

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== ext.runtime.id) return false;
  handle(message, sender).then(sendResponse,
    (err) => sendResponse({ ok: false, state: 'error', message: String(err && err.message || err) }));
  return true;
});

ext.tabs.onRemoved.addListener((tabId) => tabs.delete(tabId));
ext.tabs.onUpdated.addListener((tabId, info) => { if (info.status === 'loading') tabs.delete(tabId); });
ext.runtime.onStartup.addListener(restoreSites);
ext.runtime.onInstalled.addListener(restoreSites);

// Reachable from the worker's console and from the browser tests.
globalThis.tact = { registerSite, unregisterSite, testConnection, summarize };
