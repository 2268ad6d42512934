// The supervisor's test hall: the real server on a DATA_DIR that `npm run demo:history` filled
// with a past (so the reports and charts have something to show), and the checks of a page's
// layout that the supervisor's screens must pass at both of their sizes.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, startServer } from '../helpers/server-process';
import { hallOn, type Hall } from '../console/hall';

const root = resolve(import.meta.dirname, '../..');
export const TZ = 'Europe/Moscow';

/** A hall with `days` working days of history before today (about `perDay` tickets each). */
export async function startHistoryHall(days = 30, perDay = 150): Promise<Hall> {
  const dir = mkdtempSync(join(tmpdir(), 'talon-sup-'));
  const env = { ...process.env, DATA_DIR: join(dir, 'data'), QUEUE_ADMIN_PASSWORD: ADMIN_PASSWORD, QUEUE_TIMEZONE: TZ, LOG_LEVEL: 'warn' };
  await promisify(execFile)(process.execPath, ['--import', 'tsx', join(root, 'scripts/demo-history.ts'), '--days', String(days), '--per-day', String(perDay)], { cwd: root, env });
  return hallOn(await startServer({ QUEUE_TIMEZONE: TZ }, { dataDir: dir }));
}

export const TABLET = { width: 1280, height: 800 };
export const OFFICE = { width: 1920, height: 1080 };

/**
 * What is cut off or out of place: the page scrolling sideways, an element sticking out of the
 * viewport or of its parent's box on the right, text cut off by an ellipsis or a clip.
 * Absolutely placed menus and screen-reader-only text are left out.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(LAYOUT_CHECK) as Promise<string[]>;
}

// Kept as source text: a function passed to page.evaluate() would carry the test transform's
// helpers (esbuild's __name), which the page does not have.
const LAYOUT_CHECK = `(() => {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > vw) problems.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + vw);
  const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
    + (el.textContent ? ' "' + el.textContent.trim().slice(0, 30) + '"' : '');
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.sr-only, .menu, .u-legend, svg, script, style')) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || cs.position === 'absolute' || cs.position === 'fixed') continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    if (r.right > vw + 0.5) { problems.push(name(el) + ' past the viewport: ' + Math.round(r.right) + ' > ' + vw); continue; }
    const parent = el.parentElement;
    if (parent && parent !== document.body && getComputedStyle(parent).display !== 'contents') {
      const p = parent.getBoundingClientRect();
      if (r.right > p.right + 1) problems.push(name(el) + ' sticks out of ' + name(parent) + ': ' + Math.round(r.right) + ' > ' + Math.round(p.right));
    }
    if ((cs.textOverflow === 'ellipsis' || cs.overflowX === 'hidden' || cs.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1) problems.push(name(el) + ' cut off');
  }
  return [...new Set(problems)];
})()`;
