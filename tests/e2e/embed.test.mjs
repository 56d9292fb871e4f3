// Embedding as a site owner does: hostile host CSS does not break the widget (nor does the
// widget's CSS leak out), the wasm app loads only when the box nears the viewport, the tag
// included twice gives one widget, and a missing server gives a calm message — never an
// exception in the host page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articlePage, embed, newPage, servePage, shareServerAndBrowser } from './harness.mjs';

let server;
let browser;
shareServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const HOSTILE = `<style>
  * { color: #ff00ff !important; font-family: "Comic Sans MS", cursive !important; letter-spacing: 3px !important; }
  html, body { direction: ltr !important; text-align: left !important; line-height: 4 !important; font-size: 30px !important; }
  label, input, textarea, button, form, p, h2, section, ol, li { display: none !important; visibility: hidden !important; }
  div { border: 7px dotted lime !important; padding: 40px !important; }
  .btn, .field, .didgah, .hl-field { display: none !important; }
</style>`;

test('hostile page CSS neither hides nor restyles the widget, and the widget CSS stays inside', async () => {
  const page = await newPage(browser);
  await servePage(
    page,
    server.url,
    '/e2e/hostile.html',
    articlePage(server.url, { head: HOSTILE, after: '<p id="host-p" class="note btn">متن صفحه میزبان</p>' }),
  );
  await page.goto(`${server.url}/e2e/hostile.html`);
  const message = page.getByLabel('پیام', { exact: true });
  await message.waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'ارسال دیدگاه', exact: true }).waitFor({ state: 'visible' });

  const style = await message.evaluate((el) => {
    const s = getComputedStyle(el);
    return { color: s.color, font: s.fontFamily, direction: s.direction, spacing: s.letterSpacing };
  });
  assert.notEqual(style.color, 'rgb(255, 0, 255)');
  assert.doesNotMatch(style.font, /Comic Sans/);
  assert.equal(style.direction, 'rtl');
  assert.equal(style.spacing, 'normal');

  // The widget's .note/.btn rules do not reach the host page's element of the same classes.
  const host = await page.locator('#host-p').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(host, 'rgba(0, 0, 0, 0)');
  assert.deepEqual(page.errors, []);
});

test('the wasm app is fetched only when the comment box nears the viewport', async () => {
  const page = await newPage(browser, { viewport: { width: 400, height: 700 } });
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await servePage(
    page,
    server.url,
    '/e2e/long.html',
    articlePage(server.url, { before: '<div style="height: 6000px">مقاله‌ای بلند</div>' }),
  );
  await page.goto(`${server.url}/e2e/long.html`);
  await page.waitForLoadState('networkidle');
  assert.ok(fetched.some((u) => u.endsWith('/www/loader.js')), 'the loader is loaded at once');
  assert.ok(!fetched.some((u) => u.includes('/www/pkg/')), `no app before scrolling: ${fetched.join(' ')}`);
  // The box already shows its loading state.
  assert.match(await page.locator('#didgah-comments .loading').innerText(), /در حال بارگذاری/);

  await page.locator('#didgah-comments').scrollIntoViewIfNeeded();
  await page.getByLabel('پیام', { exact: true }).waitFor();
  assert.ok(fetched.some((u) => u.endsWith('/www/pkg/didgah_widget_bg.wasm')));
  assert.deepEqual(page.errors, []);
});

test('the tag twice gives one widget; without a container it goes right after the tag', async () => {
  const page = await newPage(browser);
  const tag = `<script src="${server.url}/www/loader.js" async data-server="${server.url}" data-site="demo" data-article="urmia-creative-city"></script>`;
  await servePage(page, server.url, '/e2e/twice.html', articlePage(server.url, { snippet: `<section id="s">${tag}${tag}</section>` }));
  await page.goto(`${server.url}/e2e/twice.html`);
  await page.getByLabel('پیام', { exact: true }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(await page.getByLabel('پیام', { exact: true }).count(), 1);
  // One host, placed right after the tag that ran first (async tags run in load order).
  const placed = await page.evaluate(() => {
    const hosts = [...document.querySelectorAll('#s > *')].filter((el) => el.shadowRoot);
    return { hosts: hosts.length, afterTag: hosts[0]?.previousElementSibling?.tagName };
  });
  assert.deepEqual(placed, { hosts: 1, afterTag: 'SCRIPT' });
  assert.deepEqual(page.errors, []);
});

test('an unreachable server gives the reader a calm message and the page no error', async () => {
  const page = await newPage(browser);
  // Port 9 (discard) has nothing listening: the loader cannot fetch the app.
  const dead = 'http://127.0.0.1:9';
  const snippet = embed(server.url).replace(`data-server="${server.url}"`, `data-server="${dead}"`);
  await servePage(page, server.url, '/e2e/down.html', articlePage(server.url, { snippet }));
  await page.goto(`${server.url}/e2e/down.html`);
  await page.getByText('بخش دیدگاه‌ها اکنون در دسترس نیست').waitFor();
  assert.deepEqual(page.errors, []);
});
