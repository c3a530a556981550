// Small DOM helpers for the try-it pages. Text always goes in as text nodes, never as HTML.

/** el("li", {className, dataset, onclick, ...attributes}, children) */
export function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (name === "className") node.className = value;
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value);
  }
  for (const child of [].concat(children)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/**
 * `text` as nodes with each issue's range wrapped in <mark data-rule data-category>, using the
 * API's UTF-16 offsets (JavaScript strings count UTF-16 units). Overlapping ranges keep the first.
 */
export function markedText(text, issues) {
  const sorted = [...issues].sort((a, b) => a.offset_utf16 - b.offset_utf16);
  const nodes = [];
  let at = 0;
  for (const issue of sorted) {
    const start = issue.offset_utf16;
    const end = start + issue.length_utf16;
    if (start < at || end > text.length) continue;
    if (start > at) nodes.push(text.slice(at, start));
    nodes.push(el("mark", { dataset: { rule: issue.rule, category: issue.category }, title: issue.message },
      text.slice(start, end)));
    at = end;
  }
  if (at < text.length) nodes.push(text.slice(at));
  return nodes;
}
