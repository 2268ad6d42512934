// The logger shape drivers take: pino's, so the server and the agent pass their pino instance
// and tests pass a recorder or silentLogger.
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const nop = () => {};
export const silentLogger: Logger = { debug: nop, info: nop, warn: nop, error: nop };
