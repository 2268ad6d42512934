// Kiosk benchmark: time from a tap on a service tile to the ticket number on screen (real
// Chromium, real server, the kiosk's own anonymous requests), without a printer and with a
// printer on a device file, and the kiosk's JavaScript size gzipped.
// Targets: tap→number ≤ 300 ms, JS ≤ 60 KB gzipped. Run: npx tsx bench/kiosk.ts
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { startServer } from '../tests/helpers/server-process.ts';

const TAPS = 20;
const WARMUP = 3;
const root = resolve(import.meta.dirname, '..');

/** Taps tiles in turn; returns the tap→number times in ms, sorted. */
async function tapTimes(browser: Browser, env: Record<string, string>): Promise<number[]> {
  // The anonymous kiosk limit is for people, not for a benchmark tapping 23 times a minute.
  const server = await startServer({ QUEUE_KIOSK_RATE_PER_MIN: '10000', ...env });
  const samples: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${server.base}/kiosk/?idle=600`);
    await page.locator('.tile').first().waitFor();
    const tiles = await page.locator('.tile:not(:disabled)').count();
    for (let i = 0; i < WARMUP + TAPS; i++) {
      // Armed in the page: the tap's pointerdown starts the clock, the number's text stops it.
      // (A string, not a function: tsx's name helpers do not exist inside the page.)
      const measured = page.evaluate<number>(`new Promise((done) => {
        let t0 = 0;
        addEventListener('pointerdown', () => { t0 = performance.now(); }, { capture: true, once: true });
        const observer = new MutationObserver(() => {
          const n = document.querySelector('[data-testid=ticket-number]');
          if (t0 && n && n.textContent) { observer.disconnect(); done(performance.now() - t0); }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      })`);
      await page.locator('.tile:not(:disabled)').nth(i % tiles).click();
      const ms = await measured;
      if (i >= WARMUP) samples.push(ms);
      await page.getByRole('button', { name: 'Готово' }).click();
      await page.locator('.tile').first().waitFor();
    }
    await page.close();
  } finally {
    await server.stop();
  }
  return samples.sort((a, b) => a - b);
}

const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
const verdict = (ok: boolean) => (ok ? 'within target' : 'OVER TARGET');
const report = (label: string, s: number[]) => console.log(
  `tap → number on screen, ${label}, ${s.length} taps: p50 ${pct(s, 50).toFixed(0)} ms, p99 ${pct(s, 99).toFixed(0)} ms, max ${s.at(-1)!.toFixed(0)} ms (target ≤ 300 ms: ${verdict(pct(s, 99) <= 300)})`);

// The production build, as `npm start` makes it: once into dist/ (what the server serves) and
// once into a private directory for the size, which a parallel test run's rebuild of dist/
// cannot touch.
process.env.NODE_ENV = 'production';
const { build } = await import('vite');
const privateOut = mkdtempSync(join(tmpdir(), 'talon-kiosk-build-'));
for (const outDir of [resolve(root, 'dist/kiosk'), privateOut]) {
  await build({ configFile: resolve(root, 'kiosk/vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
}
const assets = join(privateOut, 'assets');
const gzKB = (ext: string) => readdirSync(assets).filter((f) => f.endsWith(ext))
  .reduce((sum, f) => sum + gzipSync(readFileSync(resolve(assets, f)), { level: 9 }).length, 0) / 1024;
const js = gzKB('.js');
const css = gzKB('.css');
rmSync(privateOut, { recursive: true, force: true });

const browser = await launchBrowser();
try {
  report('no printer', await tapTimes(browser, {}));
  // A device file takes only character devices: /dev/null accepts every write, as usblp does
  // while the printer's buffer has room.
  report('printer on a device file', await tapTimes(browser, { QUEUE_PRINTER: 'file:/dev/null' }));
} finally {
  await browser.close();
}
console.log(`(machine load average over the run: ${loadavg()[1].toFixed(1)} on ${availableParallelism()} cores)`);
console.log(`kiosk JavaScript gzipped: ${js.toFixed(1)} KB (target ≤ 60 KB: ${verdict(js <= 60)}); CSS gzipped: ${css.toFixed(1)} KB`);
