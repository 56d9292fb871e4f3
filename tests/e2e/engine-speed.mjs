// Measures, in headless Chromium, one full check by the rules engine module exactly as the widget
// ships and calls it (www/pkg/didgah_engine*: release build, JS values in and out), on 200-,
// 1,000- and 10,000-character comments. `scripts/bench.sh browser` measures the engine's Rust
// call alone; this adds the build a reader gets and the JS boundary.
// Usage: node tests/e2e/engine-speed.mjs (needs the server binary, as the e2e tests do, and the
// release widget in www/pkg: scripts/build-widget.sh).
import { launchBrowser, startServer } from './harness.mjs';

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}/healthz`);
  const lines = await page.evaluate(async (base) => {
    const mod = await import(`${base}/www/pkg/didgah_engine.js`);
    await mod.default({ module_or_path: `${base}/www/pkg/didgah_engine_bg.wasm` });
    // The same comment and article as the engine's own benches (crates/didgah-rules/benches).
    const sample = [...'به نظرم برنامه‌ی کتابخوانی محله خیلی خوب بود ولی اطلاع‌رسانی ضعیف بود. چرا سانس کودکان فقط صبح‌هاست؟ كاش بعدازظهر هم باشه 🙏 مسئولین لطفاً online هم برگزار کنید. عالـــی بود، دستتون درد نکنه! '];
    const article = {
      id: 'bench',
      title: 'جشنواره کتابخوانی محله‌ای در بوستان شهر به کار خود پایان داد',
      lead: 'نخستین جشنواره کتابخوانی محله‌ای با حضور هزاران بازدیدکننده برگزار شد.',
      body: 'به گزارش روابط عمومی شهرداری، جشنواره کتابخوانی یک هفته در بوستان برپا بود. مریم احمدی، معاون فرهنگی شهرداری گفت: سانس ویژه کودکان و نوجوانان برگزار شد.'.repeat(8),
      keywords: ['کتابخوانی', 'جشنواره'],
    };
    const out = [];
    let t0 = performance.now();
    const checker = mod.checker(article, {});
    out.push(`checker(article, policy), first call with the word data: ${(performance.now() - t0).toFixed(1)} ms`);
    for (const n of [200, 1000, 10000]) {
      const text = Array.from({ length: n }, (_, i) => sample[i % sample.length]).join('');
      const comment = { name: 'مریم', title: 'پیشنهاد', text };
      const batch = n >= 10000 ? 20 : 200; // long enough for the browser's coarse clock
      for (let i = 0; i < batch * 5; i++) checker.check(comment); // let the wasm tier up
      const per = [];
      for (let r = 0; r < 15; r++) {
        t0 = performance.now();
        for (let i = 0; i < batch; i++) checker.check(comment);
        per.push(((performance.now() - t0) * 1000) / batch);
      }
      per.sort((a, b) => a - b);
      out.push(`${n} characters: median ${per[7].toFixed(0)} µs (min ${per[0].toFixed(0)}, max ${per[14].toFixed(0)}) per check`);
    }
    return out;
  }, server.url);
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  await server.stop();
}
