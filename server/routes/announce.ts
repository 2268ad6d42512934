// Server-generated speech for hall displays whose browser has no Russian voice:
// GET /api/announce.wav?ticket=А015&counter=Окно 3[&lang=ru|en] says "Талон А пятнадцать, окно три";
// ?text=... says a short free text. espeak-ng runs without a shell, the text goes in on stdin
// (so it can never be read as an option), and identical requests from many boards share one run.
import { spawn } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { AppError, badRequest } from '../errors';
import { announcementText, type AnnounceLang } from '../../ui/announce-text';
import { errors, file } from '../replies/common';

export interface AnnounceOptions {
  /** The espeak-ng executable (looked up in PATH). */
  espeak?: string;
  timeoutMs?: number;
}

const MAX_TEXT = 200;
const MAX_WAV_BYTES = 8 * 1024 * 1024;
const MAX_RUNNING = 2;
const MAX_WAITING = 16;
const CACHE_ENTRIES = 32;
// Letters of the two scripts a hall speaks, digits, spaces and sentence punctuation: nothing else.
const SAFE_TEXT = /^[\p{Script=Cyrillic}\p{Script=Latin}0-9 ,.!?:;()№«»"'’-]+$/u;
const TICKET = /^\p{L}{0,4}-?\d{1,6}$/u;

const unavailable = () => new AppError(501, 'not_implemented', 'Speech synthesis (espeak-ng) is not installed on this server');

/** espeak-ng writes to a pipe, so the WAV header carries placeholder sizes: put the real ones in. */
function fixWavSizes(wav: Buffer): Buffer {
  if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF') return wav;
  wav.writeUInt32LE(wav.length - 8, 4);
  for (let p = 12; p + 8 <= wav.length; p += 8 + wav.readUInt32LE(p + 4)) {
    if (wav.toString('ascii', p, p + 4) === 'data') {
      wav.writeUInt32LE(wav.length - p - 8, p + 4);
      break;
    }
  }
  return wav;
}

export default async function announceRoutes(app: FastifyInstance, opts: AnnounceOptions) {
  const espeak = opts.espeak ?? 'espeak-ng';
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const cache = new Map<string, Buffer>();
  const inFlight = new Map<string, Promise<Buffer>>();
  let running = 0;
  const waiting: Array<() => void> = [];

  const synthesize = (text: string, lang: AnnounceLang) => new Promise<Buffer>((resolve, reject) => {
    const child = spawn(espeak, ['-v', lang, '-s', '140', '--stdout', '--stdin'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    let bytes = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(err.code === 'ENOENT' ? unavailable() : err);
    });
    child.stdout.on('data', (d: Buffer) => {
      bytes += d.length;
      if (bytes > MAX_WAV_BYTES) child.kill('SIGKILL');
      else chunks.push(d);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && bytes <= MAX_WAV_BYTES) resolve(fixWavSizes(Buffer.concat(chunks)));
      else reject(new AppError(500, 'speech_failed', 'Speech synthesis failed'));
    });
    child.stdin.on('error', () => { /* reported by 'error' or 'close' */ });
    child.stdin.end(text + '\n');
  });

  /** At most MAX_RUNNING espeak processes; a burst beyond MAX_WAITING is refused, not queued forever. */
  const limited = async (run: () => Promise<Buffer>) => {
    if (running >= MAX_RUNNING) {
      if (waiting.length >= MAX_WAITING) throw new AppError(503, 'busy', 'Speech synthesis is busy, try again');
      await new Promise<void>((r) => waiting.push(r));
    }
    running++;
    try { return await run(); } finally { running--; waiting.shift()?.(); }
  };

  const wav = (text: string, lang: AnnounceLang): Promise<Buffer> => {
    const key = `${lang}:${text}`;
    const hit = cache.get(key);
    if (hit) return Promise.resolve(hit);
    let p = inFlight.get(key);
    if (!p) {
      p = limited(() => synthesize(text, lang)).then((buf) => {
        cache.set(key, buf);
        if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
        return buf;
      }).finally(() => inFlight.delete(key));
      inFlight.set(key, p);
    }
    return p;
  };

  app.get('/api/announce.wav', { schema: { response: { 200: file('audio/wav', 'The spoken call or text (espeak-ng)'), ...errors(400, 500, 501, 503) } } }, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const str = (name: string) => {
      const v = q[name];
      if (v === undefined) return undefined;
      if (typeof v !== 'string') throw badRequest(`${name} must be given once`);
      return v.trim();
    };
    const lang = str('lang') ?? 'ru';
    if (lang !== 'ru' && lang !== 'en') throw badRequest('lang must be ru or en');
    const text = str('text'), ticket = str('ticket'), counter = str('counter');
    let sentence: string;
    if (text !== undefined) {
      if (ticket !== undefined || counter !== undefined) throw badRequest('Give either text or ticket and counter, not both');
      sentence = text;
    } else {
      if (ticket === undefined || counter === undefined) throw badRequest('Give text, or ticket and counter');
      if (!TICKET.test(ticket)) throw badRequest('ticket must be a ticket number such as А015');
      if (!counter || counter.length > 60 || !SAFE_TEXT.test(counter)) throw badRequest('counter must be a counter name of letters, digits and spaces');
      sentence = announcementText(ticket, counter, lang);
    }
    if (!sentence || sentence.length > MAX_TEXT) throw badRequest(`text must be 1 to ${MAX_TEXT} characters`);
    if (!SAFE_TEXT.test(sentence)) throw badRequest('text may hold only letters, digits, spaces and punctuation');
    const body = await wav(sentence, lang);
    return reply.header('content-type', 'audio/wav').header('cache-control', 'public, max-age=86400').send(body);
  });
}
