// `npm run agent`: the device agent of a kiosk or window PC.
//   AGENT_SERVER=http://hall-server:8080 AGENT_TOKEN=<device token from the administration>
//   AGENT_PRINTER=serial:/dev/ttyUSB0?baud=19200   AGENT_BUTTONS=serial:/dev/ttyUSB1?baud=9600
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { parseButtonsAddress } from '../buttons/open-buttons.ts';
import { parseAddress } from '../transports/address.ts';
import { AgentClient } from './client.ts';

const log = pino({ level: process.env.LOG_LEVEL || 'info' });
const { AGENT_SERVER, AGENT_TOKEN, AGENT_PRINTER, AGENT_BUTTONS } = process.env;
if (!AGENT_SERVER || !AGENT_TOKEN) {
  log.error({}, 'set AGENT_SERVER (http://host:8080) and AGENT_TOKEN (a device token from the administration)');
  process.exit(2);
}
// A typo in an address is reported now, not at the first hello from the server.
try {
  if (AGENT_PRINTER) parseAddress(AGENT_PRINTER);
} catch (err) {
  log.error({}, `AGENT_PRINTER: ${(err as Error).message}`);
  process.exit(2);
}
try {
  if (AGENT_BUTTONS) parseButtonsAddress(AGENT_BUTTONS);
} catch (err) {
  log.error({}, `AGENT_BUTTONS: ${(err as Error).message}`);
  process.exit(2);
}
if (!AGENT_PRINTER && !AGENT_BUTTONS) log.warn({}, 'neither AGENT_PRINTER nor AGENT_BUTTONS is set: nothing to drive');

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const agent = new AgentClient({ server: AGENT_SERVER, token: AGENT_TOKEN, printer: AGENT_PRINTER, buttons: AGENT_BUTTONS, log, version });
// A refused token does not fix itself: exit with a distinct code so a service manager can tell.
agent.on('refused', () => process.exit(3));
agent.start();

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, async () => {
    await agent.stop();
    process.exit(0);
  });
}
