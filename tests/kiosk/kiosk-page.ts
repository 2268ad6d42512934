// Shared steps of the kiosk browser tests: open the kiosk at a screen size, read tiles, and
// measure that nothing sticks out of the viewport or overflows its box.
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServerProcess } from '../helpers/server-process.ts';

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };
export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

/** Opens the kiosk and waits for its tiles. Counts Web Audio tones in `window.__tones`. */
export async function openKiosk(browser: Browser, server: ServerProcess, size = PORTRAIT, query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  page.setDefaultTimeout(15_000);
  await page.addInitScript(() => {
    (window as any).__tones = 0;
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) { (window as any).__tones++; return create.call(this); };
  });
  await page.goto(`${server.base}/kiosk/${query}`);
  await page.locator('.tile').first().waitFor();
  return page;
}

export function tile(page: Page, serviceId: number) {
  return page.locator(`.tile[data-service-id="${serviceId}"]`);
}

export async function tileWaiting(page: Page, serviceId: number): Promise<number> {
  return Number(await tile(page, serviceId).locator('.tile-waiting').textContent());
}

/** Taps a service and waits for the number; returns the ticket id and number on screen. */
export async function takeTicket(page: Page, serviceId: number): Promise<{ id: number; number: string }> {
  await tile(page, serviceId).click();
  const number = page.getByTestId('ticket-number');
  await page.waitForFunction(() => document.querySelector('[data-testid=ticket-number]')?.textContent !== '');
  const id = Number(await page.locator('main.ticket').getAttribute('data-ticket-id'));
  return { id, number: (await number.textContent())! };
}

/**
 * Everything that breaks a kiosk layout: an element whose box leaves the viewport, content
 * wider or taller than its box (cut off or scrolling), a page that scrolls.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const W = innerWidth, H = innerHeight, tol = 1;
    const name = (el: Element) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().replace(/\s+/g, '.') : '') + ` "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const doc = document.documentElement;
    if (doc.scrollWidth > W || doc.scrollHeight > H) problems.push(`page scrolls: ${doc.scrollWidth}×${doc.scrollHeight}`);
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -tol || r.top < -tol || r.right > W + tol || r.bottom > H + tol) problems.push(`outside viewport: ${name(el)} ${JSON.stringify(r)}`);
      if (el instanceof HTMLElement && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + tol) problems.push(`too wide: ${name(el)} ${el.scrollWidth}>${el.clientWidth}`);
      if (el instanceof HTMLElement && el.clientHeight > 0 && el.scrollHeight > el.clientHeight + tol) problems.push(`too tall: ${name(el)} ${el.scrollHeight}>${el.clientHeight}`);
    }
    return problems;
  });
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const { width, height } = page.viewportSize()!;
  await page.screenshot({ path: resolve(ARTIFACTS, `kiosk-${name}-${width}x${height}.png`) });
}

/**
 * The lowest WCAG contrast ratio between the text of the matched elements and the background
 * behind it (the nearest ancestor with an opaque background).
 */
export async function minContrast(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluateAll((els) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || c[3] === 1) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    return Math.min(...els.map((el) => {
      const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }));
  });
}
