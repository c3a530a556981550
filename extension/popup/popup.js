// The toolbar popup: is the server reachable, how many issues are open on this page, and
// (on sites other than the webmail hosts) a switch to turn Tact on for the site.
'use strict';
const ext = globalThis.browser || globalThis.chrome;
const $ = (id) => document.getElementById(id);

async function activeTab() {
  const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function showServer() {
  const answer = await ext.runtime.sendMessage({ type: 'test-connection' });
  const settings = TactSettings.withDefaults(await ext.storage.local.get(null));
  const el = $('server');
  el.dataset.state = answer && answer.ok ? 'ok' : (answer && answer.state) || 'error';
  el.textContent = answer && answer.ok ? `Connected to ${settings.serverUrl}` : (answer && answer.message) || 'No answer.';
}

async function showPage(tab) {
  const state = await ext.runtime.sendMessage({ type: 'tab-state', tabId: tab.id });
  const el = $('page');
  if (!state || !state.editors) {
    el.textContent = 'No compose box found on this page.';
  } else {
    el.textContent = state.count === 0 ? 'No issues in this draft.'
      : state.count === 1 ? '1 issue in this draft.' : `${state.count} issues in this draft.`;
  }
  return state;
}

async function showSiteSwitch(tab) {
  // tab.url is visible here thanks to activeTab (the user opened the popup on this tab).
  if (!tab.url || !/^https?:/.test(tab.url)) return;
  const origin = new URL(tab.url).origin;
  const manifest = ext.runtime.getManifest();
  const builtIn = manifest.content_scripts.some((cs) => cs.matches.some((m) => m.startsWith(origin + '/')));
  if (builtIn) return;
  const settings = TactSettings.withDefaults(await ext.storage.local.get(null));
  const on = settings.sites.includes(origin);
  $('enable').hidden = on;
  $('disable').hidden = !on;
  $('enable').onclick = async () => {
    // Optional host permission, requested only now and only for this site.
    if (!(await ext.permissions.request({ origins: [origin + '/*'] }))) return;
    await ext.runtime.sendMessage({ type: 'enable-site', origin, tabId: tab.id });
    window.close();
  };
  $('disable').onclick = async () => {
    await ext.runtime.sendMessage({ type: 'disable-site', origin });
    window.close();
  };
}

$('options').addEventListener('click', (e) => { e.preventDefault(); ext.runtime.openOptionsPage(); });
activeTab().then((tab) => Promise.all([showServer(), showPage(tab), showSiteSwitch(tab)]));
