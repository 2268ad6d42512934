// Reads the environment, builds the app, listens; SIGTERM and SIGINT stop it cleanly.
import { buildApp } from './app';
import { readConfig } from './config';

const config = readConfig();
const app = await buildApp({ config });
await app.listen({ port: config.port, host: config.host });

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    await app.close();
    process.exit(0);
  });
}
