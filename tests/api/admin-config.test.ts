// The configuration document: export, import into another server, dry runs, bad documents,
// and the first-run templates.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testHall, type TestHall } from '../helpers/app';

const exportOf = async (h: TestHall) => (await h.req('GET', '/api/admin/config', undefined, h.admin)).json;
const importTo = (h: TestHall, doc: unknown, dryRun = false) => h.req('POST', `/api/admin/config${dryRun ? '?dryRun=true' : ''}`, doc, h.admin);

/** Every row of the configuration tables, to see that nothing at all changed. */
function tables(h: TestHall): string {
  const db = new Database(join(h.dir, 'talon.db'), { readonly: true });
  try {
    return JSON.stringify(['services', 'counters', 'counter_services', 'users', 'devices', 'notices', 'settings', 'audit_log', 'tokens']
      .map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
  } finally { db.close(); }
}

/** A hall set up with a bit of everything. */
async function setUp(h: TestHall) {
  const svc = (await h.req('POST', '/api/admin/services', {
    name: 'Летний приём', nameEn: 'Summer desk', prefix: 'Л', hours: { 1: ['09:00', '13:00'], 6: null }, normServiceSec: 420, dailyLimit: 50,
    script: 'Сверьте адрес', ticketFooter: 'Паспорт',
  }, h.admin)).json;
  await h.req('POST', '/api/admin/counters', { name: 'Окно 1', services: [{ serviceId: svc.id, priority: 2 }] }, h.admin); // a second "Окно 1"
  const olga = (await h.req('POST', '/api/admin/users', { login: 'olga', name: 'Ольга', password: 'olga-Pa55word', role: 'operator' }, h.admin)).json;
  // Olga's own lunch rule, kept by her user id in this hall.
  await h.req('PUT', '/api/stats/lunch-rules', { minutes: 45, from: '11:00', to: '15:00', byUser: { [olga.id]: { minutes: 30, from: '12:00', to: '14:00' } } }, h.admin);
  await h.req('POST', '/api/admin/users', { login: 'boss', name: 'Начальник', password: 'boss-Pa55word', role: 'supervisor' }, h.admin);
  const counters = (await h.req('GET', '/api/admin/counters', undefined, h.admin)).json as any[];
  await h.req('POST', '/api/admin/devices', { kind: 'buttons', name: 'Пульт', counterId: counters[1].id, config: { keypads: { 3: counters[12].id }, ratingKeypads: { 7: counters[12].id } } }, h.admin);
  await h.req('POST', '/api/admin/devices', { kind: 'printer', name: 'Киоск', config: { codepage: 7, qr: 'raster', width: 48 } }, h.admin);
  await h.req('POST', '/api/admin/notices', { text: 'Отключение воды', textEn: 'Water outage', startsAt: '2026-03-10T06:00:00Z', endsAt: '2026-03-11T15:00:00+03:00' }, h.admin);
  await h.req('PUT', '/api/admin/settings', { hallName: 'Офис на Ленина', recallLimit: 2, publicUrl: 'http://10.0.0.5:8080', boards: { hall: { rows: 4, counters: [counters[0].id, counters[12].id] } } }, h.admin);
  await h.req('PUT', '/api/admin/calendar', { week: { 1: { open: '08:00', close: '17:00' } }, holidays: ['2026-05-01'], days: { '2026-04-30': { open: '08:00', close: '16:00' } } }, h.admin);
}

describe('configuration export and import', () => {
  it('export, then import into a fresh server, gives an identical export', async () => {
    const a = await testHall();
    await setUp(a);
    const doc = await exportOf(a);
    expect(doc).toMatchObject({ format: 'talon-config', version: 1 });
    expect(JSON.stringify(doc)).not.toMatch(/password|token|scrypt/i);
    expect(doc.counters.filter((c: any) => c.name === 'Окно 1').map((c: any) => c.key)).toEqual([undefined, 'Окно 1#2']);
    expect(doc.settings.boards.hall.counters).toEqual(['Окно 1', 'Окно 1#2']);
    expect(doc.devices.find((d: any) => d.name === 'Пульт')).toMatchObject({ counter: 'Окно 2', config: { keypads: { 3: 'Окно 1#2' }, ratingKeypads: { 7: 'Окно 1#2' } } });
    // each operator's lunch travels by login, and no day's adopted plan travels at all
    expect(doc.settings.lunch).toEqual({ minutes: 45, from: '11:00', to: '15:00', byUser: { olga: { minutes: 30, from: '12:00', to: '14:00' } } });
    expect(doc.settings).not.toHaveProperty('lunchPlans');

    const b = await testHall();
    const r = await importTo(b, doc);
    expect(r.status).toBe(200);
    expect(r.json.dryRun).toBe(false);
    expect(r.json.passwords.map((p: any) => p.login).sort()).toEqual(['boss', 'olga']);
    expect(await exportOf(b)).toEqual(doc);
    // Imported users log in with their generated password, and must change it.
    const olga = r.json.passwords.find((p: any) => p.login === 'olga');
    const l = await b.req('POST', '/api/auth/login', { login: 'olga', password: olga.password });
    expect(l.json.user.mustChangePassword).toBe(true);
    // her lunch rule arrived under her id in the new hall
    const olgaId = ((await b.req('GET', '/api/admin/users', undefined, b.admin)).json as any[]).find((u) => u.login === 'olga').id;
    expect((await b.req('GET', '/api/stats/lunch-rules', undefined, b.admin)).json.byUser).toEqual({ [olgaId]: { minutes: 30, from: '12:00', to: '14:00' } });
    const stranger = { ...doc, settings: { ...doc.settings, lunch: { ...doc.settings.lunch, byUser: { nobody: { minutes: 30, from: '12:00', to: '14:00' } } } } };
    expect((await importTo(b, stranger)).json).toMatchObject({ error: 'invalid_config', path: '/settings/lunch/byUser/nobody' });
    // The same document again changes nothing.
    expect((await importTo(b, doc)).json.changes).toEqual([]);
    // The import is in the audit log, without the generated passwords.
    const log = (await b.req('GET', '/api/admin/audit?entity=config', undefined, b.admin)).json;
    expect(log[0]).toMatchObject({ action: 'import', entity: 'config' });
    expect(JSON.stringify(log)).not.toContain(olga.password);
  });

  it('a dry run reports the changes an import would make and changes nothing', async () => {
    const a = await testHall();
    await setUp(a);
    const doc = await exportOf(a);
    const b = await testHall();
    const before = tables(b);
    const dry = await importTo(b, doc, true);
    expect(dry.status).toBe(200);
    expect(dry.json.dryRun).toBe(true);
    expect(dry.json.passwords).toEqual([]);
    expect(tables(b)).toBe(before);
    const changes = dry.json.changes as any[];
    expect(changes).toContainEqual(expect.objectContaining({ entity: 'service', key: 'Л', action: 'create' }));
    expect(changes).toContainEqual(expect.objectContaining({ entity: 'user', key: 'olga', action: 'create' }));
    expect(changes).toContainEqual(expect.objectContaining({ entity: 'settings', action: 'update', after: expect.objectContaining({ hallName: 'Офис на Ленина' }) }));
    // What the dry run said is what the import then does.
    const real = await importTo(b, doc);
    expect(real.json.changes).toEqual(changes);
  });

  it('refuses a bad document with the path of the error, and changes nothing', async () => {
    const h = await testHall();
    const good = await exportOf(h);
    const before = tables(h);
    const bad: [(d: any) => void, string][] = [
      [(d) => { d.format = 'nope'; }, '/format'],
      [(d) => { d.version = 2; }, '/version'],
      [(d) => { d.services[2].maxWaitSec = 'soon'; }, '/services/2/maxWaitSec'],
      [(d) => { d.services[1].colour = 'red'; }, '/services/1/colour'],
      [(d) => { d.services[3].prefix = d.services[0].prefix; }, '/services/3/prefix'],
      [(d) => { d.services[0].hours = { 2: ['17:00', '09:00'] }; }, '/services/0/hours/2'],
      [(d) => { d.counters[4].services[0].service = 'Щ'; }, '/counters/4/services/0/service'],
      [(d) => { d.counters[5].name = d.counters[6].name; }, '/counters/6/name'],
      [(d) => { d.users[0].role = 'operator'; }, '/users'],
      [(d) => { d.devices = [{ kind: 'printer', name: 'P', config: { address: 'usb:somewhere' } }]; }, '/devices/0/config/address'],
      [(d) => { d.devices = [{ kind: 'buttons', name: 'B', counter: 'Окно 99' }]; }, '/devices/0/counter'],
      [(d) => { d.devices = [{ kind: 'buttons', name: 'B', config: { ratingKeypads: { 5: 'Окно 99' } } }]; }, '/devices/0/config/ratingKeypads/5'],
      [(d) => { d.settings.boards = { hall: { counters: ['Окно 99'] } }; }, '/settings/boards/hall/counters/0'],
      [(d) => { d.settings.publicUrl = 'ftp://hall'; }, '/settings/publicUrl'],
      [(d) => { d.calendar.holidays = ['2026-13-01']; }, '/calendar/holidays/0'],
      [(d) => { d.notices = [{ text: 'x', startsAt: '2026-03-10T10:00:00Z', endsAt: '2026-03-10T09:00:00Z' }]; }, '/notices/0/endsAt'],
    ];
    for (const [spoil, path] of bad) {
      const doc = structuredClone(good);
      spoil(doc);
      for (const dry of [true, false]) {
        const r = await importTo(h, doc, dry);
        expect(r.status, path).toBe(400);
        expect(r.json, path).toMatchObject({ error: 'invalid_config', path });
        expect(r.json.message, path).toContain(path);
      }
    }
    for (const junk of ['[]', '"config"', '{"format":"talon-config"}', '{bad json']) {
      expect((await importTo(h, junk)).status, junk).toBe(400);
    }
    expect(tables(h)).toBe(before);
  });

  it('a section left out is left alone; a service with tickets is switched off, not deleted', async () => {
    const h = await testHall();
    const doc = await exportOf(h);
    const used = doc.services[0];
    const svcId = ((await h.req('GET', '/api/admin/services', undefined, h.admin)).json as any[]).find((s) => s.prefix === used.prefix).id;
    expect((await h.req('POST', '/api/tickets', { serviceId: svcId })).status).toBe(201);
    const r = await importTo(h, { format: 'talon-config', version: 1, services: doc.services.slice(0, 2), counters: [] });
    expect(r.status).toBe(200);
    const actions = Object.fromEntries((r.json.changes as any[]).filter((c) => c.entity === 'service').map((c) => [c.key, c.action]));
    expect(actions[used.prefix]).toBeUndefined(); // kept: it is in the document
    const removed = doc.services.slice(2).map((s: any) => s.prefix);
    expect(removed.map((p: string) => actions[p])).toEqual(removed.map(() => 'delete'));
    const after = await exportOf(h);
    expect(after.services.map((s: any) => s.prefix)).toEqual(doc.services.slice(0, 2).map((s: any) => s.prefix));
    expect(after.counters).toEqual([]);
    expect(after.users).toEqual(doc.users);
    // Leaving out the service with the ticket switches it off: the ticket still names it.
    const r2 = await importTo(h, { format: 'talon-config', version: 1, services: [] });
    expect((r2.json.changes as any[]).find((c) => c.key === used.prefix).action).toBe('deactivate');
    expect((await exportOf(h)).services).toEqual([{ ...used, active: false }]);
  });

  it('refuses a document that would switch off the administrator who imports it', async () => {
    const h = await testHall();
    await h.req('POST', '/api/admin/users', { login: 'second', name: 'Второй', password: 'second-Pa55w', role: 'admin' }, h.admin);
    const doc = await exportOf(h);
    doc.users = doc.users.filter((u: any) => u.login !== 'admin');
    const r = await importTo(h, doc);
    expect(r.status).toBe(409);
    expect((await exportOf(h)).users.map((u: any) => u.login)).toEqual(['admin', 'second']);
  });
});

describe('first run', () => {
  it('shows the checklist until the first ticket, and a template replaces the demo hall', async () => {
    const h = await testHall();
    const s = (await h.req('GET', '/api/admin/setup', undefined, h.admin)).json;
    expect(s).toMatchObject({ firstRun: true, timezone: 'Europe/Moscow' });
    expect(Object.fromEntries(s.steps.map((x: any) => [x.id, x.done]))).toEqual({ hall: false, template: false, services: true, counters: true, users: false, printer: false, test_print: false });
    expect(s.templates.map((t: any) => t.id)).toEqual(['vodokanal', 'mfc', 'empty']);

    const dry = await h.req('POST', '/api/admin/setup/template', { template: 'mfc', dryRun: true }, h.admin);
    expect(dry.json.dryRun).toBe(true);
    expect((await exportOf(h)).services.map((x: any) => x.prefix)).toEqual(['П', 'У', 'Н', 'Р', 'Д', 'Ю']);
    const r = await h.req('POST', '/api/admin/setup/template', { template: 'mfc' }, h.admin);
    expect(r.status).toBe(200);
    const doc = await exportOf(h);
    expect(doc.services.map((x: any) => x.prefix)).toEqual(['А', 'Б', 'В', 'Г', 'К', 'Е']);
    expect(doc.counters).toHaveLength(8);
    expect(doc.settings.hallName).toBe('Центр государственных услуг');
    expect(((await h.req('GET', '/api/services')).json as any[]).map((x) => x.prefix)).toEqual(['А', 'Б', 'В', 'Г', 'К', 'Е']);

    await h.req('POST', '/api/admin/setup/template', { template: 'empty' }, h.admin);
    expect((await exportOf(h)).services).toEqual([]);
    const steps = (await h.req('GET', '/api/admin/setup', undefined, h.admin)).json.steps;
    expect(steps.find((x: any) => x.id === 'template').done).toBe(true);
    expect(steps.find((x: any) => x.id === 'services')).toEqual({ id: 'services', done: false, count: 0 });

    await h.req('POST', '/api/admin/setup/template', { template: 'vodokanal' }, h.admin);
    const svc = ((await h.req('GET', '/api/services')).json as any[])[0].id;
    expect((await h.req('POST', '/api/tickets', { serviceId: svc })).status).toBe(201);
    expect((await h.req('GET', '/api/admin/setup', undefined, h.admin)).json.firstRun).toBe(false);
    expect((await h.req('POST', '/api/admin/setup/template', { template: 'empty' }, h.admin)).status).toBe(409);
  });
});
