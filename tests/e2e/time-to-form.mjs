// Measures, in headless Chromium, the time from the embed <script> tag to an interactive comment
// form (the «پیام» field rendered and wired by the wasm app), with a cold cache each run.
// Prints each run and the median. Usage: node tests/e2e/time-to-form.mjs [runs]
// (needs the server binary, as the e2e tests do; DIDGAH_BIN picks it).
import { articlePage, embed, launchBrowser, servePage, startServer } from './harness.mjs';

const runs = Number(process.argv[2] || 7);
const server = await startServer();
const browser = await launchBrowser();
const times = [];
try {
  const html = articlePage(server.url, {
    snippet: `<script>performance.mark('didgah-tag')</script>${embed(server.url)}`,
  });
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext(); // fresh: no HTTP cache, no compiled wasm
    const page = await context.newPage();
    await servePage(page, server.url, '/e2e/ttf.html', html);
    await page.goto(`${server.url}/e2e/ttf.html`);
    const handle = await page.waitForFunction(
      () => {
        const field = document.getElementById('didgah-comments')?.shadowRoot?.querySelector('#didgah-text');
        if (!field) return false;
        const tag = performance.getEntriesByName('didgah-tag')[0];
        return performance.now() - tag.startTime;
      },
      null,
      { polling: 'raf', timeout: 30_000 },
    );
    const ms = await handle.jsonValue();
    times.push(ms);
    console.log(`run ${i + 1}: ${ms.toFixed(0)} ms`);
    await context.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`script tag → interactive form (headless Chromium, local server, cold cache): median ${median.toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms over ${runs} runs`);
} finally {
  await browser.close();
  await server.stop();
}
