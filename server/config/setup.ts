// The first-run checklist: what a new hall still lacks, shown to the administrator while the
// hall has never issued a ticket.
import type Database from 'better-sqlite3';
import type { SettingsStore } from '../settings';
import { templates, type TemplateId } from './templates';

export interface SetupStep { id: 'hall' | 'template' | 'services' | 'counters' | 'users' | 'printer' | 'test_print'; done: boolean; count?: number }

export interface SetupState {
  /** No ticket was ever issued: the checklist is shown and a template may replace the hall. */
  firstRun: boolean;
  hallName: string;
  hallNameEn: string;
  /** QUEUE_TIMEZONE (or the machine's zone): set in the server's environment, not here. */
  timezone: string;
  steps: SetupStep[];
  templates: { id: TemplateId; ru: string; en: string; services: number; counters: number }[];
}

/** No ticket was ever issued. */
export const isFirstRun = (sql: Database.Database): boolean => sql.prepare('SELECT 1 FROM tickets LIMIT 1').get() === undefined;

export function setupState(sql: Database.Database, settings: SettingsStore, timezone: string, envPrinter: boolean): SetupState {
  const n = (q: string) => (sql.prepare(q).get() as { n: number }).n;
  const s = settings.get();
  const services = n('SELECT COUNT(*) AS n FROM services WHERE active = 1');
  const counters = n('SELECT COUNT(*) AS n FROM counters c WHERE active = 1 AND EXISTS (SELECT 1 FROM counter_services cs WHERE cs.counter_id = c.id)');
  const staff = n("SELECT COUNT(*) AS n FROM users WHERE active = 1 AND role != 'admin'");
  const printers = n("SELECT COUNT(*) AS n FROM devices WHERE kind = 'printer' AND enabled = 1") + (envPrinter ? 1 : 0);
  return {
    firstRun: isFirstRun(sql),
    hallName: s.hallName, hallNameEn: s.hallNameEn, timezone,
    steps: [
      { id: 'hall', done: n("SELECT COUNT(*) AS n FROM settings WHERE key = 'hallName'") > 0 },
      { id: 'template', done: n("SELECT COUNT(*) AS n FROM audit_log WHERE action IN ('template', 'import') AND user_id IS NOT NULL") > 0 },
      { id: 'services', done: services > 0, count: services },
      { id: 'counters', done: counters > 0, count: counters },
      { id: 'users', done: staff > 0, count: staff },
      { id: 'printer', done: printers > 0, count: printers },
      { id: 'test_print', done: n(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'test_print' AND after = '{"printed":true}'`) > 0 },
    ],
    templates: (Object.keys(templates) as TemplateId[]).map((id) => ({ id, ru: templates[id].ru, en: templates[id].en, services: templates[id].doc.services!.length, counters: templates[id].doc.counters!.length })),
  };
}
