// Debian's Chromium driven by playwright-core (never a downloaded browser), and the console's
// sign-in form.
import { chromium, type Browser, type Page } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
}

/** Opens `url` in a fresh context (Russian), signs in through the console's form and waits for `ready`. */
export async function signIn(browser: Browser, url: string, user: { login: string; password: string }, ready: string, viewport: { width: number; height: number }): Promise<Page> {
  const ctx = await browser.newContext({ viewport, locale: 'ru-RU' });
  const page = await ctx.newPage();
  // Another engineer's test run may be rebuilding dist/ this very second (its global setup
  // empties the directory): a page that came without its script is loaded again.
  for (let attempt = 1; ; attempt++) {
    await page.goto(url);
    try { await page.waitForSelector('input[name=login]', { timeout: 10_000 }); break; } catch (e) { if (attempt === 3) throw e; }
  }
  await page.fill('input[name=login]', user.login);
  await page.fill('input[name=password]', user.password);
  await page.click('button[type=submit]');
  await page.waitForSelector(ready);
  return page;
}
