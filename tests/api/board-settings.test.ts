// Hall boards configured from the administration: stored in the settings, public to the boards,
// announced to them live, and validated like every other input.
import { describe, expect, it } from 'vitest';
import type { HallEvent } from '../../server/protocol';
import { testHall } from '../helpers/app';

describe('board settings from the administration', () => {
  it('stores named boards, shows them to the boards and tells the screens at once', async () => {
    const h = await testHall();
    const events: HallEvent[] = [];
    h.app.ctx.hub.subscribe((e) => events.push(e));
    const boards = { entrance: { orientation: 'portrait', rows: 3, counters: [1, 2], sound: true, voice: false, volume: 0.6, lang: 'ru', voiceLangs: ['ru', 'en'], blinkSec: 4 }, 'hall-2': { counters: [5] } };
    const r = await h.req('PUT', '/api/admin/settings', { boards }, h.admin);
    expect(r.status).toBe(200);
    expect(r.json.boards).toEqual(boards);
    expect((await h.req('GET', '/api/settings/public')).json.boards).toEqual(boards);
    const changed = events.find((e) => e.type === 'settings.changed');
    expect(changed && 'settings' in changed && changed.settings.boards).toEqual(boards);
    // other settings are kept when only the boards change, and the other way round
    await h.req('PUT', '/api/admin/settings', { hallName: 'Зал на Ленина' }, h.admin);
    expect((await h.req('GET', '/api/settings/public')).json).toMatchObject({ hallName: 'Зал на Ленина', boards });
  });

  it('refuses a board name or value a board could not use, and keeps what was stored', async () => {
    const h = await testHall();
    await h.req('PUT', '/api/admin/settings', { boards: { left: { rows: 2 } } }, h.admin);
    for (const boards of [
      { 'вход 1': { rows: 2 } },
      { left: { rows: 40 } },
      { left: { volume: 2 } },
      { left: { orientation: 'diagonal' } },
      { left: { voiceLangs: ['de'] } },
      { left: { counters: ['1'] } },
      { left: { colour: 'red' } },
    ]) {
      const r = await h.req('PUT', '/api/admin/settings', { boards }, h.admin);
      expect(r.status, JSON.stringify(boards)).toBe(400);
      expect(r.json).toEqual({ error: 'validation', message: expect.any(String), path: expect.stringMatching(/^\/boards/) });
    }
    expect((await h.req('GET', '/api/settings/public')).json.boards).toEqual({ left: { rows: 2 } });
    expect((await h.req('PUT', '/api/admin/settings', { boards: {} }, await h.operator())).status).toBe(403);
  });
});
