/*
 * TactCard: the card that explains one issue, and the compact pre-send prompt.
 * Plain script, no dependencies, no extension APIs (shared by the extension and the web
 * playground); needs TactOverlay's overlay object. Defines `globalThis.TactCard`.
 * Server strings are only ever set as textContent, never parsed as HTML.
 *
 *   TactCard.open(overlay, {issue, anchor, onReplace(text), onIgnore(), onDisableRule(), onClose()})
 *       -> {element, close(), contains(x, y), reposition(rect)}
 *       issue: an API issue ({category, severity, message, explanation, replacements, rule, text});
 *       anchor: the viewport rect to attach to (the highlight). One card at a time per overlay:
 *       opening another closes the first. The card has data-tact-card; each replacement is a
 *       button with data-tact-replacement="<text>"; "Ignore" and "Turn off this rule" are
 *       buttons with data-tact-action="ignore" / "disable-rule". Buttons keep the editor's focus.
 *   TactCard.prompt(overlay, {issues, anchor, onReview(issue), onSendAnyway(), onClose()})
 *       -> {element, close()}
 *       The pre-send prompt (data-tact-presend) listing the issues, with "Review"
 *       (data-tact-action="review") and "Send anyway" (data-tact-action="send-anyway").
 *   TactCard.close(overlay)   closes the open card or prompt, if any
 *   TactCard.current(overlay) -> the open card or prompt's handle, or null
 *   TactCard.label(category)  "accusatory-question" -> "Accusatory question"
 */
(function (root) {
  'use strict';

  const CSS = `
    .card, .prompt { position: absolute; box-sizing: border-box; pointer-events: auto; z-index: 2;
      max-width: 360px; min-width: 240px; padding: 12px 14px; border-radius: 8px; background: #fff;
      color: #202124; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
      box-shadow: 0 4px 16px rgba(0,0,0,.22), 0 0 0 1px rgba(0,0,0,.06); text-align: left; }
    .head { display: flex; align-items: center; gap: 6px; font-size: 11px; font-weight: 600;
      text-transform: uppercase; letter-spacing: .04em; color: #5f6368; margin-bottom: 4px; }
    .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--c); flex: none; }
    .x { margin-left: auto; border: 0; background: none; font-size: 16px; line-height: 1; cursor: pointer;
      color: #5f6368; padding: 0 2px; }
    .msg { font-weight: 600; margin-bottom: 4px; }
    .why { color: #3c4043; margin-bottom: 8px; }
    .reps { display: flex; flex-direction: column; gap: 4px; margin-bottom: 8px; }
    .reps button { text-align: left; border: 1px solid #c6dafc; background: #e8f0fe; color: #174ea6;
      border-radius: 6px; padding: 5px 8px; font: inherit; cursor: pointer; }
    .reps button:hover { background: #d2e3fc; }
    .actions { display: flex; gap: 12px; border-top: 1px solid #eee; padding-top: 6px; }
    .actions button, .prompt .buttons button { border: 0; background: none; color: #5f6368; font: inherit;
      padding: 2px 0; cursor: pointer; }
    .actions button:hover { color: #202124; text-decoration: underline; }
    .prompt h2 { font-size: 14px; margin: 0 0 6px; }
    .prompt ul { margin: 0 0 10px; padding: 0 0 0 16px; max-height: 160px; overflow: auto; }
    .prompt li { margin: 2px 0; }
    .prompt li span { color: #5f6368; }
    .prompt .buttons { display: flex; gap: 8px; justify-content: flex-end; }
    .prompt .buttons button { border-radius: 6px; padding: 5px 12px; border: 1px solid #dadce0; color: #202124; }
    .prompt .buttons button[data-tact-action="review"] { background: #1a73e8; border-color: #1a73e8; color: #fff; }
  `;

  const open = new WeakMap();   // overlay -> the open card or prompt

  function label(category) {
    const s = String(category || '').replace(/[-_]+/g, ' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function el(doc, tag, attrs, text) {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(doc, text, attrs, onClick) {
    const b = el(doc, 'button', Object.assign({ type: 'button' }, attrs), text);
    b.addEventListener('mousedown', (e) => e.preventDefault());
    b.addEventListener('click', (e) => { e.preventDefault(); e.stopPropagation(); onClick(); });
    return b;
  }

  function position(overlay, node, anchor, preferAbove) {
    const win = node.ownerDocument.defaultView;
    const width = node.offsetWidth;
    const height = node.offsetHeight;
    const left = Math.max(8, Math.min(anchor.left, win.innerWidth - width - 8));
    const below = anchor.top + anchor.height + 6;
    const above = anchor.top - height - 6;
    let top = preferAbove ? above : below;
    if (top + height > win.innerHeight - 4 && above >= 4) top = above;
    if (top < 4 && below + height <= win.innerHeight) top = below;
    overlay.place(node, { left, top });
  }

  function mount(overlay, node, anchor, preferAbove, onClose) {
    close(overlay);
    overlay.addStyles(CSS);
    overlay.shadow.appendChild(node);
    position(overlay, node, anchor, preferAbove);
    const handle = {
      element: node,
      close() {
        if (!node.isConnected) return;
        node.remove();
        if (open.get(overlay) === handle) open.delete(overlay);
        if (onClose) onClose();
      },
      reposition(rect) { position(overlay, node, rect, preferAbove); },
      contains(x, y) {
        const r = node.getBoundingClientRect();
        return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      },
    };
    node.addEventListener('keydown', (e) => { if (e.key === 'Escape') handle.close(); });
    open.set(overlay, handle);
    return handle;
  }

  function openCard(overlay, o) {
    const doc = overlay.shadow.ownerDocument;
    const issue = o.issue;
    const card = el(doc, 'div', { class: 'card', role: 'dialog', 'aria-label': 'Tact: ' + label(issue.category),
      'data-tact-card': '', 'data-tact-issue': issue.category, 'data-tact-rule': issue.rule });
    card.style.setProperty('--c', root.TactOverlay ? root.TactOverlay.colorOf(issue.category) : '#12857a');
    let handle;
    const head = el(doc, 'div', { class: 'head' });
    head.append(el(doc, 'span', { class: 'dot' }), el(doc, 'span', {}, label(issue.category)),
      button(doc, '×', { class: 'x', 'aria-label': 'Close', 'data-tact-action': 'close' }, () => handle.close()));
    card.append(head, el(doc, 'div', { class: 'msg' }, issue.message || ''));
    if (issue.explanation) card.append(el(doc, 'div', { class: 'why' }, issue.explanation));
    const reps = (issue.replacements || []).filter((r) => typeof r === 'string');
    if (reps.length) {
      const box = el(doc, 'div', { class: 'reps' });
      for (const rep of reps.slice(0, 5)) {
        box.append(button(doc, rep || '(remove)', { 'data-tact-replacement': rep }, () => {
          handle.close();
          if (o.onReplace) o.onReplace(rep);
        }));
      }
      card.append(box);
    }
    const actions = el(doc, 'div', { class: 'actions' });
    actions.append(
      button(doc, 'Ignore', { 'data-tact-action': 'ignore' }, () => { handle.close(); if (o.onIgnore) o.onIgnore(); }),
      button(doc, 'Turn off this rule', { 'data-tact-action': 'disable-rule', title: issue.rule },
        () => { handle.close(); if (o.onDisableRule) o.onDisableRule(); }));
    card.append(actions);
    handle = mount(overlay, card, o.anchor, false, o.onClose);
    return handle;
  }

  function prompt(overlay, o) {
    const doc = overlay.shadow.ownerDocument;
    const node = el(doc, 'div', { class: 'prompt', role: 'alertdialog', 'aria-label': 'Tact: issues before sending',
      'data-tact-presend': '' });
    const n = o.issues.length;
    node.append(el(doc, 'h2', {}, n === 1 ? '1 issue left in this draft' : n + ' issues left in this draft'));
    const list = el(doc, 'ul');
    for (const issue of o.issues.slice(0, 8)) {
      const li = el(doc, 'li', { 'data-tact-issue': issue.category });
      li.append(el(doc, 'b', {}, '“' + issue.text + '”'), doc.createTextNode(' '),
        el(doc, 'span', {}, issue.message || label(issue.category)));
      list.append(li);
    }
    if (n > 8) list.append(el(doc, 'li', {}, '… and ' + (n - 8) + ' more'));
    node.append(list);
    let handle;
    const buttons = el(doc, 'div', { class: 'buttons' });
    const review = button(doc, 'Review', { 'data-tact-action': 'review' }, () => {
      handle.close();
      if (o.onReview) o.onReview(o.issues[0]);
    });
    buttons.append(button(doc, 'Send anyway', { 'data-tact-action': 'send-anyway' }, () => {
      handle.close();
      if (o.onSendAnyway) o.onSendAnyway();
    }), review);
    node.append(buttons);
    handle = mount(overlay, node, o.anchor, true, o.onClose);
    review.focus({ preventScroll: true });
    return handle;
  }

  function close(overlay) {
    const handle = open.get(overlay);
    if (handle) handle.close();
  }

  const api = { open: openCard, prompt, close, label, current: (overlay) => open.get(overlay) || null };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else if (!root.TactCard) root.TactCard = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
