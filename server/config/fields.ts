// TypeBox schemas of the administration's fields, shared by the admin routes and the
// configuration document (server/config/document.ts): one definition of what a valid service,
// counter link, calendar or hall setting is.
import { Type } from 'typebox';
import { Day, HHMM, Id, Name, Nullable, strict } from '../schemas';

export const Span = Type.Tuple([HHMM, HHMM]);
/** Keys '1' (Monday) … '7' (Sunday), each optional. */
export const Weekday = Type.String({ pattern: '^[1-7]$' });
export const WeekHours = Type.Record(Weekday, Nullable(Span), strict);

export const ServiceFields = {
  nameEn: Type.Optional(Nullable(Name)),
  maxWaitSec: Type.Optional(Type.Integer({ minimum: 60, maximum: 86_400 })),
  defaultServiceSec: Type.Optional(Type.Integer({ minimum: 30, maximum: 14_400 })),
  normServiceSec: Type.Optional(Nullable(Type.Integer({ minimum: 30, maximum: 14_400 }))),
  groupName: Type.Optional(Nullable(Name)),
  groupNameEn: Type.Optional(Nullable(Name)),
  openFrom: Type.Optional(Nullable(HHMM)),
  openTo: Type.Optional(Nullable(HHMM)),
  hours: Type.Optional(Nullable(WeekHours)),
  dailyLimit: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000 }))),
  script: Type.Optional(Type.String({ maxLength: 20_000 })),
  ticketFooter: Type.Optional(Type.String({ maxLength: 500 })),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  active: Type.Optional(Type.Boolean()),
};

export const Priority = Type.Integer({ minimum: 1, maximum: 9 });
export const CounterLinks = Type.Array(Type.Object({ serviceId: Id, priority: Priority }, strict), { maxItems: 100 });
export const Login = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._@-]+$' });
export const NoticeText = Type.String({ minLength: 1, maxLength: 1000 });
export const NoticeTextEn = Nullable(Type.String({ maxLength: 1000 }));
export const IsoTime = Type.String({ format: 'date-time' });

export const Choices = Type.Array(Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), ru: Name, en: Name }, strict), { minItems: 1, maxItems: 20 });
const BoardLang = Type.Union([Type.Literal('ru'), Type.Literal('en')]);
/** A board's settings; `counters` are ids in the API and counter keys in a configuration document. */
export const boardProfile = <C extends Parameters<typeof Type.Array>[0]>(counter: C) => Type.Object({
  orientation: Type.Optional(Type.Union([Type.Literal('landscape'), Type.Literal('portrait')])),
  rows: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  counters: Type.Optional(Type.Array(counter, { maxItems: 200 })),
  sound: Type.Optional(Type.Boolean()),
  voice: Type.Optional(Type.Boolean()),
  volume: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  lang: Type.Optional(BoardLang),
  voiceLangs: Type.Optional(Type.Array(BoardLang, { minItems: 1, maxItems: 2, uniqueItems: true })),
  blinkSec: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 })),
}, strict);
/** Board names go in a URL typed on a TV remote: short, Latin, no spaces. */
export const BoardName = Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' });
export const boards = <C extends Parameters<typeof Type.Array>[0]>(counter: C) =>
  Type.Record(BoardName, boardProfile(counter), { maxProperties: 50, additionalProperties: false });

const DayHours = Type.Object({ open: HHMM, close: HHMM }, strict);
export const Calendar = Type.Object({
  week: Type.Record(Weekday, Nullable(DayHours), strict),
  holidays: Type.Array(Day, { maxItems: 1000 }),
  days: Type.Record(Day, DayHours, { maxProperties: 1000, additionalProperties: false }),
}, strict);

/** The hall settings an administrator sets (the calendar has its own endpoint). */
export const settingsFields = <C extends Parameters<typeof Type.Array>[0]>(counter: C) => ({
  hallName: Type.Optional(Name), hallNameEn: Type.Optional(Name), privilegedEnabled: Type.Optional(Type.Boolean()),
  overdueAtPct: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  recallLimit: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })), outcomes: Type.Optional(Choices), breakReasons: Type.Optional(Choices),
  deviationReasons: Type.Optional(Choices), boards: Type.Optional(boards(counter)),
  publicUrl: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  backup: Type.Optional(Type.Object({ time: HHMM, keep: Type.Integer({ minimum: 1, maximum: 365 }) }, strict)),
  /** The live hall's break_too_long alert: seconds by break reason id, `default` for the rest. */
  breakLimitSec: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), Type.Integer({ minimum: 60, maximum: 28_800 }), { maxProperties: 50, additionalProperties: false })),
});
