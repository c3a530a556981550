// Unit tests of the extension's pure helpers (no browser): paragraph splitting for the cache,
// quote detection in plain text, and the server-URL policy.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const require = createRequire(import.meta.url);
const { paragraphs, mergeLineRects } = require('../../extension/common/offsets.js');
const { checkServerUrl, withDefaults } = require('../../extension/lib/settings.js');

test('paragraphs split at blank lines, and their offsets select their text', () => {
  const text = 'Hi Dana,\n\nWhy didn\'t you send it?\nThanks\n\n\n  Sam';
  const parts = paragraphs(text);
  assert.deepEqual(parts.map((p) => p.text), ['Hi Dana,', 'Why didn\'t you send it?\nThanks', '  Sam']);
  for (const p of parts) assert.equal(text.slice(p.start, p.end), p.text);
  assert.ok(parts.every((p) => !p.quoted));
});

test('paragraph elements end a paragraph even without a blank line', () => {
  // "a\nb\nc" read from <p>a</p><p>b</p><p>c</p>: breaks after each paragraph element.
  assert.deepEqual(paragraphs('a\nb\nc', [2, 4]).map((p) => p.text), ['a', 'b', 'c']);
  assert.deepEqual(paragraphs('a\nb\nc', []).map((p) => p.text), ['a\nb\nc']);
});

test('plain-text quotes, "-----Original Message-----" and a "-- " signature are marked quoted', () => {
  const text = 'Sounds good.\n\nOn Mon, Jul 13, 2026 at 9:00 AM Dana <d@x.example> wrote:\n> Could we do 2pm Central?\n>\n> D'
    + '\n\nMy answer below.\n\n-- \nSam Lee\n\n-----Original Message-----\nFrom: Dana';
  const parts = paragraphs(text);
  assert.deepEqual(parts.map((p) => [p.text.split('\n')[0], p.quoted]), [
    ['Sounds good.', false],
    ['On Mon, Jul 13, 2026 at 9:00 AM Dana <d@x.example> wrote:', true],
    ['My answer below.', false],
    ['-- ', true],
  ]);
  assert.ok(parts[3].text.includes('Original Message'), 'everything after the signature line is quoted');
});

test('offsets are UTF-16 units, like the API\'s offset_utf16', () => {
  const text = 'Emoji 😀 first.\n\nWhy didn\'t you call?';
  const [, second] = paragraphs(text);
  assert.equal(second.start, text.indexOf('Why'));
  assert.equal(second.start, 17);   // the emoji counts two units (16 code points)
});

test('line fragments next to each other merge into one rectangle', () => {
  const merged = mergeLineRects([
    { left: 10, top: 5, width: 20, height: 16 }, { left: 30, top: 5, width: 15, height: 16 },
    { left: 0, top: 25, width: 12, height: 16 },
  ]);
  assert.deepEqual(merged, [{ left: 10, top: 5, width: 35, height: 16 }, { left: 0, top: 25, width: 12, height: 16 }]);
});

test('the server URL must be HTTPS unless it is on this computer', () => {
  assert.deepEqual(checkServerUrl('http://127.0.0.1:8787/'), { ok: true, url: 'http://127.0.0.1:8787' });
  assert.equal(checkServerUrl('http://localhost:9000').ok, true);
  assert.equal(checkServerUrl('http://[::1]:8787').ok, true);
  assert.equal(checkServerUrl('https://tact.example.com/base/').url, 'https://tact.example.com/base');
  assert.match(checkServerUrl('http://tact.example.com').error, /Plain HTTP is only allowed/);
  assert.match(checkServerUrl('http://10.0.0.5:8787').error, /Plain HTTP/);
  assert.match(checkServerUrl('http://127.0.0.1.evil.example').error, /Plain HTTP/);
  assert.equal(checkServerUrl('ftp://x').ok, false);
  assert.equal(checkServerUrl('not a url').ok, false);
  assert.match(checkServerUrl('https://user:pw@tact.example.com').error, /API key/);
});

test('settings fill in defaults and repair lists', () => {
  const s = withDefaults({ disabledRules: 'oops', apiKey: 'k' });
  assert.equal(s.serverUrl, 'http://127.0.0.1:8787');
  assert.deepEqual(s.disabledRules, []);
  assert.equal(s.apiKey, 'k');
});
