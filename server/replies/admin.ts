// Reply schemas of the administration (role admin): services, counters, users, notices,
// settings, calendar, audit log, the configuration document, the first run, devices and
// backups. Conventions: ./common.ts.
import { Type } from 'typebox';
import type { EncoderOptions } from '../../drivers/escpos/encoder.ts';
import type { TicketPreview as TicketPreviewView } from '../../drivers/escpos/preview.ts';
import type { ConfigDoc } from '../config/document';
import type { ImportResult } from '../config/store';
import type { SetupState } from '../config/setup';
import type { DeviceView } from '../device-port';
import type { DeviceRow } from '../devices/store.ts';
import type { HallCalendar } from '../engine/calendar';
import type { AdminService } from '../hall/admin';
import type { AuditEntry } from '../hall/audit';
import type { HealthInput, healthDetail } from '../ops/health';
import type { BackupFile as BackupFileView } from '../ops/backup-files';
import type { HallSettings } from '../settings';
import { Any, AnyObj, Arr, Bool, Choice, Dict, Fits, HHMM, Int, IntOrStr, Num, Obj, Opt, OrNull, Str, Time } from './common';
import { Role } from './public';

const Hours = Type.Unsafe<Record<string, string[] | null> | null>({ ...OrNull(Dict(OrNull(Arr(HHMM)))), description: 'Hours by ISO weekday "1"…"7"; null = openFrom–openTo every day' });

/** A service as the administration sees it (GET/POST/PATCH /api/admin/services). */
export const AdminServiceRow = Obj({
  id: Int, name: Str, prefix: Str, maxWaitSec: Int,
  nameEn: Opt(OrNull(Str)), defaultServiceSec: Opt(Int), normServiceSec: Opt(OrNull(Int)), groupName: Opt(OrNull(Str)), groupNameEn: Opt(OrNull(Str)),
  openFrom: Opt(OrNull(HHMM)), openTo: Opt(OrNull(HHMM)), hours: Opt(Hours),
  dailyLimit: Opt(OrNull(Int)), script: Opt(Str), ticketFooter: Opt(Str), sortOrder: Opt(Int), active: Opt(Bool),
});
export const AdminServices = Arr(AdminServiceRow);

const Link = Obj({ serviceId: Int, priority: Int });
export const AdminCounter = Obj({
  id: Int, name: Str, services: Arr(Link),
  state: Opt(Type.String({ enum: ['closed', 'open', 'break'] })), active: Opt(Bool), userId: Opt(OrNull(Int)),
});
export const AdminCounters = Arr(AdminCounter);

export const AdminUser = Obj({
  id: Int, login: Str, name: Str, role: Role,
  active: Opt(Bool), mustChangePassword: Opt(Bool),
});
export const NewUser = Obj({ ...AdminUser.properties, password: Opt(Type.String({ description: 'Generated when none was given: shown this once' })) });
export const PasswordReset = Obj({ id: Int, password: Str, mustChangePassword: Bool }, 'The new password, shown this once');
export const SessionsEnded = Obj({ ended: Int });

export const CalendarReply = Obj({
  week: Dict(OrNull(Obj({ open: HHMM, close: HHMM }))),
  holidays: Arr(Type.String({ format: 'date' })),
  days: Dict(Obj({ open: HHMM, close: HHMM })),
});

const LunchRule = Obj({ minutes: Int, from: HHMM, to: HHMM });
export const LunchRules = Obj({ ...LunchRule.properties, byUser: Dict(LunchRule) });

export const Settings = Obj({
  hallName: Str, hallNameEn: Str, privilegedEnabled: Bool, recallLimit: Int,
  outcomes: Arr(Choice), breakReasons: Arr(Choice), boards: Dict(AnyObj()), calendar: CalendarReply,
  publicUrl: OrNull(Str), deviationReasons: Arr(Choice), backup: Obj({ time: HHMM, keep: Int }),
  lunch: LunchRules, lunchPlans: Dict(AnyObj()), overdueAtPct: Num, breakLimitSec: Dict(Num),
});

export const AuditEntries = Arr(Obj({
  at: Time, user: OrNull(Obj({ id: Int, login: Str, name: Str })), action: Str, entity: Str, entityId: OrNull(Str), before: Any, after: Any,
  id: Opt(Int),
}));

export const ConfigExport = Obj({
  format: Type.String({ description: '"talon-config"' }), version: Int,
  services: Opt(Arr(Obj({ prefix: Str, name: Str }))),
  counters: Opt(Arr(Obj({ name: Str, services: Arr(Obj({ service: Str, priority: Int })) }))),
  users: Opt(Arr(Obj({ login: Str, name: Str, role: Role }))),
  devices: Opt(Arr(Obj({ kind: Str, name: Str }))),
  notices: Opt(Arr(Obj({ text: Str }))),
  settings: Opt(AnyObj()), calendar: Opt(AnyObj()),
}, 'The hall\'s configuration document, without secrets');

export const ImportReply = Obj({
  dryRun: Bool,
  changes: Arr(Obj({ entity: Str, key: Str, action: Type.String({ enum: ['create', 'update', 'remove', 'delete', 'deactivate'] }), before: Opt(AnyObj()), after: Opt(AnyObj()) })),
  summary: Dict(Int),
  passwords: Arr(Obj({ login: Str, password: Str })),
});

export const Setup = Obj({
  firstRun: Bool, hallName: Str, hallNameEn: Str, timezone: Str,
  steps: Arr(Obj({ id: Str, done: Bool, count: Opt(Int) })),
  templates: Arr(Obj({ id: Str, ru: Str, en: Str, services: Int, counters: Int })),
});

// ---- devices ----

const DeviceKind = Type.String({ enum: ['printer', 'buttons'] });
/** GET /api/devices (the contract's) and the health detail's devices. */
export const Device = Obj({
  id: IntOrStr, kind: DeviceKind, name: Str,
  status: Type.String({ description: 'A printer: ok, paper_low, paper_out, offline or error' }), detail: OrNull(Str),
});
export const AdminDevice = Obj({
  id: Int, kind: DeviceKind, name: Str, config: AnyObj('Driver settings (address, code page, keypads, keys, …)'),
  counterId: OrNull(Int), enabled: Bool, createdAt: Time, lastSeenAt: OrNull(Time),
  agentInfo: OrNull(Obj({ version: OrNull(Str), host: OrNull(Str), printer: OrNull(Str), buttons: OrNull(Str) })),
  connected: Opt(Type.Boolean({ description: 'An agent holds the device\'s websocket now' })),
});
export const DeviceToken = Obj({ deviceId: Int, token: Type.String({ description: 'Shown this once: only its hash is stored' }) });
export const Printed = Obj({ printed: Bool });
export const TicketPreview = Obj({
  width: Int, bytes: Int, encoder: Obj({ codepage: Int, encoding: Str, qr: Str }),
  blocks: Arr(Obj({
    kind: Type.String({ enum: ['text', 'qr', 'raster'] }),
    text: Opt(Str), width: Opt(Int), height: Opt(Int), bold: Opt(Bool), align: Opt(Int), data: Opt(Str), widthBytes: Opt(Int),
  })),
});

// ---- backups and health ----

export const BackupMade = Obj({ file: Str, bytes: Int });
export const BackupFile = Obj({
  file: Type.String({ description: 'Path on the server' }), name: Str, bytes: Int, at: Time,
  kind: Type.String({ enum: ['manual', 'daily', 'pre-migration', 'pre-restore'] }),
});
export const Health = Obj({
  status: Type.String({ enum: ['ok', 'warning'] }), problems: Arr(Str),
  version: Str, release: Str, node: Str, startedAt: Time, uptimeSec: Int,
  database: Obj({ file: Str, bytes: Int, walBytes: Int }),
  disk: Obj({ path: Str, freeBytes: Int, totalBytes: Int }),
  backup: Obj({
    last: OrNull(BackupFile), ageSec: OrNull(Int), stale: Bool, staleSince: OrNull(Time), next: OrNull(Time), lastError: OrNull(Str),
    staleAt: Opt(Time),
  }),
  devices: Arr(Device), websockets: Int,
});
export const OpenApiDocument = Obj({ openapi: Str, info: Obj({ title: Str, version: Str }), paths: AnyObj() }, 'This document');

// The views fit these schemas (checked by the compiler).
type Admin = AdminService;
export const viewsFit: [
  Fits<ReturnType<Admin['listServices']>, typeof AdminServices>, Fits<ReturnType<Admin['listCounters']>, typeof AdminCounters>,
  Fits<ReturnType<Admin['listUsers']>[number], typeof AdminUser>, Fits<Awaited<ReturnType<Admin['createUser']>>, typeof NewUser>,
  Fits<Awaited<ReturnType<Admin['resetPassword']>>, typeof PasswordReset>, Fits<ReturnType<Admin['endSessions']>, typeof SessionsEnded>,
  Fits<HallSettings, typeof Settings>, Fits<HallCalendar, typeof CalendarReply>, Fits<AuditEntry, (typeof AuditEntries)['items']>,
  Fits<ConfigDoc, typeof ConfigExport>, Fits<ImportResult, typeof ImportReply>, Fits<SetupState, typeof Setup>,
  Fits<DeviceView, typeof Device>, Fits<DeviceRow & { connected: boolean }, typeof AdminDevice>, Fits<TicketPreviewView & { encoder: EncoderOptions }, typeof TicketPreview>,
  Fits<BackupFileView, typeof BackupFile>, Fits<ReturnType<typeof healthDetail>, typeof Health>, Fits<HealthInput['backup'], (typeof Health)['properties']['backup']>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
