// The moderator dashboard by keyboard (www/dashboard.js) in real Chromium against the real
// server: j/k move between comments, a approves the current one, x selects, R rejects the
// selection with the chosen reason, and keys typed into a field stay in that field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moderatorLogin, shareServerAndBrowser } from './harness.mjs';

let server;
let browser;
shareServerAndBrowser((s, b) => {
  server = s;
  browser = b;
});

const ARTICLE = 'urmia-creative-city';
const COMMENTS = [
  'به نظرم ثبت ارومیه در شبکه شهرهای خلاق فرصت خوبی برای معرفی صنایع دستی آذربایجان است.',
  'کاش در برنامه شهر خلاق ارومیه سهم هنرمندان جوان و کارگاه‌های محلی روشن‌تر گفته می‌شد.',
  'گزارش خوبی بود؛ امیدوارم بودجه شهر خلاق صرف بازسازی بازار قدیمی ارومیه هم بشود.',
];

async function post(text, i) {
  const res = await fetch(`${server.url}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ site_id: 'demo', article_id: ARTICLE, name: `خواننده ${i + 1}`, email: `reader${i}@example.com`, text }),
  });
  assert.equal(res.status, 201, await res.text());
}

async function published() {
  const res = await fetch(`${server.url}/api/articles/${ARTICLE}/comments?site=demo&page=1&per_page=50`);
  return (await res.json()).comments.map((c) => c.text);
}

/** The index of the queue item the keyboard is on, and whether it has the focus. */
function current(mod) {
  return mod.evaluate(() => {
    const items = [...document.querySelectorAll('li.comment')];
    const i = items.findIndex((li) => li.classList.contains('current'));
    return { index: i, focused: i >= 0 && document.activeElement === items[i], text: i >= 0 ? items[i].textContent : '' };
  });
}

test('a moderator works through the queue with the keyboard', async () => {
  for (const [i, text] of COMMENTS.entries()) await post(text, i);
  const mod = await moderatorLogin(browser, server.url);
  const queued = await mod.locator('li.comment').count();
  assert.ok(queued >= 3, `the three comments wait in the queue (${queued})`);

  // The first comment is current and focused as the page opens; j and k move, within bounds.
  assert.deepEqual((await current(mod)).index, 0);
  assert.ok((await current(mod)).focused);
  await mod.keyboard.press('j');
  assert.equal((await current(mod)).index, 1);
  await mod.keyboard.press('k');
  await mod.keyboard.press('k');
  assert.equal((await current(mod)).index, 0, 'k stops at the first');

  // A key typed into a field is text, not a command.
  const other = mod.getByLabel('دلیل دیگر');
  await other.click();
  await mod.keyboard.type('jja');
  assert.equal(await other.inputValue(), 'jja');
  assert.equal((await current(mod)).index, 0);
  await other.fill('');
  await mod.keyboard.press('Escape');
  assert.equal(await other.evaluate((el) => el === document.activeElement), false, 'Escape leaves the field');

  // a approves the current comment: it leaves the queue and is published.
  await mod.keyboard.press('j');
  const target = (await current(mod)).text;
  const approvedText = COMMENTS.find((t) => target.includes(t));
  assert.ok(approvedText, 'the current item is one of ours');
  await Promise.all([mod.waitForNavigation(), mod.keyboard.press('a')]);
  assert.ok((await published()).includes(approvedText), 'approved and listed under the article');
  assert.equal(await mod.locator('li.comment').filter({ hasText: approvedText }).count(), 0);

  // x selects the current comment, j moves on, x selects the next; R rejects both.
  const left = COMMENTS.filter((t) => t !== approvedText);
  assert.equal((await current(mod)).index, 0);
  await mod.keyboard.press('x');
  await mod.keyboard.press('j');
  await mod.keyboard.press('x');
  const ticked = await mod.evaluate(() =>
    [...document.querySelectorAll('li.comment')]
      .filter((li) => li.querySelector('input[name="ids"]').checked)
      .map((li) => li.textContent),
  );
  assert.equal(ticked.length, 2);
  for (const t of left) assert.ok(ticked.some((item) => item.includes(t)), 'both of ours are selected');
  await Promise.all([mod.waitForNavigation(), mod.keyboard.press('Shift+R')]);
  assert.equal(await mod.locator('li.comment').count(), queued - 3, 'both left the queue');
  const shown = await published();
  for (const t of left) assert.ok(!shown.includes(t), 'a rejected comment is never published');
  assert.deepEqual(mod.errors, []);
});
