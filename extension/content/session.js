/*
 * TactSession: one compose editor being checked.
 *
 * The draft is split into paragraphs (TactOffsets.paragraphs); each paragraph's issues are cached
 * under (context, exact paragraph text) with offsets relative to the paragraph, and shifted to
 * wherever that paragraph now starts at every render. So typing in one paragraph re-sends only
 * that paragraph, highlights elsewhere follow the text at once, and a result can only ever be
 * drawn over the exact text it was computed for. A response that arrives after the draft changed
 * is not drawn (its paragraph's text is no longer there); another check is already scheduled.
 *
 *   const s = new TactSession(adapter, {overlay, cache, settings(), onChange(session)})
 *   s.edited()            the editor's content changed: redraw now, check after a pause
 *   s.render()            redraw (scroll, resize, reflow)
 *   s.check()             send the paragraphs that are not cached yet
 *   s.issues              the open issues: API issues plus {start, end, key, rects}
 *   s.state               "checking" | "ok" | "offline" | "unauthorized" | "error"
 *   s.hit(x, y)           the issue drawn under a viewport point
 *   s.openCard(issue, mode)   mode "hover" | "click";  s.closeCard()
 *   s.apply(issue, replacement)
 *   s.destroy()
 */
(function (root) {
  'use strict';
  if (root.TactSession) return;
  const O = root.TactOffsets;

  const DEBOUNCE_MS = 450;
  const RETRY_MS = 15000;
  const PARALLEL_REQUESTS = 4;
  const MAX_QUOTED_CHARS = 50000;
  const CACHE_ENTRIES = 500;

  function hash(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return (h >>> 0).toString(36);
  }

  function localIso(d) {
    const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
    const off = -d.getTimezoneOffset();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' +
      pad(d.getMinutes()) + ':00' + (off >= 0 ? '+' : '-') + pad(off / 60) + ':' + pad(off % 60);
  }

  function browserTimezone() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (err) { return ''; }
  }

  async function pool(items, size, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
    return results;
  }

  /* A Map that forgets its oldest entries: the cache of paragraph results (memory only). */
  function lruCache(limit) {
    const map = new Map();
    return {
      get(key) {
        if (!map.has(key)) return undefined;
        const value = map.get(key);
        map.delete(key);
        map.set(key, value);
        return value;
      },
      has: (key) => map.has(key),
      set(key, value) {
        map.set(key, value);
        while (map.size > limit) map.delete(map.keys().next().value);
      },
      clear: () => map.clear(),
    };
  }

  class TactSession {
    constructor(adapter, ctx) {
      this.adapter = adapter;
      this.ctx = ctx;
      this.layer = ctx.overlay.layer();
      this.layer.session = this;
      this.issues = [];
      this.state = 'checking';
      this.message = '';
      this.ignored = new Set();
      this.inflight = new Set();
      this.dirty = true;
      this.model = null;
      this.timer = 0;
      this.frame = 0;
      this.card = null;
      this.cardKey = null;
      this.cardMode = null;
      this.destroyed = false;
      this.edited();
    }

    get kind() { return this.adapter.kind; }
    get element() { return this.adapter.element; }

    readModel() {
      if (this.dirty || !this.model || this.adapter.kind === 'textarea') {
        this.model = this.adapter.read();
        this.dirty = false;
      }
      return this.model;
    }

    edited() {
      this.dirty = true;
      this.scheduleRender();
      this.scheduleCheck(DEBOUNCE_MS);
    }

    scheduleCheck(delay) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => { this.timer = 0; this.check(); }, delay);
    }

    scheduleRender() {
      if (this.frame || this.destroyed) return;
      const win = root.window;
      this.frame = win.requestAnimationFrame(() => { this.frame = 0; this.render(); });
    }

    context(model, chunks) {
      const settings = this.ctx.settings();
      const quoted = [model.quoted, ...chunks.filter((c) => c.quoted).map((c) => c.text)]
        .filter(Boolean).join('\n\n').slice(0, MAX_QUOTED_CHARS);
      const hour = new Date();
      hour.setMinutes(0, 0, 0);
      const context = { sent_at: localIso(hour) };
      const sender = settings.senderTimezone || browserTimezone();
      if (sender) context.sender_timezone = sender;
      if (settings.recipientTimezone) context.recipient_timezone = settings.recipientTimezone;
      if (quoted) context.quoted = quoted;
      if (quoted !== this.quotedSeen) {   // renders run every frame while scrolling: hash once
        this.quotedSeen = quoted;
        this.quotedHash = hash(quoted);
      }
      const prefix = [context.sender_timezone, context.recipient_timezone, context.sent_at, quoted.length,
        this.quotedHash, settings.serverUrl, settings.apiKey ? hash(settings.apiKey) : ''].join('|') + '\n';
      return { context, prefix };
    }

    async check() {
      if (this.destroyed) return;
      const model = this.readModel();
      const chunks = O.paragraphs(model.text, model.breaks);
      const { context, prefix } = this.context(model, chunks);
      const todo = [];
      const queued = new Set();
      for (const c of chunks) {
        const key = prefix + c.text;
        if (c.quoted || queued.has(key) || this.inflight.has(key) || this.ctx.cache.has(key)) continue;
        queued.add(key);
        todo.push(c);
      }
      if (!todo.length) {
        if (this.state === 'checking') this.state = 'ok';
        this.render();
        return;
      }
      const snapshot = model.text;
      todo.forEach((c) => this.inflight.add(prefix + c.text));
      this.scheduleRender();
      const answers = await pool(todo, PARALLEL_REQUESTS, (c) => this.ctx.client.check({ text: c.text, context }));
      let failure = null;
      answers.forEach((answer, i) => {
        const key = prefix + todo[i].text;
        this.inflight.delete(key);
        if (answer.ok) this.ctx.cache.set(key, relativeIssues(answer.data));
        else failure = failure || answer;
      });
      if (this.destroyed) return;
      this.state = failure ? failure.state || 'error' : 'ok';
      this.message = failure ? failure.message || '' : '';
      if (failure && !this.timer) this.scheduleCheck(RETRY_MS);
      const stale = this.dirty || this.readModel().text !== snapshot;
      if (stale && !this.timer) this.scheduleCheck(DEBOUNCE_MS);
      this.render();
    }

    render() {
      if (this.destroyed) return;
      const settings = this.ctx.settings();
      const model = this.readModel();
      const chunks = O.paragraphs(model.text, model.breaks);
      const { prefix } = this.context(model, chunks);
      const items = [];
      const seen = new Map();
      let missing = false;
      for (const c of chunks) {
        if (c.quoted) continue;
        const cached = this.ctx.cache.get(prefix + c.text);
        if (!cached) { if (!this.inflight.has(prefix + c.text)) missing = true; continue; }
        for (const issue of cached) {
          if (settings.disabledRules.includes(issue.rule) || settings.disabledCategories.includes(issue.category)) continue;
          // "Ignore" means this occurrence in this draft: the rule, the words and which repeat.
          const base = hash(issue.rule + '\u0000' + issue.text);
          const n = seen.get(base) || 0;
          seen.set(base, n + 1);
          const key = base + '.' + n;
          if (this.ignored.has(key)) continue;
          const start = c.start + issue.rel;
          items.push(Object.assign({}, issue, { start, end: start + issue.len, key }));
        }
      }
      const rects = model.rects(items.map((i) => [i.start, i.end]));
      items.forEach((item, i) => { item.rects = rects[i] || []; });
      this.issues = items;
      this.layer.render(items, this.adapter.clip());
      this.layer.badge(this.badgeState());
      this.followCard();
      if (missing && !this.timer && this.state === 'ok') this.scheduleCheck(DEBOUNCE_MS);
      this.ctx.onChange(this);
    }

    badgeState() {
      const count = this.issues.length;
      const failing = this.state !== 'ok' && this.state !== 'checking';
      const state = failing ? this.state : this.inflight.size ? 'checking' : this.state;
      const title = failing ? 'Tact: ' + (this.message || 'the server could not check this draft')
        : count ? 'Tact: ' + count + (count === 1 ? ' issue' : ' issues') + ' in this draft'
          : state === 'checking' ? 'Tact: checking…' : 'Tact: no issues';
      return { count, state, title };
    }

    blocking() {
      return this.issues.filter((i) => i.severity === 'error' || i.severity === 'warning');
    }

    hit(x, y) { return this.layer.hit(x, y); }

    openCard(issue, mode) {
      const anchor = this.layer.box(issue.key);
      if (!anchor) return;
      const handle = root.TactCard.open(this.ctx.overlay, {
        issue,
        anchor,
        onReplace: (replacement) => this.apply(issue, replacement),
        onIgnore: () => { this.ignored.add(issue.key); this.render(); },
        onDisableRule: () => this.ctx.client.disableRule(issue.rule),
        onClose: () => {
          if (this.card !== handle) return;
          this.card = null;
          this.cardKey = null;
          this.layer.setActive(null);
        },
      });
      this.card = handle;
      this.cardKey = issue.key;
      this.cardMode = mode;
      this.layer.setActive(issue.key);
    }

    closeCard() { if (this.card) this.card.close(); }

    followCard() {
      if (!this.card) return;
      const box = this.layer.box(this.cardKey);
      if (!box || !this.issues.some((i) => i.key === this.cardKey)) this.closeCard();
      else this.card.reposition(box);
    }

    apply(issue, replacement) {
      this.dirty = true;
      const text = this.readModel().text;
      const current = text.slice(issue.start, issue.end).replace(/\u00a0/g, ' ');
      if (current === issue.text.replace(/\u00a0/g, ' ')) this.adapter.apply(issue.start, issue.end, replacement);
      this.dirty = true;
      this.render();
      this.scheduleCheck(0);
    }

    destroy() {
      this.destroyed = true;
      clearTimeout(this.timer);
      this.closeCard();
      this.layer.destroy();
      this.adapter.dispose();
    }
  }

  function relativeIssues(data) {
    return (Array.isArray(data && data.issues) ? data.issues : []).map((i) => ({
      id: i.id, rule: String(i.rule), category: String(i.category), severity: i.severity,
      message: i.message, explanation: i.explanation, text: String(i.text || ''),
      replacements: Array.isArray(i.replacements) ? i.replacements : [],
      rel: i.offset_utf16 !== undefined ? i.offset_utf16 : i.offset,
      len: i.length_utf16 !== undefined ? i.length_utf16 : i.length,
    }));
  }

  TactSession.lruCache = () => lruCache(CACHE_ENTRIES);
  root.TactSession = TactSession;
})(globalThis);
