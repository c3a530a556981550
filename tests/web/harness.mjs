// A real `tact serve` on a free 127.0.0.1 port and Debian's chromium, for the page tests.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = path.join(REPO, 'test-artifacts');
const TACT = process.env.TACT_BIN || path.join(REPO, '.venv', 'bin', 'tact');
const CHROMIUM = process.env.TACT_CHROMIUM || '/usr/bin/chromium';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tact serve exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`tact serve did not answer on ${url} within ${timeoutMs} ms`);
}

/** Starts `tact serve` (gunicorn, one worker) and resolves to {url, stop()}. */
export async function startServer(env = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(TACT, ['serve', '--host', '127.0.0.1', '--port', String(port), '--workers', '1'], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk) => { log = (log + chunk).slice(-4000); });
  try {
    await waitForHealth(url, child, 60000);
  } catch (error) {
    child.kill('SIGTERM');
    throw new Error(`${error.message}\n${log}`);
  }
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return { url, stop, log: () => log };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A new page that records script errors, CSP violations, server errors, failed requests and any
 * request leaving the test server (the pages must make no third-party requests).
 */
export async function openPage(browser, url, viewport = { width: 1280, height: 860 }) {
  const context = await browser.newContext({ viewport, timezoneId: 'America/Los_Angeles' });
  // Generous: a loaded 2-core CI machine is slow, and waits end as soon as the page is ready.
  context.setDefaultTimeout(15000);
  const page = await context.newPage();
  const problems = [];
  const origin = new URL(url).origin;
  page.on('console', (message) => {
    // Chromium logs every 4xx answer; the pages expect some (a rule that does not validate, a
    // missing key), so statuses are judged below and only 5xx counts as a problem.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource: the server responded')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) problems.push(`third-party request: ${request.url()}`);
  });
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()}`);
  });
  await page.goto(url);
  return { page, context, problems };
}

export function screenshotPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
