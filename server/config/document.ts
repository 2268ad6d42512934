// The hall's configuration as one versioned JSON document without secrets: services, counters
// and their services, users (no passwords), devices (no tokens), notices, settings, calendar.
// Entities are named by natural keys, so a hall set up once can be copied to the next office:
// a service by its prefix, a user by login, a counter or device by its name (`key` tells two of
// one name apart). A section left out of a document is left alone by an import.
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { parseButtonsAddress } from '../../drivers/buttons/open-buttons.ts';
import { isButtonAction } from '../../drivers/buttons/types.ts';
import { parseAddress } from '../../drivers/transports/address.ts';
import iconv from 'iconv-lite';
import { Config as DeviceConfigSchema } from '../devices/routes.ts';
import { AppError } from '../errors';
import { checkCalendar, checkHours, normalisePublicUrl } from '../hall/admin';
import { Name, Nullable, Prefix, Role, strict } from '../schemas';
import { defaultSettings } from '../settings';
import { Calendar, Login, NoticeText, NoticeTextEn, Priority, ServiceFields, settingsFields } from './fields';

export const CONFIG_FORMAT = 'talon-config';
export const CONFIG_VERSION = 1;

const Key = Type.String({ minLength: 1, maxLength: 210 });
const { sortOrder: _order, ...serviceFields } = ServiceFields;

const DocService = Type.Object({ prefix: Prefix, name: Name, ...serviceFields }, strict);
const DocCounter = Type.Object({
  key: Type.Optional(Key), name: Name, active: Type.Optional(Type.Boolean()),
  services: Type.Array(Type.Object({ service: Prefix, priority: Priority }, strict), { maxItems: 100 }),
}, strict);
const DocUser = Type.Object({ login: Login, name: Name, role: Role, active: Type.Optional(Type.Boolean()) }, strict);
const { keypads: _keypads, ratingKeypads: _ratingKeypads, ...deviceConfigFields } = DeviceConfigSchema.properties;
/** Keypad address → counter key (in the hall, counter id): a keypad's counter travels by key. */
const PadCounters = Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]{1,3}$' }), Key));
/** The device settings that name counters by keypad address. */
export const PAD_MAPS = ['keypads', 'ratingKeypads'] as const;
const DocDevice = Type.Object({
  key: Type.Optional(Key), kind: Type.Union([Type.Literal('printer'), Type.Literal('buttons')]), name: Name,
  enabled: Type.Optional(Type.Boolean()), counter: Type.Optional(Nullable(Key)),
  config: Type.Optional(Type.Object({ ...deviceConfigFields, keypads: PadCounters, ratingKeypads: PadCounters }, strict)),
}, strict);
const DocNotice = Type.Object({ text: NoticeText, textEn: Type.Optional(NoticeTextEn), startsAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))), endsAt: Type.Optional(Nullable(Type.String({ format: 'date-time' }))) }, strict);

/** Settings the schema knows; settings added later with a default travel as they are. */
const knownSettings = settingsFields(Key);
const otherSettings = Object.fromEntries(Object.keys(defaultSettings).filter((k) => !(k in knownSettings) && k !== 'calendar').map((k) => [k, Type.Optional(Type.Unknown())]));
const DocSettings = Type.Object({ ...knownSettings, ...otherSettings }, strict);

export const ConfigDocument = Type.Object({
  format: Type.Literal(CONFIG_FORMAT),
  version: Type.Integer(),
  services: Type.Optional(Type.Array(DocService, { maxItems: 500 })),
  counters: Type.Optional(Type.Array(DocCounter, { maxItems: 500 })),
  users: Type.Optional(Type.Array(DocUser, { maxItems: 2000 })),
  devices: Type.Optional(Type.Array(DocDevice, { maxItems: 500 })),
  notices: Type.Optional(Type.Array(DocNotice, { maxItems: 500 })),
  settings: Type.Optional(DocSettings),
  calendar: Type.Optional(Calendar),
}, strict);

export type ConfigDoc = Static<typeof ConfigDocument>;
export type DocService = Static<typeof DocService>;
export type DocCounter = Static<typeof DocCounter>;
export type DocUser = Static<typeof DocUser>;
export type DocDevice = Static<typeof DocDevice>;
export type DocNotice = Static<typeof DocNotice>;

/** A refused document: where in it, and why. Nothing is changed. */
export const invalid = (path: string, message: string) => new AppError(400, 'invalid_config', `${path || '/'}: ${message}`, path);

/** Re-throws a field check of the admin routes with its path inside the document. */
function at<T>(prefix: string, fn: () => T): T {
  try { return fn(); } catch (e) {
    if (e instanceof AppError) throw invalid(prefix + (e.path ?? ''), e.message);
    throw invalid(prefix, (e as Error).message);
  }
}

/** Each entity's key: its own `key`, else its name; repeated names get "#2", "#3" in id order. */
export function keysOf<T extends { name: string }>(rows: T[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const n = (seen.get(r.name) ?? 0) + 1;
    seen.set(r.name, n);
    return n === 1 ? r.name : `${r.name}#${n}`;
  });
}
export const keyOf = (e: { key?: string; name: string }) => e.key ?? e.name;

function unique(list: string[], path: (i: number) => string, what: string) {
  const seen = new Set<string>();
  list.forEach((k, i) => { if (seen.has(k)) throw invalid(path(i), `${what} "${k}" appears twice`); seen.add(k); });
}

/**
 * Checks a document: its shape by the schema, then what a schema cannot say (keys repeated,
 * references to services or counters that neither the document nor the hall has, hours that
 * close before they open, device addresses the drivers would refuse). Throws `invalid_config`
 * with the JSON path of the first fault.
 */
export function validateConfig(doc: unknown, hall: { prefixes: string[]; counterKeys: string[]; logins: string[] }): ConfigDoc {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw invalid('', 'a configuration document is a JSON object');
  const d = doc as Record<string, unknown>;
  if (d.format !== CONFIG_FORMAT) throw invalid('/format', `expected "${CONFIG_FORMAT}"`);
  if (d.version !== CONFIG_VERSION) throw invalid('/version', `this server reads version ${CONFIG_VERSION}`);
  const first = Value.Errors(ConfigDocument, doc)[0];
  if (first) {
    const unknownField = first.keyword === 'boolean' || first.keyword === 'additionalProperties';
    throw invalid(first.instancePath, unknownField ? 'unknown field' : first.message);
  }
  const c = doc as ConfigDoc;
  for (const [i, n] of (c.notices ?? []).entries()) {
    if (n.startsAt && n.endsAt && Date.parse(n.endsAt) <= Date.parse(n.startsAt)) throw invalid(`/notices/${i}/endsAt`, 'the notice must end after it starts');
  }
  c.services?.forEach((s, i) => at(`/services/${i}`, () => checkHours(s)));
  unique((c.services ?? []).map((s) => s.prefix), (i) => `/services/${i}/prefix`, 'prefix');
  const prefixes = new Set(c.services ? c.services.map((s) => s.prefix) : hall.prefixes);
  unique((c.counters ?? []).map(keyOf), (i) => `/counters/${i}/${c.counters![i].key ? 'key' : 'name'}`, 'counter');
  const counters = new Set(c.counters ? c.counters.map(keyOf) : hall.counterKeys);
  c.counters?.forEach((ctr, i) => {
    unique(ctr.services.map((l) => l.service), (j) => `/counters/${i}/services/${j}/service`, 'service');
    ctr.services.forEach((l, j) => { if (!prefixes.has(l.service)) throw invalid(`/counters/${i}/services/${j}/service`, `no service with prefix ${l.service}`); });
  });
  unique((c.users ?? []).map((u) => u.login), (i) => `/users/${i}/login`, 'login');
  if (c.users && !c.users.some((u) => u.role === 'admin' && u.active !== false)) throw invalid('/users', 'the document has no active administrator');
  unique((c.devices ?? []).map(keyOf), (i) => `/devices/${i}/${c.devices![i].key ? 'key' : 'name'}`, 'device');
  c.devices?.forEach((dev, i) => checkDevice(dev, `/devices/${i}`, counters));
  const boards = c.settings?.boards ?? {};
  for (const [name, b] of Object.entries(boards)) {
    b.counters?.forEach((k, j) => { if (!counters.has(k)) throw invalid(`/settings/boards/${name}/counters/${j}`, `no counter "${k}"`); });
  }
  // Each operator's own lunch rule is keyed by login in the document (ids differ between halls).
  const logins = new Set(c.users ? c.users.map((u) => u.login) : hall.logins);
  const byUser = (c.settings as { lunch?: { byUser?: Record<string, unknown> } } | undefined)?.lunch?.byUser ?? {};
  for (const login of Object.keys(byUser)) if (!logins.has(login)) throw invalid(`/settings/lunch/byUser/${login}`, `no user "${login}"`);
  for (const k of Object.keys(otherSettings)) {
    const v = (c.settings as Record<string, unknown> | undefined)?.[k];
    const def = (defaultSettings as unknown as Record<string, unknown>)[k];
    if (v !== undefined && (Array.isArray(v) !== Array.isArray(def) || (v === null ? def !== null : typeof v !== typeof def))) throw invalid(`/settings/${k}`, 'wrong type');
  }
  if (c.settings?.publicUrl) c.settings.publicUrl = at('/settings', () => normalisePublicUrl(c.settings!.publicUrl!));
  if (c.calendar) c.calendar = at('/calendar', () => checkCalendar(c.calendar!));
  return c;
}

function checkDevice(dev: DocDevice, path: string, counters: Set<string>) {
  const cfg = dev.config ?? {};
  if (dev.counter && !counters.has(dev.counter)) throw invalid(`${path}/counter`, `no counter "${dev.counter}"`);
  for (const map of PAD_MAPS) {
    for (const [pad, k] of Object.entries(cfg[map] ?? {})) if (!counters.has(k)) throw invalid(`${path}/config/${map}/${pad}`, `no counter "${k}"`);
  }
  if (cfg.address) at(`${path}/config/address`, () => (dev.kind === 'buttons' ? parseButtonsAddress : parseAddress)(cfg.address!));
  if (cfg.encoding && !iconv.encodingExists(cfg.encoding)) throw invalid(`${path}/config/encoding`, `unsupported encoding ${cfg.encoding}`);
  cfg.keys?.forEach((k, i) => { if (!isButtonAction(k.action)) throw invalid(`${path}/config/keys/${i}/action`, `unknown button action ${k.action}`); });
}
