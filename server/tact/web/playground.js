// The compose playground: the extension's own highlight and card code (TactOffsets, TactOverlay,
// TactCard from /common/) over a plain contenteditable, checked through the public API as you type.
import { call, debounce, errorText, setApiKey, apiKey } from "./api.js";
import { el } from "./dom.js";
import { SAMPLES } from "./samples.js";
import { browserZone, fillZoneSelect, nowIn, selectZone } from "./zones.js";

const { TactOffsets, TactOverlay, TactCard } = globalThis;
const $ = (id) => document.getElementById(id);
const draft = $("draft");

const overlay = TactOverlay.create(document);
const layer = overlay.layer();

let model = TactOffsets.readEditable(draft);
let issues = [];              // the last answer, dropped issue by issue as the text under them changes
const ignored = new Set();    // ignoreKey(issue) of occurrences the writer ignored in this draft
const disabledRules = new Set();
let ticket = 0;
let inFlight = null;

// ---- reading the page -----------------------------------------------------------------------

function context() {
  const quoted = [$("quoted").value.trim(), model.quoted].filter(Boolean).join("\n\n");
  return {
    sender_timezone: $("sender-zone").value || null,
    recipient_timezone: $("recipient-zone").value || null,
    sent_at: $("sent-at").value || null,   // wall-clock time, read by the server in the sender's zone
    quoted,
  };
}

const start = (issue) => issue.offset_utf16;
const end = (issue) => issue.offset_utf16 + issue.length_utf16;

/** "This occurrence": the rule, the words, and which of their repeats it is, so edits elsewhere keep it. */
function ignoreKey(issue) {
  const same = issues.filter((other) => other.rule === issue.rule && other.text === issue.text);
  return `${issue.rule}\u0000${issue.text}\u0000${same.indexOf(issue)}`;
}

function visibleIssues() {
  return issues.filter((issue) => !disabledRules.has(issue.rule) && !ignored.has(ignoreKey(issue)));
}

// ---- checking -------------------------------------------------------------------------------

async function check() {
  const text = model.text;
  const mine = ++ticket;
  if (inFlight) inFlight.abort();
  inFlight = new AbortController();
  setStatus("Checking…");
  let result;
  try {
    result = await call("POST", "/api/v1/check", { text, context: context() }, inFlight.signal);
  } catch (error) {
    if (error.name !== "AbortError" && mine === ticket) setStatus(errorText(error), "error");
    return;
  }
  if (mine !== ticket || text !== model.text) return; // the draft changed while this answer was on its way
  if (result.status !== 200) {
    $("key-panel").hidden = !(result.status === 401 || result.status === 403) && !apiKey();
    setStatus(errorText(result), "error");
    return;
  }
  issues = result.body.issues;
  renderStats(result.body.stats);
  render();
}

const checkSoon = debounce(check, 350);

// ---- drawing --------------------------------------------------------------------------------

function draw() {
  const items = visibleIssues().map((issue) => ({
    key: issue.id, category: issue.category, rule: issue.rule, severity: issue.severity,
    rects: model.rects(start(issue), end(issue)),
  }));
  layer.render(items, TactOffsets.elementBox(draft));
  const card = TactCard.current(overlay);
  const open = card && visibleIssues().find((issue) => issue.id === card.element.dataset.issueId);
  if (card && open && layer.box(open.id)) card.reposition(layer.box(open.id));
}

function render() {
  draw();
  renderSideList();
}

function setStatus(text, kind = "") {
  const status = $("issue-status");
  status.textContent = text;
  status.dataset.kind = kind;
}

function renderStats(stats) {
  $("stat-grade").textContent = stats.words ? String(stats.reading_grade) : "–";
  $("stat-words").textContent = String(stats.words);
  $("stat-sentences").textContent = String(stats.sentences);
}

function renderSideList() {
  const shown = visibleIssues();
  const groups = new Map();
  for (const issue of shown) {
    if (!groups.has(issue.category)) groups.set(issue.category, []);
    groups.get(issue.category).push(issue);
  }
  $("issue-groups").replaceChildren(...[...groups].map(([category, list]) => el("li", {
    className: "issue-group", dataset: { category },
  }, [
    el("h3", {}, [TactCard.label(category), el("span", { className: "count", "aria-label": `${list.length} issues` },
      String(list.length))]),
    el("ul", {}, list.map((issue) => el("li", {}, el("button", {
      type: "button", className: "issue-link", dataset: { issueId: issue.id, rule: issue.rule },
      onclick: (event) => openCard(issue, event.currentTarget),
    }, [
      // Most messages quote the words already; the others get them in front.
      issue.message.includes(issue.text) ? null : el("span", { className: "quote" }, `“${issue.text}” `),
      issue.message,
    ])))),
  ])));
  const count = shown.length;
  if (!model.text.trim()) setStatus("Write a draft, or pick a sample above.");
  else setStatus(count ? `${count} issue${count === 1 ? "" : "s"} in this draft.` : "No issues: this draft reads well.");
  $("disabled-box").hidden = disabledRules.size === 0;
  $("disabled-rules").replaceChildren(...[...disabledRules].map((rule) => el("li", {}, [
    el("code", {}, rule),
    el("button", { type: "button", onclick: () => { disabledRules.delete(rule); render(); } }, "Turn back on"),
  ])));
}

// ---- cards and actions ----------------------------------------------------------------------

/** Open the shared card for `issue`; from the side list (`returnTo`), focus moves into the card. */
function openCard(issue, returnTo) {
  let anchor = layer.box(issue.id);
  if (!anchor) {
    model.range(start(issue), end(issue))?.startContainer.parentElement?.scrollIntoView({ block: "center" });
    draw();
    anchor = layer.box(issue.id) || TactOffsets.elementBox(draft);
  }
  layer.setActive(issue.id);
  const card = TactCard.open(overlay, {
    issue,
    anchor,
    onReplace: (replacement) => applyReplacement(issue, replacement),
    onIgnore: () => { ignored.add(ignoreKey(issue)); render(); },
    onDisableRule: () => { disabledRules.add(issue.rule); render(); },
    onClose: () => {
      layer.setActive(null);
      if (returnTo && returnTo.isConnected && !draft.contains(document.activeElement)) returnTo.focus();
    },
  });
  card.element.dataset.issueId = issue.id;
  if (returnTo) card.element.querySelector("button[data-tact-replacement], button[data-tact-action='ignore']").focus();
}

/** Replace the flagged words through the editor's own input path, so Ctrl+Z undoes it. */
function applyReplacement(issue, replacement) {
  const range = model.range(start(issue), end(issue));
  if (!range || model.text.slice(start(issue), end(issue)) !== issue.text) return;
  draft.focus();
  const selection = document.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  document.execCommand("insertText", false, replacement);
}

function onDraftEdited() {
  model = TactOffsets.readEditable(draft);
  // Keep what is still under its issue (text before the edit); the rest waits for the next answer.
  issues = issues.filter((issue) => model.text.slice(start(issue), end(issue)) === issue.text);
  render();
  checkSoon();
}

// ---- samples --------------------------------------------------------------------------------

function loadSample(sample) {
  // One <div> per line, as webmail compose windows write it; text nodes only, never HTML.
  draft.replaceChildren(...sample.draft.split("\n").map((line) => el("div", {}, line ? line : el("br"))));
  $("quoted").value = sample.quoted || "";
  if (sample.senderZone) selectZone($("sender-zone"), sample.senderZone);
  if (sample.recipientZone) selectZone($("recipient-zone"), sample.recipientZone);
  ignored.clear();
  TactCard.close(overlay);
  model = TactOffsets.readEditable(draft);
  issues = [];
  render();
  checkSoon.now();
}

// ---- start ----------------------------------------------------------------------------------

function startPage() {
  const zone = browserZone();
  fillZoneSelect($("sender-zone"), zone);
  fillZoneSelect($("recipient-zone"), "", "Not known");
  $("sent-at").value = nowIn(zone);
  $("api-key").value = apiKey();

  const samples = document.querySelector(".samples");
  for (const sample of SAMPLES) {
    samples.append(el("button", { type: "button", dataset: { sample: sample.id }, onclick: () => loadSample(sample) },
      sample.label));
  }

  draft.addEventListener("input", onDraftEdited);
  draft.addEventListener("click", (event) => {
    const item = layer.hit(event.clientX, event.clientY);
    const issue = item && visibleIssues().find((candidate) => candidate.id === item.key);
    if (issue) openCard(issue, null);
    else TactCard.close(overlay);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && TactCard.current(overlay)) TactCard.close(overlay);
  });
  for (const id of ["sender-zone", "recipient-zone", "sent-at", "quoted"]) {
    $(id).addEventListener("input", () => checkSoon());
    $(id).addEventListener("change", () => checkSoon.now());
  }
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    setApiKey($("api-key").value.trim());
    checkSoon.now();
  });
  window.addEventListener("resize", draw);
  window.addEventListener("scroll", draw, { capture: true, passive: true });
  new ResizeObserver(draw).observe(draft);

  render();
}

startPage();
