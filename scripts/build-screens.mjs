// Builds the three browser screens into dist/ (run by `npm start` and before the browser tests).
import { build } from 'vite';

const only = process.argv.slice(2);
for (const dir of ['kiosk', 'operator-console', 'hall-display']) {
  if (only.length && !only.includes(dir)) continue;
  await build({ configFile: `${dir}/vite.config.ts` });
}
