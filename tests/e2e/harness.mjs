// End-to-end harness: starts the real `didgah serve` (binary from DIDGAH_BIN, default
// target/debug/didgah) on a free port with a throw-away SQLite database and the demo config,
// launches Debian's Chromium through playwright-core, and offers helpers that drive the page
// the way a reader does — by labels, roles and visible text.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ADMIN_PASSWORD = 'e2e-moderator-pass-1399';
export const ARTICLE = 'urmia-creative-city';
const require = createRequire(import.meta.url);

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server; resolves once /healthz answers. `stop()` kills it and removes its data.
 * `extraOrigins(port)` may list more origins for the demo site (cross-origin embedding); the
 * server then runs on a copy of demo/didgah.toml that allows them.
 */
export async function startServer({ extraOrigins } = {}) {
  const bin = path.resolve(ROOT, process.env.DIDGAH_BIN || 'target/debug/didgah');
  if (!fs.existsSync(bin)) {
    throw new Error(`no server binary at ${bin}: run \`cargo build -p didgah-cli\` or set DIDGAH_BIN`);
  }
  if (!fs.existsSync(path.join(ROOT, 'www/pkg/didgah_widget_bg.wasm'))) {
    throw new Error('www/pkg is missing: run scripts/build-widget.sh first');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'didgah-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let config = 'demo/didgah.toml';
  if (extraOrigins) {
    const toml = fs.readFileSync(path.join(ROOT, config), 'utf8');
    const extra = extraOrigins(port).map((o) => JSON.stringify(o)).join(', ');
    const changed = toml
      .replace(/^origins = \[/m, `origins = [${extra}, `)
      .replace(/^articles = "([^"]+)"/m, (_, p) => `articles = ${JSON.stringify(path.join(ROOT, p))}`);
    if (changed === toml) throw new Error('demo/didgah.toml has no `origins = [` line to extend');
    config = path.join(dir, 'didgah.toml');
    fs.writeFileSync(config, changed);
  }
  const env = {
    ...process.env,
    DIDGAH_ADDR: `127.0.0.1:${port}`,
    DIDGAH_DATABASE_URL: `sqlite://${dir}/didgah.db`,
    DIDGAH_ADMIN_PASSWORD: ADMIN_PASSWORD,
    DIDGAH_CONFIG: config,
    DIDGAH_STATIC_DIR: ROOT,
  };
  const child = spawn(bin, ['serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let logs = '';
  child.stdout.on('data', (d) => (logs += d));
  child.stderr.on('data', (d) => (logs += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let dead = false;
  exited.then(() => (dead = true));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (dead) throw new Error(`didgah serve exited early:\n${logs}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`didgah serve did not become healthy in 60 s:\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    logs: () => logs,
    async stop() {
      if (!dead) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (!dead) child.kill('SIGKILL');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
}

/**
 * One server and one browser for the test file that calls this at its top level: started before
 * its first test, stopped after its last. `onReady(server, browser)` hands them to the file.
 */
export function shareServerAndBrowser(onReady) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    onReady(server, browser);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/** A new page that records uncaught page errors (the widget must never throw into the host). */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ locale: 'fa-IR', timezoneId: 'Asia/Tehran', ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(String(err)));
  page.setDefaultTimeout(15_000);
  return page;
}

/** Serves `html` at `${url}${pathname}` from the test itself (same origin as the server). */
export async function servePage(page, url, pathname, html) {
  await page.route(`${url}${pathname}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
}

/** The embed snippet a site owner pastes, pointed at `server`. */
export function embed(server, extra = '') {
  return `<div id="didgah-comments"></div>
<script src="${server}/www/loader.js" async data-server="${server}" data-site="demo"
  data-article="${ARTICLE}" data-container="didgah-comments" ${extra}></script>`;
}

/** A minimal RTL article page with the embed snippet and optional extra head/body HTML. */
export function articlePage(server, { head = '', before = '', after = '', snippet } = {}) {
  return `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8">
<title>ارومیه شهر خلاق</title>${head}</head><body>
<article><h1>ارومیه در راه شهر خلاق یونسکو</h1>
<p>شهرداری ارومیه برای معرفی شهر به شبکه شهرهای خلاق یونسکو دبیرخانه‌ای تشکیل می‌دهد.</p></article>
${before}${snippet ?? embed(server)}${after}</body></html>`;
}

/** Scrolls to the comment box (the app loads when it nears the viewport) and waits for the form. */
export async function openWidget(page, host = '#didgah-comments') {
  await page.locator(host).scrollIntoViewIfNeeded();
  await page.getByLabel('پیام', { exact: true }).waitFor();
}

/** Fills the form by its labels. */
export async function fillForm(page, { name, email, title = '', text }) {
  if (name !== undefined) await page.getByLabel('نام شما', { exact: true }).fill(name);
  if (email !== undefined) await page.getByLabel('ایمیل شما', { exact: true }).fill(email);
  await page.getByLabel('عنوان', { exact: true }).fill(title);
  await page.getByLabel('پیام', { exact: true }).fill(text);
}

export function sendButton(page) {
  return page.getByRole('button', { name: 'ارسال دیدگاه', exact: true });
}

/** A number in Persian digits, as the widget writes them. */
export function fa(n) {
  return String(n).replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]);
}

/**
 * Presses «ارسال دیدگاه» and, if the rules nudge with warnings, «ارسال با این حال»; resolves once
 * the widget shows the outcome (sent or a sending error). For tests that are not about the rules.
 */
export async function sendComment(page) {
  await sendButton(page).click();
  const anyway = page.getByRole('button', { name: 'ارسال با این حال', exact: true });
  const outcome = page.locator('.sent, .send-error').first();
  const first = await Promise.race([
    anyway.waitFor().then(() => 'nudge', () => 'none'),
    outcome.waitFor().then(() => 'done', () => 'none'),
  ]);
  if (first === 'nudge') await anyway.click();
  await outcome.waitFor();
}

/** Logs the moderator in at /dashboard in a page of its own. */
export async function moderatorLogin(browser, url) {
  const mod = await newPage(browser);
  await mod.goto(`${url}/dashboard`);
  await mod.getByLabel('نام کاربری', { exact: true }).fill('admin');
  await mod.getByLabel('رمز عبور', { exact: true }).fill(ADMIN_PASSWORD);
  await mod.getByRole('button', { name: 'ورود', exact: true }).click();
  await mod.waitForLoadState('load');
  return mod;
}

/** Approves, on the dashboard queue, the comment whose text contains `snippet`. */
export async function approve(mod, snippet) {
  const item = mod
    .locator('li, tr, article, section, div, form')
    .filter({ hasText: snippet })
    .filter({ has: mod.getByRole('button', { name: 'تایید', exact: true }) })
    .last();
  await item.getByRole('button', { name: 'تایید', exact: true }).click();
  await mod.waitForLoadState('load');
  // The queue no longer offers to approve it.
  await mod.waitForFunction(
    (s) => ![...document.querySelectorAll('li, tr, article, section, div, form')].some(
      (el) => el.textContent.includes(s) && [...el.querySelectorAll('button')].some((b) => b.textContent.trim() === 'تایید'),
    ),
    snippet,
  );
}

/** Runs axe-core on the whole page (it enters open shadow roots); returns the violations. */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  const result = await page.evaluate(async () => {
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ') + ' :: ' + n.failureSummary).slice(0, 3),
    }));
  });
  return result;
}
