// The rule workbench: the rules in force, and an editor that validates and runs a rule as it is written.
import { apiKey, call, debounce, errorText, setApiKey } from "./api.js";
import { el, markedText } from "./dom.js";

const STARTER_RULE = `rules:
  - id: acme.no-asap
    category: vague-commitment
    severity: warning
    message: "“{match}” sets no date."
    explanation: >-
      The client cannot plan around "as soon as possible". A day and a
      time can be planned around, and keep you honest.
    pattern: '\\bASAP\\b'
    replacements: ["by Friday, [date]"]
    examples:
      flag:
        - "I'll send the contract ASAP."
        - "We will fix it asap."
      pass:
        - "I'll send the contract by Friday."
        - "The ASAPS report is attached."
`;
const STARTER_SAMPLE = "Thanks for the call! I'll get the revised contract back to you ASAP.";

const $ = (id) => document.getElementById(id);
let rulesInForce = [];

// ---- rules in force -------------------------------------------------------------------------

async function loadRules() {
  const status = $("rules-status");
  status.textContent = "Loading…";
  let result;
  try {
    result = await call("GET", "/api/v1/rules");
  } catch (error) {
    status.textContent = errorText(error);
    return;
  }
  if (result.status !== 200) {
    rulesInForce = [];
    renderRules();
    status.textContent = errorText(result);
    return;
  }
  rulesInForce = result.body.rules || [];
  renderRules();
}

function ruleMatchesFilter(rule, words) {
  const haystack = [rule.id, rule.category, rule.severity, rule.message, rule.explanation].join(" ").toLowerCase();
  return words.every((word) => haystack.includes(word));
}

function renderRules() {
  const words = $("rule-filter").value.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = rulesInForce.filter((rule) => ruleMatchesFilter(rule, words));
  $("rule-list").replaceChildren(...shown.map(ruleItem));
  const count = rulesInForce.length;
  $("rules-status").textContent = words.length
    ? `${shown.length} of ${count} rules match.`
    : `${count} rule${count === 1 ? "" : "s"} in force.`;
}

function exampleList(title, items, kind) {
  if (!items.length) return [];
  return [
    el("h4", {}, title),
    el("ul", { className: `example-list ${kind}` }, items.map((text) => el("li", {}, text))),
  ];
}

function ruleItem(rule) {
  const examples = rule.examples || { flag: [], pass: [] };
  return el("li", { className: "rule", dataset: { rule: rule.id } }, [
    el("details", {}, [
      el("summary", {}, [
        el("code", { className: "rule-id" }, rule.id),
        el("span", { className: `tag category`, dataset: { category: rule.category } }, rule.category),
        el("span", { className: `tag severity ${rule.severity}` }, rule.severity),
      ]),
      el("p", { className: "rule-message" }, rule.message),
      rule.explanation ? el("p", { className: "hint" }, rule.explanation) : null,
      ...(rule.replacements && rule.replacements.length
        ? [el("h4", {}, "Suggests"), el("ul", { className: "example-list" }, rule.replacements.map((r) => el("li", {}, r)))]
        : []),
      ...exampleList("Flags", examples.flag || [], "flag"),
      ...exampleList("Lets pass", examples.pass || [], "pass"),
    ]),
  ]);
}

// ---- the editor -------------------------------------------------------------------------------

let errorLines = new Set();   // lines the last answer found problems on, marked in the gutter

function renderLineNumbers() {
  const lines = $("rule-yaml").value.split("\n").length;
  const numbers = Array.from({ length: lines }, (_, i) => i + 1);
  $("line-numbers").replaceChildren(...numbers.flatMap((n) => [
    errorLines.has(n) ? el("span", { className: "error-line" }, String(n)) : String(n),
    n < lines ? "\n" : "",
  ]));
}

function goToLine(line) {
  const editor = $("rule-yaml");
  const lines = editor.value.split("\n");
  const start = lines.slice(0, Math.max(0, line - 1)).reduce((sum, text) => sum + text.length + 1, 0);
  editor.focus();
  editor.setSelectionRange(start, start + (lines[line - 1] || "").length);
}

/** state: "valid" | "warning" | "invalid"; problems: [{line, rule, message}] as the API reports them. */
function renderValidation(state, summary, problems = []) {
  const box = $("validation");
  box.className = `validation ${state}`;
  const list = el("ul", { className: "problems" }, problems.map((problem) => el("li", { className: "problem" }, [
    problem.line
      ? el("button", { type: "button", className: "line-link", dataset: { line: problem.line },
        onclick: () => goToLine(problem.line) }, `Line ${problem.line}`)
      : null,
    problem.rule ? el("code", {}, problem.rule) : null,
    el("span", {}, problem.message),
  ])));
  box.replaceChildren(...(problems.length ? [el("p", {}, summary), list] : [el("p", {}, summary)]));
  errorLines = new Set(state === "invalid" ? problems.map((problem) => problem.line).filter(Boolean) : []);
  renderLineNumbers();
}

function renderMatches(sample, issues) {
  $("sample-result").replaceChildren(...markedText(sample, issues));
  $("match-list").replaceChildren(...(issues.length
    ? issues.map((issue) => el("li", { className: "match", dataset: { rule: issue.rule } }, [
      el("mark", {}, issue.text),
      el("span", {}, ` — ${issue.message}`),
      issue.replacements.length ? el("span", { className: "hint" }, ` Try: ${issue.replacements.join(" · ")}`) : null,
    ]))
    : [el("li", { className: "hint" }, "No match in the sample text.")]));
}

function renderExamples(examples) {
  $("example-results").replaceChildren(...examples.map((example) => el("tr", {
    className: example.ok ? "ok" : "failed",
    dataset: { expect: example.expect },
  }, [
    el("td", {}, example.expect === "flag" ? "flags" : "passes"),
    el("td", {}, example.text),
    el("td", {}, example.ok ? "✓ as expected" : `✗ ${example.reason}`),
  ])));
}

let latest = 0;
let controller = null;

async function tryRule() {
  const yaml = $("rule-yaml").value;
  const text = $("sample-text").value;
  const ticket = ++latest;
  if (controller) controller.abort();
  controller = new AbortController();
  let result;
  try {
    result = await call("POST", "/api/v1/rules/try", { yaml, text }, controller.signal);
  } catch (error) {
    if (error.name === "AbortError") return;
    if (ticket === latest) renderValidation("invalid", "Could not check the rule.", [{ message: errorText(error) }]);
    return;
  }
  if (ticket !== latest) return; // the rule changed while this answer was on its way
  if (result.status === 200) {
    const issues = result.body.issues || [];
    const failed = (result.body.examples || []).filter((example) => !example.ok).length;
    const warnings = (result.body.warnings || []).map((message) => ({ message }));
    renderValidation(warnings.length || failed ? "warning" : "valid",
      `✓ Valid. ${issues.length} match${issues.length === 1 ? "" : "es"} in the sample text` +
      (failed ? `; ${failed} example${failed === 1 ? "" : "s"} failing.` : "."), warnings);
    renderMatches(text, issues);
    renderExamples(result.body.examples || []);
    return;
  }
  const error = result.body.error || {};
  const details = result.status === 422 ? error.details || [] : [];
  renderValidation("invalid", details.length ? `✗ ${details.length} problem${details.length === 1 ? "" : "s"}:` : "✗ Not checked:",
    details.length ? details : [{ message: errorText(result) }]);
  renderMatches(text, []);
  renderExamples([]);
}

const tryRuleSoon = debounce(tryRule, 300);

async function copyYaml() {
  const yaml = $("rule-yaml").value;
  try {
    await navigator.clipboard.writeText(yaml);
  } catch {
    // No clipboard permission (e.g. plain HTTP on another host): leave the rule selected to copy by hand.
    $("rule-yaml").select();
    $("copy-status").textContent = "Selected — press Ctrl+C (⌘C) to copy.";
    return;
  }
  $("copy-status").textContent = "Copied. Paste it into a .yaml file of your pack.";
}

function start() {
  const editor = $("rule-yaml");
  editor.value = STARTER_RULE;
  $("sample-text").value = STARTER_SAMPLE;
  $("api-key").value = apiKey();
  renderLineNumbers();

  editor.addEventListener("input", () => {
    renderLineNumbers();
    $("copy-status").textContent = "";
    tryRuleSoon();
  });
  editor.addEventListener("scroll", () => { $("line-numbers").scrollTop = editor.scrollTop; });
  $("sample-text").addEventListener("input", tryRuleSoon);
  $("run-rule").addEventListener("click", () => tryRuleSoon.now());
  $("copy-yaml").addEventListener("click", copyYaml);
  $("rule-filter").addEventListener("input", renderRules);
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    setApiKey($("api-key").value.trim());
    loadRules();
    tryRuleSoon.now();
  });

  loadRules();
  tryRuleSoon.now();
}

start();
