// Drizzle schema of the hall database. Times are integer milliseconds since the epoch (UTC);
// the API turns them into ISO-8601 strings. Migrations in db/migrations are generated from this
// file with `npm run db:generate` and applied at start.
import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const services = sqliteTable('services', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  prefix: text('prefix').notNull(),
  maxWaitSec: integer('max_wait_sec').notNull().default(900),
  // Expected service time until the service has history of its own.
  defaultServiceSec: integer('default_service_sec').notNull().default(600),
  // The standard (normative) service time of the lean plan: plan per window-hour = 3600 / it.
  // Null: the default service time.
  normServiceSec: integer('norm_service_sec'),
  groupName: text('group_name'),
  groupNameEn: text('group_name_en'),
  // Hours as 'HH:MM' in the hall's zone; null = always open.
  openFrom: text('open_from'),
  openTo: text('open_to'),
  // Hours by ISO weekday as JSON {"1": ["08:00", "17:00"], …, "7": null}; null = openFrom/openTo every day.
  hours: text('hours'),
  dailyLimit: integer('daily_limit'),
  script: text('script').notNull().default(''),
  ticketFooter: text('ticket_footer').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const counters = sqliteTable('counters', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  // closed | open | break
  state: text('state').notNull().default('closed'),
  userId: integer('user_id').references(() => users.id),
  breakReason: text('break_reason'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const counterServices = sqliteTable('counter_services', {
  counterId: integer('counter_id').notNull().references(() => counters.id, { onDelete: 'cascade' }),
  serviceId: integer('service_id').notNull().references(() => services.id),
  priority: integer('priority').notNull().default(1),
}, (t) => [primaryKey({ columns: [t.counterId, t.serviceId] })]);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  login: text('login').notNull().unique(),
  name: text('name').notNull(),
  // operator | supervisor | admin
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  // A generated first password (or one reset by the administration) must be changed at login.
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
});

export const devices = sqliteTable('devices', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  // printer | buttons
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  // Driver settings as JSON: transport address, code page, button mapping, ...
  config: text('config').notNull().default('{}'),
  counterId: integer('counter_id').references(() => counters.id),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at').notNull(),
  // A device agent's last connection and what it reported (version, attached devices) as JSON.
  lastSeenAt: integer('last_seen_at'),
  agentInfo: text('agent_info'),
});

// Login and device tokens; only a SHA-256 of the token is stored.
export const tokens = sqliteTable('tokens', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tokenHash: text('token_hash').notNull().unique(),
  userId: integer('user_id').references(() => users.id),
  deviceId: integer('device_id').references(() => devices.id),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at'),
  revokedAt: integer('revoked_at'),
});

export const tickets = sqliteTable('tickets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  serviceId: integer('service_id').notNull().references(() => services.id),
  originalServiceId: integer('original_service_id').notNull().references(() => services.id),
  number: text('number').notNull(),
  // The hall day ('YYYY-MM-DD' in the hall's zone) and the sequence within it.
  hallDay: text('hall_day').notNull(),
  seq: integer('seq').notNull(),
  // waiting | called | serving | done | no_show | postponed | expired (left at the end of the hall day)
  status: text('status').notNull(),
  privileged: integer('privileged', { mode: 'boolean' }).notNull().default(false),
  issuedAt: integer('issued_at').notNull(),
  firstCalledAt: integer('first_called_at'),
  calledAt: integer('called_at'),
  startedAt: integer('started_at'),
  finishedAt: integer('finished_at'),
  counterId: integer('counter_id').references(() => counters.id),
  userId: integer('user_id').references(() => users.id),
  // Set by a transfer to a counter or a postponement: only that counter calls the ticket.
  targetCounterId: integer('target_counter_id').references(() => counters.id),
  postponedUntil: integer('postponed_until'),
  recalls: integer('recalls').notNull().default(0),
  outcome: text('outcome'),
  // Estimate given at issue, kept to log its error against the real wait.
  etaSec: integer('eta_sec'),
  source: text('source').notNull().default('kiosk'),
  // Unguessable public code of the ticket: its status page and QR use it, never the id.
  code: text('code'),
}, (t) => [
  uniqueIndex('tickets_number_day').on(t.originalServiceId, t.hallDay, t.seq),
  // The queue index: covering for the dispatch and "people ahead" queries.
  index('tickets_status_service').on(t.status, t.serviceId, t.issuedAt, t.targetCounterId),
  // Partial indexes: a new ticket has no counter, no target and is not done, so issuing a
  // ticket does not touch them (every index page touched is more to write to the WAL).
  index('tickets_counter_status').on(t.counterId, t.status).where(sql`counter_id IS NOT NULL`),
  index('tickets_target_counter').on(t.targetCounterId, t.status).where(sql`target_counter_id IS NOT NULL`),
  index('tickets_done').on(t.serviceId, t.finishedAt).where(sql`status = 'done'`),
  index('tickets_issued').on(t.issuedAt),
  uniqueIndex('tickets_code').on(t.code),
]);

// Waiting tickets per service, kept by triggers (migration 0001) in the same transaction as the
// ticket change: kiosks, boards and every event read it instead of counting the queue.
export const waitingCounts = sqliteTable('waiting_counts', {
  serviceId: integer('service_id').primaryKey().references(() => services.id),
  count: integer('count').notNull().default(0),
});

// Append-only: one row for every change of a ticket.
export const ticketEvents = sqliteTable('ticket_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  ticketId: integer('ticket_id').notNull().references(() => tickets.id),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  action: text('action').notNull(),
  counterId: integer('counter_id').references(() => counters.id),
  userId: integer('user_id').references(() => users.id),
  at: integer('at').notNull(),
  detail: text('detail'),
}, (t) => [
  index('ticket_events_ticket').on(t.ticketId),
  // Reports (server/hall/reports.ts): transfers, and visits (a call starts one at a counter, the
  // ticket leaving called/serving ends it) by time, a visit's end before the next one's start at
  // the same instant; partial, so that most events do not touch them.
  index('ticket_events_transfers').on(t.at).where(sql`action = 'transfer'`),
  index('ticket_events_visits').on(t.at, t.counterId, sql`(action = 'call')`, t.userId)
    .where(sql`counter_id IS NOT NULL AND (action = 'call' OR (from_status IN ('called', 'serving') AND to_status NOT IN ('called', 'serving')))`),
]);

// Append-only: counter opened, closed, on break, resumed (for the operator's day and reports).
export const counterEvents = sqliteTable('counter_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  counterId: integer('counter_id').notNull().references(() => counters.id),
  userId: integer('user_id').references(() => users.id),
  action: text('action').notNull(),
  reason: text('reason'),
  at: integer('at').notNull(),
}, (t) => [index('counter_events_counter_at').on(t.counterId, t.at)]);

export const notices = sqliteTable('notices', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  text: text('text').notNull(),
  textEn: text('text_en'),
  startsAt: integer('starts_at'),
  endsAt: integer('ends_at'),
  createdAt: integer('created_at').notNull(),
});

// Hall-wide settings as JSON values (hall name, privileged customers, recall limit, outcomes…).
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// Append-only: every administrative change, through the screens or the API, with the values
// before and after (as JSON, secrets removed).
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: integer('at').notNull(),
  userId: integer('user_id').references(() => users.id),
  // create | update | delete | import | …
  action: text('action').notNull(),
  // service | counter | user | device | notice | settings | calendar | config | …
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: text('before'),
  after: text('after'),
}, (t) => [index('audit_log_at').on(t.at)]);

// The production analysis sheet's notes: the cause of an hour's deviation and the measure taken.
export const planFactNotes = sqliteTable('plan_fact_notes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  day: text('day').notNull(),
  hour: text('hour').notNull(),
  counterId: integer('counter_id').references(() => counters.id),
  reasonId: text('reason_id').notNull(),
  text: text('text'),
  measure: text('measure'),
  userId: integer('user_id').references(() => users.id),
  at: integer('at').notNull(),
}, (t) => [index('plan_fact_notes_day').on(t.day)]);

// Customers' ratings of a finished visit (the window's rating tablet or a keypad's keys 1–5).
export const feedback = sqliteTable('feedback', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  ticketId: integer('ticket_id').notNull().references(() => tickets.id).unique(),
  rating: integer('rating').notNull(),
  comment: text('comment'),
  serviceId: integer('service_id').references(() => services.id),
  counterId: integer('counter_id').references(() => counters.id),
  userId: integer('user_id').references(() => users.id),
  at: integer('at').notNull(),
  source: text('source').notNull().default('tablet'),
}, (t) => [index('feedback_at').on(t.at)]);
