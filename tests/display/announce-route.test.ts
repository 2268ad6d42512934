// GET /api/announce.wav: espeak-ng speech for boards without a browser voice; strict input, no shell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import announceRoutes from '../../server/routes/announce';
import { installErrorHandlers } from '../../server/errors';

const dir = mkdtempSync(join(tmpdir(), 'talon-announce-'));
const runs = join(dir, 'runs.log');
// A wrapper that counts espeak-ng runs and passes everything through.
const counting = join(dir, 'espeak-counting');
writeFileSync(counting, `#!/bin/sh\necho run >> '${runs}'\nexec espeak-ng "$@"\n`);
chmodSync(counting, 0o755);
const failing = join(dir, 'espeak-failing');
writeFileSync(failing, '#!/bin/sh\ncat > /dev/null\nexit 3\n');
chmodSync(failing, 0o755);

async function build(espeak: string) {
  const app = Fastify();
  installErrorHandlers(app);
  await app.register(announceRoutes, { espeak });
  return app;
}

let app: FastifyInstance;
beforeAll(async () => { app = await build(counting); });
afterAll(async () => { await app.close(); rmSync(dir, { recursive: true, force: true }); });

const get = (query: string, a = app) => a.inject({ method: 'GET', url: `/api/announce.wav?${query}` });
const runCount = () => (existsSync(runs) ? readFileSync(runs, 'utf8').split('\n').filter(Boolean).length : 0);

describe('announce.wav', () => {
  it('says a call as a WAV with correct header sizes', async () => {
    const r = await get(`ticket=${encodeURIComponent('А015')}&counter=${encodeURIComponent('Окно 3')}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('audio/wav');
    const wav = r.rawPayload;
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    const data = wav.indexOf('data');
    expect(wav.readUInt32LE(data + 4)).toBe(wav.length - data - 8);
    expect(wav.length).toBeGreaterThan(20_000); // about a second and a half of 22 kHz speech at least
  });

  it('makes one espeak-ng run for many boards asking the same thing at once', async () => {
    const before = runCount();
    const q = `text=${encodeURIComponent('Талон Б сорок два, окно семь')}`;
    const answers = await Promise.all(Array.from({ length: 20 }, () => get(q)));
    for (const r of answers) expect(r.statusCode).toBe(200);
    expect(new Set(answers.map((r) => r.rawPayload.length)).size).toBe(1);
    expect(runCount() - before).toBe(1);
    await get(q);
    expect(runCount() - before).toBe(1); // then from the cache
  });

  it('speaks English when asked', async () => {
    const ru = await get(`ticket=A1&counter=1&lang=ru`);
    const en = await get(`ticket=A1&counter=1&lang=en`);
    expect(en.statusCode).toBe(200);
    expect(en.rawPayload.equals(ru.rawPayload)).toBe(false);
  });

  it('reads text that looks like an option as text (stdin, no option injection)', async () => {
    const r = await get('text=--version');
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.toString('ascii', 0, 4)).toBe('RIFF');
  });

  it('refuses bad input with the contract error body', async () => {
    const bad = [
      `text=${encodeURIComponent('$(touch /tmp/x); rm -rf /')}`,
      `text=${encodeURIComponent('<speak>hi</speak>')}`,
      `text=${'а'.repeat(201)}`,
      'text=',
      'text=a&text=b',
      'lang=fr&text=hello',
      'ticket=A1&counter=1&text=hello',
      'ticket=A1',
      `ticket=${encodeURIComponent('А015;ls')}&counter=1`,
      `ticket=A1&counter=${encodeURIComponent('Окно `id`')}`,
      '',
    ];
    for (const q of bad) {
      const r = await get(q);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error, q).toBe('validation');
      expect(typeof r.json().message).toBe('string');
    }
  });

  it('answers 501 when espeak-ng is not installed and 500 when it fails, and keeps serving', async () => {
    const missing = await build(join(dir, 'no-such-espeak'));
    const r = await get('text=hello', missing);
    expect(r.statusCode).toBe(501);
    expect(r.json()).toMatchObject({ error: 'not_implemented' });
    await missing.close();
    const broken = await build(failing);
    const f = await get('text=hello', broken);
    expect(f.statusCode).toBe(500);
    expect(f.json()).toMatchObject({ error: 'speech_failed' });
    await broken.close();
    expect((await get('text=hello')).statusCode).toBe(200);
  });
});
