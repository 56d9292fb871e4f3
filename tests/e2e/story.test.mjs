// The story of issue 2 (steps 2–6) through the real server in real Chromium: a reader opens the
// demo article, writes a comment by the form's labels and sends it; the moderator logs in and
// approves it; the reader reloads and sees it with the count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { approve, fillForm, openWidget, moderatorLogin, newPage, sendButton, shareServerAndBrowser } from './harness.mjs';

let server;
let browser;
shareServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

test('a comment is sent, approved by a moderator and then shown under the article', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/`);
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  assert.match(await page.title(), /ارومیه/);

  // Like a reader, scroll down to the comments; nothing is approved yet.
  await openWidget(page);
  await page.getByRole('heading', { name: '۰ دیدگاه' }).waitFor();

  const text = 'امیدوارم دبیرخانه شهر خلاق ارومیه زودتر کارش را شروع کند و جشنواره انگور هم دوباره برگزار شود.';
  await fillForm(page, { name: 'مریم رضایی', email: 'maryam@example.com', title: 'پیشنهاد برای شهر خلاق', text });
  await sendButton(page).click();

  const sent = page.locator('.sent');
  await sent.waitFor();
  assert.match(await sent.innerText(), /تایید/);
  assert.deepEqual(page.errors, []);

  const mod = await moderatorLogin(browser, server.url);
  await approve(mod, 'دبیرخانه شهر خلاق ارومیه زودتر');

  await page.reload();
  await openWidget(page);
  await page.getByRole('heading', { name: '۱ دیدگاه' }).waitFor();
  const shown = page.locator('.comment').filter({ hasText: 'دبیرخانه شهر خلاق ارومیه زودتر' });
  await shown.waitFor();
  const card = await shown.innerText();
  assert.match(card, /مریم رضایی/);
  assert.match(card, /پیشنهاد برای شهر خلاق/);
  // A Jalali date in Persian digits, seed style: «۱ مرداد ۱۳۹۹».
  assert.match(card, /[۰-۹]{1,2} (فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) [۰-۹]{4}/);
  assert.doesNotMatch(card, /maryam@example\.com/, 'the email is never shown');
  assert.deepEqual(page.errors, []);
});
