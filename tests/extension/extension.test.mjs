// The extension in real Chromium against a real `tact serve`: for each editor kind (textarea,
// Gmail-style contenteditable, TinyMCE in its iframe, Quill) type a draft with an accusatory
// question and a zone-less meeting time, check the highlights sit over the words, apply a fix
// through the card, undo it, send with the pre-send prompt, and check no Tact markup leaks into
// the editor or the sent email. Plus: paragraph cache, stale responses, Ignore / Turn off this
// rule, the options page, and a server that is down.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { artifactPath, freePort, launchBrowser, startPages, startTact } from './harness.mjs';

const SENDER = 'America/Los_Angeles';
const RECIPIENT = 'America/New_York';
const QUESTION = "Why didn't you";
const MEETING = 'Tuesday at 2pm';
const DRAFT = `Hi Dana,\n\n${QUESTION} send the contract? Can we meet ${MEETING}?`;
const TACT_MARKUP = /tact/i;   // no element, attribute or class of ours may reach the editor

let tact;
let pages;
let browser;
const stopping = [];   // servers shutting down in the background (gunicorn takes seconds)

before(async () => {
  [tact, pages, browser] = await Promise.all([startTact(), startPages(), launchBrowser()]);
  await browser.configure({ serverUrl: tact.url, senderTimezone: SENDER, recipientTimezone: RECIPIENT,
    disabledRules: [], disabledCategories: [] });
  const result = await browser.enableSite(pages.url);
  assert.equal(result.ok, true, JSON.stringify(result));
});

after(async () => {
  await browser?.close();
  await Promise.all([tact?.stop(), pages?.stop(), ...stopping]);
});

/* How each editor kind is focused and read: the editor's own model, not our idea of it. */
const EDITORS = {
  textarea: {
    page: 'textarea.html',
    ready: (page) => page.waitForSelector('#editor'),
    focus: (page) => page.click('#editor'),
    text: (page) => page.$eval('#editor', (e) => e.value),
    html: (page) => page.$eval('#editor', (e) => e.outerHTML + e.value),
  },
  gmail: {
    page: 'gmail.html',
    ready: (page) => page.waitForSelector('[g_editable]'),
    focus: (page) => page.click('[g_editable]', { position: { x: 4, y: 6 } }),
    text: (page) => page.$eval('[g_editable]', (e) => e.innerText),
    html: (page) => page.$eval('[g_editable]', (e) => e.outerHTML),
  },
  tinymce: {
    page: 'tinymce.html',
    ready: (page) => page.waitForFunction(() => window.tinymce?.activeEditor?.initialized),
    focus: (page) => page.frameLocator('.tox-edit-area iframe').locator('body').click(),
    text: (page) => page.evaluate(() => tinymce.activeEditor.getContent({ format: 'text' })),
    html: (page) => page.evaluate(() => tinymce.activeEditor.getBody().outerHTML + tinymce.activeEditor.getContent()),
  },
  quill: {
    page: 'quill.html',
    ready: (page) => page.waitForSelector('.ql-editor'),
    focus: (page) => page.click('.ql-editor'),
    text: (page) => page.evaluate(() => window.quill.getText()),
    html: (page) => page.evaluate(() => window.quill.root.outerHTML + window.quill.getSemanticHTML()),
  },
};

async function openEditor(kind) {
  const page = await browser.context.newPage();
  await page.goto(`${pages.url}/${EDITORS[kind].page}`);
  await EDITORS[kind].ready(page);
  await EDITORS[kind].focus(page);
  return page;
}

const highlight = (page, category) => page.locator(`[data-tact-issue="${category}"]:not([data-tact-card]):not(li)`);

/* The words' own Range rectangle, in the top page's viewport (TinyMCE's iframe offset added). */
async function wordBox(page, kind, words) {
  return page.evaluate(({ kind, words }) => {
    const frame = kind === 'tinymce' ? document.querySelector('.tox-edit-area iframe') : null;
    const doc = frame ? frame.contentDocument : document;
    const root = { tinymce: doc.body, quill: doc.querySelector('.ql-editor'), gmail: doc.querySelector('[g_editable]') }[kind];
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const at = node.data.indexOf(words);
      if (at < 0 || node.parentElement.closest('.gmail_quote')) continue;
      const range = doc.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + words.length);
      const r = range.getBoundingClientRect();
      const f = frame ? frame.getBoundingClientRect() : { left: 0, top: 0 };
      const fx = frame ? frame.clientLeft : 0;
      const fy = frame ? frame.clientTop : 0;
      return { x: r.left + f.left + fx, y: r.top + f.top + fy, width: r.width, height: r.height };
    }
    return null;
  }, { kind, words });
}

function assertSameBox(actual, expected, what) {
  for (const k of ['x', 'y', 'width', 'height']) {
    assert.ok(Math.abs(actual[k] - expected[k]) <= 2,
      `${what}: highlight ${k}=${actual[k].toFixed(1)} but the words are at ${expected[k].toFixed(1)}`);
  }
}

/* For a textarea there is no Range: click the highlight and ask the browser where the caret went. */
async function assertCaretInside(page, box, words) {
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const { caret, value } = await page.$eval('#editor', (e) => ({ caret: e.selectionStart, value: e.value }));
  const start = value.indexOf(words);
  assert.ok(caret >= start && caret <= start + words.length,
    `clicking the highlight put the caret at ${caret}, outside "${words}" (${start}..${start + words.length})`);
}

/* The toolbar badge of the active tab, once it reads `expected` (it is updated a moment after the page). */
async function assertToolbarBadge(expected) {
  const deadline = Date.now() + 5000;
  let text;
  do {
    text = await browser.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getBadgeText({ tabId: tab.id });
    });
    if (text === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < deadline);
  assert.equal(text, expected, 'toolbar badge');
}

describe('each editor kind', () => {
  for (const kind of Object.keys(EDITORS)) {
    test(`${kind}: highlights over the words, fix through the card, undo, pre-send prompt, no markup`, async () => {
      const editor = EDITORS[kind];
      const page = await openEditor(kind);
      try {
        await page.keyboard.type(DRAFT);
        const accusatory = highlight(page, 'accusatory-question');
        const timezone = highlight(page, 'timezone');
        await accusatory.waitFor({ timeout: 10000 });
        await timezone.waitFor({ timeout: 10000 });
        // The Gmail page's quoted thread asks the same question: it must not be flagged.
        assert.equal(await accusatory.count(), 1);
        assert.equal(await timezone.count(), 1);
        assert.equal(await accusatory.getAttribute('data-tact-rule'), 'accusatory.why-didnt-you');
        assert.match(await timezone.getAttribute('data-tact-rule'), /^timezone\./);

        const box = await accusatory.boundingBox();
        if (kind === 'textarea') {
          await assertCaretInside(page, box, QUESTION);
          await assertCaretInside(page, await timezone.boundingBox(), MEETING);
        } else {
          assertSameBox(box, await wordBox(page, kind, QUESTION), QUESTION);
          assertSameBox(await timezone.boundingBox(), await wordBox(page, kind, MEETING), MEETING);
        }
        await assertToolbarBadge('2');

        // Click the words: the card opens with the replacements as buttons.
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        const card = page.locator('[data-tact-card]');
        await card.waitFor();
        assert.equal(await card.getAttribute('data-tact-issue'), 'accusatory-question');
        assert.equal(await card.locator('[data-tact-action="ignore"]').count(), 1);
        assert.equal(await card.locator('[data-tact-action="disable-rule"]').count(), 1);
        await page.screenshot({ path: artifactPath(`extension-${kind}.png`) });

        const button = card.locator('[data-tact-replacement]').first();
        const replacement = await button.getAttribute('data-tact-replacement');
        await button.click();
        await accusatory.waitFor({ state: 'detached', timeout: 10000 });
        const fixed = `${replacement} send the contract?`;
        assert.ok((await editor.text(page)).includes(fixed), `the editor's own model should read "${fixed}"`);
        assert.ok(!(await editor.text(page)).includes(`${QUESTION} send the contract? Can`));
        await timezone.waitFor();   // the other issue stays, re-checked, still over its words
        assert.doesNotMatch(await editor.html(page), TACT_MARKUP);

        // Send with a warning left: held back by the prompt; "Send anyway" sends the fixed draft.
        await page.locator('[data-tact-badge][data-tact-state="ok"][data-tact-count="1"]').waitFor();
        await page.click('.send');
        const prompt = page.locator('[data-tact-presend]');
        await prompt.waitFor({ timeout: 10000 }).catch(async (err) => {
          const badge = await page.locator('[data-tact-badge]').evaluateAll((bs) => bs.map((b) => b.outerHTML).join('\n'));
          const sent = await page.evaluate(() => window.sentMessages.length);
          throw new Error(`${err.message}\nbadge: ${badge}\nsent: ${sent}`);
        });
        assert.match(await prompt.innerText(), /1 issue left/);
        assert.equal(await page.evaluate(() => window.sentMessages.length), 0);
        await prompt.locator('[data-tact-action="send-anyway"]').click();
        await page.waitForFunction(() => window.sentMessages.length === 1);
        const sent = await page.evaluate(() => window.sentMessages[0]);
        assert.ok(sent.includes(fixed), `the sent email carries the fix: ${sent}`);
        assert.ok(!sent.includes(`${QUESTION} send the contract? Can`), 'the flagged words were replaced');
        assert.doesNotMatch(sent, TACT_MARKUP);

        // Undo goes through the editor's own history, and the highlight comes back.
        await EDITORS[kind].focus(page);
        await page.keyboard.press('Control+z');
        await accusatory.waitFor({ timeout: 10000 });
        assert.ok((await editor.text(page)).includes(`${QUESTION} send the contract?`), 'undo restores the words');
      } finally {
        await page.close();
      }
    });
  }
});

test('gmail: the pre-send prompt also holds Ctrl+Enter, and "Review" opens the card', async () => {
  const page = await openEditor('gmail');
  try {
    await page.keyboard.type(DRAFT);
    await highlight(page, 'timezone').waitFor({ timeout: 10000 });
    await page.keyboard.press('Control+Enter');
    const prompt = page.locator('[data-tact-presend]');
    await prompt.waitFor();
    assert.equal(await prompt.locator('li').count(), 2);
    assert.equal(await page.evaluate(() => window.sentMessages.length), 0);
    await prompt.locator('[data-tact-action="review"]').click();
    await page.locator('[data-tact-card]').waitFor();
    assert.equal(await page.evaluate(() => window.sentMessages.length), 0);
    await page.screenshot({ path: artifactPath('extension-card.png') });
  } finally {
    await page.close();
  }
});

/* Records what the worker sends to the server (and optionally delays the answers). */
async function recordRequests(delayMs = 0) {
  await browser.worker.evaluate((delay) => {
    const original = globalThis.__tactOriginalFetch || fetch;
    globalThis.__tactOriginalFetch = original;
    globalThis.__tactSent = [];
    globalThis.fetch = async (url, init) => {
      if (init && init.body) globalThis.__tactSent.push(JSON.parse(init.body));
      const response = await original(url, init);
      if (delay) await new Promise((r) => setTimeout(r, delay));
      return response;
    };
  }, delayMs);
  return {
    sent: () => browser.worker.evaluate(() => globalThis.__tactSent.map((body) => body.text)),
    bodies: () => browser.worker.evaluate(() => globalThis.__tactSent.slice()),
    restore: () => browser.worker.evaluate(() => { globalThis.fetch = globalThis.__tactOriginalFetch; }),
  };
}

test('gmail: the quoted thread goes to the server as context, with the zones from the options', async () => {
  const requests = await recordRequests();
  const page = await openEditor('gmail');
  try {
    await page.keyboard.type(DRAFT);
    await highlight(page, 'timezone').waitFor({ timeout: 10000 });
    const bodies = await requests.bodies();
    assert.ok(bodies.length >= 1);
    for (const body of bodies) {
      assert.doesNotMatch(body.text, /Could we do 2pm Central|wrote:/, 'the quote is not checked as new text');
      assert.match(body.context.quoted, /Dana Reyes .* wrote:\s+Could we do 2pm Central on Tuesday\?/s);
      assert.equal(body.context.sender_timezone, SENDER);
      assert.equal(body.context.recipient_timezone, RECIPIENT);
      assert.match(body.context.sent_at, /^\d{4}-\d\d-\d\dT\d\d:00:00[+-]\d\d:\d\d$/);
    }
    // Paragraph by paragraph: the flagged one went on its own, never with "Hi Dana," around it.
    assert.ok(bodies.some((b) => b.text === `${QUESTION} send the contract? Can we meet ${MEETING}?`));
    assert.ok(bodies.every((b) => !b.text.includes('\n\n')), JSON.stringify(bodies.map((b) => b.text)));
  } finally {
    await requests.restore();
    await page.close();
  }
});

test('textarea: unchanged paragraphs are not re-sent, and their highlights follow the text', async () => {
  const requests = await recordRequests();
  const page = await openEditor('textarea');
  try {
    await page.keyboard.type(`${QUESTION} send the contract?`);
    const accusatory = highlight(page, 'accusatory-question');
    await accusatory.waitFor({ timeout: 10000 });
    const first = (await requests.sent()).length;
    // A new paragraph above the flagged one: only the new paragraph goes to the server.
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('Hello Dana, thanks for the notes.\n\n');
    const deadline = Date.now() + 10000;
    while (!(await requests.sent()).some((t) => t === 'Hello Dana, thanks for the notes.') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await page.locator('[data-tact-badge][data-tact-state="ok"]').waitFor();
    const later = (await requests.sent()).slice(first);
    assert.ok(later.includes('Hello Dana, thanks for the notes.'), 'the new paragraph was checked');
    assert.ok(later.every((text) => !text.includes(QUESTION)), `re-sent an unchanged paragraph: ${JSON.stringify(later)}`);
    assert.equal(await accusatory.count(), 1);
    await assertCaretInside(page, await accusatory.boundingBox(), QUESTION);
  } finally {
    await requests.restore();
    await page.close();
  }
});

test('textarea: a response for text that changed meanwhile is dropped', async () => {
  const requests = await recordRequests(1500);
  const page = await openEditor('textarea');
  try {
    await page.keyboard.type(`${QUESTION} call me?`);
    const deadline = Date.now() + 5000;
    while (!(await requests.sent()).some((t) => t.includes(QUESTION)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    // The request is on its way; the words it flags are replaced before the answer arrives.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Thanks, see you soon.');
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(await highlight(page, 'accusatory-question').count(), 0);
    assert.equal(await page.$eval('#editor', (e) => e.value), 'Thanks, see you soon.');
  } finally {
    await requests.restore();
    await page.close();
  }
});

test('"Ignore" hides one occurrence; "Turn off this rule" is listed on the options page and can be undone', async () => {
  const page = await openEditor('textarea');
  const options = await browser.context.newPage();
  try {
    await page.keyboard.type(`${QUESTION} call? Thanks.\n\n${QUESTION} write?`);
    const accusatory = highlight(page, 'accusatory-question');
    await accusatory.nth(1).waitFor({ timeout: 10000 });
    let box = await accusatory.first().boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('[data-tact-card] [data-tact-action="ignore"]').click();
    await page.waitForFunction(() => document.querySelector('tact-overlay').shadowRoot
      .querySelectorAll('.hl[data-tact-issue="accusatory-question"]').length === 1);

    box = await accusatory.first().boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('[data-tact-card] [data-tact-action="disable-rule"]').click();
    await accusatory.waitFor({ state: 'detached' });

    await options.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
    const row = options.locator('li[data-rule="accusatory.why-didnt-you"]');
    await row.waitFor();
    await row.locator('button').click();
    await row.waitFor({ state: 'detached' });
    await page.bringToFront();
    await accusatory.first().waitFor({ timeout: 10000 });
    // The ignored occurrence stays ignored: one highlight, not two.
    assert.equal(await accusatory.count(), 1);
  } finally {
    await options.close();
    await page.close();
  }
});

test('options page: refuses plain HTTP to another machine, tests the connection, defaults the zone', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
    await page.waitForFunction(() => document.getElementById('serverUrl').value !== '');
    assert.equal(await page.inputValue('#serverUrl'), tact.url);
    const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    assert.equal(await page.getAttribute('#senderTimezone', 'placeholder'), browserZone);

    await page.click('#test');
    await page.waitForFunction(() => /Connected/.test(document.getElementById('connection').textContent));

    await page.fill('#serverUrl', 'http://tact.example.com');
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('saved').textContent !== '');
    assert.match(await page.textContent('#saved'), /Plain HTTP is only allowed for a server on this computer/);
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get('serverUrl'));
    assert.equal(stored.serverUrl, tact.url, 'the refused URL was not saved');

    await page.fill('#serverUrl', tact.url);
    await page.fill('#recipientTimezone', 'Mars/Olympus_Mons');
    await page.click('#save');
    await page.waitForFunction(() => /not a time zone/.test(document.getElementById('saved').textContent));
  } finally {
    await page.close();
  }
});

test('server down: a quiet indicator on the badge, typing still works, recovery when it is back', async () => {
  const deadUrl = `http://127.0.0.1:${await freePort()}`;
  await browser.configure({ serverUrl: deadUrl });
  const page = await openEditor('textarea');
  try {
    const typed = `${QUESTION} send the contract? Can we meet ${MEETING}?`;
    await page.keyboard.type(typed);
    const badge = page.locator('[data-tact-badge][data-tact-state="offline"]');
    await badge.waitFor({ timeout: 10000 });
    assert.equal(await badge.textContent(), '!');
    assert.match(await badge.getAttribute('title'), /Cannot reach the Tact server/);
    assert.equal(await page.$eval('#editor', (e) => e.value), typed, 'no keystroke lost');
    await assertToolbarBadge('!');

    await browser.configure({ serverUrl: tact.url });
    await highlight(page, 'accusatory-question').waitFor({ timeout: 10000 });
    await page.locator('[data-tact-badge][data-tact-state="ok"]').waitFor();
  } finally {
    await browser.configure({ serverUrl: tact.url });
    await page.close();
  }
});

test('highlights follow reflow, page scrolling and the editor\'s own scrolling', async () => {
  const page = await openEditor('textarea');
  try {
    await page.keyboard.type(DRAFT);
    const accusatory = highlight(page, 'accusatory-question');
    const timezone = highlight(page, 'timezone');
    await timezone.waitFor({ timeout: 10000 });
    await accusatory.waitFor();

    // Narrower editor: the sentence wraps, "Tuesday at 2pm" moves to another line.
    const before = await timezone.boundingBox();
    await page.$eval('#editor', (e) => { e.style.width = '300px'; });
    await page.waitForFunction((y) => {
      const hl = document.querySelector('tact-overlay').shadowRoot.querySelector('.hl[data-tact-issue="timezone"]');
      return hl && Math.abs(hl.getBoundingClientRect().top - y) > 5;
    }, before.y);
    await assertCaretInside(page, await timezone.boundingBox(), MEETING);

    // The page scrolls: the highlight moves up with the text.
    const unscrolled = await accusatory.boundingBox();
    await page.evaluate(() => { document.body.style.height = '3000px'; window.scrollBy(0, 60); });
    await page.waitForFunction((y) => {
      const hl = document.querySelector('tact-overlay').shadowRoot.querySelector('.hl[data-tact-issue="accusatory-question"]');
      return hl && Math.abs(hl.getBoundingClientRect().top - (y - 60)) < 1;
    }, unscrolled.y);
    await assertCaretInside(page, await accusatory.boundingBox(), QUESTION);

    // The textarea scrolls its first lines out of view: their highlights go; back up, they return.
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n'.repeat(14) + 'Best, Sam');
    await page.waitForFunction(() => document.getElementById('editor').scrollTop > 100);
    await accusatory.waitFor({ state: 'detached', timeout: 5000 });
    await page.$eval('#editor', (e) => { e.scrollTop = 0; });
    await accusatory.waitFor({ timeout: 5000 });
    await assertCaretInside(page, await accusatory.boundingBox(), QUESTION);
  } finally {
    await page.close();
  }
});

test('quill: hovering a highlight opens its card, leaving closes it', async () => {
  const page = await openEditor('quill');
  try {
    await page.keyboard.type(DRAFT);
    const timezone = highlight(page, 'timezone');
    await timezone.waitFor({ timeout: 10000 });
    const box = await timezone.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const card = page.locator('[data-tact-card][data-tact-issue="timezone"]');
    await card.waitFor({ timeout: 3000 });
    assert.match(await card.innerText(), /time zone/i);
    await page.mouse.move(box.x + box.width / 2, box.y - 60);
    await card.waitFor({ state: 'detached', timeout: 3000 });
  } finally {
    await page.close();
  }
});

test('a server that refuses the API key: quiet indicator; the right key works', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tact-team-'));
  const key = 'team-key-for-the-browser-test';
  const config = path.join(dir, 'tact.toml');
  writeFileSync(config, `[teams.acme]\napi_key_sha256 = "${createHash('sha256').update(key).digest('hex')}"\n`);
  const keyed = await startTact({ config });
  await browser.configure({ serverUrl: keyed.url, apiKey: 'wrong-key' });
  const page = await openEditor('textarea');
  try {
    await page.keyboard.type(`${QUESTION} call me back?`);
    const badge = page.locator('[data-tact-badge][data-tact-state="unauthorized"]');
    await badge.waitFor({ timeout: 10000 });
    assert.equal(await highlight(page, 'accusatory-question').count(), 0);
    await assertToolbarBadge('!');

    await browser.configure({ apiKey: key });
    await highlight(page, 'accusatory-question').waitFor({ timeout: 10000 });
    await assertToolbarBadge('1');
  } finally {
    await browser.configure({ serverUrl: tact.url, apiKey: '' });
    await page.close();
    stopping.push(keyed.stop().then(() => rmSync(dir, { recursive: true, force: true })));
  }
});

test('popup: says the server answers', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/popup/popup.html`);
    await page.waitForFunction(() => document.getElementById('server').dataset.state === 'ok');
    assert.match(await page.textContent('#server'), new RegExp(`Connected to ${tact.url}`));
  } finally {
    await page.close();
  }
});

test('a category turned off in the options is not drawn; turned back on, it is', async () => {
  await browser.configure({ disabledCategories: ['timezone'] });
  const page = await openEditor('gmail');
  try {
    await page.keyboard.type(DRAFT);
    await highlight(page, 'accusatory-question').waitFor({ timeout: 10000 });
    assert.equal(await highlight(page, 'timezone').count(), 0);
    await browser.configure({ disabledCategories: [] });
    await highlight(page, 'timezone').waitFor({ timeout: 10000 });
  } finally {
    await browser.configure({ disabledCategories: [] });
    await page.close();
  }
});
