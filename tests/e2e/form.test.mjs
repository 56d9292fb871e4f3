// Writing a comment through the real server: the nudge (warnings → «ارسال با این حال»),
// blocking findings that stop the send, sending failures told in Persian with the text kept and
// a retry, and the local draft surviving a reload.
//
// The warnings and blocks come from the site's policy: these tests add their own words to the
// policy's `words.flag` / `words.block` lists, as a site owner would, so they do not depend on
// which comments the built-in lexicons happen to catch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, fa, fillForm, newPage, openWidget, sendButton, sendComment, shareServerAndBrowser } from './harness.mjs';

let server;
let browser;
shareServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const FLAG_WORD = 'کدتخفیف';
const BLOCK_WORD = 'زشتواژه';

/** The demo article with the site's policy extended by our flag and block words. */
async function openWithPolicyWords(page) {
  await page.route(`${server.url}/api/sites/demo/config`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.policy.words = { ...json.policy.words, flag: [FLAG_WORD], block: [BLOCK_WORD] };
    await route.fulfill({ response, json });
  });
  await page.goto(`${server.url}/`);
  await openWidget(page);
}

function posts(page) {
  const seen = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/comments')) seen.push(r);
  });
  return seen;
}

test('a warning nudges first, then «ارسال با این حال» sends the comment', async () => {
  const page = await newPage(browser);
  const sent = posts(page);
  await openWithPolicyWords(page);
  const text = `برای جشنواره انگور ارومیه ${FLAG_WORD} بدهید تا مردم بیشتری بیایند.`;
  await fillForm(page, { name: 'سارا', email: 'sara@example.com', text });

  // The check runs while typing: the word is highlighted in place and the rule shows a warning.
  const mark = page.locator('.hl-mirror mark');
  await mark.waitFor();
  assert.equal(await mark.innerText(), FLAG_WORD);
  await page.locator('.badge[data-outcome=flag]').filter({ hasText: 'هشدار' }).first().waitFor();

  await sendButton(page).click();
  const anyway = page.getByRole('button', { name: 'ارسال با این حال', exact: true });
  await anyway.waitFor();
  assert.equal(sent.length, 0, 'nothing is sent before the reader confirms');
  assert.deepEqual(await axe(page), [], 'the nudge is accessible');

  await anyway.click();
  await page.locator('.sent').waitFor();
  assert.match(await page.locator('.sent').innerText(), /تایید/);
  assert.equal(sent.length, 1);
  const body = sent[0].postDataJSON();
  assert.equal(body.text, text);
  assert.equal(body.client_report.outcome, 'flag');
  assert.equal(body.website, '', 'the honeypot stays empty for people');
  assert.deepEqual(await axe(page), [], 'the confirmation is accessible');
  assert.deepEqual(page.errors, []);
});

test('a blocking finding stops the send until it is fixed', async () => {
  const page = await newPage(browser);
  const sent = posts(page);
  await openWithPolicyWords(page);
  await fillForm(page, { name: 'سارا', email: 'sara@example.com', text: `شهردار ${BLOCK_WORD} است` });
  // The check as the reader types (once the engine has arrived), then the send it stops.
  await page.locator('.badge[data-outcome=block]').filter({ hasText: 'مانع ارسال' }).first().waitFor();
  await sendButton(page).click();
  await page.waitForTimeout(300);
  assert.equal(sent.length, 0);
  assert.equal(await page.locator('.hl-mirror mark[data-outcome=block]').innerText(), BLOCK_WORD);
  // Focus goes back to the message, where the fix is needed.
  assert.equal(await page.evaluate(() => document.querySelector('#didgah-comments').shadowRoot.activeElement?.id), 'didgah-text');

  await page.getByLabel('پیام', { exact: true }).fill('برنامه شهردار برای شهر خلاق ارومیه امیدوارکننده است.');
  await sendComment(page);
  await page.locator('.sent').waitFor();
  assert.equal(sent.length, 1);
});

test('when sending fails the reader is told why in Persian, keeps the text and can retry', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/`);
  await openWidget(page);
  const text = 'کاش دبیرخانه شهر خلاق گزارش کارش را هر ماه منتشر کند.';
  await fillForm(page, { name: 'نادر', email: 'nader@example.com', text });

  // Offline.
  await page.route(`${server.url}/api/comments`, (route) => route.abort('internetdisconnected'));
  await sendComment(page);
  const error = page.locator('.send-error');
  await error.waitFor();
  assert.match(await error.innerText(), /ارتباط با سرور/);
  assert.deepEqual(await axe(page), [], 'the failure is accessible');
  assert.equal(await page.getByLabel('پیام', { exact: true }).inputValue(), text);

  // Rate limited, with Retry-After.
  await page.unroute(`${server.url}/api/comments`);
  await page.route(`${server.url}/api/comments`, (route) =>
    route.fulfill({
      status: 429,
      headers: { 'Retry-After': '30', 'Content-Type': 'application/json' },
      body: JSON.stringify({ error: { code: 'rate_limited', message: 'ارسال‌های زیاد', message_en: 'slow down' } }),
    }),
  );
  await page.getByRole('button', { name: 'تلاش دوباره', exact: true }).click();
  await page.getByText('۳۰ ثانیه').waitFor();
  assert.equal(await page.getByLabel('پیام', { exact: true }).inputValue(), text);

  // The server is back: the retry goes through.
  await page.unroute(`${server.url}/api/comments`);
  await page.getByRole('button', { name: 'تلاش دوباره', exact: true }).click();
  await page.locator('.sent').waitFor();
  assert.deepEqual(page.errors, []);
});

test('a 4xx from the server is shown in Persian and the text is kept', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/`);
  await openWidget(page);
  await page.route(`${server.url}/api/comments`, (route) =>
    route.fulfill({
      status: 409,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'duplicate', message: 'این دیدگاه پیش‌تر فرستاده شده است.', message_en: 'duplicate' } }),
    }),
  );
  await fillForm(page, { name: 'نادر', email: 'nader@example.com', text: 'شهر خلاق برای ارومیه فرصت خوبی است.' });
  await sendComment(page);
  await page.getByText('این دیدگاه پیش‌تر فرستاده شده است.').waitFor();
  assert.equal(await page.getByLabel('پیام', { exact: true }).inputValue(), 'شهر خلاق برای ارومیه فرصت خوبی است.');
});

test('an unsent comment survives a reload as a local draft, and is forgotten once sent', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/`);
  await openWidget(page);
  const draft = { name: 'لیلا', email: 'leila@example.com', title: 'گردشگری', text: 'ظرفیت گردشگری دریاچه ارومیه را هم ببینید.' };
  await fillForm(page, draft);
  await page.reload();
  await openWidget(page);
  await page.waitForFunction(
    () => document.querySelector('#didgah-comments').shadowRoot.querySelector('#didgah-text')?.value.length > 0,
  );
  assert.equal(await page.getByLabel('نام شما', { exact: true }).inputValue(), draft.name);
  assert.equal(await page.getByLabel('ایمیل شما', { exact: true }).inputValue(), draft.email);
  assert.equal(await page.getByLabel('عنوان', { exact: true }).inputValue(), draft.title);
  assert.equal(await page.getByLabel('پیام', { exact: true }).inputValue(), draft.text);

  await sendComment(page);
  await page.locator('.sent').waitFor();
  await page.reload();
  await openWidget(page);
  await page.waitForTimeout(300);
  assert.equal(await page.getByLabel('پیام', { exact: true }).inputValue(), '');
});

test('the message counter counts in Persian digits and the form works from the keyboard', async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}/`);
  await openWidget(page);
  await page.getByLabel('نام شما', { exact: true }).focus();
  await page.keyboard.type('رضا');
  await page.keyboard.press('Tab');
  await page.keyboard.type('reza@example.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type('پرسش');
  await page.keyboard.press('Tab');
  const text = 'جلسه بعدی دبیرخانه شهر خلاق ارومیه کی است؟';
  await page.keyboard.type(text);
  const counter = await page.locator('#didgah-text-count').innerText();
  assert.ok(counter.includes(`${fa(text.length)} / ۳۰۰۰`), counter);
  // Tab past the hidden honeypot straight to the send button, and press Enter.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.querySelector('#didgah-comments').shadowRoot.activeElement?.textContent);
  assert.equal(focused, 'ارسال دیدگاه');
  await page.keyboard.press('Enter');
  // If the rules nudge, the choice is reachable from the keyboard too.
  const anyway = page.getByRole('button', { name: 'ارسال با این حال', exact: true });
  const first = await Promise.race([
    anyway.waitFor().then(() => 'nudge', () => 'none'),
    page.locator('.sent').waitFor().then(() => 'sent', () => 'none'),
  ]);
  if (first === 'nudge') {
    await anyway.focus();
    await page.keyboard.press('Enter');
  }
  await page.locator('.sent').waitFor();
});
