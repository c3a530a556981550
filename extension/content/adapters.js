/*
 * TactAdapters: one small adapter per kind of compose editor, so the session never cares which.
 *
 *   TactAdapters.editorRoot(node) -> element|null   the editor a node belongs to (textarea, or the
 *                                                    outermost contenteditable / editable iframe body)
 *   TactAdapters.create(element, overlay) -> adapter
 *     adapter.kind      "textarea" | "contenteditable" | "tinymce" | "quill"
 *     adapter.element   the editor element
 *     adapter.read()    -> {text, quoted, breaks, rects(ranges) -> [[rect...] per [start, end]]}
 *     adapter.clip()    -> the editor's visible box (viewport of this frame's top window)
 *     adapter.apply(start, end, replacement) -> bool
 *                       edits through the editor's own input path: select the range, then
 *                       execCommand('insertText') (the browser's undo stack, and the input events
 *                       Gmail, Quill and TinyMCE listen to), falling back to setRangeText or a
 *                       Range edit plus an InputEvent for editors that refuse execCommand
 *     adapter.dispose()
 */
(function (root) {
  'use strict';
  if (root.TactAdapters) return;
  const O = root.TactOffsets;
  const topWindow = root.window;

  function editorRoot(node) {
    let el = node && (node.nodeType === 1 ? node : node.parentElement);
    if (!el) return null;
    if (el.tagName === 'TEXTAREA') return el.readOnly || el.disabled ? null : el;
    if (!el.isContentEditable) return null;
    while (el.parentElement && el.parentElement.isContentEditable) el = el.parentElement;
    return el;
  }

  function kindOf(el) {
    if (el.tagName === 'TEXTAREA') return 'textarea';
    if (el.classList.contains('ql-editor') || el.closest('.ql-container')) return 'quill';
    if (el.id === 'tinymce' || el.classList.contains('mce-content-body')) return 'tinymce';
    return 'contenteditable';
  }

  // Editors turn typed spaces into no-break spaces; that is not a different text.
  const same = (a, b) => a.replace(/\u00a0/g, ' ') === b.replace(/\u00a0/g, ' ');

  function inputEvent(win, data) {
    return new win.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data });
  }

  function textareaAdapter(ta, overlay) {
    const measurer = O.textareaMeasurer(ta, overlay.shadow);
    const doc = ta.ownerDocument;
    return {
      kind: 'textarea',
      element: ta,
      read() {
        const model = O.readTextarea(ta);
        model.rects = (ranges) => measurer.rects(ranges, topWindow);
        return model;
      },
      clip: () => O.elementBox(ta, topWindow),
      apply(start, end, replacement) {
        ta.focus({ preventScroll: true });
        ta.setSelectionRange(start, end);
        const expected = ta.value.slice(0, start) + replacement + ta.value.slice(end);
        let done = false;
        try {
          done = replacement === '' ? doc.execCommand('delete', false) : doc.execCommand('insertText', false, replacement);
        } catch (err) {
          done = false;
        }
        if (!done || ta.value !== expected) {
          // No undo entry on this path, but the page's own listeners still see an input event.
          ta.setRangeText(replacement, start, end, 'end');
          ta.dispatchEvent(inputEvent(doc.defaultView, replacement));
        }
        return ta.value === expected;
      },
      dispose: () => measurer.dispose(),
    };
  }

  function editableAdapter(el) {
    const doc = el.ownerDocument;
    const win = doc.defaultView;
    return {
      kind: kindOf(el),
      element: el,
      read() {
        const model = O.readEditable(el);
        const single = model.rects;
        model.rects = (ranges) => ranges.map(([a, b]) => single(a, b, topWindow));
        return model;
      },
      clip: () => O.elementBox(el, topWindow),
      apply(start, end, replacement) {
        const model = O.readEditable(el);
        const range = model.range(start, end);
        if (!range) return false;
        const expected = model.text.slice(0, start) + replacement + model.text.slice(end);
        if (win !== topWindow) win.focus();
        el.focus({ preventScroll: true });
        const selection = doc.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        let done = false;
        try {
          done = replacement === '' ? doc.execCommand('delete', false)
            : doc.execCommand('insertText', false, replacement);
        } catch (err) {
          done = false;
        }
        if (done && same(O.readEditable(el).text, expected)) return true;
        if (!done) {
          // Editors that cancel execCommand: edit the DOM range and announce it as input.
          const fresh = O.readEditable(el).range(start, end);
          if (!fresh) return false;
          fresh.deleteContents();
          if (replacement) fresh.insertNode(doc.createTextNode(replacement));
          el.dispatchEvent(inputEvent(win, replacement));
        }
        return same(O.readEditable(el).text, expected);
      },
      dispose() {},
    };
  }

  function create(element, overlay) {
    return element.tagName === 'TEXTAREA' ? textareaAdapter(element, overlay) : editableAdapter(element);
  }

  root.TactAdapters = { editorRoot, create, kindOf };
})(globalThis);
