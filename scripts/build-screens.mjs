// Builds the three browser screens into dist/ (run by `npm start` and before the browser tests).
import { build } from 'vite';

// Always the production build, also when a test run (NODE_ENV=test) builds: otherwise preact/debug
// is bundled, which keeps every unmounted vnode in a WeakMap (the board's heap grew 13 KB per call).
process.env.NODE_ENV = 'production';

const only = process.argv.slice(2);
for (const dir of ['kiosk', 'operator-console', 'hall-display']) {
  if (only.length && !only.includes(dir)) continue;
  await build({ configFile: `${dir}/vite.config.ts` });
}
