// The two wasm modules as a reader meets them: the form is usable with the app alone; the rules
// engine (www/pkg/didgah_engine*) is fetched on the first focus in the form and its checks then
// appear; when it cannot be fetched the reader is told, calmly, that the comment is checked after
// sending, and sending works. Also: the loader asks for the site's config alongside the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillForm, newPage, openWidget, sendButton, shareServerAndBrowser } from './harness.mjs';

let server;
let browser;
shareServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const BLOCK_WORD = 'زشتواژه';
const isEngine = (url) => url.includes('/www/pkg/didgah_engine');

/** Records every request the page makes, in order. */
function requests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(r));
  return seen;
}

/** The site's policy with our own blocking word, so the check's outcome does not hang on the lexicons. */
async function withBlockWord(page) {
  await page.route(`${server.url}/api/sites/demo/config`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.policy.words = { ...json.policy.words, block: [BLOCK_WORD] };
    await route.fulfill({ response, json });
  });
}

test('the engine is not fetched before the reader focuses the form; on focus it is, and checks appear', async () => {
  const page = await newPage(browser);
  const seen = requests(page);
  await withBlockWord(page);
  await page.goto(`${server.url}/`);
  await openWidget(page);
  // The form is usable: typing into it works before any engine exists.
  await page.waitForLoadState('networkidle');
  const urls = () => seen.map((r) => r.url());
  assert.ok(urls().some((u) => u.endsWith('/www/pkg/didgah_widget_bg.wasm')), urls().join(' '));
  assert.ok(!urls().some(isEngine), `no engine before focus: ${urls().join(' ')}`);

  const engineWasm = page.waitForRequest((r) => r.url().endsWith('/www/pkg/didgah_engine_bg.wasm'));
  await page.getByLabel('پیام', { exact: true }).focus();
  await engineWasm;
  await fillForm(page, { name: 'سارا', email: 'sara@example.com', text: `شهردار ${BLOCK_WORD} است` });
  await page.locator('.badge[data-outcome=block]').filter({ hasText: 'مانع ارسال' }).first().waitFor();
  assert.equal(await page.locator('.hl-mirror mark[data-outcome=block]').innerText(), BLOCK_WORD);
  // Fetched once, however many times the form is focused again.
  await page.getByLabel('عنوان', { exact: true }).focus();
  await page.getByLabel('پیام', { exact: true }).focus();
  await page.waitForTimeout(200);
  assert.equal(seen.filter((r) => r.url().endsWith('/www/pkg/didgah_engine_bg.wasm')).length, 1);
  assert.deepEqual(page.errors, []);
});

test('when the engine cannot be fetched the reader is told calmly and sending still works', async () => {
  const page = await newPage(browser);
  await page.route(`${server.url}/www/pkg/didgah_engine_bg.wasm`, (route) => route.abort('connectionreset'));
  const posts = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/comments')) posts.push(r);
  });
  await page.goto(`${server.url}/`);
  await openWidget(page);
  const text = 'دبیرخانه شهر خلاق ارومیه باید برنامه‌هایش را زودتر اعلام کند.';
  await fillForm(page, { name: 'کاوه', email: 'kaveh@example.com', text });
  const note = page.locator('.rules-note');
  await note.waitFor();
  assert.match(await note.innerText(), /در دسترس نیست؛ دیدگاه شما پس از ارسال بررسی می‌شود/);
  await sendButton(page).click();
  await page.locator('.sent').waitFor();
  assert.equal(posts.length, 1);
  const body = posts[0].postDataJSON();
  assert.equal(body.text, text);
  assert.equal(body.client_report, undefined, 'no client verdict without the engine');
  assert.deepEqual(page.errors, []);
});

test('while the engine is on its way the rules panel says so, then the checks replace the note', async () => {
  const page = await newPage(browser);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(`${server.url}/www/pkg/didgah_engine_bg.wasm`, async (route) => {
    await held;
    await route.continue();
  });
  await withBlockWord(page);
  await page.goto(`${server.url}/`);
  await openWidget(page);
  await fillForm(page, { name: 'سارا', email: 'sara@example.com', text: `شهردار ${BLOCK_WORD} است` });
  const note = page.locator('.rules-note');
  await note.waitFor();
  assert.match(await note.innerText(), /در حال آماده شدن/);
  release();
  await page.locator('.badge[data-outcome=block]').first().waitFor();
  assert.equal(await note.count(), 0);
  assert.deepEqual(page.errors, []);
});

test('the loader asks for the site config alongside the app, once', async () => {
  const page = await newPage(browser);
  const seen = requests(page);
  await page.goto(`${server.url}/`);
  await openWidget(page);
  const urls = seen.map((r) => r.url());
  const config = urls.filter((u) => u.endsWith('/api/sites/demo/config'));
  assert.equal(config.length, 1, urls.join('\n'));
  // Requested before the app's wasm, not after the app started.
  const wasm = urls.findIndex((u) => u.endsWith('/www/pkg/didgah_widget_bg.wasm'));
  assert.ok(urls.indexOf(config[0]) < wasm, urls.join('\n'));
});

test('a server error that names a field moves the focus to that field', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/`);
  await openWidget(page);
  await page.route(`${server.url}/api/comments`, (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({
        error: { code: 'invalid_field', message: 'این نشانی ایمیل پذیرفته نیست.', message_en: 'bad email', field: 'email' },
      }),
    }),
  );
  await fillForm(page, { name: 'نادر', email: 'nader@example.com', text: 'شهر خلاق برای ارومیه فرصت خوبی است.' });
  await sendButton(page).click();
  const anyway = page.getByRole('button', { name: 'ارسال با این حال', exact: true });
  const error = page.locator('.send-error');
  const first = await Promise.race([
    anyway.waitFor().then(() => 'nudge', () => 'none'),
    error.waitFor().then(() => 'error', () => 'none'),
  ]);
  if (first === 'nudge') await anyway.click();
  await page.getByText('این نشانی ایمیل پذیرفته نیست.').waitFor();
  await page.waitForFunction(
    () => document.querySelector('#didgah-comments').shadowRoot.activeElement?.id === 'didgah-email',
  );
  const email = page.getByLabel('ایمیل شما', { exact: true });
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  assert.match(await email.getAttribute('aria-describedby'), /didgah-send-error/);
});
