/*
 * TactPresend: the check before sending. When Send is pressed (a button labelled Send, Gmail's
 * [data-tooltip^="Send"], [aria-label^="Send"], or Ctrl/Cmd+Enter in the editor) while the
 * draft still has warnings or errors, the press is held back and a compact prompt lists them
 * with "Review" and "Send anyway". Nothing is held back when the draft is clean.
 *
 *   TactPresend.install(win, {sessions(), lastSession(), overlay})   once per window (frames too)
 */
(function (root) {
  'use strict';
  if (root.TactPresend) return;

  const CANDIDATE = 'button, [role="button"], input[type="submit"], input[type="button"], ' +
    '[data-tooltip^="Send"], [aria-label^="Send"]';
  const SEND_LABEL = /^send(?![a-z])(?!\s+(?:feedback|to\b|a\s+copy))/i;
  const POINTER_EVENTS = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'];
  let bypassUntil = 0;   // "Send anyway" lets the replayed press through

  function sendButton(event, ctx) {
    const path = event.composedPath ? event.composedPath() : [event.target];
    if (path.includes(ctx.overlay.host)) return null;   // our own "Send anyway" is not the page's Send
    const target = path[0];
    const el = target && target.closest ? target.closest(CANDIDATE) : null;
    if (!el) return null;
    const label = (el.getAttribute('aria-label') || el.getAttribute('data-tooltip') || el.value ||
      el.textContent || '').trim();
    return SEND_LABEL.test(label) ? el : null;
  }

  /* The element that stands for the session's editor in `doc` (the iframe, for a framed editor). */
  function anchorIn(session, doc) {
    let el = session.element;
    while (el && el.ownerDocument !== doc) {
      const win = el.ownerDocument.defaultView;
      el = win && win.frameElement;
    }
    return el;
  }

  function sessionForButton(button, ctx) {
    const sessions = ctx.sessions();
    for (let a = button.parentElement; a; a = a.parentElement) {
      const found = sessions.find((s) => { const el = anchorIn(s, button.ownerDocument); return el && a.contains(el); });
      if (found) return found;
    }
    return ctx.lastSession();
  }

  function viewportRect(el) {
    const r = el.getBoundingClientRect();
    return root.TactOffsets.toTopViewport({ left: r.left, top: r.top, width: r.width, height: r.height },
      el.ownerDocument.defaultView, root.window);
  }

  function hold(event) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  function replayClick(button) {
    const win = button.ownerDocument.defaultView;
    const r = button.getBoundingClientRect();
    const init = { bubbles: true, cancelable: true, composed: true, view: win, button: 0,
      clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
    bypassUntil = Date.now() + 1500;
    for (const type of POINTER_EVENTS) {
      const Ctor = type.startsWith('pointer') ? win.PointerEvent : win.MouseEvent;
      button.dispatchEvent(new Ctor(type, Object.assign({ buttons: type.endsWith('down') ? 1 : 0 }, init)));
    }
  }

  function replayShortcut(session, original) {
    const target = session.element;
    const win = target.ownerDocument.defaultView;
    bypassUntil = Date.now() + 1500;
    target.dispatchEvent(new win.KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, which: 13,
      ctrlKey: original.ctrlKey, metaKey: original.metaKey, bubbles: true, cancelable: true, composed: true }));
  }

  function ask(session, anchor, ctx, sendAnyway) {
    root.TactCard.prompt(ctx.overlay, {
      issues: session.blocking(),
      anchor,
      onReview(issue) {
        session.element.focus({ preventScroll: false });
        if (issue) session.openCard(issue, 'click');
      },
      onSendAnyway: sendAnyway,
    });
  }

  function install(win, ctx) {
    const onPointer = (event) => {
      if (Date.now() < bypassUntil || !event.isTrusted) return;
      const button = sendButton(event, ctx);
      if (!button) return;
      const session = sessionForButton(button, ctx);
      if (!session || !session.blocking().length) return;
      hold(event);
      if (event.type === 'click') ask(session, viewportRect(button), ctx, () => replayClick(button));
    };
    for (const type of POINTER_EVENTS) win.addEventListener(type, onPointer, true);

    win.addEventListener('keydown', (event) => {
      if (Date.now() < bypassUntil || !event.isTrusted || event.key !== 'Enter') return;
      const shortcut = event.ctrlKey || event.metaKey;
      const button = !shortcut && sendButton(event, ctx);   // Enter on a focused Send button
      if (!shortcut && !button) return;
      const target = event.composedPath ? event.composedPath()[0] : event.target;
      const session = button ? sessionForButton(button, ctx)
        : ctx.sessions().find((s) => s.element === target || s.element.contains(target));
      if (!session || !session.blocking().length) return;
      hold(event);
      const found = button || findSendButton(session);
      ask(session, found ? viewportRect(found) : session.adapter.clip(), ctx,
        () => (found ? replayClick(found) : replayShortcut(session, event)));
    }, true);
  }

  /* For Ctrl+Enter: the compose's own Send button, if there is one near the editor. */
  function findSendButton(session) {
    let el = session.element;
    while (el && el.ownerDocument !== root.document) el = el.ownerDocument.defaultView.frameElement;
    for (let a = el && el.parentElement; a; a = a.parentElement) {
      for (const candidate of a.querySelectorAll(CANDIDATE)) {
        const label = (candidate.getAttribute('aria-label') || candidate.getAttribute('data-tooltip') ||
          candidate.value || candidate.textContent || '').trim();
        if (SEND_LABEL.test(label)) return candidate;
      }
    }
    return null;
  }

  root.TactPresend = { install };
})(globalThis);
