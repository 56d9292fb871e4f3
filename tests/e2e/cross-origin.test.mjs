// Embedding on another site: the article page is served by a little HTTP server of its own (a
// news site) and the didgah server runs on another origin, as in production. The loader, both wasm
// modules, the CSS and the font come across origins, the site's allowed origins let the comment in, and an
// origin the site does not allow gets a Persian refusal instead of a broken box.
import http from 'node:http';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { articlePage, fillForm, launchBrowser, newPage, openWidget, sendComment, startServer } from './harness.mjs';

let server;
let browser;
let newsSite; // allowed by the demo site's config
let stranger; // not allowed

/** A news site: serves the article page with the embed snippet pointing at the didgah server. */
async function startSite() {
  const site = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(articlePage(server.url));
  });
  await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${site.address().port}`;
  return site;
}

before(async () => {
  newsSite = await startSite();
  stranger = await startSite();
  server = await startServer({ extraOrigins: () => [newsSite.url] });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  newsSite?.close();
  stranger?.close();
});

test('a page on another origin embeds the widget and sends a comment', async () => {
  const page = await newPage(browser);
  const fetched = [];
  page.on('response', (r) => fetched.push(`${r.status()} ${r.url()}`));
  await page.goto(`${newsSite.url}/news/urmia.html`);
  await openWidget(page);
  await fillForm(page, { name: 'پروین', email: 'parvin@example.com', text: 'ثبت ارومیه در شبکه شهرهای خلاق یونسکو برای گردشگری شهر مهم است.' });
  await sendComment(page);
  await page.locator('.sent').waitFor();
  // Both wasm modules: the app, and the engine fetched when the reader focused the form.
  const parts = ['/www/pkg/didgah_widget_bg.wasm', '/www/pkg/didgah_engine_bg.wasm', '/www/widget.css', '/www/fonts/Vazirmatn-subset.woff2'];
  for (const part of parts) {
    assert.ok(fetched.includes(`200 ${server.url}${part}`), `${part} loaded across origins: ${fetched.join('\n')}`);
  }
  assert.deepEqual(page.errors, []);
});

test('an origin the site does not allow gets a calm Persian message, not an exception', async () => {
  const page = await newPage(browser);
  await page.goto(`${stranger.url}/copy.html`);
  await page.locator('#didgah-comments').scrollIntoViewIfNeeded();
  await page.getByText(/در دسترس نیست/).first().waitFor();
  assert.deepEqual(page.errors, []);
});
