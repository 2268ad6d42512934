// Browser tests of the analysis screens on an in-process hall with an injected clock: the app
// listens on a free port, Chromium signs in through the form, and the checks below look for
// anything cut off on screen or on the printed A4 page.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import type { TestHall } from '../helpers/app';
import { signIn as signInForm } from '../helpers/browser';

export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export async function listen(h: TestHall): Promise<string> {
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = h.app.server.address() as { port: number };
  return `http://127.0.0.1:${addr.port}`;
}

/** Opens `path` in a fresh context, signs in through the form and waits for `ready`. */
export function signIn(browser: Browser, base: string, login: string, password: string, path: string, ready: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  return signInForm(browser, base + path, { login, password }, ready, viewport);
}

/** What is cut off: sideways scrolling of the page, an element wider than its box, text spilling. */
export async function cutOff(page: Page, selector = 'main'): Promise<string[]> {
  return page.evaluate((sel) => {
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw + 1) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
    for (const el of document.querySelectorAll<HTMLElement>(`${sel} *`)) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const inScroller = el.closest('.scroll-x') !== null;
      if (!inScroller && r.right > vw + 1) problems.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(r.right)} > ${vw}`);
      if (['auto', 'scroll'].includes(style.overflowX)) continue;
      if ((style.overflow === 'hidden' || style.textOverflow === 'ellipsis') && el.scrollWidth > el.clientWidth + 1) problems.push(`${el.tagName.toLowerCase()}.${el.className} clips its text`);
    }
    return problems;
  }, selector);
}

/** The page printed by Chromium (its own @page sizes, backgrounds on): pages and their sizes in points. */
export async function printPdf(page: Page, file: string): Promise<{ pages: number; sizes: [number, number][] }> {
  const pdf = await page.pdf({ path: resolve(ARTIFACTS, file), preferCSSPageSize: true, printBackground: true });
  const doc = await PDFDocument.load(pdf);
  return { pages: doc.getPageCount(), sizes: doc.getPages().map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight())]) };
}

/** Lays the page out for print at the printable size of a page (a screenshot of it to `shotName`)
 * and returns what is cut off. */
export async function printOverflow(page: Page, [widthMm, heightMm]: [number, number], shotName: string, selector = 'main'): Promise<string[]> {
  const before = page.viewportSize()!;
  const px = (mm: number) => Math.floor((mm / 25.4) * 96);
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: px(widthMm), height: px(heightMm) });
  const problems = await cutOff(page, selector);
  await page.screenshot({ path: resolve(ARTIFACTS, shotName), fullPage: true });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height > px(heightMm) + 1) problems.push(`the print layout is ${height}px high, a page holds ${px(heightMm)}px`);
  await page.emulateMedia({ media: null }); // not 'screen': page.pdf() would print the screen styles
  await page.setViewportSize(before);
  return problems;
}

export const shot = (page: Page, name: string) => page.screenshot({ path: resolve(ARTIFACTS, name), fullPage: true });

/** The number of pages a PDF of A4 landscape must be: 842 × 595 points. */
export const A4_LANDSCAPE: [number, number] = [842, 595];
export const A4_PORTRAIT: [number, number] = [595, 842];
