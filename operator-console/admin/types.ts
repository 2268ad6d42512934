// The administration API's shapes as the settings screens use them.
import type { BoardProfile, Role, WeekHours } from '../../server/protocol';

export interface Service {
  id: number; name: string; nameEn: string | null; prefix: string; maxWaitSec: number; defaultServiceSec: number; normServiceSec: number | null;
  groupName: string | null; groupNameEn: string | null; openFrom: string | null; openTo: string | null; hours: WeekHours | null;
  dailyLimit: number | null; script: string; ticketFooter: string; sortOrder: number; active: boolean;
}
export interface Link { serviceId: number; priority: number }
export interface Counter { id: number; name: string; state: string; active: boolean; userId: number | null; services: Link[] }
export interface User { id: number; login: string; name: string; role: Role; active: boolean; mustChangePassword: boolean }
export interface Notice { id: number; text: string; textEn: string | null; startsAt: string | null; endsAt: string | null }
export interface Choice { id: string; ru: string; en: string }
export interface DayHours { open: string; close: string }
export interface Calendar { week: Partial<Record<string, DayHours | null>>; holidays: string[]; days: Record<string, DayHours> }
export interface HallSettings {
  hallName: string; hallNameEn: string; privilegedEnabled: boolean; recallLimit: number; overdueAtPct: number; outcomes: Choice[]; breakReasons: Choice[];
  deviationReasons: Choice[]; boards: Record<string, BoardProfile>; publicUrl: string | null; calendar: Calendar;
}
export interface HidKey { index: number; mask?: number; value?: number; action: string }
export interface DeviceConfig { address?: string; codepage?: number; encoding?: string; qr?: 'native' | 'raster'; width?: number; keypads?: Record<string, number>; keys?: HidKey[] }
export interface Device {
  id: number; kind: 'printer' | 'buttons'; name: string; config: DeviceConfig; counterId: number | null; enabled: boolean; createdAt: string;
  lastSeenAt: string | null; agentInfo: { version: string | null; host: string | null; printer: string | null; buttons: string | null } | null; connected: boolean;
}
export interface DeviceStatus { id: number | string; kind: string; name: string; status: string; detail: string | null }
export type PreviewBlock =
  | { kind: 'text'; text: string; width: number; height: number; bold: boolean; align: number }
  | { kind: 'qr'; data: string }
  | { kind: 'raster'; widthBytes: number; height: number; data: string };
export interface TicketPreview { width: number; bytes: number; blocks: PreviewBlock[] }
export interface AuditEntry { id: number; at: string; user: { id: number; login: string; name: string } | null; action: string; entity: string; entityId: string | null; before: any; after: any }
export interface ConfigChange { entity: string; key: string; action: string; before?: Record<string, unknown>; after?: Record<string, unknown> }
export interface ImportResult { dryRun: boolean; changes: ConfigChange[]; summary: Record<string, number>; passwords: { login: string; password: string }[] }
export interface SetupState {
  firstRun: boolean; hallName: string; hallNameEn: string; timezone: string;
  steps: { id: string; done: boolean; count?: number }[];
  templates: { id: string; ru: string; en: string; services: number; counters: number }[];
}
