/*
 * TactClient: the content script's only way out — messages to the background worker, which
 * calls the server. Never throws: a reloaded extension or a dead worker is reported as a state.
 *
 *   TactClient.check(body) -> {ok: true, data} | {ok: false, state, message}
 *   TactClient.report(count, state, editors)   feeds the toolbar badge
 *   TactClient.settings() -> settings;  TactClient.onSettings(fn)
 *   TactClient.disableRule(ruleId)
 */
(function (root) {
  'use strict';
  if (root.TactClient) return;
  const ext = root.browser || root.chrome;

  async function send(message) {
    try {
      const answer = await ext.runtime.sendMessage(message);
      return answer || { ok: false, state: 'error', message: 'no answer from the extension' };
    } catch (err) {
      return { ok: false, state: 'error', message: 'The Tact extension was reloaded; reload this page.' };
    }
  }

  async function settings() {
    try {
      return root.TactSettings.withDefaults(await ext.storage.local.get(null));
    } catch (err) {
      return root.TactSettings.withDefaults({});
    }
  }

  function onSettings(fn) {
    ext.storage.onChanged.addListener((changes, area) => { if (area === 'local') settings().then(fn); });
  }

  async function disableRule(rule) {
    const s = await settings();
    if (!s.disabledRules.includes(rule)) await ext.storage.local.set({ disabledRules: [...s.disabledRules, rule] });
  }

  root.TactClient = {
    check: (body) => send({ type: 'check', body }),
    report: (count, state, editors) => send({ type: 'report', count, state, editors }),
    settings,
    onSettings,
    disableRule,
  };
})(globalThis);
