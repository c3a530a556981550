// The options page: server URL (HTTPS unless on this computer), API key, time zones,
// categories, and the rules turned off from cards (each can be turned back on).
'use strict';
const ext = globalThis.browser || globalThis.chrome;
const $ = (id) => document.getElementById(id);
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
let known = { categories: [], ruleNames: {} };   // from the server, once reachable

function show(output, text, ok) {
  output.textContent = text;
  output.className = ok ? 'ok' : 'error';
}

function validZone(name) {
  if (!name) return true;
  try { new Intl.DateTimeFormat('en', { timeZone: name }); return true; } catch (err) { return false; }
}

/* Asks for access to a remote server (a click is the user gesture the browser requires). */
async function ensurePermission(url) {
  if (TactSettings.isLocalServer(url)) return true;
  const origins = [TactSettings.originPattern(url)];
  if (await ext.permissions.contains({ origins })) return true;
  return ext.permissions.request({ origins });
}

function renderCategories(settings) {
  const box = $('categories');
  box.querySelectorAll('label').forEach((l) => l.remove());
  const all = [...new Set([...TactSettings.CATEGORIES, ...known.categories, ...settings.disabledCategories])];
  for (const category of all) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.name = 'category';
    input.value = category;
    input.checked = !settings.disabledCategories.includes(category);
    label.append(input, ' ' + category.replace(/-/g, ' '));
    box.append(label);
  }
}

function renderDisabledRules(settings) {
  const list = $('disabledRules');
  list.textContent = '';
  $('noDisabled').hidden = settings.disabledRules.length > 0;
  for (const rule of settings.disabledRules) {
    const li = document.createElement('li');
    li.setAttribute('data-rule', rule);
    const name = document.createElement('code');
    name.textContent = rule;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Turn back on';
    button.addEventListener('click', async () => {
      const current = TactSettings.withDefaults(await ext.storage.local.get(null));
      await ext.storage.local.set({ disabledRules: current.disabledRules.filter((r) => r !== rule) });
    });
    li.append(name, button);
    list.append(li);
  }
}

async function load() {
  const settings = TactSettings.withDefaults(await ext.storage.local.get(null));
  $('serverUrl').value = settings.serverUrl;
  $('apiKey').value = settings.apiKey;
  $('senderTimezone').value = settings.senderTimezone;
  $('senderTimezone').placeholder = browserZone;
  $('recipientTimezone').value = settings.recipientTimezone;
  $('browserZone').textContent = browserZone || 'unknown';
  renderCategories(settings);
  renderDisabledRules(settings);
}

async function testConnection() {
  const output = $('connection');
  const checked = TactSettings.checkServerUrl($('serverUrl').value);
  if (!checked.ok) return show(output, checked.error, false);
  if (!(await ensurePermission(checked.url))) return show(output, 'Tact needs your permission to reach ' + checked.url + '.', false);
  show(output, 'Connecting…', true);
  const answer = await ext.runtime.sendMessage({ type: 'test-connection', serverUrl: checked.url, apiKey: $('apiKey').value.trim() });
  if (!answer || !answer.ok) return show(output, (answer && answer.message) || 'No answer.', false);
  known = { categories: answer.categories, ruleNames: answer.ruleNames };
  renderCategories(TactSettings.withDefaults(await ext.storage.local.get(null)));
  const grammar = answer.health.grammar && answer.health.grammar.status === 'off' ? ' (grammar checks off)' : '';
  show(output, `Connected: ${answer.rules} rules in force${grammar}.`, true);
}

async function save(event) {
  event.preventDefault();
  const output = $('saved');
  const checked = TactSettings.checkServerUrl($('serverUrl').value);
  $('serverUrl').setAttribute('aria-invalid', String(!checked.ok));
  if (!checked.ok) return show(output, checked.error, false);
  for (const id of ['senderTimezone', 'recipientTimezone']) {
    const value = $(id).value.trim();
    $(id).setAttribute('aria-invalid', String(!validZone(value)));
    if (!validZone(value)) return show(output, `“${value}” is not a time zone name; pick one from the list, e.g. America/Chicago.`, false);
  }
  if (!(await ensurePermission(checked.url))) return show(output, 'Not saved: Tact needs your permission to reach ' + checked.url + '.', false);
  const disabledCategories = [...document.querySelectorAll('input[name=category]')].filter((i) => !i.checked).map((i) => i.value);
  await ext.storage.local.set({
    serverUrl: checked.url,
    apiKey: $('apiKey').value.trim(),
    senderTimezone: $('senderTimezone').value.trim(),
    recipientTimezone: $('recipientTimezone').value.trim(),
    disabledCategories,
  });
  $('serverUrl').value = checked.url;
  show(output, 'Saved.', true);
}

const zones = Intl.supportedValuesOf ? Intl.supportedValuesOf('timeZone') : [];
$('zones').append(...zones.map((z) => Object.assign(document.createElement('option'), { value: z })));
$('form').addEventListener('submit', save);
$('test').addEventListener('click', testConnection);
ext.storage.onChanged.addListener(async (changes, area) => {
  if (area !== 'local') return;
  const settings = TactSettings.withDefaults(await ext.storage.local.get(null));
  if (changes.disabledRules) renderDisabledRules(settings);
  if (changes.disabledCategories) renderCategories(settings);
});
load();
