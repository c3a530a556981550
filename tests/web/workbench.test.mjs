// The rule workbench at /rules in real Chromium against a real `tact serve`.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage, screenshotPath, startServer } from './harness.mjs';

const BROKEN_RULE = `rules:
  - id: acme.no-asap
    category: vague-commitment
    severity: warning
    message: "“{match}” sets no date."
    pattern: '(asap)\\s+\\1'
    replacements: ["by Friday, [date]"]
    examples:
      flag: ["I'll send the contract ASAP."]
      pass: ["I'll send the contract by Friday."]
`;
const SAMPLE = 'Thanks for the call. I will send the revised contract ASAP.';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const validation = (page) => page.locator('#validation');
const valid = (page) => page.locator('#validation.valid').waitFor();

describe('rule workbench', () => {
  test('lists the rules in force, each with its examples', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}/rules`);
    const api = await (await page.request.get(`${server.url}/api/v1/rules`)).json();
    const items = page.locator('#rule-list > li.rule');
    await items.first().waitFor();
    assert.equal(await items.count(), api.rules.length);
    for (const rule of api.rules.slice(0, 5)) {
      const item = page.locator(`li.rule[data-rule="${rule.id}"]`);
      await item.locator('summary').click();
      assert.equal(await item.locator('.example-list.flag li').count(), rule.examples.flag.length);
      assert.equal(await item.locator('.example-list.pass li').first().textContent(), rule.examples.pass[0]);
    }
    await page.fill('#rule-filter', 'timezone');
    const shown = await items.count();
    assert.ok(shown > 0 && shown < api.rules.length, 'the filter narrows the list');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an error shows with its line; fixed, the rule runs on the sample and its examples; Copy copies it', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}/rules`);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await valid(page);   // the starter rule

    await page.fill('#sample-text', SAMPLE);
    await page.fill('#rule-yaml', BROKEN_RULE);
    const lineLink = page.locator('#validation.invalid .line-link[data-line="6"]');
    await lineLink.waitFor();
    assert.match(await validation(page).textContent(), /RE2|backreference/i);
    assert.equal(await page.locator('#line-numbers .error-line').textContent(), '6', 'the gutter marks line 6');
    assert.equal(await page.locator('#sample-result mark').count(), 0);
    assert.equal(await page.locator('#line-numbers').textContent(), Array.from({ length: 11 }, (_, i) => i + 1).join('\n'));

    // "Line 6" puts the cursor on the pattern; the author retypes it.
    await lineLink.click();
    const selected = await page.locator('#rule-yaml').evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd));
    assert.equal(selected, "    pattern: '(asap)\\s+\\1'");
    await page.keyboard.type("    pattern: '\\bASAP\\b'", { delay: 5 });
    await valid(page);
    assert.equal(await page.locator('#validation .line-link').count(), 0);

    await page.click('#run-rule');
    await page.locator('#sample-result mark').waitFor();
    assert.equal(await page.locator('#sample-result mark').textContent(), 'ASAP');
    assert.equal(await page.locator('#sample-result mark').getAttribute('data-rule'), 'acme.no-asap');
    assert.equal(await page.locator('#sample-result').textContent(), SAMPLE, 'the sample is shown as it is');
    assert.match(await page.locator('#match-list').textContent(), /“ASAP” sets no date/);
    const rows = page.locator('#example-results tr');
    assert.equal(await rows.count(), 2);
    assert.equal(await page.locator('#example-results tr.ok').count(), 2, 'both examples behave');

    // A pass example that the rule flags shows as failing.
    const yaml = await page.locator('#rule-yaml').inputValue();
    await page.fill('#rule-yaml', yaml.replace("by Friday.", "by Friday, not ASAP."));
    await page.locator('#example-results tr.failed[data-expect="pass"]').waitFor();
    await page.fill('#rule-yaml', yaml);
    await page.locator('#example-results tr.failed').waitFor({ state: 'detached' });

    await page.click('#copy-yaml');
    await page.locator('#copy-status').filter({ hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), yaml);

    await page.setViewportSize({ width: 1200, height: 1180 });
    await page.screenshot({ path: screenshotPath('rules-workbench.png'), fullPage: false });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('reads well in a narrow window', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}/rules`, { width: 390, height: 844 });
    await page.locator('#rule-list > li.rule').first().waitFor();
    await valid(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 390px (overflow ${overflow}px)`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('rule workbench with teams', () => {
  const KEY = 'acme-test-key-123';
  let teamServer;
  let dir;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'tact-workbench-'));
    mkdirSync(path.join(dir, 'pack'));
    writeFileSync(path.join(dir, 'pack', 'acme.yaml'), `rules:
  - id: acme.no-kindly
    category: condescension
    severity: warning
    message: "“Kindly” reads as an order."
    pattern: '\\bkindly\\b'
    examples:
      flag: ["Kindly send the file."]
      pass: ["Please send the file."]
`);
    const sha = createHash('sha256').update(KEY).digest('hex');
    writeFileSync(path.join(dir, 'tact.toml'),
      `[teams.acme]\napi_key_sha256 = "${sha}"\nrule_packs = ["${path.join(dir, 'pack')}"]\n`);
    teamServer = await startServer({ TACT_CONFIG: path.join(dir, 'tact.toml') });
  });

  after(async () => {
    await teamServer?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('asks for the API key, then lists the team\'s rules and runs drafts with it', async () => {
    const { page, context } = await openPage(browser, `${teamServer.url}/rules`);
    await page.locator('#rules-status').filter({ hasText: /key/i }).waitFor();
    assert.equal(await page.locator('#rule-list > li').count(), 0);
    await page.fill('#api-key', KEY);
    await page.press('#api-key', 'Enter');
    await page.locator('li.rule[data-rule="acme.no-kindly"]').waitFor();
    await valid(page);

    // The key is kept for this tab, so the playground uses it too.
    await page.goto(`${teamServer.url}/`);
    await page.click('button[data-sample="accusatory"]');
    await page.locator('[data-tact-issue="accusatory-question"]').first().waitFor();
    await context.close();
  });
});
