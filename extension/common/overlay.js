/*
 * TactOverlay: draws issue highlights over an editor without touching the editor's content.
 * Plain script, no dependencies, no extension APIs (shared by the extension and the web
 * playground). Defines `globalThis.TactOverlay`.
 *
 * Everything lives in one open shadow root on a host element appended to <html>, so page CSS
 * cannot restyle it and the editor's DOM (and so the sent email) never carries Tact markup.
 * Rectangles are viewport coordinates ({left, top, width, height}, as getBoundingClientRect);
 * the overlay converts them, so callers simply re-render after scrolling, resizing or reflow.
 *
 *   const overlay = TactOverlay.create(document, {onBadgeClick(layer)})
 *   overlay.shadow                the ShadowRoot: cards, prompts and measuring mirrors go here
 *   overlay.addStyles(css)        adds a stylesheet to the shadow root (once per distinct text)
 *   overlay.place(el, rect)       positions a child of the shadow root at a viewport rect
 *   overlay.destroy()
 *   const layer = overlay.layer() one per editor
 *   layer.render(items, clip)     items: [{key, category, rule, severity, rects: [rect, ...]}];
 *                                 clip: the editor's visible box (null hides the layer)
 *                                 Each highlight is an element with data-tact-issue="<category>",
 *                                 data-tact-rule="<rule id>", data-tact-severity, data-tact-key.
 *   layer.hit(x, y) -> item|null  the item drawn under a viewport point (highlights ignore the
 *                                 mouse so clicks still place the caret; callers hit-test instead)
 *   layer.box(key) -> rect|null   the union of an item's rectangles
 *   layer.setActive(key|null)     marks one highlight as the one whose card is open
 *   layer.badge({count, state, title} | null)   a small badge at the clip's bottom-right corner:
 *                                 state "ok" | "checking" | "offline" | "unauthorized" | "error"
 *   layer.destroy()
 */
(function (root) {
  'use strict';

  const COLORS = {
    'accusatory-question': '#d93025',
    condescension: '#e8710a',
    'blame-shifting': '#a142f4',
    timezone: '#1a73e8',
    'vague-commitment': '#f9ab00',
    apology: '#e52592',
    readability: '#5f6368',
    grammar: '#188038',
  };
  const DEFAULT_COLOR = '#12857a';
  const colorOf = (category) => COLORS[category] || DEFAULT_COLOR;

  const CSS = `
    :host { all: initial; }
    .layer, .clip { position: absolute; left: 0; top: 0; pointer-events: none; }
    .clip { overflow: hidden; }
    .hl { position: absolute; pointer-events: none; }
    .frag { position: absolute; box-sizing: border-box; border-bottom: 2px solid var(--c);
            background: color-mix(in srgb, var(--c) 13%, transparent); border-radius: 2px 2px 0 0; }
    .hl[data-tact-severity="suggestion"] .frag { border-bottom-style: dashed; background: none; }
    .hl.active .frag { background: color-mix(in srgb, var(--c) 28%, transparent); }
    .badge { position: absolute; pointer-events: auto; cursor: pointer; min-width: 18px; height: 18px;
             padding: 0 5px; box-sizing: border-box; border-radius: 9px; font: 600 11px/18px system-ui,
             sans-serif; text-align: center; color: #fff; background: #12857a; opacity: .9;
             box-shadow: 0 1px 3px rgba(0,0,0,.3); user-select: none; }
    .badge[data-tact-state="ok"][data-tact-count="0"] { background: #188038; }
    .badge[data-tact-state="checking"] { background: #80868b; }
    .badge[data-tact-state="offline"], .badge[data-tact-state="unauthorized"],
    .badge[data-tact-state="error"] { background: #dadce0; color: #5f6368; }
  `;

  function makeSheetInstaller(shadow) {
    const installed = new Set();
    return function addStyles(css) {
      if (installed.has(css)) return;
      installed.add(css);
      try {
        // Constructed sheets are not inline styles, so a strict page CSP does not block them.
        const sheet = new shadow.ownerDocument.defaultView.CSSStyleSheet();
        sheet.replaceSync(css);
        shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
      } catch (err) {
        const style = shadow.ownerDocument.createElement('style');
        style.textContent = css;
        shadow.appendChild(style);
      }
    };
  }

  function create(doc, options) {
    const opts = options || {};
    const host = doc.createElement('tact-overlay');
    host.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;overflow:visible;' +
      'z-index:2147483647;pointer-events:none;display:block;margin:0;padding:0;border:0';
    doc.documentElement.appendChild(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const addStyles = makeSheetInstaller(shadow);
    addStyles(CSS);

    function origin() {
      if (!host.isConnected) doc.documentElement.appendChild(host);   // some pages rebuild <html>
      const r = host.getBoundingClientRect();
      return { x: r.left, y: r.top };
    }

    function place(el, rect) {
      const o = origin();
      el.style.left = (rect.left - o.x) + 'px';
      el.style.top = (rect.top - o.y) + 'px';
      if (rect.width !== undefined) el.style.width = rect.width + 'px';
      if (rect.height !== undefined) el.style.height = rect.height + 'px';
    }

    function layer() {
      const el = doc.createElement('div');
      el.className = 'layer';
      const clipEl = doc.createElement('div');
      clipEl.className = 'clip';
      el.appendChild(clipEl);
      const badgeEl = doc.createElement('div');
      badgeEl.className = 'badge';
      badgeEl.setAttribute('data-tact-badge', '');
      badgeEl.hidden = true;
      el.appendChild(badgeEl);
      shadow.appendChild(el);
      let drawn = [];     // [{item, box, rects}] in viewport coordinates, visible part only
      let clipBox = null;
      let activeKey = null;
      const self = { element: el };

      badgeEl.addEventListener('mousedown', (e) => e.preventDefault());   // keep the editor's focus
      badgeEl.addEventListener('click', () => { if (opts.onBadgeClick) opts.onBadgeClick(self); });

      const shown = new Map();   // key -> highlight element, reused so a redraw only moves boxes

      function highlightFor(item) {
        let hl = shown.get(item.key);
        if (!hl) {
          hl = doc.createElement('div');
          hl.className = 'hl';
          hl.setAttribute('data-tact-key', item.key);
          clipEl.appendChild(hl);
          shown.set(item.key, hl);
        }
        hl.setAttribute('data-tact-issue', item.category);
        hl.setAttribute('data-tact-rule', item.rule);
        hl.setAttribute('data-tact-severity', item.severity || 'warning');
        hl.classList.toggle('active', item.key === activeKey);
        hl.style.setProperty('--c', colorOf(item.category));
        return hl;
      }

      self.render = function render(items, clip) {
        clipBox = clip && clip.width > 0 && clip.height > 0 ? clip : null;
        drawn = [];
        el.style.display = clipBox ? '' : 'none';
        const keep = new Set();
        if (clipBox) {
          place(clipEl, clipBox);
          for (const item of items) {
            const rects = item.rects.filter((r) => intersects(r, clipBox));
            if (!rects.length || keep.has(item.key)) continue;
            keep.add(item.key);
            const box = union(rects);
            const hl = highlightFor(item);
            setBox(hl, box.left - clipBox.left, box.top - clipBox.top, box.width, box.height);
            while (hl.children.length > rects.length) hl.lastChild.remove();
            while (hl.children.length < rects.length) hl.appendChild(doc.createElement('div')).className = 'frag';
            rects.forEach((r, i) => setBox(hl.children[i], r.left - box.left, r.top - box.top, r.width, r.height));
            drawn.push({ item, box, rects });
          }
        }
        for (const [key, hl] of shown) {
          if (!keep.has(key)) { hl.remove(); shown.delete(key); }
        }
        positionBadge();
      };

      self.hit = function hit(x, y) {
        if (!clipBox || !contains(clipBox, x, y)) return null;
        for (const d of drawn) {
          if (d.rects.some((r) => contains(r, x, y))) return d.item;
        }
        return null;
      };

      self.box = function box(key) {
        const d = drawn.find((entry) => entry.item.key === key);
        return d ? d.box : null;
      };

      self.setActive = function setActive(key) {
        activeKey = key;
        for (const [k, hl] of shown) hl.classList.toggle('active', k === key);
      };

      let badgeState = null;
      function positionBadge() {
        if (!badgeState || !clipBox) { badgeEl.hidden = true; return; }
        badgeEl.hidden = false;
        place(badgeEl, { left: clipBox.left + clipBox.width - badgeEl.offsetWidth - 6,
          top: clipBox.top + clipBox.height - 24 });
      }

      self.badge = function badge(state) {
        badgeState = state;
        if (state) {
          const failed = state.state === 'offline' || state.state === 'unauthorized' || state.state === 'error';
          badgeEl.textContent = failed ? '!' : state.state === 'checking' && !state.count ? '…' : String(state.count || 0);
          badgeEl.setAttribute('data-tact-state', state.state);
          badgeEl.setAttribute('data-tact-count', String(state.count || 0));
          badgeEl.title = state.title || '';
        }
        positionBadge();
      };

      self.destroy = () => el.remove();
      return self;
    }

    return { host, shadow, addStyles, place, origin, layer, destroy: () => host.remove() };
  }

  function setBox(node, left, top, width, height) {
    node.style.left = left + 'px';
    node.style.top = top + 'px';
    node.style.width = width + 'px';
    node.style.height = height + 'px';
  }
  function intersects(r, c) {
    return r.left < c.left + c.width && r.left + r.width > c.left && r.top < c.top + c.height &&
      r.top + r.height > c.top;
  }
  function contains(r, x, y) {
    return x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height;
  }
  function union(rects) {
    const left = Math.min(...rects.map((r) => r.left));
    const top = Math.min(...rects.map((r) => r.top));
    const right = Math.max(...rects.map((r) => r.left + r.width));
    const bottom = Math.max(...rects.map((r) => r.top + r.height));
    return { left, top, width: right - left, height: bottom - top };
  }

  const api = { create, colorOf, COLORS };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else if (!root.TactOverlay) root.TactOverlay = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
