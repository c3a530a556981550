// The compose playground at / in real Chromium against a real `tact serve`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage, screenshotPath, startServer } from './harness.mjs';

// One per sample button: the category it must raise, words a highlight of it must cover (any one
// of them), and the stretch of the draft its highlights must stay inside.
const SAMPLES = {
  timezone: { category: 'timezone', covers: ['Tuesday at 2pm'], within: 'an invite for Tuesday at 2pm.' },
  accusatory: { category: 'accusatory-question', covers: ['purpose of this call'],
    within: 'Can you clarify the purpose of this call?' },
  condescension: { category: 'condescension', covers: ['already explained', 'per my last email'],
    within: 'As I already explained, per my last email,' },
  blame: { category: 'blame-shifting', covers: ['you never told me'],
    within: 'Sorry, but you never told me the deadline.' },
  vague: { category: 'vague-commitment', covers: ['soon'], within: "I'll get back to you soon." },
};

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

/** The viewport box of `words` in the draft, found by walking its text nodes (not Tact's code). */
function wordsBox(page, words) {
  return page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.getElementById('draft'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const r = range.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    }
    return null;
  }, words);
}

const inside = (inner, outer, slack = 2) => inner.x >= outer.x - slack && inner.y >= outer.y - slack
  && inner.x + inner.width <= outer.x + outer.width + slack
  && inner.y + inner.height <= outer.y + outer.height + slack;

async function highlights(page, category) {
  const locator = page.locator(`[data-tact-issue="${category}"]:not([data-tact-card])`);
  const boxes = [];
  for (let i = 0; i < await locator.count(); i++) boxes.push(await locator.nth(i).boundingBox());
  return boxes;
}

async function loadSample(page, id, category) {
  await page.click(`button[data-sample="${id}"]`);
  await page.locator(`[data-tact-issue="${category}"]:not([data-tact-card])`).first()
    .waitFor()
    .catch(() => assert.fail(`sample "${id}": no ${category} highlight appeared`));
}

async function openCardOn(page, category) {
  const box = (await highlights(page, category))[0];
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const card = page.locator('[data-tact-card]');
  await card.waitFor();
  return card;
}

describe('compose playground', () => {
  test('loads with no errors, CSP violations or third-party requests', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}/`);
    const response = await page.request.get(`${server.url}/`);
    assert.match(response.headers()['content-security-policy'], /default-src 'self'/);
    await page.locator('#issue-status').filter({ hasText: 'Write a draft' }).waitFor();
    assert.equal(await page.locator('#sender-zone').inputValue(), 'America/Los_Angeles', 'the browser zone');
    assert.ok(await page.locator('#recipient-zone option').count() > 300, 'every zone the browser knows');
    assert.match(await page.locator('#sent-at').inputValue(), /^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    assert.deepEqual(problems, []);
    // The policy is enforced, not just sent: an injected inline script does not run.
    await page.addScriptTag({ content: 'window.inlineRan = true;' }).catch(() => {});
    assert.equal(await page.evaluate(() => window.inlineRan), undefined);
    await context.close();
  });

  for (const [id, want] of Object.entries(SAMPLES)) {
    test(`sample "${id}" highlights ${want.category} over the right words`, async () => {
      const { page, context, problems } = await openPage(browser, `${server.url}/`);
      await loadSample(page, id, want.category);
      const boxes = await highlights(page, want.category);
      const within = await wordsBox(page, want.within);
      assert.ok(within, `the sample contains "${want.within}"`);
      for (const box of boxes) assert.ok(inside(box, within), `${want.category} highlight ${JSON.stringify(box)} lies outside "${want.within}"`);
      const covered = [];
      for (const words of want.covers) {
        const wordBox = await wordsBox(page, words);
        if (boxes.some((box) => inside(wordBox, box))) covered.push(words);
      }
      assert.ok(covered.length, `a ${want.category} highlight covers one of ${JSON.stringify(want.covers)}`);
      const group = page.locator(`.issue-group[data-category="${want.category}"]`);
      assert.equal(await group.locator('.count').textContent(), String(boxes.length), 'the side list counts them');
      assert.notEqual(await page.locator('#stat-words').textContent(), '–', 'the readability summary is filled');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('a replacement edits the draft, clears the highlight, and undo brings it back', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}/`);
    await loadSample(page, 'vague', 'vague-commitment');
    const card = await openCardOn(page, 'vague-commitment');
    const replacement = await card.locator('[data-tact-replacement]').first().getAttribute('data-tact-replacement');
    assert.ok(replacement, 'the card offers a replacement');
    await card.locator('[data-tact-replacement]').first().click();
    await page.locator('#draft').filter({ hasText: replacement }).waitFor();
    assert.ok(!(await page.locator('#draft').textContent()).includes('back to you soon.'));
    await page.locator('[data-tact-issue="vague-commitment"]:not([data-tact-card])').waitFor({ state: 'detached' });
    assert.equal(await page.locator('#draft [data-tact-issue], #draft tact-overlay').count(), 0, 'no Tact markup in the draft');
    await page.keyboard.press('Control+z');
    await page.locator('#draft').filter({ hasText: 'back to you soon.' }).waitFor();
    await page.locator('[data-tact-issue="vague-commitment"]:not([data-tact-card])').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('switching the recipient zone changes the timezone suggestion', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}/`);
    await loadSample(page, 'timezone', 'timezone');
    // The thread proposed 2pm Central: the suggestion converts the client's time into the writer's.
    const card = await openCardOn(page, 'timezone');
    const fromThread = await card.locator('[data-tact-replacement]').first().getAttribute('data-tact-replacement');
    assert.match(fromThread, /2\s?pm CT.*12\s?pm PT/, fromThread);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });

    // Without the thread the time is the writer's own, shown in the client's zone too.
    await page.fill('#quoted', '');
    const suggestion = async () => {
      const open = await openCardOn(page, 'timezone');
      const text = await open.locator('[data-tact-replacement]').first().getAttribute('data-tact-replacement');
      await page.keyboard.press('Escape');
      return text;
    };
    await page.waitForFunction(() => document.querySelector('#issue-status').textContent !== 'Checking…');
    await expectSuggestion(page, suggestion, /2\s?pm PT.*4\s?pm CT/);
    await page.selectOption('#recipient-zone', 'America/New_York');
    await expectSuggestion(page, suggestion, /2\s?pm PT.*5\s?pm ET/);
    await page.selectOption('#recipient-zone', 'America/Los_Angeles');
    await page.locator('[data-tact-issue="timezone"]:not([data-tact-card])').waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('works from the keyboard: samples, the side list, the card, Escape', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}/`);
    const first = page.locator('button[data-sample="accusatory"]');
    for (let i = 0; i < 15 && !(await first.evaluate((b) => b === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    assert.ok(await first.evaluate((b) => b === document.activeElement), 'Tab reaches the sample buttons');
    const outline = await first.evaluate((b) => getComputedStyle(b).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    const link = page.locator('.issue-group[data-category="accusatory-question"] .issue-link').first();
    await link.waitFor();
    await link.focus();
    await page.keyboard.press(' ');
    const card = page.locator('[data-tact-card]');
    await card.waitFor();
    assert.ok(await card.evaluate((c) => c.contains(c.getRootNode().activeElement)), 'focus moves into the card');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    assert.ok(await link.evaluate((b) => b === document.activeElement), 'Escape returns focus to the list');
    await page.keyboard.press('Enter');
    await card.waitFor();
    const replacement = await card.locator('[data-tact-replacement]').first().getAttribute('data-tact-replacement');
    await page.keyboard.press('Enter');
    await page.locator('#draft').filter({ hasText: replacement }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Ignore and "Turn off this rule" hide the issue; the rule can be turned back on', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}/`);
    await loadSample(page, 'accusatory', 'accusatory-question');
    const rule = await page.locator('[data-tact-issue="accusatory-question"]:not([data-tact-card])').first().getAttribute('data-tact-rule');
    let card = await openCardOn(page, 'accusatory-question');
    await card.locator('[data-tact-action="ignore"]').click();
    await page.locator('[data-tact-issue="accusatory-question"]:not([data-tact-card])').waitFor({ state: 'detached' });
    await loadSample(page, 'accusatory', 'accusatory-question');   // a new draft: ignores start over
    card = await openCardOn(page, 'accusatory-question');
    await card.locator('[data-tact-action="disable-rule"]').click();
    await page.locator('[data-tact-issue="accusatory-question"]:not([data-tact-card])').waitFor({ state: 'detached' });
    assert.equal(await page.locator('#disabled-rules code').textContent(), rule);
    await page.locator('#disabled-rules button').click();
    await page.locator('[data-tact-issue="accusatory-question"]:not([data-tact-card])').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('reads well in a narrow window, and the screenshot for the README', async () => {
    const narrow = await openPage(browser, `${server.url}/`, { width: 390, height: 844 });
    await loadSample(narrow.page, 'timezone', 'timezone');
    const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 390px (overflow ${overflow}px)`);
    const compose = await narrow.page.locator('.compose-window').boundingBox();
    const side = await narrow.page.locator('.sidebar').boundingBox();
    assert.ok(side.y >= compose.y + compose.height, 'the side list moves below the compose window');
    await narrow.context.close();

    const { page, context, problems } = await openPage(browser, `${server.url}/`, { width: 1200, height: 820 });
    await loadSample(page, 'timezone', 'timezone');
    await openCardOn(page, 'timezone');
    await page.screenshot({ path: screenshotPath('playground.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

/** Polls `read` until it matches `pattern` (the page re-checks after each change, debounced). */
async function expectSuggestion(page, read, pattern) {
  let last = '';
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    try {
      last = await read();
    } catch {
      continue;
    }
    if (pattern.test(last)) return;
  }
  assert.fail(`timezone suggestion "${last}" does not match ${pattern}`);
}
