/*
 * TactOffsets: text offsets <-> editor content <-> screen rectangles.
 * Plain script, no dependencies, no extension APIs: the extension's content script and the
 * web playground both load it as-is. It defines `globalThis.TactOffsets` (and `module.exports`
 * under Node, for unit tests of the pure functions).
 *
 * All offsets are UTF-16 code units (JavaScript string indices), i.e. the API's
 * `offset_utf16` / `length_utf16`.
 *
 *   readEditable(root) -> TextModel
 *       Reads a contenteditable root (or a rich editor's iframe body) into the plain text a mail
 *       client would send: blocks and <br> become "\n". The quoted thread (Gmail .gmail_quote,
 *       <blockquote>, Outlook's #divRplyFwdMsg and everything after it, ...) goes to `quoted`
 *       instead of `text`; signatures are left out. TextModel:
 *         text       the sender's text
 *         quoted     the quoted thread as plain text ('' when none)
 *         breaks     sorted offsets where a paragraph element ends (extra paragraph boundaries)
 *         range(start, end)  -> a DOM Range over text[start:end], or null
 *         rects(start, end)  -> [{left, top, width, height}] of the characters, in the viewport
 *                               of `topWindow` (iframe offsets added); one per line fragment
 *   readTextarea(textarea) -> { text, quoted: '', breaks: [] }
 *   paragraphs(text, breaks) -> [{start, end, text, quoted}]
 *       The units that are checked and cached separately: runs of lines split at blank lines and
 *       at `breaks`. `quoted` marks plain-text quote blocks ("> " lines, "On ... wrote:",
 *       "-----Original Message-----" and what follows, a "-- " signature and what follows).
 *   textareaMeasurer(textarea, container) -> { rects(ranges) -> [[rect, ...] per range], dispose() }
 *       Mirrors the textarea's layout in a hidden element appended to `container` (e.g. a shadow
 *       root) to find where characters are drawn; rects are in the top window's viewport.
 *   toTopViewport(rect, win, topWindow) -> rect   adds the offsets of the frames between win and top
 *   elementBox(element, topWindow) -> rect        the element's visible padding box (content
 *                                                  that scrolls inside it is clipped to this)
 */
(function (root) {
  'use strict';

  const BLOCK = new Set(('ADDRESS ARTICLE ASIDE BLOCKQUOTE CENTER DD DETAILS DIV DL DT FIELDSET FIGCAPTION ' +
    'FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY ' +
    'TD TFOOT TH THEAD TR UL').split(' '));
  // Blocks that end a paragraph (a Gmail <div> is a line, a <p> is a paragraph).
  const PARAGRAPH = new Set('BLOCKQUOTE DD DT H1 H2 H3 H4 H5 H6 HR LI OL P PRE TABLE UL'.split(' '));
  const SKIP = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE HEAD TITLE META LINK OBJECT IFRAME'.split(' '));
  // The quoted thread: inside these elements.
  const QUOTE = '.gmail_quote, .gmail_extra, blockquote, .moz-cite-prefix, .protonmail_quote, ' +
    '.yahoo_quoted, [data-marker="__QUOTED_TEXT__"], .OutlookMessageHeader';
  // Outlook-style replies: the thread starts at this element and runs to the end of the body.
  const QUOTE_TAIL = '#appendonsend, #divRplyFwdMsg, [id^="divRplyFwdMsg"], #x_divRplyFwdMsg';
  const SIGNATURE = '.gmail_signature, [data-smartmail="gmail_signature"], #Signature, .moz-signature, ' +
    '[id^="signature"], .protonmail_signature_block';

  function readEditable(rootEl) {
    const doc = rootEl.ownerDocument;
    const win = doc.defaultView;
    const out = [];         // pieces of `text`
    const quotedOut = [];
    const pieces = [];      // {start, end, node, map}: map[i] = node offset of text[start + i]
    const breaks = [];
    let length = 0;
    let tail = false;       // inside the Outlook-style quote tail

    const last = () => (length ? out[out.length - 1].slice(-1) : '\n');
    const pushText = (s) => { out.push(s); length += s.length; };
    const newline = () => { if (length && last() !== '\n') pushText('\n'); };

    function hidden(el) {
      if (el.hidden) return true;
      const style = win.getComputedStyle(el);
      return style.display === 'none' || style.visibility === 'hidden';
    }
    function preserves(el) {
      const ws = win.getComputedStyle(el).whiteSpace;
      return ws.startsWith('pre') || ws === 'break-spaces';
    }

    function addText(node, preFormatted) {
      const data = node.data;
      if (!data) return;
      const map = [];
      let s = '';
      for (let i = 0; i < data.length; i++) {
        let ch = data[i];
        if (!preFormatted && /[ \t\n\r\f]/.test(ch)) {
          const prev = s.length ? s[s.length - 1] : last();
          if (prev === ' ' || prev === '\n') continue;   // collapsed like the browser renders it
          ch = ' ';
        }
        map.push(i);
        s += ch;
      }
      if (!s) return;
      map.push(map[map.length - 1] + 1);
      pieces.push({ start: length, end: length + s.length, node, map });
      pushText(s);
    }

    function walkQuoted(el) {
      const text = (el.innerText !== undefined ? el.innerText : el.textContent) || '';
      if (text.trim()) quotedOut.push(text.trim());
    }

    function walk(node, preFormatted) {
      if (node.nodeType === 3) {
        if (tail) { if (node.data.trim()) quotedOut.push(node.data.trim()); return; }
        addText(node, preFormatted);
        return;
      }
      if (node.nodeType !== 1) return;
      const el = node;
      if (SKIP.has(el.tagName) || hidden(el)) return;
      if (!tail && el.matches(QUOTE_TAIL)) tail = true;
      if (tail) { walkQuoted(el); return; }
      if (el.matches(SIGNATURE)) return;
      if (el !== rootEl && el.matches(QUOTE)) { walkQuoted(el); newline(); return; }
      if (el.tagName === 'BR') { pushText('\n'); return; }
      const block = BLOCK.has(el.tagName);
      if (block) newline();
      const pre = preFormatted || preserves(el);
      for (let child = el.firstChild; child; child = child.nextSibling) walk(child, pre);
      if (block) {
        newline();
        if (PARAGRAPH.has(el.tagName)) breaks.push(length);
      }
    }

    for (let child = rootEl.firstChild; child; child = child.nextSibling) walk(child, preserves(rootEl));
    let text = out.join('');
    // A trailing "\n" left by the last block is layout, not text the sender wrote.
    if (text.endsWith('\n')) text = text.slice(0, -1);

    function locate(pos, preferNext) {
      // The text node and offset for `pos`; at a boundary between pieces prefer the next one
      // (for a range start) or the previous one (for a range end).
      let best = null;
      for (const p of pieces) {
        if (pos < p.start) { if (!best || preferNext) best = { node: p.node, offset: p.map[0] }; break; }
        if (pos < p.end || (pos === p.end && !preferNext)) {
          return { node: p.node, offset: p.map[pos - p.start] };
        }
        best = { node: p.node, offset: p.map[p.end - p.start] };
      }
      return best;
    }

    function range(start, end) {
      if (!(start >= 0 && end >= start && end <= text.length)) return null;
      const a = locate(start, true);
      const b = locate(end, false);
      if (!a || !b) return null;
      const r = doc.createRange();
      try {
        r.setStart(a.node, a.offset);
        r.setEnd(b.node, b.offset);
      } catch (err) {
        return null;   // the DOM changed under the model; the caller re-reads
      }
      return r;
    }

    function rects(start, end, topWindow) {
      // Per text node, so element boxes inside the range are not drawn as highlights.
      const found = [];
      for (const p of pieces) {
        if (p.end <= start || p.start >= end) continue;
        if (!p.node.isConnected) return [];
        const r = doc.createRange();
        r.setStart(p.node, p.map[Math.max(start, p.start) - p.start]);
        r.setEnd(p.node, p.map[Math.min(end, p.end) - p.start]);
        for (const rect of r.getClientRects()) {
          if (rect.width > 0.5 || rect.height > 0.5) found.push(toTopViewport(rect, win, topWindow));
        }
      }
      return mergeLineRects(found);
    }

    return {
      text,
      quoted: quotedOut.join('\n\n'),
      breaks: breaks.filter((b) => b > 0 && b < text.length),
      range,
      rects: (start, end, topWindow) => rects(start, end, topWindow || win.top),
    };
  }

  function readTextarea(textarea) {
    return { text: textarea.value.replace(/\r\n?/g, '\n'), quoted: '', breaks: [] };
  }

  const ATTRIBUTION = /^(on\b.{3,200}\bwrote:|le\b.{3,200}\ba écrit\s?:|am\b.{3,200}\bschrieb\b.*:)\s*$/i;
  const QUOTED_LINE = /^\s*>/;
  const QUOTE_START = /^(-{2,}\s*original message\s*-{2,}|_{10,})\s*$/i;

  function isQuoteBlock(lines) {
    return lines.every((l) => QUOTED_LINE.test(l) || ATTRIBUTION.test(l.trim()));
  }

  function paragraphs(text, breaks) {
    const cuts = new Set(breaks || []);
    const result = [];
    let lines = [];           // the current paragraph's lines: {start, end, text}
    let restQuoted = false;   // after "-----Original Message-----" or a "-- " signature line

    function flush() {
      const nonBlank = lines.filter((l) => l.text.trim()).map((l) => l.text);
      if (nonBlank.length) {
        const start = lines[0].start;
        const end = lines[lines.length - 1].end;
        result.push({ start, end, text: text.slice(start, end), quoted: restQuoted || isQuoteBlock(nonBlank) });
      }
      lines = [];
    }

    let pos = 0;
    for (const line of text.split('\n')) {
      const start = pos;
      const end = pos + line.length;
      pos = end + 1;
      if (!restQuoted && (QUOTE_START.test(line.trim()) || line === '-- ')) { flush(); restQuoted = true; }
      if (!restQuoted && !line.trim()) { flush(); continue; }
      lines.push({ start, end, text: line });
      if (!restQuoted && cuts.has(end + 1)) flush();   // a paragraph element ended here
    }
    flush();
    return result;
  }

  function mergeLineRects(rects) {
    // Adjacent fragments on one line (e.g. across <b>) become one rectangle.
    const merged = [];
    for (const r of rects) {
      const prev = merged[merged.length - 1];
      if (prev && Math.abs(prev.top - r.top) < 2 && Math.abs(prev.height - r.height) < 2 &&
          r.left <= prev.left + prev.width + 1 && r.left >= prev.left - 1) {
        const right = Math.max(prev.left + prev.width, r.left + r.width);
        prev.width = right - prev.left;
      } else {
        merged.push({ left: r.left, top: r.top, width: r.width, height: r.height });
      }
    }
    return merged;
  }

  function frameOffset(win, topWindow) {
    let x = 0;
    let y = 0;
    while (win && win !== topWindow) {
      let frame;
      try { frame = win.frameElement; } catch (err) { frame = null; }
      if (!frame) break;
      const outer = frame.ownerDocument.defaultView;
      const box = frame.getBoundingClientRect();
      const style = outer.getComputedStyle(frame);
      x += box.left + frame.clientLeft + parseFloat(style.paddingLeft || '0');
      y += box.top + frame.clientTop + parseFloat(style.paddingTop || '0');
      win = outer;
    }
    return { x, y };
  }

  function toTopViewport(rect, win, topWindow) {
    const o = frameOffset(win, topWindow || win.top);
    return { left: rect.left + o.x, top: rect.top + o.y, width: rect.width, height: rect.height };
  }

  function elementBox(el, topWindow) {
    const win = el.ownerDocument.defaultView;
    let r;
    if (el === el.ownerDocument.body && win.frameElement) {
      // A rich editor's iframe body: what is visible is the frame's viewport.
      r = { left: 0, top: 0, width: win.innerWidth, height: win.innerHeight };
    } else {
      const b = el.getBoundingClientRect();
      r = { left: b.left + el.clientLeft, top: b.top + el.clientTop,
        width: el.clientWidth || b.width, height: el.clientHeight || b.height };
    }
    return toTopViewport(r, win, topWindow || win.top);
  }

  const MIRRORED = ['boxSizing', 'fontFamily', 'fontSize', 'fontStyle', 'fontVariant', 'fontWeight',
    'fontStretch', 'fontFeatureSettings', 'fontKerning', 'letterSpacing', 'lineHeight', 'textTransform',
    'textIndent', 'wordSpacing', 'tabSize', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
    'direction', 'textAlign', 'overflowWrap', 'wordBreak', 'hyphens'];

  function textareaMeasurer(textarea, container) {
    const doc = container.ownerDocument || container;
    const mirror = doc.createElement('div');
    mirror.setAttribute('aria-hidden', 'true');
    container.appendChild(mirror);

    function syncStyle() {
      const win = textarea.ownerDocument.defaultView;
      const cs = win.getComputedStyle(textarea);
      for (const prop of MIRRORED) mirror.style[prop] = cs[prop];
      const s = mirror.style;
      s.position = 'fixed';
      s.left = '0px';
      s.top = '0px';
      s.visibility = 'hidden';
      s.pointerEvents = 'none';
      s.border = '0';
      s.margin = '0';
      s.boxSizing = 'content-box';
      s.overflow = 'hidden';
      s.whiteSpace = textarea.getAttribute('wrap') === 'off' ? 'pre' : 'pre-wrap';
      if (s.overflowWrap !== 'anywhere') s.overflowWrap = 'break-word';
      const padX = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
      s.width = Math.max(0, textarea.clientWidth - padX) + 'px';
      s.height = 'auto';
    }

    function layerOf(ranges) {
      // Non-overlapping groups, so each group is measured in one layout pass.
      const order = ranges.map((r, i) => i).sort((a, b) => ranges[a][0] - ranges[b][0]);
      const layers = [];
      for (const i of order) {
        const layer = layers.find((l) => l.end <= ranges[i][0]);
        if (layer) { layer.items.push(i); layer.end = ranges[i][1]; }
        else layers.push({ items: [i], end: ranges[i][1] });
      }
      return layers;
    }

    function rects(ranges, topWindow) {
      const value = textarea.value;
      const result = ranges.map(() => []);
      if (!ranges.length || !textarea.isConnected) return result;
      syncStyle();
      const win = textarea.ownerDocument.defaultView;
      const box = textarea.getBoundingClientRect();
      for (const layer of layerOf(ranges)) {
        mirror.textContent = '';
        const spans = [];
        let pos = 0;
        for (const i of layer.items) {
          const [a, b] = ranges[i];
          mirror.appendChild(doc.createTextNode(value.slice(pos, a)));
          const span = doc.createElement('span');
          span.textContent = value.slice(a, b);
          mirror.appendChild(span);
          spans.push([i, span]);
          pos = b;
        }
        // The rest matters: it decides where the last flagged line wraps.
        mirror.appendChild(doc.createTextNode(value.slice(pos) + '\u200b'));
        const origin = mirror.getBoundingClientRect();
        for (const [i, span] of spans) {
          const found = [];
          for (const r of span.getClientRects()) {
            if (r.width < 0.5) continue;
            found.push(toTopViewport({
              left: box.left + textarea.clientLeft - textarea.scrollLeft + (r.left - origin.left),
              top: box.top + textarea.clientTop - textarea.scrollTop + (r.top - origin.top),
              width: r.width, height: r.height,
            }, win, topWindow || win.top));
          }
          result[i] = mergeLineRects(found);
        }
      }
      mirror.textContent = '';
      return result;
    }

    return { rects, dispose: () => mirror.remove() };
  }

  const api = { readEditable, readTextarea, paragraphs, textareaMeasurer, toTopViewport, elementBox,
    mergeLineRects };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else if (!root.TactOffsets) root.TactOffsets = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
