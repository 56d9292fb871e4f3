// Reading and access modes: approved comments are paged newest first with «دیدگاه‌های بیشتر»,
// counted in Persian digits and dated in Jalali; a site with a login URL invites the reader to
// log in instead of showing the form; a signed user token replaces the name and email fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE, embed, articlePage, newPage, openWidget, servePage, shareServerAndBrowser } from './harness.mjs';

let server;
let browser;
shareServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

test('comments are paged with «دیدگاه‌های بیشتر», counted and dated in Persian', async () => {
  const page = await newPage(browser);
  const total = 13;
  const requested = [];
  await page.route(new RegExp(`/api/articles/${ARTICLE}/comments`), (route) => {
    const url = new URL(route.request().url());
    const p = Number(url.searchParams.get('page'));
    const per = Number(url.searchParams.get('per_page'));
    requested.push(p);
    const comments = [];
    for (let i = (p - 1) * per; i < Math.min(total, p * per); i++) {
      // Newest first: comment 13 on 2021-03-21, then one day earlier each.
      const day = new Date(Date.UTC(2021, 2, 21 - i, 9));
      comments.push({ id: total - i, name: `خواننده ${total - i}`, title: '', text: `دیدگاه شماره ${total - i}`, created_at: day.toISOString() });
    }
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ article_id: ARTICLE, total, page: p, per_page: per, comments }) });
  });
  await page.goto(`${server.url}/`);
  await openWidget(page);
  await page.getByRole('heading', { name: '۱۳ دیدگاه' }).waitFor();
  const items = page.locator('.comment');
  assert.equal(await items.count(), 10);
  assert.match(await items.first().innerText(), /خواننده 13[\s\S]*۱ فروردین ۱۴۰۰/);
  assert.match(await items.nth(1).innerText(), /۳۰ اسفند ۱۳۹۹/);

  await page.getByRole('button', { name: 'دیدگاه‌های بیشتر', exact: true }).click();
  await page.locator('.comment').nth(12).waitFor();
  assert.equal(await items.count(), 13);
  assert.equal(await page.getByRole('button', { name: 'دیدگاه‌های بیشتر', exact: true }).count(), 0);
  assert.deepEqual(requested, [1, 2]);
});

test('a site with a login URL asks the reader to log in, with the link', async () => {
  const page = await newPage(browser);
  await page.route(`${server.url}/api/sites/demo/config`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    await route.fulfill({ response, json: { ...json, login_url: 'https://news.example/login' } });
  });
  await page.goto(`${server.url}/`);
  await page.locator('#didgah-comments').scrollIntoViewIfNeeded();
  const link = page.getByRole('link', { name: 'برای دادن نظر لطفا وارد شوید و یا ثبت نام کنید' });
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), 'https://news.example/login');
  assert.equal(await page.getByLabel('پیام', { exact: true }).count(), 0);
});

// A token as a site's backend signs it (crates/didgah-server/src/token.rs): the widget shows the
// name in its payload; only the server checks the signature.
const TOKEN_PAYLOAD = Buffer.from(JSON.stringify({ name: 'مریم رضایی', email: 'maryam@example.ir', exp: 4102444800 })).toString('base64url');
const TOKEN = `${TOKEN_PAYLOAD}.c2lnbmF0dXJl`;

test('with a signed user token the form asks only for title and message, shows whose name it sends, and sends the token', async () => {
  const page = await newPage(browser);
  await page.route(`${server.url}/api/sites/demo/config`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    await route.fulfill({ response, json: { ...json, login_url: 'https://news.example/login' } });
  });
  let body;
  await page.route(`${server.url}/api/comments`, (route) => {
    body = route.request().postDataJSON();
    route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({ id: 1, status: 'pending', report: { outcome: 'pass', rules: [] } }) });
  });
  const snippet = embed(server.url, `data-user-token="${TOKEN}"`);
  await servePage(page, server.url, '/e2e/token.html', articlePage(server.url, { snippet }));
  await page.goto(`${server.url}/e2e/token.html`);
  await openWidget(page);
  assert.equal(await page.getByLabel('نام شما', { exact: true }).count(), 0);
  assert.match(await page.locator('.identity').innerText(), /با نام «مریم رضایی»/);
  await page.getByLabel('پیام', { exact: true }).fill('دبیرخانه شهر خلاق کار خوبی است.');
  await page.getByRole('button', { name: 'ارسال دیدگاه', exact: true }).click();
  await page.locator('.sent').waitFor();
  assert.equal(body.user_token, TOKEN);
  assert.equal(body.text, 'دبیرخانه شهر خلاق کار خوبی است.');
});
