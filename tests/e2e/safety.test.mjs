// Safety and access: an XSS payload corpus is rendered as text with no script running (in the
// comment list, in the form's in-place highlighting, and through the real server and dashboard),
// and axe-core finds no accessibility violations on the demo page with the widget in its states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE, approve, axe, fillForm, moderatorLogin, newPage, openWidget, sendButton, sendComment, shareServerAndBrowser } from './harness.mjs';

let server;
let browser;
shareServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const PAYLOADS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '<svg/onload="window.__xss = 3">',
  '"><iframe srcdoc="<script>parent.__xss = 4</script>"></iframe>',
  '<a href="javascript:window.__xss = 5">پیوند</a>',
  '<details open ontoggle="window.__xss = 6">باز</details>',
  '<style>*{display:none !important}</style>',
  "'; window.__xss = 7; '",
  '&lt;b&gt;هنوز متن است&lt;/b&gt;',
  '\u202eمتن وارونه <b>x</b>',
];

async function watchForScripts(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  return dialogs;
}

test('comments with HTML and script payloads are shown as text and nothing runs', async () => {
  const page = await newPage(browser);
  const dialogs = await watchForScripts(page);
  const comments = PAYLOADS.map((p, i) => ({
    id: i + 1,
    name: p,
    title: p,
    text: `${p}\nخط دوم`,
    created_at: '2020-07-22T08:30:00Z',
  }));
  await page.route(new RegExp(`/api/articles/${ARTICLE}/comments`), (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ article_id: ARTICLE, total: comments.length, page: 1, per_page: 20, comments }),
    }),
  );
  await page.goto(`${server.url}/`);
  await openWidget(page);
  await page.getByRole('heading', { name: `${'۱۰'} دیدگاه` }).waitFor();
  const list = page.locator('.comment-list');
  const shown = await list.evaluate((el) => el.textContent);
  for (const p of PAYLOADS) assert.ok(shown.includes(p), `shown literally: ${p}`);
  assert.equal(await list.locator('script, img, svg, iframe, a, details, style, b').count(), 0);
  assert.match(await list.innerText(), /۱ مرداد ۱۳۹۹/);

  // The same payloads typed into the form go through the highlighting mirror as text too.
  await page.getByLabel('پیام', { exact: true }).fill(PAYLOADS.join('\n'));
  await page.getByLabel('عنوان', { exact: true }).fill(PAYLOADS[1]);
  await page.waitForTimeout(600);
  assert.equal(await page.locator('.hl-mirror').locator('script, img, svg, iframe, a, details, style, b').count(), 0);

  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(page.errors, []);
});

test('a payload sent through the real server and approved is still only text', async () => {
  const page = await newPage(browser);
  const dialogs = await watchForScripts(page);
  await page.goto(`${server.url}/`);
  await openWidget(page);
  const text = `نظر من درباره شهر خلاق ارومیه: <img src=x onerror="window.__xss = 9"> <script>window.__xss = 10</script>`;
  await fillForm(page, { name: '<b>مهمان</b>', email: 'guest@example.com', text });
  await sendComment(page);
  await page.locator('.sent').waitFor();

  const mod = await moderatorLogin(browser, server.url);
  await approve(mod, 'نظر من درباره شهر خلاق ارومیه');
  assert.equal(await mod.evaluate(() => window.__xss), undefined, 'the dashboard shows it as text too');

  await page.reload();
  await openWidget(page);
  const item = page.locator('.comment').filter({ hasText: 'نظر من درباره شهر خلاق ارومیه' });
  await item.waitFor();
  assert.ok((await item.evaluate((el) => el.textContent)).includes('<img src=x onerror="window.__xss = 9">'));
  assert.match(await item.innerText(), /<b>مهمان<\/b>/);
  assert.equal(await item.locator('img, script, b').count(), 0);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(dialogs, []);
});

test('axe-core reports no violations: empty form, errors shown, findings shown, sent', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/`);
  await openWidget(page);
  await page.getByRole('heading', { name: /^[۰-۹]+ دیدگاه$/ }).waitFor();
  assert.deepEqual(await axe(page), [], 'fresh form');

  await sendButton(page).click();
  await page.getByText('نام خود را بنویسید.').waitFor();
  assert.deepEqual(await axe(page), [], 'with field errors');

  await fillForm(page, { name: 'Reza', email: 'reza@example.com', title: 'Hello', text: 'This comment is written in English about something else entirely.' });
  await page.locator('.rules').waitFor();
  await page.waitForTimeout(400);
  assert.deepEqual(await axe(page), [], 'with the rules panel');
});
