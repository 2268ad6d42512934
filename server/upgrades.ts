// WebSocket upgrades (/api/ws for screens, /api/agent for device agents) are checked before `ws`
// sees them: `ws` answers a bad handshake in plain text, and accepts any Origin. Here a bad
// handshake is a JSON 400, a page of another origin is refused (403), and a plain GET is told to
// upgrade (426). Browsers always send Origin; device agents (and curl) send none and are accepted.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { AppError } from './errors';
import type { QuietLog } from './quiet-log';

const KEY = /^[+/0-9A-Za-z]{22}==$/; // 16 bytes in base64 (RFC 6455), as ws checks it

function sameOrigin(origin: string, host: string | undefined, publicUrl: string | null): boolean {
  try {
    const o = new URL(origin);
    return o.host === host || (publicUrl !== null && o.origin === new URL(publicUrl).origin);
  } catch {
    return false; // "null" (a sandboxed page, a file) or garbage
  }
}

export function installUpgradeChecks(app: FastifyInstance, quiet: QuietLog, publicUrl: () => string | null) {
  app.addHook('onRequest', async (req, reply) => {
    if (!req.ws) return; // set by @fastify/websocket for upgrade requests
    const h = req.headers;
    const refuse = (status: number, error: string, message: string) => {
      quiet.warn('websocket upgrade refused', { ip: req.ip, url: req.url.slice(0, 100), error, origin: h.origin });
      throw new AppError(status, error, message);
    };
    if (h.upgrade?.toLowerCase() !== 'websocket') refuse(400, 'bad_handshake', 'Only "Upgrade: websocket" is served here');
    if (!KEY.test(h['sec-websocket-key'] ?? '')) refuse(400, 'bad_handshake', 'Missing or invalid Sec-WebSocket-Key header');
    const version = String(h['sec-websocket-version']); // a number from app.injectWS()
    if (version !== '13' && version !== '8') {
      reply.header('sec-websocket-version', '13, 8');
      refuse(400, 'bad_handshake', 'Missing or unsupported Sec-WebSocket-Version (13 is served)');
    }
    if (h.origin !== undefined && !sameOrigin(h.origin, h.host, publicUrl())) {
      refuse(403, 'forbidden_origin', 'WebSocket connections from pages of another site are refused');
    }
  });
}

/** The HTTP side of a websocket route: a plain GET gets the contract's error shape. */
export async function upgradeRequired(_req: FastifyRequest, reply: FastifyReply) {
  reply.header('upgrade', 'websocket');
  throw new AppError(426, 'upgrade_required', 'This address is a WebSocket: connect with "Upgrade: websocket"');
}

/** @fastify/websocket's errorHandler: a bad frame is the client's mistake, not the server's. */
export function websocketErrorHandler(quiet: QuietLog) {
  return (error: Error & { code?: string }, socket: WebSocket, req: FastifyRequest) => {
    quiet.warn('bad websocket frame: connection closed', { ip: req.ip, url: req.url.slice(0, 100), reason: error.message, code: error.code });
    socket.terminate();
  };
}
