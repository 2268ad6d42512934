// Hall-wide settings kept in the `settings` table as JSON, with defaults for what is unset.
import type Database from 'better-sqlite3';
import { emptyCalendar, type HallCalendar } from './engine/calendar';
import type { BoardProfile, PublicSettings } from './protocol';

export interface Choice { id: string; ru: string; en: string }

/** A lunch break: its length in minutes and the window it must fall in (local 'HH:MM'). */
export interface LunchRule { minutes: number; from: string; to: string }

/** The lunch plan a supervisor adopted for a hall day: each operator's lunch. */
export interface AdoptedLunchPlan { adoptedAt: string; adoptedBy: number; lunches: { userId: number; start: string; end: string }[] }

export interface HallSettings {
  hallName: string;
  hallNameEn: string;
  /** Privileged customers (veterans, disabled people) served first within a priority level. */
  privilegedEnabled: boolean;
  /** Recalls after which a further recall marks the ticket a no-show; 0 = no limit. */
  recallLimit: number;
  outcomes: Choice[];
  breakReasons: Choice[];
  /** Hall boards by name (`/display/?board=<name>`). */
  boards: Record<string, BoardProfile>;
  /** Opening hours, holidays and shortened days: the kiosk's hours and the end of the hall day. */
  calendar: HallCalendar;
  /** The address customers' phones reach the hall server at (the printed QR); null = the
   * server's own LAN address. */
  publicUrl: string | null;
  /** Causes of a deviation from the plan, for the production analysis sheet's notes. */
  deviationReasons: Choice[];
  /** The daily backup: local time 'HH:MM' and how many copies to keep. */
  backup: { time: string; keep: number };
  /** Floating lunches: the default lunch and each operator's own (by user id). */
  lunch: LunchRule & { byUser: Record<string, LunchRule> };
  /** Adopted lunch plans by hall day ('YYYY-MM-DD'); the last weeks are kept. */
  lunchPlans: Record<string, AdoptedLunchPlan>;
  /** Dispatch rule 2: a ticket goes first once it has waited this share (%) of its service's
   * maximum wait. 100 is the contract's rule; the simulator finds 33 better (docs/simulation.md). */
  overdueAtPct: number;
  /** The live hall's `break_too_long` alert: seconds a break may last, by break reason id;
   * `default` for the other reasons and free text. */
  breakLimitSec: Record<string, number>;
}

export const defaultSettings: HallSettings = {
  hallName: 'Абонентский зал Водоканала',
  hallNameEn: 'Vodokanal customer hall',
  privilegedEnabled: false,
  recallLimit: 3,
  outcomes: [
    { id: 'resolved', ru: 'Вопрос решён', en: 'Resolved' },
    { id: 'needs_documents', ru: 'Нужны документы', en: 'Needs documents' },
    { id: 'sent_to_engineer', ru: 'Передано инженеру', en: 'Sent to an engineer' },
  ],
  breakReasons: [
    { id: 'lunch', ru: 'Обед', en: 'Lunch' },
    { id: 'technical', ru: 'Технический перерыв', en: 'Technical break' },
    { id: 'paperwork', ru: 'Работа с документами', en: 'Paperwork' },
  ],
  boards: {},
  calendar: emptyCalendar,
  publicUrl: null,
  deviationReasons: [
    { id: 'window_closed', ru: 'Окно закрыто', en: 'Window closed' },
    { id: 'system_failure', ru: 'Сбой системы', en: 'System failure' },
    { id: 'complex_case', ru: 'Сложный случай', en: 'Complex case' },
    { id: 'missing_documents', ru: 'Нет документов у клиента', en: 'Customer lacks documents' },
    { id: 'few_customers', ru: 'Мало посетителей', en: 'Few customers' },
    { id: 'other', ru: 'Другое', en: 'Other' },
  ],
  backup: { time: '03:00', keep: 14 },
  lunch: { minutes: 60, from: '11:00', to: '15:00', byUser: {} },
  lunchPlans: {},
  overdueAtPct: 100,
  breakLimitSec: { default: 1200, lunch: 3600 },
};

export class SettingsStore {
  private cache: HallSettings | null = null;
  private all; private upsert;

  constructor(private sql: Database.Database, private timezone: string) {
    this.all = sql.prepare('SELECT key, value FROM settings');
    this.upsert = sql.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  get(): HallSettings {
    if (!this.cache) {
      const stored = Object.fromEntries((this.all.all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value)]));
      this.cache = { ...defaultSettings, ...stored };
    }
    return this.cache!;
  }

  update(patch: Partial<HallSettings>): HallSettings {
    this.sql.transaction(() => {
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) this.upsert.run(k, JSON.stringify(v));
    })();
    this.cache = null;
    return this.get();
  }

  /** Forgets the cached values (after a transaction that changed them was rolled back). */
  reload(): void { this.cache = null; }

  publicView(): PublicSettings {
    const s = this.get();
    return { hallName: s.hallName, hallNameEn: s.hallNameEn, privilegedEnabled: s.privilegedEnabled, timezone: this.timezone, boards: s.boards };
  }
}
