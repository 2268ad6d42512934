// Reads the environment, builds the app, listens; SIGTERM and SIGINT stop it cleanly.
import pino from 'pino';
import { SchemaError } from '../db/migrate';
import { buildApp, type TalonApp } from './app';
import { readConfig } from './config';

/** Exit status of a database this release cannot use (sysexits' EX_CONFIG): the systemd unit
 * does not restart on it, since a restart cannot fix it (RestartPreventExitStatus). */
const EXIT_SCHEMA = 78;

const config = readConfig();
let app: TalonApp;
try {
  app = await buildApp({ config });
} catch (err) {
  if (!(err instanceof SchemaError)) throw err;
  pino({ level: config.logLevel }).fatal(err.message);
  process.exit(EXIT_SCHEMA);
}
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
