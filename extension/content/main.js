/*
 * The content script's entry point: finds compose editors (now and later, in this document and
 * in same-origin iframes), gives each a TactSession, and routes page events to them:
 * edits -> check, scroll/resize/reflow -> redraw, hover/click on a highlight -> card.
 * Listeners are passive: Tact never swallows a keystroke (the pre-send check holds back Send only).
 */
(function (root) {
  'use strict';
  if (root.__tactContentLoaded) return;
  // A frame whose parent is same-origin is handled by the parent's script (one overlay, one badge).
  let parentHandles = false;
  try { parentHandles = root.window !== root.window.top && !!root.window.frameElement; } catch (err) { parentHandles = false; }
  if (parentHandles) return;
  root.__tactContentLoaded = true;

  const { TactOffsets: O, TactOverlay, TactCard, TactAdapters, TactSession, TactClient, TactPresend } = root;
  const HOVER_OPEN_MS = 300;
  const HOVER_CLOSE_MS = 450;
  const SCAN_THROTTLE_MS = 400;
  const MIN_WIDTH = 80;
  const MIN_HEIGHT = 20;

  let settings = root.TactSettings.withDefaults({});
  const cache = TactSession.lruCache();
  const sessions = new Map();   // editor element -> session
  const watched = new WeakSet();
  let lastSession = null;
  let overlay = null;
  let renderFrame = 0;
  let reportTimer = 0;
  let lastReport = '';
  const resizeObserver = new ResizeObserver(() => renderAll());

  function renderAll() {
    if (renderFrame) return;
    renderFrame = root.window.requestAnimationFrame(() => {
      renderFrame = 0;
      for (const s of sessions.values()) s.render();
    });
  }

  function report() {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      const list = [...sessions.values()];
      const count = list.reduce((n, s) => n + s.issues.length, 0);
      const failing = list.find((s) => s.state !== 'ok' && s.state !== 'checking');
      const state = failing ? failing.state : list.length ? 'ok' : 'idle';
      const key = count + state + list.length;
      if (key === lastReport) return;
      lastReport = key;
      TactClient.report(count, state, list.length);
    }, 150);
  }

  function usable(el) {
    if (!el.isConnected || el.closest('[data-tact="off"]')) return false;
    const r = el.getBoundingClientRect();
    return r.width >= MIN_WIDTH && r.height >= MIN_HEIGHT;
  }

  function attach(el) {
    if (!el || sessions.has(el) || !usable(el)) return;
    const session = new TactSession(TactAdapters.create(el, overlay), {
      overlay, cache, client: TactClient, settings: () => settings, onChange: report,
    });
    sessions.set(el, session);
    resizeObserver.observe(el);
    if (el.tagName === 'TEXTAREA') {
      for (const type of ['input', 'change', 'focus']) el.addEventListener(type, () => session.edited(), { passive: true });
      el.addEventListener('scroll', () => session.scheduleRender(), { passive: true });
    } else {
      session.observer = new MutationObserver(() => session.edited());
      session.observer.observe(el, { childList: true, characterData: true, subtree: true });
    }
    el.addEventListener('focus', () => { lastSession = session; }, { passive: true });
    lastSession = lastSession || session;
  }

  function detach(el) {
    const session = sessions.get(el);
    if (!session) return;
    if (session.observer) session.observer.disconnect();
    resizeObserver.unobserve(el);
    session.destroy();
    sessions.delete(el);
    if (lastSession === session) lastSession = null;
    report();
  }

  function scan(doc) {
    for (const el of [...sessions.keys()]) if (!el.isConnected) detach(el);
    const candidates = doc.querySelectorAll('textarea, [contenteditable]:not([contenteditable="false"])');
    for (const node of candidates) {
      const editor = TactAdapters.editorRoot(node);
      if (editor === node) attach(editor);
    }
    if (doc.body && (doc.designMode === 'on' || doc.body.isContentEditable)) attach(TactAdapters.editorRoot(doc.body));
    for (const frame of doc.querySelectorAll('iframe, frame')) watchFrame(frame);
  }

  const frames = new WeakSet();
  function watchFrame(frame) {
    const tryDocument = () => {
      let doc = null;
      try { doc = frame.contentDocument; } catch (err) { doc = null; }   // cross-origin: not ours
      if (doc && doc.documentElement) watchDocument(doc);
    };
    tryDocument();
    if (!frames.has(frame)) {
      frames.add(frame);
      frame.addEventListener('load', tryDocument);
    }
  }

  function toTop(event) {
    const win = event.view || (event.target && event.target.ownerDocument && event.target.ownerDocument.defaultView);
    return O.toTopViewport({ left: event.clientX, top: event.clientY, width: 0, height: 0 }, win || root.window, root.window);
  }

  function hitAll(x, y) {
    for (const s of sessions.values()) {
      const issue = s.hit(x, y);
      if (issue) return { session: s, issue };
    }
    return null;
  }

  /* Hover opens a card after a pause; click opens it at once and keeps it until dismissed. */
  let hoverTimer = 0;
  let closeTimer = 0;
  function onMouseMove(event) {
    const p = toTop(event);
    const open = [...sessions.values()].find((s) => s.card);
    const overCard = open && open.card.contains(p.left, p.top);
    const found = overCard ? null : hitAll(p.left, p.top);
    clearTimeout(hoverTimer);
    if (found && !(open && open.cardKey === found.issue.key)) {
      hoverTimer = setTimeout(() => found.session.openCard(found.issue, 'hover'), HOVER_OPEN_MS);
    }
    if (open && open.cardMode === 'hover' && !overCard && !(found && found.issue.key === open.cardKey)) {
      if (!closeTimer) closeTimer = setTimeout(() => { closeTimer = 0; open.closeCard(); }, HOVER_CLOSE_MS);
    } else {
      clearTimeout(closeTimer);
      closeTimer = 0;
    }
  }

  function onClick(event) {
    const p = toTop(event);
    const open = [...sessions.values()].find((s) => s.card);
    if (open && open.card.contains(p.left, p.top)) return;
    const found = hitAll(p.left, p.top);
    clearTimeout(hoverTimer);
    if (found) found.session.openCard(found.issue, 'click');
    else TactCard.close(overlay);
  }

  function watchDocument(doc) {
    if (watched.has(doc)) return;
    watched.add(doc);
    const win = doc.defaultView;
    let scanTimer = 0;
    const scheduleScan = () => {
      if (!scanTimer) scanTimer = setTimeout(() => { scanTimer = 0; scan(doc); }, SCAN_THROTTLE_MS);
    };
    new MutationObserver((records) => {
      if (records.every((r) => r.target === overlay.host)) return;
      scheduleScan();
      renderAll();
    }).observe(doc.documentElement, { childList: true, subtree: true, attributes: true,
      attributeFilter: ['contenteditable', 'style', 'class', 'hidden'] });
    doc.addEventListener('focusin', (event) => attach(TactAdapters.editorRoot(event.target)), true);
    win.addEventListener('scroll', renderAll, { capture: true, passive: true });
    win.addEventListener('resize', renderAll, { passive: true });
    doc.addEventListener('mousemove', onMouseMove, { passive: true });
    doc.addEventListener('click', onClick, true);
    doc.addEventListener('keydown', (event) => { if (event.key === 'Escape') TactCard.close(overlay); }, true);
    TactPresend.install(win, { sessions: () => [...sessions.values()], lastSession: () => lastSession, overlay });
    scan(doc);
  }

  function onBadgeClick(layer) {
    const session = layer.session;
    if (!session) return;
    if (session.issues.length) session.openCard(session.issues[0], 'click');
    else session.check();
  }

  TactClient.settings().then((loaded) => {
    settings = loaded;
    overlay = TactOverlay.create(root.document, { onBadgeClick });
    watchDocument(root.document);
    TactClient.onSettings((next) => {
      settings = next;
      for (const s of sessions.values()) s.edited();
    });
  });
})(globalThis);
