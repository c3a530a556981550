// The browser-test harness: a real `tact serve` on a free localhost port, a static server for the
// test pages (TinyMCE and Quill from node_modules), and Debian's Chromium with the unpacked
// extension loaded, pointed at that server through the extension's own storage.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repo = path.resolve(here, '../..');
export const extensionDir = path.join(repo, 'extension');
export const artifacts = path.join(repo, 'test-artifacts');
const CHROMIUM = process.env.TACT_CHROMIUM || '/usr/bin/chromium';

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(fn, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await fn()) return;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? ': ' + lastError.message : ''}`);
}

/* `tact serve` from the repository's venv (with a TACT_CONFIG file if given); stops with the returned function. */
export async function startTact({ config } = {}) {
  const port = await freePort();
  const tact = process.env.TACT_BIN || path.join(repo, '.venv/bin/tact');
  const env = { ...process.env };
  delete env.TACT_CONFIG;   // one default team, no key
  if (config) env.TACT_CONFIG = config;
  const proc = spawn(tact, ['serve', '--host', '127.0.0.1', '--port', String(port), '--workers', '2'], {
    cwd: repo, stdio: ['ignore', 'ignore', 'pipe'], env,
  });
  let log = '';
  proc.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => (await fetch(url + '/healthz')).ok, 90000, 'tact serve');
  } catch (err) {
    proc.kill('SIGTERM');
    throw new Error(err.message + '\n' + log);
  }
  return {
    url,
    // SIGINT is gunicorn's quick shutdown: no waiting on the browser's keep-alive connections.
    stop: () => new Promise((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once('exit', resolve);
      proc.kill('SIGINT');
    }),
  };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.woff': 'font/woff',
  '.woff2': 'font/woff2' };

/* Test pages on localhost; /vendor/tinymce and /vendor/quill come from node_modules. */
export async function startPages() {
  const roots = [
    ['/vendor/tinymce/', path.join(repo, 'node_modules/tinymce')],
    ['/vendor/quill/', path.join(repo, 'node_modules/quill/dist')],
    ['/', path.join(here, 'pages')],
  ];
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [prefix, dir] = roots.find(([p]) => urlPath.startsWith(p));
    const file = path.normalize(path.join(dir, urlPath.slice(prefix.length)));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => server.close(r)) };
}

/* Chromium with the extension; returns {context, worker, extensionId, configure, close}. */
export async function launchBrowser() {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'tact-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false,
    viewport: { width: 1100, height: 800 },
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15000 });
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    /* Sets the extension's options exactly as the options page stores them. */
    configure: (values) => worker.evaluate((v) => chrome.storage.local.set(v), values),
    /* Turns Tact on for an origin the way the popup does once the user granted it. */
    enableSite: (origin) => worker.evaluate((o) => globalThis.tact.registerSite(o), origin),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function artifactPath(name) {
  mkdirSync(artifacts, { recursive: true });
  return path.join(artifacts, name);
}

export const hasBrowser = () => existsSync(CHROMIUM);
