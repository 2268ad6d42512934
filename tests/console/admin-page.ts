// Steps of the settings area's browser tests: open a section, find what is cut off, take the
// screenshots (the viewport as the user sees it, and the whole of the scrolled content).
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts/admin');
export const SIZES = { small: { width: 1366, height: 768 }, large: { width: 1920, height: 1080 } };

export async function section(page: Page, base: string, id: string, ready?: string) {
  await page.goto(`${base}/console/admin/${id}`);
  await page.waitForSelector(`[data-testid=admin-${id.split('/')[0]}]`);
  if (ready) await page.waitForSelector(ready);
}

/**
 * What the user could not read: the page scrolling sideways, text wider than its box (an input's
 * value, a clipped cell) outside the areas meant to scroll, a select too narrow for its choice,
 * an element outside the viewport sideways.
 */
export async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const W = innerWidth, tol = 1;
    const scrollers = '.admin-main, .admin-nav, .grid-scroll, textarea, .board-frame, .overlay, .dialog';
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${((el as HTMLInputElement).value ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    if (document.documentElement.scrollWidth > W + tol) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${W}`);
    const ruler = document.createElement('span');
    ruler.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
    document.body.append(ruler);
    for (const el of document.querySelectorAll('.screen *')) {
      if (!(el instanceof HTMLElement) || el.closest('.board-frame') || el.matches(scrollers)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > W + tol || r.left < -tol) out.push(`outside the viewport: ${name(el)}`);
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + tol && !el.closest('.grid-scroll')) out.push(`text wider than its box: ${name(el)} ${el.scrollWidth} > ${el.clientWidth}`);
      if (el instanceof HTMLSelectElement && el.selectedOptions[0] && !el.multiple) {
        ruler.style.font = getComputedStyle(el).font;
        ruler.textContent = el.selectedOptions[0].text;
        if (ruler.getBoundingClientRect().width > el.clientWidth - 24) out.push(`select too narrow: ${name(el)} "${el.selectedOptions[0].text}"`);
      }
    }
    ruler.remove();
    return out;
  });
}

/** The viewport, and the whole scrolled content of the section (the frame let grow to fit). */
export async function shoot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}.png`) });
  const overlay = await page.$('.overlay');
  if (overlay) return; // a dialog: the viewport is what there is
  const tag = await page.addStyleTag({ content: '.screen.admin { height: auto !important; } .admin-main { overflow: visible !important; }' });
  await page.screenshot({ path: resolve(ARTIFACTS, `${name}-full.png`), fullPage: true });
  await tag.evaluate((el) => (el as Element).remove());
}
